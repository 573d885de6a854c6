"""``flask stats``: the usage counts in the terminal."""
from __future__ import annotations

import datetime as dt
import json

import click
from flask import Flask
from flask.cli import with_appcontext

from .counts import summary


@click.command("stats")
@with_appcontext
@click.option("--days", type=click.IntRange(min=1), default=None, help="Only the last N days.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def stats_command(days: int | None, as_json: bool) -> None:
    """Show how often articles were listened to and which reading settings are used."""
    since = dt.date.today() - dt.timedelta(days=days - 1) if days else None
    data = summary(since)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo("Listening (started / finished) per article:")
    for row in data["articles"]:
        click.echo(f"  {row['listen_start']:>6} / {row['listen_finish']:<6} {row['origin']} {row['article']}")
    click.echo("Per origin:")
    for row in data["origins"]:
        click.echo(f"  {row['listen_start']:>6} / {row['listen_finish']:<6} {row['origin']}")
    for name, values in data["settings"].items():
        shown = ", ".join(f"{value}: {count}" for value, count in sorted(values.items())) or "-"
        click.echo(f"Setting {name}: {shown}")


def init_app(app: Flask) -> None:
    """Register ``flask stats``."""
    app.cli.add_command(stats_command)
