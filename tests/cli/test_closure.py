"""``site close --date D``: the closure takes effect from D. Records dated before D are still
accepted (a logbook brought in late); records dated D or later are refused, naming the site and
the closure date, with nothing written. Waste, exchanges and pond records alike."""

from __future__ import annotations

import pytest

from cli.support import assert_refused

CLOSED_ON = "2025-06-10"
BEFORE, ON, AFTER = "2025-06-09", "2025-06-10", "2025-06-11"


@pytest.fixture
def closed(envtrack):
    """A school and a mosque with a stocked pond, both closed from 2025-06-10."""
    envtrack("site", "add", "sdn-1", "--kind", "school", "--name", "SD Negeri 1", "--date", "2025-05-01")
    envtrack("site", "add", "masjid-1", "--kind", "mosque", "--name", "Masjid 1", "--date", "2025-05-01")
    envtrack("pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "3", "--date", "2025-05-02")
    envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "100", "--date", "2025-05-03").entry_id
    for site in ("sdn-1", "masjid-1"):
        run = envtrack("site", "close", site, "--reason", "pindah gedung", "--date", CLOSED_ON)
        assert run.exit_code == 0, run.stderr
    return envtrack


RECORDS = {
    "waste": ("sdn-1", ("waste", "record", "sdn-1", "--category", "kertas-karton", "--kg", "2", "--destination", "daur-ulang")),
    "exchange": ("sdn-1", ("exchange", "record", "sdn-1", "--bottles", "12")),
    "pond feed": ("masjid-1", ("pond", "feed", "kolam-1", "--kg", "1.5")),
    "pond mortality": ("masjid-1", ("pond", "mortality", "kolam-1", "--count", "3")),
    "pond harvest": ("masjid-1", ("pond", "harvest", "kolam-1", "--kg", "5", "--count", "20")),
}


@pytest.mark.parametrize("kind", RECORDS)
def test_a_record_dated_before_the_closure_is_accepted(closed, kind):
    _, args = RECORDS[kind]
    closed(*args, "--date", BEFORE).entry_id  # an entry id on stdout: accepted


@pytest.mark.parametrize("day", [ON, AFTER])
@pytest.mark.parametrize("kind", RECORDS)
def test_a_record_dated_on_or_after_the_closure_is_refused_naming_site_and_date(closed, head, kind, day):
    site, args = RECORDS[kind]
    before = head()
    run = closed(*args, "--date", day)
    assert_refused(run, "site")
    assert run.stderr == (
        f"Error: site '{site}': is closed from {CLOSED_ON} (pindah gedung): "
        f"only records dated before {CLOSED_ON} are accepted\n"
    )
    assert head() == before  # nothing written


def test_a_record_without_a_date_is_today_and_refused(closed, head):
    before = head()
    assert_refused(closed(*RECORDS["waste"][1]), "site")
    assert head() == before


def test_the_refusal_in_indonesian(closed):
    run = closed(*RECORDS["exchange"][1], "--date", ON, lang="id")
    assert run.stderr == (
        f"Error: site 'sdn-1': ditutup sejak {CLOSED_ON} (pindah gedung): "
        f"hanya catatan bertanggal sebelum {CLOSED_ON} yang diterima\n"
    )


def test_a_closed_site_is_not_updated_nor_closed_again(closed):
    assert_refused(closed("site", "update", "sdn-1", "--population", "300", "--date", BEFORE), "site")
    assert_refused(closed("site", "close", "sdn-1", "--reason", "lagi", "--date", BEFORE), "site")
