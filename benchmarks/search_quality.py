"""Stock Material search against this site's Korean search, side by side.

    .venv/bin/python benchmarks/search_quality.py [--repeat 3]

Both are built from the same pages in one run. "Stock" is this project without
its search work: no lunr.ko override, no hooks/search.py, Material's default
separator and fields, no per-page search boosts. The query set is the one the
tests use (tests/search_queries.yml), typed into Material's search box in
headless Chromium. Printed: recall@5 (the target among the first five results a
reader sees), top-1 (the target is the best result) over all queries and over
the term queries, index size, and build time.
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

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import launch_chromium, ranks_first, search_results, serve_directory, top_results  # noqa: E402
from builds import build_site, copy_project  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        projects = {"stock": _stock_project(Path(tmp) / "stock"), "ours": copy_project(Path(tmp) / "ours")}
        seconds = {name: [] for name in projects}
        for attempt in range(args.repeat):
            for name, project in projects.items():
                started = time.perf_counter()
                build_site(project / "mkdocs.yml", Path(tmp) / f"{name}-{attempt}")
                seconds[name].append(time.perf_counter() - started)
        for name, project in projects.items():
            rows[name] = _measure(project, Path(tmp) / f"{name}-served")
            rows[name]["build"] = statistics.median(seconds[name])
    terms = [q for q in QUERIES if q.get("first")]
    print(f"{len(QUERIES)} queries, {len(terms)} of them term queries that must rank their own section first\n")
    print(f"{'':<34} {'stock':>12} {'ours':>12}")
    for label, key, fmt in [
        ("recall@5, all queries", "recall", "{:.0%}"),
        ("top-1, all queries", "top1", "{:.0%}"),
        ("top-1, term queries", "top1_terms", "{:.0%}"),
        ("search_index.json (bytes)", "index", "{:,}"),
        ("lunr.ko.min.js (bytes)", "analyzer", "{:,}"),
        ("build time, median (s)", "build", "{:.2f}"),
    ]:
        print(f"{label:<34} {fmt.format(rows['stock'][key]):>12} {fmt.format(rows['ours'][key]):>12}")
    print(f"\nindex size ours/stock: {rows['ours']['index'] / rows['stock']['index']:.2f}")
    print(f"build time ours/stock: {rows['ours']['build'] / rows['stock']['build']:.3f}")
    for name in ("stock", "ours"):
        missed = rows[name]["missed"]
        print(f"\n{name}: {len(missed)} queries miss their target in the top 5: {', '.join(missed) or '-'}")
    return 0


def _measure(project: Path, site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    hits = firsts = term_firsts = 0
    missed = []
    with serve_directory(site) as server, sync_playwright() as playwright:
        build_site(project / "mkdocs.yml", site, site_url=server)
        browser = launch_chromium(playwright)
        page = browser.new_page()
        page.goto(server, wait_until="networkidle")
        for case in QUERIES:
            groups = search_results(page, case["query"])
            hit = case["find"] in top_results(groups)
            first = ranks_first(groups, case["find"])
            hits += hit
            firsts += first
            term_firsts += first and bool(case.get("first"))
            if not hit:
                missed.append(case["query"])
        browser.close()
    return {
        "recall": hits / len(QUERIES),
        "top1": firsts / len(QUERIES),
        "top1_terms": term_firsts / sum(bool(q.get("first")) for q in QUERIES),
        "index": (site / "search/search_index.json").stat().st_size,
        "analyzer": (site / "assets/javascripts/lunr/min/lunr.ko.min.js").stat().st_size,
        "missed": missed,
    }


def _stock_project(path: Path) -> Path:
    copy_project(path)
    shutil.rmtree(path / "overrides/assets/javascripts/lunr")
    config = (path / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/search.py\n", "")
    config = re.sub(r"  - search:\n(?:      .*\n|        .*\n)+", "  - search:\n      lang: ko\n", config)
    (path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (path / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\A---\n(?:#.*\n)?search:\n  boost: [\d.]+\n---\n\n", "", text), encoding="utf-8")
    return path


if __name__ == "__main__":
    sys.exit(main())
