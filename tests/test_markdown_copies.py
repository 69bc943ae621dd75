"""hooks/markdown_copies.py: each page as Markdown, llms.txt and llms-full.txt, for assistants."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.exceptions import Abort

from builds import ROOT, build_site, copy_fixture, diagram_sources, load_hook, nav_pages, output_file, soup
from serving import serve
from support import edit, messages

PAGES = nav_pages()
BUTTON = 'a[title="Markdown으로 보기"]'
mask_code = load_hook("_source").mask_code


def _leftovers(copy: str) -> list[str]:
    """What in a copy is no plain Markdown, outside code: HTML tags, attribute lists, the
    markers of admonitions and tabs, glossary references."""
    unquoted = re.sub(r"^(?:[ \t]*>[ \t]?)+", "", copy, flags=re.M)  # code inside a blockquote is code too
    text = mask_code(unquoted)
    return [match.group(0) for match in _LEFTOVER.finditer(text)]


_LEFTOVER = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*>|\{:?[ \t]*[#.]|^[ \t]*(?:!!!|\?\?\?|===)|\[\[", re.M)
_LINK_TARGET = re.compile(r"\]\([ \t]*<?([^)\s>]+)|^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?(\S+?)>?$", re.M)


def _targets(copy: str) -> list[str]:
    """Every link and image target in a copy, outside code."""
    return [match.group(1) or match.group(2) for match in _LINK_TARGET.finditer(mask_code(copy))]


def _copy(site: Path, src: str) -> str:
    return (site / src).read_text(encoding="utf-8")


def _heading_text(heading) -> str:
    """A heading's text as the reader sees it, without its permalink."""
    for permalink in heading.select(".headerlink"):
        permalink.decompose()
    return heading.get_text().strip()


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------


def test_llms_txt_lists_every_nav_page_once_with_a_description_and_its_copy(site: Path, server: str) -> None:
    text = (site / "llms.txt").read_text(encoding="utf-8")
    assert text.startswith("# 컨테이너와 가상머신 안내서\n\n> 새로 합류한 팀원이")
    entries = re.findall(r"^- \[(.+?)\]\((\S+?)\)(?:: (.*))?$", text, re.M)
    listed = [url.removeprefix(server) for _, url, _ in entries]
    assert listed == PAGES, "every nav page once, in nav order, at its copy's address"
    assert all(description and description.strip() for _, _, description in entries)
    assert all((site / path).is_file() for path in listed)
    assert re.findall(r"^## (.+)$", text, re.M)[:3] == ["홈", "실습 준비", "컨테이너와 가상머신"]


@pytest.mark.parametrize("src", PAGES)
def test_each_copy_starts_with_the_title_and_has_nothing_but_markdown(site: Path, src: str) -> None:
    copy = _copy(site, src)
    heading = soup(output_file(site, src)).select_one("article h1")
    assert copy.split("\n", 1)[0] == f"# {_heading_text(heading)}"
    assert _leftovers(copy) == []


@pytest.mark.parametrize("src", [src for src in PAGES if diagram_sources(src)])
def test_each_diagram_is_in_the_copy_as_its_title_and_description(site: Path, src: str) -> None:
    copy = _copy(site, src)
    for source in diagram_sources(src):
        title = re.search(r"^\s*accTitle\s*:\s*(.+?)\s*$", source, re.M).group(1)
        description = re.search(r"^\s*accDescr\s*:\s*(.+?)\s*$", source, re.M).group(1)
        assert f"**그림: {title}** — {description}" in copy


def test_relative_links_in_the_copies_became_absolute_urls(site: Path, server: str) -> None:
    relative = {src: [t for t in _targets(_copy(site, src)) if not t.startswith(("http://", "https://", "mailto:"))] for src in PAGES}
    assert relative == {src: [] for src in PAGES}
    host = _copy(site, "virtualization/host.md")
    assert f"]({server}containers-vs-vms/#virtual-machine)" in host, "another page's section: its HTML address"
    assert f"]({server}virtualization/host/#try-it)" in host, "a section of the same page: absolute too"


def test_the_glossary_copy_lists_every_term_with_its_definition(site: Path) -> None:
    copy = _copy(site, "glossary.md")
    html_terms = [_heading_text(h) for h in soup(output_file(site, "glossary.md")).select("article h3")]
    assert re.findall(r"^### (.+)$", copy, re.M) == html_terms, "every term, in the page's order"
    assert "**하이퍼바이저가 가상머신에 보여 주는 CPU로" in copy


def test_llms_full_txt_holds_every_copy_in_nav_order(site: Path) -> None:
    full = (site / "llms-full.txt").read_text(encoding="utf-8")
    # Each copy opens the same way in llms-full.txt (`# 제목`, `원문: …`); its footnote labels
    # there carry the page's name (test_every_footnote_label_is_defined_once_in_llms_full).
    places = [full.find("\n---\n\n" + "\n".join(_copy(site, src).split("\n")[:3])) for src in PAGES]
    assert -1 not in places and places == sorted(places)


def test_every_page_links_its_copy_from_the_markdown_button(site: Path, server: str) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for src in PAGES:
        button = soup(output_file(site, src)).select_one(BUTTON)
        assert button is not None and button["aria-label"] == "Markdown으로 보기", src
        assert not urlsplit(button["href"]).scheme and not button["href"].startswith("/"), "relative: offline, any base URL"
        target = urljoin(server + output_file(site, src).relative_to(site).as_posix(), button["href"])
        assert target == server + src and (site / src).is_file()
        # Material's instant navigation takes over only the sitemap's pages: the copy loads as itself.
        assert f"<loc>{target}</loc>" not in sitemap
        # Material fetches a sitemap.xml next to every <link rel="alternate">: the head names no copy.
        assert soup(output_file(site, src)).select_one("head link[rel=alternate]") is None


@pytest.mark.browser
def test_the_markdown_button_opens_the_copy_with_instant_navigation_on(page, site: Path, server: str) -> None:
    page.goto(server + "virtualization/", wait_until="load")
    page.click("a[href$='host/']")  # instant navigation: the document stays, the content is swapped
    page.wait_for_url(f"{server}virtualization/host/")
    with page.expect_navigation() as navigation:
        page.click(BUTTON)
    response = navigation.value
    assert response.url == f"{server}virtualization/host.md" and response.ok
    # The copy itself, not an HTML page (this test server names no charset: the text is not compared).
    assert page.evaluate("document.contentType") == "text/markdown"


# -----------------------------------------------------------------------------
# The converter's rules, one each, on a small fixture site
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/markdown-copies built once (strict): its site folder."""
    config = copy_fixture("markdown-copies", tmp_path_factory.mktemp("markdown-copies") / "project")
    return build_site(config, config.parent / "site")


def test_an_admonition_becomes_a_blockquote_under_its_bold_title(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    assert "> **알아 두기**\n>\n> 상자 안의 문장입니다.\n>\n> 상자 안의 둘째 문단입니다.\n" in copy
    assert "> **접힌 질문은 무엇인가요?**\n>\n> 접힌 답입니다.\n" in copy, "a fold (??? question) too"


def test_a_content_tab_becomes_its_bold_label_and_its_dedented_body(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    assert "**Linux**\n\n리눅스 본문입니다.\n\n```console\n$ uname -r\n```\n\n**macOS (Docker Desktop)**\n\n맥 본문입니다.\n" in copy


def test_a_diagram_becomes_its_accessible_title_and_description(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    assert "**그림: 가상머신과 커널의 그림** — 가상머신이 커널 위에 있습니다.\n" in copy
    assert "flowchart" not in copy


def test_a_glossary_reference_becomes_the_text_the_page_shows(copies: Path) -> None:
    assert "hypervisor를 씁니다. 가상머신을 띄웁니다." in _copy(copies, "index.md")


def test_links_and_images_point_to_absolute_urls(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    assert "[다른 페이지의 절](https://example.org/guide/guide/#detail)" in copy
    assert "[이 페이지의 절](https://example.org/guide/#boxes)" in copy
    assert "![로고](https://example.org/guide/assets/logo.svg)" in copy
    assert "[바깥](https://example.com/x)" in copy
    assert "[guide]: https://example.org/guide/guide/\n" in copy, "a reference definition"
    assert "## 링크\n" in copy and "{ #" not in mask_code(copy), "heading ids are dropped"


def test_code_is_copied_exactly(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    source = (ROOT / "tests" / "fixtures" / "markdown-copies" / "docs" / "index.md").read_text(encoding="utf-8")
    fence = source[source.index("```html") : source.index("```\n", source.index("```html") + 3) + 4]
    assert fence in copy
    assert "`[[hypervisor]]`와 `<br>`와 `{ #id }`는 코드 안에서 그대로입니다.[^code]" in copy
    assert "[^code]: 각주도 그대로입니다." in copy


def test_line_breaks_and_markdown_wrappers_leave_no_html(copies: Path) -> None:
    copy = _copy(copies, "index.md")
    assert "| 줄바꿈 | 첫 줄 둘째 줄 |" in copy and "\n감싼 문단입니다.\n" in copy
    assert _leftovers(copy) == []


def test_the_glossary_copy_has_the_entries_in_page_order(copies: Path) -> None:
    copy = _copy(copies, "glossary.md")
    assert re.findall(r"^#{2,3} .+$", copy, re.M) == ["## ㄱ", "### 가상머신", "## ㅎ", "### 하이퍼바이저"]
    assert "**가상머신을 만들고 실행하는 소프트웨어 계층입니다.**" in copy
    assert "자세히: [자세한 안내 › 자세히](https://example.org/guide/guide/#detail)" in copy


def test_llms_txt_has_the_proposals_shape(copies: Path) -> None:
    assert (copies / "llms.txt").read_text(encoding="utf-8") == (
        "# 사본 시험\n\n> Markdown 사본을 시험하는 작은 사이트\n\n"
        "아래는 페이지마다 Markdown 사본의 주소와 짧은 설명을 적은 목록입니다. 모든 페이지를 읽는 순서대로 한 파일에 담은 것은 "
        "[llms-full.txt](https://example.org/guide/llms-full.txt)입니다.\n\n"
        "## 홈\n\n- [홈](https://example.org/guide/index.md): 첫 문단이 한 줄 설명이 됩니다. 160자 안의 문장은 함께 들어갑니다.\n\n"
        "## 안내\n\n- [자세한 안내](https://example.org/guide/guide.md): 이 페이지는 하이퍼바이저와 가상머신을 자세히 설명합니다.\n\n"
        "## 용어집\n\n- [용어집](https://example.org/guide/glossary.md): 이 사이트의 용어를 모았습니다.\n"
    )


@pytest.mark.parametrize(("written", "message"), [
    ('자세한 <span class="note">내용</span>입니다.',
     "Markdown 사본으로 옮길 수 없는 HTML입니다: '<span class=\"note\">' — Markdown으로 바꿔 쓰세요 (옮기는 규칙: hooks/_markdown_copy.py)"),
    ("=== Linux",
     "상자나 탭으로 읽히지 않는 줄입니다: '=== Linux' — "
     '`!!! note "제목"`, `??? question "질문"`, `=== "Linux"` 꼴로 쓰고 본문은 4칸 들여 쓰세요'),
])
def test_what_the_converter_cannot_turn_into_markdown_fails_at_its_line(
    fixture_site, warnings_log, tmp_path: Path, written: str, message: str
) -> None:
    config_file = fixture_site("markdown-copies")
    edit(config_file.parent / "docs" / "guide.md", "자세한 내용입니다.", written)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "markdown_copies") == [f"docs/guide.md:7: {message}"]


def test_a_dirty_rebuild_still_writes_every_copy(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("markdown-copies")
    site = build_site(config_file, tmp_path / "out")
    edit(config_file.parent / "docs" / "guide.md", "자세한 내용입니다.", "고친 내용입니다.")
    for written in ("index.md", "llms.txt", "llms-full.txt"):
        (site / written).unlink()  # so that what is there after the rebuild was written by it
    build_site(config_file, site, dirty=True, strict=False)  # renders guide.md only; MkDocs warns of any dirty build
    assert [r.getMessage() for r in warnings_log.records if r.name.startswith("mkdocs.hooks.")] == []
    assert "고친 내용입니다." in _copy(site, "guide.md")
    assert "> **알아 두기**" in _copy(site, "index.md")
    assert (site / "llms.txt").read_text(encoding="utf-8").count("\n- [") == 3
    assert "## 상자" in (site / "llms-full.txt").read_text(encoding="utf-8"), "unchanged pages are in it too"


def test_mkdocs_serve_sends_the_copies_as_utf8(fixture_site) -> None:
    project = fixture_site("markdown-copies").parent
    (project / ".venv").symlink_to(ROOT / ".venv")
    with serve(project, base_path="/guide/") as server:
        server.wait_for_page("index.md", "# 사본 시험의 홈")
        for path, kind in (("index.md", "text/markdown"), ("llms.txt", "text/plain")):
            with urllib.request.urlopen(server.url + path, timeout=5) as response:
                assert response.headers["Content-Type"] == f"{kind}; charset=utf-8"


def test_every_footnote_label_is_defined_once_in_llms_full(site: Path) -> None:
    # Pages reuse labels ([^wsl-faq]); joined in one file, each page's are made its own.
    full = (site / "llms-full.txt").read_text(encoding="utf-8")
    definitions = re.findall(r"^\[\^([^\]\s]+)\]:", full, re.M)
    assert len(definitions) > 100
    repeated = sorted({label for label in definitions if definitions.count(label) > 1})
    assert repeated == []


def test_a_moved_page_keeps_its_old_copy_address(fixture_site, tmp_path: Path) -> None:
    # mkdocs-redirects keeps the old HTML address; the old .md address says where the copy went.
    config_file = fixture_site("markdown-copies")
    edit(config_file, "markdown_extensions:", "plugins:\n  - redirects:\n      redirect_maps:\n"
         "        old/guide.md: guide.md\nmarkdown_extensions:")
    site = build_site(config_file, tmp_path / "out")
    moved = (site / "old" / "guide.md").read_text(encoding="utf-8")
    assert moved.startswith(f"# {_copy(site, 'guide.md').splitlines()[0].removeprefix('# ')}\n")
    assert "<https://example.org/guide/guide.md>" in moved and "<https://example.org/guide/guide/>" in moved
    assert (site / "old" / "guide" / "index.html").is_file()  # and the plugin's own HTML redirect
