"""`medialit evaluate --set dev`: the detector and two baselines on the development set, per part.

The figures themselves are not asserted (they change as the rules do); what is asserted is
what the numbers mean: the baselines read what their data files say, counts add up over
parts, held-out disagreements stay hidden unless asked for, and bad sets fail in one line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from medialit.articles import parse_article
from medialit.baselines import BASELINES, ReportingVerbs, WordList
from medialit.cli import main
from medialit.datafiles import DataFileError, read_table
from medialit.answer_key import load_answer_key
from medialit.development_set import (SECOND_READ, SECOND_READER, UNREAD, UNREAD_CLEAR, UNREAD_DEBATABLE,
                                      debatable_and_clear, dev_articles, evaluate_set, key_reading, second_reading)
from medialit.evaluate import Evaluation, Score, score_against_key
from medialit.vocabulary import SENTENCE_LABELS

DEVSET = Path(__file__).resolve().parent.parent / "devset"


def test_the_word_list_has_53_entries_each_with_a_sentence_label():
    rows = read_table(WordList().__init__.__defaults__[0], ("word", "label", "explanation"))
    assert len(rows) == 53 == BASELINES["word_list"].size
    assert {r["label"] for r in rows} <= set(SENTENCE_LABELS)


def test_word_list_labels_every_sentence_that_holds_a_listed_word_and_no_other():
    art = parse_article("Head\n\nOf course the plan could fail. The board met on Monday. "
                        "In my view it should wait.\n")
    got = [sa.labels for sa in WordList().read(art).sentences]
    assert got == [(), ("hedge", "booster"), (), ("opinion",)]
    for sa in WordList().read(art).sentences:
        for m in sa.evidence:   # offsets are the spine
            assert art.text[m.start:m.end].lower() in {"of course", "could", "my", "should"}


def test_reporting_verb_regex_finds_the_source_before_the_verb_or_after_according_to():
    art = parse_article("Head\n\nThe plan will fail, Jane Roe said. According to the council report, "
                        "it rained. Nobody spoke.\n")
    r = ReportingVerbs().read(art)
    assert [sa.labels for sa in r.sentences] == [(), ("attribution",), ("attribution",), ()]
    assert [s.text for s in r.sources] == ["Jane Roe", "the council report"]
    assert all(art.text[s.start:s.end] == s.text for s in r.sources)


def test_macro_f1_is_the_mean_over_labels_and_sources():
    scores = {lab: Score(lab, tp=1) for lab in SENTENCE_LABELS}
    scores["opinion"] = Score("opinion", fn=1)          # F1 0
    ev = Evaluation(["x"], scores, Score("sources", tp=1, fp=1, fn=1))   # F1 0.5
    assert ev.macro_f1 == pytest.approx((4 * 1.0 + 0.0 + 0.5) / 6)


def test_parts_add_up_to_all_for_every_reader():
    ev = evaluate_set(DEVSET)
    for reader in ev.readers():
        for lab in SENTENCE_LABELS:
            a = ev.results["all"][reader].scores[lab]
            t = ev.results["tuned"][reader].scores[lab]
            h = ev.results["held_out"][reader].scores[lab]
            assert (a.tp, a.fp, a.fn) == (t.tp + h.tp, t.fp + h.fp, t.fn + h.fn)
    # a baseline with no sources finds none; the word list gives no source at all
    assert ev.results["all"]["word_list"].sources.tp == 0


def _tiny_set(tmp_path, part="held_out", rows=None):
    for sub in ("articles", "keys"):
        (tmp_path / sub).mkdir(parents=True)
    ids = ("dev01_dateline_news", "dev03_oped")
    for aid in ids:
        shutil.copy(DEVSET / "articles" / f"{aid}.txt", tmp_path / "articles")
        shutil.copy(DEVSET / "keys" / f"{aid}.json", tmp_path / "keys")
    table = rows or f"id,genre,part\n{ids[0]},news,{part}\n"
    (tmp_path / "devset.csv").write_text(table, encoding="utf-8")
    return tmp_path


def test_held_out_articles_never_read_are_also_scored_on_their_own(tmp_path, capsys):
    folder = _tiny_set(tmp_path, rows="id,genre,part,read_on\ndev01_dateline_news,news,held_out,2026-12-01\n"
                                      "dev03_oped,op-ed,held_out,\n")
    ev = evaluate_set(folder)
    unread = ev.results[UNREAD]["detector"].scores["attribution"]
    alone = evaluate_set(_tiny_set(tmp_path / "b", rows="id,genre,part\ndev03_oped,op-ed,held_out\n"))
    assert unread == alone.results["held_out"]["detector"].scores["attribution"]
    assert ev.results["held_out"]["detector"].scores["attribution"].tp > unread.tp
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Held out and never read" in out and "1 article (dev03_oped)" in out
    # when no held-out article has been read, the never-read part is the held-out part: shown once
    assert main(["evaluate", "--set", "dev", "--devset", str(tmp_path / "b")]) == 0
    assert "never read" not in capsys.readouterr().out
    bad = _tiny_set(tmp_path / "c", rows="id,genre,part,read_on\ndev01_dateline_news,news,tuned,2026-12-01\n")
    with pytest.raises(DataFileError, match=r"devset.csv:2: read_on is for held-out articles only"):
        dev_articles(bad)


def test_held_out_disagreements_are_listed_only_when_asked(tmp_path, capsys):
    folder = _tiny_set(tmp_path)
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Held out" in out and "word list F1" in out and "verb regex F1" in out
    assert "- dev01" not in out
    assert main(["evaluate", "--set", "dev", "--devset", str(folder), "--show-held-out"]) == 0
    assert "- dev01" in capsys.readouterr().out


def test_articles_scores_one_batch_on_its_own(tmp_path, capsys):
    rows = "id,genre,part\ndev01_dateline_news,news,held_out\ndev03_oped,op-ed,held_out\n"
    folder = _tiny_set(tmp_path, rows=rows)
    alone = evaluate_set(_tiny_set(tmp_path / "b", rows="id,genre,part\ndev03_oped,op-ed,held_out\n"))
    for spec in ("dev03", "dev03_oped", "dev02-dev03", "dev02–3"):
        picked = evaluate_set(folder, articles=spec)
        assert [a.id for a in picked.articles] == ["dev03_oped"]
        for reader in picked.readers():
            assert picked.results["all"][reader].scores == alone.results["all"][reader].scores
    assert [a.id for a in evaluate_set(folder, articles="dev01, dev03").articles] == ["dev01_dateline_news",
                                                                                      "dev03_oped"]
    assert main(["evaluate", "--set", "dev", "--devset", str(folder), "--articles", "dev03"]) == 0
    out = capsys.readouterr().out
    assert "Only the 1 article picked with --articles dev03." in out and "1 article (dev03_oped)" in out
    # a slip names no article: one line, not an empty table; --articles belongs to --set dev
    assert main(["evaluate", "--set", "dev", "--devset", str(folder), "--articles", "dev04-dev09"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["medialit: error: --articles: 'dev04-dev09' names no article of the set"]
    assert main(["evaluate", "--set", "dev", "--devset", str(folder), "--articles", "oped"]) == 2
    assert "is not an article id or a range" in capsys.readouterr().err
    assert main(["evaluate", "--articles", "dev03"]) == 2
    assert "use it with --set dev" in capsys.readouterr().err


def test_never_read_sentences_are_split_into_debatable_and_clear(tmp_path, capsys):
    rows = "id,genre,part,read_on\ndev01_dateline_news,news,held_out,2026-12-01\ndev03_oped,op-ed,held_out,\n"
    folder = _tiny_set(tmp_path, rows=rows)
    key = load_answer_key("dev03_oped", path=folder / "keys" / "dev03_oped.json",
                          article_path=folder / "articles" / "dev03_oped.txt")
    debatable, clear = debatable_and_clear(key)
    assert debatable.units and clear.units and len(debatable.units) + len(clear.units) == len(key.units)
    assert all("debatab" in u.note.lower() for u in debatable.units)
    assert not any("debatab" in u.note.lower() for u in clear.units)
    ev = evaluate_set(folder)
    for reader in ev.readers():   # the halves hold every never-read sentence once, and no sources
        whole, halves = ev.results[UNREAD][reader], [ev.results[p][reader] for p in (UNREAD_DEBATABLE, UNREAD_CLEAR)]
        for lab in SENTENCE_LABELS:
            a, b, c = whole.scores[lab], *(h.scores[lab] for h in halves)
            assert (a.tp, a.fp, a.fn) == (b.tp + c.tp, b.fp + c.fp, b.fn + c.fn)
        assert all((h.sources.tp, h.sources.fp, h.sources.fn) == (0, 0, 0) for h in halves)
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 0
    out = capsys.readouterr().out
    det = ev.results[UNREAD_DEBATABLE]["detector"].macro_f1, ev.results[UNREAD_CLEAR]["detector"].macro_f1
    assert "calls a decision debatable" in out and f"detector {det[0]:.2f} and {det[1]:.2f}" in out
    assert "second reader" not in out   # nobody read these twice
    # a second reader's key that drops one hedge: scored on the halves of the article it read only
    _second_reading(folder, "dev03_oped", _drop_first("hedge"))
    ev = evaluate_set(folder)
    second = [ev.results[p][SECOND_READER] for p in (UNREAD_DEBATABLE, UNREAD_CLEAR)]
    assert sum(h.scores["hedge"].fn for h in second) == 1 and all(h.scores["hedge"].fp == 0 for h in second)
    assert all((s.fp, s.fn) == (0, 0) for h in second for lab, s in h.scores.items() if lab != "hedge")
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 0
    out = capsys.readouterr().out
    fig = [h.macro_f1 for h in second]
    assert f"second reader {fig[0]:.2f} and {fig[1]:.2f} (read twice: 1 of 1 article)" in out


def test_bad_sets_fail_in_one_line(tmp_path, capsys):
    assert main(["evaluate", "--set", "dev", "--devset", str(tmp_path)]) == 2
    assert "no development set here" in capsys.readouterr().err
    folder = _tiny_set(tmp_path, part="maybe")
    with pytest.raises(DataFileError, match="part must be tuned or held_out"):
        dev_articles(folder)
    (folder / "keys" / "dev01_dateline_news.json").unlink()
    (folder / "devset.csv").write_text("id,genre,part\ndev01_dateline_news,news,tuned\n", encoding="utf-8")
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 2
    assert "dev01_dateline_news.json is missing" in capsys.readouterr().err


def _second_reading(folder, aid, change=None):
    """Write a second reader's key for ``aid``: the first key, changed by ``change(data)``."""
    data = json.loads((folder / "keys" / f"{aid}.json").read_text(encoding="utf-8"))
    if change:
        change(data)
    (folder / "second_readings").mkdir(exist_ok=True)
    (folder / "second_readings" / f"{aid}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def _drop_first(label):
    def change(data):
        for u in data["units"]:
            if any(lab["label"] == label for lab in u["labels"]):
                u["labels"] = [lab for lab in u["labels"] if lab["label"] != label]
                u["cues"] = [c for c in u["cues"] if c["label"] != label]
                return
    return change


def test_a_second_reading_is_scored_against_the_key_in_its_own_part(tmp_path, capsys):
    rows = "id,genre,part\ndev01_dateline_news,news,held_out\ndev03_oped,op-ed,held_out\n"
    folder = _tiny_set(tmp_path, rows=rows)
    data = _second_reading(folder, "dev03_oped", _drop_first("hedge"))
    ev = evaluate_set(folder)
    second = ev.results[SECOND_READ][SECOND_READER]
    # the second reader missed one hedge the key has, and agrees on everything else
    assert second.scores["hedge"].fn == 1 and second.scores["hedge"].fp == 0
    assert all((s.fp, s.fn) == (0, 0) for lab, s in second.scores.items() if lab != "hedge")
    assert second.sources.f1 == 1.0 and second.source_types_agree == len(data["sources"])
    assert 0.9 < second.macro_f1 < 1.0
    # the part holds only the article read twice, for every reader; of the other parts only the never-read
    # halves have the second reader (on the article it read), so every table has the same readers
    alone = evaluate_set(_tiny_set(tmp_path / "b", rows="id,genre,part\ndev03_oped,op-ed,held_out\n"))
    assert ev.results[SECOND_READ]["detector"] == alone.results["held_out"]["detector"]
    assert {part for part, res in ev.results.items() if SECOND_READER in res} == {
        SECOND_READ, UNREAD_DEBATABLE, UNREAD_CLEAR}
    assert ev.results[UNREAD_CLEAR][SECOND_READER].article_ids == ["dev03_oped"]
    assert SECOND_READ not in alone.results and [a.second_read for a in ev.articles] == [False, True]
    # swapping the keys swaps precision and recall and keeps F1
    key = load_answer_key("dev03_oped", path=folder / "keys" / "dev03_oped.json",
                          article_path=folder / "articles" / "dev03_oped.txt")
    other = second_reading(ev.articles[1], key)
    swapped = score_against_key(other, key_reading(key))
    assert swapped.scores["hedge"].fp == 1 and swapped.scores["hedge"].f1 == second.scores["hedge"].f1
    assert main(["evaluate", "--set", "dev", "--devset", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Read twice" in out and "1 article (dev03_oped)" in out and "second reader F1" in out
    headers = [line for line in out.splitlines() if line.startswith("label")]
    assert sum("second reader F1" in h for h in headers) == 1 and len(headers) == 3   # held out, read twice, all


def test_a_second_reading_must_have_the_keys_units_and_a_listed_article(tmp_path):
    folder = _tiny_set(tmp_path, rows="id,genre,part\ndev03_oped,op-ed,held_out\n")
    _second_reading(folder, "dev03_oped", lambda data: data["units"].pop())
    with pytest.raises(DataFileError, match="a second reading must have the key's units"):
        evaluate_set(folder)
    _second_reading(folder, "dev01_dateline_news")
    with pytest.raises(DataFileError, match="second reading of an article devset.csv does not list"):
        dev_articles(folder)
