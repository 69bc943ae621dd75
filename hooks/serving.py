"""Writing with plain `mkdocs serve`: a warning never stops the server, and shows in the page.

mkdocs.yml says `strict: true`, so `mkdocs build` (and CI) fail on any warning.
Under `mkdocs serve` a strict build that fails leaves the server waiting ("The
server will appear stuck until build errors are resolved") and the writer's
browser hangs. When MkDocs reports that it serves (`on_startup(command="serve")`):

- each build runs without MkDocs' strict warning counter, so it finishes and is
  served, warnings and all;
- the build's warnings go, besides the terminal, into `__problems__.json` in the
  served site, and every served page loads overrides/…/serve-problems.js, which
  shows a count on every page and, on a page with problems, a banner listing
  them (`docs/x.md:12: what — fix`), each linked to the section holding the line.
  The next clean rebuild clears them (MkDocs reloads the page).

Nothing of this is in a `mkdocs build`: not the script, not the file, not the banner.
mkdocs-mermaid2's INFO lines (about fourteen per build) are quieted in both.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

from _build import build_of
from _process import PROCESS, serving
from _source import Problem, relative_to_project, replace_upstream

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.serving")

SCRIPT = "assets/javascripts/serve-problems.js"  # in overrides/; published only while serving
PROBLEMS = "__problems__.json"  # in the served site
# MkDocs' own link checks name the page: "Doc file 'x.md' …".
_DOC_FILE = re.compile(r"Doc file '(?P<src>[^']+\.md)'")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    PROCESS.command = command
    # One line per diagram page per build, at INFO: the hooks' own lines drown in them.
    logging.getLogger("mkdocs.plugins.mermaid2").setLevel(logging.WARNING)


def on_config(config: MkDocsConfig) -> None:
    logging.getLogger("mkdocs.plugins.mermaid2").setLevel(logging.WARNING)
    if not serving():
        return
    builder_logger = logging.getLogger("mkdocs")
    # mkdocs.commands.build adds its strict counter before on_config: remove it by its type.
    counters = [handler for handler in builder_logger.handlers if isinstance(handler, CountHandler)]
    if config.strict and not counters:
        log.warning("MkDocs의 strict 경고 카운터(mkdocs.utils.CountHandler)를 찾지 못했습니다: 경고가 하나라도 있으면 "
                    "serve가 멈출 수 있습니다 — MkDocs가 바뀌었으니 hooks/serving.py의 on_config를 고치세요")
    for handler in counters:
        builder_logger.removeHandler(handler)
    config.strict = False
    builder_logger.addHandler(build_of(config).keep(_Collector()))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not serving():
        script = files.get_file_from_path(SCRIPT)
        if script is not None:
            files.remove(script)
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    collector = _collector(config)
    if collector is not None:
        model = build_of(config).page(page)
        sections = [(heading.line, heading.id) for heading in model.headings if heading.line is not None]
        collector.pages[model.path] = {"url": page.url, "sections": sections}


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    if _collector(config) is None:
        return None
    tag = f'<script src="{_root(page)}{SCRIPT}" defer></script>'
    return replace_upstream(output, "</body>", f"{tag}\n</body>", package="mkdocs-material", hook="hooks/serving.py")


@event_priority(-1000)  # last: after every other hook has reported
def on_post_build(*, config: MkDocsConfig) -> None:
    collector = _collector(config)
    if collector is None:
        return
    logging.getLogger("mkdocs").removeHandler(collector)
    report = {"problems": collector.problems(config), "pages": collector.pages}
    (Path(config.site_dir) / PROBLEMS).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def on_build_error(*, error: Exception) -> None:
    for handler in list(logging.getLogger("mkdocs").handlers):
        if isinstance(handler, _Collector):
            logging.getLogger("mkdocs").removeHandler(handler)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _Collector(logging.Handler):
    """What MkDocs and other plugins warn of in this build (the hooks' own problems come
    located, through `Build.report`), and where each page's sections start."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.others: list[tuple[str, str]] = []  # (level, message) not told through Build.report
        self.pages: dict[str, dict] = {}  # docs/x.md -> {url, sections: [[line, id], …]}

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, "reported", False):
            self.others.append((record.levelname, record.getMessage()))

    def problems(self, config: MkDocsConfig) -> list[dict]:
        found = []
        for level, message in build_of(config).problems:
            path, line = (message.path, message.line) if isinstance(message, Problem) else ("", 0)
            found.append({"level": level, "path": path, "line": line, "message": str(message)})
        for level, message in self.others:
            # MkDocs names the page of a link problem ("Doc file 'x.md' …"), not the line.
            doc_file = _DOC_FILE.search(message.splitlines()[0] if message else "")
            path = relative_to_project(os.path.join(config.docs_dir, doc_file["src"]), config) if doc_file else ""
            found.append({"level": level, "path": path, "line": 0, "message": message})
        return found


def _collector(config: MkDocsConfig) -> _Collector | None:
    build = build_of(config)
    return build.part(_Collector) if build.has(_Collector) else None


def _root(page: Page) -> str:
    """The site root, relative to a page's URL ("../../" for virtualization/host/)."""
    depth = page.url.count("/")
    return "../" * depth if depth else "./"
