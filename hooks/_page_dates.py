"""When each page's source last changed, read from git once per build: `dates_of(config)`.

One `git log` over docs_dir gives the last commit date of every file in it. The date is
the committer date in the commit's own offset (`%cs`): the day on the committer's
calendar, stored in the commit itself, so one commit gives the same dates on every
machine whatever its time zone (a build stays reproducible), and a page committed in
Seoul at 08:00 reads as that day, not the day before in UTC.

- A page edited but not committed shows its last commit's date; a page never committed
  has no date (None).
- A shallow clone (`git clone --depth 1`, actions/checkout's default) holds one commit
  that seems to add every file: every page would get its date. The build stops instead.
- Outside a git work tree (a tarball) or without git, the build stops naming the cause;
  `extra.checks.page_dates: false` (PAGE_DATES=false) builds without dates.

Kept on the build as one `PageDates`, read by hooks/page_dates.py and any hook that
shows dates: `dates_of(config).last_changed("setup.md")`.
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from _build import build_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Separates commits in the log; names are NUL-separated (`-z`), so no quoting of Korean names.
_COMMIT = "\x01"
_OFF = "날짜 없이 빌드하려면 PAGE_DATES=false로 빌드하세요(mkdocs.yml의 extra.checks.page_dates)"


@dataclass(frozen=True)
class PageDates:
    """The last commit date of each file under docs_dir, by its path there (a page's src_uri)."""

    dates: dict[str, datetime.date] = field(default_factory=dict)

    def last_changed(self, src_uri: str, *also: str) -> datetime.date | None:
        """The date `src_uri` last changed in a commit; with `also`, the latest of those files
        (a page built from a data file too). None: never committed, or dates are off."""
        found = [self.dates[path] for path in (src_uri, *also) if path in self.dates]
        return max(found, default=None)


@dataclass(frozen=True)
class ShownDate:
    """A date as the page shows it: `iso` for `<time datetime>`, `korean` for the reader."""

    iso: str
    korean: str

    @classmethod
    def of(cls, date: datetime.date) -> ShownDate:
        return cls(date.isoformat(), korean_date(date))


def korean_date(date: datetime.date) -> str:
    """`2026년 12월 5일`: the way Korean prose writes a date, no zero padding."""
    return f"{date.year}년 {date.month}월 {date.day}일"


def dates_of(config: MkDocsConfig) -> PageDates:
    """This build's dates, read from git on the first call (empty when switched off)."""
    build = build_of(config)
    if not build.has(PageDates):
        build.keep(read_page_dates(config.docs_dir) if build.checks.page_dates else PageDates())
    return build.part(PageDates)


def read_page_dates(docs_dir: str) -> PageDates:
    """Every file's last commit date under `docs_dir`, by its path relative to it."""
    state = _git(docs_dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "-q", "--verify", "HEAD")
    lines = state.stdout.split()
    if state.returncode not in (0, 1) or lines[:1] != ["true"]:
        told = " ".join(state.stderr.split())  # git's own words: not a repository, or whose it is not
        raise PluginError(
            "페이지의 마지막 수정 날짜는 git 기록에서 읽는데, 이 프로젝트가 git 작업 트리 안에 있지 않거나 git이 그 저장소를 "
            f"읽지 못합니다{f' (git: {told})' if told else ''} — `git clone`으로 받은 저장소에서 빌드하세요. "
            f"압축 파일처럼 git 기록이 없는 사본이라면 {_OFF}")
    if lines[1] == "true":
        raise PluginError(
            "얕은 클론(shallow clone)이라 git 기록이 잘려 있습니다: 이대로 빌드하면 모든 페이지에 같은 날짜가 찍힙니다 — "
            "`git fetch --unshallow`로 기록을 모두 받으세요(GitHub Actions에서는 actions/checkout의 `fetch-depth: 0`)")
    if len(lines) < 3:  # a repository without commits yet: no page was ever committed
        return PageDates()
    # From docs_dir with --relative: names come relative to it, i.e. as src_uris.
    log = _git(docs_dir, "log", "-z", "--no-color", "--no-show-signature", "--relative", "--name-only",
               f"--format={_COMMIT}%cs", "--", ".")
    if log.returncode != 0:
        raise PluginError(f"git log가 실패해 페이지의 마지막 수정 날짜를 읽지 못했습니다: {log.stderr.strip()} — "
                          f"git 저장소 상태를 확인하세요. {_OFF}")
    return PageDates(parse_log(log.stdout))


def parse_log(output: str) -> dict[str, datetime.date]:
    """`git log -z --name-only --format=\\x01%cs` -> each file's first (newest) date."""
    dates: dict[str, datetime.date] = {}
    for commit in output.split(_COMMIT)[1:]:
        day, _, names = commit.partition("\0")
        date = datetime.date.fromisoformat(day)
        for name in names.removeprefix("\n").split("\0"):
            if name:
                dates.setdefault(name, date)
    return dates


def _git(cwd: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise PluginError("git 명령을 찾지 못했습니다: 페이지의 마지막 수정 날짜는 git 기록에서 읽습니다 — "
                          f"git을 설치하세요(sudo apt-get install git). {_OFF}") from None
