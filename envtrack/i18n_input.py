"""Labels of the command line's input (section 13): the line a record echoes on stderr, and the
usage error of an option given twice; in Indonesian and English. ``envtrack.i18n`` serves them
with the others."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # -- what a record wrote, one line on stderr (envtrack/cli/echo.py) --------------------------
    "echo.waste": {
        "id": "tercatat: sampah di {site}, {date}: {kg} kg {category} → {destination} (sumber {source})",
        "en": "recorded: waste at {site}, {date}: {kg} kg {category} → {destination} (source {source})",
    },
    "echo.receipt": {
        "id": "tercatat: {qty} {item} diterima di {site}, {date}{cost}",
        "en": "recorded: {qty} {item} received at {site}, {date}{cost}",
    },
    "echo.cost": {"id": ", biaya Rp {rp}", "en": ", cost Rp {rp}"},
    "echo.exchange": {
        "id": "tercatat: penukaran di {site}, {date}: {bottles} botol ({kg} kg{estimated}){items}{pupil}",
        "en": "recorded: exchange at {site}, {date}: {bottles} bottles ({kg} kg{estimated}){items}{pupil}",
    },
    "echo.estimated": {"id": ", perkiraan", "en": ", estimated"},
    "echo.items": {"id": " untuk {items}", "en": " for {items}"},
    "echo.deposit": {"id": ", disimpan (tanpa barang)", "en": ", kept (no items)"},
    "echo.pupil": {"id": ", siswa {pupil}", "en": ", pupil {pupil}"},
    "echo.handover": {
        "id": "tercatat: {kg} kg botol dari {site} ke {to}, {date}{price}",
        "en": "recorded: {kg} kg of bottles from {site} to {to}, {date}{price}",
    },
    "echo.price": {"id": ", Rp {rp}/kg", "en": ", Rp {rp}/kg"},
    "echo.stocking": {
        "id": "tercatat: {count} ekor {species} ditebar di kolam {pond} ({site}), {date}{mean}",
        "en": "recorded: {count} {species} stocked in pond {pond} ({site}), {date}{mean}",
    },
    "echo.mean": {"id": ", rata-rata {g} g", "en": ", {g} g each"},
    "echo.feed": {
        "id": "tercatat: pakan {kg} kg untuk kolam {pond} ({site}), {date}",
        "en": "recorded: {kg} kg of feed for pond {pond} ({site}), {date}",
    },
    "echo.water": {
        "id": "tercatat: {liters} liter air wudu ke kolam {pond} ({site}), {date}",
        "en": "recorded: {liters} litres of wudu water into pond {pond} ({site}), {date}",
    },
    "echo.mortality": {
        "id": "tercatat: {count} ekor ikan mati di kolam {pond} ({site}), {date}",
        "en": "recorded: {count} fish dead in pond {pond} ({site}), {date}",
    },
    "echo.harvest": {
        "id": "tercatat: panen {count} ekor, {kg} kg dari kolam {pond} ({site}), {date}{sold}{final}",
        "en": "recorded: harvest of {count} fish, {kg} kg from pond {pond} ({site}), {date}{sold}{final}",
    },
    "echo.sample": {
        "id": "tercatat: sampel {count} ekor, {kg} kg dari kolam {pond} ({site}), {date}",
        "en": "recorded: sample of {count} fish, {kg} kg from pond {pond} ({site}), {date}",
    },
    "echo.quality": {
        "id": "tercatat: uji air kolam {pond} ({site}), {date}: {readings}",
        "en": "recorded: water test of pond {pond} ({site}), {date}: {readings}",
    },
    "echo.sold": {"id": "; terjual {kg} kg @ Rp {rp}/kg", "en": "; {kg} kg sold at Rp {rp}/kg"},
    "echo.final": {"id": "; panen akhir, siklus ditutup", "en": "; final harvest, cycle closed"},
    # -- usage errors (envtrack/cli/checks.py) ---------------------------------------------------
    "usage.repeated_option": {
        "id": "opsi {option} diberikan lebih dari sekali ({values}): berikan sekali saja",
        "en": "option {option} was given more than once ({values}): give it once",
    },
}
