"""The learner-facing widgets of issue 10 in a real JupyterLab, driven by Chromium.

1. ``written_answer``: an answer typed in the box is saved after a pause in typing (the record on
   disk holds it), is back in the box after a kernel restart and a re-run, and can be changed and
   saved with the keyboard alone (Tab into the box, type, Tab to Save, Enter).
2. ``quiz``: a wrong choice, then the right one, by clicking and by keyboard; the wrong option's own
   reason shows, and both tries are in the learner's record, in order.
3. Lesson 08 (the post-test): "Check my work" says this is a test and shows no part of the key.

Screenshots go to test-artifacts/screenshots/ (``wq_*.png``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from medialit.annotate.storage import record_path
from medialit.articles import seed_article
from medialit.selfcheck import check, questions
from medialit.tasks import question_article, task
from medialit.ui.annotator import HELD_MESSAGE

#: The pause before the box saves by itself, in this test: long enough that on a busy machine the
#: save by Enter on Save (part 3) and the "not saved yet" status come well before it.
PAUSE_SECONDS = 10

from .harness import (
    click_menu,
    drag_select,
    open_notebook,
    run_all,
    screenshot,
    wait_kernel_idle,
    wait_saved,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TASK = "05-w-reliable-003"
QID = "01-dating-003"
LESSON_08 = ROOT / "notebooks" / "08_check_your_reading.ipynb"


@pytest.fixture(autouse=True)
def clean_annotations(server):
    for path in server.annotations.glob("*"):
        if path.is_file():
            path.unlink()
    yield


def put_notebook(server, name: str, *sources: str) -> str:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, server.root / name)
    return name


def saved_record(server, article_id: str, annotator: str) -> dict:
    path = record_path(server.annotations, article_id, annotator)
    assert path.exists(), f"no record at {path}: {sorted(p.name for p in server.annotations.iterdir())}"
    return json.loads(path.read_text(encoding="utf-8"))


def page_errors(page) -> list[str]:
    """Uncaught errors, except those thrown inside JupyterLab's own bundles."""
    return [e for e in page.errors if "/static/lab/" not in (e.splitlines()[1:2] or [""])[0]]


STATUS = "document.querySelector('.medialit-written [role=status]')?.textContent"
NOT_SAVED_YET = f"() => /Not saved yet/.test({STATUS})"
SAVED_AT = f"() => /Saved at \\d\\d:\\d\\d/.test({STATUS})"

#: How far the widget's parts stick out to the right of the output area (px), and the text box's font.
FITS = """sel => {
    const root = document.querySelector(sel);
    const area = root.closest('.jp-OutputArea-output').getBoundingClientRect();
    const parts = [...root.querySelectorAll('textarea, button, label, .widget-html-content')];
    const ta = root.querySelector('textarea');
    return {overflow: Math.max(0, ...parts.map(e => e.getBoundingClientRect().right - area.right)),
            widest: Math.max(...parts.map(e => e.scrollWidth - e.clientWidth)),
            font: ta ? getComputedStyle(ta).fontFamily : ''};
}"""


def show(page, selector: str) -> None:
    page.locator(selector).first.scroll_into_view_if_needed()


# ---------------------------------------------------------------------------
# 1. The written answer
# ---------------------------------------------------------------------------

def test_written_answer_autosaves_survives_a_restart_and_works_by_keyboard(server, page, notebook_name):
    article_id = task(TASK).article_id
    path = put_notebook(server, notebook_name,
                        f'from medialit.ui import written_answer\n\nwritten_answer("{TASK}", annotator="Ada", '
                        f'pause={PAUSE_SECONDS})')
    open_notebook(page, server, path)
    run_all(page)
    box = page.locator(".medialit-written textarea")
    status = page.locator(".medialit-written [role=status], .medialit-written [role=alert]")
    box.wait_for()
    assert "Write your answer in the box" in status.inner_text()
    screenshot(page, "wq_1a_written_empty")
    inside = page.evaluate(FITS, ".medialit-written")
    assert inside["overflow"] <= 1, inside                  # the box and its border fit in the output area
    assert "monospace" not in inside["font"], inside         # prose, not code

    first = "It names its sources: the Foreign Ministry and <b>Reuters</b>, so I can check them."
    box.click()
    page.keyboard.type(first)
    page.wait_for_function(NOT_SAVED_YET, timeout=6_000)        # typing shows it is not saved yet...
    screenshot(page, "wq_1b_written_typing")
    page.wait_for_function(SAVED_AT, timeout=30_000)            # ...and the pause saves it by itself
    screenshot(page, "wq_1c_written_autosaved")
    page.set_viewport_size({"width": 700, "height": 700})          # a narrow window: the status line wraps
    status_spacing = page.evaluate("""() => { const s = getComputedStyle(document.querySelector(
        '.medialit-written [role=status]').closest('.widget-html-content'));
        return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }""")
    assert status_spacing < 1.6
    assert page.evaluate(FITS, ".medialit-written")["overflow"] <= 1
    screenshot(page, "wq_1c_written_autosaved_700px")
    page.set_viewport_size({"width": 1300, "height": 950})
    answers = saved_record(server, article_id, "Ada")["answers"]
    assert [(a["task"], a["text"]) for a in answers] == [(TASK, first)]
    assert answers[0]["saved"]

    # Restart the kernel (the menu), run the cell again: the saved answer is back in the box.
    click_menu(page, "Kernel", "Restart Kernel")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_timeout(500)
    wait_kernel_idle(page)
    run_all(page)                    # clears the old output first: the box below is the new kernel's
    box = page.locator(".medialit-written textarea")
    box.wait_for()
    page.wait_for_function("v => document.querySelector('.medialit-written textarea')?.value === v", arg=first)
    assert "Saved at" in status.inner_text()
    screenshot(page, "wq_1d_written_after_restart")

    # Keyboard only: from the cell (command mode) Tab into the box, type, Tab to Save, Enter.
    page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    for _ in range(8):
        if page.evaluate("document.activeElement?.matches('.medialit-written textarea')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement?.matches('.medialit-written textarea')"), (
        "Tab does not reach the answer box: " + page.evaluate("document.activeElement?.outerHTML.slice(0, 200)"))
    page.keyboard.press("End")
    added = " But one claim has no source at all."
    page.keyboard.type(added)
    page.wait_for_function(NOT_SAVED_YET, timeout=6_000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement?.textContent.trim()") == "Save"
    page.keyboard.press("Enter")
    second = first + added
    # Saved by Enter on Save, not by the pause: well before PAUSE_SECONDS have gone by
    page.wait_for_function(SAVED_AT, timeout=(PAUSE_SECONDS - 2) * 1000)
    answers = saved_record(server, article_id, "Ada")["answers"]
    assert [(a["task"], a["text"]) for a in answers] == [(TASK, second)]   # replaced, not added
    # JupyterLab did not act on those keys: one cell, still there, no new cell appended
    assert page.locator(".jp-Notebook .jp-Cell").count() == 1
    show(page, ".medialit-written")
    screenshot(page, "wq_1e_written_keyboard_saved")
    assert not page_errors(page), page_errors(page)


def written_prompt_spacing(page) -> float:
    """The line height of the written task's question, in font sizes (a wrapped question reads as one)."""
    return page.evaluate("""() => { const s = getComputedStyle(document.querySelector(
        '.medialit-written .widget-html-content'));
        return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }""")


# ---------------------------------------------------------------------------
# 2. The quiz
# ---------------------------------------------------------------------------

def _tries(server, annotator: str) -> list[str]:
    q = questions()[QID]
    rec = saved_record(server, seed_article(question_article(QID, q.prompt)).id, annotator)
    return [(t["question"], t["choice"]) for t in rec["attempts"]]


def test_quiz_wrong_then_right_by_mouse_and_by_keyboard_keeps_both_tries(server, page, notebook_name):
    q = questions()[QID]
    right = next(c for c in q.choices if check(QID, c).right)
    assert q.choices.index(right) == 1, "the keyboard steps below assume the right choice is the second"
    wrong_click, wrong_key = q.choices[2], q.choices[0]
    reasons = dict(q.why_not)  # digest -> reason
    path = put_notebook(server, notebook_name,
                        f'from medialit.ui import quiz\n\nquiz("{QID}", annotator="Ada")',
                        f'quiz("{QID}", annotator="Ben")')
    open_notebook(page, server, path)
    run_all(page)
    page.locator(".medialit-quiz .widget-radio-box label").nth(2 * len(q.choices) - 1).wait_for()
    ada, ben = page.locator(".medialit-quiz").nth(0), page.locator(".medialit-quiz").nth(1)
    assert ada.locator("input:checked").count() == 0 and not ada.locator(".medialit-check").count()

    def reason_of(choice: str) -> str:
        text = check(QID, choice).html(with_question=False)
        found = [r for r in reasons.values() if r in text.replace("&#34;", '"').replace("&#39;", "'")]
        assert len(found) == 1, (choice, text)
        return found[0]

    # Ada clicks: a wrong option, then the right one.
    ada.locator(".widget-radio-box label", has_text=wrong_click[:30]).click()
    ada.locator(".medialit-check").wait_for()
    page.wait_for_function("() => /Not quite/.test(document.querySelector('.medialit-quiz .medialit-check').textContent)")
    said = ada.locator(".medialit-check").inner_text()
    assert reason_of(wrong_click) in said, said                  # the reason for THIS option
    assert reason_of(wrong_key) not in said
    screenshot(page, "wq_2a_quiz_wrong_click")
    ada.locator(".widget-radio-box label", has_text=right[:30]).click()
    page.wait_for_function("() => /Right!/.test(document.querySelector('.medialit-quiz .medialit-check').textContent)")
    assert "Not quite" not in ada.locator(".medialit-check").inner_text()
    screenshot(page, "wq_2b_quiz_right_click")
    assert _tries(server, "Ada") == [(QID, wrong_click), (QID, right)]

    # Ben uses the keyboard: from the cell, Tab to the first option, Space picks it (wrong); Tab to the
    # second, Space (right). (The arrow keys are JupyterLab's in command mode: they move to another cell.)
    page.locator(".jp-Notebook .jp-Cell").nth(1).locator(".jp-InputPrompt").click()
    page.keyboard.press("Escape")
    for _ in range(8):
        if page.evaluate("!!document.activeElement?.closest('.medialit-quiz') "
                         "&& document.activeElement.closest('.jp-Cell') === document.querySelectorAll('.jp-Cell')[1]"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement?.type") == "radio", page.evaluate(
        "document.activeElement?.outerHTML.slice(0, 200)")
    page.keyboard.press("Space")
    ben.locator(".medialit-check").wait_for()
    page.wait_for_function(
        "() => /Not quite/.test(document.querySelectorAll('.medialit-quiz')[1].querySelector('.medialit-check').textContent)")
    assert reason_of(wrong_key) in ben.locator(".medialit-check").inner_text()
    show(page, ".medialit-quiz >> nth=1")
    screenshot(page, "wq_2c_quiz_wrong_keyboard")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => /Right!/.test(document.querySelectorAll('.medialit-quiz')[1].querySelector('.medialit-check').textContent)")
    assert ben.locator("input:checked").count() == 1
    screenshot(page, "wq_2d_quiz_right_keyboard")
    assert _tries(server, "Ben") == [(QID, wrong_key), (QID, right)]
    assert _tries(server, "Ada") == [(QID, wrong_click), (QID, right)]  # untouched by Ben
    assert page.locator(".jp-Notebook .jp-Cell").count() == 2            # the keys stayed in the widget
    assert not page_errors(page), page_errors(page)


# ---------------------------------------------------------------------------
# 3. The post-test: no feedback while it is taken
# ---------------------------------------------------------------------------

def test_post_test_check_my_work_says_it_is_a_test_and_shows_no_key(server, page):
    assert LESSON_08.exists()
    shutil.copyfile(LESSON_08, server.root / LESSON_08.name)
    open_notebook(page, server, LESSON_08.name)
    run_all(page, timeout=120_000)
    page.wait_for_selector(".lm-root[data-lm-ready='1']")
    name = page.locator(".jp-OutputArea-output input[type=text]").first   # the name box
    name.fill("Ada")
    name.press("Enter")
    page.wait_for_function("() => /saved under the name/.test(document.querySelector('.medialit-name-box')?.textContent)")
    # a mark, so a key (had it been shown) would have something to say about it
    drag_select(page, ".lm-article", "might simply")
    page.keyboard.press("2")   # 2 = hedge
    wait_saved(page)
    check_button = page.locator(".lm-check")
    check_button.scroll_into_view_if_needed()
    check_button.click()
    page.wait_for_function("() => /This is a test/.test(document.querySelector('.lm-feedback, .lm-root')?.textContent)")
    text = page.locator(".lm-root").inner_text()
    assert " ".join(HELD_MESSAGE.split()) in " ".join(text.split())
    for key_part in (".lm-fb-summary", ".lm-fb-label", ".lm-fb-item", ".lm-check-next", ".lm-fb-reveal"):
        assert page.locator(key_part).count() == 0, key_part
    page.evaluate("document.querySelector('.lm-feedback').scrollIntoView({block: 'center'})")
    screenshot(page, "wq_3a_post_test_check")
    toggle = page.locator(".lm-detector-toggle")
    if toggle.count():
        toggle.check()
        page.wait_for_function(
            "() => /This is a test/.test(document.querySelector('.lm-detector')?.textContent || '')")
        assert page.locator(".lm-cue").count() == 0
        page.evaluate("document.querySelector('.lm-detector').scrollIntoView({block: 'center'})")
        screenshot(page, "wq_3b_post_test_detector")
    # the written task below the marking tool: its long question wraps with ordinary line spacing
    page.evaluate("document.querySelector('.medialit-written').scrollIntoView({block: 'center'})")
    assert written_prompt_spacing(page) < 1.6
    screenshot(page, "wq_3c_post_test_written")
    assert not page_errors(page), page_errors(page)
