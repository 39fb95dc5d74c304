"""After each record, one line on stderr in the operator's language says what was recorded (site,
date, amounts); stdout stays the entry id alone."""

from __future__ import annotations

import pytest

from cli.support import UUID_LINE, invoke

D = ("--date", "2025-06-02")

# (arguments, the English line, the Indonesian line), recorded in this order on one store
RECORDS = [
    (("waste", "record", "Bank Sampah Melati", "--category", "kertas-karton", "--kg", "1.250,5",
      "--destination", "daur-ulang", *D),
     "recorded: waste at bank-sampah-melati, 2025-06-02: 1,250.5 kg kertas-karton → daur-ulang (source lainnya)",
     "tercatat: sampah di bank-sampah-melati, 2025-06-02: 1.250,5 kg kertas-karton → daur-ulang (sumber lainnya)"),
    (("supplies", "receive", "sdn-1", "Pensil", "--qty", "10", "--cost-rp", "15.000,00", *D),
     "recorded: 10 pensil received at sdn-1, 2025-06-02, cost Rp 15,000",
     "tercatat: 10 pensil diterima di sdn-1, 2025-06-02, biaya Rp 15.000"),
    # 45 bottles × 0.022 kg = 0.99 kg, estimated; 2 pensil at 20 bottles each cost 40
    (("exchange", "record", "sdn-1", "--bottles", "45", "--item", "pensil=2", "--pupil", "Ani", *D),
     "recorded: exchange at sdn-1, 2025-06-02: 45 bottles (0.99 kg, estimated) for 2 pensil, pupil Ani",
     "tercatat: penukaran di sdn-1, 2025-06-02: 45 botol (0,99 kg, perkiraan) untuk 2 pensil, siswa Ani"),
    (("exchange", "record", "sdn-1", "--bottles", "12", "--weight-kg", "0,3", *D),
     "recorded: exchange at sdn-1, 2025-06-02: 12 bottles (0.3 kg), kept (no items)",
     "tercatat: penukaran di sdn-1, 2025-06-02: 12 botol (0,3 kg), disimpan (tanpa barang)"),
    (("bottles", "handover", "sdn-1", "--weight-kg", "3,5", "--to", "bank-sampah", "--price-rp-per-kg", "2500", *D),
     "recorded: 3.5 kg of bottles from sdn-1 to bank-sampah, 2025-06-02, Rp 2,500/kg",
     "tercatat: 3,5 kg botol dari sdn-1 ke bank-sampah, 2025-06-02, Rp 2.500/kg"),
    (("pond", "stock", "kolam-1", "--species", "lele", "--count", "1.000.000", "--mean-g", "2,5", *D),
     "recorded: 1,000,000 lele stocked in pond kolam-1 (masjid-1), 2025-06-02, 2.5 g each",
     "tercatat: 1.000.000 ekor lele ditebar di kolam kolam-1 (masjid-1), 2025-06-02, rata-rata 2,5 g"),
    (("pond", "feed", "kolam-1", "--kg", "12,5", *D),
     "recorded: 12.5 kg of feed for pond kolam-1 (masjid-1), 2025-06-02",
     "tercatat: pakan 12,5 kg untuk kolam kolam-1 (masjid-1), 2025-06-02"),
    (("pond", "water", "kolam-1", "--liters", "7.500", *D),  # 7.500 is ambiguous: refused below
     None, None),
    (("pond", "water", "kolam-1", "--liters", "7500", *D),
     "recorded: 7,500 litres of wudu water into pond kolam-1 (masjid-1), 2025-06-02",
     "tercatat: 7.500 liter air wudu ke kolam kolam-1 (masjid-1), 2025-06-02"),
    (("pond", "mortality", "kolam-1", "--count", "10", *D),
     "recorded: 10 fish dead in pond kolam-1 (masjid-1), 2025-06-02",
     "tercatat: 10 ekor ikan mati di kolam kolam-1 (masjid-1), 2025-06-02"),
    (("pond", "sample", "kolam-1", "--count", "30", "--kg", "1,5", *D),
     "recorded: sample of 30 fish, 1.5 kg from pond kolam-1 (masjid-1), 2025-06-02",
     "tercatat: sampel 30 ekor, 1,5 kg dari kolam kolam-1 (masjid-1), 2025-06-02"),
    (("pond", "quality", "kolam-1", "--do", "5", "--ph", "7,2", *D),
     "recorded: water test of pond kolam-1 (masjid-1), 2025-06-02: DO 5 mg/L, pH 7.2",
     "tercatat: uji air kolam kolam-1 (masjid-1), 2025-06-02: DO 5 mg/L, pH 7,2"),
    (("pond", "harvest", "kolam-1", "--kg", "120", "--count", "1000", "--sold-kg", "100",
      "--price-rp-per-kg", "25.000,00", *D),
     "recorded: harvest of 1,000 fish, 120 kg from pond kolam-1 (masjid-1), 2025-06-02; 100 kg sold at Rp 25,000/kg",
     "tercatat: panen 1.000 ekor, 120 kg dari kolam kolam-1 (masjid-1), 2025-06-02; terjual 100 kg @ Rp 25.000/kg"),
]


@pytest.fixture
def city(db: str) -> str:
    for slug, kind, name in (("bank-sampah-melati", "waste-bank", "Bank Sampah Melati"),
                             ("sdn-1", "school", "SD Negeri 1"), ("masjid-1", "mosque", "Masjid Al-Ikhlas")):
        assert invoke(db, "site", "add", slug, "--kind", kind, "--name", name, "--date", "2025-01-02").exit_code == 0
    assert invoke(db, "supplies", "rate", "sdn-1", "pensil", "--bottles", "20", "--date", "2025-01-02").exit_code == 0
    assert invoke(db, "pond", "add", "kolam-1", "--site", "masjid-1", "--volume-m3", "4", "--date", "2025-01-02").exit_code == 0
    return db


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_record_echoes_what_it_recorded_in_the_operators_language(lang, city):
    for arguments, english, indonesian in RECORDS:
        run = invoke(city, *arguments, lang=lang)
        if english is None:
            assert (run.exit_code, run.stdout) == (1, "")
            assert "7500" in run.stderr and "Traceback" not in run.stderr
            continue
        assert run.exit_code == 0, run.stderr
        assert UUID_LINE.fullmatch(run.stdout), run.stdout  # stdout: the entry id alone
        # the echo first (pond warnings, when any, follow it)
        assert run.stderr.splitlines()[0] == (english if lang == "en" else indonesian)

