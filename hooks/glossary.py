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
- A forbidden spelling in a page is an error; a term no page uses is a warning.
- A page glosses a term with its English name once, at first use: a second
  `하이퍼바이저(hypervisor)` on the same page (outside code) is a warning.
"""

from __future__ import annotations

import difflib
import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import yaml
from _source import LineIndex, anchor_fix, mask_code, problem, project_path, read_yaml, relative_to_project, yaml_value
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.glossary")

GLOSSARY_DATA = "glossary.yml"  # in docs_dir; excluded from the published site in mkdocs.yml
GLOSSARY_PAGE = "glossary.md"
PLACEHOLDER = "<!-- glossary -->"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    # Per-build state lives on the config object, which MkDocs creates anew for
    # every build (hook modules themselves stay loaded across builds).
    config._glossary = load_glossary(Path(config.docs_dir) / GLOSSARY_DATA, config)


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    glossary = config._glossary
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
    glossary = config._glossary
    path = project_path(page, config)
    source = page.file.content_string  # as written, so lines match the editor
    messages = _spelling_problems(source, path, glossary) + _reference_problems(source, path, glossary)
    for message in messages + _gloss_problems(source, path, glossary):
        log.warning(message)
    if "[[" in markdown:
        glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.url)
        markdown = _replace_references(markdown, glossary, glossary_url)
    if page.file.src_uri == GLOSSARY_PAGE:
        if PLACEHOLDER not in markdown:
            log.warning(problem(path, 1, f"용어집 자리표시 `{PLACEHOLDER}`가 없습니다",
                                "용어 목록이 들어갈 자리에 그 한 줄을 넣으세요"))
        markdown = markdown.replace(PLACEHOLDER, render_entries(glossary, files))
    return markdown


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == GLOSSARY_PAGE:
        return html_text
    glossary = config._glossary
    glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.url)
    html_text, used = add_tooltips(html_text, glossary, glossary_url)
    glossary.used |= used
    return link_diagram_boxes(html_text, glossary, glossary_url)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    # Every page is rendered by now: usage and anchors are known.
    glossary = config._glossary
    for term in glossary.terms:
        if term.id not in glossary.used:
            log.warning(problem(glossary.path, term.line, f"어느 페이지에서도 쓰지 않은 용어입니다: '{term.ko}'",
                                "본문에서 쓰거나 용어집에서 빼세요"))
        for index, target in enumerate(term.see):
            page_path, _, anchor = target.partition("#")
            page = files.get_file_from_path(page_path).page
            if anchor and page is not None and anchor not in (page.present_anchor_ids or ()):
                fix = anchor_fix(anchor, page.present_anchor_ids or (), page_path, prefix=page_path)
                log.warning(problem(glossary.path, term.see_lines[index], f"없는 앵커입니다: '{target}'", fix))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass
class Term:
    id: str
    ko: str
    en: str
    short: str
    long: str
    aliases: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    see: list[str] = field(default_factory=list)
    line: int = 0  # where the entry starts in the YAML file
    key_lines: dict[str, int] = field(default_factory=dict)
    see_lines: list[int] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        """Every accepted way to write the term in a page."""
        return [self.ko, *self.aliases]


@dataclass
class Glossary:
    path: str  # docs/glossary.yml, for messages
    terms: list[Term]
    spelling: dict[str, str]  # wrong -> right, for words that are not terms
    used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_form = {form: term for term in self.terms for form in term.forms}
        self.by_id = {term.id: term for term in self.terms}
        self.wrong = {**self.spelling, **{bad: term.ko for term in self.terms for bad in term.forbidden}}
        self.matcher = term_matcher(list(self.by_form))
        self.gloss_matcher = gloss_matcher(list(self.by_form))
        self.wrong_matcher = re.compile("|".join(map(re.escape, sorted(self.wrong, key=len, reverse=True))) or "(?!)")

    def lookup(self, name: str) -> Term | None:
        return self.by_id.get(name) or self.by_form.get(name)


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

        def link_first_use(match: re.Match) -> str:
            term = glossary.by_form[match.group("term")]
            used.add(term.id)
            if term.id in linked:
                return match.group(0)
            linked.add(term.id)
            return _tooltip_link(term, glossary_url, match.group(0))

        parts.append(glossary.matcher.sub(link_first_use, token))
    return "".join(parts), used


def link_diagram_boxes(html_text: str, glossary: Glossary, glossary_url: str) -> str:
    """Link each diagram box whose label is a term to the term's entry, with its definition as tooltip.

    hooks/diagrams.py wraps every box of a drawn diagram in `<a data-diagram-label="첫 줄">`
    (an SVG <a> without href is a plain group); a box named by a term gets the link,
    and its diagram becomes a figure: role="img" would hide the links from screen readers.
    The link is `xlink:href`: Material's instant navigation rewrites every `[href]`
    with `element.href = …`, which throws on an SVG <a> (its href is read-only).
    """
    def link(match: re.Match) -> str:
        term = glossary.lookup(html.unescape(match.group("label")))
        if term is None:
            return match.group(0)
        title = html.escape(f"{term.ko}({term.en}): {term.short}", quote=True)
        return (f'<a data-diagram-label="{match.group("label")}" class="diagram-term" data-term="{term.id}" '
                f'xlink:href="{glossary_url}#{term.id}" aria-label="{title}"><title>{title}</title>')

    def link_boxes(svg: re.Match) -> str:
        linked = _DIAGRAM_BOX.sub(link, svg.group(0))
        return linked.replace('role="img"', 'role="figure"', 1) if linked != svg.group(0) else linked

    return _DIAGRAM_SVG.sub(link_boxes, html_text)


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


def render_entries(glossary: Glossary, files: Files) -> str:
    """The glossary page body: initial-consonant sections, one entry per term, 가나다순."""
    lines: list[str] = []
    group = None
    for term in sorted(glossary.terms, key=_sort_key):
        initial = _initial(term.ko)
        if initial != group:
            group = initial
            lines += [f"## {initial} {{ #initial-{_INITIAL_IDS.get(initial, 'latin')} }}", ""]
        names = " · ".join([f"*{term.en}*", *(f"다른 이름: {alias}" for alias in term.aliases)])
        lines += [f"### {term.ko} {{ #{term.id} }}", "", names, "", f"**{term.short}**", "", term.long.strip(), ""]
        if term.see:
            places = [f"[{_section_title(target, files)}]({target})" for target in term.see]
            lines += ["자세히: " + " · ".join(places), ""]
        if term.related:
            related = [f"[{glossary.by_id[other].ko}](#{other})" for other in term.related]
            lines += ["관련 용어: " + " · ".join(related), ""]
    return "\n".join(lines)


def load_glossary(path: Path, config: MkDocsConfig) -> Glossary:
    """Read and validate the YAML file; every problem at once, in a PluginError."""
    shown = relative_to_project(str(path), config)
    data, root = read_yaml(path, shown, missing="용어집 원본 파일을 만드세요 (형식은 hooks/glossary.py 참고)",
                           syntax_fix="들여쓰기와 따옴표를 확인하세요")
    problems: list[str] = []
    terms, spelling = _validate(data, root, shown, problems)
    if problems:
        raise PluginError("용어집 파일에 문제가 있습니다:\n" + "\n".join(problems))
    return Glossary(shown, terms, spelling)


def _validate(data, root, path: str, problems: list[str]) -> tuple[list[Term], dict[str, str]]:
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        problems.append(problem(path, 1, "최상위에 `terms:` 목록이 없습니다", "`terms:` 아래에 용어를 나열하세요"))
        return [], {}
    unknown_top = set(data) - {"terms", "spelling"}
    for key in sorted(unknown_top):
        problems.append(problem(path, _key_line(root, key), f"알 수 없는 항목 '{key}'", "`terms`와 `spelling`만 쓸 수 있습니다"))
    spelling = data.get("spelling") or {}
    if not isinstance(spelling, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in spelling.items()):
        problems.append(problem(path, _key_line(root, "spelling"), "`spelling`은 '틀린 표기: 바른 표기' 목록이어야 합니다",
                                "예: `어플리케이션: 애플리케이션`"))
        spelling = {}
    term_nodes = yaml_value(root, "terms").value
    terms: list[Term] = []
    first_line: dict[str, int] = {}  # id or form -> line where it was defined
    for node, entry in zip(term_nodes, data["terms"]):
        line = node.start_mark.line + 1
        term = _term(entry, node, line, path, problems)
        if term is None:
            continue
        if term.id in first_line:
            problems.append(problem(path, line, f"id '{term.id}'가 두 번 정의되었습니다 (줄 {first_line[term.id]})",
                                    "다른 id를 쓰거나 두 항목을 합치세요"))
        first_line.setdefault(term.id, line)
        for form in term.forms:
            if form in first_line and form != term.id:
                problems.append(problem(path, line, f"용어 '{form}'가 두 번 정의되었습니다 (줄 {first_line[form]})",
                                        "한 항목에만 두고 다른 항목에서는 빼세요"))
            first_line.setdefault(form, line)
        terms.append(term)
    # Ids of entries with problems of their own count as defined: one mistake, one message.
    ids = {entry.get("id") for entry in data["terms"] if isinstance(entry, dict)}
    forms = [form for term in terms for form in term.forms]
    for term in terms:
        for other in term.related:
            if other not in ids:
                closest = difflib.get_close_matches(other, sorted(i for i in ids if isinstance(i, str)), n=1)
                fix = f"'{closest[0]}'(으)로 고치세요" if closest else "용어집에 있는 id를 쓰세요"
                problems.append(problem(path, term.key_lines["related"], f"related의 id '{other}'가 없습니다", fix))
        for bad in term.forbidden:
            clash = next((form for form in forms if bad in form), None)
            if clash:
                problems.append(problem(path, term.key_lines["forbidden"], f"금지 표기 '{bad}'가 바른 표기 '{clash}' 안에 들어 있습니다",
                                        "더 긴 금지 표기를 쓰거나 빼세요"))
    for bad in spelling:
        clash = next((form for form in forms if bad in form), None)
        if clash:
            problems.append(problem(path, _key_line(root, "spelling"), f"틀린 표기 '{bad}'가 용어 '{clash}' 안에 들어 있습니다",
                                    "spelling에서 빼세요"))
    return terms, spelling


def _term(entry, node, line: int, path: str, problems: list[str]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(problem(path, line, "용어 항목이 `키: 값` 형식이 아닙니다", "`- id: …` 형식으로 쓰세요"))
        return None
    before = len(problems)
    for key in sorted(set(entry) - _TERM_KEYS):
        problems.append(problem(path, _key_line(node, key), f"알 수 없는 키 '{key}'",
                                f"쓸 수 있는 키: {', '.join(sorted(_TERM_KEYS))}"))
    for key in ("id", "ko", "en", "short", "long"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            problems.append(problem(path, line, f"필수 키 '{key}'가 없거나 비어 있습니다", f"`{key}: …`를 넣으세요"))
    for key in ("aliases", "forbidden", "related", "see"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            problems.append(problem(path, _key_line(node, key), f"'{key}'는 문자열 목록이어야 합니다", f"`{key}: [가, 나]`처럼 쓰세요"))
    if isinstance(entry.get("id"), str) and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry["id"]):
        problems.append(problem(path, _key_line(node, "id"), f"id '{entry['id']}'는 영문 소문자·숫자·하이픈만 쓸 수 있습니다",
                                "예: `id: full-virtualization`"))
    see_node = yaml_value(node, "see")
    see_lines = [item.start_mark.line + 1 for item in see_node.value] if isinstance(see_node, yaml.SequenceNode) else []
    for target, target_line in zip(entry.get("see", []) if isinstance(entry.get("see"), list) else [], see_lines):
        if isinstance(target, str) and not re.fullmatch(r"[^#\s]+\.md(?:#[^\s]+)?", target):
            problems.append(problem(path, target_line, f"see '{target}'는 'docs 기준 경로.md#앵커' 형식이어야 합니다",
                                    "예: `virtualization/hypervisor.md#structure`"))
    if len(problems) > before:
        return None
    return Term(
        id=entry["id"], ko=entry["ko"].strip(), en=entry["en"].strip(), short=entry["short"].strip(),
        long=entry["long"], aliases=entry.get("aliases", []), forbidden=entry.get("forbidden", []),
        related=entry.get("related", []), see=entry.get("see", []), line=line, see_lines=see_lines,
        key_lines={key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value},
    )


def _spelling_problems(source: str, path: str, glossary: Glossary) -> list[str]:
    if not glossary.wrong_matcher.search(source):
        return []  # the usual case, without masking the code first
    text = mask_code(source)
    lines = LineIndex(text)
    return [
        problem(path, lines.line(match.start()), f"잘못된 표기 '{match.group(0)}'",
                f"'{glossary.wrong[match.group(0)]}'(으)로 고치세요")
        for match in glossary.wrong_matcher.finditer(text)
    ]


def _reference_problems(source: str, path: str, glossary: Glossary) -> list[str]:
    if "[[" not in source:
        return []
    text = mask_code(source)
    lines = LineIndex(text)
    problems = []
    for match in _REFERENCE.finditer(text):
        if glossary.lookup(match.group("name").strip()) is None:
            closest = difflib.get_close_matches(match.group("name").strip(), list(glossary.by_form), n=1, cutoff=0.5)
            fix = f"'[[{closest[0]}]]'(으)로 고치거나 {glossary.path}에 추가하세요" if closest else f"{glossary.path}에 추가하세요"
            problems.append(problem(path, lines.line(match.start()), f"용어집에 없는 용어입니다: '{match.group(0)}'", fix))
    return problems


def _gloss_problems(source: str, path: str, glossary: Glossary) -> list[str]:
    """Every English gloss of a term after the first one on the page."""
    if len(list(_glosses(source, glossary))) < 2:
        return []  # the usual case, without masking the code first
    text = mask_code(source)
    lines = LineIndex(text)
    first: dict[str, int] = {}  # term id -> line of its first gloss
    problems = []
    for match, term in _glosses(text, glossary):
        line = lines.line(match.start())
        if term.id not in first:
            first[term.id] = line
            continue
        problems.append(problem(path, line, f"용어 '{term.ko}'의 영어 설명이 다시 나옵니다: '{match.group(0)}' "
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
    for match in _REFERENCE.finditer(mask_code(markdown)):
        term = glossary.lookup(match.group("name").strip())
        if term is None:
            continue  # reported by _reference_problems
        text = match.group("text") or match.group("name").strip()
        parts += [markdown[last : match.start()], _tooltip_link(term, glossary_url, text)]
        last = match.end()
    return "".join(parts) + markdown[last:]


def _tooltip_link(term: Term, glossary_url: str, text: str) -> str:
    title = html.escape(f"{term.ko}({term.en}): {term.short}", quote=True)
    return f'<a class="glossary-term" data-term="{term.id}" href="{glossary_url}#{term.id}" title="{title}">{text}</a>'


def _section_title(target: str, files: Files) -> str:
    """'페이지 제목 › 절 제목' for a `see` target, read from the target's Markdown."""
    page_path, _, anchor = target.partition("#")
    source = files.get_file_from_path(page_path).content_string
    title = re.search(r"^#\s+(.+?)\s*$", source, re.M)
    title_text = title.group(1) if title else page_path
    if not anchor:
        return title_text
    heading = re.search(rf"^#{{2,6}}\s+(.+?)\s*\{{[^}}]*#{re.escape(anchor)}\b[^}}]*\}}\s*$", source, re.M)
    return f"{title_text} › {heading.group(1)}" if heading else title_text


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


def _key_line(node, key: str) -> int:
    for key_node, _ in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) else []:
        if key_node.value == key:
            return key_node.start_mark.line + 1
    return node.start_mark.line + 1 if node is not None else 1




_TERM_KEYS = {"id", "ko", "en", "aliases", "forbidden", "short", "long", "related", "see"}
# Elements whose text never gets a tooltip (diagrams are <pre class="mermaid">). None of
# them nests inside itself in Markdown output, so the first closing tag ends the region.
_NO_TOOLTIP_REGION = re.compile(
    r"<(a|code|pre|kbd|script|style|abbr|svg|button|textarea|select|h[1-6])\b[^>]*>.*?</\1\s*>", re.S | re.I
)
_DIAGRAM_SVG = re.compile(r'<div class="diagram"[^>]*><svg\b.*?</svg></div>', re.S)
_DIAGRAM_BOX = re.compile(r'<a data-diagram-label="(?P<label>[^"]*)">')
_TAG_OR_TEXT = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.S)
_REFERENCE = re.compile(r"\[\[(?P<name>[^\]|\n]+)(?:\|(?P<text>[^\]\n]+))?\]\]")
_EXPLICIT_ID = re.compile(r'class="glossary-term" data-term="([a-z0-9-]+)"')
_INITIAL_IDS = {"ㄱ": "g", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s", "ㅇ": "ng",
                "ㅈ": "j", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}
