"""What every command shares: the global options, the application, and one exit path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import click

from domain.errors import DomainError, Refused
from envtrack.store import Store, StoreError, driver_errors, resolve

if TYPE_CHECKING:
    from envtrack.application import EnvTrack


@dataclass
class Context:
    """The root command's options, passed to every command with ``@click.pass_obj``."""

    db: str
    operator: str
    lang: str = "id"
    _apps: dict[tuple[bool | None, bool], EnvTrack] = field(default_factory=dict, repr=False)

    @cached_property
    def store(self) -> Store:
        """The store ``--db`` names, resolved once per command and shared by all it does."""
        return resolve(self.db)

    def app(self, *, create: bool | None = None, read_only: bool = False) -> EnvTrack:
        """The application. ``create=True``: a command that may start a store (``init``, the
        first ``site add`` or ``city set``, ``demo``, ``sync pull``, ``bundle import``).
        ``False``: refused when the store is not there. ``read_only``: a command that only
        reads (implies ``False``), which opens the store without writing anything. ``None``
        (every other command, which records): refused when there is certainly no store (no
        file), without asking the store anything, so that a record opens no connection of the
        store's own. A refused command in a wrong folder thus leaves no store file behind."""
        from envtrack.application import open_app

        key = (False if read_only else create, read_only)
        if key not in self._apps:
            self._apps[key] = open_app(self.store, operator=self.operator, create=key[0], read_only=read_only)
        return self._apps[key]

    def close(self) -> None:
        for app in self._apps.values():
            app.close()
        self._apps.clear()
        if "store" in self.__dict__:  # resolved by this command
            self.store.close()


def user_errors(ctx: click.Context, invoke: Callable[[], Any]) -> Any:
    """Runs a command, turning every error a user can cause into ``Error: …`` and exit 1.

    Click's own usage errors keep exit 2. Nothing a user can cause prints a traceback, and no
    message ever shows a database password.
    """
    from eventsourcing.persistence import PersistenceError

    try:
        try:
            return invoke()
        except Exception as error:
            _store_refusal(ctx, error)
            raise
    except DomainError as error:
        # the root callback sets ``obj`` (and --lang) while ``invoke`` runs: read it afterwards;
        # the words are envtrack/messages.py's, in that language
        lang = getattr(ctx.find_root().obj, "lang", "id")
        raise click.ClickException(_shown(error.message(lang))) from None
    except StoreError as error:
        raise click.ClickException(_shown(str(error))) from None
    except PersistenceError as error:
        raise click.ClickException(_shown(_database_message(ctx, str(error)))) from None
    except Exception as error:
        # The database refusing the read models or a raw read of the log (a role without the
        # right grants, a server gone, a lock held too long): its message, not a traceback.
        if not isinstance(error, driver_errors()):
            raise
        cause = getattr(error, "orig", None) or error
        first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        raise click.ClickException(_shown(_database_message(ctx, first_line))) from None


def _shown(message: str) -> str:
    """A refusal as a terminal may show it: what the user typed (a name with an escape sequence,
    a reason with a bidi override) is written with visible escapes, never acted on."""
    from envtrack.output import terminal_text

    return terminal_text(message, keep="")


def _store_refusal(ctx: click.Context, error: Exception) -> None:
    """Raises the refusal that says what went wrong with the store, for a wait for a lock that
    ran out of time and an event the library cannot decode; nothing for any other error."""
    from eventsourcing.persistence import MapperDeserialisationError

    store = getattr(ctx.find_root().obj, "__dict__", {}).get("store")  # only if resolved: never again here
    if store is None or isinstance(error, (DomainError, click.ClickException)):
        return
    if store.is_lock_timeout(error):
        raise Refused("db", store.display, "lock_timeout", seconds=store.lock_timeout) from None
    from envtrack.application import UnreadableHistory

    if isinstance(error, (MapperDeserialisationError, UnreadableHistory)):
        raise Refused("db", store.display, "event_unreadable", error=str(error)[:300]) from None


def _database_message(ctx: click.Context, message: str) -> str:
    store = getattr(ctx.find_root().obj, "store", None)
    if store is None:
        return f"database: {message}"
    return f"database: {store.without_password(message)} (db {store.display!r})"
