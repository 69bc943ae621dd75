"""hooks/diagrams.py: every diagram drawn at build time, accessible, cached, never a broken picture."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site, drawn_diagrams, soup
from support import messages

GOOD = '''```mermaid
flowchart BT
  accTitle: 두 층
  accDescr: 하드웨어 위에 운영체제가 있습니다.
  hw["하드웨어"] --> os["운영체제<br>(커널 & 드라이버)"]
```
'''
BROKEN = '''```mermaid
flowchart BT
  accTitle: 깨진 그림
  accDescr: 화살표가 끝나지 않습니다.
  hw["하드웨어"] -->
```
'''


def _page(project: Path, *blocks: str) -> None:
    (project / "docs" / "index.md").write_text("# 홈\n\n앞 문단입니다.\n\n" + "\n본문입니다.\n\n".join(blocks), encoding="utf-8")


def test_diagram_without_acc_title_or_description_fails_strict_build_with_file_and_line(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    with pytest.raises(Abort):
        build_site(fixture_site("diagrams"), tmp_path / "out")
    assert messages(warnings_log, "diagrams") == [
        "docs/index.md:18: 다이어그램에 accDescr이(가) 없습니다 — "
        "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
        "docs/index.md:24: 다이어그램에 accTitle, accDescr이(가) 없습니다 — "
        "다이어그램 종류 다음 줄에 `accTitle: 제목`과 `accDescr: 한 줄 설명`을 넣으세요",
    ]


def test_description_that_places_boxes_left_or_right_fails_at_its_line(fixture_site, warnings_log, tmp_path: Path) -> None:
    # Mermaid decides what is drawn left: a description saying so may describe another picture.
    config_file = fixture_site("diagrams")
    _page(config_file.parent, GOOD.replace("accDescr: 하드웨어 위에", "accDescr: 왼쪽 하드웨어 위에"))
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "diagrams") == [
        "docs/index.md:8: 다이어그램 설명이 자리를 좌우로 말합니다: '왼쪽' — 좌우 대신 이름과 위아래로 설명하세요 (배치는 Mermaid가 정합니다)"
    ]


def test_diagram_is_drawn_into_the_page_as_accessible_svg_with_text_labels(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    site = build_site(config, tmp_path / "out")
    html = (site / "index.html").read_text(encoding="utf-8")
    [svg] = drawn_diagrams(soup(site / "index.html"))
    assert svg["id"] == "diagram-index-1" and svg["role"] == "img"
    assert svg.find(id=svg["aria-labelledby"]).name == "title"
    assert svg.find(id=svg["aria-labelledby"]).get_text() == "두 층"
    assert svg.find(id=svg["aria-describedby"]).get_text() == "하드웨어 위에 운영체제가 있습니다."
    labels = [" ".join(t.get_text(" ", strip=True).split()) for t in svg.select("text")]
    assert "하드웨어" in labels and any("(커널 & 드라이버)" in label for label in labels)
    # Colours are Material's palette variables (renamed, see theme.css): one picture for both palettes,
    # and no "mermaid" in the page for mkdocs-mermaid2 to re-parse.
    assert "var(--diagram-node-bg-color)" in html and "mermaid" not in html
    assert "<script type=\"module\">" not in html and "mermaid.esm" not in html
    assert not (site / "assets" / "vendor" / "mermaid").exists()


def test_diagram_mermaid_cannot_parse_fails_strict_build_with_its_line_and_mermaids_message(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, GOOD, BROKEN)
    with pytest.raises(Abort):
        build_site(config, tmp_path / "out")
    [message] = messages(warnings_log, "diagrams")
    assert message.startswith("docs/index.md:14: Mermaid가 다이어그램을 읽지 못했습니다: ")
    assert "Parse error on line" in message and "\n" not in message
    assert message.endswith("— Mermaid 문법을 고치세요 (https://mermaid.js.org/intro/syntax-reference.html)")


def test_broken_diagram_shows_its_message_in_the_page_when_not_strict(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, BROKEN)
    site = build_site(config, tmp_path / "out", strict=False)
    error = soup(site / "index.html").select_one("div.diagram-error")
    assert "docs/index.md:5" in error.get_text() and "Parse error" in error.get_text()
    assert not drawn_diagrams(soup(site / "index.html"))


def test_cache_serves_a_second_build_byte_identically_without_a_browser(
    fixture_site, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    first = (build_site(config, tmp_path / "one") / "index.html").read_text(encoding="utf-8")
    assert any("다이어그램 1개를 새로 그려" in m for m in messages(caplog, "diagrams", logging.INFO))
    cached = sorted((config.parent / "diagram-cache").glob("*.svg"))
    assert len(cached) == 1
    caplog.clear()
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")  # a writer without Chromium
    second = (build_site(config, tmp_path / "two") / "index.html").read_text(encoding="utf-8")
    assert second == first
    assert messages(caplog, "diagrams", logging.INFO) == []


def test_drawing_the_same_source_twice_gives_the_same_bytes(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    build_site(config, tmp_path / "one")
    [picture] = (config.parent / "diagram-cache").glob("*.svg")
    first = picture.read_bytes()
    picture.unlink()
    build_site(config, tmp_path / "two")  # a fresh browser draws it again
    assert picture.read_bytes() == first


def test_cached_picture_no_diagram_uses_is_removed(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    build_site(config, tmp_path / "one")
    [old] = (config.parent / "diagram-cache").glob("*.svg")
    _page(config.parent, GOOD.replace("운영체제", "운영 체계"))
    build_site(config, tmp_path / "two")
    [new] = (config.parent / "diagram-cache").glob("*.svg")
    assert new != old and not old.exists()


def test_without_browser_or_cache_the_page_draws_in_the_browser_and_strict_build_fails(
    fixture_site, warnings_log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    with pytest.raises(Abort):
        build_site(config, tmp_path / "strict")
    assert messages(warnings_log, "diagrams") == [
        "docs/index.md:5: Chromium이 없고 캐시에도 없는 다이어그램이라 브라우저에서 그립니다 — "
        "sudo apt-get install chromium 후 다시 빌드하면 미리 그려 diagram-cache/에 넣습니다"
    ]
    site = build_site(config, tmp_path / "serve", strict=False)
    html = (site / "index.html").read_text(encoding="utf-8")
    pre = soup(site / "index.html").select_one("pre.diagram-fallback")
    assert pre.get_text().startswith("flowchart BT") and "<br>" in pre.get_text()
    assert 'import mermaid from "./assets/vendor/mermaid/mermaid.esm.min.mjs"' in html
    assert 'import { drawFallbacks } from "./assets/javascripts/diagrams.js"' in html
    assert (site / "assets" / "vendor" / "mermaid" / "mermaid.esm.min.mjs").exists()
    assert (site / "assets" / "javascripts" / "diagrams.js").exists()


def test_diagram_labels_stay_out_of_the_search_index(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("diagrams")
    _page(config.parent, GOOD)
    site = build_site(config, tmp_path / "out")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "앞 문단입니다" in text
    assert "accTitle" not in text and "flowchart" not in text and "드라이버" not in text
    assert "data-search-exclude" not in (site / "index.html").read_text(encoding="utf-8")


def test_the_mermaid_version_is_the_vendored_copys_and_a_second_one_is_refused(fixture_site, caplog, tmp_path: Path) -> None:
    # One source for the version: docs/assets/vendor/mermaid/VERSION. mermaid2 is told it;
    # a different version written in mkdocs.yml stops the build.
    from builds import built_config
    from support import edit

    config_file = fixture_site("diagrams")
    _page(config_file.parent, GOOD)
    config = built_config(config_file, tmp_path / "out")
    vendored = (config_file.parent / "docs" / "assets" / "vendor" / "mermaid" / "VERSION").read_text(encoding="utf-8").split()[1]
    assert config.plugins["mermaid2"].config["version"] == vendored
    edit(config_file, "  - mermaid2:\n", '  - mermaid2:\n      version: "10.0.0"\n')
    with pytest.raises(Abort):
        built_config(config_file, tmp_path / "out2")
    assert any("mkdocs.yml의 mermaid2 version '10.0.0'" in r.getMessage() for r in caplog.records)
