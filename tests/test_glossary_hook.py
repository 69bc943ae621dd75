"""hooks/glossary.py: one YAML source for the glossary page, tooltips and spelling rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from builds import build_site, load_hook
from support import edit, errors, messages

glossary = load_hook("glossary")
korean = load_hook("_korean")


def _content(site: Path, page: str) -> BeautifulSoup:
    html = (site / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def _line_of(config_file: Path, name: str, text: str) -> int:
    lines = (config_file.parent / "docs" / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


# -----------------------------------------------------------------------------
# The glossary page and tooltips
# -----------------------------------------------------------------------------


def test_glossary_page_lists_terms_in_korean_order_under_stable_ids(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("glossary"), tmp_path / "out")
    page = _content(site, "glossary/index.html")
    assert [h["id"] for h in page.select("h3")] == ["virtual-machine", "kernel", "container", "hypervisor", "kvm"]
    assert [h["id"] for h in page.select("h2")] == ["initial-g", "initial-k", "initial-h", "initial-latin"]
    entry = page.select_one("#hypervisor").find_next_sibling("p")
    assert "hypervisor" in entry.get_text() and "VMM" in entry.get_text()
    explained = [a["href"] for a in page.select("a") if a.get_text().startswith("하이퍼바이저 안내")]
    assert "../#structure" in explained
    assert not (site / "glossary.yml").exists(), "the data file is not published"


def test_first_use_gets_one_tooltip_link_even_with_a_particle(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("glossary"), tmp_path / "out")
    page = _content(site, "index.html")
    links = page.select("a.glossary-term")
    assert [(a["data-term"], a.get_text(), a.next_sibling[:1]) for a in links[:4]] == [
        ("hypervisor", "하이퍼바이저", "가"), ("virtual-machine", "가상머신", "을"),
        ("container", "컨테이너", "는"), ("kernel", "커널", "을"),
    ]
    assert len({a["data-term"] for a in links}) == len(links), "one link per term and page"
    tooltip = page.select_one('a[data-term="hypervisor"]')
    assert tooltip["href"] == "glossary/#hypervisor"
    assert tooltip["title"] == "하이퍼바이저(hypervisor): 가상머신을 만들고 실행하는 소프트웨어 계층입니다."


def test_no_tooltip_in_headings_code_links_or_diagrams(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("glossary"), tmp_path / "out")
    page = _content(site, "index.html")
    for element in page.select("h1, h2, code, pre, a:not(.glossary-term)"):
        assert not element.select("a.glossary-term"), element
    assert page.select_one("h1")["id"] == "하이퍼바이저-안내"
    assert "컨테이너화" in page.get_text() and not page.find("a", string="컨테이너화")


def test_no_tooltip_in_a_tab_label_or_a_fold_title() -> None:
    # A tab's <label> and a fold's <summary> are controls: a link there would navigate, not toggle.
    data = load_hook("_glossary_data")
    term = data.Term(id="kernel", ko="커널", en="kernel", short="운영체제의 핵심입니다.", long="…")
    html = '<label for="t">커널 탭</label><details><summary>커널 이야기</summary><p>커널은 하나입니다.</p></details>'
    linked, used = glossary.add_tooltips(html, data.Glossary("docs/glossary.yml", [term], {}), "glossary/")
    assert linked.startswith('<label for="t">커널 탭</label><details><summary>커널 이야기</summary><p><a class="glossary-term"')
    assert used == {"kernel"}


def test_explicit_reference_links_with_its_own_text(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("glossary"), tmp_path / "out")
    link = _content(site, "index.html").select_one('a[data-term="kvm"]')
    assert link.get_text() == "리눅스 하이퍼바이저"
    assert "[[" not in _content(site, "index.html").get_text()


# -----------------------------------------------------------------------------
# Errors in pages: strict build fails with file:line
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ("하이버바이저", "docs/index.md:{line}: 잘못된 표기 '하이버바이저' — '하이퍼바이저'(으)로 고치세요"),
        ("컨터이너", "docs/index.md:{line}: 잘못된 표기 '컨터이너' — '컨테이너'(으)로 고치세요"),
        ("동잃한", "docs/index.md:{line}: 잘못된 표기 '동잃한' — '동일한'(으)로 고치세요"),
    ],
)
def test_forbidden_spelling_fails_with_file_line_and_the_right_spelling(
    fixture_site, warnings_log, tmp_path: Path, wrong: str, message: str
) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "두 번째 등장이라", f"{wrong}의 두 번째 등장이라")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "glossary") == [message.format(line=_line_of(config_file, "index.md", wrong))]


@pytest.mark.parametrize("where", ['a["컨테이너"]', "accDescr: 커널과 컨테이너"], ids=["label", "accDescr"])
def test_forbidden_spelling_in_a_diagram_fails_at_its_line(fixture_site, warnings_log, tmp_path: Path, where: str) -> None:
    # A diagram's labels are drawn into the picture and its description is read out: text the reader gets.
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", where, where.replace("컨테이너", "하이버바이저"))
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    line = _line_of(config_file, "index.md", "하이버바이저")
    assert messages(warnings_log, "glossary") == [f"docs/index.md:{line}: 잘못된 표기 '하이버바이저' — '하이퍼바이저'(으)로 고치세요"]


@pytest.mark.parametrize("wrong", ["메세지", "디렉토리", "아키텍쳐", "쓰레드", "릴리즈"])
def test_the_fields_common_misspellings_are_forbidden_in_the_real_glossary(wrong: str) -> None:
    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "docs" / "glossary.yml").read_text(encoding="utf-8"))
    forbidden = {**data["spelling"], **{bad: term["ko"] for term in data["terms"] for bad in term.get("forbidden", [])}}
    assert wrong in forbidden, f"docs/glossary.yml should forbid '{wrong}'"


def test_forbidden_spelling_inside_code_is_allowed(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "`커널 코드`", "`하이버바이저`")
    build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "glossary") == []


def test_a_second_english_gloss_of_a_term_fails_with_the_first_line(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "하이퍼바이저가 가상머신을", "하이퍼바이저(hypervisor)가 가상머신(virtual machine)을")
    edit(config_file.parent / "docs" / "index.md", "다시 말해 하이퍼바이저는", "다시 말해 하이퍼바이저 (Hypervisor, VMM)는")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    first = _line_of(config_file, "index.md", "하이퍼바이저(hypervisor)")
    second = _line_of(config_file, "index.md", "하이퍼바이저 (Hypervisor, VMM)")
    assert messages(warnings_log, "glossary") == [
        f"docs/index.md:{second}: 용어 '하이퍼바이저'의 영어 설명이 다시 나옵니다: '하이퍼바이저 (Hypervisor, VMM)' "
        f"(처음: 줄 {first}) — 두 번째 괄호 설명을 지우세요"
    ]


def test_english_gloss_repeated_in_code_or_diagrams_is_allowed(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "하이퍼바이저가 가상머신을", "하이퍼바이저(hypervisor)가 가상머신을")
    edit(config_file.parent / "docs" / "index.md", "`커널 코드`", "`하이퍼바이저(hypervisor)`")
    edit(config_file.parent / "docs" / "index.md", 'a["컨테이너"]', 'a["하이퍼바이저(hypervisor)"]')
    build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "glossary") == []


def test_reference_to_an_undefined_term_fails_with_a_suggestion(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "[[kvm|리눅스 하이퍼바이저]]", "[[하이퍼바이져]]")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    line = _line_of(config_file, "index.md", "[[하이퍼바이져]]")
    assert messages(warnings_log, "glossary") == [
        f"docs/index.md:{line}: 용어집에 없는 용어입니다: '[[하이퍼바이져]]' — "
        "'[[하이퍼바이저]]'(으)로 고치거나 docs/glossary.yml에 추가하세요"
    ]


def test_unused_term_is_a_warning_at_its_line(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "index.md", "KVM은 [[kvm|리눅스 하이퍼바이저]]로도 불립니다.", "")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    line = _line_of(config_file, "glossary.yml", "- id: kvm")
    assert messages(warnings_log, "glossary") == [
        f"docs/glossary.yml:{line}: 어느 페이지에서도 쓰지 않은 용어입니다: 'KVM' — 본문에서 쓰거나 용어집에서 빼세요"
    ]


def test_see_target_with_a_missing_anchor_is_reported_in_the_yaml(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "glossary.yml", "index.md#structure\n  - id: virtual-machine", "index.md#structur\n  - id: virtual-machine")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    line = _line_of(config_file, "glossary.yml", "index.md#structur")
    assert messages(warnings_log, "glossary") == [
        f"docs/glossary.yml:{line}: 없는 앵커입니다: 'index.md#structur' — 'index.md#structure'(으)로 고치세요"
    ]


# -----------------------------------------------------------------------------
# A bad glossary file stops the build at start
# -----------------------------------------------------------------------------


FIX_TWICE = "한 항목에만 두고 다른 항목에서는 빼세요"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    ko: 커널", "    ko: 컨테이너",
         ["docs/glossary.yml:30: 용어 '컨테이너'가 두 번 정의되었습니다 (줄 21) — " + FIX_TWICE]),
        ("  - id: kernel", "  - id: container",
         ["docs/glossary.yml:30: id 'container'가 두 번 정의되었습니다 (줄 21) — 다른 id를 쓰거나 두 항목을 합치세요",
          "docs/glossary.yml:27: related의 id 'kernel'가 없습니다 — 용어집에 있는 id를 쓰세요"]),
        ("    related: [kernel]", "    related: [kernal]",
         ["docs/glossary.yml:27: related의 id 'kernal'가 없습니다 — 'kernel'(으)로 고치세요"]),
        ("  - id: kvm", "  - id: KVM_1",
         ["docs/glossary.yml:37: id 'KVM_1'는 영문 소문자·숫자·하이픈만 쓸 수 있습니다 — 예: `id: full-virtualization`"]),
        ("    en: kernel\n", "    english: kernel\n",
         ["docs/glossary.yml:32: 알 수 없는 키 'english' — 쓸 수 있는 키: aliases, en, forbidden, id, ko, long, related, see, short",
          "docs/glossary.yml:30: 필수 키 'en'가 없거나 비어 있습니다 — `en: …`를 넣으세요"]),
        ("    forbidden: [컨터이너]", "    forbidden: [컨테이]",
         ["docs/glossary.yml:24: 금지 표기 '컨테이'가 바른 표기 '컨테이너' 안에 들어 있습니다 — 더 긴 금지 표기를 쓰거나 빼세요"]),
        ("      - index.md#structure\n  - id: virtual-machine", "      - index.html\n  - id: virtual-machine",
         ["docs/glossary.yml:13: see 'index.html'는 'docs 기준 경로.md#앵커' 형식이어야 합니다 — "
          "예: `virtualization/hypervisor.md#structure`"]),
        ("      - index.md\n  - id: container", "      - 없는-페이지.md\n  - id: container",
         ["docs/glossary.yml:20: see의 페이지가 없습니다: '없는-페이지.md' — docs/ 기준 경로(.md 포함)를 확인하세요"]),
    ],
    ids=["term-twice", "id-twice", "unknown-related", "bad-id", "unknown-key", "forbidden-clash", "bad-see", "missing-see-page"],
)
def test_bad_glossary_file_stops_the_build_with_line_and_fix(
    fixture_site, caplog, tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "glossary.yml", old, new)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert errors(caplog) == ["용어집 파일에 문제가 있습니다:\n" + "\n".join(expected)]
    assert not (tmp_path / "out" / "index.html").exists()


def test_yaml_syntax_error_names_the_line(fixture_site, caplog, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    edit(config_file.parent / "docs" / "glossary.yml", "    ko: 커널", "    ko: [커널")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    [error] = errors(caplog)
    assert re.fullmatch(r"docs/glossary\.yml:3[1-2]: YAML 문법 오류: .+ — 들여쓰기와 따옴표를 확인하세요", error)


def test_missing_glossary_file_stops_the_build(fixture_site, caplog, tmp_path: Path) -> None:
    config_file = fixture_site("glossary")
    (config_file.parent / "docs" / "glossary.yml").unlink()
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert errors(caplog) == [
        "docs/glossary.yml이(가) 없습니다 — 용어집 원본 파일을 만드세요 (형식은 hooks/glossary.py 참고)"
    ]


# -----------------------------------------------------------------------------
# Particle-aware matching, against the `abbr` baseline
# -----------------------------------------------------------------------------

FORMS = ["하이퍼바이저", "컨테이너", "컨테이너 가상화", "커널", "가상머신", "격리", "KVM", "Dom0", "게스트 OS"]


@pytest.mark.parametrize(
    ("text", "term", "abbr_finds_it"),
    [
        ("하이퍼바이저가 자원을 나눕니다", "하이퍼바이저", False),
        ("컨테이너는 가볍습니다", "컨테이너", False),
        ("커널을 공유합니다", "커널", False),
        ("가상머신에서는 게스트 OS가 돕니다", "가상머신", False),
        ("컨테이너들은 격리된 프로세스입니다", "컨테이너", False),
        ("프로세스를 격리하는 방식", "격리", False),
        ("컨테이너 가상화의 장점", "컨테이너 가상화", False),
        ("KVM은 리눅스 커널 모듈입니다", "KVM", False),
        ("Xen의 Dom0와 DomU", "Dom0", False),
        ("게스트 OS 위에서", "게스트 OS", True),
        ("하이퍼바이저 위", "하이퍼바이저", True),
        ("(커널)", "커널", True),
    ],
)
def test_particle_aware_matching_finds_what_abbr_misses(text: str, term: str, abbr_finds_it: bool) -> None:
    match = korean.term_matcher(FORMS).search(text)
    assert match and match.group("term") == term
    assert bool(korean.abbr_baseline([term]).search(text)) is abbr_finds_it


@pytest.mark.parametrize("text", ["컨테이너화가 진행됩니다", "하이퍼바이저형 구조", "KVMs", "전커널", "Dom0s"])
def test_a_term_glued_into_another_word_is_not_the_term(text: str) -> None:
    assert korean.term_matcher(FORMS).search(text) is None
