"""Time from a reader's last keystroke to the results shown, per query kind, CPU throttled 4x.

    .venv/bin/python benchmarks/search_latency.py [--rev 492f5d2] [--per-kind 4] [--repeat 3]

Variants, each built from its own copy in one run (benchmarks/search_quality.py): stock
Material, the search at git rev --rev (default: the commit before the analyzer's jamo
cache was fixed) and the working tree. For each query, the box is filled up to its last
character and the answer awaited; then the last character goes in as an IME delivers it
and End is released (Material searches on keyup). Measured in the page: from that keyup
to the last change of the result list before it settles (three quiet frames). Median
per kind in milliseconds, and ours/stock. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import logging
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browsing import SETTLED, WATCH_SEARCH, launch_chromium, serve_directory, type_as_ime, type_state  # noqa: E402
from search_quality import QUERIES, VARIANTS, each_variant_site  # noqa: E402

# Records the moment End is released in the search box, and every change of the result list.
WATCH_KEYS = """
(() => {
  window.__keys = { up: 0, changed: 0 };
  addEventListener("keyup", () => { window.__keys.up = performance.now(); }, true);
  new MutationObserver(() => { window.__keys.changed = performance.now(); })
    .observe(document, { childList: true, subtree: true, characterData: true });
})();
"""


def measure(site: Path, queries: list[dict], repeat: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    times = collections.defaultdict(list)
    with serve_directory(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context()
        context.add_init_script(WATCH_SEARCH)
        context.add_init_script(WATCH_KEYS)
        page = context.new_page()
        page.goto(server, wait_until="load")
        page.wait_for_function("() => window.__searchWatch.ready", timeout=60_000)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        for _ in range(repeat):
            for case in queries:
                query = case["query"]
                type_as_ime(page, query, timeout=60_000, states=[query[:-1]] if len(query) > 1 else [])
                type_state(page, query[:-1], query, timeout=60_000)  # the reader's last keystroke
                page.evaluate(SETTLED)
                keys = page.evaluate("window.__keys")
                times[case["kind"]].append(max(0.0, keys["changed"] - keys["up"]))
        browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", default="492f5d2", help="git rev of the search before (default: before the cache fix)")
    parser.add_argument("--per-kind", type=int, default=4, help="queries of each kind of tests/search_queries.yml")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over the queries (median)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    by_kind = collections.defaultdict(list)
    for case in QUERIES:
        by_kind[case["kind"]].append(case)
    queries = [case for cases in by_kind.values() for case in cases[: args.per_kind]]
    results = {}
    for name, site in each_variant_site(args.rev):
        results[name] = measure(site, queries, args.repeat)
    names = {"today": f"rev {args.rev}"}
    print(f"last keystroke → results shown, ms (median), CPU 4x; {len(queries)} queries × {args.repeat}")
    print(f"{'kind':<12} " + " ".join(f"{names.get(v, v):>14}" for v in VARIANTS) + f" {'ours/stock':>11}")
    for kind in [*by_kind, "all"]:
        cells = {v: (results[v][kind] if kind != "all" else [t for ts in results[v].values() for t in ts]) for v in VARIANTS}
        medians = {v: statistics.median(cells[v]) for v in VARIANTS}
        ratio = medians["ours"] / medians["stock"] if medians["stock"] else float("nan")
        print(f"{kind:<12} " + " ".join(f"{medians[v]:>14.0f}" for v in VARIANTS) + f" {ratio:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
