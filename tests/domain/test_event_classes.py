"""Every event class the domain defines is one a record can store, defined once.

The event library makes each event class a frozen dataclass as it is defined, which costs a
cold command about a millisecond a class. Left to itself it also defines a ``Created`` class for
every aggregate class that names its created event otherwise, and a second ``Recorded`` for an
entry whose ``Recorded`` does not derive from the entry's own ``Event`` (domain/__init__.py,
domain/pond_entry.py). Neither is ever stored.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

DEFINED = """
import dataclasses, json
made = []
process = dataclasses._process_class
def counted(cls, *args, **kwargs):
    made.append(f"{cls.__module__}:{cls.__qualname__}")
    return process(cls, *args, **kwargs)
dataclasses._process_class = counted
import domain.city, domain.ponds, domain.pond_readings, domain.sambo, domain.sites, domain.waste
print(json.dumps([name for name in made if name.startswith("domain.")]))
"""


def _event_classes_defined() -> list[str]:
    """The domain's dataclasses, in the order defined, by a fresh interpreter's imports."""
    done = subprocess.run([sys.executable, "-c", DEFINED], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_no_aggregate_gets_an_unused_created_event_class():
    defined = _event_classes_defined()
    assert "domain.waste:WasteEntry.Recorded" in defined  # the count sees the domain's events
    assert [name for name in defined if name.endswith(".Created")] == []


def test_every_event_class_is_defined_once():
    defined = Counter(_event_classes_defined())
    assert defined["domain.ponds:Stocking.Recorded"] == 1
    assert {name: n for name, n in defined.items() if n > 1} == {}


def test_stored_event_classes_keep_their_fields_and_versions():
    """The classes whose topics logs hold: the same fields and class versions as before."""
    from domain.ponds import Feeding, Harvest, Stocking
    from domain.sites import Site
    from domain.waste import WasteEntry

    base = ["originator_id", "originator_version", "timestamp"]
    created = [*base, "originator_topic", "operator", "occurred_on"]
    assert list(WasteEntry.Recorded.__dataclass_fields__) == [*created, "site", "category", "kg", "destination", "source"]
    assert list(WasteEntry.Voided.__dataclass_fields__) == [*base, "operator", "occurred_on", "reason"]
    assert list(Stocking.Recorded.__dataclass_fields__) == [
        *created, "site", "pond", "cycle_id", "species", "count", "mean_g", "cost_rp",
    ]
    assert (Stocking.Recorded.class_version, Feeding.Recorded.class_version) == (2, 2)
    assert getattr(Harvest.Recorded, "class_version", 1) == 1
    assert Site.Registered.class_version == 2
    assert issubclass(Stocking.Recorded, Stocking.Event) and issubclass(WasteEntry.Voided, WasteEntry.Event)
