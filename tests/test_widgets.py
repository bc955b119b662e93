"""The annotation widgets, Python side only (no browser): fast.

The browser sends custom messages with UTF-16 offsets; here they are fed to the
widget directly, as the kernel would receive them, and the answers are captured.
"""

from __future__ import annotations

import json
import re
import types
from collections import namedtuple
from pathlib import Path

import pytest

pytest.importorskip("anywidget")

from medialit import parse_article  # noqa: E402
from medialit.annotate import AnnotationStore  # noqa: E402
from medialit.annotate.model import SPAN_LABELS, OffsetMap, cp_to_utf16, utf16_to_cp  # noqa: E402
from medialit.ui import SentenceTagger, SpanAnnotator  # noqa: E402
from medialit.ui import annotator as annotator_module  # noqa: E402
from medialit.ui.common import label_tooltip  # noqa: E402
from medialit.vocabulary import LABEL_COLOURS, LABEL_KEYS, LABEL_MEANINGS  # noqa: E402

TEXT = ("Moon 🚀 base <script>alert(1)</script>\n\n"
        "By Ada Reporter\n\n"
        "The agency 😀 said the launch could perhaps slip. Critics 👍🏽 doubt it.\n\n"
        "Obviously the agency should explain <img src=x onerror=\"alert(2)\"> itself.\n")
JS = Path(__file__).resolve().parent.parent / "medialit" / "ui" / "static" / "span_annotator.js"


@pytest.fixture(autouse=True)
def fresh_stores():
    AnnotationStore.forget_all()
    yield
    AnnotationStore.forget_all()


@pytest.fixture
def article():
    return parse_article(TEXT, id="emoji_art")


class Browser:
    """Stands in for the ES module: sends messages like it, keeps the answers."""

    def __init__(self, widget):
        self.widget = widget
        self.answers: list[dict] = []
        self.req = 0
        widget.send = lambda content, buffers=None: self.answers.append(content)

    def send(self, **msg) -> dict:
        self.req += 1
        msg.update(req=self.req, view="v1")
        self.widget._on_msg(self.widget, msg, [])
        answer = self.answers[-1]
        assert answer["type"] == "ack" and answer["req"] == self.req and answer["view"] == "v1"
        return answer

    def add(self, text: str, needle: str, label: str, pad: int = 0) -> dict:
        cp = text.index(needle)
        return self.send(action="add", start=cp_to_utf16(text, cp) - pad,
                         end=cp_to_utf16(text, cp + len(needle)) + pad, label=label)


def make(article, tmp_path, name="Ada", **kw):
    return SpanAnnotator(article, name, folder=tmp_path, **kw)


# -- offsets ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [TEXT, "plain ascii", "👍🏽👍🏽x", "", "a😀", "😀"])
def test_offset_map_agrees_with_model_conversions(text):
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert m.to_utf16(cp) == cp_to_utf16(text, cp)
    units = len(text.encode("utf-16-le")) // 2
    for u in range(units + 2):
        assert m.to_cp(u) == utf16_to_cp(text, u)


def test_browser_offsets_after_emoji_become_code_points(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    ans = b.add(TEXT, "could perhaps", "hedge")
    assert ans["ok"] is True and ans["id"]
    span = w.record.spans[0]
    assert TEXT[span.start:span.end] == "could perhaps"
    assert span.start == TEXT.index("could perhaps")           # code points...
    assert w.spans[0]["start"] == span.start + 2               # ...and UTF-16 for the browser (😀 and 🚀 count 2)
    on_disk = json.loads(w.store.path.read_text(encoding="utf-8"))
    assert [(s["start"], s["end"], s["label"]) for s in on_disk["spans"]] == [(span.start, span.end, "hedge")]


def test_selection_is_trimmed_and_a_half_surrogate_moves_forward(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    b.add(TEXT, "Critics", "source", pad=1)                     # selection with a space on each side
    assert [TEXT[s.start:s.end] for s in w.record.spans] == ["Critics"]
    # a browser offset in the middle of 😀 (UTF-16 high half) never splits the character
    emoji = TEXT.index("😀")
    ans = b.send(action="add", start=cp_to_utf16(TEXT, emoji) + 1, end=cp_to_utf16(TEXT, emoji + 6), label="loaded")
    assert ans["ok"]
    assert TEXT[w.record.spans[-1].start:w.record.spans[-1].end] == "said"


def test_bad_messages_are_refused_with_a_reason(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    blank = cp_to_utf16(TEXT, TEXT.index("\n\n"))
    assert b.send(action="add", start=blank, end=blank + 2, label="hedge")["ok"] is False
    ans = b.add(TEXT, "said", "no-such-label")
    assert ans["ok"] is False and "unknown label" in ans["error"]
    assert b.send(action="remove", id="nope")["ok"] is False
    assert b.send(action="fly")["ok"] is False
    assert w.record.spans == []


def test_update_link_unlink_remove_undo_round_trip(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    claim = b.add(TEXT, "could perhaps slip", "hedge")["id"]
    source = b.add(TEXT, "The agency", "source")["id"]
    assert b.send(action="update", id=claim, label="speculation", note="<b>future</b>")["ok"]
    assert w.record.span(claim).label == "speculation" and w.record.span(claim).note == "<b>future</b>"
    assert b.send(action="link", source=claim, claim=source)["ok"] is False   # the source must be a source span
    assert b.send(action="link", source=source, claim=claim)["ok"]
    assert w.relations == [{"type": "attributed_to", "source": source, "claim": claim}]
    assert b.send(action="unlink", source=source, claim=claim)["ok"]
    assert w.relations == []
    assert b.send(action="undo")["undone"] is True
    assert len(w.relations) == 1
    assert b.send(action="remove", id=source)["ok"]
    assert w.relations == [] and [s["id"] for s in w.spans] == [claim]
    saved = json.loads(w.store.path.read_text(encoding="utf-8"))
    assert [s["id"] for s in saved["spans"]] == [claim] and saved["relations"] == []
    assert "1 mark" in w.status


def test_kernel_time_is_reported_for_benchmarks(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    import time
    ans = b.send(action="add", start=0, end=4, label="loaded", t0=time.time() * 1000)
    assert 0 <= ans["kernel_ms"] < 5000


def test_a_new_widget_loads_what_was_saved(article, tmp_path):
    w = make(article, tmp_path)
    Browser(w).add(TEXT, "Obviously", "booster")
    w.close()
    AnnotationStore.forget_all()                                  # as a kernel restart does
    again = make(article, tmp_path)
    assert [(s["label"], TEXT[again.offsets.to_cp(s["start"]):again.offsets.to_cp(s["end"])]) for s in again.spans] \
        == [("booster", "Obviously")]


def test_two_widgets_share_one_store_and_stay_in_sync(article, tmp_path):
    w1, w2 = make(article, tmp_path), make(article, tmp_path)
    tagger = SentenceTagger(article, "Ada", folder=tmp_path)
    assert w1.store is w2.store is tagger.store
    Browser(w1).add(TEXT, "said", "attribution")
    assert w2.spans == w1.spans and len(w2.spans) == 1
    tagger.go(1)
    assert "said" in tagger.others_view.value                     # the tagger shows words marked here
    tagger.toggles["hedge"].value = True
    assert {s["scope"] for s in w1.spans} == {"span", "sentence"}
    assert w2.spans == w1.spans
    w2.close()
    Browser(w1).send(action="undo")
    assert len(w1.spans) == 1 and tagger.toggles["hedge"].value is False
    assert len(w2.spans) == 2                                     # closed: no longer told


def test_other_learner_or_article_gets_another_store(article, tmp_path):
    assert make(article, tmp_path, "Ada").store is not make(article, tmp_path, "Bo").store
    other = parse_article("Another text. It is short.", id="other")
    assert make(other, tmp_path, "Ada").store is not make(article, tmp_path, "Ada").store


def test_bad_learner_names_say_so(article, tmp_path):
    with pytest.raises(ValueError, match="type your name"):
        make(article, tmp_path, "   ")
    with pytest.raises(TypeError):
        SpanAnnotator(article, 42, folder=tmp_path)
    with pytest.raises(TypeError):
        SpanAnnotator(42, "Ada", folder=tmp_path)


def test_store_messages_are_shown(article, tmp_path):
    w = make(article, tmp_path)
    path = w.store.path
    w.close()
    AnnotationStore.forget_all()
    path.write_text("{not json", encoding="utf-8")
    with pytest.warns(UserWarning):
        again = make(article, tmp_path)
    assert len(again.messages) == 1 and "could not be read" in again.messages[0]
    assert again.spans == []


# -- the page the browser gets ------------------------------------------------------------------

def test_parts_and_byline_captions(article, tmp_path):
    w = make(article, tmp_path)
    kinds = [p["kind"] for p in w.parts]
    assert kinds[:2] == ["headline", "byline"] and kinds.count("body") == 2
    assert [p["caption"] for p in w.parts if p["kind"] == "body"] == ["¶ 1", "¶ 2"]
    assert w.no_byline is False
    for p in w.parts:                                             # UTF-16 offsets
        assert w.article_text.encode("utf-16-le")[2 * p["start"]:2 * p["end"]].decode("utf-16-le") == \
            next(q.text for q in article.parts if (q.kind, q.paragraph) == (p["kind"], p["paragraph"]))
    no_name = parse_article("Title here\n\nApril 10, 2017, Written by\n\nThe body, which said so. Fine.\n", id="x")
    w2 = make(no_name, tmp_path)
    assert "Byline: no author named" in [p["caption"] for p in w2.parts]
    bare = parse_article("Title here\n\nThe body, which said something at length. It is fine.\n", id="y")
    assert make(bare, tmp_path).no_byline is True


def test_labels_colours_and_help_cover_every_label(article, tmp_path):
    w = make(article, tmp_path)
    assert w.labels == list(SPAN_LABELS) and len(SPAN_LABELS) == 7
    assert w.label_colors == LABEL_COLOURS and w.label_keys == LABEL_KEYS
    assert set(w.label_help) == set(SPAN_LABELS)
    for label in SPAN_LABELS:                     # the tooltip is the vocabulary's meaning, as a sentence
        assert w.label_help[label].lower() == LABEL_MEANINGS[label].lower() + "."
    assert w.label_help["hedge"].startswith("Lowers how sure")


def test_the_es_module_takes_the_label_keys_from_the_model():
    source = JS.read_text(encoding="utf-8")
    assert 'model.get("label_keys")' in source
    assert "Number(ev.key) - 1" not in source and "String(i + 1)" not in source   # no index + 1 any more


def test_es_module_never_parses_html():
    source = JS.read_text(encoding="utf-8")
    assert "export default" in source and "render" in source
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert risky not in source, risky
    assert "data-lm-suppress-shortcuts" in source
    assert "import " not in re.sub(r"//.*", "", source)           # no CDN, no network


# -- repr and the static fallback -------------------------------------------------------------------

def test_repr_is_stable(tmp_path):
    art = parse_article("Head line\n\nThe agency said it may rain. Perhaps.\n", id="000_b7d55dfd4cdbabc3")
    w = make(art, tmp_path)
    assert repr(w) == "SpanAnnotator(article='000_b7d…', annotator='Ada', spans=0)"
    Browser(w).add(art.text, "may", "hedge")
    assert repr(w) == "SpanAnnotator(article='000_b7d…', annotator='Ada', spans=1)"
    data, _meta = w._repr_mimebundle_()
    assert data["text/plain"] == repr(w) and "0x" not in data["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in data
    t = SentenceTagger(art, "Ada", folder=tmp_path)
    assert repr(t) == "SentenceTagger(article='000_b7d…', annotator='Ada', sentence=1/3)"
    tdata, _ = t._repr_mimebundle_()
    assert tdata["text/plain"] == repr(t)


def test_static_html_escapes_and_shows_highlights(article, tmp_path):
    w = make(article, tmp_path)
    b = Browser(w)
    claim = b.add(TEXT, "could perhaps slip", "speculation")["id"]
    b.add(TEXT, "perhaps", "hedge")                               # overlaps the first
    b.send(action="update", id=claim, note='<img src=x onerror="alert(3)">')
    html = w._repr_mimebundle_()[0]["text/html"]
    assert "<script" not in html and "<img" not in html and "onerror=\"" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "alert(3)" in html and "&lt;img src=x" in html           # the note, escaped, in a title
    assert re.search(r'<mark title="hedge, speculation[^"]*"[^>]*box-shadow:inset 0 -3px 0 0 #E69F00, '
                     r'inset 0 -6px 0 0 #CC79A7[^>]*>perhaps</mark>', html)
    assert html == w.static_html() == w._repr_mimebundle_()[0]["text/html"]   # deterministic
    plain = re.sub(r"<[^>]+>", "", html)
    assert "could perhaps slip" in plain.replace("</mark>", "")


def test_static_html_of_a_seed_article_lists_its_parts(tmp_path):
    w = SpanAnnotator("000", "Ada", folder=tmp_path)
    html = w.static_html()
    assert "Headline" in html and "Byline: no author named" in html and "¶ 6" in html


# -- detector overlay and feedback --------------------------------------------------------------------

def test_detector_cues_arrive_in_utf16(article, tmp_path, monkeypatch):
    Cue = namedtuple("Cue", "start end text label rule explanation voice")
    i = TEXT.index("perhaps")
    monkeypatch.setattr(annotator_module, "analyze", lambda art: types.SimpleNamespace(
        cues=[Cue(i, i + 7, "perhaps", "hedge", "hedge-word", "Lowers <b>commitment</b>.", "author")], sources=[]))
    w = make(article, tmp_path)
    assert w.cues == []
    w.show_detector = True
    assert w.cues == [{"start": i + 2, "end": i + 9, "label": "hedge", "rule": "hedge-word",
                       "explanation": "Lowers <b>commitment</b>.", "voice": "author"}]
    assert "1 signal word" in w.detector_message


def test_detector_failure_is_reported_not_raised(article, tmp_path, monkeypatch):
    def boom(art):
        raise RuntimeError("broken rule")
    monkeypatch.setattr(annotator_module, "analyze", boom)
    w = make(article, tmp_path, show_detector=True)
    assert "broken rule" in w.detector_message


def test_check_my_work_survives_a_failing_comparison(tmp_path, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("broken comparison")
    monkeypatch.setattr(annotator_module, "learner_feedback", boom)
    w = SpanAnnotator("000", "Ada", folder=tmp_path)
    assert Browser(w).send(action="check")["ok"]
    assert w.feedback is None and "could not be made" in w.feedback_message and "broken comparison" in w.feedback_message


def test_check_my_work_on_a_seed_article(tmp_path):
    w = SpanAnnotator("000", "Ada", folder=tmp_path)
    text = w.article.text
    Browser(w).add(text, "Perhaps", "hedge")
    Browser(w).send(action="check")
    fb = w.feedback
    assert fb and fb["summary"] and w.feedback_message == ""
    items = [it for lab in fb["labels"] for it in lab["items"]]
    assert items and all(it["start16"] == cp_to_utf16(text, it["start"]) for it in items)
    json.dumps(fb)


def test_check_my_work_without_answer_key(article, tmp_path):
    w = make(article, tmp_path)
    Browser(w).send(action="check")
    assert w.feedback is None and "no expert answer key" in w.feedback_message
    assert "/" not in w.feedback_message  # no file paths in front of a learner


# -- SentenceTagger --------------------------------------------------------------------------------------

def test_sentence_tagger_navigates_and_toggles(article, tmp_path):
    t = SentenceTagger(article, "Ada", folder=tmp_path)
    n = len(article.sentences)
    assert t.progress.value == f"Sentence 1 of {n}, the headline"
    assert t.prev_button.disabled and not t.next_button.disabled
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in t.sentence_view.value
    assert "<script" not in t.sentence_view.value
    t.next_button.click()
    t.next_button.click()
    s = article.sentences[2]
    assert t.progress.value == f"Sentence 3 of {n}, paragraph 1"
    t.toggles["attribution"].value = True
    t.toggles["hedge"].value = True
    t.toggles["hedge"].value = False
    spans = [(sp.start, sp.end, sp.label, sp.scope) for sp in t.record.spans]
    assert spans == [(s.start, s.end, "attribution", "sentence")]
    assert t.toggles["attribution"].icon == "check" and t.toggles["attribution"].button_style == "info"
    t.go(0)
    assert not t.toggles["attribution"].value
    t.go(2)
    assert t.toggles["attribution"].value
    t.go(99)
    assert t.index == n - 1 and t.next_button.disabled
    for label, toggle in t.toggles.items():
        assert toggle.tooltip == label_tooltip(label)


def test_sentence_tagger_views_escape_the_article_and_the_marks(article, tmp_path):
    t = SentenceTagger(article, "Ada", folder=tmp_path)
    assert "“Moon 🚀 base &lt;script&gt;alert(1)&lt;/script&gt;”" in t.heading.value and "(Ada)" in t.heading.value
    i = TEXT.index("<img")
    t.store.add_span(i, TEXT.index(">", i) + 1, "loaded")            # words marked in the annotator
    t.go(next(n for n, s in enumerate(article.sentences) if s.start <= i < s.end))
    assert t.others_view.value == ('<div style="font-size:.9em;color:#555">Words you marked here: loaded '
                                   '“&lt;img src=x onerror=&#34;alert(2)&#34;&gt;”</div>')
    t.go(0)
    assert t.others_view.value == ""
    t.store.messages.append("A <b>warning</b> & more")
    t._refresh_toggles()
    assert t.messages_view.value == '<div role="alert" style="color:#8a4b00">A &lt;b&gt;warning&lt;/b&gt; &amp; more</div>'


def test_sentence_tagger_static_html_escapes(article, tmp_path):
    t = SentenceTagger(article, "Ada", folder=tmp_path)
    t.go(1)
    t.toggles["booster"].value = True
    html = t._repr_mimebundle_()[0]["text/html"]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "booster" in html


def test_sentence_tagger_and_annotator_edit_the_same_record(article, tmp_path):
    t = SentenceTagger(article, "Ada", folder=tmp_path)
    w = make(article, tmp_path)
    t.go(2)
    t.toggles["speculation"].value = True
    sentence_span = next(s for s in w.spans if s["scope"] == "sentence")
    Browser(w).send(action="update", id=sentence_span["id"], label="opinion")
    assert t.toggles["opinion"].value is True and t.toggles["speculation"].value is False
    Browser(w).send(action="remove", id=sentence_span["id"])
    assert not any(tg.value for tg in t.toggles.values())


def test_a_failed_save_is_reported_to_the_browser(article, tmp_path, monkeypatch):
    import medialit.annotate.safefiles as safefiles

    w = make(article, tmp_path)
    Browser(w).add(TEXT, "Critics", "source")
    before = w.store.path.read_bytes()

    def full(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(safefiles.os, "fsync", full)
    ans = Browser(w).add(TEXT, "said", "attribution")
    assert ans["ok"] is False and "the disk is full" in ans["error"] and "not kept" in ans["error"]
    assert w.store.path.read_bytes() == before and len(w.spans) == 1 and len(w.record.spans) == 1
