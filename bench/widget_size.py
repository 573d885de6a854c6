"""What the widget transfers, gzipped: on a first visit ``/widget.js`` plus the bundle it loads; when the
reader first presses *Nghe*, the listening part.

Run: ``.venv/bin/python -m bench.widget_size``. Builds the bundles from ``widget/`` (esbuild, as in
production), takes the loader as ``GET /widget.js`` serves it and the bundles it names, and compresses each
with gzip -9 (what nginx's ``gzip_comp_level 6`` gets within a few bytes). The stylesheets are inside these
files (the separate ``.css`` files are only for engines without constructed stylesheets). The budget is
12 KB for a first visit; listening is loaded only by readers who listen, and reported apart.
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
        listen_url = re.search(rb"""["'](/static/gen/trodoc-listen-[0-9a-f]+\.js)["']""", loader)[1].decode()
        bundle, listen = client.get(bundle_url).get_data(), client.get(listen_url).get_data()
    return [("`/widget.js` (the loader)", len(loader), gz(loader)),
            (f"`{bundle_url}` (the bundle it loads)", len(bundle), gz(bundle)),
            (f"`{listen_url}` (listening, on first use)", len(listen), gz(listen))]


def main() -> None:
    rows = measure()
    print("| file | bytes | gzip -9 bytes |")
    print("|---|---:|---:|")
    for name, raw, packed in rows[:2]:
        print(f"| {name} | {raw:,} | {packed:,} |")
    first = sum(packed for _, _, packed in rows[:2])
    print(f"| **total, first visit** | {sum(raw for _, raw, _ in rows[:2]):,} | **{first:,}** |")
    name, raw, packed = rows[2]
    print(f"| {name} | {raw:,} | {packed:,} |")
    print(f"| total for a listener | {sum(raw for _, raw, _ in rows):,} | {first + packed:,} |")
    print(f"\nBudget {BUDGET:,} bytes gzipped for a first visit: {first / BUDGET:.0%} used, "
          f"{BUDGET - first:,} bytes left.")


if __name__ == "__main__":
    main()
