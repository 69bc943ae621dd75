"""hooks/_settings.py: the build's switches, one validated section of mkdocs.yml (`extra: checks:`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from builds import build_site
from support import edit


def test_a_bad_value_from_the_environment_stops_the_build_naming_key_and_variable(
    fixture_site, caplog, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("UPDATE_INVENTORY", "1")  # a number, where true or false is meant
    with pytest.raises(Abort):
        build_site(fixture_site("links"), tmp_path / "out")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("mkdocs.yml의 extra.checks.update_inventory" in m and "UPDATE_INVENTORY" in m
               and "true나 false(으)로 지정하세요" in m for m in errors), errors
    assert not (tmp_path / "out" / "index.html").exists()


def test_an_unknown_switch_stops_the_build_listing_the_known_ones(fixture_site, caplog, tmp_path: Path) -> None:
    config_file = fixture_site("links")
    edit(config_file, "  checks:\n", "  checks:\n    external_link: true\n")
    with pytest.raises(Abort):
        build_site(config_file, tmp_path / "out")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("extra.checks.external_link: 알 수 없는 키입니다" in m and "external_links" in m for m in errors), errors


def test_every_switch_names_its_variable_and_value_for_the_message() -> None:
    from builds import load_hook

    settings = load_hook("_settings")
    checks = settings.Checks()
    checks.load_dict({})
    checks.validate()
    assert set(checks) == set(settings.KEYS)
