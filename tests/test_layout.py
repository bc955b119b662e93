"""The package's layout rules, checked: layers, no import cycles, small modules,
package imports at the top of each file.

The layers are declared once, as data, in ``pyproject.toml`` (``[tool.importlinter]``)
and checked by import-linter; the cycle check looks at every module, including the
ones inside a package (import-linter's layers do not).
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.application import use_cases

import medialit

PACKAGE = Path(medialit.__file__).parent
ROOT = PACKAGE.parent
MAX_LINES = 500
#: Package modules that may be imported inside a function, and why (grimp still sees these
#: imports, so the layers contract checks them too).
LAZY_IMPORTS = {"medialit.plots": "matplotlib is heavy: the command line loads it only to draw plots"}


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def test_the_layers_contract_holds():
    # The same check as the `lint-imports` command, run in this process.
    configuration.configure()
    passed = use_cases.lint_imports(config_filename=str(ROOT / "pyproject.toml"), cache_dir=None)
    assert passed, "lint-imports found an import against the layers in pyproject.toml"


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycles(graph) == [["p.a", "p.b"]]


def test_no_import_cycles_anywhere_in_the_package():
    # Modules inside a package import their siblings, never their own package's __init__,
    # so an __init__ that re-exports its modules makes no cycle.
    graph = grimp.build_graph("medialit", cache_dir=None)
    assert _cycles(graph) == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_stay_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by job"


def _late_package_imports(tree: ast.AST) -> list[int]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom):
                    names = [inner.module or ""] if not inner.level else ["."]
                elif isinstance(inner, ast.Import):
                    names = [a.name for a in inner.names]
                else:
                    continue
                if any(n == "." or (n.startswith("medialit") and n not in LAZY_IMPORTS) for n in names):
                    out.append(inner.lineno)
    return sorted(set(out))


def test_the_late_import_finder_finds_one():
    tree = ast.parse("import os\ndef f():\n    from medialit.articles import parse_article\n"
                     "    import medialit.plots\n    from . import report\n")
    assert _late_package_imports(tree) == [3, 5]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_package_imports_are_at_the_top(path):
    lines = _late_package_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert lines == [], f"{path.name}: package imports inside functions at lines {lines} hide the dependency graph"
