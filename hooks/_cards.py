"""Link-preview cards: one 1200×630 PNG per page, drawn at build time in the build's Chromium.

A chat, wiki or tracker that unfurls a link shows the page's card (og:image): the page's
Korean title, its section and the guide's name beside the site's logo. Material's social
plugin would need Cairo and draws Korean as boxes without a Korean font; the build's
Chromium (hooks/_browser.py, the one that draws the diagrams) lays Korean out as the site
does. The card's look is overrides/cards/ (card.html, card.css): this module loads it under
a made-up origin (a name under .invalid cannot resolve, so no request leaves the browser),
hands it one page's texts (`drawCard`) and takes a screenshot at device scale 1.

Cards live in a cache named by what decides the picture: CARD_VERSION, the card's HTML and
CSS, the texts and the logo. The cache is committed (CONTRIBUTING.md), so a writer without
Chromium builds the same site, and a build draws only the cards whose texts changed.
Chromium's PNG of the same page is the same bytes from run to run (no time, no metadata).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from _browser import BuildBrowser
from _picture_cache import PictureCache

# Bump when the drawing below changes what comes out for the same card files.
CARD_VERSION = "1"
WIDTH, HEIGHT = 1200, 630
ORIGIN = "http://cards.invalid/"


@dataclass(frozen=True)
class CardText:
    """Everything written on a card."""

    title: str  # the page's title, big
    section: str  # the nav section above it; "" for none
    subtitle: str  # a line or two under it (the home page's: the site's description); "" for none
    footer: str  # beside the logo at the bottom: the guide's name


class MissingKoreanFont(Exception):
    """Chromium found no Noto Sans CJK KR: a card would show boxes instead of Korean."""


@dataclass
class CardRenderer:
    """Draws and caches cards; one per build, in the build's Chromium."""

    cache: PictureCache  # card-cache/, .png
    template: str  # overrides/cards/card.html
    stylesheet: str  # overrides/cards/card.css
    icon: str  # the site's logo, an SVG
    browser: BuildBrowser  # the build's Chromium (_build.Build.browser)
    drawn: int = 0  # cards drawn by the browser this build
    _page: object | None = None

    @property
    def can_draw(self) -> bool:
        return self.browser.available

    def cached_path(self, card: CardText) -> Path:
        """Where this card is kept: named by everything that decides its pixels."""
        return self.cache.path([CARD_VERSION, self.template, self.stylesheet, self.icon, asdict(card)])

    def card(self, card: CardText) -> Path | None:
        """The cached card, else a freshly drawn one; None when neither can be had (no Chromium).
        Raises MissingKoreanFont when Chromium has no Korean font to draw it with."""
        cached = self.cached_path(card)
        if cached.exists():
            return self.cache.use(cached)
        if not self.can_draw:
            return None
        png = self.browser.run(lambda browser: self._draw(browser, card))
        self.drawn += 1
        return self.cache.keep(cached, png)

    def _draw(self, browser, card: CardText) -> bytes:
        """One card, on the browser's thread: the card page, opened once per build, redrawn per card."""
        if self._page is None:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
            page.route(f"{ORIGIN}**", self._serve)
            page.goto(f"{ORIGIN}card.html")
            page.wait_for_function("window.drawCard !== undefined")
            self._page = page
        drawn = self._page.evaluate("(card) => window.drawCard(card)", {**asdict(card), "icon": self.icon})
        if not drawn["font"]:
            raise MissingKoreanFont(card.title)
        return self._page.screenshot(type="png", animations="disabled", caret="hide", scale="css")

    def _serve(self, route) -> None:
        files = {"card.html": (self.template, "text/html"), "card.css": (self.stylesheet, "text/css")}
        name = route.request.url.removeprefix(ORIGIN)
        if name not in files:
            return route.fulfill(status=404, body="")
        body, kind = files[name]
        route.fulfill(body=body, content_type=f"{kind}; charset=utf-8")
