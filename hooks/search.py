"""Korean search: what the browser-side analyzer needs from the build.

Material's search stays (box, result list, worker); overrides/…/lunr.ko.min.js
analyzes Korean in the worker. This hook, after Material has written the index:

- fills that script's SITE data: the particle list, the same one the glossary's
  tooltips use, so that search and tooltips read Korean alike; the synonyms,
  what a reader types → what the site writes (docs/search-aliases.yml: 윈도우 →
  Windows; the glossary's forbidden and misspelled forms → the right ones); and
  every glossary name with the URL of the section that explains it (also written
  to search/terms.json for the page's "혹시 …을/를 찾으셨나요?" suggestions); and
  the question table (docs/search-questions.yml, hooks/_questions.py);
- adds a `keywords` field to the section that explains a glossary term (the
  first of its `see` places) and to its glossary entry: the term, its aliases
  and its English name, so `hypervisor` or `paravirtualization` finds the Korean
  section, and a term's own section ranks first for it.

The field's weight is set in mkdocs.yml (`plugins.search.fields.keywords`).
An alias whose site spelling no page contains any more is a warning.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _build import build_of
from _glossary_data import GLOSSARY_PAGE, Glossary
from _korean import PARTICLES
from _latin_hangul import joined as joined_spellings
from _latin_hangul import spellings as hangul_spellings
from _questions import QUESTIONS, Questions, load_questions
from _source import problem, read_yaml, relative_to_project, yaml_value

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from _page_model import PageModel

log = logging.getLogger("mkdocs.hooks.search")

ANALYZER = "assets/javascripts/lunr/min/lunr.ko.min.js"
INDEX = "search/search_index.json"
TERMS = "search/terms.json"  # the glossary names and their URLs, for overrides/…/search-suggest.js
ALIASES = "search-aliases.yml"  # in docs_dir; excluded from the published site in mkdocs.yml
# Every main page ends with `## 직접 해 보기 { #try-it }`, `## 확인 문제 { #self-check }` and
# `## 핵심 정리 { #summary }`: all three repeat the page's key words without explaining them.
PRACTICE_SECTIONS = {"try-it", "self-check", "summary"}
PRACTICE_BOOST = 0.3  # as the glossary and references pages (their front matter)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    if "search" not in config.plugins and "material/search" not in config.plugins:
        raise PluginError("hooks/search.py는 Material의 search 플러그인의 색인을 다룹니다 — plugins에 search를 넣으세요")
    build = build_of(config)
    aliases = load_aliases(Path(config.docs_dir) / ALIASES, config, build.glossary)
    questions_path = Path(config.docs_dir) / QUESTIONS
    questions = load_questions(questions_path, relative_to_project(str(questions_path), config))
    build.keep(_SearchState(aliases, synonyms(aliases, build.glossary), questions))


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    build_of(config).part(_SearchState).files = files  # their pages' URLs are known once the pages are read


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index_path, analyzer_path = site / INDEX, site / ANALYZER
    if not index_path.exists() or not analyzer_path.exists():
        return  # search is disabled for this build
    build = build_of(config)
    state = build.part(_SearchState)
    index = json.loads(index_path.read_text(encoding="utf-8"))
    # Page.url, as the search index has it ("" for the home page, where File.url is "./").
    pages = {file.src_uri: file.page.url for file in state.files.documentation_pages() if file.page}
    add_keywords(index["docs"], build.glossary, pages)
    models = build.every_page(state.files)
    text = index_text(index["docs"])
    lower_practice_sections(index["docs"], practice_sections(models, pages))
    if any(model.rendered_here for model in models):
        # A --dirty build indexes only the pages it rendered (MkDocs' search plugin): an
        # alias whose word is on another page would look stale. Checked by a full build.
        log.info("--dirty 빌드라 검색 색인에 바뀐 페이지만 있어, 검색 별칭의 site 표기 검사는 건너뜁니다")
    else:
        words = " ".join(text.split()).casefold()
        for message in stale_aliases(state.aliases, words) + state.questions.stale(words):
            build.report(log, message)
    terms = term_links(build.glossary, pages)
    (site / TERMS).write_text(json.dumps(terms, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # Written as UTF-8 rather than Material's \uXXXX escapes: a third smaller for Korean.
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    script = analyzer_path.read_text(encoding="utf-8")
    data = json.dumps({"particles": PARTICLES, "synonyms": state.synonyms, "terms": names_by_url(terms),
                       "questions": state.questions.for_analyzer(), "spelled": latin_spellings(text)},
                      ensure_ascii=False, separators=(",", ":"))
    filled, count = _SITE_DATA.subn(lambda _: f"/* @@SITE */ {data} /* SITE@@ */", script)
    if count != 1:
        raise PluginError(f"{ANALYZER}에서 SITE 자리표시를 찾지 못했습니다 — overrides/{ANALYZER}를 확인하세요")
    analyzer_path.write_text(filled, encoding="utf-8")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@dataclass
class _SearchState:
    """This hook's state for one build."""
    aliases: list[Alias]
    synonyms: dict[str, list[str]]
    questions: Questions
    files: Files | None = None


def add_keywords(docs: list[dict], glossary: Glossary, pages: dict[str, str]) -> None:
    """Give each term's explaining section (its first `see`) and glossary entry the term's names."""
    by_location = {doc["location"]: doc for doc in docs}
    for term in glossary.terms:
        forms = [term.ko, *term.aliases, term.en]
        # A multi-word English name goes whole into `keywords` only as its words would:
        # "container" alone must not lift every "container runtime/engine/…" section to
        # the container's own rank. Joined ("fullvirtualization", which the analyzer
        # tries for adjacent query words) it goes into the low-boost `joined_names`.
        multi_word = [form for form in forms if " " in form and form.isascii()]
        names = " ".join(dict.fromkeys(form for form in forms if form not in multi_word))
        joined = " ".join(dict.fromkeys(form.replace(" ", "") for form in multi_word))
        entry = f"{pages[GLOSSARY_PAGE]}#{term.id}"
        explaining = _explaining_url(term, pages)
        for location in [entry] + ([explaining] if explaining is not None else []):
            doc = by_location.get(location)
            if doc is not None:
                for field_name, value in (("keywords", names), ("joined_names", joined)):
                    if value:
                        doc[field_name] = f"{doc[field_name]} {value}" if field_name in doc else value


@dataclass
class Alias:
    site: str  # as the pages write it
    typed: list[str]  # as readers type it
    path: str  # docs/search-aliases.yml, for messages
    line: int  # of the entry in that file


def load_aliases(path: Path, config: MkDocsConfig, glossary: Glossary) -> list[Alias]:
    """Read and validate docs/search-aliases.yml; every problem at once, in a PluginError."""
    shown = relative_to_project(str(path), config)
    data, root = read_yaml(path, shown, missing="검색 별칭 파일을 만드세요(`aliases: []` 한 줄로도 됩니다; "
                           "형식은 CONTRIBUTING.md의 '검색 별칭 추가하기')", syntax_fix="들여쓰기와 괄호, 따옴표를 확인하세요")
    problems: list[str] = []
    aliases = _validate_aliases(data, root, shown, glossary, problems)
    if problems:
        raise PluginError("검색 별칭 파일에 문제가 있습니다:\n" + "\n".join(problems))
    return aliases


def synonyms(aliases: list[Alias], glossary: Glossary) -> dict[str, list[str]]:
    """What a reader types → the site's spellings to search, all lower-cased: the alias
    file, the glossary's forbidden forms (→ the term) and its misspellings (→ the right word)."""
    found: dict[str, list[str]] = {}
    pairs = [(typed, alias.site) for alias in aliases for typed in alias.typed] + list(glossary.wrong.items())
    for typed, site in pairs:
        spellings = found.setdefault(typed.lower(), [])
        if site.lower() not in spellings:
            spellings.append(site.lower())
    return found


def term_links(glossary: Glossary, pages: dict[str, str]) -> list[dict[str, str]]:
    """Every glossary name (Korean, aliases, English) with the URL, from the site root, of
    the section that explains the term (its first `see`), else of its glossary entry."""
    links: dict[str, str] = {}
    for term in glossary.terms:
        url = _explaining_url(term, pages)
        if url is None:  # "" is the home page, a place of its own
            url = f"{pages[GLOSSARY_PAGE]}#{term.id}"
        for name in (term.ko, *term.aliases, term.en):
            links.setdefault(name, url)
    return [{"name": name, "url": url} for name, url in links.items()]


def stale_aliases(aliases: list[Alias], text: str) -> list[str]:
    """A message for each alias whose site spelling is in no page's text (`text`: the index's
    text, spaces collapsed, case-folded)."""
    return [
        problem(alias.path, alias.line, f"별칭의 site 표기 '{alias.site}'가 어느 페이지에도 없습니다",
                "본문이 지금 쓰는 표기로 site를 고치거나 이 항목을 지우세요")
        for alias in aliases if " ".join(alias.site.split()).casefold() not in text
    ]


def names_by_url(terms: list[dict[str, str]]) -> dict[str, list[str]]:
    """The glossary's names grouped by the URL they lead to, as the worker gets them (compact:
    a URL once, not once per name)."""
    grouped: dict[str, list[str]] = {}
    for term in terms:
        grouped.setdefault(term["url"], []).append(term["name"])
    return grouped


def latin_spellings(text: str) -> dict[str, list[str]]:
    """Every Latin word of the index's `text` (lower case) → its Hangul spellings
    (hooks/_latin_hangul.py) that the pages do not write themselves. A word the pages write in
    capitals somewhere (NAT, KVM) is an acronym, read letter by letter too."""
    words = set(_LATIN_WORD.findall(text))
    acronyms = {word.lower() for word in words if word.isupper() and len(word) >= 2}
    # A spelling the pages themselves write (도커, 컨테이너, 가상머신's 머신) is searched as it is:
    # the Hangul word is what the reader means, and shipping it again would be waste.
    written = {run[start:end] for run in set(_HANGUL_RUN.findall(text))
               for start in range(len(run)) for end in range(start + 1, min(len(run), start + 12) + 1)}
    spelled = {}
    for word in sorted({word.lower() for word in words if 2 <= len(word) <= 20}):
        found = [spelling for spelling in sorted(hangul_spellings(word, acronym=word in acronyms))
                 if spelling not in written]
        if found:
            spelled[word] = found
    # Hyphenated words stay one word in the index (copy-up): their parts' spellings run together.
    for compound in sorted({word.lower() for word in _HYPHENATED.findall(text)}):
        found = [spelling for spelling in sorted(joined_spellings(compound.split("-"), acronyms)) if spelling not in written]
        if found:
            spelled[compound] = found
    return spelled


def index_text(docs: list[dict]) -> str:
    """Every page's title and text from the index, tags out: read once per build by the checks
    and the spellings."""
    return " ".join(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}") for doc in docs)


def lower_practice_sections(docs: list[dict], practice: set[str]) -> None:
    """Self-checks and hands-on sections repeat a page's key words (in questions, in
    command output): they rank below the sections that explain, and stay findable."""
    for doc in docs:
        if doc["location"] in practice:
            doc["boost"] = min(doc.get("boost", 1), PRACTICE_BOOST)


def practice_sections(models: list[PageModel], urls: dict[str, str]) -> set[str]:
    """Locations of every `self-check` and `try-it` section and of the sections under them."""
    found = set()
    for model in models:
        practice_level = None  # the level of the practice heading we are under, if any
        for heading in model.headings:
            if practice_level is not None and heading.level <= practice_level:
                practice_level = None
            if heading.id in PRACTICE_SECTIONS and practice_level is None:
                practice_level = heading.level
            if practice_level is not None:
                found.add(f"{urls[model.src_uri]}#{heading.id}")
    return found


def _explaining_url(term, pages: dict[str, str]) -> str | None:
    """The URL, from the site root, of the section that explains a term: its first `see`."""
    if not term.see:
        return None
    page, _, anchor = term.see[0].partition("#")
    return pages[page] + (f"#{anchor}" if anchor else "")


def _validate_aliases(data, root, path: str, glossary: Glossary, problems: list[str]) -> list[Alias]:
    entries = yaml_value(root, "aliases")
    if not isinstance(data, dict) or not isinstance(data.get("aliases"), list) or entries is None:
        problems.append(problem(path, 1, "최상위에 `aliases:` 목록이 없습니다",
                                "`aliases:` 아래에 `- {site: Windows, typed: [윈도우, 윈도]}`처럼 나열하세요"))
        return []
    for key_node, _ in root.value:
        if key_node.value != "aliases":
            problems.append(problem(path, key_node.start_mark.line + 1, f"알 수 없는 항목 '{key_node.value}'",
                                    "`aliases`만 쓸 수 있습니다"))
    names = {name.casefold(): term.ko for term in glossary.terms for name in (term.ko, *term.aliases, term.en)}
    wrong = {bad.casefold(): right for bad, right in glossary.wrong.items()}
    aliases: list[Alias] = []
    first_line: dict[str, int] = {}  # site spelling -> line of its entry
    for node, entry in zip(entries.value, data["aliases"]):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict) or set(entry) != {"site", "typed"}:
            problems.append(problem(path, line, "항목은 site와 typed 두 키로 씁니다",
                                    "`- {site: 본문의 표기, typed: [치는 표기, …]}`처럼 쓰세요"))
            continue
        site, typed = entry["site"], entry["typed"]
        typed_nodes = yaml_value(node, "typed")
        if not isinstance(site, str) or not site.strip():
            problems.append(problem(path, line, "site가 비어 있거나 글자가 아닙니다", "본문에 있는 표기 하나를 쓰세요"))
            continue
        if not isinstance(typed, list) or not typed or not all(isinstance(item, str) and item.strip() for item in typed):
            problems.append(problem(path, line, "typed는 비어 있지 않은 문자열 목록이어야 합니다", "`typed: [윈도우, 윈도]`처럼 쓰세요"))
            continue
        if site.casefold() in first_line:
            problems.append(problem(path, line, f"site '{site}'가 두 번 나옵니다 (줄 {first_line[site.casefold()]})",
                                    "한 항목으로 합치세요"))
        first_line.setdefault(site.casefold(), line)
        seen: set[str] = set()
        for item, item_node in zip(typed, typed_nodes.value):
            where, key = item_node.start_mark.line + 1, item.casefold()
            if key == site.casefold():
                problems.append(problem(path, where, f"typed '{item}'가 site와 같습니다", "빼세요"))
            elif key in seen:
                problems.append(problem(path, where, f"typed '{item}'가 두 번 나옵니다", "하나를 지우세요"))
            elif any(char.isspace() for char in item):
                problems.append(problem(path, where, f"띄어 쓴 표기 '{item}'는 검색어로 들어오지 않습니다",
                                        "검색어는 띄어쓰기에서 나뉩니다 — 붙여 쓴 표기만 넣으세요"))
            elif key in names:
                problems.append(problem(path, where, f"'{item}'는 용어집의 용어 '{names[key]}'의 이름입니다",
                                        "용어집이 이미 찾고 설명하는 절을 맨 위에 올립니다 — 빼세요"))
            elif key in wrong:
                problems.append(problem(path, where, f"'{item}'는 용어집이 이미 '{wrong[key]}'(으)로 바꿔 찾는 표기입니다",
                                        "빼세요"))
            seen.add(key)
        aliases.append(Alias(site.strip(), [item.strip() for item in typed], path, line))
    return aliases




_SITE_DATA = re.compile(r"/\* @@SITE \*/.*?/\* SITE@@ \*/", re.S)
_TAG = re.compile(r"<[^>]*>")
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*")
_HANGUL_RUN = re.compile(r"[가-힣0-9]+")
_HYPHENATED = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)+(?![A-Za-z0-9-])")
