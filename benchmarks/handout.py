"""What the printable handout costs: its pages and bytes, and the build time it adds.

    .venv/bin/python benchmarks/handout.py [--repeat 3]

Three builds of copies of the project, in one run, alternating: without hooks/handout.py
(the build before the handout), with it and an empty print cache (cold: fonts cut, two
prints), and with it and the cache of the cold build (warm: the document is assembled
and the cached print copied). Medians of the repeats, compared as ratios to the build
without the handout (this machine is noisy; ratios within one run are not).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from builds import build_site, copy_project  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764201600")
    with tempfile.TemporaryDirectory() as tmp:
        without = copy_project(Path(tmp) / "without")
        config = without / "mkdocs.yml"
        config.write_text(re.sub(r"^  - hooks/handout\.py\n", "", config.read_text(encoding="utf-8"), flags=re.M),
                          encoding="utf-8")
        with_handout = copy_project(Path(tmp) / "with")
        seconds: dict[str, list[float]] = {"without": [], "cold": [], "warm": []}
        for attempt in range(args.repeat):
            for name, project, cache in (("without", without, False), ("cold", with_handout, False),
                                         ("warm", with_handout, True)):
                if not cache:
                    shutil.rmtree(project / ".cache" / "handout", ignore_errors=True)
                started = time.perf_counter()
                build_site(project / "mkdocs.yml", Path(tmp) / f"site-{name}-{attempt}", strict=False)
                seconds[name].append(time.perf_counter() - started)
        handout = Path(tmp) / f"site-warm-{args.repeat - 1}" / "handout.pdf"
        info = subprocess.run(["pdfinfo", str(handout)], capture_output=True, text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", info).group(1) if info else "?"
        base = statistics.median(seconds["without"])
        print(f"handout.pdf: {pages} pages, {handout.stat().st_size:,} bytes")
        print(f"{'build':<28} {'median':>8} {'ratio':>6}   runs")
        for name, label in (("without", "without the handout (before)"), ("cold", "handout, print cache empty"),
                            ("warm", "handout, print cache warm")):
            median = statistics.median(seconds[name])
            runs = " ".join(f"{value:.1f}" for value in seconds[name])
            print(f"{label:<28} {median:>7.2f}s {median / base:>6.2f}   {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
