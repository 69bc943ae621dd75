"""The glossary's data: docs/glossary.yml read, validated and indexed, once per build.

hooks/glossary.py (tooltips, the glossary page, spelling checks) and hooks/search.py
(term names in the search) both read it as `_build.build_of(config).glossary`, the one
way in: the first reader in a build loads the file, later readers get the same object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs.exceptions import PluginError

from _korean import gloss_matcher, term_matcher
from _source import closest, problem, read_yaml, relative_to_project, yaml_value

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

GLOSSARY_DATA = "glossary.yml"  # in docs_dir; excluded from the published site in mkdocs.yml
GLOSSARY_PAGE = "glossary.md"
# The class of a term's tooltip link in prose (hooks/glossary.py); the page model counts
# such links as generated, never the writer's (hooks/_page_model.py).
TOOLTIP_CLASS = "glossary-term"


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
    def tooltip(self) -> str:
        """What a reader sees on hovering a linked use of the term (prose or diagram box)."""
        return f"{self.ko}({self.en}): {self.short}"

    @property
    def forms(self) -> list[str]:
        """Every accepted way to write the term in a page."""
        return [self.ko, *self.aliases]


@dataclass
class Glossary:
    path: str  # docs/glossary.yml, for messages
    terms: list[Term]
    spelling: dict[str, str]  # wrong -> right, for words that are not terms

    def __post_init__(self) -> None:
        self.by_form = {form: term for term in self.terms for form in term.forms}
        self.by_id = {term.id: term for term in self.terms}
        self.wrong = {**self.spelling, **{bad: term.ko for term in self.terms for bad in term.forbidden}}
        self.matcher = term_matcher(list(self.by_form))
        self.gloss_matcher = gloss_matcher(list(self.by_form))
        self.wrong_matcher = re.compile("|".join(map(re.escape, sorted(self.wrong, key=len, reverse=True))) or "(?!)")

    def lookup(self, name: str) -> Term | None:
        return self.by_id.get(name) or self.by_form.get(name)


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
    unknown_top = set(data) - {"terms", "spelling", "not_terms"}
    for key in sorted(unknown_top):
        problems.append(problem(path, _key_line(root, key), f"알 수 없는 항목 '{key}'",
                                "`terms`, `spelling`, `not_terms`만 쓸 수 있습니다"))
    not_terms = data.get("not_terms") or []
    if not isinstance(not_terms, list) or not all(isinstance(word, str) for word in not_terms):
        problems.append(problem(path, _key_line(root, "not_terms"), "`not_terms`는 낱말 목록이어야 합니다",
                                "예: `not_terms: [모놀리식, 레거시]`"))
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
                found = closest(other, (i for i in ids if isinstance(i, str)))
                fix = f"'{found}'(으)로 고치세요" if found else "용어집에 있는 id를 쓰세요"
                problems.append(problem(path, term.key_lines["related"], f"related의 id '{other}'가 없습니다", fix))
        for bad in term.forbidden:
            clash = next((form for form in forms if bad in form), None)
            if clash:
                problems.append(problem(path, term.key_lines["forbidden"], f"금지 표기 '{bad}'가 바른 표기 '{clash}' 안에 들어 있습니다",
                                        "더 긴 금지 표기를 쓰거나 빼세요"))
    for word in not_terms if isinstance(not_terms, list) else []:
        if word in forms:
            problems.append(problem(path, _key_line(root, "not_terms"), f"'{word}'는 용어이면서 not_terms에도 있습니다",
                                    "not_terms에서 빼세요"))
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


def _key_line(node, key: str) -> int:
    for key_node, _ in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) else []:
        if key_node.value == key:
            return key_node.start_mark.line + 1
    return node.start_mark.line + 1 if node is not None else 1


_TERM_KEYS = {"id", "ko", "en", "aliases", "forbidden", "short", "long", "related", "see"}
