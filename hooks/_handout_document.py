"""The handout's one HTML document: every page's rendered content in reading order, made for paper.

What a page has for the screen and paper does not (pure functions over BeautifulSoup, no state):

- ids are page-local: every id becomes `<chapter>--<id>` (a diagram's own ids, already
  unique, stay) and each page's section gets the
  chapter's id, so a link between pages (`../host/#structure`) becomes a link inside the
  PDF (`#virtualization-host--structure`), which Chromium turns into a PDF destination;
- folded blocks are open, and each tab of a tab set is printed under its label;
- the 확인 문제 answers move to the end: a question stays where it is, with a link to its
  answer, and the answer links back;
- the permalink marks (¶) and the footnotes' back arrows are screen furniture and go;
- an external link prints its address after its text, decoded (handout.css), unless the
  text is the address;
- what the screen alone can use goes: permalinks, back arrows, code-line anchors and
  whatever a writer marked `{ .screen-only }`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from _source import page_slug

QUIZ_SECTION = "self-check"  # the id of every page's `## 확인 문제 { #self-check }`
PAGE_NUMBER_PLACEHOLDER = "000"  # the width a page number takes before the second pass


@dataclass(frozen=True)
class Chapter:
    src_uri: str  # "virtualization/host.md"
    url: str  # "virtualization/host/": the page's URL, relative to the site
    title: str
    part: str | None  # the nav section it is in ("가상화의 종류"), None at the top level
    content: str  # the page's rendered HTML (page.content)
    headings: list[tuple[str, str]]  # (id, text) of its h2 headings, for the table of contents

    @property
    def id(self) -> str:
        """'virtualization/host.md' -> 'virtualization-host': the chapter's id, stable."""
        return page_slug(self.src_uri)


@dataclass
class Answer:
    chapter: Chapter
    number: int
    question: str  # the question's text (HTML)
    body: str  # the answer (HTML)

    @property
    def question_id(self) -> str:
        return f"{self.chapter.id}--question-{self.number}"

    @property
    def answer_id(self) -> str:
        return f"{self.chapter.id}--answer-{self.number}"


@dataclass
class Document:
    chapters: list[tuple[Chapter, str]] = field(default_factory=list)  # (chapter, its HTML for paper)
    answers: list[Answer] = field(default_factory=list)


def assemble(chapters: list[Chapter], site_url: str) -> Document:
    """Every chapter's content made for paper, and the answers taken out of them."""
    by_url = {chapter.url: chapter for chapter in chapters}
    document = Document()
    for chapter in chapters:
        tree = BeautifulSoup(chapter.content, "html.parser")
        _drop_screen_furniture(tree)
        _unfold(tree)
        _print_every_tab(tree)
        document.answers += _take_answers(tree, chapter)
        _relink(tree, chapter, by_url, site_url)
        document.chapters.append((chapter, str(tree)))
    # Answers hold links too (to the section that explains): made for paper like the rest.
    for answer in document.answers:
        tree = BeautifulSoup(answer.body, "html.parser")
        _relink(tree, answer.chapter, by_url, site_url, ids=False)
        answer.body = str(tree)
    return document


def _drop_screen_furniture(tree: BeautifulSoup) -> None:
    # Permalinks, footnote back arrows, each code line's anchor (pymdownx.highlight's
    # anchor_linenums) and what a writer marked `{ .screen-only }` (a download link, a hint
    # about hovering): nothing a reader of paper can use.
    for mark in tree.select("a.headerlink, a.footnote-backref, a[id^='__codelineno'], .screen-only"):
        mark.decompose()


def _unfold(tree: BeautifulSoup) -> None:
    for details in tree.find_all("details"):
        details["open"] = ""


def _print_every_tab(tree: BeautifulSoup) -> None:
    """pymdownx.tabbed (alternate style): radio inputs, labels, then one block per label."""
    for tab_set in tree.select("div.tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tab_set.select(":scope > .tabbed-labels > label")]
        blocks = tab_set.select(":scope > .tabbed-content > .tabbed-block")
        printed = tree.new_tag("div", attrs={"class": "handout-tabs"})
        for label, block in zip(labels, blocks, strict=True):
            heading = tree.new_tag("p", attrs={"class": "handout-tab-label"})
            heading.string = label
            block.name, block["class"] = "div", "handout-tab"
            block.insert(0, heading)
            printed.append(block)
        tab_set.replace_with(printed)


def _take_answers(tree: BeautifulSoup, chapter: Chapter) -> list[Answer]:
    """Each `??? question` under 확인 문제: the question stays (numbered, with a link to its
    answer), the answer goes to the handout's end."""
    section = tree.find(id=QUIZ_SECTION)
    if section is None:
        return []
    answers = []
    for details in section.find_all_next("details", class_="question"):
        summary = details.find("summary")
        summary.extract()
        answer = Answer(chapter, len(answers) + 1, summary.decode_contents(), details.decode_contents())
        answers.append(answer)
        question = BeautifulSoup(
            f'<div class="handout-question" id="{answer.question_id}"><p><strong>문제 {answer.number}.</strong> '
            f'{answer.question}</p><p class="handout-see-answer"><a class="handout-page-ref" href="#{answer.answer_id}">'
            f'해답: <span data-page-of="{answer.answer_id}">{PAGE_NUMBER_PLACEHOLDER}</span>쪽</a></p></div>',
            "html.parser")
        details.replace_with(question)
    return answers


def _relink(tree: BeautifulSoup, chapter: Chapter, by_url: dict[str, Chapter], site_url: str, ids: bool = True) -> None:
    if ids:
        for element in tree.find_all(id=True):
            # A diagram's ids are already the site's own (`diagram-<page>-<n>`), and its
            # style rules and arrowheads refer to them: they stay as they are.
            if element.name != "svg" and element.find_parent("svg") is None and not element["id"].startswith(f"{chapter.id}--"):
                element["id"] = f"{chapter.id}--{element['id']}"
    for link in tree.find_all("a"):
        attribute = "href" if link.has_attr("href") else "xlink:href" if link.has_attr("xlink:href") else None
        if attribute is None:
            continue
        target = link[attribute]
        if target.startswith(f"#{chapter.id}--"):
            continue  # made here (a question's link to its answer)
        parts = urlsplit(target)
        if parts.scheme or target.startswith("//"):
            # Printed after the link's text (handout.css), decoded: a reader types what is
            # printed, and %EC%BB… is not readable. Not when the text is the address already.
            address = unquote(target)
            shown = link.get_text(strip=True)
            if shown not in (address, address.rstrip("/"), address.split("://", 1)[-1].rstrip("/")):
                link["data-print-url"] = address
            continue
        path = posixpath.normpath(posixpath.join(chapter.url, unquote(parts.path))) if parts.path else chapter.url
        target_chapter = by_url.get("" if path in (".", "") else path.strip("/") + "/")
        if target_chapter is None:
            # Not a page of the guide (a download such as the handout itself): its web address.
            link[attribute] = site_url.rstrip("/") + "/" + posixpath.normpath(posixpath.join(chapter.url, parts.path))
            continue
        fragment = unquote(parts.fragment)
        link[attribute] = f"#{target_chapter.id}--{fragment}" if fragment else f"#{target_chapter.id}"
