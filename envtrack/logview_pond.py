"""Log summaries of the pond keeper's records of section 14 (``envtrack/logview.py`` serves
them with the others): weighed samples, water tests, and the costs, feed types and causes of
death on stockings, feedings and deaths, in the operator's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from envtrack.i18n import label
from envtrack.output import cell

READINGS = (("do_mg_l", "log.do"), ("ph", "log.ph"), ("temp_c", "log.temp"), ("ammonia_mg_l", "log.ammonia"))


def _t(key: str, lang: str, **values: Any) -> str:
    return label(f"log.{key}", lang).format(**{k: str(v)[:8] if isinstance(v, UUID) else cell(v, lang) for k, v in
                                               values.items()})


def _in_pond(e: Any, text: str) -> str:
    pond = getattr(e, "pond", None)
    return f"{pond}: {text}" if pond else text


def _cost(e: Any, lang: str) -> str:
    cost = getattr(e, "cost_rp", None)
    return "" if cost is None else ", " + _t("cost", lang, rp=cost)


def _stocking(e: Any, lang: str) -> str:
    text = _t("stocking", lang, count=e.count, species=e.species)
    text += f", {label('log.mean', lang)} {cell(e.mean_g, lang)} g" if e.mean_g else ""
    return _in_pond(e, text + _cost(e, lang))


def _feeding(e: Any, lang: str) -> str:
    kind = getattr(e, "feed_type", None)
    text = _t("feed", lang, kg=e.kg) + (f" ({kind})" if kind else "")
    return _in_pond(e, text + _cost(e, lang))


def _mortality(e: Any, lang: str) -> str:
    cause = getattr(e, "cause", None)
    return _in_pond(e, _t("mortality", lang, count=e.count) + (f" ({cause})" if cause else ""))


def _sample(e: Any, lang: str) -> str:
    return _in_pond(e, _t("sample", lang, count=e.count, kg=e.kg, mean=round(1000 * e.kg / e.count, 2)))


def _water(e: Any, lang: str) -> str:
    read = [_t(key[4:], lang, value=getattr(e, name)) for name, key in READINGS if getattr(e, name) is not None]
    return _in_pond(e, f"{label('log.water_test', lang)}: {', '.join(read)}")


SUMMARIES: dict[str, Callable[[Any, str], str]] = {
    "Stocking.Recorded": _stocking,
    "Feeding.Recorded": _feeding,
    "Mortality.Recorded": _mortality,
    "Sample.Recorded": _sample,
    "Pond.Sampled": _sample,
    "WaterTest.Recorded": _water,
    "Pond.WaterTested": _water,
    "Pond.ReadingWithdrawn": lambda e, lang: _t("reading_withdrawn", lang, entry=e.entry_id),
}
