"""``flask articles …``: managing the article store from the shell."""
from __future__ import annotations

import json
import sys

import click
from flask import Flask
from flask.cli import AppGroup

from .importer import ImportFormatError, read_article_file
from .store import list_articles, save_article
from .validate import InvalidArticle, clean_article

articles_cli = AppGroup("articles", help="Import, list and export articles.")


@articles_cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def import_command(files: tuple[str, ...]) -> None:
    """Import articles from JSON or HTML FILES; an existing slug is updated, never duplicated."""
    failed = 0
    for path in files:
        try:
            records = read_article_file(path)
        except (ImportFormatError, UnicodeDecodeError) as error:
            click.echo(f"error: {error}", err=True)
            failed += 1
            continue
        for record in records:
            try:
                article, created = save_article(clean_article(record))
            except InvalidArticle as error:
                click.echo(f"error: {path}: field '{error.field}' {error.message}", err=True)
                failed += 1
                continue
            click.echo(f"{'created' if created else 'updated'}: {article.slug}")
    if failed:
        sys.exit(1)


@articles_cli.command("list")
def list_command() -> None:
    """List articles: slug, date and title."""
    page = 1
    while True:
        rows, total = list_articles(page, 100)
        for article in rows:
            date = article.published.isoformat() if article.published else "-" * 10
            click.echo(f"{article.slug}\t{date}\t{article.title}")
        if page * 100 >= total:
            break
        page += 1


@articles_cli.command("export")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write to this file instead of standard output.")
def export_command(output) -> None:
    """Export every article as a JSON list that ``articles import`` reads back."""
    records, page = [], 1
    while True:
        rows, total = list_articles(page, 100)
        records += [article.to_json() for article in rows]
        if page * 100 >= total:
            break
        page += 1
    json.dump(records, output, ensure_ascii=False, indent=2)
    output.write("\n")


def init_app(app: Flask) -> None:
    """Register the command group."""
    app.cli.add_command(articles_cli)
