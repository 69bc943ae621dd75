"""Reading Markdown sources as the writer wrote them: paths, lines, code, messages; the
theme's files and whole-file writes the hooks share.

Shared by the hooks in this folder (MkDocs puts the folder on sys.path while it
loads a hook, so `import _source` works). Pure functions, no state.
"""

from __future__ import annotations

import bisect
import difflib
import importlib.metadata
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Fence:
    line: int  # 1-based line of the opening fence
    language: str
    body: str
    start: int  # offsets of the whole block in the source, fences included
    end: int


def project_path(page: Page, config: MkDocsConfig) -> str:
    """The page's path as a writer sees it from the project root: `docs/….md`."""
    return relative_to_project(page.file.abs_src_path, config)


def page_slug(src_uri: str) -> str:
    """'virtualization/hypervisor.md' -> 'virtualization-hypervisor', 'index.md' -> 'index':
    a page's name in ASCII that stays put (diagram ids, card files, the handout's chapter ids)."""
    return re.sub(r"[^a-z0-9]+", "-", src_uri.removesuffix(".md").lower()).strip("-")


def front_matter_end(lines: list[str]) -> int:
    """The index of the first line after a page's YAML front matter (0 when there is none),
    by MkDocs' own rule: `---` on the first line, up to the next `---` or `...`."""
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return index + 1
    return 0


def theme_file(config: MkDocsConfig, name: str) -> Path | None:
    """The theme's file `name` as MkDocs finds it: overrides/ (custom_dir) first, then Material."""
    return next((path for folder in config.theme.dirs if (path := Path(folder) / name).is_file()), None)


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` under a private name, then rename it: a reader (the published site, a
    build beside this one) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def relative_to_project(path: str, config: MkDocsConfig) -> str:
    root = os.path.dirname(config.config_file_path)
    return os.path.relpath(path, root).replace(os.sep, "/")


def replace_upstream(text: str, old: str, new: str, *, package: str, hook: str) -> str:
    """Edit what another package wrote (a theme's page, a plugin's stub): replace the first
    `old`. If `old` is not there, that package's output changed with an upgrade, and the
    edit would silently do nothing: stop the build, naming the package and the hook."""
    if old not in text:
        raise upstream_changed(package, repr(old), hook)
    return text.replace(old, new, 1)


def upstream_changed(package: str, what: str, hook: str) -> Exception:
    """The error for an edit of another package's output that no longer finds its text."""
    from mkdocs.exceptions import PluginError

    version = importlib.metadata.version(package)
    return PluginError(f"{package} {version}의 출력에서 {what}을(를) 찾지 못했습니다 — 올린 {package}의 출력에 맞게 "
                       f"{hook}를 고치세요 (CONTRIBUTING.md의 '외부 내부 구조' 표)")


class Problem(str):
    """A build message in its one format, `docs/x.md:12: what is wrong — how to fix it`,
    that still knows its file and line (`path`, `line`): a string wherever a message is
    joined or logged, a location for whoever lists problems (the serve banner)."""

    path: str
    line: int

    def __new__(cls, path: str, line: int, what: str, fix: str) -> Problem:
        made = super().__new__(cls, f"{path}:{line}: {what} — {fix}")
        made.path, made.line = path, line
        return made


def problem(path: str, line: int, what: str, fix: str) -> Problem:
    """The one format of every build message: `docs/x.md:12: what is wrong — how to fix it`."""
    return Problem(path, line, what, fix)


# How alike a wrong name and a right one must be (difflib's ratio, 0–1) for a message to
# propose the right one: below it, a message says where to look instead. One threshold
# for every suggestion: no suggestion is better than a wrong one.
SUGGESTION_CUTOFF = 0.6


def closest(wanted: str, candidates: Iterable[str]) -> str | None:
    """The candidate `wanted` most likely misspells, or None.

    Each candidate is compared without the folders and the file extension it shares with
    `wanted`: 'virtualization/없는-페이지.md' is not a typo of 'virtualization/host.md'.
    """
    best, best_ratio = None, SUGGESTION_CUTOFF
    for candidate in sorted(set(candidates)):
        a, b = _distinct_parts(wanted, candidate)
        ratio = difflib.SequenceMatcher(None, a, b).ratio() if a or b else 1.0
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = candidate, ratio
    return best


def anchor_fix(anchor: str, ids: Iterable[str], page_path: str, prefix: str = "") -> str:
    """How to fix a link to a missing anchor: the closest id on the page, or where to look."""
    found = closest(anchor, ids)
    return f"'{prefix}#{found}'(으)로 고치세요" if found else f"{page_path}의 제목 id를 확인하세요"


def fences(source: str) -> list[Fence]:
    """Every fenced code block (``` or ~~~), with its language and position."""
    found = []
    for opening in _FENCE_OPEN.finditer(source):
        if found and opening.start() < found[-1].end:
            continue  # a fence-like line inside the previous block
        marker = opening.group("marker")
        closing = re.compile(rf"^[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        close = closing.search(source, opening.end())
        end = close.end() if close else len(source)
        body = source[opening.end() + 1 : close.start() if close else len(source)]
        found.append(Fence(line_at(source, opening.start()), opening.group("language"), body, opening.start(), end))
    return found


def read_yaml(path, shown: str, *, missing: str, syntax_fix: str):
    """A data file's content and its node tree (for line numbers), parsed once.

    A missing file or a YAML syntax error stops the build with a PluginError:
    `missing` is the fix for the first, `syntax_fix` for the second, at its line.
    """
    from mkdocs.exceptions import PluginError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise PluginError(f"{shown}이(가) 없습니다 — {missing}") from None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml when present: 10× faster
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1
        raise PluginError(problem(shown, line, f"YAML 문법 오류: {getattr(error, 'problem', error)}", syntax_fix)) from None
    return data, root


def yaml_value(node, key: str):
    """The value node under `key` of a YAML mapping node (from yaml.compose), or None.

    Data files are read as nodes so that every message can name the line.
    """
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return None


def mask_code(source: str, keep: tuple[str, ...] = ()) -> str:
    """The source with fenced blocks, inline code and HTML comments blanked out, offsets and
    lines kept. Scanners then never match in what the reader does not see as text (a link
    in a comment is no link), yet report the right line numbers. Fences whose language is
    in `keep` keep their body (a diagram's labels are text the reader sees), not their
    fence lines.
    """
    spans = []
    for fence in fences(source):
        if fence.language in keep:
            body_start = source.index("\n", fence.start) + 1
            spans += [(fence.start, body_start), (body_start + len(fence.body), fence.end)]
        else:
            spans.append((fence.start, fence.end))
    spans += [m.span() for m in _INLINE_CODE.finditer(_blank(source, spans))]
    spans += [m.span() for m in _HTML_COMMENT.finditer(_blank(source, spans))]
    return _blank(source, spans)


def line_at(source: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return source.count("\n", 0, offset) + 1


class LineIndex:
    """Line numbers for many offsets of one text, in O(log n) each."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def _distinct_parts(a: str, b: str) -> tuple[str, str]:
    """`a` and `b` without their shared folders and shared extension."""
    while "/" in a and "/" in b and a.split("/", 1)[0] == b.split("/", 1)[0]:
        a, b = a.split("/", 1)[1], b.split("/", 1)[1]
    ext_a, ext_b = os.path.splitext(a)[1], os.path.splitext(b)[1]
    if ext_a and ext_a == ext_b:
        a, b = a[: -len(ext_a)], b[: -len(ext_b)]
    return a, b


def _blank(source: str, spans: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces += [source[last:start], _NOT_NEWLINE.sub(" ", source[start:end])]
        last = end
    return "".join(pieces) + source[last:]


_NOT_NEWLINE = re.compile(r"[^\n]")
_FENCE_OPEN = re.compile(r"^[ \t]*(?P<marker>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?P<language>[\w+-]*)[^\n]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A code span ends where it began, with the same number of backticks, within one paragraph.
_INLINE_CODE = re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
