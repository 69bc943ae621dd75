"""The real site, built in strict mode: pages, diagrams, ids, offline, spelling."""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import diagram_layout
from builds import ROOT, build_site, copy_project, diagram_sources, drawn_diagrams, nav_pages, output_file, soup

# Deep links that onboarding documents use: these ids must exist (and stay).
STABLE_ANCHORS = {
    "index.md": ["reading-order", "at-a-glance"],
    "containers-vs-vms/index.md": ["virtual-machine", "container", "differences", "security", "portability"],
    "containers-vs-vms/choosing.md": ["when-vm", "when-container", "decision-flow", "combining"],
    "virtualization/index.md": ["comparison", "hypervisor-types"],
    "virtualization/host.md": ["structure", "products", "pros-cons"],
    "virtualization/hypervisor.md": [
        "structure", "products", "kvm-type", "pros-cons", "full-virtualization", "dom0",
        "paravirtualization", "hypercall", "hardware-assisted", "full-vs-para",
    ],
    "virtualization/container.md": [
        "structure", "history", "advantages", "disadvantages", "isolation-and-quota", "host-os-dependency",
    ],
    "glossary.md": ["hypervisor", "container", "virtual-machine", "paravirtualization", "dom0", "hypercall"],
    "references.md": ["notes-sources", "authoritative"],
}

# The stack diagrams the issue asks for: (page, words every such diagram must show).
REQUIRED_DIAGRAMS = [
    ("containers-vs-vms/index.md", ["하드웨어", "호스트 OS", "하이퍼바이저", "게스트 OS", "애플리케이션"]),
    ("containers-vs-vms/index.md", ["하드웨어", "호스트 OS", "엔진", "라이브러리", "애플리케이션"]),
    ("virtualization/host.md", ["하드웨어", "호스트 OS", "하이퍼바이저", "게스트 OS"]),
    ("virtualization/hypervisor.md", ["하드웨어", "하이퍼바이저", "게스트 OS"]),
    ("virtualization/hypervisor.md", ["Dom0"]),
    ("virtualization/hypervisor.md", ["하이퍼콜"]),
    ("containers-vs-vms/choosing.md", ["가상머신", "컨테이너"]),
]

# The notes' misspellings and the site's rejected variant spellings.
FORBIDDEN = ["동잃한", "상담하며", "컨터이너", "하이버바이저", "발생간다", "어플리케이션", "게스트OS", "도커엔진", "DOM0",
             "메세지", "디렉토리", "아키텍쳐", "쓰레드", "릴리즈"]

# <tag attribute> pairs through which a page *loads* something (hyperlinks are fine).
RESOURCE_ATTRIBUTES = [
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src"),
    ("source", "srcset"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
    ("object", "data"), ("track", "src"), ("input", "src"),
]
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}

PAGES = nav_pages()


def _content(site: Path, src: str):
    return soup(output_file(site, src)).select_one("article.md-content__inner")


def _all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("src", PAGES)
def test_every_nav_page_is_built_in_korean(site: Path, src: str) -> None:
    document = soup(output_file(site, src))
    assert document.html["lang"] == "ko"
    assert document.select_one("article h1"), f"{src} has no title"
    assert re.search(r"[가-힣]", document.select_one("article").get_text()), f"{src} has no Korean text"


def test_korean_404_page(site: Path) -> None:
    text = soup(site / "404.html").select_one("article").get_text()
    assert "페이지를 찾을 수 없습니다" in text
    assert "Not found" not in text


def _svg_text(svg) -> str:
    """What a reader can read (and find, and select) in a drawn diagram: its text, one label per line."""
    return "\n".join(" ".join(t.get_text(" ", strip=True).split()) for t in svg.select("text"))


def test_required_stack_diagrams_are_present(site: Path) -> None:
    remaining = {src: [_svg_text(svg) for svg in drawn_diagrams(soup(output_file(site, src)))] for src, _ in REQUIRED_DIAGRAMS}
    for src, words in REQUIRED_DIAGRAMS:
        match = next((d for d in remaining[src] if all(word in d for word in words)), None)
        assert match is not None, f"{src}: no drawn diagram shows all of {words}"
        remaining[src].remove(match)


def test_at_least_six_diagrams_each_with_accessible_title_and_description(site: Path) -> None:
    diagrams = [svg for src in PAGES for svg in drawn_diagrams(soup(output_file(site, src)))]
    assert len(diagrams) >= 6
    for svg in diagrams:
        title = svg.find(id=svg["aria-labelledby"])
        description = svg.find(id=svg["aria-describedby"])
        assert title is not None and title.name == "title" and title.get_text(strip=True), svg["id"]
        assert description is not None and description.name == "desc" and description.get_text(strip=True), svg["id"]
        assert svg["role"] in ("img", "figure")


def test_paravirtualization_diagram_shows_hypercalls_from_a_modified_kernel(site: Path) -> None:
    diagrams = [_svg_text(svg) for svg in drawn_diagrams(soup(output_file(site, "virtualization/hypervisor.md")))]
    para = [d for d in diagrams if "하이퍼콜" in d]
    assert any("수정" in d for d in para), "the paravirtualization diagram should show the modified guest kernel"


@pytest.mark.parametrize("src", PAGES)
def test_every_label_line_reaches_the_reader_as_text(site: Path, src: str) -> None:
    # `<br>` splits a label into lines; `&`, `<` and quotes stay text. Each line a writer
    # put in a quoted label is text in the drawn diagram, in the diagram's order.
    written = diagram_sources(src)
    drawn = drawn_diagrams(soup(output_file(site, src)))
    assert len(drawn) == len(written)
    for source, svg in zip(written, drawn):
        text = _svg_text(svg).replace(" ", "")
        for label in re.findall(r'\["([^"]+)"\]|\("([^"]+)"\)|\|"([^"]+)"\|', source):
            for line in re.split(r"<br\s*/?>", next(part for part in label if part)):
                plain = re.sub(r"[*_`]", "", line).replace(" ", "")
                assert plain in text, f"{src}: '{line}' is not in the drawn diagram {svg['id']}"


@pytest.mark.parametrize("src", PAGES)
def test_numbered_side_by_side_boxes_read_left_to_right(site: Path, src: str) -> None:
    # Mermaid places later subgraphs further left: 가상머신 3 · 2 · 1 reads backwards. Boxes
    # of one row that differ only in a trailing number or capital (가상머신 1, 컨테이너 A) are
    # drawn in that order from the left.
    for number, diagram in enumerate(diagram_layout.diagrams(output_file(site, src).read_text(encoding="utf-8")), 1):
        rows: dict[tuple[str, str, int], list[tuple[float, str]]] = {}
        for box in diagram.boxes:
            if match := re.fullmatch(r"(.*?)\s*([1-9]|[A-Z])", box.label):
                rows.setdefault((box.kind, match.group(1), round(box.y / 10)), []).append((box.x, match.group(2)))
        for (_, name, _), row in rows.items():
            drawn = [mark for _, mark in sorted(row)]
            assert drawn == sorted(drawn), f"{src} 그림 {number} ({diagram.title}): '{name}' drawn {drawn} from the left"


@pytest.mark.parametrize("src", PAGES)
def test_no_page_loads_mermaid(site: Path, src: str) -> None:
    html = output_file(site, src).read_text(encoding="utf-8")
    assert "<script type=\"module\">" not in html and "mermaid.esm" not in html
    assert 'class="mermaid"' not in html and "diagram-fallback" not in html


def test_committed_diagram_cache_is_exactly_what_the_site_draws(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The site is published from the committed pictures: build a copy that has only
    # those, with no browser to draw a missing one. A missing picture fails the strict
    # build at its page and line; an unused one is pruned by the build, seen below.
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.diagrams")
    listed = subprocess.run(["git", "ls-files", "diagram-cache"], cwd=ROOT, capture_output=True, text=True, check=True)
    committed = sorted(Path(name).name for name in listed.stdout.split())
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "diagram-cache")
    (project / "diagram-cache").mkdir()
    for name in committed:
        shutil.copy2(ROOT / "diagram-cache" / name, project / "diagram-cache" / name)
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")
    monkeypatch.setenv("HANDOUT", "false")  # printing needs the browser too (tests/test_handout.py)
    build_site(project / "mkdocs.yml", tmp_path / "site")
    unused = sorted(set(committed) - {path.name for path in (project / "diagram-cache").glob("*.svg")})
    assert not unused, f"diagram-cache/ has pictures no diagram uses: {unused} — git rm them"
    assert [r.getMessage() for r in caplog.records if r.name == "mkdocs.hooks.diagrams" and "지웠습니다" not in r.getMessage()] == []


def test_site_publishes_no_mermaid_library_or_diagram_script(site: Path) -> None:
    assert not (site / "assets" / "vendor" / "mermaid").exists()
    assert not (site / "assets" / "javascripts" / "diagrams.js").exists()
    assert not (site / "diagrams").exists()


def test_a_published_build_carries_nothing_of_mkdocs_serve(site: Path) -> None:
    # The problem banner (hooks/serving.py) is for writers under `mkdocs serve` only.
    assert not (site / "__problems__.json").exists()
    assert not (site / "assets/javascripts/serve-problems.js").exists()
    assert not [page for page in site.rglob("*.html") if "serve-problems" in page.read_text(encoding="utf-8")]


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for path in _all_html(site):
        document = soup(path)
        for tag, attribute in RESOURCE_ATTRIBUTES:
            for element in document.find_all(tag, attrs={attribute: True}):
                offenders += [f"{path.name}: <{tag} {attribute}={element[attribute]}>"] * _is_remote(element[attribute])
        for link in document.find_all("link", href=True):
            if LOADING_LINK_RELS & set(link.get("rel", [])) and _is_remote(link["href"]):
                offenders.append(f"{path.relative_to(site)}: <link {link['rel']} {link['href']}>")
        for script in document.find_all("script", src=False):
            for specifier in re.findall(r"""(?:import\s*\(?|from)\s*["']([^"']+)["']""", script.string or ""):
                offenders += [f"{path.relative_to(site)}: import {specifier}"] * _is_remote(specifier)
        for style in [s.string or "" for s in document.find_all("style")] + [e["style"] for e in document.select("[style]")]:
            offenders += [f"{path.relative_to(site)}: {u}" for u in _css_urls(style) if _is_remote(u)]
    for css in site.rglob("*.css"):
        offenders += [f"{css.relative_to(site)}: {u}" for u in _css_urls(css.read_text(encoding="utf-8")) if _is_remote(u)]
    for module in site.rglob("*.mjs"):
        text = module.read_text(encoding="utf-8")
        offenders += [f"{module.relative_to(site)}: {s}" for s in re.findall(r"""from\s*["'](https?:[^"']+)""", text)]
    assert not offenders, "\n".join(offenders)


def test_no_third_party_web_font(site: Path) -> None:
    for path in _all_html(site):
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path
    css = (site / "assets/stylesheets/extra.css").read_text(encoding="utf-8")
    assert "Malgun Gothic" in css and "Apple SD Gothic Neo" in css
    assert "word-break: keep-all" in css


@pytest.mark.parametrize("src", PAGES)
def test_no_misspellings(site: Path, src: str) -> None:
    text = _content(site, src).get_text()
    found = [word for word in FORBIDDEN if word in text]
    assert not found, f"{src}: {found}"


def test_search_index_has_no_diagram_source_or_misspelling(site: Path) -> None:
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    entries = json.loads(index)["docs"]
    assert entries
    for entry in entries:
        assert "accTitle" not in entry["text"] and "flowchart" not in entry["text"], entry["location"]
    assert not [word for word in FORBIDDEN if word in index]


@pytest.mark.parametrize("src", PAGES)
def test_headings_have_readable_ids(site: Path, src: str) -> None:
    for heading in _content(site, src).select("h2, h3, h4, h5, h6"):
        anchor = heading.get("id", "")
        # Python-Markdown's default slug turns Korean headings into "_1", "_2", …
        assert anchor and not re.fullmatch(r"_\d*", anchor), f"{src}: {heading.get_text()!r} -> #{anchor}"
        assert re.fullmatch(r"[a-z0-9가-힣]+(?:[-_][a-z0-9가-힣]+)*", anchor), f"{src}: #{anchor}"
    for heading in _content(site, src).select("h2"):
        assert heading["id"].isascii(), f"{src}: give '{heading.get_text().strip()}' an explicit {{ #id }}"


@pytest.mark.parametrize(("src", "anchors"), STABLE_ANCHORS.items())
def test_stable_deep_link_anchors_exist(site: Path, src: str, anchors: list[str]) -> None:
    ids = {element["id"] for element in soup(output_file(site, src)).select("[id]")}
    assert not set(anchors) - ids


def test_palette_toggle_and_instant_navigation(site: Path) -> None:
    document = soup(output_file(site, "index.md"))
    schemes = {i["data-md-color-scheme"] for i in document.select("input[data-md-color-scheme]")}
    assert {"default", "slate"} <= schemes
    config = json.loads(document.select_one("#__config").string)
    assert "navigation.instant" in config["features"]


def test_references_page_links_the_notes_sources(site: Path) -> None:
    hrefs = {a["href"] for a in _content(site, "references.md").select("a[href]")}
    for source in ["born-dev.tistory.com/39", "medium.com/@lhs6395", "hiaurea.tistory.com/53", "tech.cloud.nongshim.co.kr"]:
        assert any(source in href for href in hrefs), source


def _is_remote(url: str) -> bool:
    return bool(urlsplit(url.strip()).netloc) or url.strip().startswith("//")


def _css_urls(css: str) -> list[str]:
    urls = re.findall(r"""url\(\s*["']?([^"')]+)""", css)
    return urls + re.findall(r"""@import\s+["']([^"']+)""", css)
