"""envtrack: an event-sourced tracker for municipal environmental programmes."""

__version__ = "0.1.0"
