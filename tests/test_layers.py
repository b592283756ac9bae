"""The package's shape, read from its imports: stages flow one way and nothing imports in a circle.

ingest (any source → Agreement) → search (index, corpus) → answering (question → Answer) →
views (CLI, web page, exports); model.py, errors.py and chars.py are used by all. The page and the CLI
use only the public API (`kyoyaku_search.__all__`) and the views.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kyoyaku_search

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kyoyaku_search"
STAGES = {"model": 0, "errors": 0, "chars": 0, "ingest": 1, "search": 2, "answering": 3, "views": 4}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The package's own modules that `name` imports (a package's `__init__` counts as the package)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                targets.add(submodule if submodule in MODULES else module)
        elif isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
    return {t for t in targets if t in MODULES and t != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None


def test_no_import_cycle():
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(GRAPH[node]):
            if state.get(target) == 1:
                pytest.fail("import cycle: " + " → ".join([*trail[trail.index(target) :], target]))
            if target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _stage(m) is not None))
def test_a_stage_imports_only_earlier_stages(module):
    later = [
        t for t in GRAPH[module] if (_stage(t) is None and _stage(module) < 4) or (_stage(t) or 0) > _stage(module)
    ]
    assert not later, f"{module} imports a later stage: {later}"


def test_the_page_uses_only_the_public_api_and_the_views():
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kyoyaku_search"):
            used.add(node.module)
            if node.module == "kyoyaku_search":
                assert {a.name for a in node.names} <= set(kyoyaku_search.__all__)
    assert used and all(m == "kyoyaku_search" or m.startswith("kyoyaku_search.views.") for m in used), used


def test_the_cli_uses_only_the_public_api():
    assert GRAPH["kyoyaku_search.views.cli"] == {"kyoyaku_search"}


def test_the_checks_see_a_planted_cycle(monkeypatch):
    """The graph is read right: a cycle and a backward import planted in it are caught."""
    monkeypatch.setitem(GRAPH, "kyoyaku_search.model", {"kyoyaku_search.search.corpus"})
    with pytest.raises(pytest.fail.Exception, match="import cycle"):
        test_no_import_cycle()
    with pytest.raises(AssertionError, match="later stage"):
        test_a_stage_imports_only_earlier_stages("kyoyaku_search.model")
