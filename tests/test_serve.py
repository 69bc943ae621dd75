"""The writers' loop: plain `mkdocs serve`, edit, see it; break a link, see why, in the
terminal and in the page; fix it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from builds import copy_project
from serving import serve

BROKEN = "없는 페이지나 파일로 가는 링크입니다"
# The end of every rebuild. (Not "Documentation built in …": MkDocs logs each distinct
# message of its build logger only once per process, so a repeated duration is dropped.)
REBUILT = r"Reloading browsers"


def test_serve_rebuilds_on_edits_and_reports_problems_without_stopping(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "virtualization" / "host.md"
    original = page.read_text(encoding="utf-8")
    with serve(project) as server:
        status, body = server.get("virtualization/host/")
        assert status == 200 and "호스트 가상화" in body

        page.write_text(original + "\n편집한 문장이 바로 보입니다.\n", encoding="utf-8")
        server.wait_for_page("virtualization/host/", "편집한 문장이 바로 보입니다.")

        mark = len(server.log)
        page.write_text(original + "\n[깨진 링크](없는-페이지.md)\n", encoding="utf-8")
        line = server.wait_for_log(BROKEN, since=mark)
        assert server.log[line].startswith("WARNING") and "docs/virtualization/host.md:" in server.log[line]
        server.wait_for_log(REBUILT, since=line)
        assert server.get("virtualization/host/")[0] == 200, "the server keeps serving"
        assert server.process.poll() is None

        mark = len(server.log)
        page.write_text(original, encoding="utf-8")
        _rebuilt_without(server, mark, BROKEN)
        assert server.get("virtualization/host/")[0] == 200


def test_editing_the_glossary_file_rebuilds_the_tooltips(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    glossary = project / "docs" / "glossary.yml"
    old = "short: 호스트 OS 위에 2형 하이퍼바이저를 설치하고 그 위에서 게스트 OS를 실행하는 방식입니다."
    with serve(project) as server:
        glossary.write_text(
            glossary.read_text(encoding="utf-8").replace(old, "short: 고친 한 줄 정의입니다."), encoding="utf-8"
        )
        server.wait_for_page("virtualization/host/", "호스트 가상화(hosted virtualization): 고친 한 줄 정의입니다.")


def _rebuilt_without(server, since: int, text: str) -> None:
    """Wait until a rebuild from `since` on finishes without logging `text` (one save
    can fire two file events, so a rebuild of the old state may still come first)."""
    start = since
    while True:
        built = server.wait_for_log(REBUILT, since=start)
        began = max((i for i in range(start, built + 1) if "Building documentation" in server.log[i]), default=start)
        if not [entry for entry in server.log[began:built] if text in entry]:
            return
        start = built + 1


def _problems_shown(reader, url: str) -> str:
    """How many problems the page shows, once it has read them (a page opened while
    MkDocs rewrites the site may miss the file: open it again, as live reload would)."""
    for _ in range(20):
        reader.goto(url)
        reader.wait_for_function("() => document.documentElement.dataset.serveProblems !== undefined")
        shown = reader.evaluate("document.documentElement.dataset.serveProblems")
        if shown != "unknown":
            return shown
        reader.wait_for_timeout(250)
    raise AssertionError(f"{url} never read __problems__.json")


@pytest.mark.browser
def test_plain_serve_never_stalls_and_shows_problems_in_the_page(tmp_path: Path, browser) -> None:
    project = copy_project(tmp_path / "project")
    page_file = project / "docs" / "virtualization" / "host.md"
    original = page_file.read_text(encoding="utf-8")
    broken_line = original.count("\n") + 2
    with serve(project) as server:
        mark = len(server.log)
        page_file.write_text(original + "\n[깨진 링크](없는-페이지.md)\n", encoding="utf-8")
        server.wait_for_log(REBUILT, since=server.wait_for_log(BROKEN, since=mark))
        started = time.monotonic()
        status, body = server.get("virtualization/host/", timeout=1)
        assert status == 200 and time.monotonic() - started < 1, "the server answers at once"
        assert "serve-problems.js" in body

        context = browser.new_context()
        reader = context.new_page()
        reader.goto(server.url + "virtualization/host/")
        banner = reader.locator(".md-content .serve-problems")
        banner.wait_for(timeout=10_000)
        text = banner.inner_text()
        assert f"docs/virtualization/host.md:{broken_line}:" in text and BROKEN in text
        # The problem links to the section that holds its line: the page's last one.
        last_section = reader.evaluate("[...document.querySelectorAll('.md-content h2[id]')].pop().id")
        link = banner.locator("a").first.get_attribute("href")
        assert link.endswith(f"virtualization/host/#{last_section}"), link
        # Every page counts the site's problems; the banner stays on the page they are in.
        reader.goto(server.url)
        reader.locator(".serve-problems-count").wait_for(timeout=10_000)
        assert reader.locator(".serve-problems-count").inner_text() == "빌드 문제 1개"
        assert reader.locator(".md-content .serve-problems").count() == 0

        reader.goto("about:blank")  # no page left for MkDocs' live reload to reload under our feet
        mark = len(server.log)
        page_file.write_text(original, encoding="utf-8")
        _rebuilt_without(server, mark, BROKEN)
        assert _problems_shown(reader, server.url + "virtualization/host/") == "0"
        assert reader.locator(".serve-problems, .serve-problems-count").count() == 0
        context.close()


def test_a_rebuild_logs_only_what_changed_and_what_is_wrong(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page_file = project / "docs" / "virtualization" / "host.md"
    original = page_file.read_text(encoding="utf-8")
    with serve(project) as server:
        mark = len(server.log)
        page_file.write_text(original + "\n한 줄 더.\n", encoding="utf-8")
        server.wait_for_log(REBUILT, since=mark)
        lines = server.log[mark:]
        assert not [line for line in lines if "MERMAID2" in line], lines
        assert len(lines) <= 6, lines


def test_serving_warns_when_mkdocs_strict_counter_is_not_where_it_was(fixture_site, warnings_log) -> None:
    # The hook removes MkDocs' strict counter by its type; if MkDocs stops adding one, say so
    # rather than let `serve` stall on the first warning.
    from mkdocs.config import load_config

    from builds import load_hook

    serving_hook = load_hook("serving")
    config = load_config(str(fixture_site("links")), strict=True)
    started_as = serving_hook.PROCESS.command
    serving_hook.PROCESS.command = "serve"
    try:
        serving_hook.on_config(config)
    finally:
        serving_hook.PROCESS.command = started_as
        serving_hook.on_build_error(error=RuntimeError("the test's build ends here"))  # detaches the collector
    assert config.strict is False
    assert any("CountHandler" in r.getMessage() for r in warnings_log.records if r.name == "mkdocs.hooks.serving")


def test_hooks_tell_problems_with_their_file_and_line_through_one_call(fixture_site, tmp_path: Path) -> None:
    # Build.report logs a problem and keeps it, located, for the serve banner: no hook's
    # log line is parsed back into a file and a line.
    from builds import built_config, load_hook

    config_file = fixture_site("links")
    page = config_file.parent / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[깨진 링크](없는-페이지.md)\n", encoding="utf-8")
    config = built_config(config_file, tmp_path / "out", strict=False)
    told = load_hook("_build").build_of(config).problems
    broken = [(level, message) for level, message in told if BROKEN in message]
    assert [(level, message.path, message.line) for level, message in broken] == [
        ("WARNING", "docs/index.md", page.read_text(encoding="utf-8").count("\n"))]
