"""The log chain: recomputable from the raw tables, stable under later events, broken by edits."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from datetime import date

import pytest

from envtrack.application import EnvTrack
from envtrack.store import resolve
from projections.chain import GENESIS, chain_head, record
from conftest import PG_URL, TODAY, _drop_pg_schema, _pg_url_with_schema


def raw_rows(db: str) -> list[tuple]:
    """(position, originator_id hex, version, topic, state) straight from the events table,
    as the README tells anyone to read them."""
    store = resolve(db)
    if store.backend == "sqlite":
        with sqlite3.connect(store.sqlite_path) as conn:
            return conn.execute(
                "SELECT rowid, originator_id, originator_version, topic, state FROM stored_events ORDER BY rowid"
            ).fetchall()
    import psycopg

    with psycopg.connect(**store.psycopg_conninfo()) as conn:
        return conn.execute(
            f"SELECT notification_id, replace(originator_id::text, '-', ''), originator_version, topic, state "
            f"FROM {store.schema}.envtrack_events ORDER BY notification_id"
        ).fetchall()


def by_hand(rows: list[tuple], upto: int) -> str:
    head = bytes(32)
    for position, hex_id, version, topic, state in rows:
        if position > upto:
            break
        line = f"{position}\n{hex_id}\n{version}\n{topic}\n".encode()
        head = hashlib.sha256(head + line + bytes(state)).digest()
    return head.hex()


def edit_state(db: str, position: int, old: bytes, new: bytes) -> None:
    store = resolve(db)
    if store.backend == "sqlite":
        with sqlite3.connect(store.sqlite_path) as conn:
            conn.execute(
                "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), ?, ?) AS BLOB) WHERE rowid = ?",
                (old.decode(), new.decode(), position),
            )
        return
    import psycopg

    with psycopg.connect(**store.psycopg_conninfo()) as conn:
        conn.execute(
            f"UPDATE {store.schema}.envtrack_events "
            "SET state = convert_to(replace(convert_from(state, 'UTF8'), %s, %s), 'UTF8') "
            "WHERE notification_id = %s",
            (old.decode(), new.decode(), position),
        )


def fill(app: EnvTrack) -> None:
    app.add_site("smpn-6", kind="school", name="SMP Negeri 6", on=date(2025, 1, 2))
    app.record_waste("smpn-6", category="plastik", kg=12.5, destination="daur-ulang", on=date(2025, 2, 3))
    app.record_waste("smpn-6", category="kertas-karton", kg=4.0, destination="tps", on=date(2025, 2, 4))


def test_an_empty_log_has_the_genesis_head(db):
    EnvTrack(resolve(db), operator="tester").close()
    head = chain_head(resolve(db), 0)
    assert head.head == "0" * 64
    assert head.events == 0
    assert GENESIS == bytes(32)


def test_chain_head_is_recomputable_from_the_raw_rows(app, db):
    fill(app)
    rows = raw_rows(db)
    last = rows[-1][0]

    head = chain_head(resolve(db), last)

    assert head.events == len(rows) >= 3
    assert head.last_position == last
    assert head.head == by_hand(rows, last)
    assert head.head != "0" * 64


def test_events_after_the_position_leave_the_head_unchanged(app, db):
    fill(app)
    position = raw_rows(db)[-1][0]
    before = chain_head(resolve(db), position).head

    app.record_waste("smpn-6", category="logam", kg=1.0, destination="daur-ulang", on=TODAY)

    assert chain_head(resolve(db), position).head == before
    later = raw_rows(db)[-1][0]
    assert later > position
    assert chain_head(resolve(db), later).head != before


def test_editing_a_stored_event_changes_the_head(app, db):
    fill(app)
    rows = raw_rows(db)
    position = rows[-1][0]
    before = chain_head(resolve(db), position).head
    (waste_position,) = [row[0] for row in rows if b'"kertas-karton"' in bytes(row[4])]

    edit_state(db, waste_position, b'"kertas-karton"', b'"kertas-kartun"')

    assert chain_head(resolve(db), position).head != before
    assert chain_head(resolve(db), waste_position - 1).head == by_hand(rows, waste_position - 1)


def test_record_bytes_follow_the_documented_layout():
    entry = uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert record(7, entry, 2, "domain.waste:WasteEntry.Recorded", b'{"kg":1}') == (
        b"7\n12345678123456781234567812345678\n2\ndomain.waste:WasteEntry.Recorded\n" b'{"kg":1}'
    )


@pytest.mark.parametrize("stored", ["12345678123456781234567812345678", "12345678-1234-5678-1234-567812345678",
                                    "12345678123456781234567812ABCDEF"])
def test_an_id_stored_as_text_is_hashed_as_32_lowercase_hex_digits(stored):
    expected = uuid.UUID(stored).hex.encode()
    assert record(7, stored, 2, "t", b"{}") == b"7\n" + expected + b"\n2\nt\n{}"


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="ENVTRACK_TEST_PG_URL is not set: PostgreSQL tests skipped")
def test_the_same_events_give_the_same_head_on_sqlite_and_postgresql(sqlite_db):
    app = EnvTrack(resolve(sqlite_db), operator="tester", today=lambda: TODAY)
    fill(app)
    app.close()
    rows = raw_rows(sqlite_db)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    pg = _pg_url_with_schema(schema)
    try:
        EnvTrack(resolve(pg), operator="tester").close()  # creates the tables
        import psycopg

        store = resolve(pg)
        with psycopg.connect(**store.psycopg_conninfo()) as conn:
            for position, hex_id, version, topic, state in rows:
                conn.execute(
                    f"INSERT INTO {schema}.envtrack_events "
                    "(notification_id, originator_id, originator_version, topic, state) VALUES (%s, %s, %s, %s, %s)",
                    (position, uuid.UUID(hex_id), version, topic, state),
                )
        last = rows[-1][0]
        assert chain_head(store, last) == chain_head(resolve(sqlite_db), last)
    finally:
        _drop_pg_schema(schema)
