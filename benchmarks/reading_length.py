"""How long the first-week path is to read: characters of prose, now or at a git revision.

    .venv/bin/python benchmarks/reading_length.py            # the working tree
    .venv/bin/python benchmarks/reading_length.py 0c90b33    # the same pages at a commit

Counts Hangul and other non-space characters of prose (code blocks, footnote definitions,
link targets, markup and front matter left out) of the pages the home page puts in the
first week, in three reads:
- all: every word on the page;
- first read: without the try-its and self-checks, without folds ("??? …" boxes: deeper
  material, answers, other environments), without sections marked "처음 읽을 때는
  건너뛰어도 됩니다", and with only the Linux tab of a tab set;
- try-its: the "직접 해 보기" sections, which a reader does rather than reads.
Minutes at 400–500 characters a minute, a careful technical read. Prints numbers only.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_WEEK = ["containers-vs-vms/index.md", "containers-vs-vms/choosing.md", "virtualization/index.md",
              "virtualization/host.md", "virtualization/hypervisor.md", "virtualization/container.md"]
SKIPPABLE = "처음 읽을 때는 건너뛰어도 됩니다"


def source(page: str, rev: str | None) -> str:
    if rev is None:
        return (ROOT / "docs" / page).read_text(encoding="utf-8")
    return subprocess.run(["git", "show", f"{rev}:docs/{page}"], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def sections(text: str) -> list[tuple[str, list[str]]]:
    """(heading line, body lines) for each `##`/`###` section; the part before the first too."""
    found: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if re.match(r"^#{2,3} ", line):
            found.append((line, []))
        else:
            found[-1][1].append(line)
    return found


def prose(lines: list[str], first_read: bool) -> str:
    kept, fence, skip_indent = [], None, None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not line.strip() or indent >= skip_indent:
                continue
            skip_indent = None
        stripped = line.strip()
        if fence:
            fence = None if stripped.startswith(fence) else fence
            continue
        if match := re.match(r"^(```+|~~~+)", stripped):
            fence = match.group(1)
            continue
        if re.match(r"^\[\^[^\]]+\]:", stripped):
            skip_indent = indent + 4  # a footnote definition and its indented continuation
            continue
        if first_read and (stripped.startswith("??? ") or stripped.startswith("???+ ") or
                           (stripped.startswith("=== ") and not stripped.startswith('=== "Linux'))):
            skip_indent = indent + 4
            continue
        kept.append(line)
    text = "\n".join(kept)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[^}]*#[^}]*\}", "", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"^\s*(\?\?\?\+?|!!!|===) .*$", "", text, flags=re.M)
    return re.sub(r"[\s*_`#|\[\]>-]", "", text)


def measure(page: str, rev: str | None) -> tuple[int, int, int]:
    text = re.sub(r"\A---\n.*?\n---\n", "", source(page, rev), flags=re.S)
    everything = first = practice = 0
    part = ""  # the id of the `##` section we are in
    for heading, body in sections(text):
        if heading.startswith("## "):
            part = match.group(1) if (match := re.search(r"\{ *#([\w-]+)", heading)) else ""
        lines = [heading, *body]
        everything += len(prose(lines, first_read=False))
        if part == "try-it":
            practice += len(prose(lines, first_read=False))
        elif part != "self-check" and SKIPPABLE not in "\n".join(body[:6]):
            first += len(prose(lines, first_read=True))
    return everything, first, practice


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else None
    totals = [0, 0, 0]
    print(f"first-week path at {rev or 'the working tree'}")
    print(f"{'page':34} {'all':>7} {'first read':>11} {'try-its':>8}")
    for page in FIRST_WEEK:
        numbers = measure(page, rev)
        totals = [a + b for a, b in zip(totals, numbers)]
        print(f"{page:34} {numbers[0]:7,} {numbers[1]:11,} {numbers[2]:8,}")
    print(f"{'total':34} {totals[0]:7,} {totals[1]:11,} {totals[2]:8,}")
    for name, value in (("all", totals[0]), ("first read", totals[1])):
        print(f"{name}: {value / 500:.0f}–{value / 400:.0f} minutes at 400–500 characters a minute")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
