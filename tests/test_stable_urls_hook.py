"""hooks/stable_urls.py: published URLs and anchors stay reachable, or the build says where and how."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site
from support import edit, errors, messages

FIX_LIST = "python3 tasks.py inventory로 목록을 갱신하고 변경을 함께 검토받으세요"


def _update_inventory(config_file: Path, tmp_path: Path, monkeypatch) -> None:
    """What `python3 tasks.py inventory` does."""
    monkeypatch.setenv("UPDATE_INVENTORY", "true")
    build_site(config_file, tmp_path / "inventory-build", strict=False)
    monkeypatch.delenv("UPDATE_INVENTORY")


def test_site_as_listed_builds_clean(fixture_site, warnings_log, tmp_path: Path) -> None:
    build_site(fixture_site("stable-urls"), tmp_path / "out")
    assert messages(warnings_log, "stable_urls") == []


def test_renamed_heading_fails_at_its_line_until_the_old_anchor_is_kept(
    fixture_site, warnings_log, tmp_path: Path, monkeypatch
) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    edit(project / "docs/guide/setup.md", "## 설치 { #install }", "## 설치하기 { #installation }")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "stable_urls") == [
        "docs/guide/setup.md:3: 게시된 앵커 '/guide/setup/#install'가 사라졌습니다 — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 'install: installation'를 넣으세요",
        f"docs/guide/setup.md:3: 새 앵커 '/guide/setup/#installation'가 published.yml에 없습니다 — {FIX_LIST}",
    ]

    # The fix the message names: keep the old id as an alias, then list the new one.
    edit(project / "docs/guide/setup.md", "# 설정 안내", "---\nanchor_aliases:\n  install: installation\n---\n\n# 설정 안내")
    _update_inventory(config_file, tmp_path, monkeypatch)
    warnings_log.clear()
    site = build_site(config_file, tmp_path / "fixed")
    assert messages(warnings_log, "stable_urls") == []
    html = (site / "guide/setup/index.html").read_text(encoding="utf-8")
    assert html.index('id="install"') < html.index('id="installation"'), "the old link lands on the renamed heading"
    listed = (project / "published.yml").read_text(encoding="utf-8")
    assert "- install\n" in listed and "- installation\n" in listed


def test_a_link_to_a_kept_old_anchor_is_a_valid_link(fixture_site, warnings_log, tmp_path: Path, monkeypatch) -> None:
    # The page keeps its old id (anchor_aliases), so the link checker must accept it too:
    # index.md links to guide/setup.md#install, whose heading is now #installation.
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    edit(config_file, "  - hooks/stable_urls.py\n", "  - hooks/stable_urls.py\n  - hooks/links.py\n")
    edit(project / "docs/guide/setup.md", "## 설치 { #install }", "## 설치하기 { #installation }")
    edit(project / "docs/guide/setup.md", "# 설정 안내", "---\nanchor_aliases:\n  install: installation\n---\n\n# 설정 안내")
    _update_inventory(config_file, tmp_path, monkeypatch)
    warnings_log.clear()
    build_site(config_file, tmp_path / "out")
    assert "[설치 안내](guide/setup.md#install)" in (project / "docs/index.md").read_text(encoding="utf-8")
    assert messages(warnings_log, "links") == [] and messages(warnings_log, "stable_urls") == []


def test_moved_page_fails_until_a_redirect_is_declared(fixture_site, warnings_log, tmp_path: Path, monkeypatch) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/setup.md").rename(project / "docs/guide/install.md")
    edit(project / "docs/index.md", "guide/setup.md", "guide/install.md")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "stable_urls")[0] == (
        "docs/guide/install.md:1: 게시된 주소 '/guide/setup/'가 사라졌습니다 — "
        "mkdocs.yml의 redirects.redirect_maps에 'guide/setup.md: guide/install.md'를 넣으세요"
    )

    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        guide/setup.md: guide/install.md")
    _update_inventory(config_file, tmp_path, monkeypatch)
    warnings_log.clear()
    site = build_site(config_file, tmp_path / "fixed")
    assert messages(warnings_log, "stable_urls") == []
    redirect = (site / "guide/setup/index.html").read_text(encoding="utf-8")
    assert 'url=../install/"' in redirect and "location.hash" in redirect  # the anchor travels along
    assert '<html lang="ko">' in redirect and "새 주소</a>로 이동합니다" in redirect
    listed = (project / "published.yml").read_text(encoding="utf-8")
    assert "/guide/setup/:\n- configure\n- install\n" in listed, "the old URL stays listed while it redirects"


def test_a_changed_redirect_stub_fails_the_build_naming_the_package(fixture_site, caplog, tmp_path: Path, monkeypatch) -> None:
    # As if an upgrade of mkdocs-redirects reworded its stub: the Korean edit would do
    # nothing, so the build stops and says which package and which hook.
    import mkdocs_redirects.plugin

    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/setup.md").rename(project / "docs/guide/install.md")
    edit(project / "docs/index.md", "guide/setup.md", "guide/install.md")
    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        guide/setup.md: guide/install.md")
    _update_inventory(config_file, tmp_path, monkeypatch)
    monkeypatch.setattr(mkdocs_redirects.plugin, "HTML_TEMPLATE",
                        mkdocs_redirects.plugin.HTML_TEMPLATE.replace("Redirecting...", "Redirecting…"))
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert errors(caplog) == [
        "mkdocs-redirects 1.2.3의 출력에서 '<title>Redirecting...</title>'을(를) 찾지 못했습니다 — "
        "올린 mkdocs-redirects의 출력에 맞게 hooks/stable_urls.py를 고치세요 (CONTRIBUTING.md의 '외부 내부 구조' 표)"
    ]


def test_anchor_lost_on_a_redirected_page_is_reported_on_the_new_page(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/setup.md").rename(project / "docs/guide/install.md")
    edit(project / "docs/index.md", "guide/setup.md", "guide/install.md")
    edit(project / "docs/guide/install.md", "## 설정 { #configure }", "## 설정 { #settings }")
    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        guide/setup.md: guide/install.md")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert (
        "docs/guide/install.md:7: 게시된 앵커 '/guide/setup/#configure'가 사라졌습니다 ('/guide/setup/'에서 옮겨 온 페이지) — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 'configure: settings'를 넣으세요"
    ) in messages(warnings_log, "stable_urls")


def test_deleted_section_fails(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    edit(config_file.parent / "docs/guide/setup.md", "## 문제 해결\n\n자주 묻는 질문입니다.\n", "")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "stable_urls") == [
        "docs/guide/setup.md:1: 게시된 앵커 '/guide/setup/#문제-해결'가 사라졌습니다 — "
        "제목 id를 되돌리거나, 이 페이지 머리말의 anchor_aliases에 '문제-해결: 새-id'를 넣으세요"
    ]


def test_new_page_and_new_heading_are_reported_for_the_list(fixture_site, warnings_log, tmp_path: Path) -> None:
    config_file = fixture_site("stable-urls")
    project = config_file.parent
    (project / "docs/guide/faq.md").write_text("# 자주 묻는 질문\n", encoding="utf-8")
    edit(project / "docs/guide/setup.md", "## 설정 { #configure }", "## 설정 { #configure }\n\n### 고급 설정 { #advanced }")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert messages(warnings_log, "stable_urls") == [
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
