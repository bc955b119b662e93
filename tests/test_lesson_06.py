"""Lesson 6 (your own article): medialit.own_article, the notebooks, and the questions checked against the kit."""

import ast
import hashlib
from pathlib import Path

import pytest

from lessons import chosen, read, right, sources

from medialit import articles
from medialit.articles import parse_article, seed_article
from medialit.detect import analyze
from medialit.learner import NO_NAME_MESSAGE, forget, set_learner_name
from medialit.own_article import (EXAMPLE_TEXT, MAX_BYTES, MAX_CHARS, NO_KEY_MESSAGE, OwnArticleError,
                                  article_from_bytes, article_from_text, checklist, compare_with_detector,
                                  describe, example_article, own_article_id)
from medialit.ui import own_article_picker

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "06_your_own_article.ipynb"
SOLUTION = ROOT / "solutions" / "06_your_own_article_practice.ipynb"
#: The lesson's own steps, in order (the sections every lesson has are checked in test_lessons_common.py).
SECTIONS = ["## The reading", "## The parts of the page", "## Annotation activity", "## A second reader",
            "## Questions to ask", "## Reflection"]

PASTED = ("Talks <b>Stall</b> <script>alert(1)</script>\n\n"
          "By Ada Reporter\n\n"
          "The minister said the talks could perhaps resume. <img src=x onerror=\"alert(2)\"> Critics doubt it.\n\n"
          "Obviously the plan will fail.\n")


def practice_text() -> str:
    """The invented article of the practice notebook (the string assigned to TEXT)."""
    for src in sources(read(SOLUTION), "code"):
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "TEXT":
                return ast.literal_eval(node.value)
    raise AssertionError("the practice notebook defines no TEXT")


@pytest.fixture(autouse=True)
def annotations_in_tmp(tmp_path, monkeypatch, fresh_stores):
    monkeypatch.setenv("MEDIALIT_ANNOTATIONS", str(tmp_path / "annotations"))


@pytest.fixture
def picker(tmp_path):
    return own_article_picker("Ada", folder=tmp_path / "marks")


def all_html(widget) -> str:
    """Every HTML value inside a widget tree (what the page would render)."""
    out = []
    value = getattr(widget, "value", None)
    if isinstance(value, str) and type(widget).__name__ == "HTML":
        out.append(value)
    for child in getattr(widget, "children", ()) or ():
        out.append(all_html(child))
    if hasattr(widget, "static_html"):
        out.append(widget.static_html())
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Turning text and bytes into an Article
# ---------------------------------------------------------------------------

def test_pasted_text_becomes_an_article_with_an_own_id():
    art = article_from_text(PASTED)
    assert art.id == "own-" + hashlib.sha256(PASTED.encode("utf-8")).hexdigest()[:8] == own_article_id(PASTED)
    assert art.text == PASTED and art.encoding == "str" and art.byline == "Ada Reporter"
    assert art.headline.startswith("Talks <b>Stall</b>")


@pytest.mark.parametrize("encoding, named", [("utf-8", "UTF-8"), ("utf-8-sig", "byte-order mark"),
                                             ("utf-16", "UTF-16"), ("cp1252", "Windows-1252")])
def test_uploaded_bytes_are_decoded_and_the_encoding_is_named(picker, encoding, named):
    text = "Café Opens\n\nThe owner said it “may” open on Sunday – perhaps.\n"
    art = picker.use_bytes(text.encode(encoding), "cafe.txt")
    assert art is not None and art.text == text and art.encoding == encoding
    assert art.id == own_article_id(text)          # the same text, pasted or uploaded, gets the same id
    assert picker.article is art and named in picker.message.value and "cafe.txt" in picker.message.value


def test_upload_handler_reads_the_file_upload_value(picker):
    content = memoryview("Rain Due\n\nForecasters said it may rain.\n".encode("utf-8"))
    picker._uploaded({"new": ({"name": "rain.txt", "type": "text/plain", "size": len(content),
                               "content": content},)})
    assert picker.article is not None and picker.article.headline == "Rain Due"
    assert picker.upload.value == ()                # cleared, so the same file can be uploaded again
    picker._uploaded({"new": ()})                   # clearing it must not do anything
    assert picker.article.headline == "Rain Due"


@pytest.mark.parametrize("data, words", [
    (b"", "is empty"),
    (b"PK\x03\x04\x00\x00binary\x00zip", "not plain text"),
    (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 4, "could not be read"),
    (b"  \n\n \t\n", "only spaces or blank lines"),
    (b"x" * (MAX_BYTES + 1), "bytes"),
])
def test_bad_files_give_a_friendly_message_and_keep_the_last_article(picker, data, words):
    good = picker.use_text("Fine\n\nAll is well, officials said.\n")
    assert picker.use_bytes(data, "upload.docx") is None
    assert picker.article is good                   # nothing changed
    msg = picker.message.value
    assert words in msg and 'role="alert"' in msg and "Traceback" not in msg and "Error" not in msg
    with pytest.raises(OwnArticleError):
        article_from_bytes(data)


@pytest.mark.parametrize("text, words", [("", "The box is empty"), ("   \n\n  ", "The box is empty"),
                                         ("x " * MAX_CHARS, "characters long")])
def test_bad_pasted_text_gives_a_friendly_message(picker, text, words):
    assert picker.use_text(text) is None and picker.article is None
    assert words in picker.message.value and 'role="alert"' in picker.message.value


def test_html_in_the_pasted_text_is_escaped_everywhere(picker):
    art = picker.use_text(PASTED)
    assert art is not None
    page = all_html(picker)
    for raw in ("<script>", "<img src=x", "<b>Stall</b>"):
        assert raw not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Stall&lt;/b&gt;" in page
    assert picker.annotator_widget.article_text == PASTED   # the marking tool gets plain text (DOM text nodes)


def test_a_file_name_with_html_is_escaped(picker):
    picker.use_bytes(b"\x00\x01", '<img src=x onerror="alert(1)">.txt')
    assert "<img" not in picker.message.value and "&lt;img" in picker.message.value


def test_an_unusable_name_gives_a_friendly_message(tmp_path):
    p = own_article_picker("", folder=tmp_path)
    assert p.use_text("Fine\n\nAll is well.\n") is None
    assert "Type your name" in p.message.value and p.article is None
    with pytest.raises(OwnArticleError, match="Type your name"):
        p.article_or_example()


def test_accepted_text_shows_summary_marking_tool_and_folded_detector(picker):
    art = picker.use_text(PASTED)
    summary, marking, fold = picker.result.children
    assert marking is picker.annotator_widget and marking.article is art and marking.annotator == "Ada"
    assert marking.article_id == art.id and fold.selected_index is None      # the detector starts folded
    assert picker.analysis is not None and picker.analysis.article is art
    assert "Report(" not in summary.value and "paragraph" in summary.value
    assert repr(picker) == f"OwnArticlePicker(annotator='Ada', article='{art.id}')"


def test_the_same_text_again_keeps_the_marking_tool_and_its_marks(picker):
    picker.use_text(PASTED)
    tool = picker.annotator_widget
    tool.store.add_span(0, 5, "loaded")
    picker.use_text(PASTED)
    assert picker.annotator_widget is tool and len(tool.record.spans) == 1


def test_example_and_marking_tool():
    p = own_article_picker("Ada")
    assert p.article is None
    tool = p.marking_tool()
    assert p.article.text == EXAMPLE_TEXT and tool is p.annotator_widget
    assert p.article_or_example() is p.article
    assert "invented example" in p.message.value


def test_check_my_work_says_there_is_no_key(picker):
    picker.use_text(PASTED)
    tool = picker.annotator_widget
    assert tool.check_my_work() is None
    assert tool.feedback is None and NO_KEY_MESSAGE in tool.feedback_message
    assert tool.feedback_message.startswith("You have made 0 marks.")


def test_describe_names_the_parts():
    words = describe(example_article())
    assert "headline “New Bus Timetable Starts in September”" in words
    assert "date “March 3, 2025”" in words and "byline “Lee Morgan”" in words and "4 paragraphs" in words
    assert "no byline" in describe(seed_article("003")) and "a byline with no name" in describe(seed_article("000"))


def test_the_example_is_self_consistent():
    """The invented example says “said on Monday” under the date March 3, 2025: that was a Monday."""
    import datetime

    art = example_article()
    assert art.date == "March 3, 2025" and "said on Monday" in art.text
    assert datetime.date(2025, 3, 3).strftime("%A") == "Monday"


# ---------------------------------------------------------------------------
# You and the detector; the checklist
# ---------------------------------------------------------------------------

def test_compare_with_detector_counts_agreement_and_differences(picker):
    art = picker.use_text(EXAMPLE_TEXT)
    tool, an = picker.annotator_widget, picker.analysis
    empty = compare_with_detector(tool, an)
    assert "not marked anything yet" in empty.summary
    i = art.text.index("Perhaps")
    tool.store.add_span(i, i + 7, "hedge")
    j = art.text.index("Some drivers")
    tool.store.add_span(j, j + 12, "source")
    cmp = compare_with_detector(tool.record, an)
    s_perhaps = next(sa.sentence.index for sa in an.sentences if "Perhaps" in sa.sentence.text)
    assert cmp.reading.units[s_perhaps].label_set == {"hedge"}
    det_hedges = sum("hedge" in sa.labels for sa in an.sentences)
    assert cmp.counts("hedge") == (1, 0, det_hedges - 1)
    agree = sum((lab in u.label_set) == (lab in sa.labels) for u, sa in zip(cmp.reading.units, an.sentences)
                for lab in ("attribution", "hedge", "booster", "speculation", "opinion"))
    assert cmp.agreements == agree and cmp.decisions == 5 * len(an.sentences)
    overlapping = sum(s.start < j + 12 and j < s.end for s in an.sources)
    assert cmp.sources_both == min(1, overlapping) and cmp.sources_only_you == 1 - cmp.sources_both
    assert len(cmp.table()) == len(an.sentences)
    page = cmp.to_html()
    assert "only the detector" in page and "<script" not in page
    assert "No expert key exists" in cmp.summary


def test_label_shares_plots_the_learner_next_to_the_detector(picker):
    from medialit import plots

    art = picker.use_text(EXAMPLE_TEXT)
    i = art.text.index("Perhaps")
    picker.annotator_widget.store.add_span(i, i + 7, "hedge")
    cmp = compare_with_detector(picker.annotator_widget, picker.analysis)
    fig = plots.label_shares({"you": cmp.reading, "the detector": picker.analysis}, labels=("hedge",))
    heights = sorted(round(p.get_height(), 6) for p in fig.axes[0].patches)
    n = len(picker.analysis.sentences)
    det = 100 * sum("hedge" in sa.labels for sa in picker.analysis.sentences) / n
    assert heights == sorted([round(100 / n, 6), round(det, 6)])


def test_checklist_reports_what_the_kit_noticed():
    text = repr(checklist(analyze(seed_article("003"))))
    assert "found no byline" in text and "found no date" in text and "RT" in text
    assert text.count("\n") >= 19                       # ten questions, two lines each
    html = checklist(analyze(parse_article(PASTED)))._repr_html_()
    assert "<script>" not in html


# ---------------------------------------------------------------------------
# Questions and notebooks
# ---------------------------------------------------------------------------

def test_headline_rule_answer_matches_the_parser():
    art = article_from_text("Short Title\n\nA first paragraph, with enough words to read like running prose here.\n")
    reason = art.parts_of("headline")[0].reason
    assert "the first short line of the page that is not boilerplate" in reason
    assert chosen("06-headline-rule").startswith("It takes the first short line")


def test_reported_plan_answer_follows_the_key(k000):
    headline = k000.units[0]
    assert "A reported promise about the future is not labelled speculation" in headline.note
    assert "speculation" not in headline.label_set
    assert chosen("06-reported-plan").startswith("No: it reports a plan")


def test_practice_answers_come_from_the_practice_article():
    art = article_from_text(practice_text())
    an = analyze(art)
    assert right("06-practice-paragraphs", len(art.paragraphs))
    assert right("06-practice-byline", art.byline)
    assert right("06-practice-attribution-sentences", [sa.sentence.index for sa in an.sentences
                                                        if "attribution" in sa.labels])
    assert an.sentences[5].sentence.text == "Some residents say the money should go to fixing roads instead."
    assert chosen("06-practice-whose-view").startswith("Some residents")


def test_lesson_has_the_required_sections_in_order():
    text = "\n".join(sources(read(LESSON), "markdown"))
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)
    assert "no expert answer key" in text.lower() or "no answer key" in text.lower()


def test_lesson_has_picker_annotation_exercises_and_plots():
    nb = read(LESSON)
    code = "\n".join(sources(nb, "code"))
    assert "name_box()" in code and "own_article_picker()" in code
    assert "report.show(" in code and "plots.page_map(" in code and "plots.label_shares(" in code
    assert "picker.marking_tool()" in code and "compare_with_detector(" in code and "checklist(" in code


# ---------------------------------------------------------------------------
# Bad or unusual input in the picker, and the learner's name from the name box
# ---------------------------------------------------------------------------

def test_a_lone_surrogate_is_replaced_and_the_learner_told(picker):
    text = "Rain Due\n\nIt may rain \ud83d today, officials said. Others doubt it \udc00.\n"
    art = picker.use_text(text)
    assert art is not None and art.text == text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")
    assert len(art.text) == len(text) and art.id == own_article_id(art.text)
    assert "2 broken characters" in picker.message.value and 'role="status"' in picker.message.value
    i = art.text.index("may")
    picker.annotator_widget.store.add_span(i, i + 3, "hedge")      # the marks are saved
    assert len(picker.annotator_widget.record.spans) == 1


@pytest.mark.parametrize("text, words", [
    ("<!DOCTYPE html><html><head><title>Rain</title></head><body><p>It may rain.</p></body></html>",
     "code of a web page"),
    ("\n".join(f"<div><p>Paragraph {i}: it may rain.</p></div>" for i in range(12)), "code of a web page"),
    ("Long\n\n" + "It may rain. " * (MAX_CHARS // 13 + 1), "characters long"),
])
def test_a_web_page_or_a_too_long_text_is_refused_in_plain_words(picker, text, words):
    assert picker.use_text(text) is None and picker.article is None
    msg = picker.message.value
    assert words in msg and 'role="alert"' in msg and "Error" not in msg
    assert "&lt;p&gt;" in msg or "characters" in msg     # the message itself is escaped
    with pytest.raises(OwnArticleError):
        article_from_text(text)


def test_the_limit_is_the_kits_limit_for_any_article():
    assert MAX_CHARS == articles.MAX_CHARS == 200_000 and MAX_BYTES == articles.MAX_BYTES
    assert f"at most {MAX_CHARS:,} characters" in _message_for("x. " * (MAX_CHARS // 3 + 1))


def _message_for(text):
    with pytest.raises(OwnArticleError) as info:
        article_from_text(text)
    return str(info.value)


def test_a_run_of_full_stops_is_analysed_at_once(picker):
    """60,000 full stops froze a kernel for 67 s; now the text is simply read (one long sentence)."""
    text = "Dots\n\nIt rained" + "." * 60_000 + " Then it stopped.\n"
    art = picker.use_text(text)
    assert art is not None and picker.analysis is not None
    assert [s.text for s in art.sentences] == ["Dots", "It rained" + "." * 60_000, "Then it stopped."]


def test_uploads_with_a_stray_byte_or_in_utf16_without_bom(picker):
    import html

    stray = "Rain Due\n\n“It may rain,” she said.\nIt’s wet.\n".encode("utf-8").replace("’".encode(), b"\x92")
    assert picker.use_bytes(stray, "rain.txt") is None
    msg = html.unescape(picker.message.value)
    assert "rain.txt: The file is almost all UTF-8 text, but on line 4, character 3" in msg
    art = picker.use_bytes("Rain Due\n\nIt may rain, she said.\n".encode("utf-16-le"), "rain16.txt")
    assert art is not None and art.headline == "Rain Due" and art.encoding == "utf-16-le"
    assert "UTF-16 without a byte-order mark" in picker.message.value


def test_the_picker_follows_the_name_box(tmp_path):
    forget()
    try:
        p = own_article_picker(folder=tmp_path / "marks")
        art = p.use_text(PASTED)
        assert art is not None and p.annotator_widget.store is None          # no name yet: nothing written
        assert NO_NAME_MESSAGE in p.annotator_widget.status
        assert repr(p) == f"OwnArticlePicker(annotator=None, article='{art.id}')"
        set_learner_name("Bea")
        tool = p.annotator_widget
        assert tool.store is not None and tool.annotator == "Bea"
        i = art.text.index("perhaps")
        tool.store.add_span(i, i + 7, "hedge")
        assert any(f.name.startswith("Bea") for f in (tmp_path / "marks").iterdir())
        assert repr(p) == f"OwnArticlePicker(annotator='Bea', article='{art.id}')"
    finally:
        forget()


def test_a_lone_surrogate_typed_into_the_box_reaches_the_kernel(picker):
    """The box's text arrives from the browser; a lone surrogate in it cannot be echoed back as UTF-8."""
    from jupyter_client.session import json_packer

    class Comm:                       # sends what a kernel would send, through Jupyter's own packer
        comm_id, kernel = "box", True

        def send(self, data=None, metadata=None, buffers=None):
            json_packer(data)

        def on_msg(self, callback):
            pass

        def close(self, *args, **kwargs):
            pass

    picker.textarea.comm = Comm()
    picker.textarea.set_state({"value": "Rain Due\n\nIt may rain \ud83d today, officials said.\n"})
    assert picker.textarea.value == "Rain Due\n\nIt may rain \ufffd today, officials said.\n"
    picker.use_button.click()
    assert picker.article is not None and picker.article.text == picker.textarea.value
    assert "1 broken character (half of an emoji or symbol, lost in copying) was replaced" in picker.message.value
    picker.use_button.click()          # told once: the same text again says nothing more
    assert "broken character" not in picker.message.value


def test_the_picker_says_its_size_limit_up_front(picker):
    intro = picker.children[0].value
    assert f"at most {MAX_CHARS:,} characters" in intro and "not the whole web page" in intro
