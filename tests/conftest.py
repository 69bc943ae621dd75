"""Shared fixtures: the real site built once, fixture sites, a served site, Chromium."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest

from browsing import CHROMIUM, OPEN_SHADOW_ROOTS, launch_chromium, serve_directory
from builds import ROOT, build_site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session in strict mode."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[[str], Path]:
    """Copy tests/fixtures/<name> into tmp_path and return the copy's mkdocs.yml.

    Fixture sites use this project's hooks/ and overrides/, so they test the real code.
    """

    def copy(name: str) -> Path:
        project = tmp_path / name
        shutil.copytree(ROOT / "tests" / "fixtures" / name, project)
        for shared in ("hooks", "overrides"):
            shutil.copytree(ROOT / shared, project / shared)
        return project / "mkdocs.yml"

    return copy


@pytest.fixture
def warnings_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="mkdocs")
    return caplog


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
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
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    yield page
    context.close()
