"""The built site in headless Chromium: diagrams there at first paint, never a broken picture."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browsing import DIAGRAMS_ON_PAGE, SETTLED_PAGE, WATCH_DIAGRAMS, diagram_errors, open_settled
from builds import diagram_sources, nav_pages, page_url

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


def _acc(source: str, key: str) -> str:
    return re.search(rf"^\s*{key}\s*:\s*(.+?)\s*$", source, re.M).group(1)


@pytest.mark.parametrize("src", PAGES)
def test_every_diagram_is_in_the_page_with_its_title_and_no_mermaid_is_loaded(page, server: str, src: str) -> None:
    sources = diagram_sources(src)
    visit = Visit(page)
    # Read right after the HTML is parsed: nothing has had time to draw anything.
    page.goto(server + page_url(src), wait_until="domcontentloaded")
    drawn = page.evaluate(DIAGRAMS_ON_PAGE)
    assert len(drawn) == len(sources)
    for diagram, source in zip(drawn, sources):
        assert diagram["width"] > 100 and diagram["height"] > 50, "the diagram takes its place at first paint"
        assert diagram["role"] in ("img", "figure")
        assert diagram["title"] == _acc(source, "accTitle")
        assert diagram["description"] == _acc(source, "accDescr")
        assert diagram["labels"], "labels are text, not paths"
    # Material asks for Mermaid (from a CDN) as soon as its scripts see a diagram to draw,
    # before the page settles: a request would have started by then.
    page.evaluate(SETTLED_PAGE)
    assert page.locator("pre.mermaid, pre.diagram-fallback, .diagram-error").count() == 0
    assert not visit.mermaid_requests(), "a published page loads no Mermaid"
    assert diagram_errors(page) == []
    assert not visit.errors
    assert not visit.foreign_hosts(server)


DIAGRAM_PAGES = [src for src in PAGES if diagram_sources(src)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("src", DIAGRAM_PAGES)
def test_no_error_picture_at_any_moment(browser, server: str, src: str, javascript: bool, scheme: str) -> None:
    context = browser.new_context(java_script_enabled=javascript, color_scheme=scheme)
    context.add_init_script(WATCH_DIAGRAMS)  # init scripts run even with page scripts off
    page = context.new_page()
    # WATCH_DIAGRAMS records an error picture the moment it enters the page, from the first
    # byte on; nothing can draw one once the page has settled (no Mermaid is ever loaded:
    # test_every_diagram_is_in_the_page_…), so the watch covers every moment.
    open_settled(page, server + page_url(src), scripts=javascript)
    assert diagram_errors(page) == []
    drawn = page.evaluate(DIAGRAMS_ON_PAGE)
    assert len(drawn) == len(diagram_sources(src)) and all(d["width"] > 100 for d in drawn)
    context.close()


def test_diagram_boxes_named_by_a_glossary_term_link_to_it_by_keyboard(page, server: str) -> None:
    src = "containers-vs-vms/index.md"
    page.goto(server + page_url(src), wait_until="networkidle")
    boxes = page.locator("div.diagram a.diagram-term")
    assert boxes.count() >= 3
    first = boxes.first
    label, href = first.get_attribute("data-diagram-label"), first.get_attribute("xlink:href")
    assert first.locator("title").text_content().startswith(label)
    # Keyboard: the box takes the focus and Enter follows it to the term's entry.
    first.focus()
    assert page.evaluate("document.activeElement.getAttribute('data-diagram-label')") == label
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/" + href.split("/")[-1])
    anchor = href.split("#")[1]
    # Instant navigation changes the address before it swaps the content in: wait for the entry.
    page.locator(f"[id='{anchor}']").wait_for(state="attached")
    assert page.locator(f"[id='{anchor}']").count() == 1


@pytest.mark.parametrize("src", DIAGRAM_PAGES)
def test_diagrams_stay_legible_in_the_dark_palette(page, server: str, src: str) -> None:
    expected = len(diagram_sources(src))
    open_settled(page, server + page_url(src))
    light = _label_contrast(page)
    # The toggle cycles auto → light → dark; click until the dark ("slate") scheme is on.
    for _ in range(3):
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert len(page.evaluate(DIAGRAMS_ON_PAGE)) == expected
    dark = _label_contrast(page)
    assert light >= 4.5 and dark >= 4.5, (light, dark)


def test_diagrams_are_there_after_instant_navigation(page, server: str) -> None:
    src = "virtualization/hypervisor.md"
    expected = len(diagram_sources(src))
    visit = Visit(page)
    page.goto(server, wait_until="networkidle")
    assert not visit.mermaid_requests()
    page.evaluate("window.__same_document = true")
    page.evaluate("url => document.querySelector(`a[href$='${url}']`).click()", page_url(src))
    page.wait_for_url(re.compile(re.escape(page_url(src)) + "$"))
    page.wait_for_function("n => document.querySelectorAll('div.diagram > svg').length === n", arg=expected)
    assert all(d["width"] > 100 for d in page.evaluate(DIAGRAMS_ON_PAGE))
    assert not visit.mermaid_requests() and diagram_errors(page) == []
    # Instant navigation swapped the content in place: the home page's document stayed.
    assert page.evaluate("window.__same_document === true")
    assert not visit.errors
    assert not visit.foreign_hosts(server)


def _label_contrast(page) -> float:
    """Lowest WCAG contrast of any text in any diagram against what is painted behind it:
    a box's fill for a box's label, a label's background box, else the page."""
    colours = page.evaluate(
        """() => {
          const page = getComputedStyle(document.body).backgroundColor;
          // What is painted behind a text: its box (a flowchart node, a sequence actor or
          // note, a label's background), else the page.
          const behind = text => {
            const node = text.closest("g.node");
            const shape = node ? node.querySelector("rect, polygon, circle, path")
                               : text.parentElement.querySelector(":scope > rect");
            return shape ? getComputedStyle(shape).fill : page;
          };
          // The colour is the innermost element's that holds the words (a tspan may override its text).
          const ink = text => getComputedStyle([...text.querySelectorAll("tspan")].find(t => t.textContent.trim()) || text).fill;
          return [...document.querySelectorAll("div.diagram > svg text")]
            .filter(text => text.textContent.trim())
            .map(text => [ink(text), behind(text), page, text.textContent.trim()]);
        }"""
    )
    assert colours
    worst = min(colours, key=lambda c: _contrast(_rgba(c[0]), _over(_rgba(c[1]), _rgba(c[2]))))
    ratio = _contrast(_rgba(worst[0]), _over(_rgba(worst[1]), _rgba(worst[2])))
    if ratio < 4.5:
        print(f"lowest contrast {ratio:.2f}: {worst}")
    return ratio


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


def test_without_chromium_at_build_time_the_fallback_draws_the_diagram_once(
    browser, fixture_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from browsing import serve_directory
    from builds import build_site

    monkeypatch.setenv("DIAGRAM_BROWSER", "none")  # a writer's machine without Chromium, under `mkdocs serve`
    config = fixture_site("diagrams")
    (config.parent / "docs" / "index.md").write_text(
        '# 홈\n\n```mermaid\nflowchart BT\n  accTitle: 두 층\n  accDescr: 하드웨어 위에 운영체제가 있습니다.\n'
        '  hw["하드웨어"] --> os["운영체제<br>(커널)"]\n```\n', encoding="utf-8")
    site = build_site(config, tmp_path / "out", strict=False)
    context = browser.new_context()
    context.add_init_script(WATCH_DIAGRAMS)
    page = context.new_page()
    visit = Visit(page)
    with serve_directory(site) as server:
        page.goto(server, wait_until="networkidle")
        page.wait_for_function("() => document.querySelectorAll('div.diagram > svg').length === 1")
        [drawn] = page.evaluate(DIAGRAMS_ON_PAGE)
        assert drawn["title"] == "두 층" and "하드웨어" in drawn["labels"]
        assert page.locator("pre.diagram-fallback").count() == 0
        assert diagram_errors(page) == [] and not visit.errors
        assert len(visit.mermaid_requests()) >= 1 and not visit.foreign_hosts(server)
    context.close()


SHOWN_TABS = """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
    const checked = set.querySelector(':scope > input:checked');
    const label = set.querySelector(`label[for="${checked.id}"]`).textContent.trim();
    const shown = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')].filter(b => b.offsetParent !== null);
    return {label, shown: shown.map(b => b.innerText.slice(0, 400))};
})"""


def test_a_reader_picks_their_platform_once_for_every_try_it(page, server: str) -> None:
    """A Mac user clicks "macOS" in one try-it; every try-it on this page and the next shows
    the macOS tab, and only its text (content.tabs.link)."""
    page.goto(server + page_url("containers-vs-vms/index.md"))
    before = page.evaluate(SHOWN_TABS)
    assert len(before) >= 2 and all(tab["label"] == "Linux" for tab in before), "Linux is what a tab set shows first"
    page.locator(".tabbed-labels label", has_text="macOS").first.click()
    page.wait_for_function("() => [...document.querySelectorAll('.tabbed-set > input:checked')].every(i => "
                           "document.querySelector(`label[for='${i.id}']`).textContent.includes('macOS'))")
    for tab in page.evaluate(SHOWN_TABS):
        assert tab["label"].startswith("macOS") and len(tab["shown"]) == 1
        assert "Docker Desktop" in tab["shown"][0] or "도커 데스크톱" in tab["shown"][0]
    page.goto(server + page_url("virtualization/container.md"))
    assert all(tab["label"].startswith("macOS") for tab in page.evaluate(SHOWN_TABS))
