"""Stock Material search, today's search and ours, side by side.

    .venv/bin/python benchmarks/search_quality.py [--rev main] [--repeat 5] [--fill] [--speed-only]

Three variants, each built from its own copy of the pages in one run:
- stock: the working tree without its search work: no lunr.ko override, no
  hangul.js or search-suggest script, no hooks/search.py, Material's default
  separator and fields, no per-page search boosts;
- today: the project at git rev `main` (`git archive main`), as published now;
- ours: the working tree.

Quality, at the site's size: the query set the tests use (tests/search_queries.yml)
and the queries the tests generate from docs/glossary.yml (kind "glossary": every
name of every term must rank its section first), typed into Material's search box in
headless Chromium state by state as an IME delivers them (--fill: in one go, faster).
Per query kind: recall@5 (the target among the first five results a reader sees)
and top-1 (the target is the best result). No assertions: the tests do that.

Size: search/search_index.json, and the browser-side search scripts and data
(lunr.ko.min.js, hangul.js, search-suggest.js, search/terms.json where present).

Speed: time from navigation start until the first result shows, for a page opened
with `?q=컨테이너` (Material opens the search with that query as soon as its worker
has built the index), in a fresh context (empty cache) with the CPU throttled 4x
(Chrome DevTools' Emulation.setCPUThrottlingRate), median of --repeat visits; at the
site's size and with every page copied 20x (docs/copy-NN/, as benchmarks/hooks_overhead.py
does). Compare the ratios to stock; the machine is noisy.
"""

from __future__ import annotations

import argparse
import collections
import io
import logging
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import WATCH_SEARCH, launch_chromium, search_results, serve_directory, typed_results  # noqa: E402
from builds import build_site, copy_project  # noqa: E402
from searching import ranks_first, top_results  # noqa: E402
from test_search import glossary_queries  # noqa: E402

QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
KINDS = ["particles", "compound", "spacing", "english", "term", "composing", "choseong", "loanword",
         "misspelling", "typo", "glossary"]
VARIANTS = ["stock", "today", "ours"]
SCRIPTS = ["assets/javascripts/lunr/min/lunr.ko.min.js", "assets/javascripts/korean-search.js", "assets/javascripts/hangul.js",
           "assets/javascripts/search-suggest.js", "search/terms.json"]
LOAD_QUERY = "컨테이너"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rev", default="main", help="git rev of today's search (default: main)")
    parser.add_argument("--repeat", type=int, default=5, help="page loads per variant and size (median)")
    parser.add_argument("--fill", action="store_true", help="fill the box in one go instead of IME states")
    parser.add_argument("--speed-only", action="store_true", help="sizes and load times only, no query set")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # copies outside the nav are reported; fine here
    queries = [*QUERIES, *glossary_queries()]
    quality, sizes, load = {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for scale in (1, 20):
            for name in VARIANTS:
                project = _project(name, tmp / f"{name}-{scale}", args.rev, scale)
                site = tmp / f"{name}-{scale}-site"
                if scale == 1:
                    if not args.speed_only:
                        quality[name] = _quality(project, site, queries, args.fill)
                    else:
                        build_site(project / "mkdocs.yml", site, site_url="http://127.0.0.1/")
                    sizes[name] = _sizes(site)
                load[name, scale] = _load_times(project, tmp / f"{name}-{scale}-timed", args.repeat, strict=scale == 1)
                print(f"measured {name} at {scale}×", file=sys.stderr)
    _print(queries, quality, sizes, load, args)
    return 0


# -----------------------------------------------------------------------------
# Variants
# -----------------------------------------------------------------------------


def _project(name: str, path: Path, rev: str, scale: int) -> Path:
    if name == "today":
        path.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(path, filter="data")
        (path / ".venv").symlink_to(ROOT / ".venv")
    else:
        copy_project(path)
        if name == "stock":
            _strip_search(path)
    pages = list((path / "docs").rglob("*.md"))
    for copy in range(1, scale):
        for page in pages:
            target = path / "docs" / f"copy-{copy:02d}" / page.relative_to(path / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
    return path


def each_variant_site(rev: str) -> Iterator[tuple[str, Path]]:
    """Each variant (stock, today at `rev`, ours) built once at the site's size, as (name, site folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in VARIANTS:
            project = _project(name, Path(tmp) / name, rev, 1)
            site = Path(tmp) / f"{name}-site"
            build_site(project / "mkdocs.yml", site, site_url="http://127.0.0.1/", strict=False)
            yield name, site
            print(f"measured {name}", file=sys.stderr)


def _strip_search(path: Path) -> None:
    """This project without its search work: Material's search as it ships."""
    shutil.rmtree(path / "overrides/assets/javascripts/lunr")
    for script in ("hangul.js", "korean-search.js", "search-suggest.js"):
        (path / "overrides/assets/javascripts" / script).unlink(missing_ok=True)
    config = (path / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/search.py\n", "")
    config = re.sub(r"  - search:\n(?:      .*\n|        .*\n)+", "  - search:\n      lang: ko\n", config)
    config = re.sub(r"^extra_javascript:\n(?:  .*\n)+", "", config, flags=re.M)  # only search-suggest.js
    (path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (path / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\A---\n(?:#.*\n)?search:\n  boost: [\d.]+\n---\n\n", "", text), encoding="utf-8")


# -----------------------------------------------------------------------------
# Measures
# -----------------------------------------------------------------------------


def _quality(project: Path, site: Path, queries: list[dict], fill: bool) -> dict[str, list[tuple[bool, bool]]]:
    """Per kind, (in the top 5, ranked first) for each query."""
    from playwright.sync_api import sync_playwright

    rows = collections.defaultdict(list)
    with serve_directory(site) as server, sync_playwright() as playwright:
        build_site(project / "mkdocs.yml", site, site_url=server)
        browser = launch_chromium(playwright)
        context = browser.new_context()
        context.add_init_script(WATCH_SEARCH)
        page = context.new_page()
        page.goto(server, wait_until="networkidle")
        for case in queries:
            groups = search_results(page, case["query"]) if fill else typed_results(page, case["query"])
            rows[case["kind"]].append((case["find"] in top_results(groups), ranks_first(groups, case["find"]), case["query"]))
        browser.close()
    return rows


def _sizes(site: Path) -> dict[str, int]:
    return {"index": (site / "search/search_index.json").stat().st_size,
            "scripts": sum((site / name).stat().st_size for name in SCRIPTS if (site / name).exists())}


def _load_times(project: Path, site: Path, repeat: int, strict: bool) -> list[float]:
    """Seconds from navigation start until the first result of `?q=` shows, CPU throttled 4x."""
    from playwright.sync_api import sync_playwright

    seconds = []
    with serve_directory(site) as server, sync_playwright() as playwright:
        build_site(project / "mkdocs.yml", site, site_url=server, strict=strict)
        browser = launch_chromium(playwright)
        for _ in range(repeat):
            context = browser.new_context()  # empty cache: a first visit
            context.add_init_script(WATCH_SEARCH)
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(f"{server}?q={LOAD_QUERY}", wait_until="commit")
            page.wait_for_function("() => window.__searchWatch && window.__searchWatch.firstResultAt !== null",
                                   timeout=120_000)
            seconds.append(page.evaluate("window.__searchWatch.firstResultAt") / 1000)
            context.close()
        browser.close()
    return seconds


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


def _print(queries, quality, sizes, load, args) -> None:
    if quality:
        _print_quality(queries, quality, args)
    _print_speed(sizes, load)
    for name in quality:
        missed = [q for kind in KINDS for hit, _, q in quality[name][kind] if not hit]
        print(f"\n{name}: {len(missed)} queries miss their target in the top 5: {', '.join(missed) or '-'}")


def _print_quality(queries, quality, args) -> None:
    typing = "filled in one go" if args.fill else "typed as IME composing states"
    print(f"{len(queries)} queries ({len(QUERIES)} from tests/search_queries.yml, "
          f"{len(queries) - len(QUERIES)} generated from the glossary), {typing}\n")
    print(f"{'kind':<12} {'n':>4} | {'recall@5':^26} | {'top-1':^26}")
    print(f"{'':<12} {'':>4} | " + " ".join(f"{v:>8}" for v in VARIANTS) + " | " + " ".join(f"{v:>8}" for v in VARIANTS))
    for kind in [*KINDS, "all"]:
        cells = {v: (quality[v][kind] if kind != "all" else [r for rows in quality[v].values() for r in rows]) for v in VARIANTS}
        n = len(cells["ours"])
        if not n:
            continue
        recall = " ".join(f"{sum(r[0] for r in cells[v]) / n:>8.0%}" for v in VARIANTS)
        top1 = " ".join(f"{sum(r[1] for r in cells[v]) / n:>8.0%}" for v in VARIANTS)
        print(f"{kind:<12} {n:>4} | {recall} | {top1}")
    print()


def _print_speed(sizes, load) -> None:
    print(f"{'':<36} " + " ".join(f"{v:>10}" for v in VARIANTS) + f" {'ours/stock':>11}")
    for label, key in [("search_index.json (bytes)", "index"), ("search scripts and data (bytes)", "scripts")]:
        row = " ".join(f"{sizes[v][key]:>10,}" for v in VARIANTS)
        ratio = f"{sizes['ours'][key] / sizes['stock'][key]:>11.2f}" if sizes["stock"][key] else f"{'-':>11}"
        print(f"{label:<36} {row} {ratio}")
    for scale in (1, 20):
        medians = {v: statistics.median(load[v, scale]) for v in VARIANTS}
        row = " ".join(f"{medians[v]:>9.2f}s" for v in VARIANTS)
        print(f"{f'first results, CPU 4x, {scale}x pages':<36} {row} {medians['ours'] / medians['stock']:>11.2f}"
              f"   (today/stock {medians['today'] / medians['stock']:.2f}; runs: "
              + "; ".join(f"{v} " + " ".join(f"{s:.2f}" for s in load[v, scale]) for v in VARIANTS) + ")")


if __name__ == "__main__":
    sys.exit(main())
