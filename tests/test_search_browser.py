"""Korean search as a reader meets it in Chromium: Material's box, list and worker.

tests/test_search.py asks Material's worker in Node what each query finds; this file
keeps what only a browser shows: queries typed state by state as an IME delivers
them (browsing.type_as_ime) give exactly the list the worker in Node answers, on a
sample of every kind of query; the list does not flicker while a word is composed;
the suggestion under an empty result; readable snippets.
"""

from __future__ import annotations

import re

import pytest

from browsing import WATCH_SEARCH, search_results, type_as_ime, typed_results
from searching import best_result
from test_search import EMPTY_QUERIES, GLOSSARY, QUERIES, TERM_QUERIES, term_url

pytestmark = pytest.mark.browser


def sample(cases: list[dict], per_kind: int) -> list[dict]:
    """The first and the last `per_kind // 2` queries of each kind (the set's order is its writers')."""
    chosen = []
    for kind in dict.fromkeys(case["kind"] for case in cases):
        of_kind = [case for case in cases if case["kind"] == kind]
        half = max(1, per_kind // 2)
        chosen += of_kind[:half] + [case for case in of_kind[-half:] if case not in of_kind[:half]]
    return chosen


# Two queries of each kind of the query set and four glossary names: typed in Chromium.
BROWSER_SAMPLE = [case["query"] for case in sample(QUERIES, 2)] + [case["query"] for case in TERM_QUERIES[::80]]
# Typed state by state in Chromium too; tests/test_search.py checks all the words in Node.
BROWSER_FLICKER_WORDS = ["컨테이너", "하이퍼바이저", "라이브 마이그레이션"]


@pytest.fixture(scope="module")
def search_page(browser, server: str):
    """One page with the search worker ready, shared by the queries (as a reader's tab is)."""
    context = browser.new_context()
    context.add_init_script(WATCH_SEARCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type in ("error", "warning") and errors.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server, wait_until="networkidle")
    page.errors = errors
    yield page
    context.close()


def test_the_sample_covers_every_kind() -> None:
    assert {case["kind"] for case in QUERIES} <= {case["kind"] for case in QUERIES if case["query"] in BROWSER_SAMPLE}
    assert len(BROWSER_SAMPLE) >= 20


@pytest.mark.parametrize("query", BROWSER_SAMPLE)
def test_chromium_shows_what_the_worker_in_node_answers(search_page, search_worker, query: str) -> None:
    shown = typed_results(search_page, query)
    answered = search_worker.groups(query)
    # Material renders the list in batches as the reader scrolls; what it shows is the start.
    assert shown and shown == answered[: len(shown)], f"{query!r}: Chromium {shown[:3]}…, Node {answered[:3]}…"
    assert len(shown) >= min(len(answered), 10)
    assert search_page.errors == []


@pytest.mark.parametrize("word", BROWSER_FLICKER_WORDS)
def test_results_do_not_flicker_while_the_word_is_composed_in_chromium(search_page, word: str) -> None:
    states = type_as_ime(search_page, word)
    final = best_result(states[-1][1])
    assert final is not None, states[-1]
    shown = [(state, best_result(groups)) for state, groups in states]
    first = next(i for i, (_, best) in enumerate(shown) if best == final)
    flickers = [f"{state} → {best}" for state, best in shown[first:] if best != final]
    assert not flickers, f"{word} → {final}; on the way: " + ", ".join(flickers)
    assert search_page.errors == []


@pytest.mark.parametrize(("query", "term_id", "named"), EMPTY_QUERIES)
def test_empty_result_suggests_the_nearest_term(search_page, query: str, term_id: str, named: str) -> None:
    term = next(t for t in GLOSSARY["terms"] if t["id"] == term_id)
    assert typed_results(search_page, query) == []
    result = search_page.locator(".md-search-result")
    suggestion = result.get_by_text(re.compile(r"혹시 .+ 찾으셨나요\?"))
    suggestion.first.wait_for(timeout=5_000)
    assert named in suggestion.first.inner_text()
    links = suggestion.first.locator("a", has_text=term["ko"])
    hrefs = links.evaluate_all("links => links.map(a => { const u = new URL(a.href); return u.pathname.replace(/^\\//, '') + u.hash; })")
    assert term_url(term) in hrefs, hrefs
    # The suggestion goes away with the next query that finds something.
    assert typed_results(search_page, "컨테이너")
    assert result.get_by_text(re.compile(r"찾으셨나요")).count() == 0
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
