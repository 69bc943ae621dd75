#!/usr/bin/env python3
"""One entry point for writers, readers and CI; needs only Python 3.11+.

    python3 tasks.py serve     # set up, then `mkdocs serve` on http://127.0.0.1:8000/
    python3 tasks.py check     # set up, then a writer's check before pushing (about half a minute)
    python3 tasks.py test      # set up, then run every test (pytest)
    python3 tasks.py build     # set up, then a strict build into site/ (for publishing)
    python3 tasks.py bench     # set up, then print page weights and build time
    python3 tasks.py inventory # rewrite published.yml: every published URL and anchor
    python3 tasks.py lock      # rewrite requirements.lock from the current .venv

Set-up is the same for each command: create .venv/ on first use and install
requirements.lock into it; later runs reinstall only when the lock changed.
Extra arguments are passed on, e.g. `python3 tasks.py test -k browser`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".requirements.lock.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
SITE = ROOT / "site"


def main(argv: list[str]) -> int:
    commands = {"serve": serve, "check": check, "test": test, "build": build, "bench": bench, "inventory": inventory, "lock": lock}
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 — this file runs on whatever python3 a writer has
        print("error: Python 3.11 or newer is needed", file=sys.stderr)
        return 2
    if argv[0] != "lock":
        set_up()
    return commands[argv[0]](argv[1:])


def set_up() -> None:
    """Create .venv and install the exact pins, unless that is already done."""
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print("· .venv 만드는 중 (creating .venv)", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("· requirements.lock 설치 중 (installing pinned packages)", flush=True)
    run([python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(LOCK)])
    STAMP.write_text(digest + "\n")


def serve(args: list[str]) -> int:
    # Plain `mkdocs serve`: hooks/serving.py keeps it from stopping on a warning
    # (mkdocs.yml is strict for builds) and shows the problems in the page.
    return run([python(), "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *args], check=False)


# What a writer's edit to docs/ can break, checked without a browser: the copy-edit
# classes, the try-its against the lab's transcripts, the questions, every search query (Material's
# worker in Node), the code's own rules.
WRITERS_TESTS = ["tests/test_korean_style.py", "tests/test_try_it.py", "tests/test_questions.py",
                 "tests/test_search.py", "tests/test_search_node.py",
                 "tests/test_material_search_shape.py", "tests/test_code.py"]


def check(args: list[str]) -> int:
    """A strict build (every hook's check, file:line) and the writer's tests; `test` runs all."""
    with tempfile.TemporaryDirectory() as site_dir:
        code = run([python(), "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir], check=False)
    if code != 0:
        return code
    # The strict build above made the handout (cached while the pages stay the same); the
    # writer's tests read pages, not the PDF: their build of the site skips printing it.
    return run([python(), "-m", "pytest", "-q", *WRITERS_TESTS, *args], check=False, env={"HANDOUT": "false"})


def test(args: list[str]) -> int:
    # One pytest worker per core (pytest-xdist): the browser tests wait on Chromium, the
    # builds on Python; two cores run the whole suite in about two thirds of the time.
    # `--dist loadgroup`: the tests of one xdist_group run in one worker (tests/test_handout.py
    # prints the real handout once, not once per worker).
    workers = [] if any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in args) else ["-n", "auto", "--dist", "loadgroup"]
    return run([python(), "-m", "pytest", *workers, *args], check=False)


def bench(args: list[str]) -> int:
    return run([python(), str(ROOT / "benchmarks" / "page_weight.py"), *args], check=False)


def build(args: list[str]) -> int:
    """Strict build into a fresh folder; replace site/ only if the build succeeded.

    The build date (sitemap) is the last commit's, so that two builds of one commit
    are byte-identical and a publish diff shows only real changes.
    """
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=ROOT))
    env = {} if "SOURCE_DATE_EPOCH" in os.environ else {"SOURCE_DATE_EPOCH": commit_time()}
    code = run([python(), "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *args], check=False, env=env)
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("error: 빌드가 실패해 site/는 그대로 두었습니다 (the build failed; site/ was left as it was)", file=sys.stderr)
        return code
    old = ROOT / ".site-old"
    shutil.rmtree(old, ignore_errors=True)
    if SITE.exists():
        SITE.rename(old)
    staging.rename(SITE)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site/ is ready to publish ({SITE})")
    return 0


def inventory(args: list[str]) -> int:
    """Rebuild published.yml from the site as it is now (hooks/stable_urls.py writes it)."""
    listing = ROOT / "published.yml"
    if not listing.exists():
        listing.write_text("{}\n", encoding="utf-8")  # mkdocs.yml watches it, so it must exist
    with tempfile.TemporaryDirectory() as site_dir:
        return run(
            [python(), "-m", "mkdocs", "build", "--no-strict", "--quiet", "--site-dir", site_dir, *args],
            check=False, env={"UPDATE_INVENTORY": "true"},
        )


def lock(args: list[str]) -> int:
    frozen = subprocess.run(
        [python(), "-m", "pip", "freeze", "--all", "--disable-pip-version-check"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    pins = [line for line in frozen if not line.lower().startswith(("pip==", "setuptools=="))]
    LOCK.write_text(
        "# Every package, pinned exactly. Regenerate with: python3 tasks.py lock\n" + "\n".join(pins) + "\n"
    )
    print(f"{len(pins)} pins -> {LOCK.name}")
    return 0


def commit_time() -> str:
    """Seconds since the epoch of the last commit (now, outside a git checkout)."""
    try:
        return subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.strip() or str(int(time.time()))
    except (OSError, subprocess.CalledProcessError):
        return str(int(time.time()))


def python() -> str:
    for name in ("python", "python.exe"):
        if (BIN / name).exists():
            return str(BIN / name)
    raise SystemExit("error: .venv has no Python; delete .venv and run again")


def run(command: list[str], check: bool = True, env: dict[str, str] | None = None) -> int:
    # Material and mkdocs-redirects warn about MkDocs 2 on every run; we pin MkDocs < 2.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(env or {})}
    code = subprocess.call(command, cwd=ROOT, env=env)
    if check and code != 0:
        raise SystemExit(code)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
