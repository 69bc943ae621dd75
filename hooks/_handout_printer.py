"""HTML -> the handout's PDF, in the build's Chromium: page numbers, a table of contents that
knows them, the same bytes for the same commit.

Why Chromium's own printing: the diagrams are inline SVG, which Chromium prints as vectors
with their labels as text, in the fonts the handout asks for (Noto Sans CJK KR, OFL); it embeds subsets of them,
turns links inside the document into PDF destinations and writes an outline from the
headings. WeasyPrint-based tools drop Mermaid's labels; mkdocs-with-pdf garbles Korean.

Chromium draws page numbers itself (CSS `@page` margin boxes, `counter(page)`), but cannot
say on which page an element lands (no `target-counter()`). So the document is printed
twice: the first print's named destinations (one per link target, named by the element's
id) give each target's page; the page numbers go into the document's
`[data-page-of]` elements, and the second print is the handout. Page numbers are written
with a fixed width before the first print, so they do not move a line.

Chromium stamps the print's time into the PDF (CreationDate, ModDate): both are replaced by
the handout's date, in place and with the same length, so the file's cross-reference offsets
stay right and two builds of one commit give the same bytes. Its outline's doubled titles
are mended the same way.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from _browser import BuildBrowser

ORIGIN = "http://handout.invalid/"  # never resolves: every request is answered from disk
KOREAN_FONT = "NotoSansCJKkr"  # the PostScript name of Noto Sans CJK KR (fonts-noto-cjk), OFL
MAX_PASSES = 3  # page numbers settle in the second print; a third only if they moved a line


class HandoutError(Exception):
    """The handout could not be made (the message says why, in Korean)."""


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    pages: int
    destinations: dict[str, int]  # element id -> 1-based page number
    passes: int


def print_handout(browser: BuildBrowser, html: str, site_dir: Path, extra: dict[str, bytes], created: datetime) -> Printed:
    """Print `html` (served as ORIGIN/handout.html; the files it asks for from `extra`, by
    name, else from site_dir) to A4."""
    if not browser.available:
        raise HandoutError("Chromium이 없어 인쇄본(PDF)을 만들 수 없습니다 — sudo apt-get install chromium fonts-noto-cjk, "
                           "또는 인쇄본 없이 빌드하려면 HANDOUT=false")
    return browser.run(lambda chromium: _print(chromium, html, site_dir, extra, created))


def _print(chromium, html: str, site_dir: Path, extra: dict[str, bytes], created: datetime) -> Printed:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.route(f"{ORIGIN}**", lambda route: _serve(route, html, site_dir, extra))
        page.goto(f"{ORIGIN}handout.html", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        wanted = page.evaluate("[...document.querySelectorAll('[data-page-of]')].map(e => e.dataset.pageOf)")
        known: dict[str, int] = {}
        for passes in range(1, MAX_PASSES + 1):
            page.evaluate(_FILL_PAGE_NUMBERS, known)
            # The first print only finds the pages: no structure tree and bookmarks (a third faster).
            final = passes > 1
            pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True, outline=final, tagged=final)
            destinations, pages, fonts = _read(pdf)
            if not any(KOREAN_FONT in font for font in fonts):
                raise HandoutError(f"인쇄본에 한국어 글꼴 {KOREAN_FONT}이(가) 들어가지 않았습니다(들어간 글꼴: "
                                   f"{', '.join(sorted(fonts)) or '없음'}) — sudo apt-get install fonts-noto-cjk")
            missing_targets = sorted({target for target in wanted if target not in destinations})
            if missing_targets:
                raise HandoutError(f"인쇄본의 쪽 번호를 찾을 수 없는 대상이 있습니다: {', '.join(missing_targets[:5])} — "
                                   "hooks/_handout_document.py가 만든 링크와 id가 맞는지 보세요")
            found = {target: destinations[target] for target in wanted}
            if final and found == known:
                return Printed(_without_doubled_titles(_with_date(pdf, created)), pages, destinations, passes)
            known = found
        raise HandoutError(f"인쇄본의 쪽 번호가 {MAX_PASSES}번 인쇄해도 자리를 잡지 않습니다 — 차례의 쪽 번호 칸 너비를 보세요")
    finally:
        context.close()


def _serve(route, html: str, site_dir: Path, extra: dict[str, bytes]) -> None:
    name = route.request.url.removeprefix(ORIGIN).split("?")[0].split("#")[0]
    if name == "handout.html":
        return route.fulfill(body=html, content_type="text/html; charset=utf-8")
    if name in extra:
        return route.fulfill(body=extra[name])
    path = (site_dir / name).resolve()
    if site_dir.resolve() not in path.parents or not path.is_file():
        return route.fulfill(status=404, body="")
    route.fulfill(path=str(path))


def _read(pdf: bytes) -> tuple[dict[str, int], int, set[str]]:
    """The PDF's named destinations (name -> page), its page count and the fonts it embeds."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, start=1)}
    found = {}
    for name, destination in reader.named_destinations.items():
        # Skia writes the names as PDF names (/id), which pypdf keeps with their slash.
        found[name.removeprefix("/")] = pages.get(getattr(destination.page, "idnum", None), 0)
    return found, len(reader.pages), embedded_fonts(reader)


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Base names of the fonts embedded in the PDF ("NotoSansCJKkr-Regular"), subset tags dropped."""
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for part in descendants:
                descriptor = part.get_object().get("/FontDescriptor")
                if descriptor is not None and any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1])
    return names


def _with_date(pdf: bytes, created: datetime) -> bytes:
    """CreationDate and ModDate set to `created` (UTC), in place: the same length, so every
    offset in the file stays right."""
    stamp = created.astimezone(UTC).strftime("D:%Y%m%d%H%M%S")

    def fixed(match: re.Match) -> bytes:
        old = match.group(2)
        new = (stamp + "+00'00'").encode("ascii")
        new = new[: len(old)].ljust(len(old), b" ") if len(new) != len(old) else new
        return match.group(1) + new + b")"

    stamped, count = re.subn(rb"(/(?:CreationDate|ModDate) ?\()([^)]*)\)", fixed, pdf)
    if count == 0:
        raise HandoutError("Chromium이 쓴 PDF에서 CreationDate를 찾지 못했습니다 — hooks/_handout_printer.py::_with_date를 고치세요")
    return stamped


def _without_doubled_titles(pdf: bytes) -> bytes:
    """Chromium's outline (the PDF's bookmarks) writes the title of a heading that starts a
    page twice ("실습 준비실습 준비"). Each such title is written once, padded with spaces to
    its old length, in place: the file's offsets stay right."""

    def once(match: re.Match) -> bytes:
        text = match.group(1)
        half = len(text) // 2
        if len(text) % 8 or text[:half] != text[half:]:  # UTF-16: 4 hex digits a letter, doubled
            return match.group(0)
        return b"/Title <FEFF" + text[:half] + b"0020" * (half // 4) + b">"

    return re.sub(rb"/Title <FEFF((?:[0-9A-F]{4})+)>", once, pdf)


_FILL_PAGE_NUMBERS = """(known) => {
  for (const element of document.querySelectorAll('[data-page-of]')) {
    const number = known[element.dataset.pageOf]
    if (number !== undefined) element.textContent = String(number)
  }
}"""
