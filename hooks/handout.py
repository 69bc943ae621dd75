"""The printable handout: the whole guide in reading order as one A4 PDF, at `handout.pdf`.

- Every page's content as the site shows it (diagrams drawn, glossary links in), made for
  paper by hooks/_handout_document.py and printed by Chromium (hooks/_handout_printer.py):
  a cover, a table of contents with page numbers, page numbers, links between pages as
  links inside the PDF, diagrams as vectors with their labels as text, Noto Sans CJK KR
  embedded, footnotes with their chapter, external addresses printed, the 확인 문제
  answers at the end. The look is overrides/handout/ (template and stylesheet).
- A handout that cannot be made stops the build (a strict build, `tasks.py build` and the
  publishing workflow): never a site whose home page links to a missing or stale PDF.
- Its date (cover and PDF metadata) is the day its newest page last changed in git
  (hooks/_page_dates.py): two builds of one commit give the same bytes.
- The print is kept in `.cache/handout/`, named by a digest of what decides it (the pages'
  content, the template, the stylesheets, the date, this code): a build whose pages did not
  change copies it, without even assembling the document.
- A `--dirty` build renders only the changed pages, so it cannot make the whole handout: it
  keeps the one already in the site and says so. `mkdocs serve` does not print it either: a
  print takes seconds, and every save would wait for it before the page reloads. Nor does a
  strict build that has already found a problem: it is about to stop.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_build_datetime

from _build import build_of
from _handout_document import PAGE_NUMBER_PLACEHOLDER, Chapter, assemble
from _handout_fonts import handout_fonts
from _handout_printer import HandoutError, print_handout
from _page_dates import dates_of, korean_date
from _process import PROCESS, serving
from _source import write_whole

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.handout")

HANDOUT = "handout.pdf"  # its URL, relative to the site; the home page links it
TEMPLATE = "handout/handout.html"  # in overrides/
STYLESHEET = "handout/handout.css"  # in overrides/; a build-time input, not published
FONTS = "handout/fonts"  # where the stylesheet finds its fonts (hooks/_handout_fonts.py makes them)
CACHE_DIR = Path(".cache") / "handout"  # next to mkdocs.yml; not committed
KEPT_PRINTS = 4

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    PROCESS.command = command  # once per process (hooks/_process.py)


def on_config(config: MkDocsConfig) -> None:
    build_of(config).keep(_HandoutState())


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    state = build_of(config).part(_HandoutState)
    stylesheet = files.get_file_from_path(STYLESHEET)
    if stylesheet is None:
        raise PluginError(f"인쇄본의 스타일 overrides/{STYLESHEET}가 없습니다 — 되돌려 놓으세요")
    state.stylesheet = Path(stylesheet.abs_src_path)
    files.remove(stylesheet)
    # Known to MkDocs from the start, so that a page's link to the handout is a link to a file
    # of the site (hooks/links.py, MkDocs' own check); written by on_post_build, never copied.
    state.placeholder = File.generated(config, HANDOUT, content=b"")
    files.append(state.placeholder)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    # Reading order, each page with its part: the top-level nav section it is in, if any.
    build_of(config).part(_HandoutState).order = [
        (page.file.src_uri, page.ancestors[-1].title if page.ancestors else None) for page in nav.pages]


@event_priority(-100)  # after hooks/links.py has checked links against the files
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    state = build_of(config).part(_HandoutState)
    state.template = env.get_template(TEMPLATE)
    files.remove(state.placeholder)  # nothing to copy: on_post_build writes the handout


@event_priority(-100)  # the content as every other hook left it (diagrams drawn, terms linked)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    state = build_of(config).part(_HandoutState)
    headings = [(item.id, item.title) for top in page.toc for item in top.children]
    # The title the chapter opens with (its h1), not the nav's short name (홈).
    title = next((top.title for top in page.toc if top.level == 1), page.title)
    state.pages[page.file.src_uri] = (title, page.url, page.content, headings)


def on_post_build(*, config: MkDocsConfig) -> None:
    build = build_of(config)
    state = build.part(_HandoutState)
    missing = [src for src, _ in state.order if src not in state.pages]
    site_dir = Path(config.site_dir)
    if not build.checks.handout:
        log.info(f"인쇄본({HANDOUT})을 만들지 않습니다: mkdocs.yml의 extra.checks.handout(HANDOUT)이 false입니다")
        return
    if serving():
        log.info(f"mkdocs serve는 인쇄본({HANDOUT})을 만들지 않습니다 — python3 tasks.py build나 check가 만듭니다")
        return
    if config.strict and any(level != "INFO" for level, _ in build.problems):
        # The strict build stops after this event anyway: no half a minute of printing first.
        log.info(f"빌드에 문제가 있어 인쇄본({HANDOUT})을 만들지 않았습니다 — 문제를 고치면 만듭니다")
        return
    if missing:  # a --dirty build: only the changed pages were rendered
        kept = "이전 인쇄본을 그대로 둡니다" if (site_dir / HANDOUT).is_file() else "인쇄본이 없습니다"
        log.info(f"--dirty 빌드는 바뀐 페이지만 그려서 인쇄본({HANDOUT})을 만들지 않습니다: {kept} — 전체 빌드에서 만듭니다")
        return
    stylesheets = [*_theme_stylesheets(config), *config.extra_css]
    cache = _Cache(Path(config.config_file_path).parent / CACHE_DIR, _inputs(config, state, stylesheets))
    pdf = cache.read()
    if pdf is None:
        html = _document(config, state, stylesheets)
        fonts = {f"{FONTS}/{font.name}": font.data for font in handout_fonts(html)}
        extra = {STYLESHEET: state.stylesheet.read_bytes(), **fonts}
        try:
            printed = print_handout(build.browser, html, site_dir, extra, _edition(config))
        except HandoutError as error:
            raise PluginError(f"인쇄본 {HANDOUT}을(를) 만들지 못했습니다: {error}") from error
        pdf = cache.write(printed.pdf)
        log.info(f"인쇄본 {HANDOUT}: {printed.pages}쪽, {len(pdf):,} B ({printed.passes}번 인쇄)")
    write_whole(site_dir / HANDOUT, pdf)  # never a half-written handout in the site


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass
class _HandoutState:
    order: list[tuple[str, str | None]] = field(default_factory=list)  # (src_uri, nav section) in reading order
    pages: dict[str, tuple[str, str, str, list[tuple[str, str]]]] = field(default_factory=dict)
    stylesheet: Path | None = None
    placeholder: File | None = None
    template: object | None = None


def _document(config: MkDocsConfig, state: _HandoutState, stylesheets: list[str]) -> str:
    chapters = []
    for src_uri, part in state.order:
        title, url, content, headings = state.pages[src_uri]
        chapters.append(Chapter(src_uri, url, title, part, content, headings))
    document = assemble(chapters, config.site_url or "")
    groups: list[dict] = []
    for chapter in chapters:
        if not groups or groups[-1]["part"] != chapter.part or chapter.part is None:
            groups.append({"part": chapter.part, "chapters": []})
        groups[-1]["chapters"].append(chapter)
    return state.template.render(
        site_name=config.site_name, description=config.site_description, author=config.copyright,
        site_url=config.site_url, edition=korean_date(_edition(config).date()),
        stylesheets=[*stylesheets, STYLESHEET],
        parts=groups, chapters=document.chapters, answers=document.answers, placeholder=PAGE_NUMBER_PLACEHOLDER,
    )


def _edition(config: MkDocsConfig) -> datetime:
    """The handout's date: the day its newest page last changed in git (midnight UTC), so
    every build of one commit prints the same date, with or without SOURCE_DATE_EPOCH.
    Without page dates (PAGE_DATES=false), the build's date (SOURCE_DATE_EPOCH, else now)."""
    newest = max(dates_of(config).dates.values(), default=None)
    if newest is None:
        return get_build_datetime()
    return datetime(newest.year, newest.month, newest.day, tzinfo=UTC)


def _theme_stylesheets(config: MkDocsConfig) -> list[str]:
    """Material's own stylesheets as the site has them (their names carry a content hash)."""
    folder = Path(config.site_dir) / "assets" / "stylesheets"
    found = [f"assets/stylesheets/{path.name}" for prefix in ("main.", "palette.")
             for path in sorted(folder.glob(f"{prefix}*.min.css"))]
    if len(found) != 2:
        raise PluginError("Material의 assets/stylesheets/main.*.min.css와 palette.*.min.css를 찾지 못했습니다 — "
                          "올린 Material의 스타일시트 이름에 맞게 hooks/handout.py::_theme_stylesheets를 고치세요")
    return found


def _inputs(config: MkDocsConfig, state: _HandoutState, stylesheets: list[str]) -> list[str]:
    """Everything that decides the print, read before any of the work: the pages' content,
    the look (template, stylesheets), the site's names, the date and the code that prints."""
    site_dir = Path(config.site_dir)
    inputs = [config.site_name, config.site_description or "", config.copyright or "",
              config.site_url or "", _edition(config).isoformat(),
              Path(state.template.filename).read_text(encoding="utf-8"), state.stylesheet.read_text(encoding="utf-8")]
    inputs += [(site_dir / sheet).read_text(encoding="utf-8") for sheet in stylesheets]
    code = [Path(__file__), *sorted(Path(__file__).parent.glob("_handout_*.py"))]
    inputs += [path.read_text(encoding="utf-8") for path in code]
    for src_uri, part in state.order:
        title, url, content, headings = state.pages[src_uri]
        inputs += [src_uri, part or "", title, url, content, repr(headings)]
    return inputs


@dataclass
class _Cache:
    """The last prints, in .cache/handout/, named by a digest of what decides them."""

    folder: Path
    inputs: list[str]

    @property
    def path(self) -> Path:
        digest = hashlib.sha256("\0".join(self.inputs).encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{digest}.pdf"

    def read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    def write(self, pdf: bytes) -> bytes:
        # Builds may share the folder (test workers, serve and build side by side): written
        # whole; the few newest prints are kept.
        write_whole(self.path, pdf)
        for old in sorted(self.folder.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)[KEPT_PRINTS:]:
            old.unlink(missing_ok=True)
        return pdf
