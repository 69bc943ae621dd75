"""How many term uses the glossary tooltips can catch, against Python-Markdown's `abbr`.

    .venv/bin/python benchmarks/glossary_coverage.py

Counts, in the prose of every built page (not code, headings, links or diagrams),
each occurrence of a glossary term or alias: once as hooks/glossary.py matches it
(particles may follow: 하이퍼바이저가, 컨테이너는) and once as `abbr` would (`\\bterm\\b`).
Prints both numbers per page and in total. The site is built without the glossary
hook, so the page text is the writers' own.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from builds import build_site, load_hook, nav_pages, output_file  # noqa: E402

glossary_hook = load_hook("glossary")
glossary_data = load_hook("_glossary_data")
korean = load_hook("_korean")
logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the variant without the hook warns; not our concern here


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        _copy_without_glossary_hook(project)
        site = build_site(project / "mkdocs.yml", Path(tmp) / "site", strict=False)
        from mkdocs.config import load_config

        glossary = glossary_data.load_glossary(project / "docs" / "glossary.yml", load_config(str(project / "mkdocs.yml")))
        ours, baseline = glossary.matcher, korean.abbr_baseline(list(glossary.by_form))
        total_ours = total_abbr = 0
        print("page".ljust(34), "particle-aware".rjust(14), "abbr \\bterm\\b".rjust(15))
        for src in nav_pages():
            if src == glossary_data.GLOSSARY_PAGE:
                continue
            html = output_file(site, src).read_text(encoding="utf-8")
            article = html[html.index("<article"): html.index("</article>")]
            prose = [token for token, kind in glossary_hook.html_tokens(article) if kind == "prose"]
            found = sum(len(ours.findall(text)) for text in prose)
            found_abbr = sum(len(baseline.findall(text)) for text in prose)
            total_ours += found
            total_abbr += found_abbr
            print(f"{src:<34} {found:>14} {found_abbr:>15}")
    print(f"{'total':<34} {total_ours:>14} {total_abbr:>15}")
    print(f"abbr catches {total_abbr / total_ours:.0%} of the term uses the particle-aware matcher catches")
    return 0


def _copy_without_glossary_hook(project: Path) -> None:
    import shutil

    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/glossary.py\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
