#!/usr/bin/env python3
"""Follow the guide as a newcomer would: every try-it, in reading order, on a fresh lab.

    python3 research/lab/walkthrough.py scenario   # write scenarios/walkthrough.sh from the pages
    sudo research/lab/lab.sh record walkthrough      # run it on a freshly built lab
    python3 research/lab/walkthrough.py report     # the table: per try-it, did it run as written?

The scenario is made of the commands of every console block that shows output in a try-it
(setup page first, then the nav's order), leaving out the macOS and Windows tabs and the
folds of what was seen elsewhere. The report compares what the lab printed with what each
page shows: a command "runs as written" when the lab printed no error that the page does not
show too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from try_its import blocks, named_containers, removed_containers, section_text, simple_commands  # noqa: E402

SCENARIO = HERE / "scenarios" / "walkthrough.sh"
RECORDED = HERE / "stock" / "walkthrough.txt"
ERROR = re.compile(r"(?i)\b(error|no such|not found|denied|conflict|unable|cannot|can't|failed|not permitted|invalid)\b")


def reading_order() -> list[str]:
    from builds import nav_pages

    return nav_pages()


def walked(block) -> bool:
    """Whether the walkthrough runs a block: a try-it's recorded run, on Linux, not a side note."""
    return block.in_try_it and not block.elsewhere and block.shows_output and (not block.tab or block.tab.startswith("Linux"))


def try_it_blocks():
    for page in reading_order():
        yield from (block for block in blocks(page) if walked(block))


def scenario() -> int:
    lines = ["# Every try-it of the guide in reading order (research/lab/walkthrough.py; do not edit)."]
    for block in try_it_blocks():
        lines.append(f"# {block.where()} {block.section}")
        for command in block.commands:
            lines.append(command.text)
            if command.text.endswith("&"):
                lines.append("#! wait 3")  # a person reads on before the next command; the job starts meanwhile
    SCENARIO.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SCENARIO.relative_to(ROOT)}: {sum(1 for line in lines if not line.startswith('#'))} commands")
    return 0


def _recorded() -> dict[str, list[list[str]]]:
    """Each command the walkthrough ran, with its outputs (a command may run more than once)."""
    found: dict[str, list[list[str]]] = {}
    current: list[str] | None = None
    for line in RECORDED.read_text(encoding="utf-8").splitlines():
        if line.startswith("$ "):
            current = []
            found.setdefault(line[2:], []).append(current)
        elif current is not None and not line.startswith("# "):
            current.append(line)
    return found


def report() -> int:
    recorded = _recorded() if RECORDED.exists() else {}
    sections: dict[tuple[str, str], list] = {}
    texts: dict[str, str] = {}
    for page in reading_order():
        texts[page] = (ROOT / "docs" / page).read_text(encoding="utf-8")
        for block in blocks(page):
            if block.in_try_it:
                sections.setdefault((page, block.section), []).append(block)
    print("| page | try-it | recorded where | runs as written on the stock lab | macOS/Windows notes | cleanup |")
    print("| --- | --- | --- | --- | --- | --- |")
    failures = 0
    for (page, section), section_blocks in sections.items():
        shown = [b for b in section_blocks if b.shows_output and not b.elsewhere]
        where = "stock lab" if shown else ("not run (commands only)" if not any(b.elsewhere for b in section_blocks) else "sandbox (folded)")
        if any(b.elsewhere for b in section_blocks) and shown:
            where += " + sandbox note"
        runs = "—"
        if shown and recorded:
            bad = []
            for block in filter(walked, shown):
                for command in block.commands:
                    outputs = recorded.get(command.text)
                    if outputs is None:
                        bad.append(f"not run: {command.text}")
                        continue
                    expected_error = any(ERROR.search(line) for line in command.output)
                    if any(ERROR.search(line) for line in outputs[0]) and not expected_error:
                        bad.append(command.text)
            runs = "yes" if not bad else "no: " + "; ".join(bad[:2])
            failures += bool(bad)
        body = section_text(texts[page], section)
        tabs = "yes" if ('=== "macOS' in body and '=== "Windows' in body) else "no"
        words = [w for _, _, w in simple_commands(section_blocks)]
        named = {n for w in words for n in named_containers(w)}
        removed = {n for w in words for n in removed_containers(w)}
        cleanup = "—" if not named else ("yes" if named <= removed else "no: " + ", ".join(sorted(named - removed)))
        title = re.sub(r"\s*\{[^}]*\}$", "", section)
        print(f"| {page} | {title} | {where} | {runs} | {tabs} | {cleanup} |")
    if recorded:
        total = RECORDED.read_text(encoding="utf-8").strip().splitlines()[-1]
        print(f"\nwalkthrough: {total.lstrip('# ')}; try-its with a failing command: {failures}")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in ("scenario", "report"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(scenario() if command == "scenario" else report())
