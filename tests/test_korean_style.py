"""The guide's Korean, one copy-edit class per test (tests/korean_style.py says each rule).

A class that finds something lists every instance as docs/x.md:line with what to do.
"""

from __future__ import annotations

import pytest

import korean_style

SOURCES = korean_style.pages()


@pytest.mark.parametrize("name", list(korean_style.CLASSES))
def test_copy_edit_class_is_at_zero(name: str) -> None:
    check, fix = korean_style.CLASSES[name]
    found = [str(finding) for page, source in SOURCES.items() for finding in check(page, source)]
    assert not found, f"{name} — {fix}:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("name", "page", "written"),
    [
        ("-ege after a thing", "x.md", "커널은 프로세스에게 자원을 줍니다."),
        ("ipjang-eseo (standpoint)", "x.md", "게스트 입장에서 보면 다릅니다."),
        ("sentence of 150+ characters", "x.md", "가" * 149 + "다. 짧습니다."),
        ("i gasangmeosin / i hwangyeong (vague lab)", "x.md", "이 가상머신에서 기록했습니다."),
        ("everyday word glossed", "x.md", "커널(kernel)은 하나입니다."),
        ("question ending in -nikka", "x.md", '??? question "무엇이 다릅니까?"\n    답입니다.'),
        ("another word for a concept", "x.md", "컨테이너의 생명 주기를 봅니다. cgroups로 제한합니다."),
        ("binary size written as MB", "x.md", "메모리 한도 256MB를 겁니다."),
        ("abbreviation not spelled out", "x.md", "TLB를 비웁니다."),
        ("correction box with another title", "x.md", '!!! note "도커가 만든 게 아닙니다"\n    노트에는 달리 적혀 있었습니다.\n'),
    ],
    ids=lambda value: value if value in korean_style.CLASSES else "",
)
def test_each_class_finds_what_it_names(name: str, page: str, written: str) -> None:
    check, _ = korean_style.CLASSES[name]
    assert check(page, written), f"{name} should find something in: {written}"


@pytest.mark.parametrize(
    ("name", "page", "written"),
    [
        ("-ege after a thing", "x.md", "도커 그룹은 사용자에게 root 권한을 줍니다."),
        ("sentence of 150+ characters", "x.md", "가" * 140 + "다. " + "나" * 140 + "다."),
        ("everyday word glossed", "index.md", "커널(kernel)은 하나입니다."),
        ("everyday word glossed", "x.md", "`커널(kernel)`은 코드입니다."),
        ("another word for a concept", "x.md", "[cgroups(7)](https://man7.org/linux/man-pages/man7/cgroups.7.html)을 보세요."),
        ("abbreviation not spelled out", "x.md", "메모리 부족(OOM)이 나면 OOM 킬러가 움직입니다."),
        ("abbreviation not spelled out", "x.md", "TLB(Translation Lookaside Buffer)를 비웁니다."),
    ],
    ids=lambda value: value if value in korean_style.CLASSES else "",
)
def test_each_class_leaves_what_is_right(name: str, page: str, written: str) -> None:
    check, _ = korean_style.CLASSES[name]
    assert not check(page, written), f"{name} should find nothing in: {written}"


def test_every_word_a_page_translates_is_a_glossary_term_or_listed_as_none() -> None:
    # A word glossed in English is jargon to a newcomer: it gets an entry, or docs/glossary.yml
    # `not_terms` says it is deliberately none (an everyday word, a one-off translation).
    forms, not_terms = korean_style.glossary_forms()
    found = [str(f) for page, source in SOURCES.items() for f in korean_style.unlisted_glosses(page, source, forms | not_terms)]
    assert not found, "용어집에 항목을 더하거나 docs/glossary.yml의 not_terms에 넣으세요:\n" + "\n".join(found)


def test_a_translated_word_is_found_and_an_example_is_not() -> None:
    assert [f.text for f in korean_style.unlisted_glosses("x.md", "이미지 다이제스트(digest)를 봅니다.", set())] == ["다이제스트(digest)"]
    assert not korean_style.unlisted_glosses("x.md", "이미지 다이제스트(digest)를 봅니다.", {"다이제스트"})
    assert not korean_style.unlisted_glosses("x.md", "장치 모델(QEMU)이 흉내 냅니다. 처리될 수도(vhost) 있습니다.", set())
