"""Search quality as a search engine is evaluated: recall@5 and top-1 per query kind and set.

    .venv/bin/python benchmarks/search_eval.py [--rev main] [--misses] [--set tune]

Three query sets:
- existing: tests/search_queries.yml and the glossary-name queries the tests generate;
- tune and heldout: research/search-eval/queries.yml, written by a reader who had not
  seen the search code, before any tuning (see its header), split in halves. Tune on
  `tune` only; `heldout` tells whether a gain is real or overfitting.

Variants, each built from its own copy in one run (benchmarks/search_quality.py):
stock Material, today's search (git rev --rev) and the working tree. Queries are asked
of each site's own Material worker in Node (tests/search_worker.js), which answers as the
browser does (tests/test_search_browser.py checks that). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import logging
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_quality import QUERIES, VARIANTS, each_variant_site  # noqa: E402
from searching import SearchWorker, ranks_first, top_results  # noqa: E402
from test_search import glossary_queries  # noqa: E402

EVAL = ROOT / "research" / "search-eval" / "queries.yml"
SETS = ["existing", "tune", "heldout"]


def queries() -> list[dict]:
    existing = [{**q, "set": "existing"} for q in [*QUERIES, *glossary_queries()]]
    written = [{**q, "set": q["half"]} for q in yaml.safe_load(EVAL.read_text(encoding="utf-8"))]
    return existing + written


def evaluate(site: Path, cases: list[dict]) -> list[tuple[dict, bool, bool, list[str]]]:
    """(case, in the top 5, ranked first, top 5) for each case."""
    worker = SearchWorker(site)
    try:
        rows = []
        for case in cases:
            groups = worker.ask(case["query"])["groups"]
            rows.append((case, case["find"] in top_results(groups), ranks_first(groups, case["find"]), top_results(groups)))
        return rows
    finally:
        worker.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", default="main", help="git rev of today's search (default: main)")
    parser.add_argument("--misses", action="store_true", help="list the queries ours misses (tune set only, unless --set)")
    parser.add_argument("--set", default="tune", choices=SETS, help="which set --misses lists (never tune on heldout)")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cases = queries()
    results = {}
    for name, site in each_variant_site(args.rev):
        results[name] = evaluate(site, cases)
    for which in SETS:
        table(which, results)
    if args.misses:
        for case, hit, _, top in results["ours"]:
            if case["set"] == args.set and not hit:
                print(f"miss [{case['kind']}] {case['query']!r} wants {case['find']}; top 5 {top}")
    return 0


def table(which: str, results: dict) -> None:
    by_kind = {name: collections.defaultdict(list) for name in VARIANTS}
    for name in VARIANTS:
        for case, hit, first, _ in results[name]:
            if case["set"] == which:
                by_kind[name][case["kind"]].append((hit, first))
                by_kind[name]["all"].append((hit, first))
    print(f"\n{which} set")
    print(f"{'kind':<14} {'n':>4} | {'recall@5':^26} | {'top-1':^26}")
    print(f"{'':<14} {'':>4} | " + " ".join(f"{v:>8}" for v in VARIANTS) + " | " + " ".join(f"{v:>8}" for v in VARIANTS))
    kinds = sorted(k for k in by_kind["ours"] if k != "all") + ["all"]
    for kind in kinds:
        n = len(by_kind["ours"][kind])
        recall = " ".join(f"{sum(r[0] for r in by_kind[v][kind]) / n:>8.0%}" for v in VARIANTS)
        top1 = " ".join(f"{sum(r[1] for r in by_kind[v][kind]) / n:>8.0%}" for v in VARIANTS)
        print(f"{kind:<14} {n:>4} | {recall} | {top1}")


if __name__ == "__main__":
    sys.exit(main())
