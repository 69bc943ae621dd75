"""The glossary in Markdown: the glossary page's entries and the `[[term]]` reference syntax.

Written once for two readers: hooks/glossary.py puts the entries into the glossary page
(and turns references into tooltip links), hooks/markdown_copies.py puts the same entries,
in the same order, into the page's Markdown copy (and turns references into their text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.utils.meta import get_data

from _page_model import Heading, written_headings

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from _glossary_data import Glossary, Term

PLACEHOLDER = "<!-- glossary -->"  # where docs/glossary.md gets its entries

# `[[hypervisor]]`, `[[하이퍼바이저]]`, `[[hypervisor|하이퍼바이저가]]`: the page shows `text`, else `name`.
REFERENCE = re.compile(r"\[\[(?P<name>[^\]|\n]+)(?:\|(?P<text>[^\]\n]+))?\]\]")


def render_entries(glossary: Glossary, files: Files) -> str:
    """The glossary page body: initial-consonant sections, one entry per term, 가나다순."""
    lines: list[str] = []
    group = None
    headings: dict[str, list[Heading]] = {}  # page -> its written headings, read once
    for term in sorted(glossary.terms, key=_sort_key):
        initial = _initial(term.ko)
        if initial != group:
            group = initial
            lines += [f"## {initial} {{ #initial-{_INITIAL_IDS.get(initial, 'latin')} }}", ""]
        names = " · ".join([f"*{term.en}*", *(f"다른 이름: {alias}" for alias in term.aliases)])
        lines += [f"### {term.ko} {{ #{term.id} }}", "", names, "", f"**{term.short}**", "", term.long.strip(), ""]
        if term.see:
            places = [f"[{_section_title(target, files, headings)}]({target})" for target in term.see]
            lines += ["자세히: " + " · ".join(places), ""]
        if term.related:
            related = [f"[{glossary.by_id[other].ko}](#{other})" for other in term.related]
            lines += ["관련 용어: " + " · ".join(related), ""]
    return "\n".join(lines)


def _section_title(target: str, files: Files, headings: dict[str, list[Heading]]) -> str:
    """'페이지 제목 › 절 제목' for a `see` target, read from the target's Markdown: the page
    may not be rendered yet when the glossary page is."""
    page_path, _, anchor = target.partition("#")
    if page_path not in headings:  # the front matter's `# comment` lines are no headings
        headings[page_path] = list(written_headings(get_data(files.get_file_from_path(page_path).content_string)[0]))
    title = next((heading.title for heading in headings[page_path] if heading.level == 1), page_path)
    section = next((heading.title for heading in headings[page_path] if anchor and heading.id == anchor), None)
    return f"{title} › {section}" if section else title


def _sort_key(term: Term) -> tuple[int, str]:
    # 가나다순: Hangul syllables are in dictionary order in Unicode; Latin terms come last.
    return (0 if _is_hangul(term.ko[0]) else 1, term.ko.casefold())


def _initial(word: str) -> str:
    if not _is_hangul(word[0]):
        return "A–Z"
    consonant = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[(ord(word[0]) - 0xAC00) // 588]
    return {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}.get(consonant, consonant)


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


_INITIAL_IDS = {"ㄱ": "g", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s", "ㅇ": "ng",
                "ㅈ": "j", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}
