"""Reading article files (JSON or HTML) for ``flask articles import``."""
from __future__ import annotations

import json
import os
import re

from ..html_parser import ForgivingHTMLParser


class ImportFormatError(ValueError):
    """The file is neither an article JSON document nor readable article HTML."""


def read_article_file(path: str) -> list[dict]:
    """The raw article records in a file: a JSON object or list of objects, or one HTML page."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportFormatError(f"{path}: invalid JSON: {error}") from None
        records = data if isinstance(data, list) else [data]
        if not all(isinstance(r, dict) for r in records):
            raise ImportFormatError(f"{path}: expected an article object or a list of them")
        return records
    if path.lower().endswith((".html", ".htm")):
        record = parse_article_html(text)
        record.setdefault("slug", re.sub(r"\.html?$", "", os.path.basename(path), flags=re.I).lower())
        return [record]
    raise ImportFormatError(f"{path}: only .json and .html files can be imported")


class _ArticleHTML(ForgivingHTMLParser):
    """Picks title, lead, date and body out of a page: <h1>/<title>, <meta name=description>,
    <time datetime>, and the inner HTML of <article> (or <body>) without its <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.fields: dict[str, str] = {}
        self.body: list[str] = []
        self.capture: str | None = None  # "title" or "h1" while inside one
        self.text: list[str] = []
        self.container_depth = 0  # >0 inside <article>
        self.seen_article = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.fields.setdefault("lead", attributes.get("content") or "")
        elif tag == "time" and attributes.get("datetime"):
            self.fields.setdefault("published", attributes["datetime"][:10])
        if tag in ("title", "h1") and "h1" not in self.fields:
            self.capture, self.text = tag, []
            return
        if tag == "article":
            self.container_depth += 1
            self.seen_article = True
            if self.container_depth == 1:
                self.body = []
                return
        self._emit(self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if tag == self.capture:
            self.fields[tag] = "".join(self.text).strip()
            self.capture = None
            return
        if tag == "article":
            self.container_depth -= 1
            if self.container_depth == 0:
                return
        self._emit(f"</{tag}>")

    def handle_data(self, data):
        if self.capture:
            self.text.append(data)
        else:
            self._emit(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def _emit(self, chunk: str) -> None:
        if self.capture is None and (self.container_depth > 0 or not self.seen_article):
            self.body.append(chunk)


def parse_article_html(text: str) -> dict:
    """Article fields from an HTML page (the body is sanitized later, by ``clean_article``)."""
    parser = _ArticleHTML()
    parser.feed(text)
    parser.close()
    fields = parser.fields
    record = {"title": fields.get("h1") or fields.get("title") or "", "body": "".join(parser.body)}
    for name in ("lead", "published"):
        if fields.get(name):
            record[name] = fields[name]
    return record
