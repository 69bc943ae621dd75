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

log = logging.getLogger("mkdocs.hooks.search")

ANALYZER = "assets/javascripts/lunr/min/lunr.ko.min.js"
INDEX = "search/search_index.json"

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
        # Multi-word English names also as one word, which the analyzer tries for adjacent
        # query words ("full virtualization"). Korean ones match word by word already.
        joined = [form.replace(" ", "") for form in forms if " " in form and form.isascii()]
        names = " ".join(dict.fromkeys(forms + joined))
        targets = [f"{pages[GLOSSARY_PAGE]}#{term.id}"]
        if term.see:
            page, _, anchor = term.see[0].partition("#")
            targets.append(pages[page] + (f"#{anchor}" if anchor else ""))
        for location in targets:
            doc = by_location.get(location)
            if doc is not None:
                doc["keywords"] = f"{doc['keywords']} {names}" if "keywords" in doc else names


_SITE_DATA = re.compile(r"/\* @@SITE \*/.*?/\* SITE@@ \*/", re.S)
