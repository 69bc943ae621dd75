"""The Korean analyzer's own tests (tests/node/, Node's test runner), run against the built site.

They load overrides/assets/javascripts/korean-search.js on its own (a made-up site), and
as Material's worker builds it over the real index (tests/search_worker.js): seconds,
no browser. This file makes them part of the README's test command.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from searching import node

NODE_TESTS = Path(__file__).resolve().parent / "node"


def test_the_analyzers_node_tests_pass(site: Path, node_available: None) -> None:
    run = subprocess.run([node(), "--test", str(NODE_TESTS)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "SITE_DIR": str(site)})
    summary = [line for line in run.stdout.splitlines() if line.startswith(("# pass", "# fail", "not ok"))]
    assert run.returncode == 0, "\n".join(summary) + "\n" + run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in summary and "# skipped 0" in run.stdout, summary
