"""What one build knows, in one typed object that every hook reads: `build_of(config)`.

MkDocs makes a new config object for every build (and `mkdocs serve` a new one for
every rebuild), while modules stay loaded: so the build's state lives on the config,
as one `Build`, and nowhere else.

- `build.checks`: the build's switches, mkdocs.yml `extra: checks:` (_settings);
- `build.glossary`: docs/glossary.yml, read and validated on first use (_glossary_data);
- `build.open(page)` (hooks/pages.py, the models' one owner) and `build.page(page)`:
  the model of a page (_page_model), read from the parse that renders it; `build.every_page(files)`: every page's model, for checks across pages
  (on_env), also in a `--dirty` build, which renders only the pages that changed;
- `build.browser`: the build's one headless Chromium (_browser), started on first use;
- `build.report(log, problem)`: a problem told: logged, and kept for the serve banner;
- `build.keep(state)` / `build.part(kind)`: a hook's own state, one typed entry per hook
  (`build.part(_Links)` is that hook's `_Links`).
"""

from __future__ import annotations

import logging
import sys
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mkdocs.exceptions import PluginError

from _browser import BuildBrowser
from _glossary_data import GLOSSARY_DATA, Glossary, load_glossary
from _page_model import PageModel, PageModelExtension
from _settings import Checks, load_checks
from _source import project_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

T = TypeVar("T")


def build_of(config: MkDocsConfig) -> Build:
    """This build's state, made on the first call of the build."""
    build = getattr(config, _ATTRIBUTE, None)
    if build is None:
        build = Build(config)
        setattr(config, _ATTRIBUTE, build)
        # Every page is rendered with the config's Markdown extensions: the model's reader
        # joins them, so each page is read from the tree it is rendered from, once.
        config.markdown_extensions.append(PageModelExtension(lambda: build.rendering))
    return build


@dataclass
class Build:
    config: MkDocsConfig
    pages: dict[str, PageModel] = field(default_factory=dict)  # src_uri -> model, in the order read
    rendering: PageModel | None = None  # the page MkDocs renders next
    problems: list[tuple[str, str]] = field(default_factory=list)  # (level, message) told with report()
    _glossary: Glossary | None = None
    _checks: Checks | None = None
    _browser: BuildBrowser | None = None
    _parts: dict[type, object] = field(default_factory=dict)

    @property
    def checks(self) -> Checks:
        """The build's switches: mkdocs.yml `extra: checks:` (_settings), validated on first use."""
        if self._checks is None:
            self._checks = load_checks(self.config)
        return self._checks

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = load_glossary(Path(self.config.docs_dir) / GLOSSARY_DATA, self.config)
        return self._glossary

    @property
    def browser(self) -> BuildBrowser:
        """The build's Chromium (mkdocs.yml `extra.checks.diagram_browser`; "none": no browser).
        Closed by hooks/pages.py after the build, or when a failed build's state goes away."""
        if self._browser is None:
            path = self.checks.diagram_browser
            self._browser = BuildBrowser("" if path == "none" else path)
            weakref.finalize(self, self._browser.close)
        return self._browser

    def open(self, page: Page) -> PageModel:
        """Open the model of the page MkDocs renders next: its parse fills the model. Called
        by hooks/pages.py in on_page_markdown, before any other hook, and by every_page."""
        model = self.pages.get(page.file.src_uri)
        if model is None:
            model = self.pages[page.file.src_uri] = PageModel(
                page.file.src_uri, project_path(page, self.config), page.file.content_string, page.meta or {})
        if not model.read:
            self.rendering = model
        return model

    def page(self, page: Page) -> PageModel:
        """The model of a page (its source from on_page_markdown on; links, headings and
        anchors once rendered). A page without a model means hooks/pages.py did not run."""
        model = self.pages.get(page.file.src_uri)
        if model is None:
            raise self._unopened(page, asking=Path(sys._getframe(1).f_code.co_filename).name)
        return model

    def _unopened(self, page: Page, asking: str) -> PluginError:
        # `asking`: the file of the hook that asked (the caller's frame), for the message.
        return PluginError(f"hooks/{asking}가 {project_path(page, self.config)}의 페이지 모델을 찾지만 아무도 열지 "
                           "않았습니다 — mkdocs.yml의 hooks 맨 앞에 hooks/pages.py를 두세요")

    def model(self, src_uri: str) -> PageModel | None:
        """The model of the page at docs/<src_uri>, if that page has been read."""
        return self.pages.get(src_uri)

    def every_page(self, files: Files) -> list[PageModel]:
        """The model of every page of the site, for checks across pages (from on_env on).

        A `--dirty` build (`mkdocs serve --dirty`, `mkdocs build --dirty`) renders only
        the pages changed since the last build. The others are read here the way MkDocs
        renders them, in memory and without writing anything: their Markdown through
        every plugin's and hook's on_page_markdown, then `Page.render`, whose parse the
        model reads. Such a model says so (`PageModel.rendered_here`)."""
        for file in files.documentation_pages():
            page = file.page
            if page is None or (file.src_uri in self.pages and self.pages[file.src_uri].read):
                continue
            if page.content is not None:  # MkDocs rendered it, yet no model read the parse
                raise self._unopened(page, asking=Path(sys._getframe(1).f_code.co_filename).name)
            if page.markdown is None:
                page.read_source(self.config)
            page.markdown = self.config.plugins.on_page_markdown(page.markdown, page=page, config=self.config, files=files)
            model = self.open(page)
            page.render(self.config, files)
            model.rendered_here = True
        return list(self.pages.values())

    def report(self, logger: logging.Logger, message: str, level: int = logging.WARNING) -> None:
        """Tell a problem: logged (the terminal; a strict build fails on it) and kept in
        `problems` with its file and line when it is a `_source.Problem` (the serve banner,
        hooks/serving.py). Every hook tells its problems through this one call."""
        logger.log(level, message, extra={"reported": True})
        self.problems.append((logging.getLevelName(level), message))

    def keep(self, state: T) -> T:
        """Keep a hook's state for this build, under its type."""
        self._parts[type(state)] = state
        return state

    def part(self, kind: type[T]) -> T:
        """A hook's state kept with `keep`."""
        return self._parts[kind]  # type: ignore[return-value]

    def has(self, kind: type) -> bool:
        return kind in self._parts


_ATTRIBUTE = "_virtualization_guide_build"
