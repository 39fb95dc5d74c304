"""One source of truth for the pack's labels: every label the charts, the report, the pack's
tables, export and verify use is in ``envtrack.i18n`` in both languages, with the same
placeholders, and none of those modules keeps an English fallback of its own."""

from __future__ import annotations

import ast
import re
import string
from datetime import date
from pathlib import Path

import pytest

from envtrack.application import EnvTrack
from envtrack.i18n import LABELS, LANGS, labels
from envtrack.store import resolve
from projections import evidence
from projections.chain import chain_head
from projections.replay import replay_frames

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "projections/charts.py", "projections/pdfreport.py", "projections/evidence.py", "projections/verification.py",
    "projections/packcompare.py", "envtrack/cli/evidence.py",
]
KEY = re.compile(r"^(?:chart|pack|ind)\.[a-z0-9_.-]*[a-z0-9_-]$|^all_sites$")


class Recording(dict):
    """A label set that remembers every key asked for."""

    def __init__(self, base: dict[str, str]) -> None:
        super().__init__(base)
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> str:
        self.used.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default=None):
        self.used.add(key)
        return super().get(key, default)


def literal_keys(path: Path) -> set[str]:
    """Every string in the module that has the shape of a label key."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and KEY.match(node.value)}


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def in_both_languages(key: str) -> bool:
    entry = LABELS.get(key, {})
    return all(entry.get(lang) for lang in LANGS)


@pytest.mark.parametrize("module", MODULES)
def test_every_literal_label_key_exists_in_both_languages(module):
    keys = literal_keys(ROOT / module)
    assert keys, f"{module} names no label"
    assert sorted(key for key in keys if not in_both_languages(key)) == []


@pytest.mark.parametrize("module", MODULES)
def test_no_module_keeps_an_english_fallback_of_its_own(module):
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    fallbacks = [
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
        and isinstance(node.func.value, (ast.Name, ast.Attribute))
        and getattr(node.func.value, "id", getattr(node.func.value, "attr", "")) == "labels" and len(node.args) > 1
    ]
    assert fallbacks == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_label_a_pack_is_made_with_exists_in_both_languages(sqlite_db, tmp_path, lang):
    """Keys made at run time (one per jenis, per table column …) included: a whole pack is made
    with a label set that records what is asked of it."""
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: date(2025, 6, 30))
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    for category in ("plastik", "kertas-karton", "sisa-makanan", "kayu-ranting", "logam", "kain", "karet-kulit", "kaca", "lainnya"):
        app.record_waste("smpn-6", category=category, kg=1.0, destination="daur-ulang", on=date(2025, 2, 3))
    app.close()
    store = resolve(sqlite_db)
    chain = chain_head(store, 10)
    recording = Recording(labels(lang))
    pack = evidence.derive(replay_frames(store, 10), chain, evidence.PackRequest(2025, "smpn-6", lang), recording,
                           generated="2026-01-01T00:00:00Z", version="test")

    evidence.write_files(pack, tmp_path, recording)

    assert {"chart.jenis.kaca", "pack.col.timbulan", "pack.row.fcr", "ind.waste.timbulan_kg"} <= recording.used
    assert sorted(key for key in recording.used if not in_both_languages(key)) == []


def test_both_languages_of_a_pack_label_have_the_same_placeholders():
    pack_keys = [key for key in LABELS if KEY.match(key)]
    assert len(pack_keys) > 150
    differing = [key for key in pack_keys if placeholders(LABELS[key]["id"]) != placeholders(LABELS[key]["en"])]
    assert differing == []
