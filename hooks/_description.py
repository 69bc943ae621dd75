"""A page's description: the sentence or two a link preview and a search engine show.

The writer's front matter `description:` wins. Otherwise it is the page's opening prose
paragraph after the `# title` (admonitions, lists, tables, fences and HTML skipped, up to
the first `##`), as plain text (links and glossary references become their text, footnote
marks go, inline code stays as its text), cut at a Korean sentence end (…다. …요. ? !) to
at most MAX_LENGTH characters; a first sentence longer than that is cut at a space and ends
with "…".

Pure functions: hooks/previews.py puts the result into `page.meta["description"]`, which
other hooks read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from _source import front_matter_end

MAX_LENGTH = 160  # about what a link preview or a search result shows before cutting
MAX_WRITTEN_LENGTH = 200  # a front-matter description longer than this is a problem
ELLIPSIS = "…"


@dataclass(frozen=True)
class Description:
    text: str
    line: int  # 1-based line in the source (front matter included) where it is written
    written: bool  # the front matter's `description:`, not taken from the opening paragraph


def page_description(source: str, meta: dict) -> Description | None:
    """The page's description, or None when it has neither a front-matter description
    nor an opening paragraph. `source` is the file as saved (front matter included),
    `meta` its parsed front matter."""
    lines = source.split("\n")
    body_start = front_matter_end(lines)
    if "description" in meta:
        written = meta["description"]
        text = " ".join(str(written).split()) if written is not None else ""
        line = next((number for number, text_line in enumerate(lines[:body_start], start=1)
                     if re.match(r"description\s*:", text_line)), 1)
        return Description(text, line, written=True)
    for line, markdown in opening_paragraphs(lines, body_start):
        text = plain_text(markdown)
        if text:  # not a paragraph of an image alone
            return Description(trim_to_sentences(text), line, written=False)
    return None


def opening_paragraphs(lines: list[str], start: int = 0) -> Iterator[tuple[int, str]]:
    """(1-based line, Markdown) of each prose paragraph after the `# title`, up to the
    first `##` heading."""
    index = start
    title = next((i for i in range(start, len(lines)) if re.match(r"#\s", lines[i])), None)
    if title is not None:
        index = title + 1
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
        elif re.match(r"#{1,6}\s", stripped):
            return  # the opening ends at the first section
        elif fence := re.match(r"\s*(`{3,}|~{3,})", line):
            marker = fence.group(1)
            index += 1
            while index < len(lines) and not re.match(rf"\s*{marker[0]}{{{len(marker)},}}\s*$", lines[index]):
                index += 1
            index += 1
        elif re.match(r"(!!!|\?\?\?\+?|===)\s", stripped) or line.startswith(("    ", "\t")):
            # An admonition, a collapsible block or a tab: its indented body follows.
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith(("    ", "\t"))):
                index += 1
        elif _NOT_PROSE.match(stripped):
            while index < len(lines) and lines[index].strip():  # the whole block
                index += 1
        else:
            first = index
            while index < len(lines) and lines[index].strip() and not _NOT_PROSE.match(lines[index].strip()):
                index += 1
            yield first + 1, "\n".join(lines[first:index])


def plain_text(markdown: str) -> str:
    """A paragraph of Markdown as the reader reads it, on one line."""
    code: list[str] = []

    def keep_code(match: re.Match) -> str:
        code.append(match.group(2).strip())
        return f"\0{len(code) - 1}\0"

    text = re.sub(r"(`+)(.+?)\1", keep_code, markdown, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]", lambda m: (m.group(2) or m.group(1)).strip(), text)
    text = re.sub(r"\[\^[^\]]+\]", "", text)  # footnote marks
    text = re.sub(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", text)  # inline and reference links
    text = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", text)  # autolinks
    text = re.sub(r"<[^>\n]+>", "", text)  # HTML tags
    text = re.sub(r"\{:?\s*[#.][^}]*\}", "", text)  # attribute lists
    text = re.sub(r"\*+", "", text)  # emphasis
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)  # backslash escapes
    text = html.unescape(text)
    text = re.sub(r"\0(\d+)\0", lambda m: code[int(m.group(1))], text)
    return " ".join(text.split())


def trim_to_sentences(text: str, limit: int = MAX_LENGTH) -> str:
    """As many whole sentences as fit in `limit` characters; a longer first sentence
    is cut at a space and ends with an ellipsis."""
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        joined = f"{kept} {sentence}" if kept else sentence
        if len(joined) > limit:
            break
        kept = joined
    if kept:
        return kept
    cut = text.rfind(" ", 0, limit - len(ELLIPSIS) + 1)
    head = text[:cut] if cut > 0 else text[: limit - len(ELLIPSIS)]
    return head.rstrip(" ,·:;(") + ELLIPSIS


# A sentence ends after …다. …요. ? or ! (a closing quote or bracket may follow), then a space.
_SENTENCE_END = re.compile(r"(?:(?<=[다요]\.)|(?<=[?!])|(?<=[다요]\.[\"”’)])|(?<=[?!][\"”’)]))\s+")
# Blocks that are no prose paragraph: lists, tables, quotes, HTML, footnote, link and
# abbreviation definitions, rules.
_NOT_PROSE = re.compile(r"([-*+]|\d+[.)])\s|\||>|<|\[\^[^\]]+\]:|\[[^\]]+\]:\s|\*\[[^\]]+\]:|(-{3,}|\*{3,}|_{3,})$")
