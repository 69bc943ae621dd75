"""Each page says when its source last changed: "마지막 수정: 2026년 12월 5일", from git.

The dates are read once per build (hooks/_page_dates.py), in on_config, so that a shallow
clone or a copy without git stops the build before any page is rendered. Each page's
template gets `last_changed` (a `_page_dates.ShownDate`, or None), which
overrides/partials/source-file.html shows at the bottom of the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from _glossary_data import GLOSSARY_DATA, GLOSSARY_PAGE
from _page_dates import ShownDate, dates_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# A page built from a data file too changes when that file does (the glossary's entries).
_ALSO_SOURCES = {GLOSSARY_PAGE: (GLOSSARY_DATA,)}


def on_config(config: MkDocsConfig) -> None:
    dates_of(config)


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    src_uri = page.file.src_uri
    date = dates_of(config).last_changed(src_uri, *_ALSO_SOURCES.get(src_uri, ()))
    context["last_changed"] = ShownDate.of(date) if date else None
    return context
