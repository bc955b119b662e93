"""Sentence splitting on news English (issue 9): abbreviations, lists, references, ellipses, quotations.

Every sentence here is invented. Each error class has a case where the splitter must split
and a false friend where it must not; offsets are checked through ``text[start:end]``.
"""

from __future__ import annotations

import pytest

from medialit.articles import parse_article, split_sentences
from medialit.articles.wordsets import (
    AMBIGUOUS_ABBREVIATIONS,
    CLOCK_FOLLOWERS,
    MONTHS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_STARTERS,
    TITLE_ABBREVIATIONS,
    WEEKDAYS,
)
from medialit.datafiles import DATA, read_table


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and s < e
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text, expected", [
    # page references: a number follows
    ("The chart is on p. 31 of the audit. Nobody read it.", ["The chart is on p. 31 of the audit.", "Nobody read it."]),
    ("See pp. 8-9 for the survey. It is brief.", ["See pp. 8-9 for the survey.", "It is brief."]),
    ("The bus was the No. 12 to the docks. It was late.", ["The bus was the No. 12 to the docks.", "It was late."]),
    ("As Fig. 2 shows, sales fell. They recovered.", ["As Fig. 2 shows, sales fell.", "They recovered."]),
    ("The treaty's Art. 7 was cited. It was vague.", ["The treaty's Art. 7 was cited.", "It was vague."]),
    ("The hearing opened on Sept. 14 in Leeds. It was short.",
     ["The hearing opened on Sept. 14 in Leeds.", "It was short."]),
    # ... false friend: "no." as a word, followed by a new sentence
    ("The mayor said no. Then the vote was held.", ["The mayor said no.", "Then the vote was held."]),
    ("Asked again, she said no. Nobody argued.", ["Asked again, she said no.", "Nobody argued."]),
])
def test_number_abbreviations(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Climbers left Mt. Kenya at dawn. Two turned back.", ["Climbers left Mt. Kenya at dawn.", "Two turned back."]),
    ("Det. Insp. Hale led the search. It lasted a week.", ["Det. Insp. Hale led the search.", "It lasted a week."]),
    ("The case of Ruiz vs. Okafor ended. Both appealed.", ["The case of Ruiz vs. Okafor ended.", "Both appealed."]),
    ("Root crops, e.g. Turnips and beets, were scarce. Prices rose.",
     ["Root crops, e.g. Turnips and beets, were scarce.", "Prices rose."]),
])
def test_titles_never_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # company endings and addresses: a name word goes on, a typical sentence opener starts anew
    ("Orbital Inc. said margins fell. Analysts shrugged.", ["Orbital Inc. said margins fell.", "Analysts shrugged."]),
    ("Orders fell at Orbital Inc. The firm cut jobs.", ["Orders fell at Orbital Inc.", "The firm cut jobs."]),
    ("Shares in Hollin Co. Ltd. slid. Others held.", ["Shares in Hollin Co. Ltd. slid.", "Others held."]),
    ("He works for Hollin Corp. It makes pumps.", ["He works for Hollin Corp.", "It makes pumps."]),
    ("The bakery on Quay St. shut. A cafe opened.", ["The bakery on Quay St. shut.", "A cafe opened."]),
    ("Bells rang at St. Anne's Church. Crowds gathered.", ["Bells rang at St. Anne's Church.", "Crowds gathered."]),
    ("The flat was on Mill Rd. The rent was high.", ["The flat was on Mill Rd.", "The rent was high."]),
    ("Tools, nails etc. The shop sells them all.", ["Tools, nails etc.", "The shop sells them all."]),
    ("It holds approx. 90 litres. That is plenty.", ["It holds approx. 90 litres.", "That is plenty."]),
])
def test_abbreviations_that_can_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The strike began at 6 a.m. Minister Ruiz was asleep.", ["The strike began at 6 a.m.", "Minister Ruiz was asleep."]),
    ("The strike began at 6 a.m. The port closed.", ["The strike began at 6 a.m.", "The port closed."]),
    ("Polls close at 10 p.m. GMT on Thursday. Counting follows.",
     ["Polls close at 10 p.m. GMT on Thursday.", "Counting follows."]),
    ("The vote is at 9 a.m. Tuesday in the hall. All may attend.",
     ["The vote is at 9 a.m. Tuesday in the hall.", "All may attend."]),
    ("The ship docked at 4 p.m. and left again. Nobody knew why.",
     ["The ship docked at 4 p.m. and left again.", "Nobody knew why."]),
    # "U.S." / "U.K.": only a typical first word after them starts a new sentence
    ("Exports to the U.K. Then prices fell.", ["Exports to the U.K.", "Then prices fell."]),
    ("The U.K. Treasury objected. It was ignored.", ["The U.K. Treasury objected.", "It was ignored."]),
    # initials: a name goes on, a sentence opener after a lone capital starts anew
    ("Mary K. Osei chaired the panel. It met twice.", ["Mary K. Osei chaired the panel.", "It met twice."]),
    ("They chose Option B. The cost was lower.", ["They chose Option B.", "The cost was lower."]),
])
def test_clock_times_countries_and_initials(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The board set three aims:\n1. Cut waiting times.\n2. Hire nurses.\n3. Publish data.",
     ["The board set three aims:", "1. Cut waiting times.", "2. Hire nurses.", "3. Publish data."]),
    ("Two options remain:\na) close the ward\nb) merge it", ["Two options remain:", "a) close the ward", "b) merge it"]),
    ("Two options remain:\n(a) Close the ward.\n(b) Merge it.", ["Two options remain:", "(a) Close the ward.",
                                                                  "(b) Merge it."]),
    ("Steps:\ni. Measure.\nii. Report.", ["Steps:", "i. Measure.", "ii. Report."]),
    ("The plan has parts: 1.) cost, 2.) staff and 3.) timing. It is long.",
     ["The plan has parts: 1.) cost, 2.) staff and 3.) timing.", "It is long."]),
    ("It lists two risks: a. Flooding; b. Subsidence. Both are rare.",
     ["It lists two risks: a. Flooding; b. Subsidence.", "Both are rare."]),
    ("1. Keep calm. Then call for help.", ["1. Keep calm.", "Then call for help."]),
    # false friends: numbers that end a sentence, and a number at a line start that is not a list marker
    ("The score was 3. Fans left early.", ["The score was 3.", "Fans left early."]),
    ("Prices rose by\n5 percent. Then they fell.", ["Prices rose by\n5 percent.", "Then they fell."]),
])
def test_enumerations(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The theory is old (Brandt 112). It still holds.", ["The theory is old (Brandt 112).", "It still holds."]),
    ("The theory is old. (Brandt 112) It still holds.", ["The theory is old. (Brandt 112)", "It still holds."]),
    ("The theory is old. (Brandt 112). It still holds.", ["The theory is old. (Brandt 112).", "It still holds."]),
    ("Rents doubled (Okafor 2021, p. 6). Wages did not.", ["Rents doubled (Okafor 2021, p. 6).", "Wages did not."]),
    ("Rents doubled. (Okafor 2021, p. 6) Wages did not.", ["Rents doubled. (Okafor 2021, p. 6)", "Wages did not."]),
    ("The ferry sank. (Northline) Two crew were rescued.", ["The ferry sank. (Northline)", "Two crew were rescued."]),
    # false friend: a bracketed aside that opens the next sentence in lower case is not a tag
    ("The ferry sank. (two crew were rescued, police said) Then rain fell.",
     ["The ferry sank.", "(two crew were rescued, police said) Then rain fell."]),
])
def test_references_in_brackets(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He promised to rebuild . . . and to stay. Nobody believed him.",
     ["He promised to rebuild . . . and to stay.", "Nobody believed him."]),
    ("“We will rebuild . . . We will stay,” he said. Nobody believed him.",
     ["“We will rebuild . . . We will stay,” he said.", "Nobody believed him."]),
    ("She hesitated... and then signed. It was over.", ["She hesitated... and then signed.", "It was over."]),
    ("She hesitated… and then signed. It was over.", ["She hesitated… and then signed.", "It was over."]),
    # false friend: an unspaced ellipsis before a capital still ends the sentence
    ("She hesitated... Then she signed.", ["She hesitated...", "Then she signed."]),
])
def test_ellipses(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("“We will finish the bridge,” the engineer said. Work stopped.",
     ["“We will finish the bridge,” the engineer said.", "Work stopped."]),
    ("“Is the bridge safe?” she asked. Nobody answered.", ["“Is the bridge safe?” she asked.", "Nobody answered."]),
    ('"Is the bridge safe?" he asked. Nobody answered.', ['"Is the bridge safe?" he asked.', "Nobody answered."]),
    ("“Stop the work!” they shouted. It stopped.", ["“Stop the work!” they shouted.", "It stopped."]),
    # false friend: a capital after the quotation is a new sentence
    ("“Is the bridge safe?” Nobody answered.", ["“Is the bridge safe?”", "Nobody answered."]),
    # a quotation of two sentences that closes at the end of its paragraph is two sentences
    ("The mayor put it plainly: “The money is gone. The bridge will wait.”",
     ["The mayor put it plainly: “The money is gone.", "The bridge will wait.”"]),
])
def test_quotations(text, expected):
    assert sentences(text) == expected


def test_offsets_inside_an_article():
    text = "Pier Closed\n\nRepairs start at 8 a.m. Monday, p. 4 of the plan says. Work ends in Oct. 2027."
    art = parse_article(text)
    body = [s for s in art.sentences if s.part == "body"]
    assert [s.text for s in body] == ["Repairs start at 8 a.m. Monday, p. 4 of the plan says.",
                                      "Work ends in Oct. 2027."]
    assert all(text[s.start:s.end] == s.text for s in art.sentences)


def test_word_sets_come_from_the_data_tables_with_explanations():
    tables = ["title_abbreviations", "number_abbreviations", "ambiguous_abbreviations", "sentence_starters",
              "clock_followers", "months", "weekdays"]
    for name in tables:
        path = DATA / "articles" / f"{name}.csv"
        assert path.read_text(encoding="utf-8").startswith("#"), f"{name}.csv needs a header comment"
        rows = read_table(path, ("word", "explanation"))
        assert rows and all(len(r["explanation"]) > 10 for r in rows)
    assert {"mr", "dr", "gen", "mt"} <= TITLE_ABBREVIATIONS
    assert {"no", "p", "pp", "jan"} <= NUMBER_ABBREVIATIONS
    assert {"inc", "co", "st", "etc"} <= AMBIGUOUS_ABBREVIATIONS
    assert {"the", "however"} <= SENTENCE_STARTERS and {"gmt", "monday"} <= CLOCK_FOLLOWERS
    assert "Sept" in MONTHS and "Sunday" in WEEKDAYS
    # each abbreviation belongs to one table only, so its rule is unambiguous
    assert not (TITLE_ABBREVIATIONS & NUMBER_ABBREVIATIONS) and not (TITLE_ABBREVIATIONS & AMBIGUOUS_ABBREVIATIONS)
    assert not (NUMBER_ABBREVIATIONS & AMBIGUOUS_ABBREVIATIONS)
