"""The search's question table: how newcomers ask, and the words the pages answer with.

docs/search-questions.yml (read by hooks/search.py, handed to the analyzer in the
worker, overrides/assets/javascripts/korean-search.js):

- `filler`: words only a question carries (왜, 어떻게, 방법, 뭐야): left out of the search;
- `meanings`: what a reader asks (a word, or a verb's stem: 뜨 for 뜨는, 뜨나요) → the words
  the pages use for it (시작, 실행), searched besides.

Every problem is reported at once with its line; a `site` word no page has any more is a
warning at its line, as a stale alias is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from _source import problem, read_yaml, yaml_value

QUESTIONS = "search-questions.yml"  # in docs_dir; excluded from the published site in mkdocs.yml


@dataclass
class Meaning:
    asked: list[str]  # as readers ask: words and verb stems
    site: list[str]  # as the pages write it
    line: int  # of the entry, for messages


@dataclass
class Questions:
    path: str  # docs/search-questions.yml, for messages
    filler: list[str] = field(default_factory=list)
    meanings: list[Meaning] = field(default_factory=list)

    def for_analyzer(self) -> dict:
        """What korean-search.js reads (SITE.questions)."""
        return {"filler": self.filler, "meanings": [{"asked": m.asked, "site": m.site} for m in self.meanings]}

    def stale(self, text: str) -> list[str]:
        """A message for each `site` word that is in no page (`text`: the index's text, case-folded)."""
        return [
            problem(self.path, meaning.line, f"어느 페이지에도 없는 site 낱말: '{word}'",
                    "본문이 그 뜻으로 지금 쓰는 낱말로 고치거나 빼세요")
            for meaning in self.meanings for word in meaning.site if word.casefold() not in text
        ]


def load_questions(path: Path, shown: str) -> Questions:
    """Read and validate the question table; every problem at once, in a PluginError."""
    data, root = read_yaml(path, shown, missing="질문 사전을 만드세요(`filler: []`와 `meanings: []` 두 줄로도 됩니다)",
                           syntax_fix="들여쓰기와 괄호, 따옴표를 확인하세요")
    problems: list[str] = []
    questions = Questions(shown)
    if not isinstance(data, dict):
        raise PluginError(problem(shown, 1, "최상위가 `filler:`와 `meanings:`가 아닙니다", "두 항목으로 쓰세요"))
    for key_node, _ in root.value:
        if key_node.value not in ("filler", "meanings"):
            problems.append(problem(shown, key_node.start_mark.line + 1, f"알 수 없는 항목 '{key_node.value}'",
                                    "`filler`와 `meanings`만 쓸 수 있습니다"))
    filler_node = yaml_value(root, "filler")
    if not _words(data.get("filler")):
        problems.append(problem(shown, filler_node.start_mark.line + 1 if filler_node else 1,
                                "filler는 띄어 쓰지 않은 낱말의 목록이어야 합니다", "`filler: [왜, 어떻게]`처럼 쓰세요"))
    else:
        questions.filler = [word.strip() for word in data["filler"]]
    entries = yaml_value(root, "meanings")
    if not isinstance(data.get("meanings"), list) or entries is None:
        problems.append(problem(shown, 1, "`meanings:` 목록이 없습니다",
                                "`- {asked: [뜨], site: [시작, 실행]}`처럼 나열하세요"))
        entries_list = []
    else:
        entries_list = list(zip(entries.value, data["meanings"]))
    asked_at: dict[str, int] = {}
    for node, entry in entries_list:
        line = node.start_mark.line + 1
        if not isinstance(entry, dict) or set(entry) != {"asked", "site"} or not _words(entry["asked"]) or not _words(entry["site"]):
            problems.append(problem(shown, line, "항목은 asked와 site 두 키로, 띄어 쓰지 않은 낱말의 목록으로 씁니다",
                                    "`- {asked: [뜨], site: [시작, 실행]}`처럼 쓰세요"))
            continue
        for word in entry["asked"]:
            if word in asked_at:
                problems.append(problem(shown, line, f"asked '{word}'가 두 번 나옵니다 (줄 {asked_at[word]})", "하나를 지우세요"))
            asked_at.setdefault(word, line)
        questions.meanings.append(Meaning([w.strip() for w in entry["asked"]], [w.strip() for w in entry["site"]], line))
    if problems:
        raise PluginError("질문 사전에 문제가 있습니다:\n" + "\n".join(problems))
    return questions


def _words(value) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, str) and item.strip() and not any(char.isspace() for char in item.strip()) for item in value)
