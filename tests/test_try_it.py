"""A try-it is something the reader can do, on their own machine, as shown.

Each rule reads the pages' console blocks (tests/try_its.py) and names the file and line
that breaks it:
- every output shown comes from a transcript of the stock lab (research/lab/stock/), or, in
  a fold marked "다른 환경에서 본 것", from the first sandbox recordings;
- transcripts are what the lab recorded for the scenario files, not edited by hand;
- the reader types only public images (or one the page builds), `sudo` where root is
  needed, and no `#` root prompt; exit status is shown with `echo $?`;
- every container a page names is removed on that page;
- a try-it that looks at the host says what differs on macOS and Windows.
"""

from __future__ import annotations

import re

import pytest

from try_its import (
    DOCS,
    HOST_SIDE,
    PUBLIC_IMAGES,
    ROOT_ONLY,
    SANDBOX,
    SCENARIOS,
    STOCK,
    Block,
    blocks,
    built_images,
    docker_image,
    named_containers,
    pages,
    removed_containers,
    scenario_commands,
    section_text,
    simple_commands,
    transcript,
)

PAGES = pages()
STOCK_TRANSCRIPTS = {path.name: transcript(path) for path in sorted(STOCK.glob("*.txt"))}
SANDBOX_TRANSCRIPTS = {path.name: transcript(path) for path in sorted(SANDBOX.glob("*.txt"))}


def test_the_stock_lab_recorded_every_scenario() -> None:
    scenarios = {path.stem for path in SCENARIOS.glob("*.sh")}
    assert len(scenarios) >= 10
    assert {name.removesuffix(".txt") for name in STOCK_TRANSCRIPTS} == scenarios


@pytest.mark.parametrize("name", sorted(STOCK_TRANSCRIPTS))
def test_a_transcript_is_what_the_lab_recorded(name: str) -> None:
    lines = STOCK_TRANSCRIPTS[name]
    assert lines[0].startswith("# Recorded on the stock lab (research/lab/lab.sh): Debian GNU/Linux 13 (trixie)")
    assert "systemd as PID 1, cgroup v2" in lines[0]
    recorded = [line[2:] for line in lines if line.startswith("$ ")]
    assert recorded == scenario_commands(SCENARIOS / name.replace(".txt", ".sh")), (
        f"research/lab/stock/{name} does not hold the commands of research/lab/scenarios/{name[:-4]}.sh: "
        "record it again with `sudo research/lab/lab.sh record NAME`")


@pytest.mark.parametrize("src", PAGES)
def test_every_output_shown_is_in_a_stock_lab_transcript(src: str) -> None:
    problems = []
    for block in blocks(src):
        if not block.shows_output:
            continue  # commands only: an example, or marked as not run
        transcripts = SANDBOX_TRANSCRIPTS if block.elsewhere else STOCK_TRANSCRIPTS
        for command in block.commands:
            sources = [name for name, lines in transcripts.items() if f"$ {command.text}" in lines]
            if not sources:
                where = "a sandbox" if block.elsewhere else "a stock-lab"
                problems.append(f"{block.where()}: '$ {command.text}' is in no {where} transcript")
                continue
            missing = [line for line in command.output if not any(line in transcripts[name] for name in sources)]
            if missing:
                problems.append(f"{block.where()}: '$ {command.text}' shows lines its transcript lacks: {missing[:3]}")
    assert problems == []


@pytest.mark.parametrize("src", PAGES)
def test_commands_use_public_images(src: str) -> None:
    page_blocks = blocks(src)
    built = {image for _, _, words in simple_commands(page_blocks) for image in built_images(words)}
    problems = [f"{block.where()}: '$ {command.text}' uses a private image (lab/…)"
                for block in page_blocks for command in block.commands if "lab/" in command.text]
    for block, _, words in simple_commands(page_blocks):
        image = docker_image(words)
        if image and image not in PUBLIC_IMAGES and image not in built:
            problems.append(f"{block.where()}: '{image}' is neither a public image ({', '.join(sorted(PUBLIC_IMAGES))}) nor built on this page")
    assert problems == []


@pytest.mark.parametrize("src", PAGES)
def test_every_named_container_is_removed_on_its_page(src: str) -> None:
    page_blocks = blocks(src)
    removed = {name for _, _, words in simple_commands(page_blocks) for name in removed_containers(words)}
    left = [f"{block.where()}: container '{name}' is never removed on this page (add `docker rm -f {name}` to 정리하기, or run it with --rm)"
            for block, _, words in simple_commands(page_blocks) for name in named_containers(words) if name not in removed]
    assert left == []


@pytest.mark.parametrize("src", PAGES)
def test_commands_that_need_root_use_sudo(src: str) -> None:
    problems = []
    text = (DOCS / src).read_text(encoding="utf-8")
    if "[exit code" in text:
        problems.append(f"docs/{src}: '[exit code: N]' looks like program output; show the status with `echo $?`")
    page_blocks = blocks(src)
    for block, command, words in simple_commands(page_blocks):
        needs_root = words[0] in ROOT_ONLY or (words[0] == "unshare" and not {"-r", "--map-root-user", "--user", "-U"} & set(words))
        if needs_root:
            problems.append(f"{block.where()}: '$ {command.text}': {words[0]} needs root; type `sudo {words[0]} …`")
    for block in page_blocks:
        if any(line.startswith("# ") for line in block.body):
            problems.append(f"{block.where()}: a `#` root prompt; type `$ sudo …` instead")
    assert problems == []


@pytest.mark.parametrize("src", PAGES)
def test_a_try_it_that_looks_at_the_host_has_platform_tabs(src: str) -> None:
    """On macOS and Windows the containers run in a hidden Linux VM: `ps`, `lsns`, cgroup
    files or CPU flags there show that VM, the Mac or the PC, or nothing."""
    sections: dict[str, list[Block]] = {}
    for block in blocks(src):
        if block.in_try_it and not block.elsewhere:
            sections.setdefault(block.section, []).append(block)
    text = (DOCS / src).read_text(encoding="utf-8")
    problems = []
    for section, section_blocks in sections.items():
        host = [words[0] for _, command, words in simple_commands(section_blocks)
                if words[0] in HOST_SIDE or (words[0] in ("cat", "grep", "ls", "sudo") and re.search(r"/(proc|sys|dev)/", command.text)
                                             and not command.text.startswith("docker"))]
        if not host:
            continue
        body = section_text(text, section)
        if not ('=== "macOS' in body and '=== "Windows' in body):
            problems.append(f"{section_blocks[0].where()}: '{section}' looks at the host ({', '.join(sorted(set(host)))}) "
                            "but has no macOS and Windows tabs saying what differs there")
    assert problems == []


# One layout for every try-it (CONTRIBUTING.md "직접 해 보기의 틀"): what you need first, the
# commands, then what to notice, the cleanup last; predictions sit before the output they ask about.
REQUIRED_ORDER = ["**필요한 것**", "```console", "**눈여겨볼 점**"]
CLEANUP = "**정리하기**"


def _try_it_parts(page: str) -> list[tuple[int, str, str]]:
    """(line, title, Markdown) of each `###` part of the page's `## 직접 해 보기` section."""
    text = (DOCS / page).read_text(encoding="utf-8")
    section = re.search(r"^## 직접 해 보기\b.*?(?=^## |\Z)", text, re.M | re.S)
    if not section:
        return []
    start_line = text.count("\n", 0, section.start()) + 1
    parts = []
    for match in re.finditer(r"^### (.+?)\n(.*?)(?=^### |\Z)", section.group(0), re.M | re.S):
        parts.append((start_line + section.group(0).count("\n", 0, match.start()), match.group(1), match.group(2)))
    return parts


@pytest.mark.parametrize("src", PAGES)
def test_every_try_it_has_the_one_layout(src: str) -> None:
    wrong = []
    for line, title, body in _try_it_parts(src):
        firsts = [body.find(mark) for mark in REQUIRED_ORDER]
        problems = [f"'{mark.strip('*`')}'이(가) 없습니다" for mark, at in zip(REQUIRED_ORDER, firsts) if at < 0]
        if not problems and firsts != sorted(firsts):
            problems.append("필요한 것 → 명령 → 눈여겨볼 점 차례가 아닙니다")
        if CLEANUP in body and body.rfind(CLEANUP) < firsts[-1]:
            problems.append("정리하기는 맨 끝에 둡니다")
        if re.match(r"\d+\.\s", title):
            problems.append("제목에 번호를 붙이지 않습니다")
        wrong += [f"docs/{src}:{line}: '{title}' — {problem}" for problem in problems]
    assert not wrong, "\n".join(wrong)
