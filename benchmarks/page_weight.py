"""Print each page's first-load bytes (in headless Chromium) and the build time.

    python3 tasks.py bench            # or: .venv/bin/python benchmarks/page_weight.py

First-load bytes are the response bodies a fresh browser (empty cache) receives
until the page is idle and its diagrams are drawn: HTML, CSS, JavaScript, the
search index, fonts, images and Mermaid's lazily imported chunks. The budget
from the site issue: the heaviest diagram page <= 1.5 MB, 0 bytes of Mermaid on
pages without diagrams. The test server sends files uncompressed; "gzipped" is what
the same responses weigh compressed, as GitHub Pages sends them. Numbers are printed,
not asserted: this machine is noisy.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browsing import OPEN_SHADOW_ROOTS, launch_chromium, serve_directory, wait_for_diagrams  # noqa: E402
from builds import build_site, diagram_sources, nav_pages, output_file, page_url, soup  # noqa: E402

BUDGET = 1_500_000
MERMAID = "/assets/vendor/mermaid/"


def main() -> int:
    build_seconds = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")
            build_seconds.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(Path(tmp) / "site")
    print(f"{'page':<34} {'diagrams':>8} {'requests':>8} {'total bytes':>12} {'gzipped':>10} {'mermaid bytes':>14}")
    for row in rows:
        print(f"{row['url'] or '/':<34} {row['diagrams']:>8} {row['requests']:>8} {row['bytes']:>12,} "
              f"{row['gzip']:>10,} {row['mermaid']:>14,}")
    diagram_pages = [r for r in rows if r["diagrams"]]
    heaviest = max(diagram_pages, key=lambda r: r["bytes"])
    plain_mermaid = sum(r["mermaid"] for r in rows if not r["diagrams"])
    print()
    print(f"heaviest diagram page: /{heaviest['url']} {heaviest['bytes']:,} bytes "
          f"({heaviest['bytes'] / BUDGET:.0%} of the 1.5 MB budget)")
    print(f"Mermaid bytes on pages without diagrams: {plain_mermaid:,}")
    print(f"build time (strict, 3 runs): median {statistics.median(build_seconds):.2f} s, "
          f"min {min(build_seconds):.2f} s, max {max(build_seconds):.2f} s")
    return 0


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with serve_directory(site) as server, sync_playwright() as playwright:
        build_site(ROOT / "mkdocs.yml", site, site_url=server)  # as published: sitemap matches the address
        browser = launch_chromium(playwright)
        for src in nav_pages():
            expected = len(diagram_sources(soup(output_file(site, src))))
            context = browser.new_context()  # empty cache: a first visit
            context.add_init_script(OPEN_SHADOW_ROOTS)
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(server + page_url(src), wait_until="networkidle")
            if expected:
                wait_for_diagrams(page, expected)
            page.wait_for_load_state("networkidle")
            sizes = [(request.url, request.sizes()["responseBodySize"]) for request in finished]
            bodies = [request.response().body() for request in finished if request.response()]
            rows.append({
                "url": page_url(src),
                "diagrams": expected,
                "requests": len(sizes),
                "bytes": sum(size for _, size in sizes),
                "gzip": sum(len(gzip.compress(body, 6)) for body in bodies),
                "mermaid": sum(size for url, size in sizes if MERMAID in url),
            })
            context.close()
        browser.close()
    return rows

if __name__ == "__main__":
    sys.exit(main())
