"""The printable handout (hooks/handout.py): read back with poppler's tools as a reader's PDF viewer would."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from pypdf import PdfReader

from builds import ROOT, build_site, copy_fixture, drawn_diagrams, nav_pages, output_file, soup
from searching import required_on_ci

HANDOUT = "handout.pdf"

# One worker runs this module (`--dist loadgroup`, tasks.py): it prints the real handout once.
pytestmark = pytest.mark.xdist_group("handout")
A4_POINTS = (595, 842)


@pytest.fixture(scope="session")
def poppler() -> None:
    missing = [tool for tool in ("pdfinfo", "pdffonts", "pdftotext") if shutil.which(tool) is None]
    if missing:
        (pytest.fail if required_on_ci() else pytest.skip)(f"{', '.join(missing)} missing: apt-get install poppler-utils")


@pytest.fixture(scope="session")
def handout(tmp_path_factory: pytest.TempPathFactory, poppler: None) -> Path:
    """The real site built with its handout, as `tasks.py build` builds it: its handout.pdf.

    The session's served site (conftest) is built without the handout, and this module's
    tests run in one worker (xdist_group): one print of 250 pages per test run, not one per
    worker. Built for the published address, so a second run finds the print in the cache."""
    site_dir = tmp_path_factory.mktemp("site-with-handout")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDOUT", "true")
        build_site(ROOT / "mkdocs.yml", site_dir)
    return site_dir / HANDOUT


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def text(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", *pages, *(["-layout"] if layout else []), str(pdf), "-")


@functools.cache
def whole_text(pdf: Path) -> str:
    """All of the handout's text without whitespace, read once per run (pdftotext, 250 pages)."""
    return squeezed(text(pdf))


def squeezed(value: str) -> str:
    """Text without whitespace: a line break in the PDF may fall anywhere."""
    return re.sub(r"\s+", "", value)


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page, from `pdfinfo -dests`."""
    found = {}
    for line in run("pdfinfo", "-dests", str(pdf)).splitlines():
        match = re.match(r'\s*(\d+)\s+\[.*\]\s+"(.*)"$', line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def chapter_id(src: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", src.removesuffix(".md").lower()).strip("-")


def heading_text(element) -> str:
    return element.get_text(" ", strip=True).removesuffix("¶").strip()


def test_the_handout_is_a4_and_carries_every_page_title_as_text(handout: Path) -> None:
    info = run("pdfinfo", str(handout))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(width), round(height)) == A4_POINTS
    whole = whole_text(handout)
    for src in nav_pages():
        title = heading_text(soup(output_file(handout.parent, src)).select_one("article h1"))
        assert squeezed(title) in whole, f"{src}: '{title}' is not text in the handout"


def test_the_table_of_contents_gives_the_page_each_chapter_starts_on(handout: Path) -> None:
    starts = destinations(handout)
    first_chapter = starts[chapter_id(nav_pages()[0])]
    contents = text(handout, 2, first_chapter - 1, layout=True)
    printed = {}
    for line in contents.splitlines():
        match = re.match(r"\s*(\S.*?)\s{2,}(\d+)\s*$", line)
        if match:
            printed.setdefault(match.group(1), int(match.group(2)))
    for src in nav_pages():
        title = heading_text(soup(output_file(handout.parent, src)).select_one("article h1"))
        assert printed.get(title) == starts[chapter_id(src)], f"{src}: the contents say {printed.get(title)}"


def test_page_numbers_are_printed_on_every_page_but_the_cover(handout: Path) -> None:
    pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(handout))).group(1))
    for number in (2, pages // 2, pages):
        last_line = [line for line in text(handout, number, number).splitlines() if line.strip()][-1]
        assert last_line.strip() == str(number)
    assert not text(handout, 1, 1).strip().splitlines()[-1].strip().isdigit()


def test_every_diagram_label_is_text_in_the_handout(handout: Path) -> None:
    whole = whole_text(handout)
    labels = 0
    for src in nav_pages():
        for diagram in drawn_diagrams(soup(output_file(handout.parent, src))):
            # One row per line of a label (tspan.row): the PDF keeps each line, in its own place.
            for row in diagram.select("text tspan.row") or diagram.select("text"):
                if row.get_text(strip=True):
                    labels += 1
                    assert squeezed(row.get_text()) in whole, f"{src}: label '{row.get_text()}' is not text"
    assert labels > 100


def test_the_korean_font_is_embedded_and_no_glyph_is_a_drawing(handout: Path) -> None:
    rows = run("pdffonts", str(handout)).splitlines()[2:]
    names = {row.split()[0].split("+")[-1] for row in rows}
    assert {"NotoSansCJKkr-Regular", "NotoSansCJKkr-Bold"} <= names
    for row in rows:
        assert "Type 3" not in row, f"a font drawn as pictures (synthesised or outlined text): {row}"
        name, embedded = row.split()[0], row.split()[-5]
        assert embedded == "yes", f"{name} is not embedded"


def test_links_between_pages_are_links_inside_the_pdf(handout: Path) -> None:
    named = destinations(handout)
    reader = PdfReader(handout)
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            target = annotation.get("/Dest")
            if target is None and "/A" in annotation and annotation["/A"].get("/S") == "/GoTo":
                target = annotation["/A"]["/D"]
            if target is not None:
                internal += 1
                assert str(target).lstrip("/") in named, f"link to a destination that is not there: {target}"
    assert internal > 500
    # A link written between two pages (host → containers-vs-vms) goes to the other chapter.
    assert f"{chapter_id('containers-vs-vms/index.md')}--virtual-machine" in named


def test_external_addresses_are_printed_and_footnotes_stay_with_their_chapter(handout: Path) -> None:
    whole = whole_text(handout)
    host = soup(output_file(handout.parent, "virtualization/host.md"))
    for link in host.select("div.footnote a[href^='http']"):
        assert squeezed(link["href"]) in whole
    starts = destinations(handout)
    order = [chapter_id(src) for src in nav_pages()]
    following = order[order.index("virtualization-host") + 1]
    footnote = next(name for name in starts if name.startswith("virtualization-host--fn:"))
    assert starts["virtualization-host"] <= starts[footnote] <= starts[following]


def test_addresses_are_printed_decoded_and_screen_only_text_is_left_out(handout: Path) -> None:
    from urllib.parse import unquote

    whole = whole_text(handout)
    encoded = [link["href"] for link in soup(output_file(handout.parent, "references.md")).select("article a[href*='%']")]
    assert encoded, "the references page has no percent-encoded address to check"
    for href in encoded:
        assert squeezed(unquote(href)) in whole and squeezed(href) not in whole
    home = soup(handout.parent / "index.html")
    screen_only = [element.get_text(" ", strip=True) for element in home.select("article .screen-only")]
    assert screen_only, "the home page's download paragraph is marked { .screen-only }"
    for shown in screen_only:
        assert squeezed(shown)[:40] not in whole


def test_bookmarks_name_each_heading_once(handout: Path) -> None:
    titles = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title.strip())

    walk(PdfReader(handout).outline)
    assert len(titles) > 100
    doubled = [title for title in titles if len(title) % 2 == 0 and title[: len(title) // 2] * 2 == title and len(title) > 2]
    assert doubled == []


def test_answers_are_collected_after_every_chapter(handout: Path) -> None:
    starts = destinations(handout)
    last_chapter = max(starts[chapter_id(src)] for src in nav_pages())
    assert starts["handout-answers"] > last_chapter
    questions = 0
    for src in nav_pages():
        for number, question in enumerate(soup(output_file(handout.parent, src)).select("details.question"), start=1):
            questions += 1
            answer = f"{chapter_id(src)}--answer-{number}"
            assert starts[answer] >= starts["handout-answers"], f"{src}: answer {number} is not at the end"
            assert starts[f"{chapter_id(src)}--question-{number}"] < starts["handout-answers"]
            assert question.select_one("summary").get_text(strip=True)
    answers_text = squeezed(text(handout, starts["handout-answers"]))
    assert answers_text.count("쪽") >= questions


def test_the_home_page_links_the_handout_for_download(handout: Path) -> None:
    link = soup(handout.parent / "index.html").select_one(f"article a[href='{HANDOUT}']")
    assert link is not None and link["download"].endswith(".pdf") and handout.stat().st_size > 1_000_000


@pytest.fixture(scope="module")
def fixture_handout(tmp_path_factory: pytest.TempPathFactory, poppler: None) -> Path:
    """tests/fixtures/handout built once, printed cold, dated by SOURCE_DATE_EPOCH: its PDF."""
    if not Path("/usr/bin/chromium").exists() and not required_on_ci():
        pytest.skip("/usr/bin/chromium is missing")
    config = copy_fixture("handout", tmp_path_factory.mktemp("handout") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1764201600")
        return build_site(config, config.parent / "site") / HANDOUT


def test_two_prints_of_one_commit_are_byte_identical_with_its_date(fixture_handout: Path, monkeypatch, tmp_path) -> None:
    project = fixture_handout.parent.parent
    kept = tmp_path / "first.pdf"
    shutil.copy(fixture_handout, kept)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764201600")
    shutil.rmtree(project / ".cache")  # print again, not a copy of the cached print
    again = build_site(project / "mkdocs.yml", tmp_path / "site") / HANDOUT
    assert kept.read_bytes() == again.read_bytes()
    assert "CreationDate:    Thu Nov 27 00:00:00 2025 UTC" in run("pdfinfo", str(again))


def test_the_fixture_handout_has_its_tabs_links_and_answers(fixture_handout: Path) -> None:
    whole = squeezed(text(fixture_handout))
    for label in ("Linux", "리눅스에서보는글입니다", "macOS", "맥에서보는글입니다", "하드웨어", "운영체제",
                  "https://docs.kernel.org/admin-guide/cgroup-v2.html", "첫해답입니다", "둘째해답입니다"):
        assert label in whole
    starts = destinations(fixture_handout)
    assert starts["index--answer-1"] == starts["handout-answers"]
    assert "part-second--picture" in starts


def test_a_handout_that_cannot_be_made_fails_the_build(fixture_site, monkeypatch, warnings_log) -> None:
    config = fixture_site("handout")
    monkeypatch.setenv("DIAGRAM_BROWSER", str(config.parent / "no-such-chromium"))
    with pytest.raises(Abort):
        build_site(config, config.parent / "site", strict=False)
    assert any("인쇄본 handout.pdf을(를) 만들지 못했습니다" in record.getMessage() and "chromium" in record.getMessage()
               for record in warnings_log.records)
    assert not (config.parent / "site" / HANDOUT).exists() or (config.parent / "site" / HANDOUT).stat().st_size == 0


def test_a_single_page_prints_without_navigation_and_with_its_answers_open(page, server: str, poppler, tmp_path) -> None:
    page.goto(server + "virtualization/host/")
    printed = tmp_path / "host.pdf"
    page.pdf(path=str(printed), format="A4")
    words = squeezed(text(printed))
    answers = page.locator("details.question:not([open]) > p").all_text_contents()
    assert answers and all(squeezed(answer)[:40] in words for answer in answers)
    # The header's site name and the navigation's other pages are not in the page's article.
    article = squeezed(page.locator("article").text_content())
    for chrome in ("컨테이너와가상머신안내서", "오늘의생태계"):
        assert chrome not in article and chrome not in words


def test_printing_a_page_opens_its_folded_boxes_and_folds_them_again(page, server: str) -> None:
    # Browsers without ::details-content: assets/javascripts/print.js, on the print events.
    page.goto(server + "virtualization/host/")
    page.wait_for_load_state("load")
    folded = page.locator("details:not([open])").count()
    assert folded > 0
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator("details:not([open])").count() == folded
