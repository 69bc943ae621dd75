"""Serve a built site on 127.0.0.1 and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

CHROMIUM = Path("/usr/bin/chromium")
# The flags every headless run here needs: the machine has no network but loopback.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Runs before any script of the page. Keeps a reference to every shadow root,
# closed ones included, *without* opening it (opening changes Material's behaviour),
# and records every Mermaid error picture ("Syntax error in text", the bomb) the
# moment it enters the document or a shadow root, even if it is replaced later.
WATCH_DIAGRAMS = """
(() => {
  const watch = { errors: [], roots: [], drawn: 0, drawnAt: null };
  window.__diagramWatch = watch;
  const seen = new WeakSet();
  const isErrorPicture = el => el.matches('svg[aria-roledescription="error"], .error-icon, .error-text') ||
    /Syntax error in text/.test(el.textContent || "");
  const inspect = node => {
    if (node.nodeType !== 1) return;
    for (const el of [node, ...node.querySelectorAll("*")]) {
      const picture = el.closest("svg") || el;
      if (!seen.has(picture) && isErrorPicture(el)) {
        seen.add(picture);
        watch.errors.push((picture.textContent || picture.outerHTML).slice(0, 120));
      }
    }
  };
  // How many diagrams are drawn: in the page (build time) or in a shadow root (Material).
  const count = () => document.querySelectorAll("div.diagram > svg").length + watch.roots.filter(root =>
    [...root.querySelectorAll("svg")].some(svg => svg.getAttribute("aria-roledescription") !== "error")).length;
  const observe = root => new MutationObserver(records => {
    records.forEach(record => {
      record.addedNodes.forEach(inspect);
      if (record.type === "characterData" && record.target.parentElement) inspect(record.target.parentElement);
    });
    const drawn = count();
    if (drawn > watch.drawn) { watch.drawn = drawn; watch.drawnAt = performance.now(); }
  }).observe(root, { childList: true, subtree: true, characterData: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch.roots.push(root);
    observe(root);
    return root;
  };
  observe(document);
})();
"""
# What a reader sees of each diagram, read from the page (no shadow root involved).
DIAGRAMS_ON_PAGE = """() => [...document.querySelectorAll("div.diagram")].map(box => {
  const svg = box.querySelector(":scope > svg");
  const rect = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const id = attr => svg && svg.getAttribute(attr);
  const byId = name => name && svg.querySelector(`[id="${name}"]`);
  return {
    role: id("role"),
    title: byId(id("aria-labelledby"))?.textContent ?? null,
    description: byId(id("aria-describedby"))?.textContent ?? null,
    width: rect.width, height: rect.height,
    labels: svg ? [...svg.querySelectorAll("text")].map(t => t.textContent.trim()).filter(Boolean) : [],
  };
})"""


def diagram_errors(page) -> list[str]:
    """Every Mermaid error picture seen on this page so far, in the document or any shadow root."""
    return page.evaluate("() => window.__diagramWatch.errors")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve `directory` on http://127.0.0.1:<free port>/ for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def search_results(page, query: str, timeout: float = 10_000) -> list[list[str]]:
    """Type `query` into Material's search box; return what a reader sees, in order.

    One list per result page: the page's link first, then its best sections. The
    other sections wait folded under "n개 더 보기" and are left out. Each link is
    the path and anchor from the site root, e.g.
    'virtualization/hypervisor/#paravirtualization' (highlight parameters dropped).
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon[for=__search]").first.click()
    # Clear the box first and wait for the list to empty, so the results read below
    # cannot be those of the previous query.
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=timeout)
    # Hangul is typed through an IME, which sends no key events; Material reads the
    # box on `keyup`, so finish with a key press as a reader's last keystroke does.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """query => {
          const meta = document.querySelector(".md-search-result__meta");
          const input = document.querySelector("input.md-search__input");
          return input.value === query && meta && !/초기화|initializ/i.test(meta.textContent)
                 && (document.querySelector(".md-search-result__item") || /없습니다|No matching/.test(meta.textContent));
        }""",
        arg=query,
        timeout=timeout,
    )
    page.wait_for_timeout(150)  # the list renders in batches; let the first batch settle
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-search-result__item")].map(item =>
             [...item.querySelectorAll("a.md-search-result__link")]
               .filter(a => !a.closest("details.md-search-result__more"))
               .map(a => { const url = new URL(a.href); return url.pathname.replace(/^\\//, "") + url.hash; }))"""
    )


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
