"""Build time with and without the build hooks, at the site's size and at 20×.

    .venv/bin/python benchmarks/hooks_overhead.py [--repeat 3]

Both variants are built from copies of the project in one run, alternating, and
the median of the repeats is compared as a ratio (this machine is noisy, ratios
in one run are not). "20×" copies every page 19 more times into docs/copy-NN/.
Target from the build-hooks issue: with/without <= 1.15 at 20×.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from builds import build_site, copy_project  # noqa: E402


def without_hooks(config: str) -> str:
    """mkdocs.yml with an empty `hooks:` list."""
    return re.sub(r"^hooks:\n(?:  - .*\n)+", "hooks: []\n", config, flags=re.M)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # copies outside the nav are reported; fine here
    print(f"{'size':<6} {'pages':>6} {'without hooks':>14} {'with hooks':>11} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (1, 20):
            projects = {hooks: _project(Path(tmp) / f"{scale}-{hooks}", scale, hooks) for hooks in (False, True)}
            seconds: dict[bool, list[float]] = {False: [], True: []}
            for attempt in range(args.repeat):
                for hooks, project in projects.items():
                    started = time.perf_counter()
                    build_site(project / "mkdocs.yml", Path(tmp) / f"site-{scale}-{hooks}-{attempt}", strict=False)
                    seconds[hooks].append(time.perf_counter() - started)
            pages = len(list((projects[True] / "docs").rglob("*.md")))
            without, with_ = statistics.median(seconds[False]), statistics.median(seconds[True])
            print(f"{scale}×{'':<4} {pages:>6} {without:>13.2f}s {with_:>10.2f}s {with_ / without:>6.3f}")
    return 0


def _project(path: Path, scale: int, hooks: bool) -> Path:
    copy_project(path)
    pages = [p for p in (ROOT / "docs").rglob("*.md")]
    for copy in range(1, scale):
        for page in pages:
            target = path / "docs" / f"copy-{copy:02d}" / page.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (path / "mkdocs.yml").write_text(config if hooks else without_hooks(config), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
