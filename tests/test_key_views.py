"""Views of the answer key the lessons show: the key cut down to some labels (lessons 3 and 4),
its sources as table rows, the key's sources beside the detector's (lesson 2), and feedback on
the sources of some paragraphs (lesson 5)."""

from medialit.annotate import AnnotationRecord
from medialit.evaluate import evaluate_article, source_comparison
from medialit.feedback import learner_feedback
from medialit.vocabulary import SOURCE_TYPES


def test_one_paragraph_and_two_labels_as_in_lesson_3(k003):
    cut = k003.only(("hedge", "booster"), paragraph=7)
    whole = [u for u in k003.units if u.paragraph == 7]
    assert [u.index for u in cut.units] == [u.index for u in whole] and len(whole) == 4
    for u, w in zip(cut.units, whole):
        assert u.label_set == w.label_set & {"hedge", "booster"} and u.text == w.text
        assert u.cues == tuple(c for c in w.cues if c.label in ("hedge", "booster"))
    assert any(u.cues for u in cut.units) and cut.sources == ()
    assert len(k003.units) > len(cut.units)          # the key itself is not changed


def test_loaded_cues_stay_with_opinion_as_in_lesson_4(k000):
    cut = k000.only(("speculation", "opinion"))
    assert len(cut.units) == len(k000.units) == 21
    assert len(cut.units_with("speculation")) == 7 and len(cut.units_with("opinion")) == 6
    assert not cut.units_with("hedge") and cut.sources == ()
    cue_labels = {c.label for u in cut.units for c in u.cues}
    assert "loaded" in cue_labels and not cue_labels & {"hedge", "booster"}
    (u,) = [u for u in cut.units if "very belligerent" in u.text]
    assert [c.text for c in u.cues] == ["very belligerent"]


def test_attribution_keeps_the_sources_of_the_units_kept(k000):
    cut = k000.only(("attribution",), paragraph=1)
    kept = {u.index for u in cut.units}
    assert cut.sources and {s.unit for s in cut.sources} <= kept
    assert len(cut.sources) == sum(s.unit in kept for s in k000.sources) < len(k000.sources)


def test_source_rows_name_where_each_source_is(k000, k003):
    rows = k003.source_rows()
    assert len(rows) == len(k003.sources)
    outlets = [(r["source"], r["where"]) for r in rows if r["type"] == "outlet"]
    assert outlets == [("RT", "¶4"), ("Washington Post", "¶5"), ("Reuters", "¶8"), ("TASS", "¶11"),
                       ("FARS", "¶14")]
    assert {r["type"] for r in rows} <= {t.replace("_", " ") for t in SOURCE_TYPES}
    cut = k000.only(("attribution",), paragraph=1)          # rows of a cut key: found by unit number
    assert {r["where"] for r in cut.source_rows()} == {"¶1"}
    assert rows[0].keys() == {"where", "source", "type", "key's note"}


def test_source_comparison_agrees_with_the_evaluation(key, det):
    for short, k in key.items():
        rows = source_comparison(k, det[short])
        ev = evaluate_article(k.article_id)
        assert [r["source (key)"] for r in rows] == [s.text for s in k.sources]
        assert sum(r["detector"] == "not found" for r in rows) == ev.sources.fn
        found = [r for r in rows if r["detector"] != "not found"]
        assert len(found) == ev.source_types_compared
        assert sum(r["key"] == r["detector"] for r in found) == ev.source_types_agree


def _record(article, marks):
    """A learner's record with a mark on the first place of each (phrase, label)."""
    rec = AnnotationRecord.new(article.id, article.text, "Ada")
    for phrase, label in marks:
        i = article.text.index(phrase)
        rec.add_span(i, i + len(phrase), label)
    return rec


def test_feedback_on_the_sources_of_one_paragraph(a000, k000):
    rec = _record(a000, [("Russian Senator Viktor Ozerov", "source"), ("Interfax", "source")])
    whole = learner_feedback(rec, a000, with_detector=False).label("source")
    cut = learner_feedback(rec, a000, key=k000.only(("attribution",), paragraph=2), with_detector=False)
    in_2 = [s for s in k000.sources if k000.units[s.unit].paragraph == 2]
    assert cut.label("source").key_total == len(in_2) < whole.key_total
    assert {i.paragraph for i in cut.label("source").items if i.kind != "extra"} == {2}


def test_source_feedback_within_some_places_as_in_lesson_5(a000):
    rec = _record(a000, [("Russian Senator Viktor Ozerov", "source"), ("The conflict is causing pain", "source")])
    whole = learner_feedback(rec, a000, with_detector=False).label("source")
    here = whole.within({"headline", "dek", 1, 2, 4})
    assert {i.paragraph or i.part for i in here.items} <= {"headline", "dek", 1, 2, 4}
    assert [i for i in whole.items if i not in here.items]                  # something was left out
    assert here.found == sum(i.kind == "found" for i in here.items) >= 1
    assert here.key_total == sum(i.kind != "extra" for i in here.items) == here.found + here.missed
    assert whole.within(set()).items == [] and whole.within(set()).key_total == 0
