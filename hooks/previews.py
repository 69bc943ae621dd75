"""Link previews: each page's own description, Open Graph and Twitter tags, and a card.

Onboarding documents link into the guide from chat, wikis and trackers; what they unfurl
comes from here.

- Description (hooks/_description.py): the front matter's `description:`, or the opening
  paragraph cut at a sentence end to about 160 characters, into `page.meta["description"]`:
  Material prints it in `<meta name="description">` (overrides/main.html escapes it), and
  other hooks read it there. A front-matter description over 200 characters, a page
  without one and without an opening paragraph, and two pages with the same description
  are problems at `docs/x.md:line` (a strict build fails).
- Card (hooks/_cards.py): a 1200×630 PNG with the page's title, its section and the
  guide's name, drawn in the build's Chromium and kept in card-cache/ (committed), copied
  into the site at `assets/cards/<page>.png`. A card neither cached nor drawable (no
  Chromium) is a problem; a Chromium without the Korean font stops the build. Cards no
  page uses are removed after a build that had every page's card.
- Tags: the template gets `link_preview` (LinkPreview), which overrides/main.html prints
  as og:* and twitter:* tags.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from _build import build_of
from _cards import CardRenderer, CardText, MissingKoreanFont
from _description import MAX_WRITTEN_LENGTH, Description, page_description
from _picture_cache import PictureCache
from _source import page_slug, problem, theme_file

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.previews")

CACHE_DIR = "card-cache"  # next to mkdocs.yml, committed
CARDS_URL = "assets/cards"  # in the site: assets/cards/<page>.png
TEMPLATE = "cards/card.html"  # in overrides/; a build-time input, never published
STYLESHEET = "cards/card.css"  # likewise
LOCALE = "ko_KR"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    build = build_of(config)
    renderer = CardRenderer(cache=PictureCache(Path(config.config_file_path).parent / CACHE_DIR, ".png"),
                            template=_theme_file(config, TEMPLATE), stylesheet=_theme_file(config, STYLESHEET),
                            icon=_logo(config), browser=build.browser)
    build.keep(_PreviewState(renderer=renderer))


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    build_of(config).part(_PreviewState).pages = {file.src_uri for file in files.documentation_pages()}
    stylesheet = files.get_file_from_path(STYLESHEET)  # the .html is never copied (MkDocs skips theme templates)
    if stylesheet is not None:
        files.remove(stylesheet)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build = build_of(config)
    model = build.page(page)  # the page as written, so lines match the editor
    description = page_description(model.source, model.meta)
    if description is None:
        build.report(log, problem(model.path, 1, "페이지 설명으로 쓸 첫 문단이 없습니다",
                                  "제목 아래에 페이지를 소개하는 문단을 쓰거나, 머리말(front matter)에 description:을 쓰세요"))
        return
    if not description.text:
        build.report(log, problem(model.path, description.line, "머리말의 description이 비어 있습니다",
                                  "페이지를 소개하는 한두 문장을 쓰거나, 그 줄을 지워 첫 문단을 쓰게 하세요"))
        return
    if description.written and len(description.text) > MAX_WRITTEN_LENGTH:
        build.report(log, problem(model.path, description.line,
                                  f"머리말의 description이 {len(description.text)}자로 {MAX_WRITTEN_LENGTH}자를 넘습니다",
                                  "링크 미리보기는 160자 안팎까지 보여 줍니다: 한두 문장으로 줄이세요"))
    page.meta["description"] = description.text
    build.part(_PreviewState).descriptions[page.file.src_uri] = (model.path, description)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    # Every page's description is known by now (a --dirty build reads the unchanged pages here).
    build = build_of(config)
    build.every_page(files)
    first: dict[str, str] = {}  # description -> where it is written first
    if config.site_description:
        first[config.site_description] = "mkdocs.yml의 site_description"
    for path, description in build.part(_PreviewState).descriptions.values():
        if description.text in first:
            build.report(log, problem(path, description.line, f"페이지 설명이 {first[description.text]}과(와) 같습니다: "
                                      f"'{description.text}'", "머리말(front matter)에 이 페이지만의 description:을 쓰세요"))
        else:
            first[description.text] = f"{path}:{description.line}"


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    build = build_of(config)
    state = build.part(_PreviewState)
    home = page.is_homepage
    title = config.site_name if home else _plain(page.title or "")
    card_text = CardText(title=title, section=_section(page, title),
                         subtitle=(config.site_description or "") if home else "",
                         footer=(config.copyright or config.site_name) if home else config.site_name)
    try:
        card = state.renderer.card(card_text)
    except MissingKoreanFont:
        raise PluginError("링크 미리보기 카드를 그릴 한글 글꼴 Noto Sans CJK KR이 없습니다 (카드에 한글 대신 네모가 "
                          "찍힙니다) — sudo apt-get install fonts-noto-cjk 후 다시 빌드하세요") from None
    image = None
    if card is None:
        state.missing.add(page.file.src_uri)
        model = build.page(page)
        build.report(log, problem(model.path, _title_line(model), "링크 미리보기 카드가 card-cache/에 없는데 그릴 Chromium이 없습니다",
                                  f"sudo apt-get install chromium 후 다시 빌드하고 {CACHE_DIR}/의 새 파일을 커밋하세요"))
    else:
        image_path = f"{CARDS_URL}/{page_slug(page.file.src_uri)}.png"
        target = Path(config.site_dir) / image_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(card.read_bytes())
        state.carded.add(page.file.src_uri)
        image = urljoin(config.site_url, image_path) if config.site_url else None
    context["link_preview"] = LinkPreview(
        type="website" if home else "article", title=title, description=page.meta.get("description", ""),
        url=page.canonical_url, image=image, image_alt=config.site_name if home else f"{config.site_name}: {title}",
        site_name=config.site_name, locale=LOCALE,
    )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    state = build_of(config).part(_PreviewState)
    renderer = state.renderer
    if renderer.drawn:
        log.info(f"링크 미리보기 카드 {renderer.drawn}개를 새로 그려 {CACHE_DIR}/에 넣었습니다 (커밋하세요)")
    # Prune only after a build that had every page's card (not a --dirty one): then the
    # cache holds exactly the site's cards.
    if not state.missing and state.pages and state.carded >= state.pages:
        stale = renderer.cache.stale()
        for path in stale:
            path.unlink()
        if stale:
            log.info(f"어느 페이지도 쓰지 않는 링크 미리보기 카드 {len(stale)}개를 {CACHE_DIR}/에서 지웠습니다 (커밋하세요)")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkPreview:
    """What overrides/main.html prints as Open Graph and Twitter tags (it escapes every value)."""

    type: str  # og:type: "website" for the home page, "article" for the others
    title: str
    description: str
    url: str | None  # the canonical URL; None without site_url
    image: str | None  # the card's absolute URL; None when the page has no card
    image_alt: str
    site_name: str
    locale: str


@dataclass
class _PreviewState:
    renderer: CardRenderer
    pages: set[str] = field(default_factory=set)  # every page of the site (src_uri)
    descriptions: dict[str, tuple[str, Description]] = field(default_factory=dict)  # src_uri -> (docs/x.md, description)
    carded: set[str] = field(default_factory=set)  # pages whose card went into the site
    missing: set[str] = field(default_factory=set)  # pages without a card (no Chromium, not cached)


def _section(page: Page, title: str) -> str:
    """The nav section the page is in; "" at the top level and for a section's own index page."""
    parent = page.parent
    section = _plain(parent.title) if parent is not None and parent.title else ""
    return "" if section == title else section


def _plain(title: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", title).split())


def _title_line(model) -> int:
    return next((heading.line for heading in model.headings if heading.level == 1 and heading.line), 1)


def _theme_file(config: MkDocsConfig, name: str) -> str:
    path = theme_file(config, name)
    if path is not None:
        return path.read_text(encoding="utf-8")
    raise PluginError(f"링크 미리보기 카드의 파일 overrides/{name}이(가) 없습니다 — 되돌려 놓으세요")


def _logo(config: MkDocsConfig) -> str:
    """The site's logo icon (mkdocs.yml theme.icon.logo), Material's bundled SVG."""
    logo = (config.theme.get("icon") or {}).get("logo") or "material/library"  # Material's default logo
    return _theme_file(config, f".icons/{logo}.svg").strip()
