"""Small helpers the hook tests share: what a hook logged, and editing a fixture site."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest


def messages(log: pytest.LogCaptureFixture, hook: str, level: int = logging.WARNING) -> list[str]:
    """What hooks/<hook>.py logged (its logger is mkdocs.hooks.<hook>) at `level` or above."""
    return [record.getMessage() for record in log.records if record.name == f"mkdocs.hooks.{hook}" and record.levelno >= level]


def errors(log: pytest.LogCaptureFixture) -> list[str]:
    """Every ERROR logged during the build, by any logger (MkDocs logs a PluginError so)."""
    return [record.getMessage() for record in log.records if record.levelname == "ERROR"]


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a fixture file, which must contain it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
