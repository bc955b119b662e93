"""The detector's grammar words are data: ``medialit/data/grammar/*.csv``.

Each table is one word set a rule uses (name joiners, pronouns, sentence openers...).
These tests check, for each table, that a word on
it really decides something: an invented sentence is analysed with the table as it is
and again with one word taken out, and the detector's decision changes.
"""


import pytest

from medialit.articles import parse_article
from medialit.datafiles import read_table
from medialit.detect import analyze
from medialit.detect import text as grammar
from word_sets import decisions
from word_sets import without as take_out

TABLES = sorted(grammar.GRAMMAR.glob("*.csv"))


def test_there_are_tables():
    assert len(TABLES) >= 15


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_every_table_is_read_by_the_detector(path):
    import pathlib
    code = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path(grammar.__file__).parent.glob("*.py"))
    assert f'"{path.stem}"' in code, f"no module reads {path.name}"


def test_abbreviations_are_written_with_their_full_stop():
    for r in read_table(grammar.GRAMMAR / "name_abbreviations.csv", ("word", "explanation")):
        assert r["word"].endswith("."), f"name_abbreviations.csv:{r['line']}: write the full stop ('u.s.')"


def test_a_table_row_without_explanation_is_an_error(tmp_path):
    from medialit.datafiles import DataFileError, words
    p = tmp_path / "t.csv"
    p.write_text("# test\nword,explanation\nof,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"t.csv:3: empty explanation"):
        words(p)


# -- behaviour: one word per table decides ---------------------------------------------

def without(monkeypatch, name: str, word: str) -> None:
    """Take ``word`` out of the grammar set ``name`` (see word_sets.without)."""
    take_out(monkeypatch, grammar, name, word)


def test_name_joiners_keep_small_words_inside_a_name(monkeypatch):
    assert decisions("Dr. Ann Roe of the Bank of Wexland said rates may rise.")["sources"] == [
        "Dr. Ann Roe of the Bank of Wexland"]
    s = "Ahmed bin Salem said the ferry was late."
    assert decisions(s)["sources"] == ["Ahmed bin Salem"]
    without(monkeypatch, "CONNECT", "bin")
    assert decisions(s)["sources"] == ["Salem"]


def test_articles_start_a_common_noun_speaker(monkeypatch):
    s = "The council said the bridge may close."
    assert decisions(s)["sources"] == ["The council"]
    without(monkeypatch, "DET_END", "the")
    without(monkeypatch, "SUBJECT_DETS", "the")
    assert decisions(s)["sources"] != ["The council"]


def test_said_tail_starts_put_the_claim_in_the_speakers_voice(monkeypatch):
    s = "Fares may rise, the harbour master said on Tuesday."
    assert ("may", "source") in decisions(s)["voice"]
    without(monkeypatch, "TAIL_STARTS", "on")
    assert ("may", "author") in decisions(s)["voice"]


def test_subject_determiners_start_a_speaker(monkeypatch):
    s = "Their landlord said the ferry was late."
    assert decisions(s)["sources"] == ["Their landlord"]
    without(monkeypatch, "SUBJECT_DETS", "their")
    assert "Their landlord" not in decisions(s)["sources"]


def test_subject_pronouns_do_the_saying(monkeypatch):
    s = "She warned the ferry may be late."   # not "said": a finite "said" reports even with no speaker read
    assert ("reporting_verb", "warned") in decisions(s)["evidence"]
    without(monkeypatch, "PRONOUN_SUBJ", "she")
    got = decisions(s)
    assert ("reporting_verb", "warned") not in got["evidence"] and ("no_subject", "warned") in got["suppressed"]


def test_object_pronouns_after_according_to(monkeypatch):
    s = "The ferry will be late, according to her."
    assert ("according_to", "according to") in decisions(s)["evidence"]
    without(monkeypatch, "PRONOUN_OBJ", "her")
    assert ("according_to", "according to") not in decisions(s)["evidence"]


def test_skipped_words_between_speaker_and_verb(monkeypatch):
    s = "The harbour master also warned fares may rise."
    assert decisions(s)["sources"] == ["The harbour master"]
    without(monkeypatch, "SKIP", "also")
    assert ("no_subject", "warned") in decisions(s)["suppressed"]


def test_noun_signals_make_reports_a_noun(monkeypatch):
    s = "The reports angered the ferry crews."
    assert ("noun_not_verb", "reports") in decisions(s)["suppressed"]
    without(monkeypatch, "NOUN_LEFT", "the")
    assert ("noun_not_verb", "reports") not in decisions(s)["suppressed"]


def test_function_words_do_not_describe_a_source(monkeypatch):
    s = "Fares will rise, more officials said."
    assert "officials" in decisions(s)["sources"]
    without(monkeypatch, "STOP_LOWER", "more")
    assert "more officials" in decisions(s)["sources"]


def test_capitalised_non_names_are_not_part_of_a_name(monkeypatch):
    s = "Moreover Ann Roe said the ferry may be late."
    assert decisions(s)["sources"] == ["Ann Roe"]
    without(monkeypatch, "CAP_STOP", "moreover")
    assert decisions(s)["sources"] == ["Moreover Ann Roe"]


def test_time_words_are_cut_from_a_name(monkeypatch):
    s = "On Friday Ann Roe said the ferry may be late."
    assert decisions(s)["sources"] == ["Ann Roe"]
    without(monkeypatch, "TIME_WORDS", "friday")
    assert decisions(s)["sources"] == ["Friday Ann Roe"]


def test_nationalities_make_reports_a_noun(monkeypatch):
    s = "Greek reports angered the ferry crews."
    assert ("noun_not_verb", "reports") in decisions(s)["suppressed"]
    without(monkeypatch, "NATIONALITY", "greek")
    assert ("noun_not_verb", "reports") not in decisions(s)["suppressed"]


def test_nationality_endings(monkeypatch):
    s = "Norwegian reports angered the ferry crews."
    assert ("noun_not_verb", "reports") in decisions(s)["suppressed"]
    without(monkeypatch, "NAT_SUFFIX", "ian")
    assert ("noun_not_verb", "reports") not in decisions(s)["suppressed"]


def test_sentence_openers(monkeypatch):
    s = "But perhaps the harbour master knew all along."
    assert ("speculation_guess", "perhaps") in decisions(s)["evidence"]
    without(monkeypatch, "SENT_OPENERS", "but")
    assert ("speculation_guess", "perhaps") not in decisions(s)["evidence"]


def test_name_abbreviations_keep_the_full_stop_inside_a_name(monkeypatch):
    s = "Ann Roe Jr. said the ferry may be late."
    assert decisions(s)["sources"] == ["Ann Roe Jr."]
    without(monkeypatch, "ABBREVIATIONS", "jr")
    assert decisions(s)["sources"] != ["Ann Roe Jr."]


# -- why() and why_not() cite the rows that decided ---------------------------------------

STORY = ("Ferry fares\n\nDr. Ann Roe of the Bank of Wexland said fares may rise. She also said the reports "
         "were wrong. Obviously, critics said so. The ferry will be late, according to him.\n")


def _row_at(where: str) -> str:
    """The line of the data file that ``where`` names: ``folder/file.csv:12`` in
    ``medialit/data``, or ``file.csv:12`` for a cue list (as cues show it everywhere)."""
    from medialit.datafiles import DATA
    name, line = where.rsplit(":", 1)
    path = DATA / name if "/" in name else DATA / "cues" / name
    assert path.exists(), f"{where}: no such data file"
    return path.read_text(encoding="utf-8").splitlines()[int(line) - 1]


def test_every_cited_row_is_a_real_row():
    import re
    an = analyze(parse_article(STORY))
    text = "\n".join(an.why(sa.sentence.index) for sa in an.sentences)
    cited = set(re.findall(r"[\w/]+\.csv:\d+", text))
    assert {"grammar/name_joiners.csv", "grammar/subject_pronouns.csv", "grammar/skip_before_verb.csv",
            "grammar/object_pronouns.csv", "grammar/noun_signals.csv"} <= {c.split(":")[0] for c in cited}
    for where in cited:
        row = _row_at(where)
        assert row.strip() and not row.startswith("#"), f"{where} is not a data row: {row!r}"
        if where.startswith("rules/"):
            assert row.split(",")[0] in text
    # the grammar rows cited are the words that decided
    assert _row_at(next(c for c in cited if "name_joiners" in c)).startswith("of,")
    assert _row_at(next(c for c in cited if "subject_pronouns" in c)).startswith("she,")
    assert _row_at(next(c for c in cited if "skip_before_verb" in c)).startswith("also,")
    assert _row_at(next(c for c in cited if "object_pronouns" in c)).startswith("him,")


def test_a_switched_off_match_cites_its_rule_and_the_list_row():
    an = analyze(parse_article(STORY))
    sup = next(s for s in an.suppressed if s.text == "reports")
    got = an.why(sup)
    assert got.startswith("not counted 'reports' [noun_not_verb]")
    assert "rules/attribution.csv:" in got and "switched off: reporting_verbs.csv:" in got
    assert "grammar/noun_signals.csv:" in got


def test_a_rule_deciding_on_the_matched_word_or_its_subject_cites_the_grammar_row():
    an = analyze("Head\n\nThe council looked at two possible sites. She could get through a clinic in a morning.\n")
    assert "grammar/candidate_adjectives.csv:" in an.why_not("possible")  # rule candidate_set
    assert "grammar/personal_could.csv:" in an.why_not("could")  # rule personal_ability: "she" before it


def test_why_not_a_grammar_word_names_its_tables():
    an = analyze(parse_article(STORY))
    got = an.why_not("of")
    assert "not on any cue list" in got and "grammar/name_joiners.csv:" in got
    assert "joins the parts of a name" in got
    assert "grammar/nationality_endings.csv" not in an.why_not("can")  # an ending, not a word
    assert "grammar/nationality_endings.csv" in an.why_not("Norwegian")
    assert "not on any cue list or word table" in an.why_not("banana")


def test_no_subject_cites_the_capitalised_word_that_is_not_a_name():
    an = analyze(parse_article("Ferries\n\nAs said before, the pier is old. Fares, as said before, rose.\n"))
    first, second = [s for s in an.suppressed if s.rule == "no_subject"]
    where = next(w for w in an.decided_by(first) if "capitalised_non_names" in w)
    assert _row_at(where).startswith("as,")
    # a lower-case 'as' is not a capital that could start a name: that table did not decide
    assert not any("capitalised_non_names" in w for w in an.decided_by(second))


def test_agency_tag_words_allow_a_lower_case_word_in_brackets(monkeypatch):
    s = "The pier reopened on Monday. (Harbour news)"
    assert ("agency_tag", "(Harbour news)") in decisions(s)["evidence"]
    without(monkeypatch, "TAG_WORDS", "news")
    assert ("agency_tag", "(Harbour news)") not in decisions(s)["evidence"]


def test_not_agency_tags_in_brackets(monkeypatch):
    s = "The pier reopened on Monday. (Photo)"
    assert decisions(s)["evidence"] == []
    without(monkeypatch, "TAG_EXCLUDE", "photo")
    assert ("agency_tag", "(Photo)") in decisions(s)["evidence"]


def test_a_past_time_anchor_with_an_unknown_kind_is_an_error(tmp_path, monkeypatch):
    from medialit.datafiles import DataFileError
    from medialit.detect import cues
    (tmp_path / "grammar").mkdir()
    (tmp_path / "grammar" / "past_time_anchors.csv").write_text(
        "# test\nword,kind,explanation\nuntil,before_yaer,a typo\n", encoding="utf-8")
    monkeypatch.setattr(cues, "DATA", tmp_path)
    with pytest.raises(DataFileError, match=r"past_time_anchors.csv:3: kind must be before_year or phrase"):
        cues._past_time_table()


def test_personal_could_is_past_ability_but_not_before_an_outcome(monkeypatch):
    from medialit.detect import cues
    s = "She could get through a clinic without running late."
    assert ("personal_ability", "could") in decisions(s)["suppressed"]
    take_out(monkeypatch, cues, "COULD_SUBJECTS", "she")
    assert ("personal_ability", "could") not in decisions(s)["suppressed"]


def test_an_outcome_verb_or_a_condition_keeps_the_guess(monkeypatch):
    from medialit.detect import cues
    for s in ("He could face prison.", "If he does not pay, he could lose the house."):
        assert ("personal_ability", "could") not in decisions(s)["suppressed"], s
    take_out(monkeypatch, cues, "COULD_OUTCOMES", "face")
    assert ("personal_ability", "could") in decisions("He could face prison.")["suppressed"]


def test_could_have_is_left_to_other_rows(monkeypatch):
    from medialit.detect import cues
    s = "She could have left earlier."
    assert ("personal_ability", "could") not in decisions(s)["suppressed"]
    assert "hedge" in decisions(s)["labels"]
    take_out(monkeypatch, cues, "COULD_ELSEWHERE", "have")
    assert ("personal_ability", "could") in decisions(s)["suppressed"]
