"""An import's events are encoded by orjson where it writes what the application's own
transcoder writes, and by that transcoder everywhere else: the stored bytes are the same."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importing.conftest import write_csv
from importing.test_import_programmes import POND_ID
from envtrack.application import EnvTrack
from envtrack.importing.encoding import FastTranscoder
from envtrack.store import resolve


class Colour(str, enum.Enum):
    RED = "merah"


@pytest.fixture(scope="module")
def transcoder(tmp_path_factory):
    app = EnvTrack(resolve(str(tmp_path_factory.mktemp("store") / "envtrack.db")), operator="tester")
    try:
        yield app.mapper.transcoder
    finally:
        app.close()


texts = st.text()  # any code point but lone surrogates: quotes, backslashes, controls, U+2028
scalars = st.one_of(
    texts,
    st.integers(min_value=-(2**70), max_value=2**70),  # past orjson's 64 bits too
    st.booleans(),
    st.none(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), st.just(timezone.utc), st.just(timezone(timedelta(hours=7))))),
    st.floats(allow_nan=False),  # any: 1e-07 and inf are written otherwise by orjson
    st.floats(min_value=1e-6, max_value=1e-3),  # either side of where repr's exponents begin
    st.floats(min_value=1e14, max_value=1e18),
    st.floats(min_value=-1e18, max_value=-1e-6),
    st.decimals(min_value=0, max_value=10**7, places=3).map(float),  # weights as they are typed
    st.uuids(),
    st.just(Colour.RED),
)
plain = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.decimals(allow_nan=False), st.dates(), st.datetimes())
"""What a state orjson writes holds (a NaN is no value equal to itself)."""
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=6)


@settings(max_examples=400, deadline=None)
@given(state=st.dictionaries(texts, scalars, max_size=9) | st.dictionaries(texts, values, max_size=9))
def test_the_bytes_written_are_the_application_transcoders(transcoder, state):
    assert FastTranscoder(transcoder).encode(state) == transcoder.encode(state)


@settings(max_examples=200, deadline=None)
@given(state=st.dictionaries(texts, plain, max_size=9))
def test_plain_states_are_read_back_as_written(transcoder, state):
    assert FastTranscoder(transcoder).decode(FastTranscoder(transcoder).encode(state)) == state


def test_a_waste_rows_state_is_written_by_orjson(transcoder, monkeypatch):
    fast = FastTranscoder(transcoder)
    state = {
        "timestamp": datetime(2025, 3, 1, 8, 30, tzinfo=timezone.utc),
        "originator_topic": "domain.waste:WasteEntry",
        "site": "rw-03-kranggan",
        "category": "plastik",
        "kg": 1250.5,
        "on": date(2025, 3, 1),
        "operator": "Bu Siti \"RT 2\"",
    }
    expected = (
        b'{"timestamp":{"_type_":"datetime_iso","_data_":"2025-03-01T08:30:00+00:00"},'
        b'"originator_topic":"domain.waste:WasteEntry","site":"rw-03-kranggan","category":"plastik",'
        b'"kg":1250.5,"on":{"_type_":"date_iso","_data_":"2025-03-01"},'
        b'"operator":"Bu Siti \\"RT 2\\""}'
    )
    monkeypatch.setattr(transcoder, "encode", lambda obj: pytest.fail("the library's encoder was used"))
    assert fast.encode(state) == expected


def test_every_event_an_import_stores_is_as_the_application_would_write_it(city, run, transcoder, tmp_path):
    logbook = write_csv(
        tmp_path / "buku.csv",
        [
            ["tanggal", "lokasi", "jenis", "berat_kg", "tujuan"],
            ["2025-02-03", "rw-03-kranggan", "plastik", "1.250,5", "daur-ulang"],
            ["2025-02-04", "RW 03 Kranggan", "kertas-karton", "2,5", "tps"],
        ],
    )
    assert run("import", str(logbook)).exit_code == 0
    waste = [transcoder.decode(row[4]) for page in resolve(city).read_log(after=0) for row in page][-2:]
    assert [(w["site"], w["kg"]) for w in waste] == [("rw-03-kranggan", 1250.5), ("rw-03-kranggan", 2.5)]
    exchanges = write_csv(
        tmp_path / "tukar.csv",
        [["date", "site", "bottles", "weight_kg", "items", "pupil"], ["2025-02-05", "smpn-6", "60", "1,5", "pensil=1", "Ani"]],
    )
    assert run("import", str(exchanges)).exit_code == 0
    assert run("import", str(write_csv(tmp_path / "kolam.csv", POND_ID))).exit_code == 0
    states = [row[4] for page in resolve(city).read_log(after=0) for row in page]
    # the city's 10 events, the 2 waste rows, an exchange and its stock change, 6 pond rows each
    # with its pond's event
    assert len(states) == 10 + 2 + 2 + 6 * 2
    for state in states:
        assert transcoder.encode(transcoder.decode(state)) == state
