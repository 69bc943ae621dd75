"""Korean search in the built site, through Material's own search box in Chromium.

The query set (tests/search_queries.yml) holds the kinds of queries a Korean
reader types: particles on either side, words inside compounds, spacing between
Hangul and Latin, English glossary names, and terms that must rank their own
section first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from browsing import ranks_first, search_results, top_results

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def search_page(browser, server: str):
    """One page with the search worker ready, shared by the queries (as a reader's tab is)."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type in ("error", "warning") and errors.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server, wait_until="networkidle")
    page.errors = errors
    yield page
    context.close()


def test_query_set_is_big_enough_and_covers_every_kind() -> None:
    assert len(QUERIES) >= 30
    assert sum(bool(q.get("first")) for q in QUERIES) >= 10
    assert any(re.search(r"[가-힣][A-Za-z]", q["query"]) for q in QUERIES)  # 게스트OS
    assert any(q["query"].isascii() for q in QUERIES)  # English names


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_finds_its_page_or_section(search_page, case: dict) -> None:
    groups = search_results(search_page, case["query"])
    assert case["find"] in top_results(groups), groups
    if case.get("first"):
        assert ranks_first(groups, case["find"]), groups
    assert search_page.errors == []


@pytest.mark.parametrize("query", ["가상화", "하이퍼바이저가", "반가상화", "컨테이너를", "flowchart", "accTitle"])
def test_result_snippets_are_readable_text(search_page, query: str) -> None:
    search_results(search_page, query)
    results = search_page.locator(".md-search-result__list")
    text = results.inner_text()
    for noise in ("accTitle", "accDescr", "flowchart", "-->", "&lt;", "&gt;", "&amp;"):
        assert noise not in text, noise
    # Each match is marked once: Material nests <mark>s when a position comes back twice.
    assert results.locator("mark mark").count() == 0


def test_typed_word_is_not_reported_missing(search_page) -> None:
    # The result teaser lists query words it did not find; a particle must not make
    # the word look missing (Material's stock search shows "포함되지 않은 검색어: 가상머신을").
    search_results(search_page, "가상머신을")
    assert search_page.locator(".md-search-result__terms").count() == 0
