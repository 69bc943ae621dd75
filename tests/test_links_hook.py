"""hooks/links.py: every internal link, image and anchor resolves, reported with file:line."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site, load_hook
from support import edit, messages

links = load_hook("links")
source = load_hook("_source")
page_model = load_hook("_page_model")

# docs/guide/korean.md in the fixture has 11 lines; a line appended after a blank one is line 13.
BROKEN = [
    ("page", "[깨진 페이지](../virtualisation.md)",
     "docs/guide/korean.md:13: 없는 페이지나 파일로 가는 링크입니다: '../virtualisation.md' — "
     "docs/ 기준 경로와 파일 이름(.md 포함)을 확인하세요"),
    ("page-typo", "[오타](../indx.md)",
     "docs/guide/korean.md:13: 없는 페이지나 파일로 가는 링크입니다: '../indx.md' — '../index.md'(으)로 고치세요"),
    ("anchor", "[깨진 앵커](#하이퍼바이져-가상화)",
     "docs/guide/korean.md:13: 없는 앵커입니다: 'guide/korean.md#하이퍼바이져-가상화' — '#하이퍼바이저-가상화'(으)로 고치세요"),
    ("percent-anchor", "[인코딩된 앵커](../index.md#%EC%97%86%EC%9D%8C)",
     "docs/guide/korean.md:13: 없는 앵커입니다: 'index.md#없음' — index.md의 제목 id를 확인하세요"),
    ("image", "![그림](../images/stak.svg)",
     "docs/guide/korean.md:13: 없는 이미지입니다: '../images/stak.svg' — '../images/stack.svg'(으)로 고치세요"),
    # Nothing alike (the shared folder and extension do not count): no suggestion, not a wrong one.
    ("html-image", '<img src="../images/none.png" alt="">',
     "docs/guide/korean.md:13: 없는 이미지입니다: '../images/none.png' — docs/ 기준 경로와 파일 이름을 확인하세요"),
    ("unlike-page", "[깨진 링크](없는-페이지.md)",
     "docs/guide/korean.md:13: 없는 페이지나 파일로 가는 링크입니다: '없는-페이지.md' — "
     "docs/ 기준 경로와 파일 이름(.md 포함)을 확인하세요"),
    ("html-link", '<a href="../index.md#없는-곳">홈</a>',
     "docs/guide/korean.md:13: 없는 앵커입니다: 'index.md#없는-곳' — index.md의 제목 id를 확인하세요"),
    ("reference", "[참조]: korean.md#전가상화와반가상화",
     "docs/guide/korean.md:13: 없는 앵커입니다: 'guide/korean.md#전가상화와반가상화' — '#전가상화와-반가상화'(으)로 고치세요"),
    ("directory-url", "[디렉터리식 주소](../guide/korean/)",
     "docs/guide/korean.md:13: 없는 페이지나 파일로 가는 링크입니다: '../guide/korean/' — "
     "Markdown 파일로 링크하세요: 'korean.md'"),
    # A target with parentheses, which Python-Markdown allows when they are balanced.
    ("parentheses", "[괄호](../없는_(1).md)",
     "docs/guide/korean.md:13: 없는 페이지나 파일로 가는 링크입니다: '../없는_(1).md' — "
     "docs/ 기준 경로와 파일 이름(.md 포함)을 확인하세요"),
    ("outside-docs", "[밖](../../README.md)",
     "docs/guide/korean.md:13: docs/ 밖을 가리키는 링크입니다: '../../README.md' — "
     "파일을 docs/ 안으로 옮기거나 외부 주소를 쓰세요"),
]


def _append(config_file: Path, page: str, text: str) -> None:
    with open(config_file.parent / "docs" / page, "a", encoding="utf-8") as file:
        file.write(f"\n{text}\n")


def test_valid_links_of_every_kind_build_clean(fixture_site, warnings_log, tmp_path: Path) -> None:
    # Korean, percent-encoded and explicit anchors, reference links, raw HTML, images;
    # links inside code are not links.
    build_site(fixture_site("links"), tmp_path / "out")
    assert messages(warnings_log, "links") == []


def test_a_link_in_an_html_comment_is_no_link(fixture_site, warnings_log, tmp_path: Path) -> None:
    # The reader never sees it, and Markdown does not make it a link: nothing to check.
    config_file = fixture_site("links")
    page = config_file.parent / "docs" / "guide" / "korean.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- [예전 문서](old-page.md)\n![옛 그림](old.png) -->\n",
                    encoding="utf-8")
    build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "links") == []


@pytest.mark.parametrize(("rule", "line", "message"), BROKEN, ids=[rule for rule, _, _ in BROKEN])
def test_broken_link_fails_strict_build_with_file_line_and_fix(
    fixture_site, warnings_log, tmp_path: Path, rule: str, line: str, message: str
) -> None:
    config_file = fixture_site("links")
    _append(config_file, "guide/korean.md", line)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "links") == [message]


def test_missing_nav_page_is_reported_at_its_line_in_mkdocs_yml(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("links")
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("  - 한국어 제목: guide/korean.md", "  - 한국어 제목: guide/korea.md"))
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    line = text.splitlines().index("  - 한국어 제목: guide/korean.md") + 1
    assert f"mkdocs.yml:{line}: nav의 페이지가 없습니다: 'guide/korea.md' — 'guide/korean.md'(으)로 고치세요" in messages(
        warnings_log, "links"
    )


def test_all_problems_are_listed_and_the_build_fails_once(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("links")
    _append(config_file, "index.md", "[하나](없음.md)")
    _append(config_file, "guide/korean.md", "[둘](#없음)\n\n![셋](없음.png)")
    with pytest.raises(Abort, match="Aborted with 3 warnings"):
        build_site(config_file, tmp_path / "out")
    assert [m.split(":")[0] for m in messages(warnings_log, "links")] == [
        "docs/index.md", "docs/guide/korean.md", "docs/guide/korean.md",
    ]


def test_no_state_leaks_from_one_build_into_the_next(fixture_site, warnings_log, tmp_path: Path) -> None:
    broken = fixture_site("links")
    _append(broken, "index.md", "[깨짐](없음.md)")
    with pytest.raises(Abort):
        build_site(broken, tmp_path / "broken")
    clean = broken.parent.parent / "clean"
    (broken.parent / "docs" / "index.md").rename(tmp_path / "index.md.broken")
    broken.parent.rename(clean)
    (tmp_path / "index.md.broken").write_text("# 홈\n", encoding="utf-8")
    (tmp_path / "index.md.broken").rename(clean / "docs" / "index.md")
    warnings_log.clear()
    build_site(clean / "mkdocs.yml", tmp_path / "clean-out")
    assert messages(warnings_log, "links") == []


# -----------------------------------------------------------------------------
# External links (opt-in), against a local server only
# -----------------------------------------------------------------------------


class _Remote(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_HEAD(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/slow":
            time.sleep(1.0)
        status = {"/ok": 200, "/missing": 404, "/moved": 301, "/slow": 200}.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def remote():
    _Remote.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_external_links_are_not_fetched_by_default(fixture_site, warnings_log, tmp_path, remote, monkeypatch) -> None:
    monkeypatch.delenv("CHECK_EXTERNAL_LINKS", raising=False)
    config_file = fixture_site("links")
    _append(config_file, "index.md", f"[없는 곳]({remote}/missing)")
    build_site(config_file, tmp_path / "out")
    assert _Remote.hits == [] and messages(warnings_log, "links") == []


def test_external_links_checked_on_request_with_timeout_retries_and_cache(
    fixture_site, warnings_log, tmp_path, remote, monkeypatch
) -> None:
    cache = tmp_path / "cache.json"
    for name, value in {"CHECK_EXTERNAL_LINKS": "true", "LINK_CACHE": str(cache),
                        "LINK_TIMEOUT_SECONDS": "0.3", "LINK_RETRIES": "1"}.items():
        monkeypatch.setenv(name, value)
    config_file = fixture_site("links")
    config_file.with_name("docs").joinpath("index.md").write_text(
        f"# 홈\n\n[정상]({remote}/ok)\n\n[없음]({remote}/missing)\n\n[옮김]({remote}/moved)\n\n[느림]({remote}/slow)\n",
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "links") == [
        f"docs/index.md:5: 외부 링크가 응답하지 않습니다: {remote}/missing (HTTP 404) — 주소를 고치거나 보관본(archive) 주소로 바꾸세요",
        f"docs/index.md:9: 외부 링크가 응답하지 않습니다: {remote}/slow (시간 초과) — 주소를 고치거나 보관본(archive) 주소로 바꾸세요",
    ]
    assert _Remote.hits.count("/slow") == 2  # one try and one retry
    assert "/ok" in _Remote.hits and _Remote.hits.count("/moved") == 1

    # A second build within the cache's maximum age asks the network nothing.
    hits = len(_Remote.hits)
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out2")
    assert len(_Remote.hits) == hits

    # Past the maximum age, the links are fetched again.
    monkeypatch.setenv("LINK_CACHE_MAX_AGE_HOURS", "0")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out3")
    assert len(_Remote.hits) > hits


def test_bad_external_link_settings_stop_the_build_at_start(fixture_site, caplog, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CHECK_EXTERNAL_LINKS", "true")
    monkeypatch.setenv("LINK_TIMEOUT_SECONDS", "열초")
    with pytest.raises(Abort, match="BuildError"):  # MkDocs turns the hook's PluginError into this
        build_site(fixture_site("links"), tmp_path / "out")
    assert any("extra.checks.external_link_timeout_seconds" in r.getMessage() and "LINK_TIMEOUT_SECONDS" in r.getMessage()
               and "숫자(으)로 지정하세요" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert not (tmp_path / "out" / "index.html").exists()


# -----------------------------------------------------------------------------
# What is no link
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["`[인라인 코드](없음.md)`", "```\n[펜스](없음.md)\n```", "    [들여쓴 코드](없음.md)", "<!-- [주석](없음.md) -->",
     "문단 <!-- [인라인 주석](없음.md) --> 끝"],
    ids=["inline-code", "fence", "indented-code", "comment", "inline-comment"],
)
def test_a_broken_link_in_code_or_a_comment_is_no_link(fixture_site, warnings_log, tmp_path: Path, where: str) -> None:
    config_file = fixture_site("links")
    _append(config_file, "guide/korean.md", where)
    build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "links") == []


@pytest.mark.parametrize(
    ("written", "decoded"),
    [
        ("#%ED%95%98%EC%9D%B4%ED%8D%BC%EB%B0%94%EC%9D%B4%EC%A0%80", "하이퍼바이저"),
        ("#하이퍼바이저", "하이퍼바이저"),
        ("#\u1112\u1161", "하"),  # decomposed Hangul jamo compare equal to the syllable
        ("#full-virtualization", "full-virtualization"),
    ],
)
def test_anchor_decoding(written: str, decoded: str) -> None:
    from urllib.parse import unquote, urlsplit

    assert page_model.normalize_anchor(unquote(urlsplit(written).fragment)) == decoded


def test_message_format() -> None:
    assert source.problem("docs/a.md", 3, "무엇이 잘못됨", "고치는 법") == "docs/a.md:3: 무엇이 잘못됨 — 고치는 법"


def test_a_broken_link_from_an_include_is_reported_once_by_mkdocs_backstop(fixture_site, warnings_log, tmp_path: Path) -> None:
    # A link nobody wrote in the page (here from pymdownx.snippets) is not in the page model;
    # MkDocs' own check reports it. A written broken link is reported once, by this hook.
    config_file = fixture_site("links")
    included = tmp_path / "snippets" / "part.md"
    included.parent.mkdir()
    included.write_text("[포함된 링크](nowhere.md)\n", encoding="utf-8")
    edit(config_file, "validation:\n  anchors: ignore\n  links:\n    not_found: ignore\n",
         "validation:\n  anchors: warn\n  links:\n    not_found: warn\n")
    edit(config_file, "markdown_extensions:\n",
         f"markdown_extensions:\n  - pymdownx.snippets:\n      base_path: ['{included.parent}']\n      check_paths: true\n")
    page = config_file.parent / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "part.md"\n\n[쓴 링크](missing.md)\n', encoding="utf-8")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    ours = [m for m in messages(warnings_log, "links") if "missing.md" in m or "nowhere.md" in m]
    mkdocs_own = [r.getMessage() for r in warnings_log.records if r.name == "mkdocs.structure.pages"]
    assert len(ours) == 1 and ours[0].startswith("docs/index.md:") and "missing.md" in ours[0]
    assert mkdocs_own == ["Doc file 'index.md' contains a link 'nowhere.md', but the target is not found among documentation files."]
