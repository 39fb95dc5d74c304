"""``envtrack projections update|rebuild|status``: the read models derived from the log."""

from __future__ import annotations

import time

import click

from envtrack.cli.recording import confirm, format_option, output_rows
from envtrack.context import Context
from envtrack.i18n import label

STATUS_COLUMNS = ["projection", "position", "head", "lag"]
UNREADABLE_COLUMNS = ["position", "projection", "topic", "unreadable"]


class ProgressPrinter:
    """Reports progress on stderr for long runs: nothing during the first ``after`` seconds,
    then at most one line every ``every`` seconds."""

    def __init__(self, obj: Context, action_key: str, *, after: float = 1.0, every: float = 1.0) -> None:
        self.action = label(action_key, obj.lang)
        self.lang = obj.lang
        self.every = every
        self.next_at = time.monotonic() + after

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now < self.next_at:
            return
        self.next_at = now + self.every
        share = 100 if total <= 0 else int(100 * done / total)
        message = label("proj.progress", self.lang).format(
            action=self.action, done=done, total=total, pct=share
        )
        click.echo(message, err=True)


@click.group()
def projections() -> None:
    """Update, rebuild and inspect the read models (SQL tables derived from the event log)."""


@projections.command("update")
@click.pass_obj
def update(obj: Context) -> None:
    """Catch every read model up with the log, from the position it has reached."""
    from envtrack.reports import require_store
    from projections.readmodels import ReadModels

    require_store(obj.store)
    with ReadModels(obj.store) as read_models:
        position = read_models.update(ProgressPrinter(obj, "proj.updating"))
        confirm(obj, "proj.updated", position=position, events=read_models.events_read)


@projections.command("rebuild")
@click.pass_obj
def rebuild(obj: Context) -> None:
    """Rebuild every read model from the start of the log into fresh tables, then swap them in
    at once. If it is stopped midway, the previous read models keep serving."""
    from envtrack.reports import require_store
    from projections.readmodels import ReadModels

    require_store(obj.store)
    with ReadModels(obj.store) as read_models:
        position = read_models.rebuild(ProgressPrinter(obj, "proj.rebuilding"))
        confirm(obj, "proj.rebuilt", position=position, events=read_models.events_read)


@projections.command("status")
@format_option()
@click.pass_obj
def status(obj: Context, fmt: str) -> None:
    """Per read model: the log position it has reached, the head of the log, and the lag."""
    from envtrack.reports import require_store
    from projections.readmodels import ReadModels

    require_store(obj.store)
    with ReadModels(obj.store) as read_models:
        rows = read_models.status()
    named = [{**row, "projection": label(f"projection.{row['projection']}", obj.lang)} for row in rows]
    output_rows(obj, fmt, named, STATUS_COLUMNS, data=rows)
    held = [{**event, "projection": row["projection"]} for source, row in zip(rows, named) for event in source["unreadable"]]
    if held and fmt == "table":  # JSON has them in each projection's "unreadable"
        held.sort(key=lambda event: event["position"])
        click.echo(label("store.unreadable_held", obj.lang).format(count=len(held)), err=True)
        click.echo()  # a blank line between the two tables
        shown = [{**event, "unreadable": unreadable_reason(event["reason"], event["detail"], obj.lang)} for event in held]
        output_rows(obj, fmt, shown, UNREADABLE_COLUMNS)


def read_only_notice(obj: Context):
    """What a report says on stderr when the store is read-only and its read models could not
    be caught up (the figures then come from the log itself)."""

    def notice(position: int, head: int) -> None:
        text = label("store.read_only_replayed", obj.lang).format(db=obj.store.display, position=position, head=head)
        click.echo(text, err=True)

    return notice


def unreadable_reason(reason: str, detail: str, lang: str) -> str:
    """Why an event held aside cannot be read, in ``lang``."""
    return label(f"store.reason.{reason}", lang).format(detail=detail)
