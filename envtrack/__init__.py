"""envtrack: an event-sourced tracker for municipal environmental programmes."""

from envtrack import messages as _messages  # noqa: F401 - gives the domain's refusals their words

__version__ = "0.1.0"
