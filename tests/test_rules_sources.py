"""The source lists (medialit/data/cues: person_titles, institutions, outlets, vague_sources,
anonymous_sources) on news English in general.

Every sentence here is invented. Each group of list entries has sentences where the detector
must find the source with the right span and type, and false friends where a listed word is
not a source (it does no saying, or it means something else there).
"""

import pytest

from medialit.articles import parse_article
from medialit.cues import load_lexicons
from medialit.detect import analyze


def sources(*sentences: str) -> list[tuple[str, str]]:
    """(text, type) of every source the detector finds in a short article of these sentences."""
    an = analyze(parse_article("Headline\n\n" + "\n\n".join(sentences) + "\n"))
    return [(s.text, s.type) for s in an.sources]


def refers(*sentences: str) -> list[tuple[str, str, str | None]]:
    an = analyze(parse_article("Headline\n\n" + "\n\n".join(sentences) + "\n"))
    return [(s.text, s.type, s.refers_to) for s in an.sources]


def kinds(label: str, text: str) -> list[tuple[str, str]]:
    """(matched text, kind) of one list's matches in a piece of text."""
    return [(m.text, m.entry.kind) for m in load_lexicons().find(text, label=label)]


# --- person_titles.csv ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Gov. Jane Roe said the roads would reopen on Monday.", ("Gov. Jane Roe", "named_person")),
    ("Sen. Tom Vale said the bill would pass.", ("Sen. Tom Vale", "named_person")),
    ("Rep. Ana Ruiz said the bill would fail.", ("Rep. Ana Ruiz", "named_person")),
    ("Councillor Hannah Roe said the bus lane would stay.", ("Councillor Hannah Roe", "named_person")),
    ("Cllr Hannah Roe said the bus lane would stay.", ("Cllr Hannah Roe", "named_person")),
    ("Chief Constable Mark Dale said patrols would double.", ("Chief Constable Mark Dale", "named_person")),
    ("Sheriff Luis Ortega said the road was closed.", ("Sheriff Luis Ortega", "named_person")),
    ("Det. Sgt. Amy Cole said two men were arrested.", ("Det. Sgt. Amy Cole", "named_person")),
    ("Prof. Ravi Shah said the data were thin.", ("Prof. Ravi Shah", "named_person")),
    ("Dr Ines Moreau said the ward was full.", ("Dr Ines Moreau", "named_person")),
    ("Ambassador Carl Berg said the talks would resume.", ("Ambassador Carl Berg", "named_person")),
    ("Judge Mary Quill said the case would be heard in June.", ("Judge Mary Quill", "named_person")),
])
def test_title_before_a_name_makes_a_named_person(sentence, expected):
    assert sources(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("The head teacher said pupils were safe.", ("The head teacher", "anonymous")),
    ("The chief executive said profits had fallen.", ("The chief executive", "anonymous")),
    ("A nurse said the ward was full.", ("A nurse", "anonymous")),
    ("A resident said the road had flooded twice.", ("A resident", "anonymous")),
    ("The coach said the team was tired.", ("The coach", "anonymous")),
    ("Lawmakers said the bill would pass.", ("Lawmakers", "vague")),
    ("Engineers said the bridge was safe.", ("Engineers", "vague")),
])
def test_role_without_a_name(sentence, expected):
    """One unnamed person with a role is anonymous; a plural role is an unnamed group."""
    assert sources(sentence) == [expected]


def test_each_role_points_back_to_its_own_person():
    """The mayor and the governor are different roles: each points back to its own person."""
    got = refers("Gov. John Doe visited the town.", "Mayor Jane Roe opened the bridge.",
                 "The mayor said it was safe.", "The governor said it was late.")
    assert got == [("The mayor", "named_person", "Mayor Jane Roe"),
                   ("The governor", "named_person", "Gov. John Doe")]


def test_a_deputy_is_not_the_one_they_stand_in_for():
    got = refers("Deputy Mayor Ana Ruiz opened the fair.", "The mayor said it was a success.")
    assert got == [("The mayor", "anonymous", None)]


def test_a_plural_role_never_points_back_to_one_person():
    """A plural role has its own kind ("journalist (group)"): reporters are not the reporter named before."""
    got = refers("Reporter Jane Roe filed the story.", "Reporters said the files were real.",
                 "The reporter said more would follow.")
    assert got == [("Reporters", "vague", None), ("The reporter", "named_person", "Reporter Jane Roe")]


def test_captain_points_back_to_the_captain():
    got = refers("Capt. Jane Roe docked the ferry at noon.", "The captain said the sea was calm.")
    assert got == [("The captain", "named_person", "Capt. Jane Roe")]


@pytest.mark.parametrize("text, expected", [
    ("It was justice, at last.", []),              # only "Justice" with its capital
    ("It was a premier venue.", []),               # "Premier" only with its capital
    ("She chairs the committee.", []),             # the verb "chairs" is not a role
    ("Justice Ann Hale", [("Justice", "judge")]),
    ("Premier Li", [("Premier", "prime minister")]),
])
def test_title_false_friends(text, expected):
    assert kinds("title", text) == expected


def test_lower_case_justice_is_no_source():
    assert sources("Justice was done, the mayor said.") == [("the mayor", "anonymous")]


# --- institutions.csv -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The Harrowfield Harbour Board said the pier was unsafe.", ("The Harrowfield Harbour Board", "institution")),
    ("The board said the pier was unsafe.", ("The board", "institution")),
    ("The school said the roof would be fixed.", ("The school", "institution")),
    ("The hospital said the ward would reopen.", ("The hospital", "institution")),
    ("The club said the manager would stay.", ("The club", "institution")),
    ("Prosecutors said the trial would start in May.", ("Prosecutors", "institution")),
    ("Kestwick Rovers said the manager would stay.", ("Kestwick Rovers", "institution")),
    ("Dunmore Freight Ltd said the depot would close.", ("Dunmore Freight Ltd", "institution")),
    ("Brenmouth Water said the river was clean.", ("Brenmouth Water", "institution")),
    ("The Brookfield Trust said the garden would open.", ("The Brookfield Trust", "institution")),
    ("The Supreme Court said the law was valid.", ("The Supreme Court", "institution")),
    ("The Bank of England said rates would stay.", ("The Bank of England", "institution")),
    ("Canberra said the talks would resume.", ("Canberra", "institution")),
    ("According to the report, the bridge is unsafe.", ("the report", "institution")),
    ("According to an exit poll, the mayor has won.", ("an exit poll", "institution")),
])
def test_institutions(sentence, expected):
    assert sources(sentence) == [expected]


@pytest.mark.parametrize("sentences, expected", [
    (["Dunmore Freight Inc. said the depot would close."], [("Dunmore Freight Inc.", "institution")]),
    (["Profit fell, Halvern Corp. said."], [("Halvern Corp.", "institution")]),
    (["Profit fell, said Halvern Co."], [("Halvern Co.", "institution")]),
    (["Halvern Holdings Ltd., the parent company, said profit fell."], [("Halvern Holdings Ltd.", "institution")]),
    (["Dorrel Inc. reported a loss for the year."], [("Dorrel Inc.", "institution")]),
    (["Dorrel Inc.'s chief executive said profit fell."], [("Dorrel Inc.'s chief executive", "institution")]),
    (["The U.S.’s envoy said the talks would resume."], [("The U.S.’s envoy", "institution")]),
    # the full stop still ends a sentence before a typical first word
    (["Shares rose at Dorrel Inc. The board said profit fell."], [("The board", "institution")]),
])
def test_company_endings_with_a_full_stop_stay_in_the_name(sentences, expected):
    """Inc., Corp., Co., Ltd. (name_abbreviations.csv): the full stop does not end the speaker."""
    assert sources(*sentences) == expected


def test_group_word_with_apostrophe_is_part_of_a_name():
    """"Residents'" in a body's name switches off the vague group word (rule group_possessive)."""
    assert kinds("not_a_cue", "The Residents’ Association met.") == [("Residents’", "source")]
    assert kinds("not_a_cue", "Residents met.") == []
    assert [t for _, t in sources("The Teachers' Union said pay must rise.")] == ["institution"]
    assert [t for _, t in sources("The Orrin Residents’ Association said the ferry must stay.")] == ["institution"]
    assert [t for _, t in sources("The Children’s Society said the plan was unfair.")] == ["institution"]


@pytest.mark.parametrize("sentence", [
    "The school year starts in May.",
    "The report was late.",
    "United fans sang all night.",
    "Water levels rose overnight.",
])
def test_institution_words_without_saying_are_no_source(sentence):
    assert sources(sentence) == []


# --- outlets.csv ------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Kyodo News reported that the quake was strong.", ("Kyodo News", "outlet")),
    ("Yonhap reported that the talks had ended.", ("Yonhap", "outlet")),
    ("The Sun reported that the match was fixed.", ("The Sun", "outlet")),
    ("The Kessford Courier reported that the ferry would stop.", ("The Kessford Courier", "outlet")),
    ("The Independent reported that the deal was off.", ("The Independent", "outlet")),
    ("Deutsche Welle reported that the vote was close.", ("Deutsche Welle", "outlet")),
])
def test_outlets(sentence, expected):
    assert sources(sentence) == [expected]


def test_outlet_named_in_a_sentence_that_attributes():
    got = sources("The minister told dpa that the border would stay open.")
    assert ("dpa", "outlet") in got


@pytest.mark.parametrize("sentence, expected", [
    ("The sun rose early, the mayor said.", [("the mayor", "anonymous")]),
    ("Newspaper sales fell, the company said.", [("the company", "institution")]),
])
def test_outlet_false_friends(sentence, expected):
    assert sources(sentence) == expected


def test_agency_letters_need_their_capitals():
    assert kinds("outlet", "the efe and ap of it") == []
    assert [t for t, _ in kinds("outlet", "(EFE) (AP) (dpa)")] == ["EFE", "AP", "dpa"]


# --- vague_sources.csv ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Residents said the road was closed.", ("Residents", "vague")),
    ("Several residents said the road was closed.", ("Several residents", "vague")),
    ("Parents told the school the plan was unfair.", ("Parents", "vague")),
    ("Some economists believe rates will rise.", ("Some economists", "vague")),
    ("Many people say the plan is too costly.", ("Many people", "vague")),
    ("Members of the rowing club said the river was cleaner.", ("Members of the rowing club", "vague")),
    ("Some in the party fear a split.", ("Some in the party", "vague")),
    ("It is widely believed that the mayor will resign.", ("It is widely believed", "vague")),
    ("The plan is considered by many to be too costly.", ("considered by many", "vague")),
    ("There are rumours that the mayor will resign.", ("There are rumours", "vague")),
    ("Investors said the plan was too risky.", ("Investors", "vague")),
    ("Officials said the road would stay shut.", ("Officials", "vague")),
    ("Banks said rates would rise.", ("Banks", "vague")),
    ("The castle is widely regarded as the finest in the county.", ("widely regarded as", "vague")),
])
def test_vague_sources(sentence, expected):
    assert sources(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Rights groups said the plan was flawed.", ("Rights groups", "vague")),
    ("Opposition parties said the vote was rushed.", ("Opposition parties", "vague")),
    ("Aid agencies warned that food was running out.", ("Aid agencies", "vague")),
    ("Western countries said the election was unfair.", ("Western countries", "vague")),
    ("The plan was criticised by environmental organisations.", ("environmental organisations", "vague")),
    ("The decision has drawn criticism from industry groups.", ("industry groups", "vague")),
    ("The move prompted complaints from residents.", ("residents", "vague")),
    ("The opposition said the vote was rushed.", ("The opposition", "institution")),
    ("Some have said the deal is illegal.", ("Some", "vague")),
    ("Many have questioned whether the deal is legal.", ("Many", "vague")),
    ("Opponents counter that the scheme has cost too much.", ("Opponents", "vague")),
])
def test_unnamed_bodies_and_groups_doing_the_saying(sentence, expected):
    """Plural bodies (groups, parties, agencies: vague_sources.csv), the views in "criticism from" /
    "complaints from" (attribution_phrases.csv) and "Some have said" (a bare group before an
    auxiliary)."""
    assert sources(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Groups of children played in the park.",
    "Both parties agreed to the terms.",
    "Several countries have banned the drug.",
    "A complaint from the club could become the first test case.",
])
def test_unnamed_bodies_false_friends(sentence):
    assert sources(sentence) == []


def test_others_doing_the_saying_are_a_vague_source():
    assert sources("Others suggest the plan is too costly.") == [("Others", "vague")]


@pytest.mark.parametrize("sentence", [
    "Others came later.",
    "Many people lost their homes in the flood.",
    "He spent some in the shop.",
    "Residents want some say in the plan.",
    "The residents’ car park was full.",
    "Children played in the park until dusk.",
])
def test_vague_false_friends(sentence):
    assert sources(sentence) == []


# --- anonymous_sources.csv --------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Two people briefed on the talks said a deal was near.", ("Two people briefed on the talks", "anonymous")),
    ("A person with knowledge of the deal said it was worth millions.",
     ("A person with knowledge of the deal", "anonymous")),
    ("A senior figure at the club said the manager would leave.", ("A senior figure at the club", "anonymous")),
    ("A government source said the vote would be delayed.", ("A government source", "anonymous")),
    ("Security sources said two men were held.", ("Security sources", "anonymous")),
    ("Sources said the offer was generous.", ("Sources", "anonymous")),
    ("Another official said the talks had failed.", ("Another official", "anonymous")),
])
def test_anonymous_sources(sentence, expected):
    assert sources(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Speaking on condition of anonymity, a diplomat said the talks had stalled.",
    "A diplomat, who was not authorised to speak publicly, said the talks had stalled.",
])
def test_anonymity_phrases_make_an_anonymous_source(sentence):
    got = sources(sentence)
    assert got and all(t == "anonymous" for _, t in got)


@pytest.mark.parametrize("sentence", [
    "Energy sources in Europe are scarce.",
    "The river is a source of pride for the town.",
    "One person was injured in the crash.",
    "The person in charge arrived late.",
])
def test_anonymous_false_friends(sentence):
    assert sources(sentence) == []


def test_a_person_described_by_age_is_an_unnamed_source():
    an = analyze(parse_article("Headline\n\n“The ferry must stay,” the 54-year-old said.\n"))
    assert [(s.text, s.type) for s in an.sources] == [("the 54-year-old", "anonymous")]
    an = analyze(parse_article("Headline\n\nThe 2-1 win was welcomed by few.\n"))
    assert an.sources == ()


def test_a_bare_role_in_the_headline_is_the_person_the_body_names():
    from medialit.detect import analyze
    an = analyze("Judge says treasurer betrayed the hospice\n\nA role-play dek, the minister says\n\n"
                 "Judge Helena Strand said the treasurer had betrayed the volunteers.\n")
    got = {s.text: (s.type, s.refers_to) for s in an.sources}
    assert got["Judge"] == ("named_person", "Judge Helena Strand")
    # a role nobody in the article carries, and an indefinite role, stay anonymous
    assert got["the minister"][0] == "anonymous"
    an = analyze("A judge says the treasurer lied\n\nJudge Helena Strand said the treasurer had lied.\n")
    assert {s.text: s.type for s in an.sources}["A judge"] == "anonymous"


def test_a_municipality_speaks_as_a_body_but_a_county_ending_a_description_does_not():
    assert sources("Drossen municipality said it had passed the reports on.") == [
        ("Drossen municipality", "institution")]
    assert sources("The maths teacher from the south of the county said the bus was late.")[0][1] == "anonymous"


def test_a_group_known_by_its_trade_is_a_vague_source():
    assert sources("Care home operators said older buildings were the hardest to keep cool.") == [
        ("Care home operators", "vague")]
    assert sources("Flour millers, who buy most of the crop, said they were worried.")[0] == ("Flour millers", "vague")


def test_answering_calls_is_work_done_not_a_reply():
    assert sources("Fire crews answered more than 600 calls overnight.") == []
    assert sources("The minister answered that the money had been found.")[0][0] == "The minister"
