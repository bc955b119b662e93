"""The class view: loading a folder of records, agreement statistics, scores, plots, CLI, exports."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import types
from pathlib import Path

import pytest

from medialit import classroom as C
from medialit.annotate.formats import from_brat, from_label_studio, to_label_studio
from medialit.annotate.model import AnnotationRecord, cp_to_utf16
from medialit.articles import parse_article, seed_article
from medialit.guide import SENTENCE_LABELS

A0 = "000_b7d55dfd4cdbabc3"
A3 = "003_9a3e418065795979"


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
    with pytest.raises(C.ClassError, match="no usable learner records .1 .json files skipped"):
        C.run_class(tmp_path, tmp_path / "out")


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
    key = C._key_matrix(art0)
    # The article's sentence 3 holds two key units (the quote is split in the key); both attribution.
    assert key[3, SENTENCE_LABELS.index("attribution")]
    assert key[5].nonzero()[0].tolist() == [SENTENCE_LABELS.index("hedge"), SENTENCE_LABELS.index("speculation")]


def test_a_learner_who_matches_the_key_scores_one(tmp_path, art0):
    key = C._key_matrix(art0)
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
    for row in C.agreement_rows(report):
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
    assert set(data.articles) == {A0, A3}
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
                  "attribution", "Wrote 5 tables (CSV)", "brat annotation files", "Label Studio tasks"):
        assert words in printed
    assert len(json.loads(ls.read_text(encoding="utf-8"))) == 2
    assert len(list((tmp_path / "b").rglob("*.ann"))) == len(list(demo.glob("*.json")))
    for name in ("sentences.csv", "sentence_labels.csv", "agreement.csv", "learner_scores.csv", "skipped.csv"):
        assert (out / name).stat().st_size > 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert {f"disagreement-{A0}.png", f"disagreement-{A3}.png", "agreement.png", "f1.png",
            "learners.png"} <= set(pngs)
    assert all((out / p).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert "synthetic-learner-001" in (out / "learner_scores.csv").read_text(encoding="utf-8")


def test_cli_pseudonyms_hide_names(demo, tmp_path, capsys):
    from medialit.cli import main

    out = tmp_path / "report"
    assert main(["class", str(demo), "--out", str(out), "--pseudonyms"]) == 0
    printed = capsys.readouterr().out
    scores = (out / "learner_scores.csv").read_text(encoding="utf-8")
    assert "synthetic-learner" not in scores and "synthetic-learner" not in printed
    assert "Learner 01" in scores and "Learner 12" in scores
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
    assert [t["data"]["article_id"] for t in tasks] == [A0, A3]
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

    fake = types.ModuleType("medialit.detect")

    class SA:
        def __init__(self, sentence, labels):
            self.sentence, self.labels = sentence, labels

    def analyze(article, lexicons=None):
        return types.SimpleNamespace(sentences=[SA(s, {"hedge"} if "Perhaps" in s.text else set())
                                                for s in article.sentences])

    fake.analyze = analyze
    monkeypatch.setitem(sys.modules, "medialit.detect", fake)
    data = C.load_class(small)
    labels, why = C.detector_labels(data.articles[A0].article)
    assert why == "" and labels[:, SENTENCE_LABELS.index("hedge")].nonzero()[0].tolist() == [5, 10, 13]
    report = C.class_statistics(data)
    paths, notes = plots.save_all(report, tmp_path, parallel=False)
    assert (tmp_path / f"detector-{A0}.png").is_file() and not any("detector" in n for n in notes)


def test_without_a_detector_the_plot_is_left_out_with_a_note(small, tmp_path, monkeypatch):
    from medialit import plots

    monkeypatch.setitem(sys.modules, "medialit.detect", None)       # import fails
    report = C.class_statistics(C.load_class(small))
    paths, notes = plots.save_all(report, tmp_path, parallel=False)
    assert not list(tmp_path.glob("detector-*.png"))
    assert any("detector was not drawn" in n for n in notes)


def test_importing_the_class_view_stays_light():
    code = ("import sys, medialit, medialit.classroom, medialit.cli; "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


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
