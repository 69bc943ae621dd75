"""Where each box of a drawn diagram sits: for writers checking a diagram against its text.

    python3 scripts/diagram_layout.py site/virtualization/container/index.html

prints, for every diagram of a built page, its accTitle, then each group (subgraph) and each
box with its label and position (x grows to the right, y downwards), left to right. A
description that says "왼쪽에는 …" or a numbering "가상머신 1 · 2 · 3" can be checked
against what Mermaid drew: it places subgraphs by its own rules, not in the written order.
tests/test_real_site_checks.py uses `boxes()` for the same check on every page.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Box:
    kind: str  # "group" (a subgraph) or "box" (a node)
    label: str
    x: float  # left edge for a group, centre for a box
    y: float


@dataclass(frozen=True)
class Diagram:
    title: str
    description: str
    boxes: list[Box]


def diagrams(page_html: str) -> list[Diagram]:
    """Every drawn diagram (an inline <svg> under div.diagram) of a built page."""
    found = []
    for svg in _DIAGRAM.findall(page_html):
        title = _first(_TITLE, svg)
        description = _first(_DESC, svg)
        found.append(Diagram(title, description, boxes(svg)))
    return found


def boxes(svg: str) -> list[Box]:
    """The groups and boxes of one Mermaid flowchart SVG, as drawn."""
    found = [Box("group", _text(m.group("label")), float(m.group("x")), float(m.group("y")))
             for m in _CLUSTER.finditer(svg)]
    found += [Box("box", _text(m.group("label")), float(m.group("x")), float(m.group("y")))
              for m in _NODE.finditer(svg)]
    return found


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _first(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    return html.unescape(match.group(1)) if match else ""


_DIAGRAM = re.compile(r'<div class="diagram"[^>]*>(<svg\b.*?</svg>)</div>', re.S)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.S)
_DESC = re.compile(r"<desc\b[^>]*>(.*?)</desc>", re.S)
_CLUSTER = re.compile(r'<g class="cluster\b[^"]*"[^>]*><rect\b[^>]*?\bx="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)"'
                      r'.*?<text\b[^>]*>(?P<label>.*?)</text>', re.S)
_NODE = re.compile(r'<g class="node\b[^"]*"[^>]*transform="translate\((?P<x>[-\d.]+), ?(?P<y>[-\d.]+)\)"[^>]*>'
                   r'.*?<text\b[^>]*>(?P<label>.*?)</text>', re.S)


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for path in paths:
        for number, diagram in enumerate(diagrams(Path(path).read_text(encoding="utf-8")), 1):
            print(f"{path} 그림 {number}: {diagram.title}")
            for box in sorted(diagram.boxes, key=lambda b: (b.kind != "group", b.y, b.x)):
                print(f"  {box.kind:5} x={box.x:7.1f} y={box.y:7.1f}  {box.label}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
