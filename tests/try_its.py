"""The try-its of the guide as data: console blocks, their commands and outputs, where they sit.

Read from the Markdown sources (a console block is code: MkDocs' parse would give us the
same text, without the tab or fold it sits in, which is what the rules here are about).
Shared by tests/test_try_it.py and scripts/try_it_report.py.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LAB = ROOT / "research" / "lab"
STOCK = LAB / "stock"          # transcripts of the stock lab (research/lab/lab.sh)
SANDBOX = LAB / "sandbox-2026-11"  # the first recordings, kept for folded side notes
SCENARIOS = LAB / "scenarios"

# Images a reader can pull from Docker Hub; a page may also run what it built itself.
PUBLIC_IMAGES = {"debian:trixie", "busybox", "busybox:latest"}
# A fold holding what was seen on another machine: its outputs come from the sandbox.
ELSEWHERE_FOLD = re.compile(r'^\s*\?\?\?\+? \w+ "다른 환경에서 본 것')
# Commands that need root on a stock system (a normal user gets "Operation not permitted").
ROOT_ONLY = {"nsenter", "iptables", "dmesg", "virsh", "virt-host-validate", "crictl", "modprobe", "systemd-run"}
# Commands that look at the host itself: on macOS and Windows they show the hidden Linux VM,
# the Mac or Windows, or nothing; a try-it that uses them says what differs per platform.
HOST_SIDE = {"ps", "pgrep", "lsns", "nsenter", "unshare", "iptables", "ip", "dmesg", "systemd-detect-virt", "systemd-cgls",
             "systemd-run", "systemd-analyze", "lscpu", "vmstat", "lsmod", "virsh", "virt-host-validate", "mount", "lsblk",
             "readlink", "uname", "stat"}
# Options of `docker run`/`docker create` that take a value (so the image is not that value).
VALUED_OPTIONS = {"--name", "--memory", "-m", "--cpus", "-p", "--publish", "-v", "--volume", "--network", "--net", "-u", "--user",
                  "--cap-add", "--cap-drop", "-e", "--env", "--entrypoint", "-w", "--workdir", "--mount", "--pid", "--ipc",
                  "--runtime", "--security-opt", "--hostname", "-h", "--label", "-l", "--memory-swap", "--stop-timeout",
                  "--cgroupns", "--userns", "--platform"}

CONSOLE = re.compile(r"^(?P<indent>[ ]*)```console[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)
TAB = re.compile(r'^(?P<indent>[ ]*)=== "(?P<label>[^"]+)"')


@dataclass
class Command:
    text: str  # as typed, without the `$ ` prompt
    output: list[str] = field(default_factory=list)

    def segments(self) -> list[list[str]]:
        """The simple commands of a line (split at ; && || |), each as words, `time` dropped."""
        parts = re.split(r"\s*(?:;|&&|\|\||\||&(?!>))\s*", self.text)
        found = []
        for part in parts:
            try:
                words = shlex.split(part)
            except ValueError:
                words = part.split()
            while words and (words[0] == "time" or re.match(r"^\w+=", words[0])):
                words = words[1:]
            if words:
                found.append(words)
        return found


@dataclass
class Block:
    page: str       # e.g. "virtualization/container.md"
    line: int       # 1-based line of the opening fence
    section: str    # the nearest heading above it
    in_try_it: bool  # under "## 직접 해 보기" (or on the setup page)
    tab: str | None  # the platform tab it sits in, if any
    elsewhere: bool  # in a "다른 환경에서 본 것" fold
    body: list[str]  # the block's lines, dedented
    commands: list[Command]

    @property
    def shows_output(self) -> bool:
        return any(command.output for command in self.commands)

    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"


def simple_commands(page_blocks: list[Block]) -> list[tuple[Block, Command, list[str]]]:
    """Every simple command of the blocks, as (block, the line it is on, its words)."""
    return [(block, command, words) for block in page_blocks for command in block.commands for words in command.segments()]


def pages() -> list[str]:
    return sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def blocks(page: str) -> list[Block]:
    text = (DOCS / page).read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for match in CONSOLE.finditer(text):
        line_no = text.count("\n", 0, match.start()) + 1
        indent = len(match.group("indent"))
        body = [line[indent:].rstrip() for line in match.group("body").splitlines()]
        found.append(Block(page, line_no, *_context(lines, line_no - 1, indent, page), body, _commands(body)))
    return found


def _context(lines: list[str], index: int, indent: int, page: str) -> tuple[str, bool, str | None, bool]:
    section, in_try_it, tab, elsewhere = "", page == "setup.md", None, False
    level = indent
    for line in reversed(lines[:index]):
        stripped = len(line) - len(line.lstrip(" "))
        if line.strip() and stripped < level:
            level = stripped
            if tab is None and (match := TAB.match(line)):
                tab = match.group("label")
            if ELSEWHERE_FOLD.match(line):
                elsewhere = True
        if line.startswith("#") and not section:
            section = line.lstrip("#").strip()
        if line.startswith("## "):
            in_try_it = in_try_it or line.startswith("## 직접 해 보기")
            break
    return section, in_try_it, tab, elsewhere


def _commands(body: list[str]) -> list[Command]:
    found: list[Command] = []
    for line in body:
        if line.startswith("$ "):
            found.append(Command(line[2:]))
        elif found and line and line != "…":
            found[-1].output.append(line)
    return found


def docker_image(words: list[str]) -> str | None:
    """The image of a `docker run`/`docker create` command's words, else None."""
    if len(words) < 3 or words[0] != "docker" or words[1] not in ("run", "create"):
        return None
    rest = words[2:]
    while rest:
        word = rest.pop(0)
        if word.startswith("-"):
            if word in VALUED_OPTIONS and "=" not in word:
                rest = rest[1:]
            continue
        return word
    return None


def named_containers(words: list[str]) -> list[str]:
    """Names given with --name to a container that is not removed on exit (--rm)."""
    if len(words) < 3 or words[0] != "docker" or words[1] not in ("run", "create") or "--rm" in words:
        return []
    return [words[i + 1] for i, word in enumerate(words[:-1]) if word == "--name"]


def removed_containers(words: list[str]) -> list[str]:
    if len(words) >= 3 and words[0] == "docker" and (words[1] == "rm" or words[1:3] == ["container", "rm"]):
        return [word for word in words[2:] if not word.startswith("-")]
    return []


def built_images(words: list[str]) -> list[str]:
    if len(words) >= 2 and words[0] == "docker" and words[1] in ("build", "buildx", "tag", "import"):
        tagged = [words[i + 1] for i, word in enumerate(words[:-1]) if word in ("-t", "--tag")]
        return tagged + ([words[-1]] if words[1] in ("tag", "import") else [])
    return []


def section_text(text: str, heading: str) -> str:
    """The Markdown of the section under a heading line's text (up to the next heading of its level or above)."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("#") and line.lstrip("#").strip() == heading:
            level = len(line) - len(line.lstrip("#"))
            end = next((n for n in range(number + 1, len(lines)) if re.match(rf"^#{{1,{level}}} ", lines[n])), len(lines))
            return "\n".join(lines[number:end])
    return ""


def transcript(path: Path) -> list[str]:
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]


def scenario_commands(path: Path) -> list[str]:
    """The commands a scenario runs, in order (comments and `#!` pauses left out)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.lstrip().startswith("#")]
