"""hooks/page_dates.py: each page shows when its source last changed in git, in Korean."""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from builds import ROOT, build_site, git, load_hook, nav_pages, output_file, soup
from support import edit, errors

FIRST = "2026-03-01T15:00:00+09:00"  # both pages
# The second commit, the install page only: 08:30 in Seoul is still the day before in UTC.
SECOND = "2026-04-20T08:30:00+09:00"
INSTALL = "설치.md"  # a Korean name, which git quotes unless asked not to


@pytest.fixture
def dated_project(fixture_site: Callable[[str], Path]) -> Path:
    """The page-dates fixture as a repository of two commits; returns its mkdocs.yml."""
    config_file = fixture_site("page-dates")
    project = config_file.parent
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "first", date=FIRST)
    edit(project / "docs" / INSTALL, "# 설치\n", "# 설치\n\n고친 문단입니다.\n")
    git(project, "commit", "-q", "-am", "second", date=SECOND)
    return config_file


def _shown(site: Path, src: str) -> tuple[str, str] | None:
    """The page's last-changed date: its <time>'s datetime and text, or None."""
    time = soup(output_file(site, src)).select_one(".md-source-file time")
    return (time["datetime"], time.get_text()) if time else None


def test_each_page_shows_its_own_last_commit_date_in_korean(dated_project: Path, tmp_path: Path) -> None:
    site = build_site(dated_project, tmp_path / "out")
    assert _shown(site, "index.md") == ("2026-03-01", "2026년 3월 1일")
    assert _shown(site, INSTALL) == ("2026-04-20", "2026년 4월 20일")


def test_the_date_is_the_committers_day_whatever_the_machines_time_zone(
    dated_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The commit's own offset (+09:00), not UTC (the 19th) nor this machine's zone.
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    assert _shown(build_site(dated_project, tmp_path / "out"), INSTALL) == ("2026-04-20", "2026년 4월 20일")


def test_an_uncommitted_edit_keeps_the_last_commits_date(dated_project: Path, tmp_path: Path) -> None:
    edit(dated_project.parent / "docs" / "index.md", "# 홈\n", "# 홈\n\n아직 커밋하지 않은 문단입니다.\n")
    assert _shown(build_site(dated_project, tmp_path / "out"), "index.md") == ("2026-03-01", "2026년 3월 1일")


def test_a_page_never_committed_shows_no_date_and_no_warning(dated_project: Path, tmp_path: Path) -> None:
    (dated_project.parent / "docs" / "new.md").write_text("# 새 페이지\n", encoding="utf-8")
    site = build_site(dated_project, tmp_path / "out")  # strict: a warning would fail it
    assert soup(output_file(site, "new.md")).select_one(".md-source-file") is None
    assert _shown(site, "index.md") == ("2026-03-01", "2026년 3월 1일")


def test_a_shallow_clone_fails_the_build_naming_the_fix(dated_project: Path, tmp_path: Path, caplog) -> None:
    # One commit that seems to add every file: every page would show that commit's date.
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", dated_project.parent.as_uri(), str(shallow))
    with pytest.raises(Abort):
        build_site(shallow / "mkdocs.yml", tmp_path / "out")
    assert any("얕은 클론" in m and "모든 페이지에 같은 날짜" in m and "git fetch --unshallow" in m and "fetch-depth: 0" in m
               for m in errors(caplog)), errors(caplog)
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_copy_outside_git_fails_the_build_naming_the_switch(
    fixture_site: Callable[[str], Path], tmp_path: Path, caplog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above tmp_path counts
    monkeypatch.setenv("LC_ALL", "C")  # git's own words, quoted in the message, in English
    with pytest.raises(Abort):
        build_site(fixture_site("page-dates"), tmp_path / "out")
    assert any("git 작업 트리 안에 있지 않거나" in m and "not a git repository" in m and "PAGE_DATES=false" in m for m in errors(caplog)), errors(caplog)


def test_without_git_installed_the_build_fails_saying_so(
    dated_project: Path, tmp_path: Path, caplog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    with pytest.raises(Abort):
        build_site(dated_project, tmp_path / "out")
    assert any("git 명령을 찾지 못했습니다" in m and "PAGE_DATES=false" in m for m in errors(caplog)), errors(caplog)


def test_switched_off_a_copy_outside_git_builds_without_dates(
    fixture_site: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("PAGE_DATES", "false")
    site = build_site(fixture_site("page-dates"), tmp_path / "out")
    assert soup(output_file(site, "index.md")).select_one(".md-source-file") is None


def test_the_publishing_workflow_fetches_the_whole_history() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    checkout = next(step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0, "a shallow checkout stops the build (hooks/_page_dates.py)"


@pytest.mark.parametrize(("date", "korean"), [
    (datetime.date(2026, 12, 5), "2026년 12월 5일"),
    (datetime.date(2027, 1, 31), "2027년 1월 31일"),  # no zero padding
])
def test_korean_date_form(date: datetime.date, korean: str) -> None:
    assert load_hook("_page_dates").korean_date(date) == korean


def test_every_page_of_the_real_site_shows_its_sources_last_commit_date(site: Path) -> None:
    korean_date = load_hook("_page_dates").korean_date
    wrong = {}
    for src in nav_pages():
        # The glossary page is written from docs/glossary.yml as much as from its own file.
        sources = [f"docs/{src}", *(["docs/glossary.yml"] if src == "glossary.md" else [])]
        # Plain git, with this machine's config (CI's safe.directory for the checkout).
        committed = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *sources], cwd=ROOT,
                                   check=True, capture_output=True, text=True).stdout.strip()
        expected = (committed, korean_date(datetime.date.fromisoformat(committed)))
        if _shown(site, src) != expected:
            wrong[src] = (_shown(site, src), expected)
    assert wrong == {}
