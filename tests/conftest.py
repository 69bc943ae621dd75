"""Shared fixtures: the real site built once, fixture sites, a served site, Chromium."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from browsing import CHROMIUM, WATCH_DIAGRAMS, launch_chromium, serve_directory
from builds import ROOT, build_site, copy_fixture
from searching import SearchWorker, require_node, required_on_ci


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The real site, built once per session in strict mode and served on 127.0.0.1.

    It is built for the address it is served at (`site_url`), as a published site is:
    Material's instant navigation only takes over links listed in sitemap.xml.
    """
    site_dir = tmp_path_factory.mktemp("site")
    with serve_directory(site_dir) as url:
        with pytest.MonkeyPatch.context() as patch:
            # Without the PDF handout: tests/test_handout.py builds the site with it, once per run.
            patch.setenv("HANDOUT", "false")
            build_site(ROOT / "mkdocs.yml", site_dir, site_url=url)
        yield site_dir, url


@pytest.fixture(scope="session")
def site(served_site: tuple[Path, str]) -> Path:
    return served_site[0]


@pytest.fixture(scope="session")
def server(served_site: tuple[Path, str]) -> str:
    return served_site[1]


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[[str], Path]:
    """Copy tests/fixtures/<name> into tmp_path and return the copy's mkdocs.yml.

    Fixture sites use this project's hooks/ and overrides/, so they test the real code.
    """

    return lambda name: copy_fixture(name, tmp_path / name)


@pytest.fixture
def warnings_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="mkdocs")
    return caplog


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if required_on_ci():
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.add_init_script(WATCH_DIAGRAMS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def node_available() -> None:
    """Node.js is here for the tests that run JavaScript without a browser; on CI its absence fails."""
    missing = require_node()
    if missing:
        (pytest.fail if required_on_ci() else pytest.skip)(missing)


@pytest.fixture(scope="session")
def search_worker(site: Path, node_available: None) -> Iterator[SearchWorker]:
    """Material's search worker over the real site, in Node (tests/searching.py): no browser."""
    worker = SearchWorker(site)
    assert worker.warnings == [], worker.warnings
    yield worker
    worker.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The longest group first (tests/test_handout.py prints 250 pages): with `--dist loadgroup`
    # one worker starts on it while the other takes everything else, instead of the group
    # landing last on one worker while the other waits.
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
