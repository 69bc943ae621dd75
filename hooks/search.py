"""Korean search: what the browser-side analyzer needs from the build.

Material's search stays (box, result list, worker); overrides/…/lunr.ko.min.js
analyzes Korean in the worker. This hook, after Material has written the index:

- fills that script's SITE data: the particle list, the same one the glossary's
  tooltips use, so that search and tooltips read Korean alike;
- adds a `keywords` field to the section that explains a glossary term (the
  first of its `see` places) and to its glossary entry: the term, its aliases
  and its English name, so `hypervisor` or `paravirtualization` finds the Korean
  section, and a term's own section ranks first for it.

The field's weight is set in mkdocs.yml (`plugins.search.fields.keywords`).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from glossary import GLOSSARY_PAGE, PARTICLES, Glossary
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.search")

ANALYZER = "assets/javascripts/lunr/min/lunr.ko.min.js"
INDEX = "search/search_index.json"
# Every main page ends with `## 직접 해 보기 { #try-it }` and `## 확인 문제 { #self-check }`.
PRACTICE_SECTIONS = {"try-it", "self-check"}
PRACTICE_BOOST = 0.3  # as the glossary and references pages (their front matter)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> None:
    hooks = [Path(path).name for path in config.hooks]
    if "glossary.py" not in hooks or hooks.index("glossary.py") > hooks.index("search.py"):
        raise PluginError("hooks/search.py는 용어집을 씁니다 — mkdocs.yml의 hooks에서 hooks/glossary.py를 그 앞에 두세요")
    if "search" not in config.plugins and "material/search" not in config.plugins:
        raise PluginError("hooks/search.py는 Material의 search 플러그인의 색인을 다룹니다 — plugins에 search를 넣으세요")


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    config._search_files = files  # their pages' URLs are known once the pages are read


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    index_path, analyzer_path = site / INDEX, site / ANALYZER
    if not index_path.exists() or not analyzer_path.exists():
        return  # search is disabled for this build
    index = json.loads(index_path.read_text(encoding="utf-8"))
    # Page.url, as the search index has it ("" for the home page, where File.url is "./").
    pages = {file.src_uri: file.page.url for file in config._search_files.documentation_pages() if file.page}
    add_keywords(index["docs"], config._glossary, pages)
    built = [file.page for file in config._search_files.documentation_pages() if file.page]
    lower_practice_sections(index["docs"], practice_sections(built))
    # Written as UTF-8 rather than Material's \uXXXX escapes: a third smaller for Korean.
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    script = analyzer_path.read_text(encoding="utf-8")
    data = json.dumps({"particles": PARTICLES}, ensure_ascii=False, separators=(",", ":"))
    filled, count = _SITE_DATA.subn(lambda _: f"/* @@SITE */ {data} /* SITE@@ */", script)
    if count != 1:
        raise PluginError(f"{ANALYZER}에서 SITE 자리표시를 찾지 못했습니다 — overrides/{ANALYZER}를 확인하세요")
    analyzer_path.write_text(filled, encoding="utf-8")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


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
        targets = [f"{pages[GLOSSARY_PAGE]}#{term.id}"]
        if term.see:
            page, _, anchor = term.see[0].partition("#")
            targets.append(pages[page] + (f"#{anchor}" if anchor else ""))
        for location in targets:
            doc = by_location.get(location)
            if doc is not None:
                for field_name, value in (("keywords", names), ("joined_names", joined)):
                    if value:
                        doc[field_name] = f"{doc[field_name]} {value}" if field_name in doc else value


def lower_practice_sections(docs: list[dict], practice: set[str]) -> None:
    """Self-checks and hands-on sections repeat a page's key words (in questions, in
    command output): they rank below the sections that explain, and stay findable."""
    for doc in docs:
        if doc["location"] in practice:
            doc["boost"] = min(doc.get("boost", 1), PRACTICE_BOOST)


def practice_sections(pages: list[Page]) -> set[str]:
    """Locations of every `self-check` and `try-it` section and of the sections under them."""
    found = set()
    for page in pages:
        stack = [(item, False) for item in page.toc]
        while stack:
            item, inside = stack.pop()
            inside = inside or item.id in PRACTICE_SECTIONS
            if inside:
                found.add(f"{page.url}#{item.id}")
            stack += [(child, inside) for child in item.children]
    return found


_SITE_DATA = re.compile(r"/\* @@SITE \*/.*?/\* SITE@@ \*/", re.S)
