"""``flask audio warm|stats|prune``: filling and inspecting the audio cache, and pruning the registry, from the
shell. ``flask speech …`` is the same group under its former name."""
from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from ..articles.models import Article
from ..db import db
from . import audio_service
from .registry import SpeechJob, prune_unplayed, unplayed_count

audio_cli = AppGroup("audio", help="Pre-record and inspect article audio.")


class _FormerName(AppGroup):
    """``flask speech …``: looks its commands up in ``flask audio``, so there is one of each."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return audio_cli.get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return audio_cli.list_commands(ctx)


speech_alias = _FormerName("speech", help="Former name of 'flask audio'.", hidden=True)


def _articles(slugs: tuple[str, ...], every: bool) -> list[Article]:
    if every:
        return list(db.session.scalars(select(Article).order_by(Article.id)))
    found = {a.slug: a for a in db.session.scalars(select(Article).where(Article.slug.in_(slugs)))}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise click.BadParameter(f"no article has the slug(s): {', '.join(missing)}", param_hint="SLUG")
    return [found[slug] for slug in slugs]


@audio_cli.command("warm")
@click.argument("slugs", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Every article in the store.")
def warm_command(slugs: tuple[str, ...], every: bool) -> None:
    """Record the audio of articles ahead of time (SLUG... or --all)."""
    if not slugs and not every:
        raise click.UsageError("name at least one SLUG, or pass --all")
    service = audio_service()
    jobs: list[SpeechJob] = []
    for article in _articles(slugs, every):
        jobs += service.article_jobs(article)
    unique = len({job.segment_id for job in jobs})
    with click.progressbar(length=unique, label="Recording", show_pos=True, file=sys.stderr) as bar:
        summary = service.warm(jobs, progress=lambda: bar.update(1))
    service.cache.counters.flush()
    click.echo(f"segments: {summary.segments}  cached: {summary.cached}  "
               f"synthesized: {summary.synthesized}  failed: {summary.failed}")
    if summary.failed:
        sys.exit(1)


@audio_cli.command("stats")
@click.option("--reset", is_flag=True, help="Start the hit counters from zero afterwards.")
def stats_command(reset: bool) -> None:
    """Cache size, files and hit ratio since the counters started."""
    cache = audio_service().cache
    usage = cache.usage()
    shared = cache.counters.shared()
    counters = shared.get("counters", {})
    hits, misses = counters.get("hits", 0), counters.get("misses", 0)
    ratio = f"{hits / (hits + misses):.1%}" if hits + misses else "n/a"
    limit = f" of {cache.max_bytes / 2**20:.0f} MiB" if cache.max_bytes else ""
    click.echo(f"folder:      {cache.root}")
    click.echo(f"size:        {usage.bytes / 2**20:.1f} MiB{limit}")
    click.echo(f"files:       {usage.files} ({usage.fallback_files} fallback)")
    click.echo(f"hit ratio:   {ratio} ({hits} hits, {misses} misses since {shared.get('started', 'now')})")
    for name in ("synthesized", "failed", "evicted"):
        click.echo(f"{name + ':':<12} {counters.get(name, 0)}")
    if reset:
        cache.counters.reset()


@audio_cli.command("prune")
@click.option("--days", type=float, default=None,
              help="Forget segments never played and registered more than DAYS ago (default: "
                   "TRODOC_REGISTRY_UNPLAYED_DAYS).")
def prune_command(days: float | None) -> None:
    """Forget registered segments that nobody played (recordings stay in the cache)."""
    removed = prune_unplayed(days)
    click.echo(f"pruned: {removed}  unplayed left: {unplayed_count()}")


def init_app(app: Flask) -> None:
    """Register the command group, under its name and its former one."""
    app.cli.add_command(audio_cli)
    app.cli.add_command(speech_alias)
