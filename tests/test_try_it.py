"""Every command output shown on the site is real: it is in a transcript under research/lab/.

A console block that shows output (`$ command` lines followed by what it printed) must
match a transcript recorded on the machine the page names: each command, and each line
of its output, appears in that transcript. `…` marks a shortened output. A block of
commands alone (an example, or one marked "이 환경에서는 실행하지 않았습니다") shows no
output and is not checked.
"""

from __future__ import annotations

import re

import pytest

from builds import ROOT

TRANSCRIPTS = {path.name: [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()] for path in (ROOT / "research" / "lab").glob("*.txt")}
PAGES = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md"))
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


def _blocks(src: str) -> list[tuple[int, list[str]]]:
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, [line.rstrip() for line in m.group(1).splitlines()])
            for m in CONSOLE.finditer(text)]


def _commands(block: list[str]) -> list[tuple[str, list[str]]]:
    """(command, its output lines) for each `$ ` line of a block."""
    found: list[tuple[str, list[str]]] = []
    for line in block:
        if line.startswith("$ "):
            found.append((line, []))
        elif found and line and line != "…":
            found[-1][1].append(line)
    return found


def test_transcripts_are_there() -> None:
    assert len(TRANSCRIPTS) >= 10 and "writers.txt" in TRANSCRIPTS


@pytest.mark.parametrize("src", PAGES)
def test_every_output_shown_is_in_a_transcript(src: str) -> None:
    problems = []
    for line_no, block in _blocks(src):
        commands = _commands(block)
        if not any(output for _, output in commands):
            continue  # commands only: an example, not a run
        for command, output in commands:
            sources = [name for name, lines in TRANSCRIPTS.items() if command in lines]
            if not sources:
                problems.append(f"docs/{src}:{line_no}: '{command}' is in no transcript")
                continue
            missing = [line for line in output if not any(line in TRANSCRIPTS[name] for name in sources)]
            if missing:
                problems.append(f"docs/{src}:{line_no}: '{command}' shows lines its transcript lacks: {missing[:3]}")
    assert problems == []
