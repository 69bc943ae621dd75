"""The built site in headless Chromium: diagrams drawn, no errors, nothing from other hosts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browsing import COUNT_DRAWN_DIAGRAMS, wait_for_diagrams
from builds import ROOT, diagram_sources, nav_pages, output_file, page_url, soup

pytestmark = pytest.mark.browser
PAGES = nav_pages()
MERMAID = "/assets/vendor/mermaid/"


class Visit:
    """Everything a page asked the network for and every error it raised."""

    def __init__(self, page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))

    def foreign_hosts(self, server: str) -> set[str]:
        own = urlsplit(server).netloc
        return {urlsplit(url).netloc for url in self.requests if urlsplit(url).scheme in ("http", "https")} - {own}

    def mermaid_requests(self) -> list[str]:
        return [url for url in self.requests if MERMAID in url]


@pytest.mark.parametrize("src", PAGES)
def test_page_draws_every_diagram_without_errors_or_foreign_requests(page, server: str, site: Path, src: str) -> None:
    expected = len(diagram_sources(soup(output_file(site, src))))
    visit = Visit(page)
    page.goto(server + page_url(src), wait_until="networkidle")
    if expected:
        wait_for_diagrams(page, expected)
        assert page.locator("pre.mermaid").count() == 0, "a diagram was left as source text"
        titles = page.evaluate(
            """() => [...document.querySelectorAll("div.mermaid")].map(
                 host => host.shadowRoot.querySelector("svg title")?.textContent || "")"""
        )
        assert all(titles), "every drawn diagram carries its accTitle as <title>"
        assert visit.mermaid_requests(), "Mermaid should come from the site itself"
    else:
        assert not visit.mermaid_requests(), "a page without diagrams must not load Mermaid"
    page.wait_for_load_state("networkidle")
    assert not visit.errors
    assert not visit.foreign_hosts(server)


DIAGRAM_PAGES = [src for src in PAGES if "```mermaid" in (ROOT / "docs" / src).read_text(encoding="utf-8")]


@pytest.mark.parametrize("src", DIAGRAM_PAGES)
def test_diagrams_stay_legible_in_the_dark_palette(page, server: str, site: Path, src: str) -> None:
    expected = len(diagram_sources(soup(output_file(site, src))))
    page.goto(server + page_url(src), wait_until="networkidle")
    wait_for_diagrams(page, expected)
    light = _label_contrast(page)
    # The toggle cycles auto → light → dark; click until the dark ("slate") scheme is on.
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate(COUNT_DRAWN_DIAGRAMS) == expected
    dark = _label_contrast(page)
    assert light >= 4.5 and dark >= 4.5, (light, dark)


def test_diagrams_are_drawn_after_instant_navigation(page, server: str, site: Path) -> None:
    src = "virtualization/hypervisor.md"
    expected = len(diagram_sources(soup(output_file(site, src))))
    visit = Visit(page)
    page.goto(server, wait_until="networkidle")
    assert not visit.mermaid_requests()
    page.evaluate("window.__same_document = true")
    page.evaluate("url => document.querySelector(`a[href$='${url}']`).click()", page_url(src))
    page.wait_for_url(re.compile(re.escape(page_url(src)) + "$"))
    wait_for_diagrams(page, expected)
    # Instant navigation swapped the content in place: the home page's document stayed.
    assert page.evaluate("window.__same_document === true")
    assert not visit.errors
    assert not visit.foreign_hosts(server)


def _label_contrast(page) -> float:
    """Lowest WCAG contrast between a node's label text and the node as it is painted, in every diagram."""
    colours = page.evaluate(
        """() => {
          const page = getComputedStyle(document.body).backgroundColor;
          return [...document.querySelectorAll("div.mermaid")].flatMap(host =>
            [...host.shadowRoot.querySelectorAll("g.node")].map(node => {
              const shape = node.querySelector("rect, polygon, circle, path");
              const label = node.querySelector(".nodeLabel, text");
              return [getComputedStyle(label).color, getComputedStyle(shape).fill, page];
            }));
        }"""
    )
    assert colours
    return min(_contrast(_rgba(text), _over(_rgba(fill), _rgba(page))) for text, fill, page in colours)


def _rgba(css: str) -> tuple[float, ...]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    return tuple(values[:3]) + (values[3] if len(values) > 3 else 1.0,)


def _over(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, ...]:
    """Composite a translucent colour over an opaque one (Material fills nodes at 10 %)."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom[:3])) + (1.0,)


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
