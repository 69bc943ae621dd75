"""Build a site with MkDocs itself, and read what it is made of: mkdocs.yml and built HTML."""

from __future__ import annotations

import os
import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent


def build_site(config_file: Path, site_dir: Path, *, dirty: bool = False, **overrides) -> Path:
    """Build like `mkdocs build --strict` does (`--dirty` too); raises mkdocs' Abort on any warning."""
    built_config(config_file, site_dir, dirty=dirty, **overrides)
    return site_dir


def built_config(config_file: Path, site_dir: Path, *, dirty: bool = False, **overrides) -> MkDocsConfig:
    """Build like `build_site`, and return the build's config: what the hooks kept of the
    build is on it (hooks/_build.py's `build_of(config)`)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    config = load_config(str(config_file), site_dir=str(site_dir), **{"strict": True, **overrides})
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    return config


def nav_pages() -> list[str]:
    """Source paths of every page in the nav, in nav order (e.g. 'virtualization/host.md')."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return load_hook("links").nav_targets(load_config(str(ROOT / "mkdocs.yml")).nav)


def page_url(src: str) -> str:
    """'virtualization/host.md' -> 'virtualization/host/' (use_directory_urls)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"


def output_file(site: Path, src: str) -> Path:
    return site / page_url(src) / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def diagram_sources(src: str, docs: Path = ROOT / "docs") -> list[str]:
    """The Mermaid source of each diagram of a page, as its writer wrote it."""
    text = (docs / src).read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(r"^[ \t]*(?:```|~~~)mermaid[^\n]*\n(.*?)^[ \t]*(?:```|~~~)[ \t]*$", text, re.M | re.S)]


def drawn_diagrams(document: BeautifulSoup) -> list:
    """Each diagram of a built page: the <svg> the build put into it."""
    return document.select("div.diagram > svg")


def load_hook(name: str):
    """Import hooks/<name>.py the way MkDocs does, to unit-test its pure helpers."""
    import importlib.util
    import sys

    hooks = str(ROOT / "hooks")
    if hooks not in sys.path:
        sys.path.insert(0, hooks)  # MkDocs puts the hook's folder on sys.path too
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs does; dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def copy_fixture(name: str, project: Path) -> Path:
    """Copy tests/fixtures/<name> to `project` with this project's hooks/ and overrides/ (so
    a fixture site tests the real code); return the copy's mkdocs.yml."""
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / name, project)
    for shared in ("hooks", "overrides"):
        shutil.copytree(ROOT / shared, project / shared)
    vendored = project / "docs" / "assets" / "vendor" / "mermaid"
    if vendored.is_dir():  # a placeholder: diagrams are drawn with the site's real copy
        shutil.rmtree(vendored)
        vendored.symlink_to(ROOT / "docs" / "assets" / "vendor" / "mermaid")
    return project / "mkdocs.yml"


def copy_project(target: Path) -> Path:
    """A copy of the project to change freely, sharing the already set-up .venv."""
    import shutil

    for name in ("docs", "hooks", "overrides", "diagram-cache", "card-cache"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("mkdocs.yml", "published.yml", "tasks.py", "requirements.lock"):
        shutil.copy2(ROOT / name, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")
    # A repository of its own with one commit, as a clone is: pages get their dates from
    # git (hooks/page_dates.py), and a copy without history would stop the build.
    git(target, "init", "-q")
    (target / ".git" / "info" / "exclude").write_text(".venv\n.cache\n", encoding="utf-8")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "copy of the project", date=COPY_COMMIT_DATE)
    return target


COPY_COMMIT_DATE = "2026-01-15T10:00:00+09:00"  # the one commit of copy_project's copies


def git(project: Path, *args: str, date: str | None = None) -> str:
    """Run git in `project` as a fixed test committer, whatever this machine's git config
    says; `date` (ISO 8601 with offset) is a new commit's author and committer date."""
    import subprocess

    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"]
    return subprocess.run(["git", *identity, *args], cwd=project, env=env, check=True, capture_output=True, text=True).stdout
