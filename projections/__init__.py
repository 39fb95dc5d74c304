"""Everything derived from the event log: read-model tables, frames and indicators.

Nothing here saves events. ``rows`` maps stored events to read-model rows, ``readmodels`` keeps
them in SQL tables (catch-up, rebuild, status), ``replay`` builds the same frames in memory, and
``indicators`` holds the SIPSN/Adipura formulas, once, as pure functions over frames.
"""
