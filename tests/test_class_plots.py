"""The class-view plots: saved in worker processes or not, with the detector's labels given to them."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from medialit import classroom as C
from medialit import plots
from medialit.annotate.model import AnnotationRecord
from medialit.plots import classview
from medialit.vocabulary import AGREEMENT_BANDS, SENTENCE_LABELS

from conftest import SEED_IDS

A0, A3 = SEED_IDS


@pytest.fixture(scope="module")
def report(a000, a003, tmp_path_factory):
    """Two learners on both articles (the key exists for both): small, quick to draw."""
    folder = tmp_path_factory.mktemp("class")
    for art in (a000, a003):
        for who, marks in (("Ada", [(5, "hedge"), (10, "hedge"), (0, "attribution")]),
                           ("Bo", [(5, "hedge"), (6, "opinion"), (0, "attribution")])):
            rec = AnnotationRecord.new(art.id, art.text, who)
            for i, lab in marks:
                s = art.sentences[i]
                rec.add_span(s.start, s.end, lab, scope="sentence")
            (folder / f"{who}__{art.id}.json").write_text(json.dumps(rec.to_dict()), encoding="utf-8")
    return C.class_statistics(C.load_class(folder))


@pytest.fixture
def tiny(monkeypatch):
    """The class-view plots replaced by 1-inch figures that say what was asked: quick to save."""
    from medialit.plots.style import described, figure

    def stand_in(name):
        def plot(report, *args):
            shown = [str(a) if isinstance(a, (str, bool)) else f"{int(np.sum(a))} labels" for a in args]
            return described(figure(1, 1, left=0.1, right=0.1, top=0.1, bottom=0.1), " ".join([name, *shown]))
        return plot

    for name in ("disagreement_map", "agreement_bars", "f1_distribution", "learner_grid", "class_vs_detector"):
        monkeypatch.setattr(classview, name, stand_in(name))


def hedges_on(article, sentences) -> np.ndarray:
    labels = np.zeros((len(article.sentences), len(SENTENCE_LABELS)), dtype=bool)
    labels[sentences, SENTENCE_LABELS.index("hedge")] = True
    return labels


def described(paths) -> dict[str, str]:
    out = {}
    for path in paths:
        with Image.open(path) as im:
            out[Path(path).name] = im.info["Description"]
    return out


def test_detector_plots_from_a_dict_and_a_note_for_an_article_without(report, a000, tiny, tmp_path):
    paths, notes = plots.save_all(report, tmp_path, detectors={A0: hedges_on(a000, [5, 7]), A3: None},
                                  parallel=False)
    assert described(paths) == {f"detector-{A0}.png": f"class_vs_detector {A0} 2 labels",
                                f"disagreement-{A0}.png": f"disagreement_map {A0}",
                                f"disagreement-{A3}.png": f"disagreement_map {A3}",
                                "agreement.png": "agreement_bars", "f1.png": "f1_distribution",
                                "learners.png": "learner_grid False"}
    assert paths[0].name == f"detector-{A0}.png"                          # the slowest job first
    assert notes == [f"the class next to the detector was not drawn for {A3}: the detector is not available"]


def test_no_detectors_no_detector_plots_and_no_note(report, tiny, tmp_path):
    paths, notes = plots.save_all(report, tmp_path, pseudonyms=True, parallel=False)
    assert [p.name for p in paths] == [f"disagreement-{A0}.png", f"disagreement-{A3}.png", "agreement.png",
                                       "f1.png", "learners.png"]
    assert described(paths)["learners.png"] == "learner_grid True" and notes == []


def test_forked_workers_write_the_same_plots_in_the_same_order(report, tiny, tmp_path):
    def detectors(article):          # a function runs in the worker; it reaches it by fork, unpickled
        return (hedges_on(article, [5]), "") if article.id == A0 else (None, "no word lists here")

    serial, serial_notes = plots.save_all(report, tmp_path / "serial", detectors=detectors, parallel=False)
    forked, forked_notes = plots.save_all(report, tmp_path / "forked", detectors=detectors, parallel=True)
    assert [p.name for p in forked] == [p.name for p in serial] and all(p.parent.name == "forked" for p in forked)
    assert forked_notes == serial_notes == [
        f"the class next to the detector was not drawn for {A3}: no word lists here"]
    assert described(forked) == described(serial)


def test_an_error_in_a_worker_is_raised_in_the_caller(report, tiny, tmp_path):
    def broken(article):
        raise ValueError(f"no detector for {article.id}")

    with pytest.raises(ValueError, match="no detector for"):
        plots.save_all(report, tmp_path, detectors=broken, parallel=True)


def test_class_vs_detector_counts_the_detectors_labels(report, a000):
    det = hedges_on(a000, [5, 7])
    majority = (report.data.articles[A0].counts > 1)                      # both learners (of 2) marked it
    assert (f"The detector found 2 sentence labels and the class majority marked {int(majority.sum())}; "
            f"they agree on {int((det & majority).sum())}.") in plots.class_vs_detector(report, A0, det).alt


def test_class_vs_detector_wants_one_row_per_sentence_and_one_column_per_label(report, a000):
    with pytest.raises(ValueError, match=r"shape \(\d+, 5\), not \(3, 5\)"):
        plots.class_vs_detector(report, A0, np.zeros((3, len(SENTENCE_LABELS)), dtype=bool))


def test_agreement_bars_name_the_vocabularys_bands(report):
    fig = plots.agreement_bars(report)
    words = {t.get_text() for t in fig.axes[-1].texts}
    assert {name for _, _, name in AGREEMENT_BANDS} <= words


def test_the_plots_never_import_the_classroom():
    """Layer order: the classroom draws plots, so the plots package must not import it."""
    for path in Path(classview.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module] + \
                   [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if m.startswith("medialit.classroom")], path.name
