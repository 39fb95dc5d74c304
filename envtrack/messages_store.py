"""The words of the store's refusals (a lock held too long, a read-only store, a setting out
of range), in Indonesian and English; ``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
