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
    _apps: dict[tuple[bool, bool], EnvTrack] = field(default_factory=dict, repr=False)

    @cached_property
    def store(self) -> Store:
        """The store ``--db`` names, resolved once per command and shared by all it does."""
        return resolve(self.db)

    def app(self, *, create: bool = True, read_only: bool = False) -> EnvTrack:
        """The application; ``create=False`` refuses a missing store, ``read_only`` (commands
        that only read: they imply ``create=False``) opens it without writing anything."""
        from envtrack.application import open_app

        key = (create and not read_only, read_only)
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
        raise click.ClickException(error.message(lang)) from None
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    except PersistenceError as error:
        raise click.ClickException(_database_message(ctx, str(error))) from None
    except Exception as error:
        # The database refusing the read models or a raw read of the log (a role without the
        # right grants, a server gone, a lock held too long): its message, not a traceback.
        if not isinstance(error, driver_errors()):
            raise
        cause = getattr(error, "orig", None) or error
        first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        raise click.ClickException(_database_message(ctx, first_line)) from None


def _store_refusal(ctx: click.Context, error: Exception) -> None:
    """Raises the refusal that says what went wrong with the store, for a wait for a lock that
    ran out of time and an event the library cannot decode; nothing for any other error."""
    from eventsourcing.persistence import MapperDeserialisationError

    store = getattr(ctx.find_root().obj, "__dict__", {}).get("store")  # only if resolved: never again here
    if store is None or isinstance(error, (DomainError, click.ClickException)):
        return
    if store.is_lock_timeout(error):
        raise Refused("db", store.display, "lock_timeout", seconds=store.lock_timeout) from None
    if isinstance(error, MapperDeserialisationError):
        raise Refused("db", store.display, "event_unreadable", error=str(error)[:300]) from None


def _database_message(ctx: click.Context, message: str) -> str:
    store = getattr(ctx.find_root().obj, "store", None)
    if store is None:
        return f"database: {message}"
    return f"database: {store.without_password(message)} (db {store.display!r})"
