"""Mermaid diagrams: accessible, out of the search index, loadable on every page.

mkdocs-mermaid2 marks the diagrams and injects the site's own copy of Mermaid on
the pages that have one; this hook covers what mermaid2 leaves out:

- every diagram carries `accTitle:` and `accDescr:` (screen readers announce them);
- the diagram source is kept out of the search index (it is noise in results);
- mermaid2's fence writes the source into `<pre><code>` unescaped, so a label's
  `<br>` became an HTML element and vanished from the text Mermaid reads; the
  source is escaped so the browser hands Mermaid exactly what the writer wrote;
- mermaid2 writes the ESM import on the home page as a bare specifier
  (`import mermaid from "assets/…"`), which browsers reject; it gets a `./`.
"""

from __future__ import annotations

import logging
import re
from html import escape
from typing import TYPE_CHECKING

from _source import fences, problem, project_path
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.diagrams")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    # Read the file as written (front matter included) so line numbers match the editor.
    for message in _accessibility_problems(page.file.content_string, project_path(page, config)):
        log.warning(message)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Runs before the search plugin reads the page in `on_page_context`.
    return _MERMAID_BLOCK.sub(_prepare_diagram, html)


@event_priority(-100)  # after mermaid2 has injected its script
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _BARE_IMPORT.sub(r"\1./", output)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _prepare_diagram(match: re.Match) -> str:
    # Material removes `data-search-*="…"` attributes (with a value) once it has read them.
    opening, source, closing = match.groups()
    return f'{opening} data-search-exclude="diagram"><code>{escape(source, quote=False)}{closing}'


def _accessibility_problems(source: str, path: str) -> list[str]:
    """One message per diagram that lacks `accTitle:` or `accDescr:`."""
    problems = []
    for fence in fences(source):
        if fence.language != "mermaid":
            continue
        missing = [key for key in ("accTitle", "accDescr") if not re.search(rf"^\s*{key}\s*:", fence.body, re.M)]
        if missing:
            problems.append(problem(
                path, fence.line, f"다이어그램에 {', '.join(missing)}이(가) 없습니다",
                "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
            ))
    return problems


_MERMAID_BLOCK = re.compile(r'(<pre\b[^>]*\bclass="mermaid")><code>(.*?)(</code></pre>)', re.S)
_BARE_IMPORT = re.compile(r'(import mermaid from ")(?![./]|[a-z]+:)')
