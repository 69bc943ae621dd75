"""확인 문제 test understanding: no question is asked twice in the guide, none asks for a
CVE or advisory number, and every answer points to the section that explains it."""

from __future__ import annotations

import re
from collections import defaultdict

from try_its import DOCS, pages

QUESTION = re.compile(r'^\?\?\? question "(?P<title>[^"]+)"\n(?P<answer>(?:[ ]{4}.*\n|\n)+)', re.M)


def _questions() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for page in pages():
        text = (DOCS / page).read_text(encoding="utf-8")
        found[page] = [(m.group("title"), m.group("answer")) for m in QUESTION.finditer(text)]
    return found


def _normal(title: str) -> str:
    return re.sub(r"[\s`'\"?.,!]", "", title).casefold()


def test_no_question_is_asked_twice() -> None:
    where = defaultdict(list)
    for page, questions in _questions().items():
        for title, _ in questions:
            where[_normal(title)].append(f"docs/{page}: {title}")
    assert [places for places in where.values() if len(places) > 1] == []


def test_questions_do_not_ask_for_advisory_numbers() -> None:
    recall = [f"docs/{page}: {title}" for page, questions in _questions().items() for title, _ in questions
              if re.search(r"\b(CVE|XSA|QSB)-?\d", title)]
    assert recall == []


def test_every_page_with_questions_has_several_and_each_answer_links_to_its_section() -> None:
    problems = []
    for page, questions in _questions().items():
        if questions and len(questions) < 3:
            problems.append(f"docs/{page}: {len(questions)} questions (3–5 expected)")
        problems += [f"docs/{page}: the answer to '{title}' links to no section" for title, answer in questions
                     if not re.search(r"\]\([^)]*#[\w-]+\)|\]\(#", answer)]
    assert problems == []
