"""hooks/search.py: what the browser-side Korean analyzer needs from the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site, load_hook

glossary = load_hook("glossary")


def _index(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def test_term_names_go_to_the_explaining_section_and_the_glossary_entry(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("search"), tmp_path / "out")
    keywords = {doc["location"]: doc.get("keywords") for doc in _index(site)["docs"]}
    # hypervisor: see index.md#structure; names: 하이퍼바이저, VMM, hypervisor
    assert keywords["glossary/#hypervisor"].split() == ["하이퍼바이저", "VMM", "hypervisor"]
    assert "hypervisor" in keywords["#structure"].split()
    # KVM's English name has spaces: it goes as one word into the low-boost `joined_names`
    # (for "kernel based …" queries), and not word by word into the keywords, where a
    # query "virtual" would rank it with the terms named by that very word.
    joined = {doc["location"]: doc.get("joined_names") for doc in _index(site)["docs"]}
    assert joined["glossary/#kvm"].split() == ["Kernel-basedVirtualMachine"]
    assert "Machine" not in keywords["glossary/#kvm"].split()
    assert keywords[""] is not None and "가상머신" in keywords[""]  # virtual-machine: see index.md


def test_index_is_written_as_utf8(fixture_site, tmp_path: Path) -> None:
    raw = (build_site(fixture_site("search"), tmp_path / "out") / "search/search_index.json").read_text("utf-8")
    assert "하이퍼바이저" in raw and "\\ud558" not in raw


def test_analyzer_gets_the_glossary_particle_list(fixture_site, tmp_path: Path) -> None:
    site = build_site(fixture_site("search"), tmp_path / "out")
    script = (site / "assets/javascripts/lunr/min/lunr.ko.min.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"/\* @@SITE \*/ (.*?) /\* SITE@@ \*/", script).group(1))
    assert data == {"particles": glossary.PARTICLES}


def test_search_hook_needs_the_glossary_hook_before_it(fixture_site, caplog, tmp_path: Path) -> None:
    config_file = fixture_site("search")
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("  - hooks/glossary.py\n  - hooks/search.py\n", "  - hooks/search.py\n  - hooks/glossary.py\n"))
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    assert any("hooks/glossary.py를 그 앞에 두세요" in r.getMessage() for r in caplog.records if r.levelname == "ERROR")


def test_self_check_and_try_it_sections_rank_below_the_sections_that_explain(fixture_site, tmp_path: Path) -> None:
    config = fixture_site("search")
    page = config.parent / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## 직접 해 보기 { #try-it }\n\n하이퍼바이저를 봅니다.\n\n"
                    "### 명령 하나 { #try-one }\n\n하이퍼바이저.\n\n## 확인 문제 { #self-check }\n\n하이퍼바이저란?\n",
                    encoding="utf-8")
    boosts = {doc["location"]: doc.get("boost") for doc in _index(build_site(config, tmp_path / "out", strict=False))["docs"]}
    assert boosts["#try-it"] == boosts["#try-one"] == boosts["#self-check"] == 0.3
    assert boosts["#structure"] is None
