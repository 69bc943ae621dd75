"""What MkDocs was started as (`mkdocs serve`, `mkdocs build`): the hooks that behave
differently under `mkdocs serve` (hooks/serving.py, hooks/handout.py) read it here.

MkDocs reports the command once, in on_startup; each of those hooks records it then. MkDocs
1.6 loads a hook module once per process (`Hooks._load_hook` is cached), and this helper
module once too, so the record outlives every rebuild of `mkdocs serve`; unlike an
environment variable, no child process inherits it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Process:
    command: str | None = None  # "serve", "build", "gh-deploy"; None before on_startup


PROCESS = Process()


def serving() -> bool:
    """MkDocs was started as `mkdocs serve` (not `--clean`, which MkDocs reports as a build)."""
    return PROCESS.command == "serve"
