"""The programmes' aggregates and events: sites, SAMBO DIKARTU AS, MADULENI MANIS and waste.

Pure: imports only the standard library and ``eventsourcing.domain``. Time and ids come in as
arguments. Event class names and module paths are stored in every event log forever.
"""
