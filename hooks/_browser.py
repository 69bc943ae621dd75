"""The build's one headless Chromium: diagrams, link-preview cards and the handout share it.

Debian's Chromium, driven by Playwright (already the tests' driver; Playwright's own
browser download does not work here). Started on first use, so a build whose pictures
are all cached never starts it. Playwright's sync API must stay on the thread that
started it, and must not run on a thread with an asyncio loop (`mkdocs serve` has one):
one worker thread owns the browser, and `run(task)` hands it a task.

Requests never leave the browser: each user routes its own made-up origin under
`.invalid` (a name that cannot resolve) and answers from disk.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from playwright.sync_api import Browser

T = TypeVar("T")

CHROMIUM = "/usr/bin/chromium"  # Debian's
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@dataclass
class BuildBrowser:
    """One per build (`_build.Build.browser`); `close()` when the build ends."""

    path: str = CHROMIUM  # mkdocs.yml extra.checks.diagram_browser; "" for none
    _worker: concurrent.futures.ThreadPoolExecutor | None = None
    _session: dict = field(default_factory=dict)

    @property
    def available(self) -> bool:
        if not self.path or not Path(self.path).exists():
            return False
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return False
        return True

    def run(self, task: Callable[[Browser], T]) -> T:
        """Run `task(browser)` on the browser's thread and return what it returns."""
        if self._worker is None:
            self._worker = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        return self._worker.submit(lambda: task(self._browser())).result()

    def close(self) -> None:
        if self._worker is not None:
            try:
                self._worker.submit(self._stop).result()
            except RuntimeError:
                pass  # at interpreter exit the thread is gone, and the browser with it
            self._worker.shutdown()
            self._worker = None

    def _browser(self) -> Browser:
        if "browser" not in self._session:
            from playwright.sync_api import sync_playwright

            playwright = sync_playwright().start()
            self._session.update(playwright=playwright,
                                 browser=playwright.chromium.launch(executable_path=self.path, args=CHROMIUM_FLAGS))
        return self._session["browser"]

    def _stop(self) -> None:
        if self._session:
            self._session["browser"].close()
            self._session["playwright"].stop()
            self._session.clear()
