"""A page's Markdown as an assistant reads it: the writer's source, with everything only
this site's Markdown extensions understand turned into plain CommonMark.

hooks/markdown_copies.py publishes the result next to each page (`virtualization/host.md`)
and joins the copies into llms-full.txt. Pure functions over the source text, no MkDocs:

- front matter: dropped; the first `# 제목` is taken out as the copy's title;
- attribute lists (`{ #id }`, `{ .class }`): dropped; links to an anchor keep working, as
  every relative link becomes an absolute URL (`resolve`, given by the hook);
- ```` ```mermaid ````: a paragraph `**그림: accTitle** — accDescr`, the words a screen
  reader gets for the drawn picture;
- admonitions `!!! type "제목"`, `??? type "제목"`, `???+ …`: a blockquote, the title in bold;
- content tabs `=== "Linux"`: the label in bold, then the tab's body, dedented;
- glossary references `[[term]]`, `[[term|text]]`: the text the page shows;
- `<br>`: a line break (a space in a table row); HTML comments and the lines that open or
  close a `<div markdown>` wrapper: dropped;
- code, fenced or inline, is never touched; footnotes, tables, lists and quotes stay as written.

Any other HTML, or a `!!!`/`???`/`===` line that is no admonition or tab, is a problem at
its `docs/x.md:line`: the build fails rather than publish HTML in a Markdown copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from _glossary_page import REFERENCE
from _source import Problem, fences, front_matter_end, mask_code, problem


@dataclass
class Converted:
    title: str | None  # the source's `# 제목` (converted), if it starts with one
    body: str  # everything after the title, ending with one newline
    problems: list[Problem] = field(default_factory=list)


def convert(source: str, path: str, resolve: Callable[[str], str],
            located: Callable[[int], tuple[str, int]] | None = None) -> Converted:
    """The copy of the page `path` (docs/x.md, for messages) written as `source`.
    `resolve(target)` is the absolute URL of a link target as written in the page;
    `located(line)` is where a line of `source` was written, if not at that line of `path`
    (a generated source: the glossary's entries come from docs/glossary.yml)."""
    lines = source.split("\n")
    start = front_matter_end(lines)
    converter = _Converter(located or (lambda line: (path, line)), resolve)
    out = converter.block(lines[start:], first_line=start + 1)
    title = None
    first = next((index for index, line in enumerate(out) if line.strip()), None)
    if first is not None and (heading := _TITLE.match(out[first])):
        title, out = heading.group("title").strip(), out[first + 1 :]
    body = "\n".join(out).strip("\n")
    return Converted(title, body + "\n" if body else "", converter.problems)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _Converter:
    def __init__(self, located: Callable[[int], tuple[str, int]], resolve: Callable[[str], str]) -> None:
        self.located = located
        self.resolve = resolve
        self.problems: list[Problem] = []
        self.wrappers: list[str] = []  # open `<div markdown>` wrappers, innermost last

    def block(self, lines: list[str], first_line: int) -> list[str]:
        """Lines of Markdown at one level (the page, or a container's dedented body);
        `first_line` is the source line of `lines[0]`."""
        text = "\n".join(lines)
        at_line = {text.count("\n", 0, fence.start): fence for fence in fences(text)}
        out: list[str] = []
        prose_start, index = 0, 0

        def flush(end: int) -> None:
            if prose_start < end:
                out.extend(self.prose(lines[prose_start:end], first_line + prose_start))

        while index < len(lines):
            fence = at_line.get(index)
            container = None if fence else _CONTAINER.match(lines[index])
            if fence is None and container is None:
                index += 1
                continue
            flush(index)
            if fence is not None:
                last = text.count("\n", 0, fence.end)
                if fence.language == "mermaid":
                    out.append(_diagram(fence.body, _indent_of(lines[index])))
                else:
                    out.extend(lines[index : last + 1])  # code: as written
                index = last + 1
            else:
                width = _width(container.group("indent")) + 4
                end = _container_end(lines, index, width)
                body = [_dedent(line, width) for line in lines[index + 1 : end]]
                inner = self.block(body, first_line + index + 1)
                out.extend(self.container(container, inner, first_line + index))
                index = end
            prose_start = index
        flush(len(lines))
        return out

    def container(self, opening: re.Match, inner: list[str], line: int) -> list[str]:
        indent = opening.group("indent")
        while inner and not inner[0].strip():
            inner = inner[1:]
        if opening.group("tab") is not None:
            label = self.inline(opening.group("label"), line)
            return [f"{indent}**{label}**", "", *(f"{indent}{text}" if text.strip() else "" for text in inner)]
        title = opening.group("title")
        if title is None:  # as Material shows it: the type's name
            title = opening.group("type").split()[0].capitalize()
        quoted = [f"{indent}> {text}" if text.strip() else f"{indent}>" for text in inner]
        if not title.strip():  # `!!! note ""`: no title bar
            return quoted
        heading = f"{indent}> **{self.inline(title, line)}**"
        return [heading, f"{indent}>", *quoted] if quoted else [heading]

    def prose(self, lines: list[str], first_line: int) -> list[str]:
        for number, text in enumerate(lines, first_line):
            if _STRAY_MARKER.match(text):
                self.report(number, f"상자나 탭으로 읽히지 않는 줄입니다: '{text.strip()}'",
                            '`!!! note "제목"`, `??? question "질문"`, `=== "Linux"` 꼴로 쓰고 본문은 4칸 들여 쓰세요')
        converted = self.inline("\n".join(lines), first_line).split("\n")
        # One blank line where dropped lines (a wrapper's tags, a comment) leave several.
        return [text for index, text in enumerate(converted)
                if text.strip() or index == 0 or converted[index - 1].strip()]

    def inline(self, text: str, first_line: int) -> str:
        """Text outside code: each construct the page's extensions read, turned into Markdown."""
        # Inline code blanked, HTML comments kept: mask_code blanks both, so comments are hidden
        # from it under a same-length mark and shown again.
        searched = mask_code(text.replace("<!--", "\0!--")).replace("\0!--", "<!--")
        parts, last, reported = [], 0, set()
        for match in _INLINE.finditer(searched):
            line = first_line + text.count("\n", 0, match.start())
            kind = next(kind for kind in _KINDS if match.group(kind) is not None)
            replacement = self._replace(kind, match, text, line, reported)
            if replacement is None:
                continue
            parts += [text[last : match.start()], replacement]
            last = match.end()
        return "".join(parts) + text[last:]

    def _replace(self, kind: str, match: re.Match, text: str, line: int, reported: set[int]) -> str | None:
        original = text[match.start() : match.end()]
        if kind in ("comment", "attributes"):
            return ""
        if kind == "reference":
            written = REFERENCE.fullmatch(original)
            return written.group("text") or written.group("name").strip()
        if kind in ("link", "definition"):
            target = text[match.start(f"{kind}_target") : match.end(f"{kind}_target")]
            bracketed = target.startswith("<")
            resolved = self.resolve(target[1:-1] if bracketed else target)
            return match.group(kind) + (f"<{resolved}>" if bracketed else resolved)
        if kind == "br":
            own_line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
            return " " if own_line.lstrip().startswith("|") else "\n" + _indent_of(own_line)
        # kind == "tag": a `<div markdown>` wrapper's own lines go; any other HTML is a problem
        name = match.group("tag_name").lower()
        whole_line = _whole_line(text, match)
        if whole_line and not original.startswith("</") and _MARKDOWN_ATTRIBUTE.search(original):
            self.wrappers.append(name)
            return ""
        if whole_line and original.startswith("</") and self.wrappers and self.wrappers[-1] == name:
            self.wrappers.pop()
            return ""
        if line not in reported:
            reported.add(line)
            self.report(line, f"Markdown 사본으로 옮길 수 없는 HTML입니다: '{original}'",
                        "Markdown으로 바꿔 쓰세요 (옮기는 규칙: hooks/_markdown_copy.py)")
        return None

    def report(self, line: int, what: str, fix: str) -> None:
        self.problems.append(problem(*self.located(line), what, fix))


def _diagram(body: str, indent: str) -> str:
    title = _ACC_TITLE.search(body)
    description = _ACC_DESCR.search(body)
    label = f"**그림: {title.group(1).strip()}**" if title else "**그림**"
    return indent + label + (f" — {description.group(1).strip()}" if description else "")


def _container_end(lines: list[str], start: int, width: int) -> int:
    """The index after a container's body: the lines after its opening that are blank or
    indented `width` columns (4 more than the opening), without the blank lines that end it."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _width(_indent_of(lines[end])) >= width):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _whole_line(text: str, match: re.Match) -> bool:
    before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    after_end = text.find("\n", match.end())
    after = text[match.end() : after_end if after_end != -1 else len(text)]
    return not before.strip() and not after.strip()


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def _dedent(line: str, width: int) -> str:
    """The line without `width` columns of its indentation (a tab counts as 4)."""
    indent = _indent_of(line)
    return " " * max(_width(indent) - width, 0) + line[len(indent) :]


_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")
# An admonition or fold (Python-Markdown admonition, pymdownx.details), or a content tab (pymdownx.tabbed).
_CONTAINER = re.compile(
    r'^(?P<indent>[ \t]*)(?:'
    r'(?P<admonition>!!!|\?\?\?\+?)[ \t]*(?P<type>[\w-]+(?:[ \t]+[\w-]+)*)(?:[ \t]+"(?P<title>.*)")?'
    r'|(?P<tab>===[+!]?)[ \t]+"(?P<label>.*)"'
    r')[ \t]*$'
)
_STRAY_MARKER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===[+!]?)[ \t]+\S")
_ACC_TITLE = re.compile(r"^[ \t]*accTitle[ \t]*:(.*)$", re.M)
_ACC_DESCR = re.compile(r"^[ \t]*accDescr[ \t]*:(.*)$", re.M)
_ATTRIBUTE = r"""(?:[#.][\w:-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))"""
_INLINE = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<reference>\[\[[^\]|\n]+(?:\|[^\]\n]+)?\]\])"
    r"|(?P<link>\]\([ \t]*)(?P<link_target><[^>\n]*>|[^)\s]+)"
    r"|^(?P<definition>[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*)(?P<definition_target><[^>\n]*>|\S+)"
    rf"|(?P<attributes>[ \t]*(?<!\{{)\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}(?!\}}))"
    r"|(?P<br><br[ \t]*/?>)"
    r"|(?P<tag></?(?P<tag_name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>)",
    re.S | re.M,
)
_KINDS = ("comment", "reference", "link", "definition", "attributes", "br", "tag")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)[\"']?)?(?=[\s/>])")
