"""The copy-edit classes of tests/korean_style.py, counted over docs/, now or at a git revision.

    .venv/bin/python benchmarks/language_classes.py                 # the working tree
    .venv/bin/python benchmarks/language_classes.py 43f3b6d         # the pages at a commit
    .venv/bin/python benchmarks/language_classes.py --list [PAGE]   # every instance, file:line

Prints one count per class (and per page with --list); tests/test_korean_style.py holds the
classes at zero. The glossary size is printed too (terms and forbidden spellings).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import korean_style  # noqa: E402


def sources_at(rev: str) -> tuple[dict[str, str], str]:
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "docs/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    show = lambda name: subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, check=True,  # noqa: E731
                                       capture_output=True, text=True).stdout
    glossary = show("docs/glossary.yml")
    sources = {name.removeprefix("docs/"): show(name) for name in names if name.endswith(".md")}
    sources[korean_style.GLOSSARY] = korean_style.glossary_text(glossary)
    return sources, glossary


def main(args: list[str]) -> int:
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    rev = args[0] if args and not listing else None
    only = args[0] if args and listing else None
    if rev:
        sources, glossary = sources_at(rev)
    else:
        sources, glossary = korean_style.pages(), (ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8")
    if only:
        sources = {page: text for page, text in sources.items() if page == only.removeprefix("docs/")}
    found = korean_style.findings(sources)
    print(f"language classes at {rev or 'the working tree'}")
    for name, instances in found.items():
        print(f"{len(instances):5}  {name}")
        if listing:
            for instance in instances:
                print(f"         {instance}")
    data = yaml.safe_load(glossary)
    forbidden = sum(len(term.get("forbidden", [])) for term in data["terms"]) + len(data.get("spelling", {}))
    print(f"glossary: {len(data['terms'])} terms, {forbidden} forbidden spellings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
