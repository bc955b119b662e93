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
    # false friend: an interview's "Q." and "A." open their sentence and never end it
    ("Q. What went wrong? A. We ran out of money.", ["Q. What went wrong?", "A. We ran out of money."]),
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
    ("Key points:\n• fares rise\n• trains are cut\n- buses are added",
     ["Key points:", "• fares rise", "• trains are cut", "- buses are added"]),
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
    # a name and a verb of saying after the quotation attribute it: one sentence
    ("“Is the bridge safe?” Councillor Ruiz asked. Nobody answered.",
     ["“Is the bridge safe?” Councillor Ruiz asked.", "Nobody answered."]),
    ("‘Stop the work!’ Dr. Hale shouted. It stopped.", ["‘Stop the work!’ Dr. Hale shouted.", "It stopped."]),
    # false friends: a capital after the quotation that is not a name and a verb of saying
    ("“Is the bridge safe?” Nobody answered.", ["“Is the bridge safe?”", "Nobody answered."]),
    ("“Is the bridge safe?” He asked twice.", ["“Is the bridge safe?”", "He asked twice."]),
    ("“Is the bridge safe?” Engineers checked it.", ["“Is the bridge safe?”", "Engineers checked it."]),
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
              "clock_followers", "months", "weekdays", "byline_markers", "quote_verbs"]
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


@pytest.mark.parametrize("line, name", [("By Jo Lee", "Jo Lee"), ("Written by Jo Lee", "Jo Lee"),
                                        ("Reporting by Jo Lee", "Jo Lee"), ("WORDS BY Jo Lee", "Jo Lee")])
def test_byline_markers_come_from_the_table(line, name):
    art = parse_article(f"Ferry Fares Rise\n\n{line}\n\nFares will rise in April, the operator said on Monday.")
    assert art.byline == name


def test_a_line_starting_with_by_that_is_prose_is_not_a_byline():
    art = parse_article("Ferry Fares Rise\n\nBy the end of April, fares will rise, the operator said on Monday.")
    assert art.byline is None


# --- datelines ---------------------------------------------------------------------------

@pytest.mark.parametrize("first, dateline", [
    ("BRINDLEY, June 4 — The library will close on Friday, the council said.", "BRINDLEY, June 4 —"),
    ("PORT AVON — Two boats collided in the harbour on Sunday.", "PORT AVON —"),
    ("ST. IVES, Cornwall – Lifeboat crews rescued three swimmers.", "ST. IVES, Cornwall –"),
    ("OSLO, 12 March 2025 -- Fares will rise in April.", "OSLO, 12 March 2025 --"),
])
def test_a_dateline_is_not_part_of_the_first_sentence(first, dateline):
    text = f"Harbour Story\n\nBy Jo Lee\n\n{first}\n\nA second paragraph follows here."
    art = parse_article(text)
    dates = art.parts_of("date")
    assert [d.text for d in dates] == [dateline]
    assert text[dates[0].start:dates[0].end] == dateline
    body = [s.text for s in art.sentences if s.part == "body"]
    assert body[0] == first[len(dateline):].strip()
    assert art.paragraphs[0].text == body[0]


@pytest.mark.parametrize("first", [
    "LONDON (Northline) — Fares will rise in April, the operator said.",   # the agency is a source: kept
    "NATO — the alliance, that is — met on Monday.",                       # lower case after the dash
    "The BBC — which broadcast the match — apologised.",                    # not at the start
    "UNITED fans celebrated late into the night.",                          # no dash
])
def test_false_datelines_stay_in_the_sentence(first):
    art = parse_article(f"Harbour Story\n\nBy Jo Lee\n\n{first}\n\nA second paragraph follows here.")
    assert art.parts_of("date") == []
    assert next(s.text for s in art.sentences if s.part == "body") == first


# --- boilerplate ---------------------------------------------------------------------------

PRESS_RELEASE = """Northwind Learning launches a free homework planner for schools

Pupils in 40 schools will test the app from September.

LEEDS, May 2 — Northwind Learning today launched Planwise, a homework planner for secondary schools.

“Teachers asked us for something simple,” said Dana Ruiz, the company's chief executive.

The app will be free for state schools until 2027.

###

About Northwind Learning

Northwind Learning makes software for schools. It was founded in Leeds in 2015 and employs 60 people.

Media contact:
Sam Okafor, press office, 0113 496 0000"""


def test_a_press_release_ends_at_its_end_mark():
    art = parse_article(PRESS_RELEASE)
    assert art.boilerplate == ["###", "About Northwind Learning",
                               ("Northwind Learning makes software for schools. It was founded in Leeds in 2015 "
                                "and employs 60 people."),
                               "Media contact:\nSam Okafor, press office, 0113 496 0000"]
    assert [p.reason.split(".")[0] for p in art.parts_of("boilerplate")][:2] == [
        "boilerplate: is the line '###'", "boilerplate: comes after a block that is the line '###'"]
    body = [s.text for s in art.sentences if s.part == "body"]
    assert body[-1] == "The app will be free for state schools until 2027."


def test_an_about_section_and_contacts_without_an_end_mark():
    text = PRESS_RELEASE.replace("###\n\n", "")
    art = parse_article(text)
    assert art.boilerplate[0] == "About Northwind Learning"
    assert art.boilerplate[1].startswith("Northwind Learning makes software")
    assert art.boilerplate[2].startswith("Media contact:")
    assert "The app will be free for state schools until 2027." in [s.text for s in art.sentences]


@pytest.mark.parametrize("block", [
    "- ENDS -", "Ends", "For more information, contact Sam Okafor on 0113 496 0000.",
    "Notes to editors: Planwise runs on any phone.", "Sign up for our morning newsletter",
    "Follow us on social media", "Advertisement", "Story continues below advertisement",
    "Donate today and keep local news free", "© 2026 The Harbour Gazette",
    "Correction: An earlier version of this article gave the wrong date for the vote.",
    "This article was amended on 3 May 2026 to correct the name of the school.",
    "(Reporting by Jo Lee; Editing by Sam Okafor)", "Additional reporting by Dana Ruiz in Hull",
    "Image caption, Crews worked through the night", "Photo: Jo Lee/Harbour Gazette",
])
def test_boilerplate_blocks(block):
    text = f"Ferry Fares Rise\n\nFares will rise in April, the operator said on Monday.\n\n{block}"
    art = parse_article(text)
    assert art.boilerplate == [block]
    assert all(s.part != "body" or block not in s.text for s in art.sentences)


@pytest.mark.parametrize("block", [
    "The school newsletter said the trip had been cancelled.",      # "newsletter" inside a sentence
    "Residents were asked to donate blankets, the council said.",   # "donate" inside a sentence
    "Donated books filled two shelves.",                            # "donate" is part of a longer word
    "The advertisement was banned by the regulator.",               # "advertisement" inside a sentence
    "“Voters support us,” the mayor said.",                         # "support us" inside a quotation
    "Few economists subscribe to that view.",                       # "subscribe to" inside a sentence
    "About 60 residents came to the meeting on Monday.",            # "About" + a number, a sentence
    "The corrections office said the error was fixed.",             # not a correction note
    "Reporting by local papers was thin, the review found.",         # "reporting by" without the bracket
    "Photos of the flood spread quickly, police said.",             # "photo" without the colon
])
def test_article_text_is_not_boilerplate(block):
    text = f"Ferry Fares Rise\n\nFares will rise in April, the operator said on Monday.\n\n{block}"
    assert parse_article(text).boilerplate == []


def test_a_heading_in_the_first_half_of_the_page_is_article_text():
    text = ("Ferry Fares Rise\n\nAbout the new fares\n\nFares will rise in April, the operator said.\n\n"
            "Season tickets will cost more.\n\nStudents will pay less.\n\nThe council meets on Friday.")
    art = parse_article(text)
    assert art.boilerplate == []


def test_end_marks_early_in_the_page_take_only_themselves():
    text = ("Ferry Fares Rise\n\nFares will rise in April, the operator said.\n\n###\n\n"
            "Season tickets will cost more.\n\nStudents will pay less.\n\nThe council meets on Friday.")
    art = parse_article(text)
    assert art.boilerplate == ["###"]
    assert "Students will pay less." in [s.text for s in art.sentences]


def test_the_boilerplate_table_is_checked(tmp_path):
    from medialit.articles.boilerplate import load_rules
    from medialit.datafiles import DataFileError

    bad = tmp_path / "b.csv"
    bad.write_text("# rules\nphrase,match,then,explanation\nsubscribe,somewhere,block,An invitation.\n",
                   encoding="utf-8")
    with pytest.raises(DataFileError, match=r"b.csv:3: match must be one of"):
        load_rules(str(bad))
    assert all(r.explanation for r in load_rules())


def test_a_quotation_ending_in_a_full_stop_then_a_speaker_with_words_of_their_own():
    # "“….” Pellow said the data were thin." is two sentences; "“Fine.” Roe said." and
    # "“Is it over?” Roe asked the crowd." stay one, with their speaker
    text = "“The pesticide is a driver.” Pellow said the data were thin. “Fine.” Roe said. “Is it over?” Roe asked the crowd."
    assert sentences(text) == ["“The pesticide is a driver.”", "Pellow said the data were thin.",
                               "“Fine.” Roe said.", "“Is it over?” Roe asked the crowd."]
