"""One school, one mosque with a pond and one waste bank, each command a separate invocation
(a new application each time), then the log showing every event, the operator and the reasons."""

from __future__ import annotations

import json

from cli.support import UUID_LINE


def test_school_mosque_and_waste_bank_story_is_all_in_the_log(envtrack, head):
    run = envtrack("init")
    assert (run.exit_code, run.stdout) == (0, "")
    assert "store ready" in run.stderr
    assert head() == 0

    # -- SAMBO DIKARTU AS at a school ---------------------------------------------------------
    run = envtrack(
        "site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6 Kota Mojokerto",
        "--kelurahan", "Gedongan", "--kecamatan", "Magersari", "--population", "820", "--date", "2025-07-01",
    )
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "site smpn-6 added\n")
    for item, bottles in (("pensil", "20"), ("buku-tulis", "30")):
        run = envtrack("supplies", "rate", "smpn-6", item, "--bottles", bottles, "--date", "2025-07-01")
        assert (run.exit_code, run.stdout) == (0, "")
    pensil_in = envtrack(
        "supplies", "receive", "smpn-6", "pensil", "--qty", "40", "--cost-rp", "100000",
        "--source", "Koperasi sekolah", "--date", "2025-07-14",
    ).entry_id
    envtrack("supplies", "receive", "smpn-6", "buku-tulis", "--qty", "10", "--date", "2025-07-14").entry_id
    both = envtrack(
        "exchange", "record", "smpn-6", "--bottles", "50", "--weight-kg", "1.1", "--item", "pensil",
        "--item", "buku-tulis", "--pupil", "Ani", "--class", "7A", "--date", "2025-07-15",
    ).entry_id
    two_pencils = envtrack(
        "exchange", "record", "smpn-6", "--bottles", "45", "--item", "pensil=2", "--pupil", "Budi",
        "--date", "2025-07-15",
    ).entry_id
    deposit = envtrack("exchange", "record", "smpn-6", "--bottles", "12", "--date", "2025-07-16").entry_id
    handover = envtrack(
        "bottles", "handover", "smpn-6", "--weight-kg", "2.5", "--to", "bank-sampah",
        "--buyer", "Bank Sampah Melati", "--price-rp-per-kg", "4000", "--date", "2025-07-31",
    ).entry_id
    stock = json.loads(envtrack("supplies", "stock", "smpn-6", "--format", "json").stdout)
    # 40 pencils in, 1 + 2 out; 10 exercise books in, 1 out
    assert stock == {
        "site": "smpn-6",
        "items": [
            {"item": "buku-tulis", "qty": 9, "rate_bottles": 30},
            {"item": "pensil", "qty": 37, "rate_bottles": 20},
        ],
    }

    # -- MADULENI MANIS at a mosque -----------------------------------------------------------
    envtrack("site", "add", "masjid-al-ikhlas", "--kind", "mosque", "--name", "Masjid Al-Ikhlas", "--date", "2025-01-05")
    run = envtrack("pond", "add", "kolam-1", "--site", "masjid-al-ikhlas", "--volume-m3", "4", "--system", "terpal", "--date", "2025-01-05")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "pond kolam-1 added at masjid-al-ikhlas\n")
    stocking = envtrack("pond", "stock", "kolam-1", "--species", "lele", "--count", "1000", "--mean-g", "8", "--date", "2025-03-01").entry_id
    feed = envtrack("pond", "feed", "kolam-1", "--kg", "60", "--date", "2025-04-01").entry_id
    water = envtrack("pond", "water", "kolam-1", "--liters", "7500", "--date", "2025-04-01").entry_id
    deaths = envtrack("pond", "mortality", "kolam-1", "--count", "50", "--date", "2025-04-15").entry_id
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    cycle = shown["open_cycle"]
    assert (cycle["species"], cycle["stocked"], cycle["alive"], cycle["dead"], cycle["fed_kg"]) == ("lele", 1000, 950, 50, 60.0)
    assert cycle["started_on"] == "2025-03-01"
    run = envtrack(
        "pond", "harvest", "kolam-1", "--kg", "95", "--count", "900", "--sold-kg", "80",
        "--price-rp-per-kg", "25000", "--final", "--date", "2025-05-20",
    )
    harvest = run.entry_id
    # 80 days, FCR 60 / (95 - 8) = 0.69: nothing to warn about, only the echo of the record
    assert run.stderr == ("recorded: harvest of 900 fish, 95 kg from pond kolam-1 (masjid-al-ikhlas), 2025-05-20; "
                          "80 kg sold at Rp 25,000/kg; final harvest, cycle closed\n")
    shown = json.loads(envtrack("pond", "show", "kolam-1", "--format", "json").stdout)
    assert (shown["open_cycle"], shown["cycles_closed"], shown["volume_m3"], shown["system"]) == (None, 1, 4.0, "terpal")

    # -- waste at a waste bank ----------------------------------------------------------------
    envtrack("site", "add", "bank-sampah-melati", "--kind", "waste-bank", "--name", "Bank Sampah Melati", "--date", "2025-01-02")
    plastic = envtrack(
        "waste", "record", "bank-sampah-melati", "--category", "plastik", "--kg", "12.5",
        "--destination", "daur-ulang", "--date", "2025-08-01",
    ).entry_id
    paper = envtrack(
        "waste", "record", "bank-sampah-melati", "--category", "kertas-karton", "--kg", "8",
        "--destination", "tpa", "--source", "rumah-tangga", "--date", "2025-08-01",
    ).entry_id

    # -- a correction (by id prefix) and a void, by another operator -------------------------
    run = envtrack("correct", paper[:8], "--kg", "8.4", "--destination", "daur-ulang", "--reason", "timbangan ulang", operator="budi")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", f"entry {paper} corrected\n")
    run = envtrack("void", two_pencils, "--reason", "dicatat dua kali", operator="budi")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", f"entry {two_pencils} voided\n")
    stock = json.loads(envtrack("supplies", "stock", "smpn-6", "--format", "json").stdout)
    assert {row["item"]: row["qty"] for row in stock["items"]} == {"buku-tulis": 9, "pensil": 39}

    # -- the log ------------------------------------------------------------------------------
    log = json.loads(envtrack("log", "--format", "json", "--limit", "100").stdout)
    assert [row["event"] for row in log] == [
        "Site.Registered",
        "SupplyLedger.Opened", "SupplyLedger.RateSet", "SupplyLedger.RateSet",
        "SupplyLedger.StockReceived", "SupplyReceipt.Recorded",
        "SupplyLedger.StockReceived", "SupplyReceipt.Recorded",
        "SupplyLedger.SuppliesIssued", "Exchange.Recorded",
        "SupplyLedger.SuppliesIssued", "Exchange.Recorded",
        "Exchange.Recorded",
        "BottleHandover.Recorded",
        "Site.Registered", "Pond.Added",
        "Pond.FishStocked", "Stocking.Recorded",
        "Pond.FishFed", "Feeding.Recorded",
        "WaterInflow.Recorded",
        "Pond.FishDied", "Mortality.Recorded",
        "Pond.FishHarvested", "Harvest.Recorded",
        "Site.Registered",
        "WasteEntry.Recorded", "WasteEntry.Recorded",
        "WasteEntry.Corrected",
        "Exchange.Voided", "SupplyLedger.SuppliesReturned",
    ]
    assert [row["position"] for row in log] == list(range(1, 32)) and head() == 31
    assert {row["operator"] for row in log[:-3]} == {"siti"}
    assert [row["operator"] for row in log[-3:]] == ["budi", "budi", "budi"]
    assert all(set(row) == {"position", "recorded_at", "operator", "event", "site", "entry_id", "occurred_on", "summary",
                            "origin", "data"} for row in log)
    assert {row["origin"] for row in log} == {None}  # all recorded here, none copied from another store
    sites = [row["site"] for row in log]
    assert sites == ["smpn-6"] * 14 + ["masjid-al-ikhlas"] * 11 + ["bank-sampah-melati"] * 4 + ["smpn-6"] * 2

    recorded = [row["entry_id"] for row in log if row["event"].endswith(".Recorded")]
    assert recorded == [pensil_in, recorded[1], both, two_pencils, deposit, handover, stocking, feed, water, deaths, harvest, plastic, paper]

    by_event = {(row["event"], row["entry_id"]): row for row in log}
    exchange = by_event["Exchange.Recorded", deposit]
    assert exchange["data"]["bottles"] == 12 and exchange["data"]["items"] == {}
    assert exchange["data"]["weight_kg"] == 0.264 and exchange["data"]["weight_estimated"] is True  # 12 × 0.022 kg
    assert "pure deposit" in exchange["summary"]
    assert by_event["Exchange.Recorded", two_pencils]["data"]["weight_kg"] == 0.99  # 45 × 0.022 kg
    assert by_event["Exchange.Recorded", both]["data"]["rates"] == {"pensil": 20, "buku-tulis": 30}
    assert by_event["Harvest.Recorded", harvest]["data"]["written_off"] == 50  # 950 alive, 900 harvested
    assert by_event["WasteEntry.Recorded", plastic]["data"]["source"] == "lainnya"  # a waste bank's default
    assert by_event["WasteEntry.Recorded", plastic]["occurred_on"] == "2025-08-01"

    correction = by_event["WasteEntry.Corrected", paper]
    assert correction["data"]["changes"] == {"kg": 8.4, "destination": "daur-ulang"}
    assert correction["data"]["previous"] == {"kg": 8.0, "destination": "tpa"}
    assert correction["data"]["reason"] == "timbangan ulang"
    assert correction["summary"] == "kg 8 → 8.4; destination tpa → daur-ulang; reason: timbangan ulang"

    void = by_event["Exchange.Voided", two_pencils]
    assert void["data"]["reason"] == "dicatat dua kali"
    assert void["summary"].startswith(f"voided exchange {two_pencils[:8]} (45 bottles, 0.99 kg (estimated) → 2 pensil")
    assert void["summary"].endswith("; reason: dicatat dua kali")

    table = envtrack("log", "--limit", "3")
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["Position", "Date", "Recorded", "(UTC)", "Operator", "Event", "Site", "Entry", "Summary"]
    assert [line.split()[0] for line in lines[2:]] == ["29", "30", "31"]
    assert "reason: timbangan ulang" in lines[2] and "budi" in lines[2]
    assert not UUID_LINE.search(table.stdout)
