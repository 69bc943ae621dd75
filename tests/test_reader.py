"""What a reader meets in the browser: accessibility, a phone-sized screen."""

from __future__ import annotations

import pytest

from browsing import DIAGRAMS_ON_PAGE, WATCH_DIAGRAMS, open_settled
from builds import diagram_sources, nav_pages, page_url

pytestmark = pytest.mark.browser
PAGES = nav_pages()
ADDRESSES = [page_url(src) for src in PAGES] + ["404.html"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe  # bundles axe-core: no network

    return Axe()


@pytest.mark.parametrize("address", ADDRESSES)
def test_no_serious_or_critical_accessibility_violations(browser, server: str, axe, address: str) -> None:
    # Both palettes on one visit: the palette follows the system's (prefers-color-scheme),
    # and Material repaints when it changes, as when a reader's system turns dark.
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    open_settled(page, server + address)  # diagrams are in the page: axe sees them
    page.evaluate(axe.axe_script)  # axe-core, injected once for both palettes
    serious = {}
    # Every rule in the light palette; in the dark one only what a palette changes, colour
    # contrast (names, roles and structure are the same page), the most expensive rule.
    for scheme, palette, rules in (("light", "default", None), ("dark", "slate", ["color-contrast"])):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function("palette => document.body.dataset.mdColorScheme === palette", arg=palette)
        violations = page.evaluate(
            "rules => axe.run(document, {resultTypes: ['violations'], ...(rules ? {runOnly: {type: 'rule', values: rules}} : {})})"
            ".then(r => r.violations)", rules)
        serious[scheme] = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    context.close()
    assert serious == {"light": [], "dark": []}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(WATCH_DIAGRAMS)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("src", PAGES)
def test_phone_screen_has_no_horizontal_scrolling(phone, server: str, site, src: str) -> None:
    open_settled(phone, server + page_url(src))
    assert len(phone.evaluate(DIAGRAMS_ON_PAGE)) == len(diagram_sources(src))
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{src} scrolls sideways by {overflow}px"


def _on_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


def _slid_in(page, selector: str) -> None:
    """Wait until the element has slid fully onto the 390 px screen (Material animates it)."""
    page.wait_for_function(
        """selector => { const box = document.querySelector(selector).getBoundingClientRect();
                         return box.width > 0 && box.left >= 0 && box.right <= 390; }""", arg=selector)


def test_phone_navigation_drawer_opens_and_leads_to_a_page(phone, server: str) -> None:
    open_settled(phone, server)
    drawer = phone.locator(".md-sidebar--primary")
    assert not _on_screen(drawer), "the drawer starts closed, off screen"
    phone.locator("label.md-header__button[for=__drawer]").click()
    _slid_in(phone, ".md-sidebar--primary")
    assert _on_screen(drawer)
    link = drawer.locator("a[href$='virtualization/hypervisor/']").first
    # On a phone each section is a panel of its own: tap the section's arrow, as a
    # reader does. (The link is "visible" to Playwright before that, under the panel.)
    section = drawer.locator("li.md-nav__item--nested", has=phone.locator("a[href$='/virtualization/']")).first
    section.locator("label.md-nav__link").first.click()
    link.wait_for(state="visible")
    phone.wait_for_function(
        """() => { const a = document.querySelector(".md-sidebar--primary a[href$='virtualization/hypervisor/']");
                   const box = a.getBoundingClientRect(); return box.left >= 0 && box.right <= 390; }""")
    link.click()
    phone.wait_for_url("**/virtualization/hypervisor/")
    # Instant navigation changes the address first and swaps the content after: wait for it.
    phone.wait_for_function("() => document.querySelector('article h1')?.textContent.trim().replace(/¶$/, '') === '하이퍼바이저 가상화'")
