"""Publishing: reproducible output, and a failed build never touches what is published."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from builds import ROOT, copy_project

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def test_two_clean_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    # Separate processes with different hash seeds: set and dict orders that leak into
    # the output would differ. The build date comes from SOURCE_DATE_EPOCH (tasks.py sets
    # it to the commit's time).
    trees = []
    for seed in ("1", "2"):
        # HANDOUT=false: printing the PDF twice is tests/test_handout.py's byte-identity test.
        env = {**os.environ, **QUIET, "SOURCE_DATE_EPOCH": "1764201600", "PYTHONHASHSEED": seed, "HANDOUT": "false"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
             "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / seed)],
            check=True, env=env,
        )
        trees.append(_tree(tmp_path / seed))
    assert trees[0] == trees[1]
    assert "sitemap.xml" in trees[0] and "404.html" in trees[0]


def _publish(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "tasks.py", "build"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **QUIET, "HANDOUT": "false"})  # the PDF: tests/test_handout.py


def test_failed_build_leaves_the_published_folder_as_it_was(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert _publish(project).returncode == 0
    published = _tree(project / "site")
    assert "index.html" in published

    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[깨진 링크](없는-페이지.md)\n", encoding="utf-8")
    result = _publish(project)
    assert result.returncode != 0
    assert "docs/index.md" in result.stderr and "없는 페이지나 파일로 가는 링크입니다" in result.stderr
    assert "site/는 그대로" in result.stderr
    assert _tree(project / "site") == published
    assert not list(project.glob(".site-*")), "no half-written build is left behind"


def test_publish_workflow_tests_then_publishes_the_strict_build() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", step.get("uses", "")) for step in workflow["jobs"]["build"]["steps"]]
    test, build = steps.index("bash .ci/run"), steps.index("python3 tasks.py build")
    upload = next(i for i, step in enumerate(steps) if step.startswith("actions/upload-pages-artifact"))
    assert test < build < upload
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    # ProperDocs continues MkDocs 1.x (mkdocs-redirects already depends on it). The day the
    # team must switch, the site it builds is this one: every file the same, but for the
    # generator named in each page's <meta name="generator">.
    env = {**os.environ, **QUIET, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "1", "HANDOUT": "false"}
    sites = {}
    for generator in ("mkdocs", "properdocs"):
        sites[generator] = tmp_path / generator
        subprocess.run([str(Path(sys.executable).parent / generator), "build", "--strict", "--site-dir", str(sites[generator])],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    mkdocs, properdocs = _tree(sites["mkdocs"]), _tree(sites["properdocs"])
    assert sorted(mkdocs) == sorted(properdocs)
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    differ = [name for name in mkdocs if mkdocs[name] != properdocs[name] and
              generator.sub(b"", (sites["mkdocs"] / name).read_bytes()) != generator.sub(b"", (sites["properdocs"] / name).read_bytes())]
    assert differ == [], f"ProperDocs builds these differently: {differ}"
