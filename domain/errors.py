"""Refusals a user can cause, each naming the field and the value, in English and Indonesian."""

from __future__ import annotations

from typing import Any


def show_value(value: Any) -> str:
    """A value as a message shows it: strings quoted, numbers plain."""
    if isinstance(value, str):
        return repr(value)
    return str(value)


class DomainError(Exception):
    """Base of every refusal. ``field`` is the user's name for what was wrong."""

    def __init__(self, field: str, value: Any, en: str, id: str) -> None:  # noqa: A002
        self.field = field
        self.value = value
        self.reasons = {"en": en, "id": id}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        reason = self.reasons.get(lang, self.reasons["en"])
        return f"{self.field} {show_value(self.value)}: {reason}"


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
