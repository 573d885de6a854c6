"""What a first visit transfers for the widget: ``/widget.js`` plus the bundle it loads, gzipped.

Run: ``.venv/bin/python -m bench.widget_size``. Builds the bundles from ``widget/`` (esbuild, as in
production), takes the loader as ``GET /widget.js`` serves it and the bundle it names, and compresses each
with gzip -9 (what nginx's ``gzip_comp_level 6`` gets within a few bytes). The stylesheets are inside these
two files (the separate ``.css`` files are only for engines without constructed stylesheets). The budget
of issue 5 is 12 KB for everything, the player of part 2 included.
"""
from __future__ import annotations

import gzip
import re
import tempfile

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
        bundle_url = re.search(rb"""["'](/static/gen/trodoc-[0-9a-f]+\.js)["']""", loader)[1].decode()
        bundle = client.get(bundle_url).get_data()
    return [("`/widget.js` (the loader)", len(loader), gz(loader)),
            (f"`{bundle_url}` (the bundle it loads)", len(bundle), gz(bundle))]


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
