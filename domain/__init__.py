"""The programmes' aggregates and events: sites, SAMBO DIKARTU AS, MADULENI MANIS and waste.

Pure: imports only the standard library and ``eventsourcing.domain``. Time and ids come in as
arguments. Event class names and module paths are stored in every event log forever.

Each aggregate names its own created event (``Site.Registered``, ``WasteEntry.Recorded`` …) and
says ``Created = None``: otherwise the library defines an unused ``Created`` event class for
every aggregate class, and each event class costs a cold command about a millisecond
(bench/README.md). No log holds a ``….Created`` topic.
"""
