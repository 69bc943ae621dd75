"""One model of a page, read by every hook: its source, links, headings, anchors and glossary uses.

A page is read from the parse MkDocs renders it with, not from patterns over the
Markdown. `PageModelExtension` (added to the build's Markdown extensions by
`_build.build_of`) reads Python-Markdown's element tree after the toc extension
has given every heading its id and before MkDocs rewrites links into URLs:

- links: every `href`/`src` the reader gets, from the tree and from raw HTML
  (Python-Markdown keeps raw HTML aside, in its stash). What is code or an HTML
  comment is no element of the tree, so it is never a link. The parse keeps no
  line numbers: each link's line is where its target is written in the source
  (`](target`, `]: target`, `href="target"`, `<target>`), the k-th link to a
  target at the k-th place it is written. A link whose target is written nowhere
  was made by a hook or an extension (the glossary page's entries, heading
  permalinks, footnote marks); the hook that made it checks its own source.
- headings: level, id, title, and the line of the heading in the source;
- anchors: every id of the page (headings, attr_list ids, footnotes, raw HTML),
  NFC-normalised once, plus the old ids it keeps in front matter (`anchor_aliases`,
  see hooks/stable_urls.py);
- glossary uses: the terms the page uses (filled by hooks/glossary.py).

Pure data and a tree reader; the per-build collection of models is `_build.Build`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from _glossary_data import TOOLTIP_CLASS
from _source import LineIndex, mask_code

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from markdown import Markdown


@dataclass(frozen=True)
class Link:
    path: str  # docs/x.md, where the link is written
    line: int
    target: str  # as written
    src_uri: str  # x.md, the page it is written in
    is_image: bool = False

    @property
    def is_external(self) -> bool:
        return urlsplit(self.target).scheme in ("http", "https")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None  # None: a written heading without `{ #id }` (written_headings)
    title: str  # as the reader sees it (as written, for written_headings)
    line: int | None  # in the source; None for a heading a hook generated (the glossary's entries)


@dataclass
class PageModel:
    src_uri: str  # x.md
    path: str  # docs/x.md, as messages name it
    source: str  # the file as the writer saved it, front matter included: lines match the editor
    meta: dict  # the front matter
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # every id in the rendered page, NFC
    # old id -> id, from front matter `anchor_aliases`: the well-formed entries whose id exists
    aliases: dict[str, str] = field(default_factory=dict)
    # Every anchor a link may name on this page (ids and aliases), NFC; None until the page is read.
    anchors: frozenset[str] | None = None
    glossary_uses: set[str] = field(default_factory=set)  # term ids, from hooks/glossary.py
    # Read by `Build.every_page` for the checks across pages, not rendered by MkDocs in
    # this build (`--dirty`): no hook's on_page_content saw it.
    rendered_here: bool = False

    @property
    def read(self) -> bool:
        """The parse has been read: links, headings, ids and anchors are known."""
        return self.anchors is not None

    @cached_property
    def text(self) -> str:
        """The source with code and HTML comments blanked out, lines kept: for text checks
        (spellings, glossary references) that must not look into code samples."""
        return mask_code(self.source)

    @cached_property
    def reader_text(self) -> str:
        """`text` with the diagrams' sources kept: their labels, accTitle and accDescr are
        words the reader sees (drawn into the picture, or read out by a screen reader), so
        spelling rules apply to them too. Mermaid's own syntax holds no Korean."""
        return mask_code(self.source, keep=("mermaid",))

    def line(self, offset: int) -> int:
        """The 1-based line of an offset in `source` (and in `text`, which keeps its lines)."""
        return self._lines.line(offset)

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.source)

    def heading_line(self, anchor: str) -> int | None:
        """The source line of the heading with this id (or an alias of it)."""
        anchor = self.aliases.get(anchor, anchor)
        return next((heading.line for heading in self.headings if heading.id == anchor), None)


def normalize_anchor(anchor: str) -> str:
    """Hangul may come decomposed (NFD) from some editors and URLs: compare in NFC."""
    return unicodedata.normalize("NFC", anchor)


class PageModelExtension(Extension):
    """Reads each rendered page's element tree into the model of the page being rendered."""

    def __init__(self, rendering: Callable[[], PageModel | None]) -> None:
        super().__init__()
        self._rendering = rendering

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After 'toc' (5) and 'attr_list' (8) set the ids, before MkDocs' 'relpath' (0)
        # turns `x.md` into URLs and 'unescape' (0) finishes the text.
        md.treeprocessors.register(_TreeReader(md, self._rendering), "page_model", 3)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _TreeReader(Treeprocessor):
    def __init__(self, md: Markdown, rendering: Callable[[], PageModel | None]) -> None:
        super().__init__(md)
        self._rendering = rendering

    def run(self, root: Element) -> None:
        model = self._rendering()
        if model is None or model.read:
            return  # Markdown rendered for something other than a page
        _read_tree(model, root, self.md)


def _read_tree(model: PageModel, root: Element, md: Markdown) -> None:
    written: list[tuple[str, bool]] = []  # (target, is_image), in document order
    for element, raw in _in_document_order(root, md):
        found = _RawHtml.read(raw) if raw is not None else _element_html(element, md)
        model.ids |= {normalize_anchor(anchor) for anchor in found.ids}
        written += found.targets
        if element is not None and element.tag in _HEADING_LEVELS and element.get("id"):
            model.headings.append(Heading(_HEADING_LEVELS[element.tag], element.get("id"), _heading_text(element, md), None))
    definitions = [url for url, _title in getattr(md, "references", {}).values()]
    model.links = _located_links(model, written, definitions)
    model.headings = _located_headings(model)
    model.aliases = _kept_aliases(model.meta.get("anchor_aliases"), model.ids)
    model.anchors = frozenset(model.ids | {normalize_anchor(old) for old in model.aliases})


def _kept_aliases(written: object, ids: set[str]) -> dict[str, str]:
    """The well-formed `anchor_aliases` entries whose id is on the page (hooks/stable_urls.py
    reports the others)."""
    if not isinstance(written, dict):
        return {}
    return {old: new for old, new in written.items()
            if isinstance(old, str) and isinstance(new, str) and normalize_anchor(new) in ids}


def _in_document_order(root: Element, md: Markdown) -> Iterator[tuple[Element | None, str | None]]:
    """Each element of the tree, and each piece of raw HTML where its placeholder stands,
    in the order the reader meets them: (element, None) or (None, raw HTML)."""
    stash = md.htmlStash.rawHtmlBlocks

    def raw_in(text: str | None) -> Iterator[tuple[None, str]]:
        for placeholder in _STASHED.finditer(text or ""):
            index = int(placeholder.group(1))
            if index < len(stash) and isinstance(stash[index], str):
                yield None, stash[index]

    def walk(element: Element) -> Iterator[tuple[Element | None, str | None]]:
        yield element, None
        yield from raw_in(element.text)
        for child in element:
            yield from walk(child)
            yield from raw_in(child.tail)

    yield from walk(root)


def _element_html(element: Element, md: Markdown) -> _RawHtml:
    """An element's ids and link targets, read as _RawHtml reads raw HTML."""
    found = _RawHtml()
    unescape = md.treeprocessors["unescape"].unescape if "unescape" in md.treeprocessors else str
    found.handle_starttag(element.tag, [(name, unescape(value)) for name, value in element.attrib.items()])
    return found


def _located_links(model: PageModel, written: list[tuple[str, bool]], definitions: list[str]) -> list[Link]:
    """Each link the reader gets, at the line where its target is written.

    The k-th link to a target, in document order, is at the k-th place the target is written
    in the text's flow (`](t`, `href="t"`, `<t>`). A link with no such place left is a reference
    link, written in its definition (`[id]: t`). A definition no link uses is checked too: it
    is broken where it is written."""
    places: dict[str, list[tuple[int, bool]]] = {}  # as written -> (offset, is a definition), in order
    for match in _WRITTEN_TARGET.finditer(model.text):
        name = next(name for name, value in match.groupdict().items() if value is not None)
        places.setdefault(match.group(name), []).append((match.start(name), name.startswith("definition")))
    in_flow: dict[str, list[int]] = {}  # target -> offsets, in order; a link takes the first
    defined: dict[str, list[int]] = {}  # target -> offsets of its reference definitions
    for target in {target for target, _ in written} | set(definitions):
        offsets = [place for form in _written_forms(target) for place in places.get(form, [])]
        if not offsets and _UNSPLIT.search(target):  # `](a_(b).md)`: the one pass stops at `)`
            offsets = [(m.end("before"), m.group("before").startswith("]:"))
                       for form in _written_forms(target) for m in _target_pattern(form).finditer(model.text)]
        in_flow[target] = sorted(offset for offset, is_definition in offsets if not is_definition)
        defined[target] = sorted(offset for offset, is_definition in offsets if is_definition)
    links, used_definitions = [], set()
    for target, is_image in written:
        if in_flow[target]:
            offset = in_flow[target].pop(0)
        elif defined[target]:
            offset = defined[target][0]
            used_definitions.add(offset)
        else:
            continue  # written nowhere in the source: made by a hook or an extension
        links.append(Link(model.path, model.line(offset), target, model.src_uri, is_image))
    for target in definitions:
        links += [Link(model.path, model.line(offset), target, model.src_uri)
                  for offset in defined[target] if offset not in used_definitions]
    links = [link for link in links if link.target and not link.target.startswith(_NOT_PAGES)]
    # One link per place: a reference definition used twice is written once.
    return sorted(dict.fromkeys(links), key=lambda link: link.line)


def _written_forms(target: str) -> list[str]:
    """How a target the parser read may be written: as is, with HTML entities, with backslash escapes."""
    forms = [target, html.escape(target, quote=False), re.sub(r"([\\`*_{}\[\]()#+\-.!])", r"\\\1", target)]
    return list(dict.fromkeys(forms))


def _target_pattern(target: str) -> re.Pattern:
    # The whole target, not the start of a longer one (`a.md` in `a.md#b`).
    return re.compile(rf"(?P<before>\]\(\s*<?|\]:[ \t]*<?|\b(?:href|src)\s*=\s*[\"']?|<){re.escape(target)}(?=[\s)>\"']|$)")


def _located_headings(model: PageModel) -> list[Heading]:
    """The tree's headings, each given the line of the source heading it came from."""
    written = list(written_headings(model.source, model.text))
    located, start = [], 0
    for heading in model.headings:
        wanted = _plain(heading.title)
        for index in range(start, len(written)):
            if written[index].id == heading.id or (written[index].id is None and _plain(written[index].title) == wanted):
                located.append(Heading(heading.level, heading.id, heading.title, written[index].line))
                start = index + 1
                break
        else:
            located.append(heading)  # generated by a hook: no line of its own
    return located


def written_headings(source: str, text: str | None = None) -> Iterator[Heading]:
    """Each ATX or setext heading as written in a Markdown source, outside code: its level,
    the id written in `{ #id }` or None, its title as written, its line. `text` is the
    source with code blanked out (mask_code), if already at hand. For a page not yet
    rendered (the glossary page names other pages' sections before they are)."""
    masked = (text if text is not None else mask_code(source)).split("\n")
    for number, (line, written) in enumerate(zip(masked, source.split("\n")), 1):
        if _ATX.match(line):  # outside code; the title as written, code spans included
            atx = _ATX.match(written)
            level, title = len(atx.group("marks")), atx.group("title")
        elif line.strip() and number < len(masked) and (setext := _SETEXT.match(masked[number])):
            level, title = 1 if "=" in setext.group(0) else 2, written.strip()
        else:
            continue
        attributes = _ATTRIBUTES.search(title)
        explicit = re.search(r"#([^\s}]+)", attributes.group(0)) if attributes else None
        yield Heading(level, explicit.group(1) if explicit else None, _ATTRIBUTES.sub("", title), number)


def _heading_text(element: Element, md: Markdown) -> str:
    """A heading's text as the reader sees it, without the permalink the toc extension adds.
    Inline code may still be raw HTML in the stash (pymdownx.inlinehilite): its text counts."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or "").split():
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    stash = md.htmlStash.rawHtmlBlocks
    text = _STASHED.sub(lambda m: _TAG.sub("", str(stash[int(m.group(1))])) if int(m.group(1)) < len(stash) else "",
                        "".join(parts))
    return html.unescape(text).strip()


def _plain(title: str) -> str:
    """A title without Markdown marks, spaces and punctuation, to compare written with rendered."""
    return re.sub(r"[\W_]+", "", title.casefold())


class _RawHtml(HTMLParser):
    """Link targets and ids in raw HTML (comments are no elements, so nothing in them counts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[tuple[str, bool]] = []  # (target, is_image)
        self.ids: set[str] = set()

    @classmethod
    def read(cls, raw: str) -> _RawHtml:
        found = cls()
        if "<" in raw:
            found.feed(raw)
            found.close()
        return found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag not in _LINKING_TAGS or not _GENERATED_CLASSES.isdisjoint(values.get("class", "").split()):
            return
        for attribute in ("href", "src"):
            if attribute in values:
                self.targets.append((values[attribute], tag == "img"))


_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
_LINKING_TAGS = {"a", "img", "source", "iframe", "video", "audio", "link", "script"}
_NOT_PAGES = ("mailto:", "tel:", "javascript:", "data:")
_UNSPLIT = re.compile(r"[()\s\"'>]")  # what the one pass cannot hold in an unbracketed target
# Where link targets are written, in one pass over the text: `](t`, `](<t>`, `[id]: t` (not a footnote's `[^id]:`),
# `href="t"` (any quotes or none), `<scheme:…>`.
_WRITTEN_TARGET = re.compile(
    r"\]\(\s*(?:<(?P<inline_angle>[^>\n]*)>|(?P<inline>[^)\s]+))"
    r"|^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<(?P<definition_angle>[^>\n]*)>|(?P<definition>\S+))"
    r"|\b(?:href|src)\s*=\s*(?:\"(?P<html_double>[^\"]*)\"|'(?P<html_single>[^']*)'|(?P<html_bare>[^\s>\"']+))"
    r"|<(?P<autolink>[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>",
    re.M,
)
# Links that extensions and hooks add to a page: heading permalinks (toc), footnote marks
# and back-links (footnotes), glossary tooltips (hooks/glossary.py). Never the writer's.
_GENERATED_CLASSES = frozenset({"headerlink", "footnote-ref", "footnote-backref", TOOLTIP_CLASS})
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_ATTRIBUTES = re.compile(r"[ \t]*\{[^}]*\}[ \t]*$")
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")  # Python-Markdown's placeholder for stashed raw HTML
_TAG = re.compile(r"<[^>]*>")
