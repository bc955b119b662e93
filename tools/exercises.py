"""Make the learners' exercise notebooks from the solution notebooks (authoring tool, not installed with the kit).

Solutions are the single source. In a solution notebook, the answers stand
between nbgrader's markers::

    ### BEGIN SOLUTION
    hedged_sentences = 3
    ### END SOLUTION
    check("how-many-hedges", hedged_sentences)

The exercise gets a blank in their place, so the notebook still runs top to
bottom and the self-check says "not answered yet" instead of crashing::

    hedged_sentences = ...  # your answer here
    check("how-many-hedges", hedged_sentences)

In Markdown cells the text between the markers becomes "YOUR ANSWER HERE"
(nbgrader's own words, so nbgrader sees an unanswered written answer as
unanswered). Outputs, execution counts and widget state are removed.

The solutions also carry nbgrader's cell metadata: each answer cell is a
solution cell, each is followed by a locked autograder test cell with points
(``grade("how-many-hedges", hedged_sentences)``, which raises when the answer
is wrong or blank), and the written answer is a manually graded cell. The kit's
exercise leaves the autograder test cells out (the ``check()`` above each one
already gives feedback), so it runs top to bottom with its blanks unanswered;
``nbgrader generate_assignment`` keeps them, for classes that grade with nbgrader.

Run ``python tools/exercises.py --execute`` after editing a solution: it
re-runs every solution (saving outputs, without widget state) and regenerates
every exercise. We use this short script rather than nbgrader itself so the
Binder install stays light; the markers and cell metadata are nbgrader's, so
nbgrader users can take the solutions as they are.

>>> blank_code("x = 1\\n### BEGIN SOLUTION\\nanswer = 42\\n### END SOLUTION\\nprint(answer)")
'x = 1\\nanswer = ...  # your answer here\\nprint(answer)'
"""

from __future__ import annotations

import copy
import os
import re
import sys
import tempfile
from pathlib import Path

import nbformat

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
MD_BLANK = "YOUR ANSWER HERE"   # nbgrader's text stub
_ASSIGN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*=(?!=)")


class MarkerError(ValueError):
    """A solution cell whose markers do not pair up."""


def _regions(lines: list[str], where: str):
    """Yield (begin_index, end_index) of each marked region."""
    begin = None
    for i, line in enumerate(lines):
        if line.strip() == BEGIN:
            if begin is not None:
                raise MarkerError(f"{where}: '{BEGIN}' twice without '{END}' (line {i + 1})")
            begin = i
        elif line.strip() == END:
            if begin is None:
                raise MarkerError(f"{where}: '{END}' without '{BEGIN}' (line {i + 1})")
            yield begin, i
            begin = None
    if begin is not None:
        raise MarkerError(f"{where}: '{BEGIN}' is never closed")


def blank_code(source: str, where: str = "cell") -> str:
    """Replace each solution region of a code cell with blanks (``name = ...``)."""
    lines = source.split("\n")
    out, pos = [], 0
    for b, e in _regions(lines, where):
        out += lines[pos:b]
        indent = lines[b][: len(lines[b]) - len(lines[b].lstrip())]
        names = []
        for line in lines[b + 1:e]:
            if line[: len(indent)] == indent and not line[len(indent):].startswith((" ", "\t")):
                m = _ASSIGN.match(line[len(indent):])
                if m and m.group(1) not in names:
                    names.append(m.group(1))
        if names:
            for name in names:
                blank = ", ".join("..." for _ in name.split(",")) if "," in name else "..."
                out.append(f"{indent}{name} = {blank}  # your answer here")
        else:
            out.append(f"{indent}# your answer here")
        pos = e + 1
    out += lines[pos:]
    return "\n".join(out)


def blank_markdown(source: str, where: str = "cell") -> str:
    lines = source.split("\n")
    out, pos = [], 0
    for b, e in _regions(lines, where):
        out += lines[pos:b] + [MD_BLANK]
        pos = e + 1
    out += lines[pos:]
    return "\n".join(out)


def is_autograder_test(cell) -> bool:
    """True for nbgrader's locked test cells (graded, not an answer), which the kit's exercises leave out.

    >>> is_autograder_test({"metadata": {"nbgrader": {"grade": True, "solution": False, "locked": True}}})
    True
    >>> is_autograder_test({"metadata": {"nbgrader": {"grade": True, "solution": True}}})
    False
    """
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution")


def exercise_from_solution(nb):
    """A new notebook: the solution with answers blanked, autograder tests, outputs and widget state removed."""
    ex = copy.deepcopy(nb)
    ex.cells = [cell for cell in ex.cells if not is_autograder_test(cell)]
    for n, cell in enumerate(ex.cells):
        where = f"cell {n + 1}"
        if cell.cell_type == "code":
            cell.source = blank_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "markdown":
            cell.source = blank_markdown(cell.source, where)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
    ex.metadata.pop("widgets", None)
    return ex


def generate(solutions: str | Path = "solutions", exercises: str | Path = "exercises") -> list[Path]:
    """Write ``exercises/<name>.ipynb`` for every ``solutions/<name>.ipynb``; returns the paths."""
    src, dst = Path(solutions), Path(exercises)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        ex = exercise_from_solution(nb)
        out = dst / path.name
        text = nbformat.writes(ex) + "\n"
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            out.write_text(text, encoding="utf-8")
        written.append(out)
    return written


def clean_metadata(nb) -> None:
    """Remove what churns diffs: saved widget state and per-cell execution timings."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)


def execute_notebook(path: Path, timeout: int = 300) -> None:
    """Run a notebook top to bottom in its own folder and save it with its outputs.

    Widget state is not stored (it would churn diffs and offline readers get the
    widgets' plain HTML fallback instead). Learners' annotation files made while
    running go to a temporary folder, not beside the notebook.
    """
    from nbclient import NotebookClient     # only needed with --execute

    nb = nbformat.read(path, as_version=4)
    old = os.environ.get("MEDIALIT_ANNOTATIONS")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MEDIALIT_ANNOTATIONS"] = tmp
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                           record_timing=False, resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if old is None:
                os.environ.pop("MEDIALIT_ANNOTATIONS", None)
            else:
                os.environ["MEDIALIT_ANNOTATIONS"] = old
    clean_metadata(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python tools/exercises.py [--execute] [ROOT]``: (re-run the solutions, then) make the exercises."""
    args = list(argv if argv is not None else sys.argv[1:])
    execute = "--execute" in args
    args = [a for a in args if a != "--execute"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    if execute:
        for path in sorted((root / "solutions").glob("*.ipynb")):
            print(f"running {path.relative_to(root)} ...", flush=True)
            execute_notebook(path)
    for p in generate(root / "solutions", root / "exercises"):
        print(f"wrote {p.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
