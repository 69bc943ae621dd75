"""hooks/_page_model.py: one model of a page, read from the parse that renders it.

Each test builds a fixture site with MkDocs and reads the model the hooks read
(`_build.build_of(config)`), so what is asserted is what every hook works with.
"""

from __future__ import annotations

from pathlib import Path

from builds import built_config, load_hook
from support import messages

build_state = load_hook("_build")


def _model(config_file: Path, src_uri: str, markdown: str, tmp_path: Path):
    (config_file.parent / "docs" / src_uri).write_text(markdown, encoding="utf-8")
    config = built_config(config_file, tmp_path / "out")
    return build_state.build_of(config).model(src_uri)


# -----------------------------------------------------------------------------
# Links
# -----------------------------------------------------------------------------


# Every way to write a link, and what is no link: line by line, what the parse finds.
PARSED_PAGE = """\
# 파싱

[인라인](index.md) 그리고 ![그림](images/stack.svg "제목")

[꺾쇠](<guide/korean.md>) · [*굵게* [괄호]](guide/korean.md#paravirtualization)

[참조 링크][ref] 와 [다시 참조][ref]

<a href="index.md#홈">HTML</a> <img src="images/stack.svg" alt="">

`[인라인 코드](g.md)` 는 링크가 아닙니다.

```text
[펜스 코드](h.md)
```

    [들여쓴 코드](i.md)

<!-- [블록 주석](j.md) -->

문단 안 <!-- [인라인 주석](k.md) --> 주석

<div markdown>
[HTML 블록 안 Markdown](guide/korean.md)
</div>

<https://example.org/x> [메일](mailto:a@b.c) [각주가 있는 문장][ref2][^note]

[ref]: index.md
[ref2]: guide/korean.md#full-virtualization
[안 쓰는 정의]: images/stack.svg
[^note]: 각주 안의 [링크](guide/korean.md#full-virtualization)
"""


def test_links_come_from_the_parse_with_the_lines_they_are_written_at(fixture_site, warnings_log, tmp_path: Path) -> None:
    model = _model(fixture_site("links"), "parsed.md", PARSED_PAGE, tmp_path)
    assert [(link.line, link.target, link.is_image) for link in model.links] == [
        (3, "index.md", False),
        (3, "images/stack.svg", True),
        (5, "guide/korean.md", False),
        (5, "guide/korean.md#paravirtualization", False),
        (9, "index.md#홈", False),
        (9, "images/stack.svg", True),
        (24, "guide/korean.md", False),  # md_in_html: Markdown inside an HTML block is parsed
        (27, "https://example.org/x", False),
        (29, "index.md", False),  # a reference link's target is written in its definition, once
        (30, "guide/korean.md#full-virtualization", False),
        (31, "images/stack.svg", False),  # an unused definition is still checked
        (32, "guide/korean.md#full-virtualization", False),  # in a footnote: the tree puts it last, the line is its own
    ]
    assert messages(warnings_log, "links") == []


# -----------------------------------------------------------------------------
# Headings and anchors
# -----------------------------------------------------------------------------

HEADINGS_PAGE = """\
---
anchor_aliases:
  old-explicit: explicit
---
# 제목과 `코드`

```markdown
## 코드 블록 안의 제목
```

## 명시적 id { #explicit }

세텍스트 제목
-------------

## 같은 제목

### 같은 제목

<h2 id="raw-html">HTML 제목</h2>

문단에 [id를 붙인 링크](index.md){ #attr-id }
"""


def test_headings_have_ids_titles_and_the_lines_they_are_written_at(fixture_site, tmp_path: Path) -> None:
    model = _model(fixture_site("links"), "headings.md", HEADINGS_PAGE, tmp_path)
    assert [(h.level, h.id, h.title, h.line) for h in model.headings] == [
        (1, "제목과-코드", "제목과 코드", 5),  # inline code counts, as the reader sees it
        (2, "explicit", "명시적 id", 11),  # a heading in a code block is no heading
        (2, "세텍스트-제목", "세텍스트 제목", 13),
        (2, "같은-제목", "같은 제목", 16),
        (3, "같은-제목_1", "같은 제목", 18),
    ]


def test_anchors_are_every_id_of_the_page_and_its_kept_aliases(fixture_site, tmp_path: Path) -> None:
    model = _model(fixture_site("links"), "headings.md", HEADINGS_PAGE, tmp_path)
    assert {"explicit", "raw-html", "attr-id", "old-explicit", "세텍스트-제목"} <= model.anchors
    assert model.aliases == {"old-explicit": "explicit"}
    assert model.heading_line("old-explicit") == 11


def test_decomposed_hangul_in_an_id_is_compared_composed(fixture_site, tmp_path: Path) -> None:
    decomposed = "\u1112\u1161\u110b\u1175"  # 하이 typed as jamo (NFD), as some editors save it
    model = _model(fixture_site("links"), "nfd.md", f"# 제목\n\n## 절 {{ #{decomposed} }}\n", tmp_path)
    assert "하이" in model.anchors


def test_glossary_uses_and_generated_headings_are_in_the_model(fixture_site, tmp_path: Path) -> None:
    config = built_config(fixture_site("glossary"), tmp_path / "out")
    build = build_state.build_of(config)
    # hooks/glossary.py records the terms each page uses in the model the other hooks read.
    assert build.model("index.md").glossary_uses == {"hypervisor", "virtual-machine", "container", "kernel", "kvm"}
    # The glossary page's entries are generated from glossary.yml: headings without a line of
    # the page (their messages name glossary.yml), while the page's own title has one.
    glossary = build.model("glossary.md")
    assert glossary.headings[0].line == 1
    assert {h.id for h in glossary.headings if h.line is None} >= {"hypervisor", "kvm"}


def test_without_the_models_owner_the_build_fails_naming_the_hook_that_asked(fixture_site, caplog, tmp_path: Path) -> None:
    # hooks/pages.py opens every page's model; a hook that asks for a model nobody opened
    # stops the build and says which hook asked and what is missing.
    import pytest
    from mkdocs.exceptions import Abort

    from support import edit

    config_file = fixture_site("links")
    edit(config_file, "  - hooks/pages.py\n", "")
    with pytest.raises(Abort):
        built_config(config_file, tmp_path / "out")
    assert any("hooks/links.py가 docs/index.md의 페이지 모델을 찾지만 아무도 열지 않았습니다" in record.getMessage()
               and "hooks/pages.py" in record.getMessage() for record in caplog.records), [r.getMessage() for r in caplog.records]
