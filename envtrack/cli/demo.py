"""``envtrack demo``: fill an empty store with a synthetic Kota Mojokerto, then rebuild the
read models."""

from __future__ import annotations

import time

import click

from envtrack.context import Context
from envtrack.demo import DEFAULT_SEED, MAX_YEARS, already_written, build_city, period
from envtrack.i18n import label


@click.command()
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True, metavar="N",
              help="Seed of the synthetic city: the same seed and years give the same entries and figures.")
@click.option("--years", type=click.IntRange(1, MAX_YEARS), default=1, show_default=True, metavar="N",
              help="How many of the most recent complete calendar years to cover.")
@click.option("--force", is_flag=True, help="Add the demo city to a store that already holds events.")
@click.pass_obj
def demo(obj: Context, seed: int, years: int, force: bool) -> None:
    """Fill an empty store with a synthetic Kota Mojokerto: 3 kecamatan, 20 schools running SAMBO
    DIKARTU AS, 10 mosques with MADULENI MANIS ponds, waste banks, a TPS3R, a market and a
    community site per kelurahan, day by day over the most recent complete calendar years; then
    rebuild the read models. Prints nothing on stdout."""
    from envtrack.cli.projections import ProgressPrinter

    started = time.monotonic()
    app = obj.app(create=True)
    events = obj.store.head_position()
    first, last = period(app.today(), years)
    span = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    if events and already_written(app, seed=seed, years=years):
        # run again in the same folder: the same seed and years are already there, unchanged
        click.echo(label("demo.already", obj.lang).format(store=obj.store.display, years=span, seed=seed), err=True)
        _bring_read_models_up_to_date(obj)
        return
    if events and not force:
        raise click.ClickException(
            label("demo.refused", obj.lang).format(store=obj.store.display, events=events)
        )
    click.echo(label("demo.writing", obj.lang).format(years=span, seed=seed), err=True)
    shown = {"at": time.monotonic() + 2.0}

    def progress(written: int) -> None:
        if time.monotonic() >= shown["at"]:
            shown["at"] = time.monotonic() + 2.0
            click.echo(label("demo.progress", obj.lang).format(events=written), err=True)

    city = build_city(app, seed=seed, years=years, progress=progress)
    click.echo(label("demo.rebuilding", obj.lang), err=True)
    from projections.readmodels import ReadModels

    with ReadModels(obj.store) as read_models:
        read_models.rebuild(ProgressPrinter(obj, "proj.rebuilding"))
    click.echo(
        label("demo.done", obj.lang).format(
            sites=city.sites, ponds=city.ponds, entries=city.entries, events=city.events,
            seconds=time.monotonic() - started,
        ),
        err=True,
    )


def _bring_read_models_up_to_date(obj: Context) -> None:
    from envtrack.cli.projections import ProgressPrinter
    from projections.readmodels import ReadModels

    with ReadModels(obj.store) as read_models:
        read_models.update(ProgressPrinter(obj, "proj.updating"))
