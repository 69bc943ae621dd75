"""Diagrams before and after build-time drawing: page weight, time to diagrams, build time.

    python3 tasks.py bench                 # or: .venv/bin/python benchmarks/page_weight.py
    python3 tasks.py bench --before REV    # compare with another commit

"Before" is today's content drawn the old way: a copy of the working tree whose
diagram machinery (hooks/diagrams.py, the browser-side loader and its mkdocs.yml
entry) is taken from the last commit that drew diagrams in the browser (the parent
of the commit that added hooks/_diagram_renderer.py). "After" is the working tree.
Same pages, same search index, same .venv: the difference is the diagrams alone.
Both are measured in one run on this machine, so compare the ratios, not the
absolute numbers.

Per page, in a fresh headless Chromium (empty cache), with and without the CPU
throttled 4x (Chrome DevTools' Emulation.setCPUThrottlingRate, a mid-range phone):
- first-load bytes: response bodies until the page is idle and its diagrams are drawn,
  uncompressed and gzipped, and the part that is Mermaid;
- time to diagrams: from navigation start until every diagram is a drawn SVG, noted
  inside the page by the tests' watcher (before: in Material's closed shadow roots,
  kept by reference from an init script; after: in the HTML as parsed), next to the
  first contentful paint;
- error pictures: how many Mermaid error SVGs appeared at any moment.
Build time: the old build, the new build with an empty diagram cache (cold) and
with the committed cache (warm). Targets: heaviest page <= 600 KB, Mermaid 0 bytes,
diagrams at first contentful paint, warm build <= 1.15x the old build.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import WATCH_DIAGRAMS, launch_chromium, serve_directory  # noqa: E402
from builds import build_site, copy_project, diagram_sources, nav_pages, page_url  # noqa: E402

MERMAID = "/assets/vendor/mermaid/"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=_before_rev(), help="commit to compare with")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (median)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        after = copy_project(Path(tmp) / "after")
        before = _old_machinery(args.before, copy_project(Path(tmp) / "before"))
        builds = {
            "before": _build_times(before, args.runs),
            "after, warm cache": _build_times(after, args.runs),
            "after, cold cache": _build_times(after, args.runs, cold=True),
        }
        pages = {"before": _measure(before, Path(tmp) / "site-before"), "after": _measure(after, Path(tmp) / "site-after")}
    _report(args.before, pages, builds)
    return 0


def _before_rev() -> str:
    added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", "hooks/_diagram_renderer.py"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return f"{added[-1]}^" if added else "HEAD"


# What drew diagrams in the browser, and the mkdocs.yml entry that loaded it on every page.
OLD_MACHINERY = ["hooks/diagrams.py", "overrides/assets/javascripts/diagrams.js"]
OLD_LOADER = "extra_javascript:\n  - assets/javascripts/diagrams.js\n\n"


def _old_machinery(rev: str, project: Path) -> Path:
    for name in OLD_MACHINERY:
        old = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, capture_output=True, check=True).stdout
        (project / name).write_bytes(old)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nhooks:\n", f"\n{OLD_LOADER}hooks:\n", 1), encoding="utf-8")
    shutil.rmtree(project / "diagram-cache")
    return project


def _build_times(project: Path, runs: int, cold: bool = False) -> list[float]:
    seconds = []
    for _ in range(runs):
        if cold:
            shutil.rmtree(project / "diagram-cache", ignore_errors=True)
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            build_site(project / "mkdocs.yml", Path(out) / "site")
            seconds.append(time.perf_counter() - started)
    return seconds


def _measure(project: Path, site: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    rows = {}
    with serve_directory(site) as server, sync_playwright() as playwright:
        build_site(project / "mkdocs.yml", site, site_url=server)  # as published: sitemap matches the address
        browser = launch_chromium(playwright)
        for src in nav_pages():
            if not (project / "docs" / src).exists():
                continue
            expected = len(diagram_sources(src, project / "docs"))
            rows[page_url(src)] = {"diagrams": expected, **_visit(browser, server + page_url(src), expected, 1),
                                   "throttled": _visit(browser, server + page_url(src), expected, 4)}
        browser.close()
    return rows


def _visit(browser, url: str, expected: int, throttle: int) -> dict:
    context = browser.new_context()  # empty cache: a first visit
    context.add_init_script(WATCH_DIAGRAMS)
    page = context.new_page()
    if throttle > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="commit")
    # The watcher notes, inside the page, the moment the last diagram appeared.
    page.wait_for_function("n => window.__diagramWatch.drawn >= n", arg=expected, timeout=60_000)
    page.wait_for_load_state("networkidle")
    drawn_at = page.evaluate("window.__diagramWatch.drawnAt") if expected else None
    paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
    sizes = [(request.url, request.sizes()["responseBodySize"]) for request in finished]
    bodies = [request.response().body() for request in finished if request.response()]
    row = {
        "bytes": sum(size for _, size in sizes),
        "gzip": sum(len(gzip.compress(body, 6)) for body in bodies),
        "mermaid": sum(size for url, size in sizes if MERMAID in url),
        "search_index": sum(size for url, size in sizes if url.endswith("search_index.json")),
        "drawn_ms": drawn_at, "fcp_ms": paint,
        "error_pictures": len(page.evaluate("window.__diagramWatch.errors")),
    }
    context.close()
    return row


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _report(rev: str, pages: dict[str, dict], builds: dict[str, list[float]]) -> None:
    print(f"before = {rev} (diagrams drawn in the browser); after = working tree (drawn at build time)\n")
    print(f"{'page':<30} {'dgm':>3} | {'bytes before':>12} {'after':>10} | {'Mermaid before':>14} {'after':>6} | "
          f"{'diagrams ms before':>18} {'after':>6} {'FCP after':>9} | {'4x CPU before':>13} {'after':>6} | {'bombs before':>12} {'after':>5}")
    for url, after in pages["after"].items():
        before = pages["before"].get(url)
        if before is None:
            print(f"/{url:<29} {after['diagrams']:>3} | {'(new page)':>12} {after['bytes']:>10,} | {'':>14} {after['mermaid']:>6,} | "
                  f"{'':>18} {_ms(after['drawn_ms']):>6} {_ms(after['fcp_ms']):>9} | {'':>13} {_ms(after['throttled']['drawn_ms']):>6} | "
                  f"{'':>12} {after['error_pictures']:>5}")
            continue
        print(f"/{url:<29} {after['diagrams']:>3} | {before['bytes']:>12,} {after['bytes']:>10,} | {before['mermaid']:>14,} "
              f"{after['mermaid']:>6,} | {_ms(before['drawn_ms']):>18} {_ms(after['drawn_ms']):>6} {_ms(after['fcp_ms']):>9} | "
              f"{_ms(before['throttled']['drawn_ms']):>13} {_ms(after['throttled']['drawn_ms']):>6} | "
              f"{before['error_pictures'] + before['throttled']['error_pictures']:>12} "
              f"{after['error_pictures'] + after['throttled']['error_pictures']:>5}")
    print(f"\n{'page':<30} | {'gzip before':>11} {'after':>9}")
    for url, after in pages["after"].items():
        before = pages["before"].get(url, {})
        print(f"/{url:<29} | {before.get('gzip', 0):>11,} {after['gzip']:>9,}")
    heaviest = max(pages["after"].items(), key=lambda item: item[1]["bytes"])
    old_heaviest = max(pages["before"].items(), key=lambda item: item[1]["bytes"])
    print(f"\nheaviest page: before /{old_heaviest[0]} {old_heaviest[1]['bytes']:,} B; "
          f"after /{heaviest[0]} {heaviest[1]['bytes']:,} B (target 600,000 B: {heaviest[1]['bytes'] / 600_000:.0%})")
    print(f"of which the search index every page loads: {heaviest[1]['search_index']:,} B")
    print(f"Mermaid bytes after, all pages: {sum(r['mermaid'] for r in pages['after'].values()):,}")
    late = [url for url, r in pages["after"].items() if r["drawn_ms"] is not None and r["fcp_ms"] is not None
            and r["drawn_ms"] > r["fcp_ms"] + 50]
    print(f"pages whose diagrams came later than first contentful paint (+50 ms): {late or 'none'}")
    base = statistics.median(builds["before"])
    print("\nbuild (strict, median of runs):")
    for name, seconds in builds.items():
        print(f"  {name:<18} {statistics.median(seconds):6.2f} s  ({statistics.median(seconds) / base:.2f}x before)  "
              f"runs: {', '.join(f'{s:.2f}' for s in seconds)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
