"""Glossary: docs/glossary.yml is the one source of terms, spellings and tooltips.

- At start, the YAML file is validated; a bad file stops the build with a
  PluginError that names the line and the fix.
- The glossary page (glossary.md) gets its entries from the file, in 가나다순,
  each under its stable id (`glossary/#hypervisor`).
- In every other page, a term's first use gets a link to its entry with the
  one-line definition as tooltip, also when a particle follows it (하이퍼바이저가,
  컨테이너는, 커널을), which Python-Markdown's `abbr` (`\\bterm\\b`) never matches.
  Never inside code, headings, links or diagrams.
- Writers can reference a term explicitly: `[[hypervisor]]`, `[[하이퍼바이저]]` or
  `[[hypervisor|하이퍼바이저가]]`. An unknown term is an error.
- A forbidden spelling in a page is an error, in prose and in diagrams' labels and
  descriptions alike; a term no page uses is a warning.
- A page glosses a term with its English name once, at first use: a second
  `하이퍼바이저(hypervisor)` on the same page (outside code) is a warning.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from _build import build_of
from _glossary_data import GLOSSARY_PAGE, TOOLTIP_CLASS, Glossary, Term
from _glossary_page import PLACEHOLDER, REFERENCE, render_entries
from _page_model import normalize_anchor
from _source import anchor_fix, closest, mask_code, problem

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from _page_model import PageModel

log = logging.getLogger("mkdocs.hooks.glossary")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    _ = build_of(config).glossary  # a bad glossary file stops the build before any page is read


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    glossary = build_of(config).glossary
    if files.get_file_from_path(GLOSSARY_PAGE) is None:
        raise PluginError(f"용어집 페이지 docs/{GLOSSARY_PAGE}가 없습니다 — 제목과 `{PLACEHOLDER}` 한 줄로 만드세요")
    missing = [
        problem(glossary.path, term.see_lines[index], f"see의 페이지가 없습니다: '{target}'",
                "docs/ 기준 경로(.md 포함)를 확인하세요")
        for term in glossary.terms for index, target in enumerate(term.see)
        if files.get_file_from_path(target.split("#")[0]) is None
    ]
    if missing:
        raise PluginError("용어집 파일에 문제가 있습니다:\n" + "\n".join(missing))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = build_of(config)
    glossary, model = build.glossary, build.page(page)  # the page as written, so lines match the editor
    for message in _spelling_problems(model, glossary) + _reference_problems(model, glossary) + _gloss_problems(model, glossary):
        build.report(log, message)
    if "[[" in markdown:
        glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.url)
        markdown = _replace_references(markdown, glossary, glossary_url)
    if page.file.src_uri == GLOSSARY_PAGE:
        if PLACEHOLDER not in markdown:
            build.report(log, problem(model.path, 1, f"용어집 자리표시 `{PLACEHOLDER}`가 없습니다",
                                "용어 목록이 들어갈 자리에 그 한 줄을 넣으세요"))
        markdown = markdown.replace(PLACEHOLDER, render_entries(glossary, files))
    return markdown


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == GLOSSARY_PAGE:
        return html_text
    build = build_of(config)
    glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.url)
    html_text, used = add_tooltips(html_text, build.glossary, glossary_url)
    build.page(page).glossary_uses = used
    return html_text


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    # Every page is rendered by now: usage and anchors are known.
    build = build_of(config)
    glossary = build.glossary
    models = build.every_page(files)
    for file in files.documentation_pages():  # pages a --dirty build did not render: no on_page_content ran
        model = build.model(file.src_uri)
        if model is not None and model.rendered_here and file.page is not None and file.page.content:
            model.glossary_uses = add_tooltips(file.page.content, glossary, "")[1]
    used = {term for model in models for term in model.glossary_uses}
    for term in glossary.terms:
        if term.id not in used:
            build.report(log, problem(glossary.path, term.line, f"어느 페이지에서도 쓰지 않은 용어입니다: '{term.ko}'",
                                "본문에서 쓰거나 용어집에서 빼세요"))
        for index, target in enumerate(term.see):
            page_path, _, anchor = target.partition("#")
            model = build.model(page_path)
            known = model.anchors if anchor and model is not None else None
            if known is not None and normalize_anchor(anchor) not in known:
                fix = anchor_fix(anchor, known, page_path, prefix=page_path)
                build.report(log, problem(glossary.path, term.see_lines[index], f"없는 앵커입니다: '{target}'", fix))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def add_tooltips(html_text: str, glossary: Glossary, glossary_url: str) -> tuple[str, set[str]]:
    """Link each term's first use on the page; return the new HTML and the ids used."""
    linked = set(_EXPLICIT_ID.findall(html_text))  # a [[term]] reference already links its term
    used = set(linked)
    parts = []
    for token, kind in html_tokens(html_text):
        if kind == "other-text":  # a term used only in a heading or a link still counts as used
            used |= {glossary.by_form[m.group("term")].id for m in glossary.matcher.finditer(token)}
        if kind != "prose":
            parts.append(token)
            continue

        def link_first_use(match: re.Match, used: set[str] = used) -> str:
            term = glossary.by_form[match.group("term")]
            used.add(term.id)
            if term.id in linked:
                return match.group(0)
            linked.add(term.id)
            return _tooltip_link(term, glossary_url, match.group(0))

        parts.append(glossary.matcher.sub(link_first_use, token))
    return "".join(parts), used


def html_tokens(html_text: str) -> Iterator[tuple[str, str]]:
    """Split HTML into ('tag' | 'prose' | 'other-text') tokens.

    'prose' is text where a tooltip may go; 'other-text' is text inside code,
    headings, links, diagrams and the like, where none may.
    """
    last = 0
    for region in _NO_TOOLTIP_REGION.finditer(html_text):
        yield from _tags_and_text(html_text[last : region.start()], "prose")
        yield from _tags_and_text(region.group(0), "other-text")
        last = region.end()
    yield from _tags_and_text(html_text[last:], "prose")


def _tags_and_text(html_text: str, kind: str) -> Iterator[tuple[str, str]]:
    for token in _TAG_OR_TEXT.findall(html_text):
        yield token, "tag" if token.startswith("<") else kind


def _spelling_problems(model: PageModel, glossary: Glossary) -> list[str]:
    if not glossary.wrong_matcher.search(model.source):
        return []  # the usual case, without masking the code first
    return [
        problem(model.path, model.line(match.start()), f"잘못된 표기 '{match.group(0)}'",
                f"'{glossary.wrong[match.group(0)]}'(으)로 고치세요")
        for match in glossary.wrong_matcher.finditer(model.reader_text)
    ]


def _reference_problems(model: PageModel, glossary: Glossary) -> list[str]:
    if "[[" not in model.source:
        return []
    problems = []
    for match in REFERENCE.finditer(model.text):
        if glossary.lookup(match.group("name").strip()) is None:
            found = closest(match.group("name").strip(), glossary.by_form)
            fix = f"'[[{found}]]'(으)로 고치거나 {glossary.path}에 추가하세요" if found else f"{glossary.path}에 추가하세요"
            problems.append(problem(model.path, model.line(match.start()), f"용어집에 없는 용어입니다: '{match.group(0)}'", fix))
    return problems


def _gloss_problems(model: PageModel, glossary: Glossary) -> list[str]:
    """Every English gloss of a term after the first one on the page."""
    if len(list(_glosses(model.source, glossary))) < 2:
        return []  # the usual case, without masking the code first
    first: dict[str, int] = {}  # term id -> line of its first gloss
    problems = []
    for match, term in _glosses(model.text, glossary):
        line = model.line(match.start())
        if term.id not in first:
            first[term.id] = line
            continue
        problems.append(problem(model.path, line, f"용어 '{term.ko}'의 영어 설명이 다시 나옵니다: '{match.group(0)}' "
                                             f"(처음: 줄 {first[term.id]})", "두 번째 괄호 설명을 지우세요"))
    return problems


def _glosses(text: str, glossary: Glossary) -> Iterator[tuple[re.Match, Term]]:
    """`term(English)` in the text, the parenthesis starting with the term's `en` (any case)."""
    for match in glossary.gloss_matcher.finditer(text):
        term = glossary.by_form[match.group("term")]
        inside = match.group("inside").strip().casefold()
        english = term.en.casefold()
        if inside.startswith(english) and not inside[len(english):len(english) + 1].isalnum():
            yield match, term


def _replace_references(markdown: str, glossary: Glossary, glossary_url: str) -> str:
    """`[[term]]` and `[[term|text]]` become tooltip links; inside code they stay as written."""
    parts, last = [], 0
    for match in REFERENCE.finditer(mask_code(markdown)):
        term = glossary.lookup(match.group("name").strip())
        if term is None:
            continue  # reported by _reference_problems
        text = match.group("text") or match.group("name").strip()
        parts += [markdown[last : match.start()], _tooltip_link(term, glossary_url, text)]
        last = match.end()
    return "".join(parts) + markdown[last:]


def _tooltip_link(term: Term, glossary_url: str, text: str) -> str:
    title = html.escape(term.tooltip, quote=True)
    return f'<a class="{TOOLTIP_CLASS}" data-term="{term.id}" href="{glossary_url}#{term.id}" title="{title}">{text}</a>'


# Elements whose text never gets a tooltip (diagrams are <pre class="mermaid">; a tab's <label>
# and a fold's <summary> are controls: a link inside would navigate instead of toggling). None of
# them nests inside itself in Markdown output, so the first closing tag ends the region.
_NO_TOOLTIP_REGION = re.compile(
    r"<(a|code|pre|kbd|script|style|abbr|svg|button|textarea|select|label|summary|h[1-6])\b[^>]*>.*?</\1\s*>", re.S | re.I
)
_TAG_OR_TEXT = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_EXPLICIT_ID = re.compile(rf'class="{TOOLTIP_CLASS}" data-term="([a-z0-9-]+)"')
