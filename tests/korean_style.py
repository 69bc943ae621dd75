"""The copy-edit classes of the guide's Korean, found in a page's source.

Each class is one function `name(page, source) -> list[Finding]`; CLASSES lists them with
what a writer should do. tests/test_korean_style.py holds each class at zero over docs/;
benchmarks/language_classes.py counts them now or at a git revision (issue 17's before and
after). Code, HTML comments, link targets and footnote definitions are not prose: they are
blanked first (hooks/_source.mask_code), so lines stay right.

The decisions behind the classes (CONTRIBUTING.md "한국어 표기 원칙" says them to writers):
- `-에` after things, `-에게` only after people; no 「입장에서」.
- a sentence of prose stays under 150 characters;
- the lab is 「실습 VM」, never 「이 가상머신」/「이 환경」;
- everyday words (가상머신, 커널, 격리, …) are glossed in English only on the home page;
- 확인 문제 asks in 해요체 (「~나요?」), not 「~니까?」;
- one word per concept: 수명 주기, 가상머신 안의 컨테이너, cgroup (the kernel's own form),
  CPU 0.5개, 가상 CPU (vCPU only as its gloss), 쓰기 시 복사 (copy-on-write only as its gloss);
- a memory limit of 2ⁿ megabytes is MiB (what `256m` means), not MB;
- an abbreviation is spelled out at its first use on a page.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from _source import line_at, mask_code  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOME = "index.md"


@dataclass(frozen=True)
class Finding:
    page: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"docs/{self.page}:{self.line}: {self.text}"


def prose(source: str) -> str:
    """What the reader reads as text, same length and lines: code, comments, front matter,
    link targets, footnote definitions and raw HTML tags blanked; diagrams' sources kept
    (their labels and descriptions reach the reader; Mermaid's syntax holds no Korean)."""
    text = mask_code(source, keep=("mermaid",))  # a diagram's labels and description are read too
    text = _blank(text, _FRONT_MATTER)
    text = _blank(text, _FOOTNOTE_DEFINITION)
    text = _blank(text, _LINK_TARGET)
    text = _blank(text, _HTML_TAG)
    return _blank(text, _ATTR_LIST)


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _matches(page: str, source: str, pattern: re.Pattern, text: str | None = None) -> list[Finding]:
    text = prose(source) if text is None else text
    return [Finding(page, line_at(text, m.start()), _around(text, m)) for m in pattern.finditer(text)]


def _around(text: str, match: re.Match) -> str:
    start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - 20)
    end = text.find("\n", match.end())
    end = min(end if end != -1 else len(text), match.end() + 20)
    return " ".join(text[start:end].split())


# -에게 is for people (and animals); after a thing it is -에.
PEOPLE = ("사용자", "사람", "독자", "팀", "개발자", "관리자", "운영자", "고객", "여러분", "동료", "누구", "공격자",
          "작성자", "학생", "신입", "담당자", "그룹의 사용자")


def ege_after_things(page: str, source: str) -> list[Finding]:
    found = _matches(page, source, re.compile(r"(\S+)에게"))
    return [f for f in found if not any(person in f.text.split("에게")[0][-8:] for person in PEOPLE)]


def ipjang(page: str, source: str) -> list[Finding]:
    return _matches(page, source, re.compile(r"입장에서"))


LONGEST_SENTENCE = 150


def long_sentences(page: str, source: str) -> list[Finding]:
    """Sentences of prose of 150 characters or more (as the reader sees them: markup and
    link targets out). Table rows and headings are not sentences."""
    text = prose(source)
    found = []
    offset = 0
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        line = re.sub(r"^acc(?:Title|Descr)\s*:\s*", "", line)  # a diagram's description is prose
        if line and not line.startswith(("|", "#")):
            visible = re.sub(r"\[\^[^\]]+\]|\*\*|[\[\]()]{1,2}(?=\s{2,}|$)", "", line)
            visible = re.sub(r"^(?:[-*]|\d+\.|!!!|\?\?\?\+?|===)\s+", "", visible)
            for sentence in _SENTENCE_END.split(" ".join(visible.split())):
                if len(sentence.strip()) >= LONGEST_SENTENCE:
                    found.append(Finding(page, line_at(text, offset), sentence.strip()[:60] + "…"))
        offset += len(raw_line) + 1
    return found


_SENTENCE_END = re.compile(r"(?<=[다요까죠][.?!])\s+|(?<=[.?!][\"'”」)])\s+")


def vague_lab(page: str, source: str) -> list[Finding]:
    return _matches(page, source, re.compile(r"(?<![\w가-힣])이 (?:가상머신|환경)"))


# Everyday words glossed in English once in the guide: on the home page.
EVERYDAY = {"가상머신": "virtual machine", "가상화": "virtualization", "컨테이너": "container", "커널": "kernel",
            "격리": "isolation", "운영체제": "operating system", "하드웨어": "hardware", "애플리케이션": "application",
            "프로세스": "process", "호스트": "host", "게스트": "guest"}


def everyday_glosses(page: str, source: str) -> list[Finding]:
    if page in (HOME, GLOSSARY):
        return []
    pattern = re.compile("|".join(rf"{ko}\((?i:{re.escape(en)})" for ko, en in EVERYDAY.items()))
    return _matches(page, source, pattern)


def question_style(page: str, source: str) -> list[Finding]:
    return _matches(page, source, re.compile(r'^\s*\?\?\?\+? question "[^"\n]*니까\?"', re.M), mask_code(source))


# The other spelling of a concept -> the one the guide uses.
VARIANTS = {
    "생명 주기": "수명 주기",
    "라이프사이클": "수명 주기",
    "가상머신 위의 컨테이너": "가상머신 안의 컨테이너",
    "가상머신 위에서 컨테이너": "가상머신 안에서 컨테이너",
    "런타임 클래스": "RuntimeClass",
    "Runtime Class": "RuntimeClass",
    "0.5코어": "CPU 0.5개",
    "0.5 CPU": "CPU 0.5개",
    "CPU 반 개": "CPU 0.5개",
    "코어 0.5개": "CPU 0.5개",
}


def variant_terms(page: str, source: str) -> list[Finding]:
    """(The references page cites documents under their own titles: not checked.)"""
    if page == "references.md":
        return []
    text = prose(source)
    found = _matches(page, source, re.compile("|".join(map(re.escape, VARIANTS))), text)
    # cgroup, as the kernel writes the feature (cgroups(7) is a manual page's name)
    found += _matches(page, source, re.compile(r"(?<![\w/#^.\-\"])cgroups(?!\(7\)|\.7|[\w\-])"), text)
    # vCPU and copy-on-write only as the gloss of 가상 CPU and 쓰기 시 복사
    found += _matches(page, source, re.compile(r"(?<!\()\bvCPU|(?<!\()\b[Cc]opy-on-[Ww]rite"), text)
    return found


def binary_megabytes(page: str, source: str) -> list[Finding]:
    """A limit of 128/256/512/1024 megabytes is what `128m` sets: MiB."""
    return _matches(page, source, re.compile(r"(?<![\d.,])(?:64|128|256|512|1024|2048)\s?MB(?![A-Za-z])"))


ABBREVIATIONS = ("OOM", "TLB", "MSR", "DMA", "SMT", "BPF", "TCG", "NIC", "PV", "HVM", "EPT", "NPT", "MMU",
                 "IOMMU", "KSM", "CFS", "OCI", "CRI", "CNI", "VMM", "NUMA", "SR-IOV", "KVM", "TPS", "SLAT",
                 "PCI", "MMIO", "CoW", "LSM", "NAT", "veth", "seccomp")


def unexplained_abbreviations(page: str, source: str) -> list[Finding]:
    """The first use of an abbreviation on a page is spelled out: `OOM(Out Of Memory)` or
    `메모리 부족(OOM)`, or links to where it is (a glossary tooltip counts: it says it).
    The references page lists sources under their own (English) titles."""
    if page in ("references.md", GLOSSARY):  # a tooltip is read alone; its term's entry says the rest
        return []
    text = _blank(prose(source), _TITLES)  # a heading or a box title names; the text then explains
    found = []
    for abbreviation in ABBREVIATIONS:
        first = re.search(rf"(?<![A-Za-z0-9\-]){re.escape(abbreviation)}(?![A-Za-z0-9\-])", text)
        if first is None:
            continue
        after, before = text[first.end():first.end() + 8], text[max(0, first.start() - 60):first.start()]
        spelled_after = re.match(r"\s?[가-힣]{0,3}\(", after)  # OOM(…), OOM 킬러(…)
        spelled_before = before.rfind("(") > before.rfind(")")  # 메모리 부족(OOM), (out of memory, OOM)
        if spelled_after or spelled_before or abbreviation in glossary_forms()[0]:
            continue
        found.append(Finding(page, line_at(text, first.start()), f"{abbreviation}: {_around(text, first)}"))
    return found


@functools.cache
def glossary_forms() -> tuple[set[str], set[str]]:
    """(every form of every glossary term, the glossary's `not_terms`), from docs/glossary.yml."""
    import yaml
    data = yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))
    forms = {form for term in data["terms"] for form in [term["ko"], *term.get("aliases", [])]}
    return forms, set(data.get("not_terms") or [])


CORRECTION_TITLE = "흔히 하는 오해"


def correction_box_titles(page: str, source: str) -> list[Finding]:
    """A box that corrects the notes (it links to 흔한 오해 or says what 노트 said) has one title."""
    found = []
    for match in re.finditer(r'^(?P<indent>[ ]*)(?:!!!|\?\?\?\+?) \w+ "(?P<title>[^"]*)"\n(?P<body>(?:(?P=indent)[ ]{4}.*\n|[ \t]*\n)*)',
                             source, re.M):
        body = match.group("body")
        corrects = "misconceptions.md#" in body or re.search(r"노트에(?:는)? ", body)
        if corrects and match.group("title") != CORRECTION_TITLE and page != "misconceptions.md":
            found.append(Finding(page, line_at(source, match.start()), f'"{match.group("title")}"'))
    return found


CLASSES = {
    "-ege after a thing": (ege_after_things, "사물 뒤에는 '-에'를 쓰세요 (프로세스에, 게스트에)"),
    "ipjang-eseo (standpoint)": (ipjang, "'~에서 보면'으로 고치세요"),
    "sentence of 150+ characters": (long_sentences, "두 문장 이상으로 나누세요"),
    "i gasangmeosin / i hwangyeong (vague lab)": (vague_lab, "실습 환경이면 '실습 VM'으로, 아니면 무엇인지 이름을 쓰세요"),
    "everyday word glossed": (everyday_glosses, "영어 설명은 첫 페이지에만 둡니다: 괄호를 지우세요"),
    "question ending in -nikka": (question_style, "확인 문제는 '~나요?'처럼 해요체로 묻습니다"),
    "another word for a concept": (variant_terms, "tests/korean_style.py의 VARIANTS에 있는 표기로 고치세요"),
    "binary size written as MB": (binary_megabytes, "256m 같은 한도는 MiB입니다 (256MiB)"),
    "abbreviation not spelled out": (unexplained_abbreviations, "처음 나올 때 풀어 쓰세요: 메모리 부족(OOM)"),
    "correction box with another title": (correction_box_titles,
                                          f'노트를 바로잡는 상자는 !!! note "{CORRECTION_TITLE}" 하나로 씁니다'),
}

_TITLES = re.compile(r'^\s*(?:#{1,6} .*|(?:!!!|\?\?\?\+?) \w+ ".*)$', re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", re.M)
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*\)|(?<=\])\[[^\]\n]*\]")
_HTML_TAG = re.compile(r"<[^>\n]+>")
_ATTR_LIST = re.compile(r"\{[:#.][^}\n]*\}|\{ [#.][^}\n]*\}")


GLOSSARY = "glossary.yml"


def pages(root: Path = ROOT) -> dict[str, str]:
    """Every page's source by its path under docs/, and the glossary's entries as one text
    (under "glossary.yml"): their definitions are read in tooltips and on the glossary page."""
    found = {str(path.relative_to(root / "docs")): path.read_text(encoding="utf-8")
             for path in sorted((root / "docs").rglob("*.md"))}
    found[GLOSSARY] = glossary_text((root / "docs" / GLOSSARY).read_text(encoding="utf-8"))
    return found


def glossary_text(data: str) -> str:
    """The definitions (`short`, `long`) of glossary.yml, each as one paragraph on the line
    of its key and everything else blank: findings name the file's lines."""
    import yaml
    lines = [""] * (data.count("\n") + 2)
    root = yaml.compose(data)
    terms = next((value for key, value in getattr(root, "value", []) if key.value == "terms"), None)
    for entry in getattr(terms, "value", []):
        for key, value in entry.value:
            if key.value in ("short", "long") and isinstance(value, yaml.ScalarNode):
                lines[key.start_mark.line] = " ".join(value.value.split())
    return "\n".join(lines)


def findings(sources: dict[str, str]) -> dict[str, list[Finding]]:
    return {name: [f for page, source in sources.items() for f in check(page, source)]
            for name, (check, _) in CLASSES.items()}


def unlisted_glosses(page: str, source: str, listed: set[str]) -> list[Finding]:
    """Every `낱말(english words …)` of the prose whose word is neither a glossary form nor
    in the glossary's `not_terms` (`listed` holds both): a word the page translates is
    one a newcomer may look up. The gloss is what a translation looks like: lowercase
    English (`다이제스트(digest)`, `사용자 공간(user space, …)`); a parenthesis naming
    an example (`장치 모델(QEMU)`) or following a verb form (`처리될 수도(vhost)`) is none."""
    if page == GLOSSARY:
        return []  # the glossary defines; what its entries translate in passing is their explanation
    text = prose(source)
    found = []
    for match in _GLOSS.finditer(text):
        before, english = match.group("before"), match.group("inside").split(",")[0].strip()
        if not re.fullmatch(r"[a-z][a-z \-]{2,}", english) or re.search(r"(?:도|고|서|면|며|다|요|게)$", before):
            continue
        if not any(before.endswith(word) for word in listed):
            word = re.search(r"[가-힣A-Za-z0-9·\-]+$", before).group(0)
            found.append(Finding(page, line_at(text, match.start()), f"{word}({english})"))
    return found


_GLOSS = re.compile(r"(?P<before>[^\s(][^\n(]{0,40}?[가-힣])\((?P<inside>[A-Za-z][^)\n]*)\)")
