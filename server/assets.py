"""The widget's build: flask-assets bundles of the ES modules in ``widget/`` into versioned files.

``flask --app server assets build`` writes ``static/gen/trodoc-loader-<hash>.js`` (served by
``GET /widget.js``) and ``static/gen/trodoc-<hash>.js`` (the bar, loaded by the loader), plus the manifest
that maps bundles to versions. Production never builds on a request: ``ASSETS_AUTO_BUILD`` follows
``app.debug`` unless set. The webassets cache (pickles) goes to the instance folder, never ``static/``.

Each bundle is an ordered list of ES modules turned into one classic script in one IIFE (so the page
gains no globals; see ``ModulesToScript``), after its stylesheets, each minified into one string
constant (``PAGE_CSS``, ``BAR_CSS``) that the modules adopt as constructed stylesheets.
"""
from __future__ import annotations

import json
import os
import re

from filelock import FileLock
from flask import Flask
from flask_assets import Bundle, Environment
from webassets.filter import Filter

WIDGET_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "widget")

_IMPORT = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*(['\"])([^'\"]+)\2;?[ \t]*$", re.MULTILINE)
_EXPORT = re.compile(r"^export\s+((?:async\s+)?(?:const|let|function\*?|class)\s+([A-Za-z_$][\w$]*))", re.MULTILINE)


# Nghe bài viết (widget/listen/), each after the modules it imports.
LISTEN_MODULES = tuple(f"listen/{name}.js" for name in (
    "extract", "playlist", "player", "highlight", "media-session", "fallback", "keys", "pick", "listen"))


def _module_name(path: str) -> str:
    """``listen/extract.js`` → ``$listen_extract``: the variable holding that module's exports."""
    return "$" + re.sub(r"\W", "_", os.path.relpath(path, WIDGET_DIR).removesuffix(".js"))


class ModulesToScript(Filter):
    """Our ES modules → one classic script, without a bundler.

    Each module keeps a scope of its own (an arrow function returning its exports), so modules by
    different authors cannot clash on top-level names; ``import {a, b as c} from './m.js'`` becomes
    ``const {a, b: c} = $m``. The bundle lists modules after the modules they import. Only named imports
    and ``export const|let|function|class`` are supported; anything else fails the build.
    """

    name = "trodoc_modules"

    def input(self, _in, out, source_path, **kwargs):
        source = _in.read()
        if not source_path.endswith(".js"):
            out.write(source)  # the stylesheet constants, shared by every module
            return
        folder = os.path.dirname(source_path)

        def bind(match):
            names = ", ".join(part.strip().replace(" as ", ": ") for part in match[1].split(",") if part.strip())
            return f"const {{{names}}} = {_module_name(os.path.normpath(os.path.join(folder, match[3])))};"

        body = _IMPORT.sub(bind, source)
        exports = [name for _, name in _EXPORT.findall(body)]
        body = _EXPORT.sub(r"\1", body)
        if re.search(r"^\s*(import|export)\b", body, re.MULTILINE):
            raise ValueError(f"{source_path}: only named imports and `export const|let|function|class`")
        out.write(f"const {_module_name(source_path)} = (() => {{\n{body}\nreturn {{{', '.join(exports)}}};\n}})();\n")

    def output(self, _in, out, **kwargs):
        out.write('(()=>{"use strict";\n' + _in.read() + "\n})();\n")


class StylesheetConstant(Filter):
    """A (minified) stylesheet → ``const NAME = "…";`` for a constructed stylesheet."""

    name = "trodoc_css_constant"

    def __init__(self, constant: str):
        super().__init__()
        self.constant = constant

    def unique(self):
        return self.constant  # the webassets cache must not mix up PAGE_CSS and BAR_CSS

    def output(self, _in, out, **kwargs):
        out.write(f"const {self.constant}={json.dumps(_in.read().strip(), ensure_ascii=False)};\n")


def _css(filename: str, constant: str) -> Bundle:
    return Bundle(filename, filters=("rcssmin", StylesheetConstant(constant)))


def _bundles() -> dict[str, Bundle]:
    # Fresh objects per app: webassets binds a bundle to the environment it is registered with.
    # Order matters: a module comes after the modules it imports.
    return {
        "trodoc_loader": Bundle(_css("page.css", "PAGE_CSS"), "store.js", "textsize.js", "loader.js",
                                filters=(ModulesToScript(), "rjsmin"), output="gen/trodoc-loader-%(version)s.js"),
        "trodoc_widget": Bundle(_css("bar.css", "BAR_CSS"), "store.js", "i18n.js", "state.js", "announce.js",
                                "toolbar.js", *LISTEN_MODULES, "usage.js", "main.js",
                                filters=(ModulesToScript(), "rjsmin"), output="gen/trodoc-%(version)s.js"),
    }


def init_app(app: Flask) -> Environment:
    """Register the bundles; paths default to the instance folder and ``static/gen``."""
    app.config.setdefault("ASSETS_CACHE", os.path.join(app.instance_path, "webassets-cache"))
    app.config.setdefault("ASSETS_MANIFEST", "json:" + os.path.join(app.static_folder, "gen", "manifest.json"))
    app.config.setdefault("ASSETS_AUTO_BUILD", app.debug)
    os.makedirs(app.config["ASSETS_CACHE"], exist_ok=True)
    env = Environment(app)
    env.append_path(WIDGET_DIR)
    for name, bundle in _bundles().items():
        env.register(name, bundle)
    return env


def build(app: Flask) -> None:
    """Build every bundle now, as ``flask assets build`` does (tests and benchmarks call this so they never
    run a stale build). The lock keeps parallel processes from writing the same files at once."""
    env = app.jinja_env.assets_environment
    with FileLock(app.config["ASSETS_CACHE"] + ".lock"), app.app_context():
        for bundle in env:
            bundle.build()
