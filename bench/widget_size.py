"""What a first visit transfers for the widget: ``/widget.js`` plus the bundle it loads, gzipped.

Run: ``.venv/bin/python -m bench.widget_size``. Builds the bundles from ``widget/``, takes the loader as
``GET /widget.js`` serves it and the bundle it names, and compresses each with gzip -9 (what nginx's
``gzip_comp_level 6`` gets within a few bytes). The stylesheets are inside these two files. The budget
of issue 5 is 12 KB for everything, the player of part 2 included; until the player is in the bundle,
its sources in ``widget/listen/`` are minified the same way (rjsmin) and shown as an estimate.
"""
from __future__ import annotations

import gzip
import re
import tempfile
from pathlib import Path

import rjsmin

from server import assets, create_app

BUDGET = 12 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure() -> list[tuple[str, int, int]]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "LOAD_SAMPLES": False, "DATABASE_URL": f"sqlite:///{folder}/t.db",
                          "AUDIO_DIR": folder})
        assets.build(app)
        client = app.test_client()
        loader = client.get("/widget.js").get_data()
        bundle_url = re.search(rb"'(/static/gen/trodoc-[0-9a-f]+\.js)'", loader)[1].decode()
        bundle = client.get(bundle_url).get_data()
    rows = [("`/widget.js` (loader + page CSS)", len(loader), gz(loader)),
            (f"`{bundle_url}` (bar, state, API + bar CSS)", len(bundle), gz(bundle))]
    bundled = bundle.decode()
    player = sorted(Path(assets.WIDGET_DIR, "listen").glob("*.js"))
    if player and "createListen" not in bundled:
        source = rjsmin.jsmin("\n".join(path.read_text(encoding="utf-8") for path in player)).encode()
        rows.append((f"player estimate (`widget/listen/`, {len(player)} modules, rjsmin)", len(source), gz(source)))
    return rows


def main() -> None:
    rows = measure()
    print("| file | bytes | gzip -9 bytes |")
    print("|---|---:|---:|")
    for name, raw, packed in rows:
        print(f"| {name} | {raw:,} | {packed:,} |")
    total = sum(packed for _, _, packed in rows)
    print(f"| **total, first visit** | {sum(raw for _, raw, _ in rows):,} | **{total:,}** |")
    print(f"\nBudget {BUDGET:,} bytes gzipped (player included): {total / BUDGET:.0%} used, "
          f"{BUDGET - total:,} bytes left.")


if __name__ == "__main__":
    main()
