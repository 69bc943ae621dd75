"""Rebuild time under `mkdocs serve`, with and without the build hooks.

    .venv/bin/python benchmarks/serve_rebuild.py [--edits 5]

Each variant is served from its own copy of the project (python3 tasks.py serve);
a page is edited and the time until the served page shows the edit is taken,
several times; the medians are compared as a ratio (this machine is noisy).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from builds import copy_project  # noqa: E402
from hooks_overhead import without_hooks  # noqa: E402
from serving import serve  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for hooks in (False, True):
            project = copy_project(Path(tmp) / f"hooks-{hooks}")
            if not hooks:
                config = (project / "mkdocs.yml").read_text(encoding="utf-8")
                (project / "mkdocs.yml").write_text(without_hooks(config), encoding="utf-8")
            page = project / "docs" / "virtualization" / "host.md"
            original = page.read_text(encoding="utf-8")
            seconds = []
            with serve(project) as server:
                for edit in range(args.edits):
                    marker = f"편집 {edit} 번째"
                    page.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                    seconds.append(server.wait_for_page("virtualization/host/", marker))
            medians[hooks] = statistics.median(seconds)
    print(f"rebuild after an edit, median of {args.edits}: without hooks {medians[False]:.2f} s, "
          f"with hooks {medians[True]:.2f} s, ratio {medians[True] / medians[False]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
