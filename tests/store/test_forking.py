"""Forked children (``envtrack/store/forking.py``): a child forked after another holds none of
the other's pipes, so closing a child that is still writing ends it, however many siblings it
has; a child that ends early is reported gone."""

from __future__ import annotations

import os
import signal

import pytest

from envtrack.store.forking import Child, ChildGone, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this system")


def writes_for_ever(receive, send) -> None:
    while True:
        send(b"x" * 65_536)  # more than a pipe holds: it blocks until the parent reads


def waits_for_the_parent(receive, send) -> None:
    try:
        receive()
    except EOFError:
        pass


def test_closing_a_child_that_is_writing_ends_it_though_a_sibling_was_forked_after_it():
    writer = Child(writes_for_ever)
    sibling = Child(waits_for_the_parent)
    assert writer.receive() == b"x" * 65_536
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the writer was never ended: a sibling holds its pipe"))
    signal.alarm(20)
    try:
        writer.close()  # its pipe closed here: the writer's next write fails only if no sibling holds it open
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    sibling.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(writer.pid, os.WNOHANG)


def test_a_child_that_ends_before_answering_is_gone():
    child = Child(lambda receive, send: os._exit(3))
    with pytest.raises(ChildGone):
        child.receive()
    assert child.gone
    child.close()
