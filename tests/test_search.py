"""Korean search in the built site: what Material's result list shows for each query.

The query set (tests/search_queries.yml) holds the kinds of queries a Korean
reader types: particles on either side, words inside compounds, spacing between
Hangul and Latin, English glossary names, terms that must rank their own
section first, and what a reader types on the way or by mistake: composing
states of the IME, 초성, Korean spellings of Latin names, the glossary's
forbidden spellings and near misses. Every glossary name (Korean, each alias,
English) is a further query, generated from docs/glossary.yml, that must rank
its term's explaining section first.

The queries are asked of Material's own search worker over the real site and index,
run in Node (tests/searching.py): milliseconds each. What only a browser shows
(typing as an IME delivers it, Material's list, the suggestion under an empty result,
snippets) is in tests/test_search_browser.py, which also checks that Chromium shows
what the worker here answers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from browsing import composing_states
from builds import ROOT, load_hook, page_url
from searching import best_result, ranks_first, top_results

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))
KINDS = {"particles", "compound", "spacing", "english", "term", "composing", "choseong", "loanword", "misspelling", "typo"}


def term_url(term: dict) -> str:
    """Where a term is explained: its first `see` ('page.md#anchor' → 'page/#anchor'), else its glossary entry."""
    if term.get("see"):
        src, _, anchor = term["see"][0].partition("#")
        return page_url(src) + (f"#{anchor}" if anchor else "")
    return f"glossary/#{term['id']}"


def glossary_queries(glossary: dict = GLOSSARY) -> list[dict]:
    """One query per glossary name (ko, each alias, en), which must rank its term's section first."""
    queries, seen = [], set()
    for term in glossary["terms"]:
        for name in [term["ko"], *(term.get("aliases") or []), term["en"]]:
            if name.casefold() not in seen:  # Hyper-V, runc: the same name twice
                seen.add(name.casefold())
                queries.append({"query": name, "find": term_url(term), "first": True, "kind": "glossary", "term": term["id"]})
    return queries


TERM_QUERIES = glossary_queries()
# Words typed state by state for the flicker test (issue 10's examples and more glossary names).
FLICKER_WORDS = ["컨테이너", "하이퍼바이저", "반가상화", "전가상화", "가상머신", "네임스페이스", "오케스트레이터",
                 "케이퍼빌리티", "레지스트리", "하이퍼콜", "프로비저닝", "라이브 마이그레이션"]
# A query that finds nothing, near a glossary name (two jamo off: one off would be found
# as a typo), the name the empty result suggests, and that name with its particle.
EMPTY_QUERIES = [("하이퍼바아져", "hypervisor", "하이퍼바이저를"), ("가성머싱", "virtual-machine", "가상머신을")]

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_KOREAN = load_hook("_korean")


def jamo(text: str) -> str:
    """Compatibility jamo, compound vowels and finals split (hooks/_korean.py, as hangul.js)."""
    return _KOREAN.jamo(text.lower())


def initials(text: str) -> str:
    return "".join(_INITIALS[(ord(c) - 0xAC00) // 588] if "가" <= c <= "힣" else c for c in text)


def distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _shown(case: dict, groups: list[list[str]]) -> str:
    return f"{case['query']!r} wants {case['find']}; best {best_result(groups)}; top 5 {top_results(groups)}"


def site_text() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs").rglob("*.md")) + (
        ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8")


def test_query_set_is_big_enough_and_covers_every_kind() -> None:
    assert len(QUERIES) >= 120
    assert {q["kind"] for q in QUERIES} == KINDS
    assert all(sum(q["kind"] == kind for q in QUERIES) >= 3 for kind in KINDS)
    assert sum(bool(q.get("first")) for q in QUERIES) >= 10
    assert any(re.search(r"[가-힣][A-Za-z]", q["query"]) for q in QUERIES)  # 게스트OS
    assert any(q["query"].isascii() for q in QUERIES)  # English names
    assert len(TERM_QUERIES) >= 2 * len(GLOSSARY["terms"])


def test_every_forbidden_spelling_is_queried_for_its_term() -> None:
    for term in GLOSSARY["terms"]:
        for wrong in term.get("forbidden") or []:
            assert any(q["query"] == wrong and q["find"] == term_url(term) for q in QUERIES), (term["id"], wrong)


def test_queries_are_what_they_say_they_are() -> None:
    text = site_text()
    for q in QUERIES:
        query, word = q["query"], q.get("word")
        if q["kind"] == "composing":  # what an IME shows on the way to the word
            assert jamo(word).startswith(jamo(query)) and query != word, q
        elif q["kind"] == "choseong":
            assert re.fullmatch(r"[ㄱ-ㅎ ]+", query) and initials(word) == query, q
        elif q["kind"] == "typo":  # one jamo off, and not a word of the site
            assert distance(jamo(query), jamo(word)) == 1, q
            assert all(part in word.split() or part not in text for part in query.split()), q
        elif q["kind"] == "loanword":
            assert re.fullmatch(r"[가-힣 ]+", query), q
    # An IME never shows 컨테ㅇ (it shows 컨텡), but the states it shows are what was meant.
    assert composing_states("컨테이너") == ["ㅋ", "커", "컨", "컨ㅌ", "컨테", "컨텡", "컨테이", "컨테인", "컨테이너"]
    assert "하이펍" in composing_states("하이퍼바이저") and "하이퍼바잊" in composing_states("하이퍼바이저")
    assert "반가상호" in composing_states("반가상화")


@pytest.mark.parametrize("case", QUERIES, ids=[f"{q['kind']}:{q['query']}" for q in QUERIES])
def test_query_finds_its_page_or_section(search_worker, case: dict) -> None:
    groups = search_worker.groups(case["query"])
    assert case["find"] in top_results(groups), _shown(case, groups)
    if case.get("first"):
        assert ranks_first(groups, case["find"]), _shown(case, groups)


@pytest.mark.parametrize("case", TERM_QUERIES, ids=[f"{q['term']}:{q['query']}" for q in TERM_QUERIES])
def test_every_glossary_name_ranks_its_section_first(search_worker, case: dict) -> None:
    groups = search_worker.groups(case["query"])
    assert ranks_first(groups, case["find"]), _shown(case, groups)


@pytest.mark.parametrize("word", FLICKER_WORDS)
def test_results_do_not_flicker_while_the_word_is_composed(search_worker, word: str) -> None:
    # A short prefix may first show another word it begins (하이 → 하이퍼콜); once a state
    # shows the finished word's best result, every later state keeps showing it, and the
    # composing states the issue names (컨테인, 하이펍, 하이퍼바잊, …) never show another.
    shown = [(state, best_result(search_worker.groups(state))) for state in typed_states(word)]
    final = shown[-1][1]
    assert final is not None, shown[-1]
    first = next(i for i, (_, best) in enumerate(shown) if best == final)
    flickers = [f"{state} → {best}" for state, best in shown[first:] if best != final]
    assert not flickers, f"{word} → {final}; on the way: " + ", ".join(flickers)
    assert first < len(shown) - 1 or len(shown) == 1, f"{word}: only the finished word finds {final}"


def typed_states(word: str) -> list[str]:
    """What the box shows on the way to `word` (browsing.composing_states), ending with `word`."""
    states = composing_states(word)
    return states if states[-1:] == [word] else [*states, word]  # 컨테ㅇ: typed jamo by jamo


@pytest.mark.parametrize(("query", "term_id", "named"), EMPTY_QUERIES)
def test_a_query_two_jamo_off_finds_nothing(search_worker, query: str, term_id: str, named: str) -> None:
    # What the browser test of the suggestion starts from: Material's list says nothing matched.
    assert search_worker.groups(query) == []
