"""The widget's build (server/assets.py) for real: esbuild bundles from one entry module each, the
stylesheets as files of their own, what ``GET /widget.js`` writes into the loader, and the builds that must
fail. Each app builds into a static folder of its own, never the shared ``static/gen``."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import rcssmin
from flask import Flask
from webassets.exceptions import BuildError

from server import assets, create_app
from server.speech import blocks, text

PLACEHOLDERS = ("__TRODOC_BUNDLE__", "__TRODOC_INTEGRITY__", "__TRODOC_LISTEN__", "__TRODOC_LISTEN_INTEGRITY__",
                "__TRODOC_PAGE_CSS__", "__TRODOC_BAR_CSS__")
# Names the sources declare that cannot be a CSS word or text: camelCase, or UPPER_CASE of six or more.
DECLARED = re.compile(r"\b(?:const|let|var|function\*?|class)\s+([a-z]+[A-Z][\w$]*|[A-Z][A-Z0-9_]{5,})\b")


def make_app(folder: Path, widget_dir: Path | str = assets.WIDGET_DIR, **config) -> Flask:
    app = create_app({"TESTING": True, "LOAD_SAMPLES": False, "DATABASE_URL": f"sqlite:///{folder / 't.db'}",
                      "AUDIO_DIR": str(folder / "audio"), "WIDGET_DIR": str(widget_dir),
                      "ASSETS_CACHE": str(folder / "cache"),
                      "ASSETS_MANIFEST": f"json:{folder / 'static' / 'gen' / 'manifest.json'}", **config})
    # Other suites build and serve the shared static/gen at the same time: this app keeps its own.
    app.static_folder = str(folder / "static")
    return app


def built_file(app: Flask, name: str) -> Path:
    (url,) = app.jinja_env.assets_environment[name].urls()
    return Path(app.static_folder, url.removeprefix(app.static_url_path + "/"))


def widget_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(assets.WIDGET_DIR, tmp_path / "widget"))


def prepend(path: Path, line: str) -> None:
    path.write_text(line + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Flask:
    app = make_app(tmp_path_factory.mktemp("assets"))
    assets.build(app)
    return app


@pytest.mark.parametrize("name", ["trodoc_loader", "trodoc_widget", "trodoc_listen"])
def test_each_script_is_one_minified_iife_without_modules(built, name):
    body = built_file(built, name).read_text(encoding="utf-8")
    # The sources are modules, hence strict; the directive keeps the classic script strict too.
    assert body.startswith('"use strict";\n(()=>{') and body.endswith("})();\n")
    assert not re.search(r"\b(?:import|export)\s*[{*'\"]|\bexport\s+(?:const|let|var|function|class|default)\b",
                         body)
    assert "/*" not in body and not re.search(r"^\s*//", body, re.MULTILINE)
    assert not re.search("[\u00c0-\u1ef9]", body)  # the Vietnamese texts are escaped
    sources = "\n".join(path.read_text(encoding="utf-8") for path in Path(assets.WIDGET_DIR).rglob("*.js"))
    declared = set(DECLARED.findall(sources))
    assert len(declared) > 20
    # Mangled: a declared name survives only as a property (`.name`, `name:`) or inside a string.
    assert [name for name in sorted(declared)
            if re.search(rf"(?<![\w$.'\"`]){re.escape(name)}(?![\w$'\"`])(?!\s*:)", body)] == []


def test_stylesheets_are_minified_files_and_constants_of_the_scripts(built):
    loader = built_file(built, "trodoc_loader").read_text(encoding="utf-8")
    bar = built_file(built, "trodoc_bar_css")
    scripts = loader + built_file(built, "trodoc_widget").read_text(encoding="utf-8")
    assert built_file(built, "trodoc_page_css").name.startswith("trodoc-page-")
    assert bar.name.startswith("trodoc-bar-") and bar.suffix == ".css"
    for name, source, script in (("trodoc_page_css", "page.css", loader), ("trodoc_bar_css", "bar.css", scripts)):
        css = built_file(built, name).read_text(encoding="utf-8")
        assert css == rcssmin.cssmin(Path(assets.WIDGET_DIR, source).read_text(encoding="utf-8"))
        # The same text is a string constant of the scripts (quotes and escapes are esbuild's choice).
        assert max(re.split(r"[\"'\\]", css), key=len) in script
    assert not re.search(r"\b(?:PAGE|BAR)_CSS\b", scripts)


def test_loader_names_the_built_bundle_and_stylesheets_with_the_bundles_hash(built):
    built_loader = built_file(built, "trodoc_loader").read_text(encoding="utf-8")
    assert all(placeholder in built_loader for placeholder in PLACEHOLDERS)
    client = built.test_client()
    loader = client.get("/widget.js").get_data(as_text=True)
    assert not any(placeholder in loader for placeholder in PLACEHOLDERS)
    env = built.jinja_env.assets_environment
    for name, mimetype in (("trodoc_widget", "text/javascript"), ("trodoc_listen", "text/javascript"),
                           ("trodoc_page_css", "text/css"), ("trodoc_bar_css", "text/css")):
        (url,) = env[name].urls()
        assert re.fullmatch(r"/static/gen/trodoc-[a-z-]*[0-9a-f]{8}\.(js|css)", url)
        assert f'"{url}"' in loader or f"'{url}'" in loader
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == mimetype
        assert response.get_data() == built_file(built, name).read_bytes()
        assert set(response.headers["Cache-Control"].replace(" ", "").split(",")) == {
            "public", "max-age=31536000", "immutable"}
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    for name in ("trodoc_widget", "trodoc_listen"):
        digest = base64.b64encode(hashlib.sha384(built_file(built, name).read_bytes()).digest()).decode()
        assert f"sha384-{digest}" in loader


def test_a_missing_import_fails_the_build_with_esbuilds_message(tmp_path):
    widget = widget_copy(tmp_path)
    prepend(widget / "main.js", "import { nothing } from './missing.js';")
    with pytest.raises(BuildError, match=r"(?s)esbuild failed to bundle .*main\.js.*Could not resolve.*missing\.js"):
        assets.build(make_app(tmp_path, widget))


def test_a_circular_import_fails_the_build_naming_the_cycle(tmp_path):
    widget = widget_copy(tmp_path)
    prepend(widget / "listen" / "player.js", "import { createListen } from './listen.js';\nconsole.log(createListen);")
    cycle = (r"circular import .*: (listen/listen\.js → listen/player\.js → listen/listen\.js"
             r"|listen/player\.js → listen/listen\.js → listen/player\.js)$")
    with pytest.raises(BuildError, match=cycle):
        assets.build(make_app(tmp_path, widget))


def test_the_build_command_exits_non_zero_when_the_build_fails(tmp_path):
    widget = widget_copy(tmp_path)
    prepend(widget / "main.js", "import { nothing } from './missing.js';")
    result = make_app(tmp_path, widget).test_cli_runner().invoke(args=["widget", "build"])
    assert result.exit_code == 1 and "Could not resolve" in result.output
    (tmp_path / "ok").mkdir()
    result = make_app(tmp_path / "ok").test_cli_runner().invoke(args=["widget", "build"])
    assert result.exit_code == 0 and result.output == "Widget built.\n"


def test_without_esbuild_the_build_says_how_to_install_it(tmp_path):
    app = make_app(tmp_path, ESBUILD_BINARY=str(tmp_path / "no-esbuild"))
    with pytest.raises(BuildError,
                       match=r"esbuild not found at .*no-esbuild: run `make run` \(or `npm ci --omit=dev`\)"):
        assets.build(app)


def test_a_change_in_an_imported_module_alone_makes_a_new_version(tmp_path):
    widget = widget_copy(tmp_path)
    app = make_app(tmp_path, widget)
    assets.build(app)
    loader, bundle = built_file(app, "trodoc_loader"), built_file(app, "trodoc_widget")
    keys = widget / "listen" / "keys.js"  # imported by main.js, never named by a bundle
    keys.write_text(keys.read_text(encoding="utf-8") + "\nconsole.debug('build probe');\n", encoding="utf-8")
    later = bundle.stat().st_mtime + 10
    os.utime(keys, (later, later))
    assets.build(app)
    rebuilt = built_file(app, "trodoc_widget")
    assert rebuilt != bundle and "build probe" in rebuilt.read_text(encoding="utf-8")
    assert built_file(app, "trodoc_loader") == loader  # the loader does not import the keys


def test_a_build_keeps_its_files_and_the_previous_builds_and_removes_older_ones(tmp_path):
    widget = widget_copy(tmp_path)
    app = make_app(tmp_path, widget)
    keys = widget / "listen" / "keys.js"
    builds = []
    for probe in ("first", "second", "third"):
        keys.write_text(keys.read_text(encoding="utf-8") + f"\nconsole.debug('{probe}');\n", encoding="utf-8")
        later = max([keys.stat().st_mtime, *(path.stat().st_mtime for path in builds)]) + 10
        os.utime(keys, (later, later))
        assets.build(app)
        builds.append(built_file(app, "trodoc_widget"))
    assets.build(app)  # nothing changed: the previous build stays the previous one
    assert [path.exists() for path in builds] == [False, True, True]
    names = {path.name for path in (tmp_path / "static" / "gen").iterdir()}
    assert len(names) == 2 + 5 + 1  # the manifests, five files of the current build, the changed one before it
    assert built_file(app, "trodoc_loader").name in names


def test_the_listening_bundle_carries_the_servers_text_rules(built):
    # The widget reads the host page as server/speech reads article HTML: the build writes those rules in.
    body = built_file(built, "trodoc_listen").read_text(encoding="utf-8")
    for tags, flags in ((blocks.BLOCK_TAGS | blocks.CONTAINER_TAGS, ""), (blocks.SKIP_TAGS, "i")):
        assert f"/^(?:{'|'.join(sorted(tag.upper() for tag in tags))})$/{flags}" in body
    (space,) = re.findall(r'"(\\\\x09-[^"]*)"', body)
    # Every character is escaped (no \s, on which Python and JS differ): Python's re reads the class as JS does.
    widget_space = re.compile("[" + json.loads('"' + space + '"') + "]")
    characters = [chr(code) for code in range(0x110000)]
    assert [c for c in characters if widget_space.fullmatch(c)] == [c for c in characters
                                                                   if text.SPACE_RUN.fullmatch(c)]


def test_the_python_text_rules_are_sources_of_every_script(built):
    # A change to them makes a new version, as a change to an imported module does.
    for name in assets.SCRIPTS:
        depends = built.jinja_env.assets_environment[name].depends
        assert os.path.abspath(blocks.__file__) in depends and os.path.abspath(text.__file__) in depends
