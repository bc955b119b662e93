"""Lesson 00 in a real JupyterLab: run every cell as a learner would, and no cell fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .harness import click_menu, open_notebook, run_all, screenshot

pytestmark = pytest.mark.browser

LESSON = Path(__file__).resolve().parents[2] / "notebooks" / "00_start_here.ipynb"


def test_lesson_00_runs_all_cells_without_error_output(server, page):
    assert LESSON.exists(), "notebooks/00_start_here.ipynb is missing"
    shutil.copyfile(LESSON, server.root / LESSON.name)
    (server.root / "annotations").mkdir(exist_ok=True)
    open_notebook(page, server, LESSON.name)
    run_all(page, timeout=120_000)
    page.wait_for_selector(".lm-root[data-lm-ready='1']")   # the annotation widget is live
    click_menu(page, "File", "Save Notebook")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=15_000)
    screenshot(page, "lesson_00_run_all")

    nb = server.api("GET", f"/api/contents/{LESSON.name}?content=1")["content"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] for c in code), "some cells did not run"
    errors = [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert errors == [], [f"{e['ename']}: {e['evalue']}" for e in errors]
    shown = page.locator(".jp-OutputArea-output").all_inner_texts()
    assert not [t for t in shown if "Traceback" in t]
    assert not page.errors, page.errors
