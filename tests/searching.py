"""Ask a built site's search what a reader would see, without a browser.

`SearchWorker` runs Material's own search worker in Node (tests/search_worker.js):
the site's worker file, Lunr's language files, our lunr.ko.min.js and hangul.js,
the site's search_index.json. A query costs milliseconds instead of a browser's
typing; tests/test_search_browser.py checks on a sample that Chromium shows the same.
The helpers that read results (top_results, best_result, ranks_first) are shared
with the browser tests: a result is a list of groups, one per result page, each the
page's link and then the sections shown unfolded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

HARNESS = Path(__file__).resolve().parent / "search_worker.js"


def node() -> str | None:
    """Node.js, from Debian's nodejs package or wherever PATH has it."""
    return shutil.which("node") or shutil.which("nodejs")


class SearchWorker:
    """Material's search worker for one built site, in one Node process."""

    def __init__(self, site_dir: Path) -> None:
        executable = node()
        if executable is None:
            raise FileNotFoundError("node is missing: install Debian's nodejs (apt-get install nodejs)")
        self._process = subprocess.Popen(
            [executable, str(HARNESS), str(site_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
        hello = self._read()
        self.docs, self.start_ms, self.warnings = hello["docs"], hello["ms"], hello["warnings"]
        self._cache: dict[str, dict] = {}

    def _read(self) -> dict:
        line = self._process.stdout.readline()
        if not line:
            self._process.wait(timeout=10)
            raise RuntimeError(f"search_worker.js stopped: {self._process.stderr.read()}")
        return json.loads(line)

    def ask(self, query: str) -> dict:
        """{'groups': [[link, ...], ...], 'warnings': [...]} for `query` as typed in the box."""
        if query not in self._cache:  # the worker keeps no state between queries
            self._process.stdin.write(json.dumps(query, ensure_ascii=False) + "\n")
            self._process.stdin.flush()
            self._cache[query] = self._read()
        return self._cache[query]

    def groups(self, query: str) -> list[list[str]]:
        answer = self.ask(query)
        assert answer["warnings"] == [], f"{query!r}: the worker warned {answer['warnings']}"
        return answer["groups"]

    def close(self) -> None:
        self._process.stdin.close()
        self._process.wait(timeout=10)
        self._process.stdout.close()
        self._process.stderr.close()


def require_node() -> str | None:
    """Why the Node tests cannot run here (None when they can); on CI that is a failure."""
    if node() is None:
        return "node is missing: apt-get install nodejs to run the search tests without a browser"
    return None


def required_on_ci() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"))


def top_results(groups: list[list[str]], count: int = 5) -> list[str]:
    """The first `count` links a reader sees."""
    return [link for group in groups for link in group][:count]


def best_result(groups: list[list[str]]) -> str | None:
    """The best match: the first page's best section, or the page itself."""
    if not groups:
        return None
    return groups[0][1] if len(groups[0]) > 1 else groups[0][0]


def ranks_first(groups: list[list[str]], target: str) -> bool:
    """`target` is the best match; a page counts as best when one of its sections is."""
    best = best_result(groups)
    return best == target or ("#" not in target and best is not None and best.split("#")[0] == target)
