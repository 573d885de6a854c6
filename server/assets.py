"""The widget's build: esbuild bundles of the ES modules in ``widget/``, versioned by flask-assets.

``flask --app server widget build`` writes ``static/gen/trodoc-loader-<hash>.js`` (served by
``GET /widget.js``), ``static/gen/trodoc-<hash>.js`` (the bar, loaded by the loader), the two stylesheets
``static/gen/trodoc-page-<hash>.css`` and ``static/gen/trodoc-bar-<hash>.css``, plus the manifest that maps
bundles to versions. Production never builds on a request: ``ASSETS_AUTO_BUILD`` follows ``app.debug``
unless set. The webassets cache (pickles) goes to the instance folder, never ``static/``.

Each script bundle names one entry module; esbuild follows its imports (so the order of modules comes from
the imports themselves and a missing import fails the build), wraps everything in one IIFE (the page gains
no globals) and minifies it for the browsers we support. esbuild accepts circular imports, which would run
a module before the modules it needs: the build reads esbuild's metafile and fails on a cycle. The
stylesheets, minified by rcssmin, reach the modules as the string constants ``PAGE_CSS`` and ``BAR_CSS``
(adopted as constructed stylesheets) and are also written as files of their own, for the engines without
constructed stylesheets, which load them with ``<link rel=stylesheet>``. Before bundling, the build writes
``widget/gen/text-rules.js`` from the server's text rules (``widget_rules.py``), which the modules import.

esbuild is ``node_modules/.bin/esbuild`` (``npm ci --omit=dev``, done by ``make run``) unless the config
key ``ESBUILD_BINARY`` (environment: ``TRODOC_ESBUILD_BINARY``) names another; the config key
``WIDGET_DIR`` names the sources (default: ``widget/``).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from typing import IO, Any

import click
import rcssmin
from filelock import FileLock
from flask import Flask, current_app
from flask.cli import AppGroup
from flask_assets import Bundle, Environment
from webassets.exceptions import BundleError, FilterError
from webassets.filter import Filter

from . import widget_rules

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDGET_DIR = os.path.join(ROOT, "widget")
ESBUILD = os.path.join(ROOT, "node_modules", ".bin", "esbuild")

# Chromium, Firefox and Safari of the last years; Safari 15 also covers WPE WebKit 2.38 (Safari 16-class).
TARGET = "es2020,chrome100,firefox100,safari15"

# Script bundles: bundle name → (entry module, output).
SCRIPTS = {
    "trodoc_loader": ("loader.js", "gen/trodoc-loader-%(version)s.js"),
    "trodoc_widget": ("main.js", "gen/trodoc-%(version)s.js"),
    "trodoc_listen": ("listen/chunk.js", "gen/trodoc-listen-%(version)s.js"),
}
# Stylesheets: the constant the modules use, and the file of their own for ``<link rel=stylesheet>``.
STYLESHEETS = {
    "PAGE_CSS": ("page.css", "trodoc_page_css", "gen/trodoc-page-%(version)s.css"),
    "BAR_CSS": ("bar.css", "trodoc_bar_css", "gen/trodoc-bar-%(version)s.css"),
}
# An entry module no longer lists the files it imports: any change to the sources, or to the Python text
# rules the build writes into them, rebuilds every script.
SOURCES = ("*.js", "listen/*.js", "*.css", *widget_rules.SOURCES)
# The versions of the build before the current one, beside the manifest (see ``_prune``).
PREVIOUS_MANIFEST = "manifest.previous.json"

log = logging.getLogger(__name__)


class Esbuild(Filter):
    """An entry module and everything it imports → one minified classic script, by esbuild."""

    name = "trodoc_esbuild"

    def __init__(self, binary: str, widget_dir: str):
        super().__init__()
        self.binary = binary
        self.widget_dir = widget_dir

    def unique(self) -> tuple[str, str]:
        return self.binary, self.widget_dir

    def open(self, out: IO[str], source_path: str, **kwargs: Any) -> None:
        binary = shutil.which(self.binary)
        if binary is None:
            raise FilterError(f"esbuild not found at {self.binary}: run `make run` (or `npm ci --omit=dev`), "
                              "or name it in ESBUILD_BINARY (environment: TRODOC_ESBUILD_BINARY)")
        entry = os.path.relpath(source_path, self.widget_dir)
        widget_rules.write(self.widget_dir)
        with tempfile.TemporaryDirectory() as folder:
            bundle, metafile = os.path.join(folder, "bundle.js"), os.path.join(folder, "meta.json")
            # Modules are strict; a classic script is strict only when it says so (outside the IIFE, this
            # directive still applies to this script alone, never to the page). Strings stay ASCII
            # (esbuild's default, regular expression literals excepted): nginx serves static/gen without a
            # charset, and a script without one is decoded in the embedding page's encoding.
            argv = [binary, entry, "--bundle", "--format=iife", "--minify", f"--target={TARGET}",
                    "--legal-comments=none", '--banner:js="use strict";', "--log-level=warning",
                    f"--outfile={bundle}", f"--metafile={metafile}", *self._stylesheets()]
            result = subprocess.run(argv, cwd=self.widget_dir, capture_output=True, text=True)
            if result.returncode != 0:
                raise FilterError(f"esbuild failed to bundle {source_path}:\n{result.stderr.strip()}")
            if result.stderr:
                log.warning("esbuild, bundling %s:\n%s", source_path, result.stderr.strip())
            with open(metafile, encoding="utf-8") as file:
                cycle = _import_cycle(json.load(file)["inputs"])
            if cycle:
                raise FilterError(f"circular import in {self.widget_dir}, bundling {entry}: {' → '.join(cycle)}")
            with open(bundle, encoding="utf-8") as file:
                out.write(file.read())

    def _stylesheets(self) -> list[str]:
        defines = []
        for constant, (filename, _, _) in STYLESHEETS.items():
            with open(os.path.join(self.widget_dir, filename), encoding="utf-8") as file:
                css = rcssmin.cssmin(file.read())
            defines.append(f"--define:{constant}={json.dumps(css)}")
        return defines


def _import_cycle(inputs: dict[str, Any]) -> list[str]:
    """The first circular import in an esbuild metafile's ``inputs``, as ``[a, b, …, a]``; ``[]`` if none."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str]:
        if module in path:
            return path[path.index(module):] + [module]
        if module in done:
            return []
        path.append(module)
        for imported in inputs[module]["imports"]:
            if imported["path"] in inputs and (cycle := visit(imported["path"])):
                return cycle
        path.pop()
        done.add(module)
        return []

    for module in inputs:
        if cycle := visit(module):
            return cycle
    return []


def _bundles(app: Flask) -> dict[str, Bundle]:
    # Fresh objects per app: webassets binds a bundle to the environment it is registered with.
    esbuild = Esbuild(app.config["ESBUILD_BINARY"], app.config["WIDGET_DIR"])
    bundles = {name: Bundle(entry, filters=(esbuild,), depends=SOURCES, output=output)
               for name, (entry, output) in SCRIPTS.items()}
    bundles.update({name: Bundle(filename, filters=("rcssmin",), output=output)
                    for filename, name, output in STYLESHEETS.values()})
    return bundles


def init_app(app: Flask) -> Environment:
    """Register the bundles; paths default to the instance folder, ``static/gen``, ``widget/`` and
    ``node_modules/.bin/esbuild``."""
    app.config.setdefault("ASSETS_CACHE", os.path.join(app.instance_path, "webassets-cache"))
    app.config.setdefault("ASSETS_MANIFEST", "json:" + os.path.join(app.static_folder, "gen", "manifest.json"))
    app.config.setdefault("ASSETS_AUTO_BUILD", app.debug)
    app.config.setdefault("WIDGET_DIR", WIDGET_DIR)
    app.config.setdefault("ESBUILD_BINARY", ESBUILD)
    os.makedirs(app.config["ASSETS_CACHE"], exist_ok=True)
    env = Environment(app)
    env.append_path(app.config["WIDGET_DIR"])
    for name, bundle in _bundles(app).items():
        env.register(name, bundle)
    app.cli.add_command(widget_cli)
    return env


def build(app: Flask) -> None:
    """Build every bundle now, as ``flask assets build`` does (tests and benchmarks call this so they never
    run a stale build), then remove the files of builds older than the previous one. The lock keeps
    parallel processes from writing the same files at once."""
    env = app.jinja_env.assets_environment
    with FileLock(app.config["ASSETS_CACHE"] + ".lock"), app.app_context():
        manifest = getattr(env.manifest, "filename", None)  # the JSON manifest's file (``init_app``'s default)
        before = _versions(manifest) if manifest else {}
        for bundle in env:
            bundle.build()
        if manifest:
            _prune(app.static_folder, manifest, before)


def _versions(manifest: str) -> dict[str, str]:
    try:
        with open(manifest, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError):
        return {}


def _prune(static: str, manifest: str, before: dict[str, str]) -> None:
    """Keep the files of this build and of the one before it, which loaders cached before a release still
    name (``/widget.js`` is cached for minutes); the builds before those are no longer named anywhere."""
    current = _versions(manifest)
    if not current:
        return  # no manifest to say what is current: remove nothing
    previous_path = os.path.join(os.path.dirname(manifest), PREVIOUS_MANIFEST)
    if before and before != current:
        with open(previous_path, "w", encoding="utf-8") as file:
            json.dump(before, file, indent=4)
    kept = {os.path.join(static, output % {"version": version})
            for versions in (current, _versions(previous_path)) for output, version in versions.items()}
    folder = os.path.join(static, "gen")
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if name.startswith("trodoc-") and path not in kept:
            os.remove(path)


widget_cli = AppGroup("widget", help="The embeddable widget.")


@widget_cli.command("build")
def build_command() -> None:
    """Build the widget's scripts and stylesheets into static/gen.

    Unlike ``flask assets build``, which prints a failed build and still exits 0, this fails: ``make run``
    must not go on to serve an old or missing widget."""
    try:
        build(current_app)
    except BundleError as error:
        raise click.ClickException(str(error)) from None
    click.echo("Widget built.")
