"""Rules for the code itself: lint, how hooks depend on each other, declared dependencies."""

from __future__ import annotations

import ast
import importlib.metadata
import subprocess
import sys
import tomllib

import yaml

from builds import ROOT

CODE = ["hooks", "tests", "benchmarks", "scripts", "tasks.py"]
HOOKS = ROOT / "hooks"


def _imports(path) -> set[str]:
    """Top-level module names a Python file imports when it runs (not for type checkers only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(inner) for node in ast.walk(tree)
                   if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
                   for inner in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *CODE],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_hook_imports_another_hook() -> None:
    # Hooks share code through the helper modules (hooks/_*.py), which MkDocs does not run
    # as hooks: a hook imported as a module is a second copy, with classes of its own.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    hooks = {path.split("/")[-1].removesuffix(".py") for path in config["hooks"]}
    assert hooks, "mkdocs.yml lists no hooks"
    for hook in hooks:
        shared = _imports(ROOT / "hooks" / f"{hook}.py") & hooks
        assert not shared, f"hooks/{hook}.py imports the hook(s) {sorted(shared)}: move what they share to hooks/_*.py"


def test_per_build_state_lives_in_one_object() -> None:
    # MkDocs makes a new config per build; hooks keep what they know of a build in the one
    # `_build.Build` on it (build_of(config)), never as attributes of their own on the config
    # nor in module variables that would outlive the build.
    for path in sorted(HOOKS.glob("*.py")):
        if path.name == "_build.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "config":
                assert not node.attr.startswith("_"), f"hooks/{path.name}:{node.lineno}: config.{node.attr} — use build_of(config)"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("setattr", "getattr") and node.args \
                    and getattr(node.args[0], "id", "") == "config":
                raise AssertionError(f"hooks/{path.name}:{node.lineno}: {node.func.id}(config, …) — use build_of(config)")
        for node in tree.body:  # module level: constants only, no collections filled per build
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, (ast.List, ast.Dict, ast.Set)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                assert all(name.isupper() or name.lstrip("_").isupper() for name in names), \
                    f"hooks/{path.name}:{node.lineno}: module-level {names} — per-build state goes in build_of(config)"


def test_pyproject_declares_every_package_the_code_imports_or_mkdocs_loads() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [*project["dependencies"], *(pin for extra in project["optional-dependencies"].values() for pin in extra)]
    declared = {pin.split("==")[0].lower().replace("_", "-") for pin in pins}
    distributions = importlib.metadata.packages_distributions()
    local = {path.stem for folder in ("hooks", "tests", "benchmarks", "scripts") for path in (ROOT / folder).glob("*.py")} | {"tasks"}
    imported = set().union(*(_imports(path) for folder in CODE[:-1] for path in (ROOT / folder).rglob("*.py")))
    imported |= _imports(ROOT / "tasks.py")
    needed = {dist.lower().replace("_", "-") for name in imported - local - set(sys.stdlib_module_names)
              for dist in distributions.get(name, [name])}
    # What mkdocs.yml makes MkDocs load: the theme, plugins and Markdown extensions.
    needed |= {"mkdocs-material", "mkdocs-mermaid2-plugin", "mkdocs-redirects", "pymdown-extensions"}
    needed |= {"ruff", "properdocs"}  # run as commands
    assert needed - declared == set(), "add to pyproject.toml (and `python3 tasks.py lock`)"
