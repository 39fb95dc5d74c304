"""Refusals a user can cause: what was refused and why, as data.

A refusal names the field (the user's name for what was wrong), the value refused, a ``code``
for the reason and the ``data`` the reason mentions — the way bankaccounts raises
``AccountClosedError({"account_id": ...})``. It carries no words: those, in Indonesian and in
English, live with the other labels of the application (``envtrack/messages.py``), which gives
every refusal its ``wording`` when envtrack is loaded. Then ``str(error)`` is the English message
(``kg -1: is not a finite number greater than 0``) and ``error.message(lang)`` the one in
``lang``. A refusal of a whole command rather than of one field gives no field: the wording
names the command, as only the edge knows commands.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol


def show_value(value: Any) -> str:
    """A value as a message shows it: strings quoted, numbers plain."""
    if isinstance(value, str):
        return repr(value)
    return str(value)


class Wording(Protocol):
    """How refusals are put into words (installed by the application)."""

    def field(self, error: DomainError) -> str: ...

    def message(self, error: DomainError, lang: str) -> str: ...


class DomainError(Exception):
    """Base of every refusal: ``field`` and ``value`` refused, for the reason ``code`` with
    ``data``."""

    wording: ClassVar[Wording | None] = None

    def __init__(self, field: str | None, value: Any, code: str, **data: Any) -> None:
        super().__init__(field, value, code, data)
        self._field = field
        self.value = value
        self.code = code
        self.data = data

    @property
    def field(self) -> str:
        if self._field is not None:
            return self._field
        return DomainError.wording.field(self) if DomainError.wording is not None else self.code

    def message(self, lang: str = "en") -> str:
        if DomainError.wording is None:  # no words loaded: the code and the data
            return f"{self.field} {show_value(self.value)}: {self.code} {self.data}"
        return DomainError.wording.message(self, lang)

    def __str__(self) -> str:
        return self.message("en")


class InvalidValue(DomainError):
    """A value that is malformed or out of range (a bad slug, NaN, a future date …)."""


class NotFound(DomainError):
    """An unknown site, pond, item or entry."""


class AlreadyExists(DomainError):
    """A site or pond slug already taken."""


class Refused(DomainError):
    """A well-formed command that the current state does not allow."""


class SiteClosed(Refused):
    pass


class WrongSiteKind(Refused):
    pass


class NoRate(Refused):
    pass


class InsufficientStock(Refused):
    pass


class NotEnoughBottles(Refused):
    pass


class NoOpenCycle(Refused):
    pass


class TooManyFish(Refused):
    pass


class SpeciesMismatch(Refused):
    pass


class AlreadyVoided(Refused):
    pass


class NotCorrectable(Refused):
    pass
