"""envtrack: an event-sourced tracker for municipal environmental programmes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.errors import DomainError

if TYPE_CHECKING:
    from envtrack.messages import Messages

__version__ = "0.2.0"


class _Words:
    """The refusals' words (``envtrack/messages.py``), read the first time a refusal is put into
    words: a command that succeeds never needs them."""

    def field(self, error: DomainError) -> str:
        return _messages().field(error)

    def message(self, error: DomainError, lang: str) -> str:
        return _messages().message(error, lang)


def _messages() -> Messages:
    from envtrack.messages import WORDS

    return WORDS


DomainError.wording = _Words()
