"""The page models' one owner: every page's model (hooks/_page_model.py) is opened here.

MkDocs renders a page right after on_page_markdown. Opening the page's model in that
event, before any other hook's (the highest priority), makes the parse MkDocs renders the
one the model reads (`_build.Build.open`). The other hooks only read models
(`build.page(page)`, `build.every_page(files)`); asking for a page no model was opened
for fails the build, naming the hook that asked and this file. Listed first in mkdocs.yml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from _build import build_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(100)  # before every other hook reads the page
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    build_of(config).open(page)


@event_priority(-100)  # after every other hook's on_post_build has used the browser
def on_post_build(*, config: MkDocsConfig) -> None:
    build_of(config).browser.close()
