"""Markdown for assistants: each page's Markdown copy, llms.txt and llms-full.txt.

Written into the site after the build (on_post_build):

- next to each page, at its source path (docs/virtualization/host.md →
  `virtualization/host.md`), the page as Markdown: `# 제목`, `원문: <the page's address>`,
  then the body as hooks/_markdown_copy.py turns the writer's source into plain CommonMark.
  The glossary page gets its entries from docs/glossary.yml, in the page's order
  (_glossary_page.render_entries). The "Markdown으로 보기" button on every page
  (overrides/partials/actions.html) links this copy;
- `llms.txt` (https://llmstxt.org): the site's name and description, then a `##` section per
  top-level nav item, each page as `- [제목](address of its copy): 한 줄 설명`;
- a page that moved (mkdocs-redirects' `redirect_maps`) keeps its old copy's address: a
  short copy there says where the page and its copy went;
- `llms-full.txt`: every page's copy in reading (nav) order, one `---` line between pages,
  each page's footnote labels prefixed with the page's name (they repeat across pages).

Every address in them is absolute (site_url): a copy is read away from the site. A construct
the converter cannot turn into Markdown is reported at its docs/x.md:line, so a strict build
fails rather than publish HTML. All files are made in memory first, then written.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

import _description
from _build import Build, build_of
from _glossary_data import GLOSSARY_DATA, GLOSSARY_PAGE, Glossary
from _glossary_page import PLACEHOLDER, render_entries
from _markdown_copy import Converted, convert
from _source import mask_code, page_slug

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.hooks.markdown_copies")

LLMS_TXT = "llms.txt"
LLMS_FULL_TXT = "llms-full.txt"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        # MkDocs' dev server sends a file's type from `mimetypes`, without a charset: a browser
        # would read the UTF-8 copies as Latin-1 (GitHub Pages adds charset=utf-8 itself).
        for extension, kind in ((".md", "text/markdown"), (".txt", "text/plain")):
            mimetypes.add_type(f"{kind}; charset=utf-8", extension)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    if not config.site_url:
        raise PluginError("mkdocs.yml에 site_url이 없습니다 — Markdown 사본과 llms.txt의 주소는 절대 주소여야 하니 "
                          "site_url을 쓰세요")
    build_of(config).keep(_Copies(nav=nav, files=files))


def on_post_build(*, config: MkDocsConfig) -> None:
    # Late: every page is rendered, and every hook has set its page.meta (the descriptions).
    build = build_of(config)
    state = build.part(_Copies)
    build.every_page(state.files)  # a --dirty build rendered only some pages
    copies: dict[str, str] = {}  # src_uri -> the copy
    for file in state.files.documentation_pages():
        converted = _converted(build, file, state.files)
        for message in converted.problems:
            build.report(log, message)
        title = converted.title or file.page.title or file.src_uri
        copies[file.src_uri] = f"# {title}\n\n원문: {urljoin(config.site_url, file.url)}\n\n{converted.body}"
        state.descriptions[file.src_uri] = page_description(file.page, build.model(file.src_uri).source)
    pages = [page for page in state.nav.pages if page.file.src_uri in copies]
    outputs = {
        **_moved_copies(config, state.files, copies),
        **{_copy_path(src_uri): text for src_uri, text in copies.items()},
        LLMS_TXT: _llms_txt(config, state),
        LLMS_FULL_TXT: _llms_full_txt(config, [_own_footnotes(copies[page.file.src_uri], page.file.src_uri)
                                               for page in pages]),
    }
    _write_all(Path(config.site_dir), outputs, state.files)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def page_description(page: Page, source: str) -> str:
    """A page's one-line description in llms.txt: the `description` hooks/previews.py set (its
    front matter's, or its opening paragraph's), else the same rule on the source
    (_description), for a site without that hook."""
    written = page.meta.get("description")
    if isinstance(written, str) and written.strip():
        return " ".join(written.split())
    found = _description.page_description(source, page.meta)
    return found.text if found else ""


@dataclass
class _Copies:
    nav: Navigation
    files: Files
    descriptions: dict[str, str] = field(default_factory=dict)  # src_uri -> one-line description


def _converted(build: Build, file: File, files: Files) -> Converted:
    """The page's copy; the glossary page's entries are converted from the glossary's data."""
    model = build.model(file.src_uri)
    resolve = _resolver(file, files, build.config.site_url)
    glossary_data = Path(build.config.docs_dir) / GLOSSARY_DATA
    if file.src_uri != GLOSSARY_PAGE or PLACEHOLDER not in model.source or not glossary_data.is_file():
        return convert(model.source, model.path, resolve)
    page = convert(model.source.replace(PLACEHOLDER, _ENTRIES), model.path, resolve)
    entries_source = render_entries(build.glossary, files)
    entries = convert(entries_source, build.glossary.path, resolve, _entry_lines(entries_source, build.glossary))
    body = page.body.replace(_ENTRIES, entries.body.rstrip("\n"))
    return Converted(page.title, body, page.problems + entries.problems)


def _entry_lines(entries: str, glossary: Glossary) -> Callable[[int], tuple[str, int]]:
    """Where a line of the glossary's generated entries comes from: its term in docs/glossary.yml."""
    starts = [(number, glossary.by_id[match.group(1)].line)
              for number, line in enumerate(entries.split("\n"), 1)
              if (match := re.match(r"^### .* \{ #([a-z0-9-]+) \}$", line))]

    def located(line: int) -> tuple[str, int]:
        return glossary.path, next((term for start, term in reversed(starts) if start <= line), 1)

    return located


def _resolver(file: File, files: Files, site_url: str) -> Callable[[str], str]:
    """The absolute URL of a link target written in the page `file`: another page (`x.md#a`,
    its HTML address), a file (an image), an anchor of this page; other targets as written."""
    here = urljoin(site_url, file.url)
    folder = posixpath.dirname(file.src_uri)

    def resolve(target: str) -> str:
        parts = urlsplit(target)
        if parts.scheme or target.startswith("/"):
            return target  # external, mailto:, or site-absolute (hooks/links.py reports those)
        if not parts.path:
            return here + target  # `#anchor` (or `?query`) on this page
        path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
        found = files.get_file_from_path(path)
        url = found.url if found is not None else quote(path) + ("/" if parts.path.endswith("/") else "")
        return urljoin(site_url, url) + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    return resolve


def _copy_path(src_uri: str) -> str:
    """Where a page's copy is published: its source path (a page that moves leaves a short copy at the old one)."""
    return src_uri


def _llms_txt(config: MkDocsConfig, state: _Copies) -> str:
    """https://llmstxt.org: `# name`, `> summary`, a note, then a `##` list per top-level nav item."""
    lines = [f"# {config.site_name}", ""]
    if config.site_description:
        lines += [f"> {config.site_description}", ""]
    lines += [f"아래는 페이지마다 Markdown 사본의 주소와 짧은 설명을 적은 목록입니다. 모든 페이지를 읽는 순서대로 한 파일에 담은 것은 "
              f"[{LLMS_FULL_TXT}]({config.site_url}{LLMS_FULL_TXT})입니다.", ""]
    for item in state.nav.items:
        pages = [page for page in _pages_under(item) if page.file.src_uri in state.descriptions]
        if not pages:
            continue
        lines += [f"## {item.title}", ""]
        for page in pages:
            description = state.descriptions[page.file.src_uri]  # none: hooks/previews.py reports it
            link = f"- [{page.title}]({config.site_url}{quote(_copy_path(page.file.src_uri))})"
            lines.append(f"{link}: {description}" if description else link)
        lines.append("")
    return "\n".join(lines)


def _llms_full_txt(config: MkDocsConfig, copies: list[str]) -> str:
    header = [f"# {config.site_name}", ""]
    if config.site_description:
        header += [f"> {config.site_description}", ""]
    header += ["이 파일은 안내서의 모든 페이지를 읽는 순서대로 담은 것입니다. 페이지 사이는 `---` 한 줄로 나뉩니다.", ""]
    return "\n".join(header) + "".join(f"\n---\n\n{copy}" for copy in copies)


def _moved_copies(config: MkDocsConfig, files: Files, copies: dict[str, str]) -> dict[str, str]:
    """A page that moved keeps its old copy's address too, as mkdocs-redirects keeps its old
    HTML address (`redirect_maps` in mkdocs.yml, old source path: new one): a short copy that
    says where the page went, so an onboarding document's link to the old `.md` still reads."""
    plugin = config.plugins.get("redirects")
    moved = {}
    for old, new in ((plugin.config.get("redirect_maps") or {}) if plugin else {}).items():
        target, _, anchor = new.partition("#")
        if not old.endswith(".md") or target not in copies:
            continue  # a redirect to another site, or to what is no page
        address = urljoin(config.site_url, _copy_path(target))
        page = urljoin(config.site_url, files.get_file_from_path(target).url) + (f"#{anchor}" if anchor else "")
        title = copies[target].split("\n", 1)[0].removeprefix("# ")
        moved[_copy_path(old)] = (f"# {title}\n\n이 페이지는 옮겨졌습니다. Markdown 사본: <{address}>\n\n원문: <{page}>\n")
    return moved


def _own_footnotes(copy: str, src_uri: str) -> str:
    """The copy with its footnote labels made its own (`[^wsl-faq]` -> `[^setup-wsl-faq]`):
    pages joined in one file would otherwise define one label several times, and a reader
    of Markdown sends every later page's mark to the first definition. Not inside code."""
    prefix = page_slug(src_uri)
    masked = mask_code(copy)
    pieces, last = [], 0
    for match in _FOOTNOTE_LABEL.finditer(masked):
        pieces += [copy[last:match.start()], f"[^{prefix}-{match.group(1)}]"]
        last = match.end()
    return "".join(pieces) + copy[last:]


_FOOTNOTE_LABEL = re.compile(r"\[\^([^\]\s]+)\]")


def _pages_under(item) -> list[Page]:
    """The pages of a nav item, in nav order (a page: itself; a section: all its pages)."""
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages_under(child)]
    return []  # a link


def _write_all(site_dir: Path, outputs: dict[str, str], files: Files) -> None:
    """Write every output, each through a temporary file: a failed write leaves no
    half-written file and stops the build, naming the file."""
    taken = {file.dest_uri for file in files if not file.is_documentation_page()} & set(outputs)
    if taken:
        raise PluginError(f"docs/{sorted(taken)[0]}가 빌드가 만드는 같은 이름의 파일과 겹칩니다 — "
                          "그 파일의 이름을 바꾸세요 (hooks/markdown_copies.py)")
    written: list[tuple[Path, Path]] = []
    try:
        for relative, text in outputs.items():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_text(text, encoding="utf-8", newline="\n")
            written.append((temporary, target))
        for temporary, target in written:
            os.replace(temporary, target)
    except OSError as error:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise PluginError(f"Markdown 사본을 쓰지 못했습니다: {error} — 디스크 공간과 {site_dir}의 권한을 확인하세요") from None


_ENTRIES = "\0glossary entries\0"  # where the glossary page's converted entries go
