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
}
