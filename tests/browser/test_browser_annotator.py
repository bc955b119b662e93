"""The SpanAnnotator's rough edges (issue 8), each checked in a real JupyterLab with Chromium.

Drags that begin or end on an existing mark, one "Save note" = one undo step, errors that
clear on the next success, a save that fails on disk, a widget whose kernel was restarted,
the Refresh button, and the article's headline as the widget's title.
"""

from __future__ import annotations

import json

import pytest

from medialit.annotate.model import cp_to_utf16

from .harness import click_menu, drag_select, run_cell, screenshot, wait_kernel_idle, wait_saved
from .test_browser_widgets import EMOJI_RECORD, EMOJI_TEXT, saved_spans, start, widget_errors

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def clean_annotations(server):
    for path in server.annotations.glob("*"):
        path.unlink()
    yield


def span_of(needle: str, label: str, note: str = "") -> list:
    cp = EMOJI_TEXT.index(needle)
    return [cp, cp + len(needle), label, "span", note]


def status(page) -> tuple[str, bool]:
    """The status line's text, and whether it is shown as an error."""
    return page.evaluate("""() => { const s = document.querySelector('.lm-status');
                                    return [s.textContent, s.classList.contains('lm-error')]; }""")


def mark(page, needle: str, key: str, **drag) -> None:
    drag_select(page, ".lm-article", needle, **drag)
    assert page.evaluate("document.getSelection().toString()") == needle, drag
    page.keyboard.press(key)
    wait_saved(page)


def test_drags_that_start_or_end_on_a_mark_select_and_overlapping_marks_save(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name)
    # The title is the article's headline; its id is only in the tooltip.
    assert page.locator(".lm-title .lm-headline").inner_text() == "“Moon base 🚀 plans leaked”"
    assert "emoji_demo" in page.get_attribute(".lm-title", "title")
    assert "emoji_demo" not in page.locator(".lm-title").inner_text()

    mark(page, "could perhaps", "2")                                   # hedge
    page.keyboard.press("Escape")
    expected = [span_of("could perhaps", "hedge")]
    # Pressed right at the mark's first letter, dragged to the right, out of the mark.
    mark(page, "could perhaps slip", "4", from_edge=True)             # speculation
    expected.append(span_of("could perhaps slip", "speculation"))
    # From outside into the mark, left to right.
    mark(page, "launch could", "5", from_edge=True)                   # opinion
    expected.append(span_of("launch could", "opinion"))
    # Pressed at the mark's last letter, dragged to the left, out of the mark.
    mark(page, "the launch could perhaps", "6", from_edge=True, backwards=True)   # loaded
    expected.append(span_of("the launch could perhaps", "loaded"))
    # From outside into the mark, right to left.
    mark(page, "perhaps slip to", "3", from_edge=True, backwards=True)            # booster
    expected.append(span_of("perhaps slip to", "booster"))
    # Exactly over a mark, edge to edge, for a second label ("mark both").
    mark(page, "could perhaps", "1", from_edge=True)                 # attribution
    expected.append(span_of("could perhaps", "attribution"))
    assert sorted(saved_spans(server)) == sorted(expected)

    # A click (no drag) on a mark still opens its editor.
    page.keyboard.press("Escape")
    page.wait_for_selector(".lm-panel", state="hidden")
    page.locator(".lm-seg[data-labels='booster']").click()      # " to": inside the booster mark only
    page.wait_for_selector(".lm-panel:not([hidden])")
    assert page.locator(".lm-panel .lm-badge").inner_text() == "booster"
    assert page.evaluate("document.getSelection().isCollapsed")
    assert page.evaluate("""() => (document.activeElement.dataset.ids || '').split(' ')
                                     .includes(document.querySelector('.lm-root').dataset.lmSelected)""")
    # ... and the keyboard still reaches a mark with Tab.
    page.keyboard.press("Escape")
    page.focus(".lm-article")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('lm-seg')")
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    screenshot(page, "g_overlapping_drags")
    assert not widget_errors(page)


def test_one_note_save_is_one_undo_step_and_errors_clear_on_success(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name)
    # An error first: a label key with nothing selected.
    page.focus(".lm-article")
    page.keyboard.press("2")
    text, is_error = status(page)
    assert is_error and text.startswith("Select some words")
    # A later mark that goes through clears it at once.
    mark(page, "Obviously", "3")                                       # booster
    page.wait_for_function("() => !document.querySelector('.lm-status').classList.contains('lm-error')",
                           timeout=2_000)
    assert status(page)[0].startswith("Saved: 1 mark")

    page.wait_for_selector(".lm-panel:not([hidden]) textarea")
    page.fill(".lm-panel textarea", "sounds sure, shows nothing")
    page.click(".lm-panel button:has-text('Save note')")   # the text box loses focus ("change") and the click
    wait_saved(page)
    page.wait_for_timeout(300)
    wait_saved(page)
    assert saved_spans(server) == [span_of("Obviously", "booster", "sounds sure, shows nothing")]
    page.click(".lm-undo")                                  # one undo takes the note away ...
    wait_saved(page)
    page.wait_for_function("() => document.querySelector('.lm-panel textarea').value === ''")
    assert saved_spans(server) == [span_of("Obviously", "booster")]
    page.click(".lm-undo")                                  # ... the next one the mark
    wait_saved(page)
    page.wait_for_function("() => !document.querySelector('.lm-seg[data-labels]')")
    assert saved_spans(server) == []
    assert not widget_errors(page)


def test_a_failed_save_shows_in_the_widget_until_the_next_save(server, page, notebook_name):
    start(page, server, "disk_full.ipynb", notebook_name)   # its last cell makes saving fail
    drag_select(page, ".lm-article", "could perhaps")
    page.keyboard.press("2")
    wait_saved(page)
    text, is_error = status(page)
    assert is_error, text
    assert "could not be saved" in text and "disk is full" in text and not text.startswith("Not saved: Your")
    assert page.get_attribute(".lm-status", "role") == "alert"
    colour = page.evaluate("getComputedStyle(document.querySelector('.lm-status')).color")
    assert colour == "rgb(176, 0, 32)"                       # the error red, not the grey of "Saved"
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    screenshot(page, "h_failed_save")
    page.wait_for_selector(".lm-seg[data-labels]", state="detached")   # the mark was not kept
    page.wait_for_timeout(8_500)                             # longer than a passing message stays
    assert status(page)[1], "the error went away before anything was saved"
    assert not (server.annotations / EMOJI_RECORD).exists()

    assert "SAVING WORKS" in run_cell(page, 2)
    drag_select(page, ".lm-article", "could perhaps")
    page.keyboard.press("2")
    wait_saved(page)
    page.wait_for_function("() => !document.querySelector('.lm-status').classList.contains('lm-error')",
                           timeout=2_000)
    assert saved_spans(server) == [span_of("could perhaps", "hedge")]
    assert not widget_errors(page)


def test_a_widget_whose_kernel_was_restarted_says_so(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name)
    click_menu(page, "Kernel", "Restart Kernel")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_timeout(1_000)
    wait_kernel_idle(page)
    drag_select(page, ".lm-article", "could perhaps")   # the old output, still on the page
    page.keyboard.press("2")
    page.wait_for_function("() => document.querySelector('.lm-status').classList.contains('lm-error')",
                           timeout=6_000)
    text = status(page)[0]
    assert "Not saved" in text and "kernel was restarted" in text and "Run this cell again" in text
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    screenshot(page, "i_kernel_restarted")
    assert not (server.annotations / EMOJI_RECORD).exists()
    assert not widget_errors(page), widget_errors(page)   # no uncaught "Cannot send"


def test_refresh_button_brings_in_marks_made_elsewhere(server, page, notebook_name):
    from medialit.annotate.storage import AnnotationStore

    start(page, server, "emoji.ipynb", notebook_name)
    mark(page, "could perhaps", "2")
    # Another notebook (here: this test's process) adds a mark to the same learner's file.
    other = AnnotationStore.open("emoji_demo", EMOJI_TEXT, "Tester", folder=server.annotations)
    cp = EMOJI_TEXT.index("Obviously")
    other.add_span(cp, cp + 9, "booster")
    if hasattr(AnnotationStore, "forget_all"):
        AnnotationStore.forget_all()
    assert page.locator(".lm-seg[data-labels='booster']").count() == 0

    # Keyboard: Tab from Undo reaches Refresh; Enter presses it.
    page.focus(".lm-undo")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").endswith("Refresh")
    page.keyboard.press("Enter")
    wait_saved(page)
    page.wait_for_selector(".lm-seg[data-labels='booster']")
    assert page.locator(".lm-seg[data-labels='booster']").inner_text() == "Obviously"
    text, is_error = status(page)
    assert not is_error and "2 marks" in text, text
    assert sorted(saved_spans(server)) == sorted([span_of("could perhaps", "hedge"), span_of("Obviously", "booster")])
    start16 = cp_to_utf16(EMOJI_TEXT, cp)
    assert page.get_attribute(".lm-seg[data-labels='booster']", "data-start") == str(start16)
    in_kernel = json.loads(run_cell(page, 2).split("SPANS ", 1)[1])
    assert sorted(s[3] for s in in_kernel) == ["Obviously", "could perhaps"]   # the kernel has it too
    assert not widget_errors(page)
