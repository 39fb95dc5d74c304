"""The line a record echoes on stderr (section 13): what was recorded — the site, the date and
the amounts — in the operator's language, read back from the entry just saved, so that it says
what the log holds (the slug a name resolved to, the default source, an estimated weight).

Numbers carry the language's marks (``12,5 kg`` in Indonesian), as terminal tables do, and user
text is escaped for the terminal (``terminal_text``). stdout stays the entry id alone.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import click

from envtrack.i18n import label
from envtrack.output import number, terminal_text


def echo_entry(obj: Any, entry_id: UUID | str) -> None:
    """Writes the echo line of the entry ``entry_id`` on stderr."""
    app = obj.app()
    entry = app.repository.get(entry_id if isinstance(entry_id, UUID) else UUID(str(entry_id)))
    click.echo(terminal_text(describe(entry, obj.lang), keep=""), err=True)


def describe(entry: Any, lang: str) -> str:
    """One line saying what ``entry`` recorded, in ``lang``."""
    kind = entry.kind()
    facts = vars(entry)

    def amount(value: Any) -> str:
        return number(value, lang)

    def part(key: str, **values: Any) -> str:
        return label(f"echo.{key}", lang).format(**values)

    shown: dict[str, Any] = {"site": facts.get("site"), "date": entry.occurred_on.isoformat()}
    if kind == "waste":
        shown.update(kg=amount(entry.kg), category=entry.category, destination=entry.destination, source=entry.source)
    elif kind == "receipt":
        cost = part("cost", rp=amount(entry.cost_rp)) if entry.cost_rp is not None else ""
        shown.update(qty=amount(entry.qty), item=entry.item, cost=cost)
    elif kind == "exchange":
        items = ", ".join(f"{amount(qty)} {item}" for item, qty in entry.items.items())
        shown.update(
            bottles=amount(entry.bottles),
            kg=amount(entry.weight_kg),
            estimated=part("estimated") if entry.weight_estimated else "",
            items=part("items", items=items) if items else part("deposit"),
            pupil=part("pupil", pupil=entry.pupil) if entry.pupil else "",
        )
    elif kind == "handover":
        price = part("price", rp=amount(entry.price_rp_per_kg)) if entry.price_rp_per_kg is not None else ""
        shown.update(kg=amount(entry.weight_kg), to=entry.to, price=price)
    else:  # the pond's records
        shown["pond"] = entry.pond
        if kind == "stocking":
            mean = part("mean", g=amount(entry.mean_g)) if entry.mean_g is not None else ""
            shown.update(count=amount(entry.count), species=entry.species, mean=mean)
        elif kind in ("feed", "mortality"):
            shown.update(kg=amount(getattr(entry, "kg", 0)), count=amount(getattr(entry, "count", 0)))
        elif kind == "sample":
            shown.update(count=amount(entry.count), kg=amount(entry.kg))
        elif kind == "quality":
            readings = (("DO", entry.do_mg_l, " mg/L"), ("pH", entry.ph, ""), ("T", entry.temp_c, " °C"),
                        ("NH3", entry.ammonia_mg_l, " mg/L"))
            shown["readings"] = ", ".join(f"{name} {amount(value)}{unit}" for name, value, unit in readings
                                          if value is not None)
        elif kind == "water":
            shown.update(liters=amount(entry.liters))
        elif kind == "harvest":
            sold = (
                part("sold", kg=amount(entry.sold_kg), rp=amount(entry.price_rp_per_kg))
                if entry.sold_kg is not None
                else ""
            )
            shown.update(count=amount(entry.count), kg=amount(entry.kg), sold=sold,
                         final=part("final") if entry.final else "")
    return part(kind, **shown)
