"""Views of the answer key the lessons show: the key cut down to some labels (lessons 3 and 4),
its sources as table rows, and the key's sources beside the detector's (lesson 2)."""

from medialit.evaluate import evaluate_article, source_comparison
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
    assert outlets == [("RT", "¶4"), ("Washington Post", "¶5"), ("Reuters", "¶8"), ("TASS", "¶11"), ("FARS", "¶14")]
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
