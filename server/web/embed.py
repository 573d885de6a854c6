"""``GET /embed``: the page for portal operators (the one tag for this server, its options with a live
preview, the CSP they need, and how to add it to plain HTML, WordPress or any CMS), and
``GET /embed/preview``: the sample article with the tag built from those options, shown in the page's iframe.

Both take the tag's options as query parameters ``target``, ``lang`` and ``position``. On the preview, an
invalid option is a 400 problem (the page's script never sends one: it checks the selector first); on the
operator page it is reported next to its field and the default is used in the tag.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, render_template, request, send_file, url_for
from markupsafe import Markup
from webassets.exceptions import BundleError

from ..input_rules import CONTROL, DEFAULT_LANG, LANGS
from ..problems import Problem
from . import widget
from .api import article_or_404

bp = Blueprint("embed", __name__)

PREVIEW_SLUG = "dak-song-kiem-tra-cai-cach-hanh-chinh-2023"
POSITIONS = ("before-target", "floating")
DEFAULTS = {"target": "#content", "lang": DEFAULT_LANG, "position": "before-target"}
MAX_TARGET = 200
# The WordPress plugin's default selectors (integrations/wordpress/tro-doc/includes/options.php): block
# themes have the first of each, classic themes the second.
WORDPRESS_TARGET = ".wp-block-post-content, .entry-content"
WORDPRESS_TITLE = ".wp-block-post-title, .entry-title"
# Built by `make wordpress-plugin`; this server hands it to the operators who embed it.
PLUGIN_ZIP = Path(__file__).resolve().parents[2] / "dist" / "tro-doc.zip"
# A CSS selector never needs these: markup, declaration blocks, control characters. The page's script
# checks the same pattern (it is valid JS too).
NOT_IN_SELECTOR = re.compile(rf"[<{{}};\\{CONTROL}]")
# Where the selector goes in the tags the page's script fills in; never in a valid selector ('{' is not).
TARGET_SLOT = "{target}"


@dataclass(frozen=True)
class Options:
    """The tag's ``data-*`` options, validated."""

    target: str = DEFAULTS["target"]
    lang: str = DEFAULTS["lang"]
    position: str = DEFAULTS["position"]


def _check(name: str, value: str) -> str | None:
    """The problem with one option's value, or None when it is valid."""
    if name == "target":
        if not value.strip() or len(value) > MAX_TARGET or NOT_IN_SELECTOR.search(value):
            return (f"'target' must be a CSS selector of 1 to {MAX_TARGET} characters without "
                    "control characters or any of < { } ; \\")
    elif name == "lang" and value not in LANGS:
        return f"'lang' must be one of {', '.join(LANGS)}"
    elif name == "position" and value not in POSITIONS:
        return f"'position' must be one of {', '.join(POSITIONS)}"
    return None


def read_options() -> tuple[Options, dict[str, str]]:
    """The options of the query string (defaults for missing ones) and the errors of invalid ones by name;
    an invalid option keeps its default."""
    values, errors = dict(DEFAULTS), {}
    for name in DEFAULTS:
        value = request.args.get(name)
        if value is None:
            continue
        value = value.strip() if name == "target" else value
        problem = _check(name, value)
        if problem:
            errors[name] = problem
        else:
            values[name] = value
    return Options(**values), errors


def _attr(value: str) -> str:
    # Inside a double-quoted attribute only these two need a character reference (as in embed.js).
    return value.replace("&", "&amp;").replace('"', "&quot;")


def embed_tag(loader_url: str, options: Options) -> str:
    """The one tag that loads the widget, as source text: what an operator copies and what this server's own
    pages carry. ``data-position`` only when it is not the default."""
    position = f' data-position="{options.position}"' if options.position != DEFAULTS["position"] else ""
    return (f'<script src="{_attr(loader_url)}" data-target="{_attr(options.target)}" '
            f'data-lang="{options.lang}"{position}></script>')


def php_attributes(options: Options) -> str:
    """The WordPress snippet's entries after its fixed selectors (``data-position`` only when it is not the
    default), as the ``wp_print_script_tag`` array holds them."""
    position = (f"\n            'data-position' => '{options.position}',"
                if options.position != DEFAULTS["position"] else "")
    return f"'data-lang' => '{options.lang}',{position}"


def _variants(build: Callable[[Options], str]) -> dict[str, str]:
    # What the page's script shows for each language and position ("vi floating"), the selector as
    # TARGET_SLOT: it fills that in as the operator types, and never builds a tag of its own.
    return {f"{lang} {position}": build(Options(TARGET_SLOT, lang, position))
            for lang in LANGS for position in POSITIONS}


@bp.app_template_global()
def widget_script(options: Options) -> Markup:
    """The tag in this server's pages (in ``<head>``, without ``defer``, so settings apply before first paint)."""
    return Markup(embed_tag(url_for("widget.loader"), options))


def integrity() -> str | None:
    """The SRI hash the loader checks the versioned bundle with; None before the widget is built."""
    try:
        return widget.bundle_integrity()
    except (BundleError, OSError):  # the page is still useful without the note
        return None


@bp.get("/embed")
def page() -> tuple[str, int]:
    """The operators' page; works without script (the form submits here), the script updates it live."""
    options, errors = read_options()
    loader_url = url_for("widget.loader", _external=True)
    origin = request.host_url.rstrip("/")
    html = render_template(
        "embed.html", options=options, errors=errors, loader_url=loader_url, origin=origin,
        tag=embed_tag(loader_url, options), php=php_attributes(options), integrity=integrity(),
        tags=_variants(lambda variant: embed_tag(loader_url, variant)), php_variants=_variants(php_attributes),
        target_slot=TARGET_SLOT, not_in_selector=NOT_IN_SELECTOR.pattern, max_target=MAX_TARGET,
        wordpress_target=WORDPRESS_TARGET, wordpress_title=WORDPRESS_TITLE, plugin_built=PLUGIN_ZIP.is_file(),
        preview_url=url_for("embed.preview", target=options.target, lang=options.lang, position=options.position))
    return html, 400 if errors else 200


@bp.get("/embed/tro-doc.zip")
def wordpress_plugin() -> Response:
    """The WordPress plugin, for wp-admin's Plugins → Add New → Upload Plugin."""
    if not PLUGIN_ZIP.is_file():
        raise Problem(404, "The WordPress plugin is not built on this server; `make wordpress-plugin` builds it.",
                      title="WordPress plugin not built")
    return send_file(PLUGIN_ZIP, mimetype="application/zip", as_attachment=True, download_name="tro-doc.zip",
                     max_age=300)


@bp.get("/embed/preview")
def preview() -> str:
    """The sample article with the tag built from the options; an invalid option is a 400 problem."""
    options, errors = read_options()
    if errors:
        name = next(iter(errors))
        raise Problem(400, errors[name] + ".", title="Invalid embed option", field=name)
    return render_template("article.html", article=article_or_404(PREVIEW_SLUG), options=options)
