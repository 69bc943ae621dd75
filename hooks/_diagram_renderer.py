"""Mermaid source -> SVG, at build time, with the site's own copy of Mermaid.

Why headless Chromium (Debian's, driven by Playwright): Mermaid lays text out
with the browser's own measurements (getBBox), so only a browser draws what a
reader's browser would; it runs the very `mermaid.esm.min.mjs` the site vendors
(no second copy, no npm at build time); Playwright is already the tests' driver.
mermaid-cli would bring Puppeteer and its own Chrome download, which cannot be
fetched here, and a rendering service would be a network call during the build.

Rendered SVGs live in a cache keyed by what decides the picture: the diagram
source, the Mermaid version, the options (theme CSS included) and this
module's version. The cache is committed (see CONTRIBUTING.md), so a writer
without Chromium builds the same site, and a rebuild re-renders only what changed.

Each SVG is rendered with the placeholder id RENDER_ID; the hook replaces it
with an id derived from the page and the diagram's index, so one cached picture
serves any page and the output stays byte-identical from build to build.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from _browser import BuildBrowser
from _picture_cache import PictureCache

# Bump when the rendering or the post-processing below changes what comes out.
RENDERER_VERSION = "7"
RENDER_ID = "diagram-render-id"
# Requests for the render page and Mermaid's files never leave the browser:
# Playwright answers them from disk (a name under .invalid cannot resolve).
ORIGIN = "http://diagrams.invalid/"
RENDER_SCRIPT = Path(__file__).with_name("_render_diagram.js")


@dataclass(frozen=True)
class Rendered:
    svg: str | None  # the picture, with RENDER_ID where the page's id goes
    error: str | None  # Mermaid's own message when it could not draw the source


@dataclass
class DiagramRenderer:
    """Renders and caches; one per build, drawing in the build's Chromium (hooks/_browser.py)."""

    cache: PictureCache  # diagram-cache/, .svg
    mermaid_dir: Path  # holds mermaid.esm.min.mjs and its chunks
    options: dict  # mermaid.initialize() options
    browser: BuildBrowser  # the build's Chromium (_build.Build.browser)
    rendered: int = 0  # diagrams drawn by the browser this build
    _render_page: object | None = None

    @property
    def can_render(self) -> bool:
        return self.browser.available

    @functools.cached_property
    def mermaid_version(self) -> str:
        return (self.mermaid_dir / "VERSION").read_text(encoding="utf-8")

    def cached_path(self, source: str) -> Path:
        """Where the picture of this source is kept: named by what decides the picture."""
        return self.cache.path([RENDERER_VERSION, self.mermaid_version, self.options, source])

    def render(self, source: str) -> Rendered | None:
        """The cached picture, else a fresh one; None when neither can be had."""
        cached = self.cached_path(source)
        if cached.exists():
            return Rendered(self.cache.use(cached).read_text(encoding="utf-8"), None)
        if not self.can_render:
            return None
        result = self._in_browser(source)
        if result.svg is not None:
            self.cache.keep(cached, result.svg.encode("utf-8"))
            self.rendered += 1
        return result

    def _in_browser(self, source: str) -> Rendered:
        outcome = self.browser.run(lambda browser: self._page(browser).evaluate(
            "([source, options, id]) => window.renderDiagram(source, options, id)", [source, self.options, RENDER_ID]))
        if "error" in outcome:
            return Rendered(None, _one_line(outcome["error"]))
        return Rendered(outcome["svg"], None)

    def _page(self, browser):
        """The render page, opened once per build (on the browser's thread)."""
        if self._render_page is None:
            page = browser.new_page()
            page.route(f"{ORIGIN}**", self._serve)
            page.goto(f"{ORIGIN}render.html")
            page.wait_for_function("window.renderDiagram !== undefined")
            self._render_page = page
        return self._render_page

    def _serve(self, route) -> None:
        name = route.request.url.removeprefix(ORIGIN)
        if name == "render.html":
            script = RENDER_SCRIPT.read_text(encoding="utf-8")
            page = f'<!doctype html><html lang="ko"><meta charset="utf-8"><body><script type="module">{script}</script>'
            return route.fulfill(body=page, content_type="text/html; charset=utf-8")
        path = (self.mermaid_dir / name).resolve()
        if self.mermaid_dir.resolve() not in path.parents or not path.is_file():
            return route.fulfill(status=404, body="")
        route.fulfill(body=path.read_bytes(), content_type="text/javascript; charset=utf-8")


def _one_line(message: str) -> str:
    """Mermaid's parse errors span lines (source excerpt, caret, expectation): keep them readable in a log."""
    lines = [line.strip() for line in message.splitlines() if line.strip() and not re.fullmatch(r"-*\^", line.strip())]
    return " / ".join(lines)
