"""Annotation records, storage that never loses work, and the export formats."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from medialit.annotate import AnnotationRecord, RecordError
from medialit.annotate.formats import (
    from_brat, from_doccano, from_label_studio, to_brat, to_doccano, to_label_studio, write_brat,
)
from medialit.annotate.model import cp_to_utf16, utf16_to_cp
from medialit.articles import seed_article

TEXT = "😀 Senator Roe said “perhaps” it may rain.\r\nObviously.\u00a0Critics disagree 👍🏽."


def sample_record(text=TEXT):
    rec = AnnotationRecord.new("art", text, "Ada")
    src = rec.add_span(text.index("Senator"), text.index(" said"), "source", "a named person")
    claim = rec.add_span(text.index("“perhaps"), text.index(".\r"), "hedge")
    rec.add_span(text.index("Obviously"), text.index("Obviously") + 9, "booster", "no evidence\tgiven")
    rec.add_span(text.index("Critics"), len(text) - 1, "source")
    rec.add_span(0, len(text), "opinion", scope="sentence")  # crosses the line break
    rec.link(src.id, claim.id)
    return rec


def spans_as_tuples(rec, text):
    return sorted((s.start, s.end, s.label, s.note, text[s.start:s.end]) for s in rec.spans)


# --- model ------------------------------------------------------------------

def test_offsets_are_code_points():
    rec = sample_record()
    for s in rec.spans:
        assert TEXT[s.start:s.end]
    assert TEXT[rec.spans[0].start:rec.spans[0].end] == "Senator Roe"


@pytest.mark.parametrize("start,end,label", [(5, 5, "hedge"), (-1, 3, "hedge"), (0, 999, "hedge"),
                                             (0, 3, "sarcasm")])
def test_bad_spans_are_refused(start, end, label):
    rec = AnnotationRecord.new("art", TEXT, "Ada")
    with pytest.raises(RecordError):
        rec.add_span(start, end, label)


def test_link_needs_a_source_span_and_removal_drops_links():
    rec = sample_record()
    hedge = next(s for s in rec.spans if s.label == "hedge")
    booster = next(s for s in rec.spans if s.label == "booster")
    with pytest.raises(RecordError, match="source span"):
        rec.link(hedge.id, booster.id)
    rec.remove_span(hedge.id)
    assert rec.relations == []


def test_record_round_trips_through_dict():
    rec = sample_record()
    again = AnnotationRecord.from_dict(json.loads(json.dumps(rec.to_dict())))
    assert again == rec


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40), st.data())
def test_utf16_conversion_round_trips(text, data):
    i = data.draw(st.integers(0, len(text)))
    assert utf16_to_cp(text, cp_to_utf16(text, i)) == i
    assert cp_to_utf16(text, i) == len(text[:i].encode("utf-16-le")) // 2


# --- formats -------------------------------------------------------------------

def test_brat_round_trip_with_emoji_and_crlf(tmp_path):
    rec = sample_record()
    ann = to_brat(rec, TEXT)
    assert "T5\topinion " in ann and ";" in ann.splitlines()[4]  # fragments at the line break
    assert "R1\tattributed_to Arg1:T2 Arg2:T1" in ann
    back = from_brat(ann, TEXT, "art", "Ada")
    # brat keeps one line per note, so a tab in a note becomes a space
    expected = [(a, b, lab, note.replace("\t", " "), t) for a, b, lab, note, t in spans_as_tuples(rec, TEXT)]
    assert spans_as_tuples(back, TEXT) == expected
    assert len(back.relations) == 1
    rel = back.relations[0]
    assert back.span(rel.source).label == "source" and back.span(rel.claim).label == "hedge"
    path = write_brat(rec, TEXT, tmp_path)
    assert path.with_suffix(".txt").read_bytes() == TEXT.encode("utf-8")


def test_label_studio_round_trip_uses_utf16_offsets():
    rec = sample_record()
    task = to_label_studio(rec, TEXT)
    region = task["annotations"][0]["result"][0]["value"]
    js_text = TEXT.encode("utf-16-le")
    assert js_text[region["start"] * 2:region["end"] * 2].decode("utf-16-le") == "Senator Roe"
    back = from_label_studio(json.loads(json.dumps(task)), "art", "Ada")
    assert spans_as_tuples(back, TEXT) == spans_as_tuples(rec, TEXT)
    assert [(back.span(r.source).label, back.span(r.claim).label) for r in back.relations] == [("source", "hedge")]


def test_doccano_round_trip():
    rec = sample_record()
    line = to_doccano(rec, TEXT)
    assert "\n" not in line
    back = from_doccano(line)
    assert back.article_id == "art" and back.annotator == "Ada"
    assert spans_as_tuples(back, TEXT) == spans_as_tuples(rec, TEXT)
    assert len(back.relations) == 1


def test_export_refuses_another_text():
    rec = sample_record()
    with pytest.raises(RecordError, match="another version"):
        to_doccano(rec, TEXT + " changed")


def test_round_trip_on_a_seed():
    art = seed_article("003")
    rec = AnnotationRecord.new(art.id, art.text, "Ada")
    for s in art.sentences[:5]:
        rec.add_span(s.start, s.end, "attribution", scope="sentence")
    for fmt_out, fmt_in in [(to_doccano, lambda x: from_doccano(x)),
                            (to_label_studio, lambda x: from_label_studio(x, art.id, "Ada"))]:
        back = fmt_in(fmt_out(rec, art.text))
        assert spans_as_tuples(back, art.text) == spans_as_tuples(rec, art.text)
