"""Lexicon files: format checks, pattern syntax, teacher folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.cues import (KINDS, LABELS, LexiconError, PatternError, compile_alternative,
                           copy_default_lexicons, default_folder, load_lexicons)
from medialit.detect import analyze
from medialit.vocabulary import CUE_LABELS, LABEL_MEANINGS

HEADER = "pattern,label,kind,explanation\n"


def write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(body, encoding="utf-8")
    return p


def texts(lex, text, label=None):
    return [m.text for m in lex.find(text, label=label)]


# -- the kit's own lists ------------------------------------------------------------

def test_default_lists_load_and_are_cached():
    lex = load_lexicons()
    assert lex is load_lexicons()
    assert len(lex.entries) > 100
    assert {e.label for e in lex.entries} == set(LABELS)


def test_every_default_entry_has_a_plain_explanation_and_valid_kind():
    for e in load_lexicons().entries:
        assert e.explanation.strip(), e.where
        assert e.explanation.rstrip().endswith((".", "!", "?", ")")), e.where
        assert len(e.explanation) < 200, e.where
        if e.label in KINDS:
            assert e.kind in KINDS[e.label], e.where


def test_default_folder_has_readme_and_one_file_per_list():
    names = {p.name for p in default_folder().iterdir()}
    assert "README.md" in names
    for f in ("hedges.csv", "boosters.csv", "reporting_verbs.csv", "attribution_phrases.csv",
              "vague_sources.csv", "anonymous_sources.csv", "speculation.csv", "opinion_markers.csv",
              "loaded_words.csv", "outlets.csv", "institutions.csv", "person_titles.csv", "false_friends.csv"):
        assert f in names


def test_entry_where_points_at_file_and_line():
    lex = load_lexicons()
    e = next(m.entry for m in lex.find("perhaps") if m.entry.label == "hedge")
    path = default_folder() / e.file
    line = path.read_text(encoding="utf-8").splitlines()[e.line - 1]
    assert line.startswith("perhaps")
    assert e.where == f"{e.file}:{e.line}"


# -- pattern syntax -------------------------------------------------------------------

def test_whole_words_only_and_case_insensitive():
    lex = load_lexicons()
    assert texts(lex, "The mayor MAY resign.", "hedge") == ["MAY"]


def test_space_matches_nbsp_and_line_break_and_apostrophe_matches_curly():
    lex = load_lexicons()
    assert texts(lex, "according\u00a0to them", "attribution") == ["according\u00a0to"]
    assert "some\nkind of" in texts(lex, "some\nkind of deal", "hedge")
    assert texts(lex, "They won’t come.", "speculation") == ["won’t"]


def test_star_number_word_gap_and_anchor(tmp_path):
    folder = write(tmp_path / "cues", "x.csv", HEADER +
                   "slam*,loaded,,It is a test.\n"
                   "some <number>,not_a_cue,hedge,It is a test.\n"
                   "any <word> observer,booster,,It is a test.\n"
                   "if ... would,speculation,counterfactual,It is a test.\n"
                   "^maybe,speculation,guess,It is a test.\n").parent
    lex = load_lexicons(folder)
    assert texts(lex, "They slammed and slams, not slam-dunk.") == ["slammed", "slams", "slam"]
    assert texts(lex, "some 1,200 and some twenty and some people") == ["some 1,200", "some twenty"]
    assert texts(lex, "any long-time observer") == ["any long-time observer"]
    assert texts(lex, "if they came, it would be fine") == ["if they came, it would"]
    assert texts(lex, "Maybe. Not maybe.") == ["Maybe"]


def test_match_case_column(tmp_path):
    folder = write(tmp_path / "cues", "x.csv", "pattern,label,match_case,explanation\n"
                   "RT,outlet,yes,It is a test.\nrt,outlet,no,It is a test.\n").parent
    lex = load_lexicons(folder)
    got = [(m.text, m.entry.line) for m in lex.find("RT and rt")]
    assert got == [("RT", 2), ("RT", 3), ("rt", 3)]


def test_compile_alternative_rejects_bad_syntax():
    for bad in ("<nmber> people", "...", "a ... ... b", "<word>", "*", "sl*am", "^", "a ^b"):
        with pytest.raises(PatternError):
            compile_alternative(bad)


def test_entries_matching():
    lex = load_lexicons()
    assert [e.label for e in lex.entries_matching("rather than")] == ["not_a_cue"]
    assert lex.entries_matching("banana") == []


# -- malformed files -------------------------------------------------------------------

@pytest.mark.parametrize("body, line, words", [
    ("pattern,label\nmay,hedge\n", 1, "missing column 'explanation'"),
    (HEADER + "may,hedge,,It is a test.\n,hedge,,No pattern here.\n", 3, "empty pattern"),
    (HEADER + "may,hedges,,It is a test.\n", 2, "unknown label 'hedges'"),
    (HEADER + "may,hedge,,\n", 2, "missing explanation"),
    (HEADER + "may,attribution,nonsense,It is a test.\n", 2, "unknown kind 'nonsense'"),
    (HEADER + "may,not_a_cue,,It is a test.\n", 2, "needs a kind"),
    (HEADER + "<nmber> people,hedge,,It is a test.\n", 2, "unknown placeholder"),
    (HEADER + "may | ,hedge,,It is a test.\n", 2, "empty alternative"),
    (HEADER + "may,hedge,,It is, a test.,extra\n", 2, "values but the header has"),
    (HEADER + 'may,hedge,,"It is a test.\n', 2, "bad CSV"),
    ("# a comment\n\n# another\n" + HEADER + "# note\nmay,hedge,,ok.\nmight,hdge,,ok.\n", 7, "unknown label"),
    ("", 1, "empty"),
])
def test_malformed_file_names_file_and_line(tmp_path, body, line, words):
    p = write(tmp_path / "cues", "bad.csv", body)
    with pytest.raises(LexiconError) as err:
        load_lexicons(p.parent)
    msg = str(err.value)
    assert msg.startswith(f"{p}:{line}:"), msg
    assert words in msg
    assert isinstance(err.value, ValueError)


def test_non_utf8_file(tmp_path):
    folder = tmp_path / "cues"
    folder.mkdir()
    (folder / "bad.csv").write_bytes(HEADER.encode() + b"caf\xe9,hedge,,It is a test.\n")
    with pytest.raises(LexiconError, match=r"bad\.csv:2: is not UTF-8"):
        load_lexicons(folder)


def test_bad_match_case_value_and_rule_name(tmp_path):
    p = write(tmp_path / "a", "x.csv", "pattern,label,match_case,explanation\nRT,outlet,maybe,It is a test.\n")
    with pytest.raises(LexiconError, match=r"x\.csv:2: match_case"):
        load_lexicons(p.parent)
    p = write(tmp_path / "b", "x.csv", "pattern,label,kind,rule,explanation\nx y,not_a_cue,hedge,two words,Test.\n")
    with pytest.raises(LexiconError, match=r"x\.csv:2: rule name"):
        load_lexicons(p.parent)


def test_empty_or_missing_folder(tmp_path):
    with pytest.raises(LexiconError, match="no lexicon files"):
        load_lexicons(tmp_path)
    with pytest.raises(LexiconError, match="no such folder"):
        load_lexicons(tmp_path / "nope")


# -- teacher folders ----------------------------------------------------------------------

def test_teacher_file_added_to_defaults_is_used(tmp_path):
    folder = write(tmp_path / "mine", "my_words.csv", HEADER +
                   "# words my class found\nkerfuffle,loaded,noun,It makes a dispute sound silly.\n").parent
    lex = load_lexicons(folder, with_defaults=True)
    an = analyze("Headline here\n\nThe kerfuffle may continue.\n", lex)
    cue = {c.text: c for c in an.cues}
    assert cue["kerfuffle"].label == "loaded"
    assert cue["kerfuffle"].entry == "my_words.csv:3"
    assert cue["kerfuffle"].explanation == "It makes a dispute sound silly."
    assert an.sentences[1].labels == ("hedge", "speculation", "opinion")   # "may continue": a guess


def test_custom_folder_alone_replaces_defaults(tmp_path):
    folder = write(tmp_path / "mine", "only.csv", HEADER + "kerfuffle,loaded,,It is loaded.\n").parent
    lex = load_lexicons(folder)
    an = analyze("Headline here\n\nThe kerfuffle may continue.\n", lex)
    assert [c.text for c in an.cues] == ["kerfuffle"]


def test_same_named_file_replaces_default_file(tmp_path):
    folder = write(tmp_path / "mine", "hedges.csv", HEADER + "kinda,hedge,,It softens the claim.\n").parent
    lex = load_lexicons(folder, with_defaults=True)
    assert texts(lex, "It may be kinda late.", "hedge") == ["kinda"]


def test_copy_default_lexicons_round_trip(tmp_path):
    dest = copy_default_lexicons(tmp_path / "copy")
    assert (dest / "README.md").exists()
    lex = load_lexicons(dest)
    assert len(lex.entries) == len(load_lexicons().entries)


def test_the_cue_labels_mean_what_the_vocabulary_says():
    """One wording per label: the lists' labels that the learner also sees are the vocabulary's."""
    shared = [lab for lab in LABELS if lab in LABEL_MEANINGS]
    assert shared == list(CUE_LABELS) + ["speculation"]
    assert all(LABELS[lab] == LABEL_MEANINGS[lab] for lab in shared)
    assert set(LABELS) - set(shared) == {"outlet", "institution", "vague", "anonymous", "title", "not_a_cue"}
    assert all(LABELS.values())



def test_every_default_pattern_opens_with_a_word():
    """A pattern that opens with a placeholder or a dash has no first word to index it by: it is
    tried at every word of every article and switches off the next-word index (slower matching)."""
    from medialit.cues import load_lexicons
    lex = load_lexicons()
    assert lex._generic == (), [c.entry.where for c in lex._generic][:5]
