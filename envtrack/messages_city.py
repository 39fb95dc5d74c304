"""The words of the city basis' refusals (section 11), in Indonesian and English;
``envtrack.messages`` serves them with the others."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "rate_out_of_range": {
        "en": "is not a number greater than 0 and at most {largest} (kg per person per day)",
        "id": "bukan angka lebih dari 0 dan paling banyak {largest} (kg per orang per hari)",
    },
    "city_unchanged": {
        "field": "city set",
        "en": "gives nothing to record for that year: give --population, --kg-per-person-day, --timbulan-ton, "
        "a --target-*, --tpa-system, --source, --name or --province",
        "id": "tidak memberi apa pun untuk dicatat pada tahun itu: berikan --population, --kg-per-person-day, "
        "--timbulan-ton, salah satu --target-*, --tpa-system, --source, --name atau --province",
    },
    "basis_without_estimate": {
        "en": "needs the city's estimate of timbulan for every year of the period, and {missing} has none: record it with "
        "'envtrack city set --year Y --population N --kg-per-person-day R' (or --timbulan-ton T), or use "
        "--basis measured",
        "id": "memerlukan perkiraan timbulan kota untuk setiap tahun dalam periode, dan {missing} tidak punya: catat dengan "
        "'envtrack city set --year Y --population N --kg-per-person-day R' (atau --timbulan-ton T), atau "
        "pakai --basis measured",
    },
    "basis_with_site": {
        "en": "is the city's estimate of all its waste: it cannot be the basis of one site (--site {site}); "
        "use --basis measured or leave --site out",
        "id": "adalah perkiraan seluruh sampah kota: tidak dapat menjadi dasar untuk satu lokasi (--site {site}); "
        "pakai --basis measured atau hilangkan --site",
    },
}
