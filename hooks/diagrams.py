"""Mermaid diagrams: drawn at build time into the page, accessible, never a broken picture.

mkdocs-mermaid2 keeps two jobs: its fence turns ```mermaid into
`<pre class="mermaid"><code>…`, and its settings in mkdocs.yml name the site's
copy of Mermaid (`javascript`) and Mermaid's options (`arguments`). This hook:

- checks that every diagram has `accTitle:` and `accDescr:` (its <title>/<desc>);
- replaces each diagram with the SVG drawn at build time by that copy of Mermaid
  (hooks/_diagram_renderer.py, cached in diagram-cache/), so a published page
  loads no Mermaid, shows its diagrams at first paint, without JavaScript and in
  print; the colours are Material's CSS variables, so the palette toggle applies;
- reports a diagram Mermaid cannot parse at `docs/x.md:line` with Mermaid's
  message (a strict build fails; `mkdocs serve` shows the message in the page);
- without Chromium and without a cached picture, draws that diagram in the
  browser instead (logged; a strict build fails, so this never gets published);
- keeps the vendored Mermaid and the theme file out of the site when no page
  needs them, and removes cached pictures that no diagram uses any more.
"""

from __future__ import annotations

import html
import itertools
import json
import logging
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from _build import Build, build_of
from _diagram_renderer import RENDER_ID, DiagramRenderer
from _glossary_data import GLOSSARY_DATA, GLOSSARY_PAGE
from _picture_cache import PictureCache
from _source import fences, page_slug, problem, replace_upstream, theme_file, upstream_changed

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.diagrams")

CACHE_DIR = "diagram-cache"  # next to mkdocs.yml, committed
THEME_CSS = "diagrams/theme.css"  # in the theme's custom_dir (overrides/)
FALLBACK_SCRIPT = "assets/javascripts/diagrams.js"  # in overrides/; the browser fallback

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    library = _library(config)
    build_of(config).keep(_DiagramState(library=library, renderer=_renderer(config, library)))


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    state = build_of(config).part(_DiagramState)
    sources = [_normalise(fence.body) for file in files.documentation_pages()
               for fence in fences(file.content_string) if fence.language == "mermaid"]
    state.browser_needed = not state.renderer.can_render and any(
        not state.renderer.cached_path(source).exists() for source in sources)
    # Build-time inputs only: published only when a page has to draw in the browser.
    library = Path(state.library).parent.as_posix() + "/"
    for file in list(files):
        if file.src_uri == THEME_CSS or (not state.browser_needed and
                                         (file.src_uri.startswith(library) or file.src_uri == FALLBACK_SCRIPT)):
            files.remove(file)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    # The page as written (front matter included), so line numbers match the editor.
    build = build_of(config)
    model = build.page(page)
    diagrams = [fence for fence in fences(model.source) if fence.language == "mermaid"]
    for message in _accessibility_problems(diagrams, model.path):
        build.report(log, message)
    build.part(_DiagramState).lines[page.file.src_uri] = {_normalise(fence.body): fence.line for fence in diagrams}


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = build_of(config)
    state, path = build.part(_DiagramState), build.page(page).path
    counter = itertools.count(1)
    link_terms = _term_boxes(build, page, files)

    def draw(match: re.Match) -> str:
        source = _normalise(match.group("source"))
        line = state.lines.get(page.file.src_uri, {}).get(source, 1)
        return link_terms(_figure(build, state, source, f"{page_slug(page.file.src_uri)}-{next(counter)}", page, path, line))

    drawn, count = _MERMAID_BLOCK.subn(draw, html_text)
    if count < len(state.lines.get(page.file.src_uri, {})):  # the fences mkdocs-mermaid2 should have turned into <pre>
        raise upstream_changed("mkdocs-mermaid2-plugin", '<pre class="mermaid"><code>…</code></pre>', "hooks/diagrams.py")
    return drawn


@event_priority(-100)  # after every plugin has written the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    state = build_of(config).part(_DiagramState)
    if page.file.src_uri not in state.fallback_pages:
        return output
    loader = _fallback_loader(state, page)
    return replace_upstream(output, "</body>", loader + "</body>", package="mkdocs-material", hook="hooks/diagrams.py")


def on_post_build(*, config: MkDocsConfig) -> None:
    state = build_of(config).part(_DiagramState)
    if state.renderer.rendered:
        log.info(f"다이어그램 {state.renderer.rendered}개를 새로 그려 {CACHE_DIR}/에 넣었습니다 (커밋하세요)")
    # Prune only after a build that drew every diagram: then the cache is exactly the site's.
    if not state.fallback_pages and not state.failed:
        for stale in state.renderer.cache.stale():
            stale.unlink()
            log.info(f"{CACHE_DIR}/{stale.name}: 어느 다이어그램도 쓰지 않아 지웠습니다")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass
class _DiagramState:
    library: str  # mermaid2's `javascript`: the site's Mermaid, relative to docs_dir
    renderer: DiagramRenderer
    browser_needed: bool = False
    lines: dict[str, dict[str, int]] = field(default_factory=dict)  # page -> source -> line
    fallback_pages: set[str] = field(default_factory=set)
    failed: bool = False


def _mermaid2(config: MkDocsConfig):
    plugin = config.plugins.get("mermaid2")
    if plugin is None:
        raise PluginError("hooks/diagrams.py에는 mermaid2 플러그인이 필요합니다 — mkdocs.yml의 plugins에 mermaid2를 넣으세요")
    return plugin


def _library(config: MkDocsConfig) -> str:
    """The site's copy of Mermaid, whose VERSION file (scripts/vendor_mermaid.py) is the one
    place its version is written: mermaid2 is told it here, not in mkdocs.yml."""
    plugin = _mermaid2(config)
    library = plugin.config["javascript"]
    version_file = (Path(config.docs_dir) / library).with_name("VERSION")
    if library.startswith("http") or not version_file.is_file():
        raise PluginError(f"mermaid2의 javascript '{library}'는 docs/ 안의 Mermaid 사본이어야 합니다 — "
                          "scripts/vendor_mermaid.py로 받으세요")
    vendored = version_file.read_text(encoding="utf-8").split()[1]  # "mermaid 11.17.2"
    unset = dict(plugin.config_scheme)["version"].default  # mermaid2's own default: nobody wrote one
    if plugin.config.get("version") not in (None, "", unset, vendored):
        raise PluginError(f"mkdocs.yml의 mermaid2 version '{plugin.config['version']}'이(가) 사이트의 Mermaid 사본"
                          f"({vendored})과 다릅니다 — mkdocs.yml에서 version을 지우세요: 판은 {version_file.name} 파일이 정합니다")
    plugin.config["version"] = vendored  # mermaid2 reads its major version from this
    return library


def _renderer(config: MkDocsConfig, library: str) -> DiagramRenderer:
    theme = _theme_css(config)
    options = {
        **_mermaid2(config).config["arguments"],
        "startOnLoad": False,
        "deterministicIds": True,
        "theme": "default",
        "themeCSS": theme,
        "fontFamily": _site_font(config),
        # Labels as SVG <text>: real text (selectable, found by the browser's find),
        # no HTML inside the picture for the page's styles to reach.
        "htmlLabels": False,
        "flowchart": {"htmlLabels": False},
        "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px"},
    }
    return DiagramRenderer(cache=PictureCache(Path(config.config_file_path).parent / CACHE_DIR, ".svg"),
                           mermaid_dir=(Path(config.docs_dir) / library).parent, options=options,
                           browser=build_of(config).browser)


def _theme_css(config: MkDocsConfig) -> str:
    path = theme_file(config, THEME_CSS)
    if path is not None:
        return re.sub(r"/\*.*?\*/\s*", "", path.read_text(encoding="utf-8"), flags=re.S).strip()
    raise PluginError(f"다이어그램 테마 파일 overrides/{THEME_CSS}가 없습니다 — 되돌려 놓으세요")


def _site_font(config: MkDocsConfig) -> str:
    """The site's text font stack, so labels are measured in the font readers see."""
    css = theme_file(config, "assets/stylesheets/extra.css")
    match = css is not None and re.search(r"--md-text-font:\s*([^;]+);", css.read_text(encoding="utf-8"))
    if match:
        # Material's own fallbacks after --md-text-font (its --md-text-font-family).
        return " ".join(match.group(1).split()) + ", -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
    raise PluginError("overrides/assets/stylesheets/extra.css에 --md-text-font가 없습니다 — 글꼴 목록을 되돌려 놓으세요")


def _figure(build: Build, state: _DiagramState, source: str, diagram_id: str, page: Page, path: str, line: int) -> str:
    result = state.renderer.render(source)
    if result is None:
        state.fallback_pages.add(page.file.src_uri)
        build.report(log, problem(path, line, "Chromium이 없고 캐시에도 없는 다이어그램이라 브라우저에서 그립니다",
                            "sudo apt-get install chromium 후 다시 빌드하면 미리 그려 diagram-cache/에 넣습니다"))
        return (f'<pre class="diagram-fallback" data-search-exclude="diagram" data-diagram-id="{diagram_id}">'
                f"<code>{html.escape(source, quote=False)}</code></pre>")
    if result.error is not None:
        state.failed = True
        build.report(log, problem(path, line, f"Mermaid가 다이어그램을 읽지 못했습니다: {result.error}",
                            "Mermaid 문법을 고치세요 (https://mermaid.js.org/intro/syntax-reference.html)"))
        return (f'<div class="diagram-error" role="alert" data-search-exclude="diagram"><p><strong>'
                f"다이어그램을 그리지 못했습니다</strong> ({html.escape(path)}:{line})</p>"
                f"<pre><code>{html.escape(result.error)}</code></pre></div>")
    svg = result.svg.replace(RENDER_ID, f"diagram-{diagram_id}")
    return f'<div class="diagram" data-search-exclude="diagram">{svg}</div>'


def _term_boxes(build: Build, page: Page, files: Files) -> Callable[[str], str]:
    """What links each box of a drawn diagram whose label is a glossary term to the term's
    entry, with the term's tooltip (the glossary's data: `Glossary.lookup`, `Term.tooltip`).
    A site without docs/glossary.yml links none.

    The renderer wraps every box in `<a data-diagram-label="첫 줄">` (an SVG <a> without
    href is a plain group, hooks/_render_diagram.js); a box named by a term gets the link,
    and its diagram becomes a figure: role="img" would hide the links from screen readers.
    The link is `xlink:href`: Material's instant navigation rewrites every `[href]` with
    `element.href = …`, which throws on an SVG <a> (its href is read-only)."""
    glossary_page = files.get_file_from_path(GLOSSARY_PAGE)
    if glossary_page is None or not (Path(build.config.docs_dir) / GLOSSARY_DATA).is_file():
        return lambda figure: figure
    glossary, glossary_url = build.glossary, get_relative_url(glossary_page.url, page.url)

    def link(match: re.Match) -> str:
        term = glossary.lookup(html.unescape(match.group("label")))
        if term is None:
            return match.group(0)
        title = html.escape(term.tooltip, quote=True)
        return (f'<a data-diagram-label="{match.group("label")}" class="diagram-term" data-term="{term.id}" '
                f'xlink:href="{glossary_url}#{term.id}" aria-label="{title}"><title>{title}</title>')

    def link_boxes(figure: str) -> str:
        linked = _DIAGRAM_BOX.sub(link, figure)
        return linked.replace('role="img"', 'role="figure"', 1) if linked != figure else linked

    return link_boxes


def _fallback_loader(state: _DiagramState, page: Page) -> str:
    library = get_relative_url(state.library, page.url)
    script = get_relative_url(FALLBACK_SCRIPT, page.url)
    options = json.dumps(state.renderer.options, ensure_ascii=False).replace("</", "<\\/")
    return (f'<script type="module">import mermaid from "./{library}";'
            f'import {{ drawFallbacks }} from "./{script}";drawFallbacks(mermaid, {options});</script>')


def _accessibility_problems(diagrams, path: str) -> list[str]:
    """One message per diagram that lacks `accTitle:` or `accDescr:`, and one per description
    that places things left or right: Mermaid, not the writer, decides what goes left (it
    puts later subgraphs first), so such a description tells a screen-reader user a
    picture that may not be the one drawn."""
    problems = []
    for fence in diagrams:
        missing = [key for key in ("accTitle", "accDescr") if not re.search(rf"^\s*{key}\s*:", fence.body, re.M)]
        if missing:
            problems.append(problem(
                path, fence.line, f"다이어그램에 {', '.join(missing)}이(가) 없습니다",
                "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
            ))
        for number, text in enumerate(fence.body.split("\n"), start=fence.line + 1):
            if _DESCRIPTION.match(text) and (side := _LEFT_OR_RIGHT.search(text)):
                problems.append(problem(
                    path, number, f"다이어그램 설명이 자리를 좌우로 말합니다: '{side.group(0)}'",
                    "좌우 대신 이름과 위아래로 설명하세요 (배치는 Mermaid가 정합니다)",
                ))
    return problems


def _normalise(source: str) -> str:
    """The diagram as Mermaid reads it: the same text whether it came from the Markdown or the HTML."""
    return textwrap.dedent(source).strip("\n")


_DIAGRAM_BOX = re.compile(r'<a data-diagram-label="(?P<label>[^"]*)">')  # hooks/_render_diagram.js wraps each box
_DESCRIPTION = re.compile(r"^\s*acc(?:Title|Descr)\s*:")
_LEFT_OR_RIGHT = re.compile(r"왼쪽|오른쪽|왼편|오른편|좌측|우측|좌우|양옆")

# mermaid2's fence writes the source into <code> as it is, unescaped (`<br>` stays `<br>`).
_MERMAID_BLOCK = re.compile(r'<pre\b[^>]*\bclass="mermaid"[^>]*><code>(?P<source>.*?)</code></pre>', re.S)
