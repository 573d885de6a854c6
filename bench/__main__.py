"""``python -m bench`` (``make bench``): every benchmark, one after another, each printing its table.

``python -m bench NAME…`` runs only the named ones (e.g. ``python -m bench speech_pipeline``).
"""
from __future__ import annotations

import importlib
import sys

BENCHMARKS = ["speech_pipeline", "audio", "audio_throughput", "widget_size", "widget_scale", "widget_column",
              "lighthouse", "spike", "intelligibility"]


def main(names: list[str]) -> None:
    for name in names or BENCHMARKS:
        if name not in BENCHMARKS:
            sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
        print(f"\n## {name}\n", flush=True)
        sys.argv = [f"bench.{name}"]  # each benchmark parses its own options: here, its defaults
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
