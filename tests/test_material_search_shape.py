"""Material's search worker and its Lunr, read from the installed package without a browser.

The Korean search (overrides/assets/javascripts/lunr/min/lunr.ko.min.js, hooks/search.py)
relies on what CONTRIBUTING.md "한국어 검색이 기대는 외부 내부 구조" lists. The browser
tests catch a change too, but only where Chromium runs; these read the shipped worker and
fail naming the package and what moved, in milliseconds.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import material
import pytest

PACKAGE = f"mkdocs-material {importlib.metadata.version('mkdocs-material')}"
ASSETS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
WORKERS = sorted((ASSETS / "workers").glob("search.*.min.js"))
OVERRIDE = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "lunr" / "min" / "lunr.ko.min.js"

# (what we rely on, a pattern in Material's minified worker that shows it)
WORKER_SHAPE = [
    ("the worker loads lunr/min/lunr.<lang>.min.js for a language other than en",
     r"\$\{\w+\}/min/lunr\.\$\{\w+\}\.min\.js"),
    ("the worker loads language files with importScripts", r"importScripts\(`\$\{\w+\}/min/lunr\.stemmer\.support\.min\.js`"),
    ("the worker bundles Lunr 2.3.9", r'version="2\.3\.9"'),
    ("Lunr's query clauses go through Query.prototype.clause", r"\.Query\.prototype\.clause=function"),
    ("Lunr's TokenSet.prototype.toString (olivernn/lunr.js#503)", r"\.TokenSet\.prototype\.toString=function"),
    ("Lunr's Index.prototype.query and search", r"\A(?=.*\.Index\.prototype\.query=function)(?=.*\.Index\.prototype\.search=function)"),
    ("Material multiplies Lunr's score by 1 + g² (g from the matched terms)", r"score:\w+\*\(1\+\w+\(\w+,2\)\)"),
    ("Material hides the query terms not found, from matchData.metadata", r"matchData:\w+\}\)=>"),
]


def test_one_search_worker_is_shipped() -> None:
    assert len(WORKERS) == 1, f"{PACKAGE}: expected one assets/javascripts/workers/search.*.min.js, found {WORKERS}"


@pytest.mark.parametrize(("relied_on", "pattern"), WORKER_SHAPE, ids=[name for name, _ in WORKER_SHAPE])
def test_materials_worker_still_has_the_shape_the_korean_search_relies_on(relied_on: str, pattern: str) -> None:
    worker = WORKERS[0].read_text(encoding="utf-8")
    assert re.search(pattern, worker, re.S), (
        f"{PACKAGE}: {relied_on} — no longer in {WORKERS[0].name}; see CONTRIBUTING.md "
        "'한국어 검색이 기대는 외부 내부 구조' and overrides/assets/javascripts/lunr/min/lunr.ko.min.js")


def test_the_prototypes_our_analyzer_replaces_exist_in_materials_lunr() -> None:
    worker = WORKERS[0].read_text(encoding="utf-8")
    replaced = sorted(set(re.findall(r"lunr\.(\w+\.prototype\.\w+)\s*=", OVERRIDE.read_text(encoding="utf-8"))))
    assert replaced, "lunr.ko.min.js replaces no Lunr prototype: update this test with it"
    missing = [name for name in replaced if f".{name}=function" not in worker]
    assert not missing, f"{PACKAGE}: Lunr no longer defines {missing}, which lunr.ko.min.js replaces"


def test_material_ships_the_language_files_the_worker_loads_next_to_ours() -> None:
    shipped = {path.name for path in (ASSETS / "lunr" / "min").glob("lunr.*.min.js")}
    assert "lunr.stemmer.support.min.js" in shipped, f"{PACKAGE}: lunr/min/lunr.stemmer.support.min.js is gone"
    assert "lunr.ko.min.js" in shipped, f"{PACKAGE}: lunr/min/lunr.ko.min.js (which overrides/ replaces) is gone"
