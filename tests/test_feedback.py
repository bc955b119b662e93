"""Feedback: found / missed / extra against the key, with the key's reasons."""

import pytest

from medialit.annotate import AnnotationRecord, RecordError
from medialit.answer_key import load_answer_key
from medialit.articles import seed_article
from medialit.feedback import learner_feedback


@pytest.fixture(scope="module")
def art():
    return seed_article("000")


def record_with(art, marks):
    rec = AnnotationRecord.new(art.id, art.text, "Ada")
    for phrase, label, nth in marks:
        i = -1
        for _ in range(nth):
            i = art.text.index(phrase, i + 1)
        rec.add_span(i, i + len(phrase), label)
    return rec


def test_empty_record_gets_a_friendly_start(art):
    fb = learner_feedback(AnnotationRecord.new(art.id, art.text, "Ada"), art, with_detector=False)
    assert "not marked anything yet" in fb.summary
    key = load_answer_key(art.id)
    assert fb.label("hedge").missed == len(key.units_with("hedge"))


def test_found_missed_and_extra_with_reasons(art):
    rec = record_with(art, [
        ("Perhaps Trump", "hedge", 1),          # a key hedge sentence (paragraph 5)
        ("Perhaps there are", "hedge", 1),      # another (paragraph 3)
        ("The conflict is causing pain", "opinion", 1),  # the key gives this sentence no label
        ("Russian Senator Viktor Ozerov", "source", 1),
    ])
    fb = learner_feedback(rec, art, with_detector=False)
    hedge = fb.label("hedge")
    assert (hedge.key_total, hedge.found, hedge.missed, hedge.extra) == (3, 2, 1, 0)
    missed = [i for i in hedge.items if i.kind == "missed"]
    assert missed[0].paragraph == 5 and missed[0].text.startswith("Perhaps that realization")
    assert missed[0].why.startswith("The key says:") and "Perhaps" in missed[0].why
    assert "You found 2 of 3 hedges" in fb.summary and "Look again at paragraph 5" in fb.summary
    opinion = fb.label("opinion")
    extra = [i for i in opinion.items if i.kind == "extra"]
    assert len(extra) == 1 and "does not mark this sentence as opinion" in extra[0].why
    assert "describes a situation" in extra[0].why  # the key's own note
    src = fb.label("source")
    assert src.found == 1 and src.missed == len(load_answer_key(art.id).sources) - 1


def test_loaded_word_counts_as_opinion(art):
    rec = record_with(art, [("very belligerent", "loaded", 1)])
    fb = learner_feedback(rec, art, with_detector=False)
    assert fb.label("opinion").found == 1


def test_spans_are_matched_by_overlap(art):
    rec = record_with(art, [("Perhaps", "hedge", 1)])
    fb = learner_feedback(rec, art, with_detector=False)
    assert fb.label("hedge").spans_found == 1


def test_html_is_escaped(art):
    rec = record_with(art, [("The conflict is causing pain", "opinion", 1)])
    html = learner_feedback(rec, art, with_detector=False).to_html()
    assert "<script" not in html and "“" in html


def test_feedback_refuses_a_record_for_another_text(art):
    rec = AnnotationRecord.new(art.id, art.text + "!", "Ada")
    with pytest.raises(RecordError):
        learner_feedback(rec, art, with_detector=False)


def test_table_has_one_row_per_label(art):
    rec = record_with(art, [("Perhaps Trump", "hedge", 1)])
    table = learner_feedback(rec, art, with_detector=False).table()
    assert list(table.index) == ["attribution", "hedge", "booster", "speculation", "opinion", "sources"]
    assert table.loc["hedge", "you found"] == 1


@pytest.mark.parametrize("fields, expected, unwanted", [
    (dict(label="opinion", key_total=6, extra=1), "1 of your marks is not in the key", "marks are"),
    (dict(label="opinion", key_total=6, extra=2), "2 of your marks are not in the key", "marks is"),
    (dict(label="hedge", key_total=0, extra=1), "but you marked 1 sentence.", "(s)"),
    (dict(label="hedge", key_total=0, extra=3), "but you marked 3 sentences.", "(s)"),
    (dict(label="hedge", key_total=1, spans_in_key=1), "You found 0 of 1 hedge (and marked 0 of the key's 1 cue word).",
     "hedges"),
    (dict(label="booster", key_total=2, found=2, spans_in_key=3, spans_found=3),
     "You found 2 of 2 boosters (and marked 3 of the key's 3 cue words). Well done!", "(s)"),
])
def test_summary_sentences_agree_in_number(fields, expected, unwanted):
    from medialit.feedback import LabelFeedback

    sentence = LabelFeedback(**fields).sentence()
    assert expected in sentence
    assert unwanted not in sentence


def test_one_source_in_the_key_is_singular(art):
    from dataclasses import replace

    from medialit.alignment import marks_per_sentence
    from medialit.feedback import compare

    key = load_answer_key(art.id)
    one = replace(key, sources=key.sources[:1])
    fb = compare(one, marks_per_sentence(one.units, [(0, 5, "hedge")]), [], art.id, "Ada")
    assert "You marked 0 of the 1 source the key names." in fb.summary


def test_a_source_span_counts_as_attribution_for_its_sentence(art):
    """Annotation guide: a learner's source span gives its sentence attribution, as in the class view;
    span-level feedback still asks for the reporting cue."""
    key = load_answer_key(art.id)
    unit, ks = next((key.units[ks.unit], ks) for ks in key.sources if "attribution" in key.units[ks.unit].label_set)
    rec = AnnotationRecord.new(art.id, art.text, "Ada")
    rec.add_span(ks.start, ks.end, "source")
    fb = learner_feedback(rec, art, with_detector=False)
    attribution = fb.label("attribution")
    assert attribution.found == 1 and attribution.extra == 0
    assert [i.start for i in attribution.items if i.kind == "found"] == [unit.start]
    assert attribution.spans_found == 0                  # no reporting cue was marked
    assert fb.label("source").found == 1
    assert "not marked anything yet" not in fb.summary   # a source alone is a mark


def test_a_reporting_cue_span_is_found_at_span_level(art):
    key = load_answer_key(art.id)
    cue = next(c for u in key.units for c in u.cues if c.label == "attribution")
    rec = AnnotationRecord.new(art.id, art.text, "Ada")
    rec.add_span(cue.start, cue.end, "attribution")
    assert learner_feedback(rec, art, with_detector=False).label("attribution").spans_found == 1


def test_html_escapes_learner_and_key_text(art):
    """Text that reaches the feedback's HTML (summary, key text, reasons) is escaped: <, &, quotes."""
    from medialit.feedback import Feedback, Item, LabelFeedback

    hostile = 'x <script>alert("1")</script> & \'q\''
    lf = LabelFeedback("hedge", key_total=1, missed=1,
                       items=[Item("missed", "hedge", 0, 5, hostile, 2, "body", hostile)])
    html = Feedback(art.id, "Ada", [lf], LabelFeedback("source", key_total=0), learner=[{"hedge"}]).to_html()
    assert "<script>" not in html and 'alert("1")' not in html and "'q'" not in html
    assert html.count("&lt;script&gt;alert(&#34;1&#34;)&lt;/script&gt; &amp; &#39;q&#39;") == 2
    assert "<b>hedge</b>: 1 missed, 0 extra" in html and "(paragraph 2)" in html
