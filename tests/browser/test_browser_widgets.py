"""The annotation widgets in a real JupyterLab (and Notebook 7), driven by Chromium.

Each test copies a fixture notebook from tests/browser/notebooks/ into the server's
folder, runs it, uses the widget like a learner (real mouse drags, real key presses),
then checks the saved JSON file and the kernel's own record. Screenshots go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re

import pytest

from .harness import (click_menu, drag_select, open_notebook, run_all, run_cell, screenshot,
                      wait_kernel_idle, wait_saved)
from medialit.annotate.model import cp_to_utf16, text_sha256

pytestmark = pytest.mark.browser

# The article of notebooks/emoji.ipynb (the record's text fingerprint proves it is the same).
EMOJI_TEXT = ("Moon base 🚀 plans leaked\n\n"
              "By Ada Reporter\n\n"
              "The agency 😀 said the launch could perhaps slip to next year. Critics 🙄 doubt it.\n\n"
              "Obviously the agency should explain itself.\n")
EMOJI_RECORD = "Tester__emoji_demo.json"


@pytest.fixture(autouse=True)
def clean_annotations(server):
    for path in server.annotations.glob("*"):
        path.unlink()
    yield


def start(page, server, fixture: str, name: str, ui: str = "lab", widget: str = ".lm-root[data-lm-ready='1']"):
    path = server.put_notebook(fixture, name)
    open_notebook(page, server, path, ui)
    run_all(page, ui)
    if widget:
        page.wait_for_selector(widget)
    return path


def saved_spans(server, name: str = EMOJI_RECORD) -> list[list]:
    data = json.loads((server.annotations / name).read_text(encoding="utf-8"))
    assert data["text_sha256"] == text_sha256(EMOJI_TEXT) or name != EMOJI_RECORD
    return [[s["start"], s["end"], s["label"], s["scope"], s["note"]] for s in data["spans"]]


def widget_errors(page) -> list[str]:
    """Uncaught page errors, except those thrown inside the application's own bundles
    (Notebook 7.6 logs a settings 'schema' error of its own at start)."""
    app = re.compile(r"^\s+at .*?/static/(notebook|lab)/[^/]*\.js", re.MULTILINE)
    out = []
    for err in page.errors:
        frames = [line for line in err.splitlines()[1:] if line.strip().startswith("at ")]
        if frames and app.match(frames[0]):
            continue
        out.append(err)
    return out


def kernel_spans(page, cell: int = 2) -> list[list]:
    out = run_cell(page, cell)
    m = re.search(r"SPANS (\[.*\])", out)
    assert m, out
    return json.loads(m.group(1))


def test_mouse_drag_after_emoji_saves_code_point_offsets(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name)
    drag_select(page, ".lm-article", "could perhaps")
    assert page.evaluate("document.getSelection().toString()") == "could perhaps"
    page.keyboard.press("2")   # 2 = hedge
    wait_saved(page)

    cp = EMOJI_TEXT.index("could perhaps")
    assert EMOJI_TEXT.index("😀") < cp and cp_to_utf16(EMOJI_TEXT, cp) == cp + 2   # two emoji before it
    assert saved_spans(server) == [[cp, cp + 13, "hedge", "span", ""]]
    # The browser shows the mark at the UTF-16 offset of the same place.
    seg = page.locator(".lm-seg[data-labels='hedge']")
    assert seg.inner_text() == "could perhaps"
    assert int(seg.get_attribute("data-start")) == cp_to_utf16(EMOJI_TEXT, cp)
    assert kernel_spans(page) == [[cp, cp + 13, "hedge", "could perhaps"]]

    # Mark the source and link the claim to it ("attributed_to") from the panel.
    drag_select(page, ".lm-article", "The agency")
    page.keyboard.press("7")   # 7 = source
    wait_saved(page)
    page.click(".lm-seg[data-labels='hedge']")
    page.select_option(".lm-panel select[data-focus-key='link']", label="source: “The agency”")
    wait_saved(page)
    page.wait_for_selector(".lm-panel .lm-link")
    data = json.loads((server.annotations / EMOJI_RECORD).read_text(encoding="utf-8"))
    ids = {s["label"]: s["id"] for s in data["spans"]}
    assert data["relations"] == [{"type": "attributed_to", "source": ids["source"], "claim": ids["hedge"]}]
    assert "“The agency”" in page.locator(".lm-panel .lm-link").inner_text()
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    screenshot(page, "a_drag_after_emoji")
    assert not widget_errors(page)


def test_keyboard_editing_then_kernel_restart_keeps_everything(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name)
    drag_select(page, ".lm-article", "Obviously")
    page.keyboard.press("3")   # 3 = booster
    wait_saved(page)
    page.wait_for_selector(".lm-panel:not([hidden]) textarea")
    page.fill(".lm-panel textarea", "sounds <b>sure</b>, shows nothing")
    page.click(".lm-panel button:has-text('Save note')")
    wait_saved(page)
    start_cp = EMOJI_TEXT.index("Obviously")
    assert saved_spans(server) == [[start_cp, start_cp + 9, "booster", "span", "sounds <b>sure</b>, shows nothing"]]

    # Keyboard only from here: Escape, Tab to the mark, Enter selects, 5 relabels, Delete, Ctrl+Z.
    page.keyboard.press("Escape")
    assert page.get_attribute(".lm-root", "data-lm-selected") == ""
    page.focus(".lm-article")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.labels") == "booster"
    page.keyboard.press("Enter")
    assert page.get_attribute(".lm-root", "data-lm-selected") != ""
    page.keyboard.press("5")   # 5 = opinion
    wait_saved(page)
    page.wait_for_selector(".lm-seg[data-labels='opinion']")
    page.keyboard.press("Delete")
    wait_saved(page)
    page.wait_for_function("() => !document.querySelector('.lm-seg[data-labels]')")
    assert saved_spans(server) == []
    page.keyboard.press("Control+z")
    wait_saved(page)
    page.wait_for_selector(".lm-seg[data-labels='opinion']")
    expected = [[start_cp, start_cp + 9, "opinion", "span", "sounds <b>sure</b>, shows nothing"]]
    assert saved_spans(server) == expected
    # JupyterLab did not act on those keys: still one notebook, cells unchanged, command mode.
    assert page.locator(".jp-Notebook .jp-Cell").count() == 3

    # Restart the kernel and run everything again: the mark is back, in the page and in the kernel.
    click_menu(page, "Kernel", "Restart Kernel and Run All Cells")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_function(
        """() => { const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent);
                   return p.length === 2 && /\\[1\\]/.test(p[0]) && /\\[2\\]/.test(p[1]); }""")
    wait_kernel_idle(page)
    page.wait_for_selector(".lm-root[data-lm-ready='1'] .lm-seg[data-labels='opinion']")
    assert page.locator(".lm-seg[data-labels='opinion']").inner_text() == "Obviously"
    out = "\n".join(page.locator(".jp-Notebook .jp-Cell").nth(2).locator(".jp-OutputArea-output").all_inner_texts())
    assert json.loads(re.search(r"SPANS (\[.*\])", out).group(1)) == [[start_cp, start_cp + 9, "opinion", "Obviously"]]
    screenshot(page, "b_after_kernel_restart")
    assert saved_spans(server) == expected
    assert not widget_errors(page)


def test_markup_in_article_note_and_detector_stays_text(server, page, notebook_name):
    start(page, server, "xss.ipynb", notebook_name)
    page.wait_for_selector(".medialit-sentence-tagger")
    page.wait_for_selector(".medialit-static")
    page.wait_for_timeout(500)   # give an <img onerror> the time to fire, if one had been made

    article = page.locator(".lm-article").inner_text()
    assert "<script>window.__pwned=1</script>" in article
    assert '<img src=x onerror="window.__pwned=1">' in article
    assert "<script>window.__pwned=1</script>" in page.locator(".medialit-sentence-tagger").inner_text()
    assert '<img src=x onerror="window.__pwned=1">' in page.locator(".medialit-static").inner_text()

    # The learner's note (with markup) shows as text in the panel and the tooltip.
    page.click(".lm-seg[data-labels='loaded']")
    assert page.input_value(".lm-panel textarea") == '<img src=x onerror="window.__pwned=2"><script>window.__pwned=2</script>'
    assert "<script>window.__pwned=2</script>" in page.get_attribute(".lm-seg[data-labels='loaded']", "title")

    # The detector overlay: a cue with its explanation on hover (title), markup as text.
    page.check(".lm-detector-toggle")
    page.wait_for_selector(".lm-seg.lm-cue")
    cue = page.locator(".lm-seg.lm-cue")
    assert cue.inner_text() == "Perhaps"
    assert '<img src=x onerror="window.__pwned=3">' in cue.get_attribute("title")
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    cue.hover()
    screenshot(page, "c_markup_shown_as_text")

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("[...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length") == 0
    assert not widget_errors(page)


def test_sentence_tagger_by_keyboard_only(server, page, notebook_name):
    start(page, server, "tagger.ipynb", notebook_name, widget=".medialit-sentence-tagger")
    tagger = page.locator(".medialit-sentence-tagger")
    tagger.get_by_role("button", name="Next").focus()   # the one programmatic step: where the keyboard starts
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.medialit-sentence-tagger').textContent.includes('Sentence 3 of 4')")
    assert "Sentence 3 of 4, paragraph 1" in tagger.inner_text()
    assert "Tag each sentence of “Sentence tagger test” (Tester)" in tagger.inner_text()
    assert "tagger_demo" not in tagger.inner_text()
    assert "Perhaps it will pour <b>tomorrow</b>." in tagger.inner_text()
    page.keyboard.press("Tab")      # -> attribution
    page.keyboard.press("Tab")      # -> hedge
    assert page.evaluate("document.activeElement.textContent.trim()") == "hedge"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")      # -> booster
    page.keyboard.press("Tab")      # -> speculation
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.medialit-sentence-tagger .mod-active').length === 2")
    # back to sentence 2 and tag it attribution, still by keyboard
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")   # -> Next
    page.keyboard.press("Shift+Tab")   # -> Previous
    assert page.evaluate("document.activeElement.textContent.trim()") == "Previous"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.medialit-sentence-tagger').textContent.includes('Sentence 2 of 4')")
    # the toggles follow the progress text in a separate message: wait for them, don't race them
    page.wait_for_function("() => document.querySelectorAll('.medialit-sentence-tagger .mod-active').length === 0")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")      # -> attribution on sentence 2
    page.wait_for_function("() => document.querySelectorAll('.medialit-sentence-tagger .mod-active').length === 1")
    page.wait_for_selector(".medialit-sentence-tagger .mod-info")   # the kernel's answer: saved and shown as on
    screenshot(page, "d_sentence_tagger_keyboard")

    text = ("Sentence tagger test\n\nBy Ada Reporter\n\n"
            "The minister said it may rain. Perhaps it will pour <b>tomorrow</b>. Obviously we should stay home.\n")
    s2, s3 = "The minister said it may rain.", "Perhaps it will pour <b>tomorrow</b>."
    data = json.loads((server.annotations / "Tester__tagger_demo.json").read_text(encoding="utf-8"))
    got = sorted((s["label"], text[s["start"]:s["end"]], s["scope"]) for s in data["spans"])
    assert got == [("attribution", s2, "sentence"), ("hedge", s3, "sentence"), ("speculation", s3, "sentence")]
    out = run_cell(page, 2)
    assert json.loads(re.search(r"SENTENCE (\[.*\])", out).group(1)) == [
        ["attribution", s2], ["hedge", s3], ["speculation", s3]]
    assert not widget_errors(page)


def test_notebook7_renders_and_saves(server, page, notebook_name):
    start(page, server, "emoji.ipynb", notebook_name, ui="notebook")
    assert "Moon base" in page.locator(".lm-article").inner_text()
    drag_select(page, ".lm-article", "said")
    page.keyboard.press("1")   # 1 = attribution
    wait_saved(page)
    cp = EMOJI_TEXT.index("said")
    assert saved_spans(server) == [[cp, cp + 4, "attribution", "span", ""]]
    page.wait_for_selector(".lm-seg[data-labels='attribution']")
    screenshot(page, "e_notebook7")
    assert not widget_errors(page)


def test_seed_article_parts_detector_and_check_my_work(server, page, notebook_name):
    from medialit.annotate import AnnotationRecord
    from medialit.articles import seed_article

    start(page, server, "seed.ipynb", notebook_name)
    # the widget's title is the headline, not the seed's id (that is in the tooltip)
    assert page.locator(".lm-title .lm-headline").inner_text() == (
        "“Russia Says It Will Not Attempt To Shoot Down Further US Missiles”")
    assert "000_b7d55dfd4cdbabc3" in page.get_attribute(".lm-title", "title")
    captions = page.locator(".lm-caption").all_inner_texts()
    assert captions[0] == "Headline"
    assert any("Byline: no author named" in c for c in captions)
    assert any(c.startswith("Related story") for c in captions)
    assert "¶ 6" in captions

    drag_select(page, ".lm-article", "Perhaps")
    page.keyboard.press("2")
    wait_saved(page)
    page.click(".lm-check")
    page.wait_for_selector(".lm-fb-summary")
    art = seed_article("000")
    rec = AnnotationRecord.new(art.id, art.text, "Tester")
    i = art.text.index("Perhaps")
    rec.add_span(i, i + 7, "hedge")
    try:
        from medialit.feedback import learner_feedback
    except ImportError:
        pytest.skip("medialit.feedback is not there yet")
    full = learner_feedback(rec, art, with_detector=False)
    expected = full.revealed(1).to_dict()              # the first check shows the headline, dek and paragraph 1
    shown = page.locator(".lm-fb-summary").inner_text()
    assert shown.split() == expected["summary"].split()
    assert page.locator(".lm-fb-label").count() == len(expected["labels"])
    assert "So far this checks the headline, the subheadline and paragraph 1" in shown
    assert page.locator(".lm-check-next").inner_text() == "Next: paragraph 2"
    page.click(".lm-check-next")                         # the learner asks for the next paragraph (mouse)
    page.wait_for_function("() => document.querySelector('.lm-check-next')?.textContent === 'Next: paragraph 3'")
    assert page.locator(".lm-fb-summary").inner_text().split() == full.revealed(2).summary.split()
    page.focus(".lm-check-next")                         # ... and with the keyboard
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.lm-check-next')?.textContent === 'Next: paragraph 4'")
    assert page.locator(".lm-fb-summary").inner_text().split() == full.revealed(3).summary.split()
    assert "You found 1 of 1 hedge" in page.locator(".lm-fb-summary").inner_text()   # "Perhaps" in paragraph 3

    page.check(".lm-detector-toggle")
    page.wait_for_function(
        "() => { const p = document.querySelector('.lm-detector .lm-note'); return p && !p.textContent.startsWith('Asking'); }")
    note = page.locator(".lm-detector .lm-note").inner_text()
    assert "signal word" in note or "not available yet" in note or "could not analyse" in note
    page.locator(".lm-fb-label summary").nth(1).click()   # open the hedge feedback
    page.evaluate("document.querySelector('.lm-root').scrollIntoView()")
    screenshot(page, "f_seed_check_my_work")
    assert not widget_errors(page)
