"""Labels of the pond keeper's and the school's commands (section 14, and the ponds of section
13), in Indonesian and English; ``envtrack.i18n`` serves them with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- warnings after a pond record (stderr) ------------------------------------------------
    "cli.warning.water_low": {
        "id": "{reading} {value:g} di bawah {limit:g}, batas untuk {species}",
        "en": "{reading} {value:g} is below {limit:g}, the norm for {species}",
    },
    "cli.warning.water_high": {
        "id": "{reading} {value:g} di atas {limit:g}, batas untuk {species}",
        "en": "{reading} {value:g} is above {limit:g}, the norm for {species}",
    },
    "reading.do": {"id": "DO (mg/L)", "en": "DO (mg/L)"},
    "reading.ph": {"id": "pH", "en": "pH"},
    "reading.temp_c": {"id": "suhu (°C)", "en": "temperature (°C)"},
    "reading.ammonia": {"id": "amonia (mg/L)", "en": "ammonia (mg/L)"},
    # -- MADULENI MANIS costs in indicators and evidence packs --------------------------------
    "ind.maduleni.seed_cost_rp": {"id": "Biaya benih (Rp)", "en": "Seed cost (Rp)"},
    "ind.maduleni.feed_cost_rp": {"id": "Biaya pakan (Rp)", "en": "Feed cost (Rp)"},
    "ind.maduleni.margin_rp": {"id": "Margin (Rp)", "en": "Margin (Rp)"},
    "pack.row.seed_cost_rp": {"id": "Biaya benih (Rp)", "en": "Seed cost (Rp)"},
    "pack.row.feed_cost_rp": {"id": "Biaya pakan (Rp)", "en": "Feed cost (Rp)"},
    "pack.row.margin_rp": {"id": "Margin: penjualan − benih − pakan (Rp)", "en": "Margin: sales − seed − feed (Rp)"},
    # -- the school's leaderboard ---------------------------------------------------------------
    "col.pupil": {"id": "Siswa", "en": "Pupil"},
    "col.class": {"id": "Kelas", "en": "Class"},
    "col.pupils": {"id": "Siswa (orang)", "en": "Pupils"},
    "col.exchanges": {"id": "Penukaran", "en": "Exchanges"},
    "col.bottles": {"id": "Botol", "en": "Bottles"},
    "col.bottles_kg": {"id": "Botol (kg)", "en": "Bottles (kg)"},
    "col.items": {"id": "Alat tulis (buah)", "en": "Items"},
    # -- columns and fields -------------------------------------------------------------------
    "col.ponds": {"id": "Kolam", "en": "Ponds"},
    "col.density_per_m3": {"id": "Kepadatan (ekor/m³)", "en": "Density (fish/m³)"},
    "col.sample_on": {"id": "Sampling terakhir", "en": "Latest sample"},
    "col.sample_mean_g": {"id": "Bobot rata-rata (g)", "en": "Mean weight (g)"},
    "col.biomass_kg": {"id": "Biomassa (kg)", "en": "Biomass (kg)"},
    "col.fcr_provisional": {"id": "FCR sementara", "en": "FCR so far (provisional)"},
    "col.water.do_mg_l": {"id": "DO (mg/L)", "en": "DO (mg/L)"},
    "col.water.ph": {"id": "pH", "en": "pH"},
    "col.water.temp_c": {"id": "Suhu air (°C)", "en": "Water temperature (°C)"},
    "col.water.ammonia_mg_l": {"id": "Amonia (mg/L)", "en": "Ammonia (mg/L)"},
    "col.last_cycle.species": {"id": "Siklus terakhir: jenis ikan", "en": "Last cycle: species"},
    "col.last_cycle.started_on": {"id": "Siklus terakhir: mulai", "en": "Last cycle: started on"},
    "col.last_cycle.closed_on": {"id": "Siklus terakhir: selesai", "en": "Last cycle: closed on"},
    "col.last_cycle.days": {"id": "Siklus terakhir: lama (hari)", "en": "Last cycle: days"},
    "col.last_cycle.stocked": {"id": "Siklus terakhir: ditebar (ekor)", "en": "Last cycle: stocked"},
    "col.last_cycle.harvested": {"id": "Siklus terakhir: dipanen (ekor)", "en": "Last cycle: harvested"},
    "col.last_cycle.harvest_kg": {"id": "Siklus terakhir: panen (kg)", "en": "Last cycle: harvest (kg)"},
    "col.last_cycle.dead": {"id": "Siklus terakhir: mati (ekor)", "en": "Last cycle: dead"},
    "col.last_cycle.written_off": {"id": "Siklus terakhir: hilang (ekor)", "en": "Last cycle: written off"},
    "col.last_cycle.fed_kg": {"id": "Siklus terakhir: pakan (kg)", "en": "Last cycle: feed (kg)"},
    "col.last_cycle.survival_pct": {"id": "Siklus terakhir: kelangsungan hidup (%)", "en": "Last cycle: survival (%)"},
    "col.last_cycle.fcr": {"id": "Siklus terakhir: FCR", "en": "Last cycle: FCR"},
    "col.last_cycle.yield_kg_per_m3": {"id": "Siklus terakhir: hasil (kg/m³)", "en": "Last cycle: yield (kg/m³)"},
}
