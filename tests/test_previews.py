"""Link previews (hooks/previews.py): each page's own description, Open Graph and Twitter
tags, and a 1200×630 card drawn at build time, cached and byte-reproducible."""

from __future__ import annotations

import logging
import struct
import subprocess
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort, PluginError

from browsing import CHROMIUM
from builds import ROOT, build_site, load_hook, nav_pages, output_file, page_url, soup
from searching import required_on_ci
from support import edit, errors, messages

PAGES = nav_pages()
CARD_BUDGET = 80_000  # bytes: a chat client fetches the card when it unfurls a link
MAX_DESCRIPTION = 160
MAX_WRITTEN_DESCRIPTION = 200  # a front-matter description may be a little longer
SENTENCE_ENDS = ("다.", "요.", "?", "!", "…")
TAGS = [("property", name) for name in ("og:type", "og:title", "og:description", "og:url", "og:image", "og:image:width",
                                        "og:image:height", "og:image:alt", "og:locale", "og:site_name")]
TAGS += [("name", name) for name in ("twitter:card", "twitter:title", "twitter:description", "twitter:image")]

description = load_hook("_description")


def _meta(document, attribute: str, name: str) -> str | None:
    tag = document.find("meta", attrs={attribute: name})
    return tag["content"] if tag is not None else None


def _written_description(src: str) -> bool:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return text.startswith("---\n") and "\ndescription:" in text.split("\n---", 2)[0]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    return struct.unpack(">II", data[16:24])


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------


def test_every_page_has_a_description_of_its_own_cut_at_a_sentence_end(site: Path) -> None:
    configured = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_description"]
    seen: dict[str, str] = {}
    for src in PAGES:
        text = _meta(soup(output_file(site, src)), "name", "description")
        assert text, f"{src}: no <meta name=description>"
        assert text != configured, f"{src}: the site's blurb, not the page's own description"
        assert text not in seen, f"{src} and {seen.get(text)} have the same description"
        seen[text] = src
        limit = MAX_WRITTEN_DESCRIPTION if _written_description(src) else MAX_DESCRIPTION
        assert len(text) <= limit, f"{src}: {len(text)} characters"
        assert text.endswith(SENTENCE_ENDS), f"{src}: cut inside a sentence: {text!r}"


def test_every_page_has_its_open_graph_and_twitter_tags(site: Path) -> None:
    for src in PAGES:
        document = soup(output_file(site, src))
        for attribute, name in TAGS:
            assert _meta(document, attribute, name), f"{src}: no {name}"
        canonical = document.find("link", rel="canonical")["href"]
        assert _meta(document, "property", "og:url") == canonical
        assert _meta(document, "property", "og:type") == ("website" if src == "index.md" else "article")
        assert _meta(document, "property", "og:locale") == "ko_KR"
        assert _meta(document, "name", "twitter:card") == "summary_large_image"
        description_text = _meta(document, "name", "description")
        assert _meta(document, "property", "og:description") == description_text
        assert _meta(document, "name", "twitter:description") == description_text
        assert _meta(document, "name", "twitter:image") == _meta(document, "property", "og:image")


def test_every_pages_card_is_in_the_site_as_a_small_1200x630_png_of_its_own(site: Path, server: str) -> None:
    cards: dict[bytes, str] = {}
    for src in PAGES:
        image = _meta(soup(output_file(site, src)), "property", "og:image")
        assert image.startswith(server), f"{src}: og:image {image} is not an absolute URL of the site ({server})"
        card = site / image.removeprefix(server)
        assert card.is_file(), f"{src}: {image} is not in the site"
        assert _png_size(card) == (1200, 630), f"{src}: {card.name}"
        assert card.stat().st_size <= CARD_BUDGET, f"{src}: {card.name} is {card.stat().st_size:,} bytes"
        assert card.read_bytes() not in cards, f"{src} shows the card of {cards.get(card.read_bytes())}"
        cards[card.read_bytes()] = src


def test_committed_card_cache_is_exactly_the_sites_cards(site: Path) -> None:
    # The session's build of the real site drew any card it missed into card-cache/ and
    # removed the ones no page uses: what is left there must be what is committed.
    listed = subprocess.run(["git", "ls-files", "card-cache"], cwd=ROOT, capture_output=True, text=True, check=True)
    committed = {Path(name).name for name in listed.stdout.split()}
    present = {path.name for path in (ROOT / "card-cache").glob("*.png")}
    assert not present - committed, f"card-cache/ has cards that are not committed: git add {sorted(present - committed)}"
    assert not committed - present, f"committed cards no page uses: git rm {sorted(committed - present)}"


# -----------------------------------------------------------------------------
# Descriptions, on a small site
# -----------------------------------------------------------------------------


def _about_cards(message: str) -> bool:
    """A missing card's problem: only without Chromium, which else draws every card."""
    return "링크 미리보기 카드가" in message


def _description_of(site: Path, src: str) -> str:
    return _meta(soup(site / page_url(src) / "index.html"), "name", "description")


def test_front_matter_description_wins_and_is_printed_escaped(fixture_site, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")  # no card needed for this
    site = build_site(fixture_site("previews"), tmp_path / "out", strict=False)
    assert _description_of(site, "guide/written.md") == \
        '머리말에 쓴 설명이 첫 문단을 이깁니다. "따옴표"와 & 기호도 그대로 보입니다.'
    assert _meta(soup(site / "guide/written/index.html"), "property", "og:description") == \
        '머리말에 쓴 설명이 첫 문단을 이깁니다. "따옴표"와 & 기호도 그대로 보입니다.'


def test_opening_paragraph_becomes_plain_text_cut_at_a_sentence_end(fixture_site, tmp_path: Path, monkeypatch) -> None:
    # After the admonition and the list; links and glossary references as their text, no
    # footnote mark, inline code as its text; the fourth sentence would pass 160 characters.
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")
    site = build_site(fixture_site("previews"), tmp_path / "out", strict=False)
    assert _description_of(site, "guide/opening.md") == (
        "하이퍼바이저는 가상머신을 만드는 소프트웨어입니다. 명령 uname -r은 커널의 판을 보여 줍니다. "
        "세 번째 문장까지는 설명에 들어갑니다.")


def test_a_first_sentence_longer_than_the_limit_is_cut_at_a_space_with_an_ellipsis() -> None:
    sentence = "가상머신은 " + "아주 " * 80 + "깁니다."
    cut = description.trim_to_sentences(sentence)
    assert len(cut) <= MAX_DESCRIPTION and cut.endswith("아주…")
    assert description.trim_to_sentences("짧습니다. " + sentence) == "짧습니다."


def test_sentences_end_only_after_korean_sentence_endings() -> None:
    # "J." in a name and "1.0." in a version end no sentence; a closing quote stays with its sentence.
    text = '포펙(Gerald J. Popek)은 1.0. 판을 보았습니다. "정말 그런가요?" 그렇습니다!'
    assert description.trim_to_sentences(text, limit=40) == "포펙(Gerald J. Popek)은 1.0. 판을 보았습니다."
    two = '포펙(Gerald J. Popek)은 1.0. 판을 보았습니다. "정말 그런가요?"'
    assert description.trim_to_sentences(text, limit=len(two) + 3) == two


def test_two_pages_with_the_same_description_fail_strict_at_the_second_page(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    config = fixture_site("previews")
    (config.parent / "docs" / "index.md").write_text(
        "---\ndescription: 같은 설명입니다.\n---\n\n# 미리보기 시험\n", encoding="utf-8")
    edit(config.parent / "docs" / "guide" / "written.md", "description: 머리말에 쓴 설명이 첫 문단을 이깁니다. \"따옴표\"와 & 기호도 그대로 보입니다.",
         "description: 같은 설명입니다.")
    with pytest.raises(Abort):
        build_site(config, tmp_path / "out")
    assert [m for m in messages(warnings_log, "previews") if not _about_cards(m)] == [
        "docs/guide/written.md:2: 페이지 설명이 docs/index.md:2과(와) 같습니다: '같은 설명입니다.' — "
        "머리말(front matter)에 이 페이지만의 description:을 쓰세요"
    ]


def test_an_over_long_front_matter_description_fails_strict_at_its_line(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    config = fixture_site("previews")
    edit(config.parent / "docs" / "guide" / "written.md", "기호도 그대로 보입니다.", "기호도 그대로 보입니다." + " 덧붙입니다." * 30)
    with pytest.raises(Abort):
        build_site(config, tmp_path / "out")
    assert [m for m in messages(warnings_log, "previews") if not _about_cards(m)] == [
        "docs/guide/written.md:2: 머리말의 description이 255자로 200자를 넘습니다 — "
        "링크 미리보기는 160자 안팎까지 보여 줍니다: 한두 문장으로 줄이세요"
    ]


def test_a_page_without_description_or_opening_paragraph_fails_strict(
    fixture_site, warnings_log, tmp_path: Path
) -> None:
    config = fixture_site("previews")
    (config.parent / "docs" / "index.md").write_text("# 미리보기 시험\n\n- 목록뿐입니다.\n\n## 절\n\n절의 문단입니다.\n",
                                                     encoding="utf-8")
    with pytest.raises(Abort):
        build_site(config, tmp_path / "out")
    assert [m for m in messages(warnings_log, "previews") if not _about_cards(m)] == [
        "docs/index.md:1: 페이지 설명으로 쓸 첫 문단이 없습니다 — "
        "제목 아래에 페이지를 소개하는 문단을 쓰거나, 머리말(front matter)에 description:을 쓰세요"
    ]


# -----------------------------------------------------------------------------
# Cards, on a small site
# -----------------------------------------------------------------------------


@pytest.fixture
def chromium() -> None:
    if not CHROMIUM.exists():
        if required_on_ci():
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to draw link-preview cards")


def test_card_is_drawn_when_not_cached_and_drawn_again_byte_identical(
    fixture_site, tmp_path: Path, caplog: pytest.LogCaptureFixture, chromium: None
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.previews")
    config = fixture_site("previews")
    site = build_site(config, tmp_path / "one")
    assert "링크 미리보기 카드 3개를 새로 그려 card-cache/에 넣었습니다 (커밋하세요)" in messages(caplog, "previews", logging.INFO)
    card = site / "assets" / "cards" / "guide-opening.png"
    assert _meta(soup(site / "guide/opening/index.html"), "property", "og:image") == \
        "https://example.org/previews/assets/cards/guide-opening.png"
    assert _png_size(card) == (1200, 630)
    cached = sorted((config.parent / "card-cache").glob("*.png"))
    assert len(cached) == 3 and card.read_bytes() in {path.read_bytes() for path in cached}
    first = {path.name: path.read_bytes() for path in cached}
    for path in cached:
        path.unlink()
    build_site(config, tmp_path / "two")  # a fresh browser draws them again
    assert {path.name: path.read_bytes() for path in (config.parent / "card-cache").glob("*.png")} == first


def test_cached_cards_build_the_same_site_without_a_browser(
    fixture_site, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch, chromium: None
) -> None:
    config = fixture_site("previews")
    first = build_site(config, tmp_path / "one")
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.previews")
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")  # a writer without Chromium
    second = build_site(config, tmp_path / "two")
    for card in (first / "assets" / "cards").glob("*.png"):
        assert (second / "assets" / "cards" / card.name).read_bytes() == card.read_bytes()
    assert messages(caplog, "previews", logging.INFO) == []


def test_card_no_page_uses_is_removed_after_a_full_build(fixture_site, tmp_path: Path, chromium: None) -> None:
    config = fixture_site("previews")
    build_site(config, tmp_path / "one")
    before = {path.name for path in (config.parent / "card-cache").glob("*.png")}
    edit(config, "- 첫 문단: guide/opening.md", "- 첫 문단의 설명: guide/opening.md")  # the card's title
    build_site(config, tmp_path / "two")
    after = {path.name for path in (config.parent / "card-cache").glob("*.png")}
    assert len(after) == 3 and len(before - after) == 1


def test_a_missing_card_without_a_browser_fails_strict_with_the_fix(
    fixture_site, warnings_log, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DIAGRAM_BROWSER", "none")
    with pytest.raises(Abort):
        build_site(fixture_site("previews"), tmp_path / "out")
    assert "docs/guide/opening.md:1: 링크 미리보기 카드가 card-cache/에 없는데 그릴 Chromium이 없습니다 — " \
           "sudo apt-get install chromium 후 다시 빌드하고 card-cache/의 새 파일을 커밋하세요" in messages(warnings_log, "previews")


def test_without_the_korean_font_no_card_is_drawn_and_the_build_stops(
    fixture_site, tmp_path: Path, caplog: pytest.LogCaptureFixture, chromium: None
) -> None:
    # Never boxes instead of Korean: the card's font is loaded from the system by name only.
    config = fixture_site("previews")
    stylesheet = config.parent / "overrides" / "cards" / "card.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8").replace('local("Noto Sans CJK KR Bold")', 'local("없는 글꼴")')
                          .replace('local("NotoSansCJKkr-Bold")', 'local("NoSuchFont-Bold")'), encoding="utf-8")
    with pytest.raises((Abort, PluginError)):
        build_site(config, tmp_path / "out")
    assert any("한글 글꼴 Noto Sans CJK KR이 없습니다" in message and "sudo apt-get install fonts-noto-cjk" in message
               for message in errors(caplog))
    assert not list((config.parent / "card-cache").glob("*.png"))


def test_no_card_template_or_stylesheet_is_published(site: Path) -> None:
    assert not (site / "cards").exists()
