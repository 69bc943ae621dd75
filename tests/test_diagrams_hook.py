"""hooks/diagrams.py: accessible diagrams, kept out of search, importable on the home page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site


def test_diagram_without_acc_title_or_description_fails_strict_build_with_file_and_line(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    with pytest.raises(Abort):
        build_site(fixture_site("diagrams"), tmp_path / "out")
    messages = [r.getMessage() for r in warnings_log.records if r.name == "mkdocs.hooks.diagrams"]
    assert messages == [
        "docs/index.md:18: 다이어그램에 accDescr이(가) 없습니다 — "
        "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
        "docs/index.md:24: 다이어그램에 accTitle, accDescr이(가) 없습니다 — "
        "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
    ]


def test_home_page_imports_mermaid_with_a_relative_specifier(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("diagrams"), tmp_path / "out", strict=False)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'import mermaid from "./assets/vendor/mermaid/mermaid.esm.min.mjs"' in html


def test_diagram_source_stays_out_of_the_search_index(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("diagrams"), tmp_path / "out", strict=False)
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "홈 페이지에도 다이어그램이 있습니다" in text
    assert "accTitle" not in text and "flowchart" not in text
    # …while the page itself still carries the diagram, without the marker attribute.
    html = (site / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<pre[^>]*class="mermaid"', html)) == 3
    assert "data-search-exclude" not in html
