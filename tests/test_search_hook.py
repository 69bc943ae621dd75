"""hooks/search.py: what the browser-side Korean analyzer needs from the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site, load_hook
from support import edit, errors

korean = load_hook("_korean")


def _index(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def test_term_names_go_to_the_explaining_section_and_the_glossary_entry(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("search"), tmp_path / "out")
    keywords = {doc["location"]: doc.get("keywords") for doc in _index(site)["docs"]}
    # hypervisor: see index.md#structure; names: 하이퍼바이저, VMM, hypervisor
    assert keywords["glossary/#hypervisor"].split() == ["하이퍼바이저", "VMM", "hypervisor"]
    assert "hypervisor" in keywords["#structure"].split()
    # KVM's English name has spaces: it goes as one word into the low-boost `joined_names`
    # (for "kernel based …" queries), and not word by word into the keywords, where a
    # query "virtual" would rank it with the terms named by that very word.
    joined = {doc["location"]: doc.get("joined_names") for doc in _index(site)["docs"]}
    assert joined["glossary/#kvm"].split() == ["Kernel-basedVirtualMachine"]
    assert "Machine" not in keywords["glossary/#kvm"].split()
    assert keywords[""] is not None and "가상머신" in keywords[""]  # virtual-machine: see index.md


def test_index_is_written_as_utf8(fixture_site, tmp_path: Path) -> None:
    raw = (build_site(fixture_site("search"), tmp_path / "out") / "search/search_index.json").read_text("utf-8")
    assert "하이퍼바이저" in raw and "\\ud558" not in raw


def _site_data(site: Path) -> dict:
    """The SITE object the build wrote into the worker's Korean analyzer."""
    script = (site / "assets/javascripts/lunr/min/lunr.ko.min.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"/\* @@SITE \*/ (.*?) /\* SITE@@ \*/", script).group(1))


def test_analyzer_gets_the_glossary_particle_list(fixture_site, tmp_path: Path) -> None:
    data = _site_data(build_site(fixture_site("search"), tmp_path / "out"))
    assert data["particles"] == korean.PARTICLES


def test_synonyms_come_from_the_alias_file_and_the_glossary(fixture_site, tmp_path: Path) -> None:
    synonyms = _site_data(build_site(fixture_site("search"), tmp_path / "out"))["synonyms"]
    # docs/search-aliases.yml: what a reader types -> what the site writes, lower-cased
    assert synonyms["케이브이엠"] == ["kvm"]
    assert synonyms["linux"] == synonyms["리녹스"] == ["리눅스"]
    # glossary.yml: a forbidden spelling -> the term, a misspelling -> the right word
    assert synonyms["하이버바이저"] == ["하이퍼바이저"]
    assert synonyms["컨터이너"] == ["컨테이너"]
    assert synonyms["동잃한"] == ["동일한"]
    assert all(key == key.lower() and all(v == v.lower() for v in values) for key, values in synonyms.items())


def test_terms_carry_the_url_of_the_explaining_section(fixture_site, tmp_path: Path) -> None:
    config_file = fixture_site("search")
    glossary_file = config_file.parent / "docs" / "glossary.yml"
    text = glossary_file.read_text(encoding="utf-8")
    # KVM without `see`: its glossary entry explains it
    kvm_see = "리눅스를 하이퍼바이저로 만듭니다.\n    see:\n      - index.md\n"
    assert kvm_see in text
    glossary_file.write_text(text.replace(kvm_see, "리눅스를 하이퍼바이저로 만듭니다.\n"), encoding="utf-8")
    site = build_site(config_file, tmp_path / "out")
    terms = json.loads((site / "search/terms.json").read_text(encoding="utf-8"))
    grouped = _site_data(site)["terms"]  # the worker gets them grouped by URL
    assert sorted((name, url) for url, names in grouped.items() for name in names) == sorted((t["name"], t["url"]) for t in terms)
    urls = {term["name"]: term["url"] for term in terms}
    assert len(urls) == len(terms)  # one entry per name
    # every name: Korean, aliases, English; URLs from the site root, as the index's locations
    assert urls["하이퍼바이저"] == urls["VMM"] == urls["hypervisor"] == "#structure"
    assert urls["KVM"] == urls["Kernel-based Virtual Machine"] == "glossary/#kvm"
    locations = {doc["location"] for doc in _index(site)["docs"]}
    assert set(urls.values()) <= locations


@pytest.mark.parametrize(
    ("data_file", "old", "new", "expected"),
    [
        ("search-aliases.yml", "  - {site: 리눅스", "  - {site: Windows, typed: [윈도우, 윈도]}\n  - {site: 리눅스",
         "docs/search-aliases.yml:4: 별칭의 site 표기 'Windows'가 어느 페이지에도 없습니다 — "
         "본문이 지금 쓰는 표기로 site를 고치거나 이 항목을 지우세요"),
        ("search-questions.yml", "site: [만들고]", "site: [만들고, 기동]",
         "docs/search-questions.yml:4: 어느 페이지에도 없는 site 낱말: '기동' — "
         "본문이 그 뜻으로 지금 쓰는 낱말로 고치거나 빼세요"),
    ],
    ids=["alias", "question-table"],
)
def test_a_site_word_no_page_has_any_more_warns_at_its_line(
    fixture_site, warnings_log, tmp_path: Path, data_file: str, old: str, new: str, expected: str
) -> None:
    config_file = fixture_site("search")
    edit(config_file.parent / "docs" / data_file, old, new)
    with pytest.raises(Abort):  # a warning fails the strict build
        build_site(config_file, tmp_path / "out")
    messages = [r.getMessage() for r in warnings_log.records if r.name == "mkdocs.hooks.search"]
    assert messages == [expected]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("typed: [케이브이엠]", "typed: 케이브이엠",
         ["docs/search-aliases.yml:3: typed는 비어 있지 않은 문자열 목록이어야 합니다 — `typed: [윈도우, 윈도]`처럼 쓰세요"]),
        ("{site: KVM, typed: [케이브이엠]}", "{site: KVM, typed: [케이브이엠], note: x}",
         ["docs/search-aliases.yml:3: 항목은 site와 typed 두 키로 씁니다 — `- {site: 본문의 표기, typed: [치는 표기, …]}`처럼 쓰세요"]),
        ("typed: [linux, 리녹스]", "typed: [linux, 하이퍼바이저, 리녹스, 컨터이너, 리 녹스]",
         ["docs/search-aliases.yml:4: '하이퍼바이저'는 용어집의 용어 '하이퍼바이저'의 이름입니다 — "
          "용어집이 이미 찾고 설명하는 절을 맨 위에 올립니다 — 빼세요",
          "docs/search-aliases.yml:4: '컨터이너'는 용어집이 이미 '컨테이너'(으)로 바꿔 찾는 표기입니다 — 빼세요",
          "docs/search-aliases.yml:4: 띄어 쓴 표기 '리 녹스'는 검색어로 들어오지 않습니다 — "
          "검색어는 띄어쓰기에서 나뉩니다 — 붙여 쓴 표기만 넣으세요"]),
        ("{site: 리눅스,", "{site: kvm,",
         ["docs/search-aliases.yml:4: site 'kvm'가 두 번 나옵니다 (줄 3) — 한 항목으로 합치세요"]),
        ("aliases:", "alias:",
         ["docs/search-aliases.yml:1: 최상위에 `aliases:` 목록이 없습니다 — "
          "`aliases:` 아래에 `- {site: Windows, typed: [윈도우, 윈도]}`처럼 나열하세요"]),
    ],
    ids=["typed-not-a-list", "unknown-key", "typed-clashes", "site-twice", "no-aliases"],
)
def test_a_bad_alias_file_stops_the_build_with_line_and_fix(
    fixture_site, caplog, tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    config_file = fixture_site("search")
    edit(config_file.parent / "docs" / "search-aliases.yml", old, new)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert errors(caplog) == ["검색 별칭 파일에 문제가 있습니다:\n" + "\n".join(expected)]


def test_alias_yaml_syntax_error_names_the_line(fixture_site, caplog, tmp_path: Path) -> None:
    config_file = fixture_site("search")
    edit(config_file.parent / "docs" / "search-aliases.yml", "typed: [케이브이엠]}", "typed: [케이브이엠}")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    [error] = errors(caplog)
    assert re.fullmatch(r"docs/search-aliases\.yml:[34]: YAML 문법 오류: .+ — 들여쓰기와 괄호, 따옴표를 확인하세요", error)


def test_self_check_and_try_it_sections_rank_below_the_sections_that_explain(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("search")
    page = config.parent / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## 직접 해 보기 { #try-it }\n\n하이퍼바이저를 봅니다.\n\n"
                    "### 명령 하나 { #try-one }\n\n하이퍼바이저.\n\n## 확인 문제 { #self-check }\n\n하이퍼바이저란?\n",
                    encoding="utf-8")
    boosts = {doc["location"]: doc.get("boost") for doc in _index(build_site(config, tmp_path / "out", strict=False))["docs"]}
    assert boosts["#try-it"] == boosts["#try-one"] == boosts["#self-check"] == 0.3
    assert boosts["#structure"] is None


def test_the_question_table_reaches_the_analyzer(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("search"), tmp_path / "out")
    assert _site_data(site)["questions"] == {"filler": ["왜", "어떻게"],
                                             "meanings": [{"asked": ["만들"], "site": ["만들고"]}]}
    assert not (site / "search-questions.yml").exists(), "data, not a published file"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("filler: [왜, 어떻게]", "filler: 왜",
         "docs/search-questions.yml:2: filler는 띄어 쓰지 않은 낱말의 목록이어야 합니다 — `filler: [왜, 어떻게]`처럼 쓰세요"),
        ("{asked: [만들], site: [만들고]}", "{asked: [만들], site: [만들 고]}",
         "docs/search-questions.yml:4: 항목은 asked와 site 두 키로, 띄어 쓰지 않은 낱말의 목록으로 씁니다 — "
         "`- {asked: [뜨], site: [시작, 실행]}`처럼 쓰세요"),
        ("meanings:", "meaning:",
         "docs/search-questions.yml:3: 알 수 없는 항목 'meaning' — `filler`와 `meanings`만 쓸 수 있습니다"),
    ],
    ids=["filler-not-a-list", "spaced-site-word", "unknown-key"],
)
def test_a_bad_question_table_stops_the_build_with_line_and_fix(
    fixture_site, caplog, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    config_file = fixture_site("search")
    edit(config_file.parent / "docs" / "search-questions.yml", old, new)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    [error] = errors(caplog)
    assert error.startswith("질문 사전에 문제가 있습니다:\n") and expected in error, error


def test_latin_words_of_the_index_reach_the_analyzer_spelled_in_hangul(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("search"), tmp_path / "out")
    spelled = _site_data(site)["spelled"]
    assert "케이브이엠" in spelled["kvm"]  # the pages write KVM in capitals: read letter by letter
    # What the pages write in Hangul themselves is searched as it is, not shipped again.
    text = (config_text := (tmp_path / "search" / "docs" / "index.md").read_text(encoding="utf-8"))
    assert config_text and not [s for spellings in spelled.values() for s in spellings if s in text]
