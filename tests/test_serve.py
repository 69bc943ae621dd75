"""The writers' loop: `python3 tasks.py serve`, edit, see it; break a link, see why; fix it."""

from __future__ import annotations

from pathlib import Path

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
        # One save can fire two file events, so a rebuild of the broken page may still come
        # first; the problem is gone once a rebuild finishes without it.
        start = mark
        while True:
            built = server.wait_for_log(REBUILT, since=start)
            began = max((i for i in range(start, built + 1) if "Building documentation" in server.log[i]), default=start)
            if not [entry for entry in server.log[began:built] if BROKEN in entry]:
                break
            start = built + 1
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
