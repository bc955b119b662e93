"""quiz() in a real JupyterLab: at 1280 and 800 px wide every option of quiz 01-dating-003 (the
longest choices of the kit) is shown whole, wrapped inside the output area, and choosing the right
one says so. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import nbformat
import pytest

from .harness import open_notebook, run_all, screenshot
from medialit.selfcheck import check, questions

pytestmark = pytest.mark.browser

QID = "01-dating-003"


def put_quiz_notebook(server, name: str) -> str:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(f'from medialit.ui import quiz\n\nquiz("{QID}")')]
    nbformat.write(nb, server.root / name)
    return name


MEASURE = """() => [...document.querySelectorAll('.medialit-quiz .widget-radio-box label')].map(l => {
    const area = l.closest('.jp-OutputArea-output').getBoundingClientRect();
    const r = l.getBoundingClientRect();
    const input = l.querySelector('input').getBoundingClientRect();
    return {text: l.textContent.trim(), scrollWidth: l.scrollWidth, clientWidth: l.clientWidth,
            scrollHeight: l.scrollHeight, clientHeight: l.clientHeight,
            left: r.left, right: r.right, areaLeft: area.left, areaRight: area.right, height: r.height,
            inputLeft: input.left};
})"""


@pytest.mark.parametrize("width", [1280, 800])
def test_quiz_options_wrap_and_are_never_cut_off(browser, server, notebook_name, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        path = put_quiz_notebook(server, notebook_name)
        open_notebook(page, server, path)
        run_all(page)
        page.wait_for_selector(".medialit-quiz .widget-radio-box label")
        labels = page.evaluate(MEASURE)
        q = questions()[QID]
        assert [lab["text"] for lab in labels] == list(q.choices)
        for lab in labels:
            assert lab["scrollWidth"] <= lab["clientWidth"] + 1, lab          # nothing hidden sideways
            assert lab["scrollHeight"] <= lab["clientHeight"] + 1, lab        # nor below a fixed height
            assert lab["areaLeft"] - 1 <= lab["left"] and lab["right"] <= lab["areaRight"] + 1, lab
            assert lab["inputLeft"] - lab["left"] < 8, "the radio button stands before its option"
        longest = max(labels, key=lambda lab: len(lab["text"]))
        shortest = min(labels, key=lambda lab: len(lab["text"]))
        assert longest["height"] > 1.5 * shortest["height"], "the longest option wraps onto more lines"

        right = next(c for c in q.choices if check(QID, c).right)
        page.locator(".medialit-quiz .widget-radio-box label", has_text=right[:40]).click()
        page.wait_for_function(
            "() => /Right!/.test(document.querySelector('.medialit-quiz .medialit-check')?.textContent || '')")
        feedback = page.locator(".medialit-quiz .medialit-check")
        box, area = feedback.bounding_box(), page.locator(".jp-OutputArea-output").first.bounding_box()
        assert box["x"] + box["width"] <= area["x"] + area["width"] + 1, "the feedback wraps too"
        screenshot(page, f"quiz_{QID}_{width}px")
    finally:
        context.close()
