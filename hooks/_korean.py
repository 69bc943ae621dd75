"""Korean as the hooks read it: which particles and endings may follow a word.

Shared by the glossary (tooltips on 하이퍼바이저가, 컨테이너는) and the search (its
analyzer strips the same list), so both read Korean alike. Pure data and regexes.
"""

from __future__ import annotations

import re

# Particles and endings that may follow a term: 하이퍼바이저가, 컨테이너들은, 격리된, 가상머신에서는.
# Anything else glued to the term makes another word (컨테이너화), which is not the term.
PARTICLES = sorted(
    """들 이 가 은 는 을 를 의 에 로 와 과 도 만 나 며 고 다 라 란 인 일 임 든 면 야 께 요 뿐 엔
    에서 에게 으로 이나 이며 이고 이다 이라 이란 이든 이면 이야 인데 부터 까지 보다 처럼 만큼 마저 조차 밖에
    끼리 라고 라는 라면 한테 께서 에는 에도 에만 에의 와의 과의 와는 과는 와도 과도 만이 만을 만은 로는 로도
    로서 로써 에서는 에서도 에서의 으로는 으로도 으로서 으로써 이라는 이라고 이지만 입니다 이므로 이라면 로부터
    으로부터 에서부터 에게는 에게서 만으로 이었다 였다 이에요 예요 이죠 죠
    하 한 할 함 해 했 하는 하고 하며 하면 하여 하기 하지 하게 하다 한다 합니다 했다 해서 해야 해도
    된 될 됨 돼 됐 되는 되고 되며 되면 되어 되기 되지 되다 된다 됩니다 됐다 시키는 시킨 시켜""".split(),
    key=len,
    reverse=True,
)


def term_matcher(forms: list[str]) -> re.Pattern:
    """One regex for all forms: a whole word, optionally followed by particles.

    Longer forms win (컨테이너 가상화 before 컨테이너); the term itself is group 'term'.
    """
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    particles = "|".join(PARTICLES)
    return re.compile(
        rf"(?<![가-힣A-Za-z0-9_])(?P<term>{alternatives or '(?!)'})(?=(?:{particles}){{0,3}}(?![가-힣A-Za-z0-9_]))"
    )


def gloss_matcher(forms: list[str]) -> re.Pattern:
    """A form followed by a parenthesis: 하이퍼바이저(hypervisor), 가상머신 (virtual machine, VM).

    Whether the parenthesis holds the term's English name is checked by the caller.
    """
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣A-Za-z0-9_])(?P<term>{alternatives or '(?!)'})[ \t]?\((?P<inside>[^()\n]*)\)")


def abbr_baseline(forms: list[str]) -> re.Pattern:
    """What Python-Markdown's `abbr` extension matches: `\\bterm\\b` (for the benchmark)."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = ["ㅏ", "ㅐ", "ㅑ", "ㅒ", "ㅓ", "ㅔ", "ㅕ", "ㅖ", "ㅗ", "ㅗㅏ", "ㅗㅐ", "ㅗㅣ", "ㅛ", "ㅜ", "ㅜㅓ", "ㅜㅔ", "ㅜㅣ", "ㅠ",
            "ㅡ", "ㅡㅣ", "ㅣ"]
_FINALS = ["", "ㄱ", "ㄲ", "ㄱㅅ", "ㄴ", "ㄴㅈ", "ㄴㅎ", "ㄷ", "ㄹ", "ㄹㄱ", "ㄹㅁ", "ㄹㅂ", "ㄹㅅ", "ㄹㅌ", "ㄹㅍ", "ㄹㅎ",
           "ㅁ", "ㅂ", "ㅂㅅ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


# Compound jamo typed on their own, split the same way.
_COMPOUND = {"ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ",
             "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ", "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ",
             "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ"}


def jamo(text: str) -> str:
    """Syllables as jamo, compound vowels and finals split (also when typed on their own), as
    overrides/…/hangul.js's Hangul.jamo does: the search's "one jamo away" is measured on this."""
    out = []
    for char in text:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            out.append(_INITIALS[code // 588] + _MEDIALS[code % 588 // 28] + _FINALS[code % 28])
        else:
            out.append(_COMPOUND.get(char, char))
    return "".join(out)


def within_one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with at most one letter changed, added or removed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
