"""Hangul spellings of Latin words (hooks/_latin_hangul.py): 외래어 표기법 over CMUdict, letters, pieces.

The generated spellings reach the analyzer through hooks/search.py (SITE.spelled); what a
reader then finds is in tests/test_search.py and tests/node/.
"""

from __future__ import annotations

import pytest

from builds import load_hook

latin_hangul = load_hook("_latin_hangul")
jamo, within_one_edit = load_hook("_korean").jamo, load_hook("_korean").within_one_edit


@pytest.mark.parametrize(
    ("word", "acronym", "expected"),
    [
        ("nat", True, {"냇", "엔에이티"}),             # short vowel + t: a final (제1항); letters for an acronym
        ("kvm", True, {"케이브이엠"}),
        ("l1tf", True, {"엘1티에프"}),                 # digits kept
        ("container", False, {"컨테이너"}),
        ("overlay", False, {"오버레이"}),               # without the ㄹㄹ of 어중의 l, as readers write (one jamo off it)
        ("docker", False, {"다커"}),                    # 도커, the o readers take from the spelling, is one jamo off
        ("linux", False, {"리넉스"}),                   # 리눅스 likewise
        ("seccomp", False, {"섹캄프"}),
        ("network", False, {"네트워크"}),               # consonant + w: two syllables (제3항)
        ("quick", False, {"퀵"}),                       # but kw one
        ("share", False, {"셰어"}),                     # sh palatal; r after e as 어
        ("firmware", False, {"펌웨어"}),
        ("virtual", False, {"버추얼"}),                 # 버츄얼 is one jamo off: found without shipping it
        ("vhost", False, {"브이호스트"}),               # pieces: a letter and a word
        ("userns", False, {"유저엔에스"}),
        ("containerd", False, {"컨테이너디"}),
        ("qcow2", False, {"큐카우2", "큐카우투"}),      # a digit kept, and said
        ("l1tf", True, {"엘원티에프"}),
        ("v", False, {"브이"}),                         # a letter alone is a letter
    ],
)
def test_a_latin_word_gets_the_spellings_readers_type(word: str, acronym: bool, expected: set[str]) -> None:
    assert expected <= latin_hangul.spellings(word, acronym=acronym)


def test_a_hyphenated_word_is_spelled_as_its_parts_run_together() -> None:
    assert "카피업" in latin_hangul.joined(["copy", "up"], set())
    assert "하이퍼브이" in latin_hangul.joined(["hyper", "v"], set())
    assert latin_hangul.joined(["nproc", "ops"], set()) == set(), "a part with no spelling gives none"


def test_a_word_no_dictionary_has_is_spelled_from_its_letters() -> None:
    assert latin_hangul.guessed_phones("kubevirt") == ["K", "Y", "UW", "B", "V", "ER", "T"]  # magic e: kube
    assert latin_hangul.spellings("kubevirt", acronym=False) == {"큐브버트"}  # not 큐브브이아이알티
    assert "베스" in latin_hangul.spellings("veth", acronym=False)  # besides the letters
    assert "고맥스프록스" in latin_hangul.spellings("gomaxprocs", acronym=False)


def test_a_word_that_does_not_begin_as_english_words_do_gets_no_guess() -> None:
    assert latin_hangul.spellings("nproc", acronym=False) == set()  # 느프록 would mislead


def test_no_two_spellings_shipped_are_one_jamo_apart() -> None:
    # The search finds a word one jamo off a spelling: shipping both would be waste.
    for word in ("overlay", "virtual", "linux", "docker", "throttled", "switch", "gomaxprocs", "nat"):
        found = sorted(latin_hangul.spellings(word, acronym=False))
        assert not [(a, b) for a in found for b in found if a < b and within_one_edit(jamo(a), jamo(b))], (word, found)


def test_spellings_are_hangul_and_digits_only() -> None:
    for word in ("containers", "hardware-assisted", "x86", "ipv6"):
        assert all(char.isdigit() or "가" <= char <= "힣" for spelling in latin_hangul.spellings(word, acronym=False)
                   for char in spelling), word
