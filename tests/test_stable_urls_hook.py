"""hooks/stable_urls.py: published URLs and anchors stay reachable, or the build says where and how."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site

FIX_LIST = "python3 tasks.py inventory로 목록을 갱신하고 변경을 함께 검토받으세요"


def _messages(log) -> list[str]:
    return [r.getMessage() for r in log.records if r.name == "mkdocs.hooks.stable_urls"]


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _update_inventory(config_file: Path, tmp_path: Path, monkeypatch) -> None:
    """What `python3 tasks.py inventory` does."""
    monkeypatch.setenv("UPDATE_INVENTORY", "1")
    build_site(config_file, tmp_path / "inventory-build", strict=False)
    monkeypatch.delenv("UPDATE_INVENTORY")


def test_site_as_listed_builds_clean(fixture_site, warnings_log, tmp_path: Path) -> None:
    build_site(fixture_site("stable-urls"), tmp_path / "out")
    assert _messages(warnings_log) == []


def test_renamed_heading_fails_at_its_line_until_the_old_anchor_is_kept(
    fixture_site, warnings_log, tmp_path: Path, monkeypatch
) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    _edit(project, "docs/guide/setup.md", "## 설치 { #install }", "## 설치하기 { #installation }")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert _messages(warnings_log) == [
        "docs/guide/setup.md:3: 게시된 앵커 '/guide/setup/#install'가 사라졌습니다 — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 'install: installation'를 넣으세요",
        f"docs/guide/setup.md:3: 새 앵커 '/guide/setup/#installation'가 published.yml에 없습니다 — {FIX_LIST}",
    ]

    # The fix the message names: keep the old id as an alias, then list the new one.
    _edit(project, "docs/guide/setup.md", "# 설정 안내", "---\nanchor_aliases:\n  install: installation\n---\n\n# 설정 안내")
    _update_inventory(config_file, tmp_path, monkeypatch)
    warnings_log.clear()
    site = build_site(config_file, tmp_path / "fixed")
    assert _messages(warnings_log) == []
    html = (site / "guide/setup/index.html").read_text(encoding="utf-8")
    assert html.index('id="install"') < html.index('id="installation"'), "the old link lands on the renamed heading"
    listed = (project / "published.yml").read_text(encoding="utf-8")
    assert "- install\n" in listed and "- installation\n" in listed


def test_moved_page_fails_until_a_redirect_is_declared(fixture_site, warnings_log, tmp_path: Path, monkeypatch) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/setup.md").rename(project / "docs/guide/install.md")
    _edit(project, "docs/index.md", "guide/setup.md", "guide/install.md")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert _messages(warnings_log)[0] == (
        "docs/guide/install.md:1: 게시된 주소 '/guide/setup/'가 사라졌습니다 — "
        "mkdocs.yml의 redirects.redirect_maps에 'guide/setup.md: guide/install.md'를 넣으세요"
    )

    _edit(project, "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        guide/setup.md: guide/install.md")
    _update_inventory(config_file, tmp_path, monkeypatch)
    warnings_log.clear()
    site = build_site(config_file, tmp_path / "fixed")
    assert _messages(warnings_log) == []
    redirect = (site / "guide/setup/index.html").read_text(encoding="utf-8")
    assert 'url=../install/"' in redirect and "location.hash" in redirect  # the anchor travels along
    assert '<html lang="ko">' in redirect and "새 주소</a>로 이동합니다" in redirect
    listed = (project / "published.yml").read_text(encoding="utf-8")
    assert "/guide/setup/:\n- configure\n- install\n" in listed, "the old URL stays listed while it redirects"


def test_anchor_lost_on_a_redirected_page_is_reported_on_the_new_page(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/setup.md").rename(project / "docs/guide/install.md")
    _edit(project, "docs/index.md", "guide/setup.md", "guide/install.md")
    _edit(project, "docs/guide/install.md", "## 설정 { #configure }", "## 설정 { #settings }")
    _edit(project, "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        guide/setup.md: guide/install.md")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert (
        "docs/guide/install.md:7: 게시된 앵커 '/guide/setup/#configure'가 사라졌습니다 ('/guide/setup/'에서 옮겨 온 페이지) — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 'configure: settings'를 넣으세요"
    ) in _messages(warnings_log)


def test_deleted_section_fails(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    _edit(config_file.parent, "docs/guide/setup.md", "## 문제 해결\n\n자주 묻는 질문입니다.\n", "")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert _messages(warnings_log) == [
        "docs/guide/setup.md:1: 게시된 앵커 '/guide/setup/#문제-해결'가 사라졌습니다 — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 '문제-해결: 새-id'를 넣으세요"
    ]


def test_new_page_and_new_heading_are_reported_for_the_list(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/faq.md").write_text("# 자주 묻는 질문\n", encoding="utf-8")
    _edit(project, "docs/guide/setup.md", "## 설정 { #configure }", "## 설정 { #configure }\n\n### 고급 설정 { #advanced }")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert _messages(warnings_log) == [
        f"docs/guide/faq.md:1: 새 주소 '/guide/faq/'가 published.yml에 없습니다 — {FIX_LIST}",
        f"docs/guide/setup.md:9: 새 앵커 '/guide/setup/#advanced'가 published.yml에 없습니다 — {FIX_LIST}",
    ]


def test_inventory_lists_every_url_and_heading_anchor(fixture_site, tmp_path: Path, monkeypatch) -> None:
    config_file = fixture_site("stable-urls")
    listed = (config_file.parent / "published.yml").read_text(encoding="utf-8")
    (config_file.parent / "published.yml").write_text("{}\n", encoding="utf-8")
    _update_inventory(config_file, tmp_path, monkeypatch)
    assert (config_file.parent / "published.yml").read_text(encoding="utf-8") == listed


def test_real_site_inventory_is_up_to_date_and_covers_the_deep_links(site: Path) -> None:
    # The real site builds in strict mode (the `site` fixture) only if published.yml matches it.
    listed = (Path(__file__).parent.parent / "published.yml").read_text(encoding="utf-8")
    assert "/virtualization/hypervisor/:\n" in listed and "- paravirtualization\n" in listed
    assert os.environ.get("UPDATE_INVENTORY") is None
