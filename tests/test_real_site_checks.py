"""The build hooks on a copy of the real site: each kind of mistake fails with its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site, copy_project

MISTAKES = [
    ("broken page link", "[반가상화](../virtualization/paravirtualization.md)",
     "없는 페이지나 파일로 가는 링크입니다: '../virtualization/paravirtualization.md'"),
    ("broken anchor", "[반가상화](../virtualization/hypervisor.md#para-virtualization)",
     "없는 앵커입니다: 'virtualization/hypervisor.md#para-virtualization' — '#paravirtualization'(으)로 고치세요"),
    ("missing image", "![스택](../assets/images/stack.png)", "없는 이미지입니다: '../assets/images/stack.png'"),
    ("forbidden spelling", "하이버바이저는 틀린 표기입니다.", "잘못된 표기 '하이버바이저' — '하이퍼바이저'(으)로 고치세요"),
]


@pytest.fixture(autouse=True)
def _without_the_handout(monkeypatch: pytest.MonkeyPatch) -> None:
    # A writer's mistakes are what these builds check; printing 250 pages of PDF for each is
    # tests/test_handout.py's business (a strict build with a problem skips it anyway).
    monkeypatch.setenv("HANDOUT", "false")


@pytest.mark.parametrize(("kind", "written", "expected"), MISTAKES, ids=[kind for kind, _, _ in MISTAKES])
def test_mistake_in_a_real_page_fails_the_strict_build_at_its_line(
    tmp_path: Path, warnings_log, kind: str, written: str, expected: str
) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "containers-vs-vms" / "choosing.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(2, written)  # line 3, after the title and a blank line
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project / "mkdocs.yml", tmp_path / "out")
    messages = [r.getMessage() for r in warnings_log.records if r.name.startswith("mkdocs.hooks.")]
    assert [m for m in messages if m.startswith(f"docs/containers-vs-vms/choosing.md:3: {expected}")], messages


def test_a_dirty_rebuild_after_an_edit_raises_no_false_problem(tmp_path: Path, warnings_log) -> None:
    # `mkdocs build --dirty` (and `serve --dirty`) renders only the edited page; the checks
    # across pages (anchors, published addresses, unused terms) still see every page.
    project = copy_project(tmp_path / "project")
    build_site(project / "mkdocs.yml", tmp_path / "out")
    page = project / "docs" / "virtualization" / "host.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n덧붙인 문단입니다.\n", encoding="utf-8")
    build_site(project / "mkdocs.yml", tmp_path / "out", dirty=True, strict=False)  # MkDocs warns of any dirty build
    assert [r.getMessage() for r in warnings_log.records if r.name.startswith("mkdocs.hooks.")] == []
    assert "덧붙인 문단입니다" in (tmp_path / "out" / "virtualization" / "host" / "index.html").read_text(encoding="utf-8")


def test_a_dirty_rebuild_checks_anchors_into_pages_it_does_not_render(tmp_path: Path, warnings_log) -> None:
    project = copy_project(tmp_path / "project")
    build_site(project / "mkdocs.yml", tmp_path / "out")
    page = project / "docs" / "virtualization" / "host.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "[반가상화](hypervisor.md#para-virtualization)")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_site(project / "mkdocs.yml", tmp_path / "out", dirty=True, strict=False)
    messages = [r.getMessage() for r in warnings_log.records if r.name.startswith("mkdocs.hooks.")]
    assert messages == ["docs/virtualization/host.md:3: 없는 앵커입니다: 'virtualization/hypervisor.md#para-virtualization' "
                        "— '#paravirtualization'(으)로 고치세요"]
