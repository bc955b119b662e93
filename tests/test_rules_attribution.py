"""Attribution and sources in ordinary news syntax (issue 9), on invented sentences.

Each error class has sentences where the rule must fire and false friends where it must not.
"""

import pytest

from medialit.articles import parse_article
from medialit.detect import analyze


def read(*sentences: str, paragraphs: bool = False):
    """The analysis of an invented article (one paragraph, or one paragraph per sentence)."""
    sep = "\n\n" if paragraphs else " "
    return analyze(parse_article("Headline\n\n" + sep.join(sentences) + "\n"))


def one(sentence: str):
    an = read(sentence)
    assert len(an.sentences) == 2, [s.sentence.text for s in an.sentences]
    return an.sentences[1]


def attribution(sentence: str) -> list[tuple[str, str]]:
    """(rule, text) of the attribution evidence in one sentence."""
    return [(e.rule, e.text) for e in one(sentence).evidence if e.label == "attribution"]


def sources(sentence: str) -> list[tuple[str, str]]:
    return [(s.text, s.type) for s in one(sentence).sources]


def switched_off(sentence: str) -> list[tuple[str, str]]:
    return [(s.text, s.rule) for s in one(sentence).suppressed if s.label == "attribution"]


def assert_credited(sentence: str, rule: str, cue: str, source: tuple[str, str | None] | None) -> None:
    """The sentence is attributed by ``rule`` on ``cue``; ``source`` is (its text, its type or
    None for any type), or None when the test does not check the source."""
    assert (rule, cue) in attribution(sentence)
    if source is not None:
        text, typ = source
        found = dict(sources(sentence))
        assert text in found and (typ is None or found[text] == typ)


# --- the speaker before an aside -----------------------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("The port's safety director, Ann Kell, said the crane was sound.", "The port's safety director, Ann Kell"),
    ("The port's operator, Tarvex Holdings, said the crane was sound.", "The port's operator, Tarvex Holdings"),
    ("Gov. Ann Kell (D-Ore.) said the budget would pass.", "Gov. Ann Kell"),
    ("Kell, speaking to reporters on Monday, said the budget would pass.", "Kell"),
    ("Ann Kell, who chairs the harbour board, said the crane was sound.", "Ann Kell"),
    ("Tom Ruddle, a spokesman for the bakery, said the ovens were safe.", "Tom Ruddle"),
    ("Its treasurer, Ann Kell, told members the accounts were late.", "Its treasurer, Ann Kell"),
])
def test_speaker_before_an_aside(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence, source", [
    # an aside with commas of its own: a number, a list, a nested aside, an age before a description
    ("Tarn Patients Group, a charity with about 1,900 members, said the ward was safe.", "Tarn Patients Group"),
    ("The Harbour Staff union, which represents nurses, porters and clerks, said the ward was safe.",
     "The Harbour Staff union"),
    ("Ann Kell, who has run Pocket Mend, a repair shop in Carnwick, for twelve years, said prices rose.",
     "Ann Kell"),
    ("Ann Kell, 29, a nurse who lives in Eastgate, said the ward was safe.", "Ann Kell"),
    ("Greyline Coaches, which parks its buses in Hesketh, 6 miles away, said the depot was needed.",
     "Greyline Coaches"),
])
def test_speaker_before_an_aside_with_commas(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


def test_an_aside_with_commas_does_not_make_a_clause_a_speaker():
    s = "The bridge, which opened in 1990, closed in 2020, officials said."
    assert sources(s) == [("officials", "vague")]


def test_a_capitalised_plural_after_a_name_is_a_firm_not_a_group():
    assert sources("Greyline Coaches said the depot was needed.") == [("Greyline Coaches", "institution")]
    assert sources("Coaches said the pitch was poor.") == [("Coaches", "vague")]


def test_an_aside_saying_the_speaker_is_unnamed_belongs_to_the_source():
    s = "Three workers, who asked not to be named, said the mill would close."
    assert ("Three workers, who asked not to be named", "anonymous") in sources(s)
    assert len(sources(s)) == 1


def test_a_clause_before_a_comma_is_not_a_speaker():
    s = "In the end, the vote failed, said Ann Kell."
    assert sources(s) == [("Ann Kell", "named_person")]
    assert attribution(s) == [("inverted_reporting", "said")]


# --- groups and coordinated roles ----------------------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("Several farmers said the river had flooded twice.", ("Several farmers", "vague")),
    ("Another official said the talks had stalled.", ("Another official", "anonymous")),
    ("Others say the fare rise is unfair.", ("Others", "vague")),
    ("Many said the hall was too cold.", ("Many", "vague")),
    ("The former coach and current director said the club was safe.",
     ("The former coach and current director", "anonymous")),
    ("Shopkeepers in the old town said trade had fallen.", ("Shopkeepers in the old town", "vague")),
    ("Officials from the port authority said the crane was sound.",
     ("Officials from the port authority", None)),  # typed by the lists (vague or institution)
])
def test_groups_and_roles_do_the_saying(sentence, source):
    assert attribution(sentence)
    got = sources(sentence)[0]
    assert got == source or (source[1] is None and got[0] == source[0])


def test_noun_forms_are_not_verbs():
    assert attribution("The reports were wrong.") == []
    assert attribution("Some reports said nothing new.") == [("reporting_verb", "said")]
    assert attribution("All told, forty people came.") == []
    assert attribution("Claims of fraud were dismissed by the court.") == []
    assert attribution("The so-called deal collapsed on Monday.") == []


def test_an_action_then_a_reporting_verb():
    s = "Ann Kell smiled and told reporters the season was not over."
    assert attribution(s) == [("reporting_verb", "told")]
    assert sources(s) == [("Ann Kell", "named_person")]
    assert attribution("The river rose and the town flooded.") == []


# --- belief verbs --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("Some economists believe the bank will cut rates.", ("Some economists", "vague")),
    ("Engineers think the crack is old.", ("Engineers", "vague")),
    ("Officials expect the vote to pass.", ("Officials", "vague")),
    ("Critics argue the plan is too costly.", ("Critics", "vague")),
])
def test_belief_and_argue_verbs_with_a_source(sentence, source):
    assert attribution(sentence)
    assert sources(sentence) == [source]


def test_first_person_belief_is_not_attribution():
    assert attribution("I think the plan is bad.") == []
    assert ("believe", "first_person_belief") in switched_off("We believe the council is wrong.")
    assert attribution("A think tank in the capital published the figures.") == []
    assert attribution("It is hard to believe the mill will close.") == []


def test_passive_beliefs():
    assert attribution("The mill is expected to close in May.") == [("passive_report", "is expected to")]
    assert attribution("The owner is thought to be abroad.") == [("passive_report", "is thought to")]
    s = "It is widely believed among the nurses that the ward will close."
    assert ("passive_report", "is widely believed") in attribution(s)
    assert ("the nurses", "vague") in sources(s)
    assert attribution("As expected, the mill closed.") == []


# --- according to, documents and polls -----------------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("According to the audit, the fund lost money.", ("the audit", "institution")),
    ("According to exit polls, the mayor won.", ("exit polls", "institution")),
    ("Turnout rose, according to figures released by the county.", ("figures released by the county",
                                                                     "institution")),
    # a hyphenated word is one word of the phrase; "with" ties a filed document to where it was filed
    ("According to a pre-budget report, the fund lost money.", ("a pre-budget report", "institution")),
    ("According to a planning document lodged with Tarn County Council, the mill will close.",
     ("a planning document lodged with Tarn County Council", "institution")),
    # a possessive before a listed source word or a document: whose office or report it is
    ("Hotels were full, according to the town's tourism office.", ("the town's tourism office", "institution")),
    ("According to the bank's annual report, profits fell.", ("the bank's annual report", "institution")),
])
def test_according_to_a_common_noun(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["according_to"]
    assert sources(sentence) == [source]


def test_according_to_a_plan_is_no_source():
    assert switched_off("The launch went according to plan.") == [("according to", "according_to_plan")]
    assert attribution("The launch went according to the team's plan.") == []
    assert attribution("The bridge, according to what we know, is old.") == []


@pytest.mark.parametrize("sentence, source", [
    ("A new poll shows the mayor ahead.", "A new poll"),
    ("The video shows a man running from the bank.", "The video"),
    ("The audit found that the fund lost money.", "The audit"),
    ("Minutes of the board's June meeting show that two plans were drawn up.",
     "Minutes of the board's June meeting"),
    ("A study by Tarrow College found that fewer pupils walk to school.", "A study by Tarrow College"),
    # who made the document, inside its phrase (documents.py)
    ("A survey it published in October found that one in eight households were behind.",
     "A survey it published in October"),
    ("Figures I obtained from the police show 341 reports.", "Figures I obtained from the police"),
    # rotas are records kept by whoever drew them up
    ("Leaked rotas show carers booked in two places at once.", "Leaked rotas"),
    ("Bank records shown to the court showed that the money went on a flat.", "Bank records shown to the court"),
    ("The rotas list more than 1,900 back-to-back visits.", "The rotas"),
    # a document that counts, its tables, and one sent to someone
    ("The council's annual survey, published in July, counted 17 empty shops.",
     "The council's annual survey, published in July"),
    ("The authority's monitoring report counts 7,310 new homes.", "The authority's monitoring report"),
    ("The report's own tables show how slowly permissions become houses.", "The report's own tables"),
    ("Its latest filing to the regulator lists the project as late.", "Its latest filing to the regulator"),
])
def test_documents_that_show_or_find(sentence, source):
    assert attribution(sentence)[0][0] == "evidence_verb"
    assert sources(sentence) == [(source, "institution")]


def test_show_and_found_without_a_document():
    assert attribution("The police found a car in the river.") == []
    assert ("found", "not_a_document") in switched_off("The police found a car in the river.")
    assert attribution("The team showed great spirit.") == []
    assert attribution("She set a record that still stands.") == []
    assert [r for r, _ in attribution("The man said it found a crack.")] == ["reporting_verb"]
    # counting is a document's report only when a document counts
    assert attribution("Volunteers counted 38 fewer bats at the roosts.") == []
    assert attribution("Every vote counts in a close race.") == []
    # "to" before the verb: an infinitive, not the document's own verb
    assert [r for r, _ in attribution("The minister expects the review to show savings.")] == ["belief_verb"]
    assert [s for s, _ in sources("The minister expects the review to show savings.")] == ["The minister"]
    assert [s for s, _ in sources("A study to find out would take several weeks.")] == []


# --- quotations: labelling verbs, colons, dashes, quotes across sentences ------------------

def test_called_with_a_quotation():
    assert attribution("The mayor called the plan “reckless”.") == [("quote_verb", "called")]
    assert attribution("One of them described the deal as “all but signed.”") == [("reporting_verb", "described")]
    assert attribution("A group called Save Our Pier met on Monday.") == []
    # a demand and who made it (keys dev23, dev80): "called for" is a reporting verb of its own
    assert attribution("The union called for a strike on Friday.") == [("reporting_verb", "called for")]


def test_colon_and_dash_introducers():
    s = "Ann Kell was blunt: “We will not pay.”"
    assert attribution(s) == [("colon_quote", ":")]
    assert sources(s) == [("Ann Kell", "named_person")]
    s = "The mayor's answer — “We will not pay” — stunned the room."
    assert attribution(s) == [("colon_quote", "—")]
    assert attribution("The menu was simple: soup, bread and cheese.") == []


@pytest.mark.parametrize("sentence, source", [
    ("Ann Kell was blunter — “the old pier is a floating museum.”", "Ann Kell"),
    ("Ann Kell, who runs the island's only shop, was blunter — “the pier is finished.”", "Ann Kell"),
    ("Tom Ruddle was more direct — “no boat, no town.”", "Tom Ruddle"),
])
def test_a_dash_after_a_short_predicate_introduces_the_speakers_words(sentence, source):
    assert attribution(sentence) == [("colon_quote", "—")]
    assert sources(sentence)[0] == (source, "named_person")


def test_a_colon_after_a_role_and_a_name_between_commas():
    s = "Its chair, Derek Amadi, was blunt: “A late appointment is not a gift.”"
    assert attribution(s) == [("colon_quote", ":")]
    assert sources(s) == [("Its chair, Derek Amadi", "named_person")]
    assert attribution("The new rules are clear: “No phones in class.”") == []     # rules do not speak
    assert attribution("His answer was short: “No.”") == []


def test_a_dash_after_a_thing_or_a_long_clause_is_no_introducer():
    assert attribution("The bridge was shut — “for good”.") == []       # a thing: nobody speaks
    walked = "Ann Kell walked slowly to the end of the old pier — “the last time.”"
    assert attribution(walked) == []                     # not a short predicate: a description


def test_a_colon_quotation_after_an_opening_clause_finds_its_speaker_after_the_comma():
    an = read("Asked what she would miss most, Ann Kell did not hesitate: “The noise.", "You heard it for miles.”")
    assert [e.rule for e in an.sentences[1].evidence if e.label == "attribution"] == ["colon_quote"]
    assert [(s.text, s.type) for s in an.sentences[1].sources] == [("Ann Kell", "named_person")]
    assert [e.rule for e in an.sentences[2].evidence if e.label == "attribution"] == ["quote_continues"]
    assert attribution("Asked about the delay, the council was silent.") == []
    assert sources("Asked twice, the sign stayed blunt: “Keep out.”") == []       # a thing: nobody speaks


def test_people_who_spoke_to_a_paper():
    s = "Parents who spoke to the Gazette were divided."
    assert attribution(s) == [("spoke_to", "who spoke to")]
    assert ("Parents", "vague") in sources(s)
    assert ("the Gazette", "outlet") in sources(s) or ("Gazette", "outlet") in sources(s)


def test_an_appeal_and_a_statement_saying():
    assert attribution("The union called on ministers to act.") == [("reporting_verb", "called on")]
    assert ("The union", "institution") in sources("The union called on ministers to act.")
    s = "Chairman Raymond Tulloch issued a statement on Sunday saying the club had full confidence in him."
    assert attribution(s) == [("reporting_participle", "saying")]
    assert ("Chairman Raymond Tulloch", "named_person") in sources(s)
    assert ("Police", "institution") in sources("Police released a short statement late on Friday saying the road would reopen.")
    # "called" alone needs a quotation; an -ing form with no document or comma before it reports nothing
    assert attribution("The mayor kept saying nothing at all.") == []
    assert attribution("Nobody called the helpline.") == []


def test_a_two_word_plural_opening_the_sentence_is_a_vague_group():
    s = "Freight forwarders said the diversions were causing trouble."
    assert attribution(s) == [("reporting_verb", "said")]
    assert sources(s) == [("Freight forwarders", "vague")]
    # a time word or a sentence opener is no part of the group
    assert sources("Yesterday handlers said the queues had gone.") == []


def test_an_opening_phrase_and_a_clause_are_no_speaker():
    # "For parents, the prospect is welcome, said Roe": the clause is what Roe said, not who speaks
    s = "For parents, the prospect of a vaccine is welcome, said Karin Dahlgren."
    assert sources(s) == [("Karin Dahlgren", "named_person")]
    assert ("A briefing note prepared in October, a copy of which was seen by the Courant", "institution") in sources(
        "A briefing note prepared in October, a copy of which was seen by the Courant, warned that the fund was low.")


def test_a_clause_before_a_tail_and_but_is_reported():
    an = read("Interim figures are encouraging, researchers say, but an independent expert urges caution.")
    assert "opinion" not in an.sentences[1].labels  # "encouraging" is the researchers' word


def test_a_described_owner_or_a_named_body_before_an_aside_speaks():
    s = "The refill shop’s co-owner, Hannah Quarrell, told me they chose the street."
    assert attribution(s) == [("reporting_verb", "told")]
    assert [t for t, _ in sources(s)] == ["The refill shop’s co-owner, Hannah Quarrell"]
    s = "The consultancy Meridale Economics, whose figures are followed closely, expects a rise."
    assert [t for t, _ in sources(s)] == ["The consultancy Meridale Economics"]
    assert ("Teachers across the region", "vague") in sources("Teachers across the region describe lessons broken up.")
    s = "Shopkeepers around the business park, where Quorvane is the largest employer, fear the closure will hurt trade."
    assert ("Shopkeepers around the business park", "vague") in sources(s)
    s = "A witness called by the defence, Tom Roe, told the court he saw nothing."
    assert [t for t, _ in sources(s)] == ["A witness called by the defence, Tom Roe"]
    # a clause before the head is still no part of it
    assert [t for t, _ in sources("Last week the council, which owns the site, said it would sell.")] == ["the council"]


def test_people_the_writer_spoke_to():
    s = "The musicians I spoke to were angrier than the organisers."
    assert attribution(s) == [("spoke_to", "I spoke to")]
    assert ("The musicians", "vague") in sources(s)
    assert ("Homeowners", "vague") in sources("Homeowners I have talked to in Tarnby tell the same story.")
    # the writer's own narration names nobody before the phrase: no attribution, no source
    for s in ("I spoke to the mayor on Monday.", "The day I spoke to him, it rained."):
        assert attribution(s) == [] and sources(s) == [], s


def test_quotation_continues_after_a_reporting_cue():
    an = read("“We will not pay,” the mayor said.", "“Not now, not ever.”")
    assert an.sentences[2].labels[:1] == ("attribution",)
    assert an.sentences[2].evidence[0].rule == "quote_continues"
    an = read("The mayor told reporters: “We will not pay.", "Not now, not ever.”")
    assert [e.rule for e in an.sentences[2].evidence if e.label == "attribution"] == ["quote_continues"]


def test_quotation_standing_alone_is_not_attribution():
    an = read("The hall was cold.", "“We will not pay.”")
    assert "attribution" not in an.sentences[2].labels
    assert [s.rule for s in an.sentences[2].suppressed if s.label == "attribution"] == ["quote_alone"]


def test_quotation_running_on_into_a_new_paragraph():
    an = read("The mayor said: “We will not pay.", "“Not now, not ever.”", paragraphs=True)
    assert [e.rule for e in an.sentences[2].evidence if e.label == "attribution"] == ["quote_continues"]


# --- voice: what follows the new verbs is the source's -------------------------------------

def test_reported_clause_after_new_verbs_is_the_sources_voice():
    for s, word in [("Some economists believe the bank may cut rates.", "may"),
                    ("A new poll shows the mayor may lose.", "may"),
                    ("Ann Kell, who chairs the board, said the mill may close.", "may")]:
        sa = one(s)
        assert [c.voice for c in sa.cues if c.text == word] == ["source"], s


# --- more news syntax ----------------------------------------------------------------------

def test_age_aside_and_quoted_as_saying():
    assert sources("Mr. Ann Kell, 54, said she would appeal.")[0][0] == "Mr. Ann Kell"
    assert attribution("The minister was quoted as saying the plan was dead.") == [
        ("reporting_verb", "was quoted as saying")]
    assert attribution("Witnesses described hearing two loud bangs.") == [("reporting_verb", "described")]


def test_a_word_like_report_followed_by_a_verb_is_a_noun():
    assert attribution("The full report has not been published.") == []
    assert attribution("An independent report commissioned by the county was leaked.") == []
    s = "The planning report expects trade to double."
    assert attribution(s) == [("belief_verb", "expects")]
    assert sources(s) == [("The planning report", "institution")]
    assert attribution("Officials report that the road is open.") == [("reporting_verb", "report")]


def test_verbs_inside_a_quotation_are_the_quoted_speakers():
    s = "Ann Kell said: “It tells us what one group thinks, not what the town thinks.”"
    assert sources(s) == [("Ann Kell", "named_person")]
    assert ("thinks", "verb_inside_quote") in switched_off(s)


def test_typing_news_sources():
    assert sources("A spokesperson for the county said the road was shut.") == [
        ("A spokesperson for the county", "anonymous")]
    assert sources("The newspaper reported that the mayor resigned.") == [("The newspaper", "outlet")]
    assert sources("A survey of the club's 300 members found that most want a new stadium.")[0][1] == "institution"
    s = "The audit, written by the firm Hale & Dunn, also found that costs rose."
    assert sources(s) == [("The audit, written by the firm Hale & Dunn", "institution")]
    s = "A U.N. report released on Tuesday found that hunger rose."
    assert sources(s) == [("A U.N. report released on Tuesday", "institution")]


def test_convinced_and_widely_believed():
    s = "Not everyone is convinced the mill will close."
    assert attribution(s) == [("belief_verb", "is convinced")]
    assert sources(s) == [("Not everyone", "vague")]
    s = "It is widely believed among the nurses that the ward will close."
    assert [x[0] for x in sources(s)] == ["the nurses"]


def test_a_reported_person_after_a_relative_anonymity_phrase():
    s = "A longtime steward at the club, who spoke on condition of anonymity, rejected that account."
    assert sources(s) == [("A longtime steward at the club, who spoke on condition of anonymity", "anonymous")]


def test_a_person_can_conclude_or_indicate_but_only_documents_show():
    assert attribution("The judge concluded that the law was broken.") == [("reporting_verb", "concluded")]
    assert attribution("The minister indicated that talks would resume.") == [("reporting_verb", "indicated")]
    assert attribution("The findings indicate that the drug works.") == [("evidence_verb", "indicate")]
    assert attribution("Ann Kell found the plan unworkable.") == []
    assert attribution("Energy demands were high last winter.") == []


def test_someones_answer_or_spin():
    s = "(Senator Kell’s spin yesterday was that “no progress can be expected” from the talks.)"
    assert attribution(s) == [("possessive_speech", "spin")]
    assert sources(s) == [("Senator Kell", "named_person")]
    assert attribution("Senator Kell’s view of the plan changed in May.") == []
    s = "The coach's verdict: “a disgrace”."
    assert sources(s) == [("The coach", "anonymous")]


def test_weasel_passives_and_according_to_some():
    assert ("passive_report", "is widely regarded as") in attribution("The move is widely regarded as a mistake.")
    assert ("passive_report", "It has been suggested") in attribution("It has been suggested that the mill could reopen.")
    assert sources("The deal, according to some, is already dead.") == [("some", "vague")]
    assert attribution("The castle was built in 1200 and regarded highly.") == []


def test_an_official_with_an_anonymity_aside():
    s = "The official, who was not authorised to speak publicly, said the plan was dead."
    assert ("reporting_verb", "said") in attribution(s)
    assert sources(s) == [("The official, who was not authorised to speak publicly", "anonymous")]


def test_telling_a_story_is_not_attribution():
    assert attribution("The film tells the story of a farmer.") == []
    assert attribution("The farmer told the story to the court.") == []
    assert attribution("The farmer told the court he was innocent.") == [("reporting_verb", "told")]


def test_a_passive_without_is():
    an = read("The bill, expected to pass next week, will cut taxes.")
    assert [(e.rule, e.text) for e in an.sentences[1].evidence if e.label == "attribution"] == [
        ("passive_report", "expected")]
    assert an.sentences[1].sources == ()
    assert sources("Officials expected the vote to pass.") == [("Officials", "vague")]
    assert attribution("Prices were higher than expected.") == []


def test_officials_in_a_named_place_are_not_a_person():
    assert sources("Officials in the city of Leeds said the plan was on track.") == [
        ("Officials in the city of Leeds", "vague")]
    assert attribution("The minister thought about it for a while.") == []


def test_a_single_name_is_a_person_only_if_named_in_full_before():
    assert sources("Tarvex said profits rose.") == [("Tarvex", "institution")]
    an = read("Maureen Kell is expected to leave the club.", "Kell said nothing.")
    assert [(s.text, s.type) for s in an.sources] == [("Kell", "named_person")]


def test_a_quotation_after_a_colon_paragraph_and_one_that_runs_on():
    an = read("The mayor told the crowd:", "“We will not pay.”", paragraphs=True)
    assert [e.rule for e in an.sentences[2].evidence if e.label == "attribution"] == ["quote_continues"]
    an = read("The mayor said: “We will not pay.", "The hall was cold.", "“Not now.”", paragraphs=True)
    assert "attribution" not in an.sentences[3].labels


def test_an_including_aside_names_more_speakers():
    s = "Critics of the survey, including several councillors, argue that it was biased."
    assert sources(s) == [("Critics of the survey", "vague"), ("several councillors", "vague")]
    s = "The officials, among them Ann Kell, said the road would reopen."
    assert sources(s) == [("The officials", "vague"), ("Ann Kell", "named_person")]


def test_in_someones_view_and_press_release_announcements():
    assert attribution("In his view, the plan is doomed.") == [("possessive_speech", "In his view")]
    s = "In the minister's view, the plan is doomed."
    assert attribution(s) == [("possessive_speech", "In the minister's view")]
    assert sources(s) == [("the minister", "anonymous")]
    assert attribution("In my view, the plan is doomed.") == []
    assert attribution("Tarvex Ltd is pleased to announce a new app.") == [
        ("reporting_verb", "is pleased to announce")]
    assert sources("The club's accounts show a loss of two million pounds.")[0][1] == "institution"


def test_belief_words_used_as_nouns_or_values():
    assert attribution("He believes in hard work.") == []
    assert attribution("The report cast doubt on the plan.") == []
    assert attribution("The move raised fears of a strike.") == []
    assert attribution("Residents fear the worst.") == [("belief_verb", "fear")]


def test_a_verb_before_a_reporting_word_ends_no_speaker():
    assert attribution("The move raised warnings at the port, and the plan delayed reports for months.") == []


def test_inverted_speaker_followed_by_a_tail():
    for s in ('"We will win," said Jane Roe at the rally.', '"We will win," said Jane Roe on Friday.',
              '"We will win," said Jane Roe to reporters.'):
        assert attribution(s) == [("inverted_reporting", "said")], s
        assert sources(s) == [("Jane Roe", "named_person")], s
    assert attribution("The plan, said to cost millions, was dropped.") == [("passive_report", "said")]


def test_posted_only_on_a_platform():
    assert attribution("The bank posted a loss of three million.") == []
    assert attribution("Ann Kell posted on Facebook that the road was shut.") == [("reporting_verb", "posted on")]


def test_agency_tags_and_papers_spoken_to_are_outlets():
    an = read("DOVER (Wirepress) — The ferry did not sail on Monday.")
    assert [(s.text, s.type) for s in an.sources] == [("Wirepress", "outlet")]
    assert ("Wirepress", "outlet") in sources("Several drivers who spoke to Wirepress said they were tired.")


def test_no_speaker_from_inside_a_clause():
    s = 'One, who gave only his first name, Tom, said: "Nobody tells us anything."'
    # the speaker is "One" with the clause that describes him, not "his first name" inside it
    assert [x for x, _ in sources(s)] == ["One, who gave only his first name, Tom"]


def test_someone_described_by_a_who_clause_speaks():
    """relative_head: an indefinite phrase and its who-clause, however long, do the saying."""
    s = ("One driver who has worked at the depot for 17 years, and who asked not to be named because "
         "he feared for his job, said colleagues had taken second jobs.")
    assert sources(s) == [(s[:s.index(", said")], "anonymous")]
    s = "A builder who buys his padlocks from me says he now parks at the retail park."
    assert sources(s) == [("A builder who buys his padlocks from me", "anonymous")]
    s = "One worker on that job, who asked not to be named, said the digging stopped short."
    assert [x for x, _ in sources(s)] == ["One worker on that job, who asked not to be named"]
    # false friends: the verb is the clause's own, or a name opens the sentence (found the usual way)
    assert sources("A customer who is quoted £159 may well buy a new phone.") == []
    assert attribution("A customer who is quoted £159 may well buy a new phone.") == []
    assert sources("Mary Kerr, who has lived here for years, said the road floods.") == [
        ("Mary Kerr", "named_person")]
    assert sources("A firm that built it said the bridge was safe.") == []  # "that": only "who" describes a person


def test_more_news_speakers():
    s = "Yet the cabinet member for transport, Cllr Ray Dunn, told a meeting that the plan was too dear."
    assert sources(s) == [("the cabinet member for transport, Cllr Ray Dunn", "named_person")]
    assert sources("Some will argue that the money should go to buses.") == [("Some", "vague")]
    s = "A letter from the Chamber of Commerce, seen by the Herald, urges the council to think again."
    assert sources(s)[0] == ("A letter from the Chamber of Commerce", "institution")
    assert attribution("The river rose, told the council to act and then fell.") == []


def test_named_person_of_a_body_and_plural_possessive_names():
    assert sources('"Nobody is held to account," said Mia Ford of the Tarn Trust.') == [
        ("Mia Ford of the Tarn Trust", "named_person")]
    assert sources('The National Farmers\' Union called the study "one-sided".') == [
        ("The National Farmers' Union", "institution")]


def test_a_single_name_after_said_is_a_person():
    assert sources('"We will win," said Kell.') == [("Kell", "named_person")]


@pytest.mark.parametrize("sentence, source", [
    ("The mayor's answer was that the road may close.", "The mayor"),
    ("The minister's reply: “We will not resign.”", "The minister"),
])
def test_a_listed_role_owning_a_speech_word_is_the_source(sentence, source):
    assert source in [s for s, _ in sources(sentence)]


def test_an_unlisted_owner_of_a_speech_word_is_no_source():
    assert sources("The plan's answer was that costs may fall.") == []


# -- "…, Reuters reports.": a reporting word closing the sentence after a source's name --------

@pytest.mark.parametrize("sentence, source", [
    ("Flooding closed the coast road, the Harbour Gazette reports.", "the Harbour Gazette"),
    ("The talks ended without a deal, Reuters reports.", "Reuters"),
    ("“It is over,” the newspaper reports.", "the newspaper"),
    ("Prices rose again in March, officials report.", "officials"),
])
def test_a_reporting_word_closing_the_sentence_after_a_source_is_a_verb(sentence, source):
    assert source in [s for s, _ in sources(sentence)]
    assert one(sentence).labels[:1] == ("attribution",)


@pytest.mark.parametrize("sentence, word", [
    ("The council published the annual reports.", "reports"),
    ("Nobody had read the full report.", "report"),
    ("Nobody saw the company's reports.", "reports"),
    ("It simply lists his claims.", "claims"),
    ("The minister said nothing about the Gazette reports.", "reports"),
])
def test_a_noun_closing_the_sentence_is_no_reporting_verb(sentence, word):
    assert (word, "noun_not_verb") in switched_off(sentence)


@pytest.mark.parametrize("headline", ["Storm Expected on the Coast", "Heavy rain expected on Friday",
                                      "Bridge Thought to Be Unsafe"])
def test_a_headline_participle_of_belief_is_a_passive_without_a_holder(headline):
    """In a headline the word before 'Expected' is what is expected, not who expects it."""
    an = analyze(parse_article(headline + "\n\nThe sky was grey.\n"))
    head = an.sentences[0]
    assert "attribution" in head.labels and "hedge" in head.labels
    assert [e.rule for e in head.evidence if e.label == "attribution"] == ["passive_report"]
    assert head.sources == ()


# --- courts, inquiries and findings (news English in general) -------------------------------

@pytest.mark.parametrize("sentence, rule, cue", [
    ("The court heard that the ferry's brakes had failed twice.", "reporting_verb", "heard that"),
    ("Jurors heard how the driver had ignored two warnings.", "reporting_verb", "heard how"),
    ("The tribunal ruled that the caretaker had been unfairly dismissed.", "reporting_verb", "ruled that"),
    ("The court was told that the ladder had not been checked.", "passive_report", "was told that"),
    ("The watchdog found that bus fares had risen by a third.", "finding_that", "found"),
    ("An inquest found that the climber died in a fall.", "finding_that", "found"),
    ("Researchers find that pupils sleep less before exams.", "finding_that", "find"),
])
def test_courts_and_inquiries_report(sentence, rule, cue):
    assert (rule, cue) in attribution(sentence)


@pytest.mark.parametrize("sentence", [
    "The villagers heard a bang after midnight.",
    "The party ruled out a deal with the greens.",
    "The old king ruled the valley for forty years.",
    "She found that hard to believe.",
    "The inspectors found that odd.",
])
def test_court_words_without_a_report_are_not_attribution(sentence):
    assert attribution(sentence) == []


def test_a_ruling_is_the_source_and_its_judgement_is_the_courts():
    sa = one("The tribunal ruled that the dismissal was unfair.")
    assert ("The tribunal", "institution") in sources("The tribunal ruled that the dismissal was unfair.")
    assert "opinion" not in sa.labels  # "unfair" is the tribunal's finding, not the writer's verdict


def test_found_that_with_a_pronoun_is_not_a_source():
    s = "He found that the door was locked."
    assert attribution(s) == []
    assert ("found", "not_a_document") in switched_off(s)


def test_a_document_still_finds_without_that():
    assert ("evidence_verb", "found") in attribution("A new study found a link between screens and sleep.")
    assert attribution("The police found a car near the river.") == []


def test_the_body_after_a_documents_aside_belongs_to_it():
    s = "The documents, seen by the Gazette, show the deal was signed in May."
    assert ("evidence_verb", "show") in attribution(s)
    assert sources(s)[0][0].startswith("The documents, seen by the Gazette")


# --- plain forms after a group, with 'that' where the verb also takes an object ----------------

@pytest.mark.parametrize("sentence, cue, source", [
    ("Officials deny that the report was leaked.", "deny", "Officials"),
    ("Critics note that the bridge has closed twice.", "note", "Critics"),
    ("Residents complain that the buses are late.", "complain", "Residents"),
    ("Lawyers for the family contend that the school was negligent.", "contend", "Lawyers for the family"),
    ("Campaigners acknowledge that the law has helped.", "acknowledge", "Campaigners"),
    ("Prosecutors allege the firm hid its losses.", "allege", "Prosecutors"),
    ("Doctors caution that the sample was small.", "caution", "Doctors"),
])
def test_plain_reporting_forms_after_a_group(sentence, cue, source):
    found = attribution(sentence)
    assert len(found) == 1 and found[0][0] == "reporting_verb" and found[0][1].split()[0] == cue
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence", [
    "The firms maintain the roads.",
    "Nurses confirm appointments by phone.",
    "Remember to note the date.",
    "Hospitals admit patients at night.",
    "Families contend with long queues.",
    "The note was left on the table.",
])
def test_plain_forms_with_an_ordinary_object_are_not_attribution(sentence):
    assert attribution(sentence) == []


# --- a thing cannot speak ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, verb", [
    ("The row threatens to overshadow the summit.", "threatens"),
    ("The scheme promises to cut waiting times.", "promises"),
    ("The scandal threatened to engulf the party.", "threatened"),
])
def test_a_thing_that_threatens_is_not_a_speaker(sentence, verb):
    assert attribution(sentence) == []
    assert (verb, "thing_not_speaker") in switched_off(sentence)
    assert sources(sentence) == []


@pytest.mark.parametrize("sentence, source", [
    ("The union threatens to strike next week.", "The union"),
    ("Protesters threatened to block the road.", "Protesters"),
    ("The minister promises to cut bus fares.", "The minister"),
    ("The mayor threatened to resign.", "The mayor"),
])
def test_people_and_bodies_who_threaten_still_speak(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


# --- an aside saying how or when the words were given -------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("The club, in a statement, said the pitch was unsafe.", "The club"),
    ("Ann Kell, at a briefing on Monday, told reporters the pitch was unsafe.", "Ann Kell"),
    ("The club, for its part, said the pitch was unsafe.", "The club"),
])
def test_speaker_before_an_aside_on_how_the_words_came(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


def test_an_aside_before_an_ordinary_verb_gives_no_speaker():
    assert attribution("The plan, in its current form, is rushed.") == []


# --- public judgements and answers to a claim ------------------------------------------------

@pytest.mark.parametrize("sentence, cue, source", [
    ("The head teacher criticised the new timetable.", "criticised", "The head teacher"),
    ("The opposition condemned the attack on the depot.", "condemned", "The opposition"),
    ("The mayor blamed the council for the delay.", "blamed", "The mayor"),
    ("The bus company apologised for the delays.", "apologised", "The bus company"),
    ("The firm rejected the allegations.", "rejected", "The firm"),
    ("Officials dismissed suggestions that the pier was unsafe.", "dismissed", "Officials"),
    ("The minister brushed aside questions about the pier.", "brushed aside", "The minister"),
])
def test_judgements_and_answers_are_attributed(sentence, cue, source):
    assert attribution(sentence) == [("reporting_verb", cue)]
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence, verb, rule", [
    ("The court rejected the appeal.", "rejected", "rebuttal_needs_claim"),
    ("Voters rejected the plan by a wide margin.", "rejected", "rebuttal_needs_claim"),
    ("The judge dismissed the case.", "dismissed", "rebuttal_needs_claim"),
    ("The manager was dismissed last month.", "dismissed", "rebuttal_needs_claim"),
    ("The crash was blamed on ice.", "blamed", "passive_participle"),
    ("The plan has been widely criticised.", "criticised", "no_subject"),
])
def test_rejecting_a_thing_or_a_passive_without_by_is_not_attribution(sentence, verb, rule):
    assert attribution(sentence) == []
    assert (verb, rule) in switched_off(sentence)


# --- the passive: the speaker after 'by' -----------------------------------------------------

@pytest.mark.parametrize("sentence, cue, source", [
    ("The arrests were confirmed by police on Monday.", "confirmed", "police"),
    ("The plan was widely criticised by teachers.", "criticised", "teachers"),
    ("The claims have been denied by the company.", "denied", "the company"),
    ("She was told by doctors that she would recover.", "told", "doctors"),
])
def test_a_passive_reporting_verb_names_its_speaker_after_by(sentence, cue, source):
    assert attribution(sentence) == [("passive_by", cue)]
    assert (source, ) == tuple(s for s, _ in sources(sentence) if s == source)


@pytest.mark.parametrize("sentence", [
    "He was questioned by police on Monday.",
    "The town was threatened by floods.",
    "The data will be posted online by the end of November.",
    "Any strike will be countered by the air defence system.",
    "The letter was written by a pupil.",
])
def test_a_passive_with_by_and_no_speaker_is_not_attribution(sentence):
    assert attribution(sentence) == []
    assert sources(sentence) == []


# --- a document must be the head of what shows or finds ---------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("A survey of 2,000 adults shows support for the ferry falling.", "A survey of 2,000 adults"),
    ("The survey results show support for the ferry falling.", "The survey results"),
    ("The census data show the town grew.", "The census data"),
])
def test_a_document_at_the_head_shows(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["evidence_verb"]
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence, verb", [
    ("The report card shows a B in maths.", "shows"),
    ("The survey team found a bug in the app.", "found"),
])
def test_a_document_word_describing_something_else_does_not_show(sentence, verb):
    assert attribution(sentence) == []
    assert (verb, "not_a_document") in switched_off(sentence)


# --- what a paper found out, what emerged, what someone went on to say ------------------------

@pytest.mark.parametrize("sentence, rule, source", [
    ("The Gazette understands that the pier will close.", "reporting_verb", "The Gazette"),
    ("The Gazette has learned that the pier will close.", "reporting_verb", "The Gazette"),
    ("Ann Kell went on to say that the pier would close.", "reporting_verb", "Ann Kell"),
    ("It emerged on Monday that the pier would close.", "passive_report", None),
])
def test_found_out_emerged_went_on_to_say(sentence, rule, source):
    assert [r for r, _ in attribution(sentence)] == [rule]
    assert [s for s, _ in sources(sentence)] == ([source] if source else [])


@pytest.mark.parametrize("sentence", [
    "She learned to swim in the harbour.",
    "A seal emerged on the rocks.",
    "The lifeguards went on to win the race.",
])
def test_learning_and_emerging_without_news_are_not_attribution(sentence):
    assert attribution(sentence) == []


def test_a_headline_verb_before_of_is_a_verb():
    an = analyze(parse_article("Crew warns of strikes on the ferry\n\nThe ferry sailed.\n"))
    assert [(e.rule, e.text) for e in an.sentences[0].evidence if e.label == "attribution"] == [
        ("reporting_verb", "warns")]


@pytest.mark.parametrize("sentence, rule, source", [
    ("“Who pays?” one resident asked at the meeting.", "reporting_verb", "one resident"),
    ("“Why now?” asked Ann Kell.", "inverted_reporting", "Ann Kell"),
    ("Many residents wondered whether the pier was safe.", "reporting_verb", "Many residents"),
])
def test_a_question_and_who_asked_it(sentence, rule, source):
    assert [r for r, _ in attribution(sentence)] == [rule]
    assert sources(sentence)[0][0] == source


def test_asked_in_the_passive_gives_no_speaker():
    s = "She was asked by police to leave the pier."
    assert attribution(s) == []
    assert ("asked", "no_subject") in switched_off(s)


# --- more ways a speaker comes before the verb -------------------------------------------------

@pytest.mark.parametrize("sentence, source", [
    ("Kell and Bell both said the pier was unsafe.", "Kell and Bell"),
    ("Ann Kell, along with two other engineers, said the pier was unsafe.", "Ann Kell"),
    ("Most residents, however, say the pier is safe.", "Most residents"),
    ("Some residents, though, say the pier is safe.", "Some residents"),
    ("Kell's team said the pier was unsafe.", "Kell's team"),
])
def test_more_speakers_before_the_verb(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence", [
    "The pier, however, stayed open.",
    "Kell's decision angered fans.",
    "Kell's claims were rejected.",
])
def test_an_aside_or_a_possessive_alone_gives_no_speaker(sentence):
    assert attribution(sentence) == []


# --- how the words were said ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("“We will fight,” she joked.", "joked"),
    ("“We will fight,” he shouted.", "shouted"),
    ("“We will fight,” she lamented.", "lamented"),
    ("The mayor assured residents that the pier was safe.", "assured"),
    ("“We will fight,” she continued.", "continued"),
    ("‘We will fight’, she continued.", "continued"),
    ("“Stop the ferry!” cried a man on the pier.", "cried"),
    ("She went on: “We will fight.”", "went on"),
])
def test_ways_of_saying_are_attributed(sentence, cue):
    assert [c for _, c in attribution(sentence)][:1] == [cue]


@pytest.mark.parametrize("sentence, verb", [
    ("The strike continued for a week.", "continued"),
    ("The baby cried all night.", "cried"),
    ("The talks went on all night.", "went on"),
])
def test_speaking_words_away_from_a_quotation_are_not_attribution(sentence, verb):
    assert attribution(sentence) == []
    assert (verb, "quote_only_verb") in switched_off(sentence)


@pytest.mark.parametrize("sentence, cue, source", [
    ("“Stop the ferry!” cried a man on the pier.", "cried", ("a man", "anonymous")),
    ("“Why now?” asked a woman at the meeting.", "asked", ("a woman at the meeting", "anonymous")),
    ("The pier is unsafe, warned the engineers.", "warned", ("the engineers", "vague")),
])
def test_an_unnamed_speaker_after_the_verb(sentence, cue, source):
    assert attribution(sentence) == [("inverted_reporting", cue)]
    assert sources(sentence) == [source]


def test_no_speaker_after_a_verb_with_an_object():
    assert attribution("He left, told nobody.") == []


# --- a time phrase or an adverb between the speaker and the verb; confidence and hope -----------

@pytest.mark.parametrize("sentence, source", [
    ("Officials on Tuesday said the pier was safe.", "Officials"),
    ("The mayor last week said the pier was safe.", "The mayor"),
    ("The company earlier this year said the pier was safe.", "The company"),
    ("The police late last night said the pier was safe.", "The police"),
    ("Officials at the time said the pier was safe.", "Officials"),
    ("The council has since said the pier was safe.", "The council"),
    ("The harbour board has always insisted that the pier was safe.", "The harbour board"),
])
def test_time_between_speaker_and_verb(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence) and sources(sentence)[0][0] == source


def test_a_time_phrase_is_not_the_speaker():
    assert sources("On Monday Jane Roe said the pier was safe.")[0][0] == "Jane Roe"
    assert attribution("She has since left the town.") == []


@pytest.mark.parametrize("sentence, source", [
    ("The club is confident that the deal will go ahead.", "The club"),
    ("Ann Kell remains confident that the pier will reopen.", "Ann Kell"),
    ("Residents are hopeful that the pier will reopen.", "Residents"),
])
def test_someones_confidence_or_hope_is_attributed(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["belief_verb"]
    assert sources(sentence)[0][0] == source


def test_the_writers_own_confidence_is_not_attribution():
    assert attribution("We are confident that the pier is safe.") == []
    assert ("are confident that", "first_person_belief") in switched_off("We are confident that the pier is safe.")


@pytest.mark.parametrize("sentence, verb", [
    ("A fire blamed on faulty wiring destroyed the shop.", "blamed"),
    ("The man accused of theft appeared in court.", "accused"),
    ("The council, criticised for the delay, met on Monday.", "criticised"),
])
def test_a_verb_describing_who_is_blamed_is_not_a_speaker(sentence, verb):
    assert attribution(sentence) == []
    assert (verb, "passive_participle") in switched_off(sentence)


@pytest.mark.parametrize("sentence", [
    "Kell accused the council of lying about the pier.",
    "The mayor blamed the council for the delay.",
])
def test_blaming_someone_is_still_attributed(sentence):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]


def test_the_rules_that_apply_are_not_a_ruling():
    assert attribution("The club rules that apply here are strict.") == []


@pytest.mark.parametrize("sentence, source", [
    ("As the engineer put it, the pier is finished.", "the engineer"),
    ("Ann Kell put it bluntly: the pier is finished.", "Ann Kell"),
    ("As one resident put it: “The pier is a joke.”", "one resident"),
])
def test_how_someone_put_it(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["reporting_verb"]
    assert sources(sentence)[0][0] == source


@pytest.mark.parametrize("sentence", [
    "She put it on the table.",
    "He picked up the cup and put it, carefully, on the shelf.",
])
def test_putting_a_thing_somewhere_is_not_attribution(sentence):
    assert attribution(sentence) == []


@pytest.mark.parametrize("sentence, tag", [
    ("WASHINGTON, March 3 (AP) — The Senate passed the ferry bill on Tuesday.", "(AP)"),
    ("LONDON, Monday (Reuters) - The ferry bill passed.", "(Reuters)"),
])
def test_a_dateline_with_a_date_credits_the_agency(sentence, tag):
    assert attribution(sentence) == [("agency_tag", tag)]


def test_brackets_inside_a_sentence_are_no_dateline():
    assert attribution("The vote, held in May (AP) - passed.") == []


def test_a_tally_shows():
    assert attribution("The bill passed, a Reuters tally showed.") == [("evidence_verb", "showed")]


@pytest.mark.parametrize("sentence, cue", [
    ("It was announced that the pier would close.", "announced"),
    ("It has been confirmed that the pier will close.", "confirmed"),
])
def test_it_was_announced_that_reports_news_without_a_source(sentence, cue):
    assert attribution(sentence) == [("passive_report", cue)]
    assert sources(sentence) == []


def test_it_was_and_that_without_a_reporting_verb_is_not_attribution():
    assert attribution("It was a relief that the pier stayed open.") == []


@pytest.mark.parametrize("sentence, rule, source", [
    ("A new poll puts the Greens at 40 per cent.", "evidence_verb", "A new poll"),
    ("The survey, carried out by the firm Tallow, put support for the ferry at 52 per cent.", "evidence_verb",
     "The survey, carried out by the firm Tallow"),
    ("Police put the number of injured at 40.", "reporting_verb", "Police"),
])
def test_putting_a_figure_at_a_number_gives_its_source(sentence, rule, source):
    assert [r for r, _ in attribution(sentence)] == [rule]
    assert sources(sentence)[0][0] == source


def test_putting_a_thing_at_a_place_is_not_attribution():
    assert attribution("She put the book at the end of the shelf.") == []


# --- third round: bare plural speakers, a verb after a longer action, polls and filings ------------

@pytest.mark.parametrize("sentence, source", [
    ("Trains stopped for the day, leaving thousands stranded, operators said.", ("operators", "vague")),
    ("The storm is moving east, but forecasters said it could bring more rain.", ("forecasters", "vague")),
    ("Deliveries to shops, which peak in autumn, would suffer, shipping agents said.", ("shipping agents", "vague")),
    ("The company does not dispute the figure but says drivers there work longer shifts.",
     ("The company", "institution")),
    ("Police closed the coast road and urged drivers to stay at home.", ("Police", "institution")),
])
def test_a_plural_group_or_a_speaker_of_a_longer_action_does_the_saying(sentence, source):
    assert "reporting_verb" in [r for r, _ in attribution(sentence)]
    assert sources(sentence)[0] == source


def test_a_singular_word_after_a_comma_is_no_group_of_speakers():
    assert sources("In the end, the business said nothing.") != [("business", "vague")]


@pytest.mark.parametrize("sentence, source", [
    ("A poll of 812 voters, carried out for the Courier, put Okafor on 38 percent.",
     "A poll of 812 voters, carried out for the Courier"),
    ("The filing shows that the plant built 410,000 machines last year.", "The filing"),
])
def test_polls_and_filings_as_documents(sentence, source):
    assert [r for r, _ in attribution(sentence)] == ["evidence_verb"]
    assert sources(sentence) == [(source, "institution")]
    assert attribution("The referee put the ball on the spot.") == []


def test_a_paper_speaking_of_itself_gives_its_own_view_not_a_source():
    s = "This newspaper believes the plan is a mistake."
    assert attribution(s) == [] and sources(s) == []
    assert "opinion" in one(s).labels
    assert [r for r, _ in attribution("The newspaper believes the plan is a mistake.")] == ["belief_verb"]


@pytest.mark.parametrize("sentence", [
    "She did not say whether any of the schools were among the ten.",
    "Police would not say whether they had spoken to him.",
    "The council has not said what will happen to the hall.",
])
def test_a_source_that_says_nothing_gives_no_attribution(sentence):
    assert attribution(sentence) == []
    assert "negated_report" in [r for _, r in switched_off(sentence)]


@pytest.mark.parametrize("sentence, source", [
    ("Det. Insp. Ann Kell, of Tarn Police, told reporters the cause was unknown.", "Det. Insp. Ann Kell"),
    ("Ben Carrick, 29, who travelled on one of the club's four coaches, was more forgiving: “We lost.”",
     "Ben Carrick"),
    ("Ann Kell, 78, who volunteers at the food bank, put it more simply: “I stay at home.”", "Ann Kell"),
])
def test_an_of_aside_an_aside_before_a_colon_and_put_it_more_simply(sentence, source):
    assert attribution(sentence)
    assert sources(sentence)[0] == (source, "named_person")


@pytest.mark.parametrize("sentence, source", [
    ("In a statement, its chief executive, Ann Kell, said the ruling was wrong.", "its chief executive, Ann Kell"),
    ("Last week the Product Safety Council, the body that tests goods, warned that fires had risen.",
     "the Product Safety Council"),
])
def test_a_speaker_after_an_opening_phrase_and_before_an_aside(sentence, source):
    assert attribution(sentence)
    assert sources(sentence)[0][0] == source


# --- the rounds of 2026-12-01: invented sentences, then what dev40-dev54 showed once read ----------

@pytest.mark.parametrize("sentence, expected", [
    # agree/disagree, point to, hold that, by most accounts (reporting_verbs.csv)
    ("Not everyone agrees.", [("Not everyone", "vague")]),
    ("Economists disagree about the cause of the slump.", [("Economists", "vague")]),
    ("Supporters point to a mill that reopened in 2015.", [("Supporters", "vague")]),
    ("Tradition holds that the mill was built in 1790.", [("Tradition", "vague")]),
    ("Local accounts hold that the cottages were free of rent.", [("Local accounts", "vague")]),
    ("The court held that the search was lawful.", [("The court", "institution")]),
    ("Wren is, by most accounts, the last builder of the skiff.", [("by most accounts", "vague")]),
    ("Ms. Okafor rejected that view on the call.", [("Ms. Okafor", "named_person")]),
    ("Ann Roe kept her rating, calling the sell-off “an overreaction”.", [("Ann Roe", "named_person")]),
    # read/reads next to a quotation (quote_only_verbs.csv); after a subject pronoun a verb is no noun
    ("“Tomas remains under contract,” the statement read.", [("the statement", "institution")]),
    ("“It was the finest thing in the world,” she recalls.", []),
    # "another" speaks (subject_pronouns.csv); a month shortened in a wire dateline
    ("One adviser said the deal was close; another said it was dead.",
     [("One adviser", "anonymous"), ("another", "anonymous")]),
    ("PORTVALE, Nov 30 (Northwire) - The two countries reopened talks on Monday.", [("Northwire", "outlet")]),
    # findings (finding_subjects.csv), reactions, reminders, a tone of voice
    ("The researchers found no sign of kidney damage.", [("The researchers", "vague")]),
    ("Inspectors found damp in every flat.", [("Inspectors", "vague")]),
    ("The charity welcomed the results.", [("The charity", "institution")]),
    ("Judge Mary Quill reminded jurors not to discuss the case.", [("Judge Mary Quill", "named_person")]),
    ("Tobias Renard of Halden Securities struck a more sceptical note.",
     [("Tobias Renard of Halden Securities", "named_person")]),
    # who the speakers are: people as a group, one of them, a firm's or a body's name
    ("People on Mill Lane said they heard a loud crack.", [("People on Mill Lane", "vague")]),
    ("One of the people said the talks had stalled.", [("One of the people", "anonymous")]),
    ("Ostley Mutual said it had received 74 claims.", [("Ostley Mutual", "institution")]),
    ("The Kestrelhaven Fishermen's Association welcomed the report.",
     [("The Kestrelhaven Fishermen's Association", "institution")]),
    # ", who said" / ", which reported": the name before the comma speaks (relative_antecedent)
    ("Shares fell at Dorrel, which said profit had halved.", [("Dorrel", "institution")]),
    ("The mayor met Ann Lee, who said the plan was rushed.", [("Ann Lee", "named_person")]),
    ("One broker in the town, who asked not to be named, said premiums would rise.",
     [("One broker in the town, who asked not to be named", "anonymous")]),
    ("A researcher based in Wrenbury, who said she found the files, alerted the firm.", []),
    ("He had received one reply, which promised the work would be done.", []),
    # after dev55-dev59 were read: a role after a name without "a"/"the"; ", but said"; hails;
    # advise X to; broadly welcomed it; a study projects (document_only_verbs.csv)
    ("Margit Selwood, deputy for Eastwick, said she backed the bill.", [("Margit Selwood", "named_person")]),
    ("Ann Roe, chief executive of Tarvex, said profit fell.", [("Ann Roe", "named_person")]),
    # after dev225-dev240 were read: a name with its body in the aside, and a title before "Name of Body"
    ("The councillor, Jane Roe of the Green Party, said the plan was weak.",
     [("The councillor, Jane Roe of the Green Party", "named_person")]),
    ("Dr Tom Hale of Carrow University said the plan was weak.", [("Dr Tom Hale of Carrow University", "named_person")]),
    ("She would not give a figure while staff were still checking the stock, but said it was large.", []),
    ("Minister hails “the biggest building programme in a generation”", [("Minister", "anonymous")]),
    ("The regulator and the consumer group advise customers to photograph their meters.",
     [("The regulator and the consumer group", "institution")]),
    ("Tenants’ organisations broadly welcomed it.", [("Tenants’ organisations", "vague")]),
    ("The glacier will lose most of its ice by 2070, the study projects.", [("the study", "institution")]),    # after dev60-dev64 were read: a plural possessive before a listed word, then an aside; an action
    # of up to seven words before "but said"; a view someone holds (reporting_verbs.csv); a bet;
    # a document "published by" a body (attribution_phrases.csv)
    ("The shift workers’ union, the Allied Service Workers, says the cuts are deep.",
     [("The shift workers’ union", "institution")]),
    ("The residents' association said the plan was late.", [("The residents' association", "institution")]),
    ("The regulator declined to comment on any inquiry but said in a statement that it was pleased.",
     [("The regulator", "institution")]),
    ("Not everyone sees it that way.", [("Not everyone", "vague")]),
    ("A few miles downstream, Priya Hallam has a different view.", [("Priya Hallam", "named_person")]),
    ("Traders bet on a rate cut in November.", [("Traders", "vague")]),
    ("Turnout was 38 percent, according to figures published by the electoral office.",
     [("figures published by the electoral office", "institution")]),
    ("Prices rose, figures published by the statistics office showed.", [("the statistics office", "institution")]),
    # a refusal to the reporter is the source's response (reporting_verbs.csv); "did not say" in a
    # statement is not (false_friends.csv, negated_report)
    ("Kestwick Rovers declined to comment on Thursday.", [("Kestwick Rovers", "institution")]),
    ("Police would not confirm whether any property had been recovered.", [("Police", "institution")]),
    ("He declined to say how much the stadium would cost.", []),
    ("The company has suspended orders from the supplier but declined to name it.", [("The company", "institution")]),
])
def test_round_speakers_and_their_sources(sentence, expected):
    sa = one(sentence)
    assert "attribution" in sa.labels
    assert [(s.text, s.type) for s in sa.sources] == expected


@pytest.mark.parametrize("sentence", [
    "The council agrees to pay the bill.",
    "Both sides agree on the need for talks.",
    "Brackley and Fenwood agree $4.1 billion merger",
    "The referee pointed to the spot.",
    "She held the door for the inspectors.",
    "She read the report twice.",
    "The firm issued two recalls.",
    "Both countries recalled their ambassadors for consultations.",
    "The defeat only added to the sense that a move was close.",
    "She opened two bank accounts.",
    "He is a legend of the game.",
    "The town is also called Rye.",
    "The bridge is often closed in winter.",
    "The museum was recently opened by the mayor.",
    "The police found a car near the bridge.",
    "The hotel welcomed 400 guests on Saturday.",
    "The song reminded her of home.",
    "The wall was built for a flood of the size expected once in a hundred years.",
    "The insurer had received 74 claims by Monday lunchtime.",
    "The study adds to a growing body of evidence.",
    "Their bench added little.",
    "Customers who think they have been overcharged should complain to the firm.",
    "The firm projected its logo on the wall.",
    "The delays have held up three offshore projects in the past five years.",
    "The board should think again.",
    "Jurors evidently did not believe him.",
    "He placed a bet on the horse.",
    "The company did not say how many accounts were involved.",
])
def test_round_false_friends_attribute_nothing(sentence):
    assert "attribution" not in one(sentence).labels


@pytest.mark.parametrize("sentence, expected", [
    ("The law gives fishing communities a formal say in such decisions.", []),
    ("Ms. Varno called the interim report “a victory for common sense”.", [("Ms. Varno", "named_person")]),
    ("A few residents say the road is unsafe.", [("A few residents", "vague")]),
    ("A number of parents claim the school is full.", [("A number of parents", "vague")]),
    ("The consultants report that demand is rising.", [("The consultants", "vague")]),
    ("A spokesperson for the council would say only this: members “need more time.”",
     [("A spokesperson for the council", "anonymous")]),
])
def test_a_plain_form_after_one_thing_is_a_noun(sentence, expected):
    """noun_not_verb: "a formal say", "the interim report" cannot be a verb of one thing (a base
    form after "a", or after a phrase naming nobody); plural groups and modals still speak."""
    assert sources(sentence) == expected
    assert ("attribution" in one(sentence).labels) is bool(expected)


@pytest.mark.parametrize("sentence, hedged", [
    ("It is often claimed that the bridge was designed by a woman.", False),
    ("It is generally thought that the town was founded by monks.", True),
    ("It has long been argued that the ban did more harm than good.", False),
    ("The castle is often cited as the finest in the region.", False),
    ("The site is sometimes considered the oldest in the county.", True),
    ("It was widely reported that the pier would close.", False),
    ("Studies have shown that the drug reduces pain.", False),
])
def test_passives_with_often_widely_long_report_unnamed_views(sentence, hedged):
    """Reference-work passives (reporting_verbs.csv, passive; hedges.csv for beliefs): a word
    such as often, generally or long between the auxiliary and the verb keeps the report."""
    sa = one(sentence)
    assert "attribution" in sa.labels
    assert ("hedge" in sa.labels) is hedged


# --- documents seen by an outlet, "what X calls", "by its own estimate", "calculated", "see X as" ---

@pytest.mark.parametrize("sentence, rule, cue, source", [
    ("A draft seen by the Courier sets the fee at £40.", "according_to", "draft seen by", ("the Courier", None)),
    ("Emails obtained by the Post show the deal was agreed in March.", "according_to", "Emails obtained by",
     ("the Post", None)),
    ("The strike began over pay and what the union calls unsafe rotas.", "quote_verb", "calls",
     ("the union", "institution")),
    ("The ferry would cost £9m a year, by its own estimate.", "passive_report", "by its own estimate", None),
    ("By one count, 40 shops on the high street have closed.", "passive_report", "By one count", None),
    ("Closing the depot would save £2m, the institute calculated.", "reporting_verb", "calculated",
     ("the institute", "institution")),
    ("Rail officials point first to the weather.", "reporting_verb", "point first to",
     ("Rail officials", "vague")),
    ("Some investors see the cuts as a step towards a sale.", "belief_verb", "see the cuts as",
     ("Some investors", "vague")),
])
def test_documents_estimates_and_views_name_where_a_claim_comes_from(sentence, rule, cue, source):
    assert_credited(sentence, rule, cue, source)


@pytest.mark.parametrize("sentence, cue, why", [
    ("Drivers see the warning signs as they reach the junction.", "see the warning signs as", "as_when"),
    ("It was a calculated risk.", "calculated", "noun_not_verb"),
    ("The move was calculated to embarrass the mayor.", "calculated", "no_subject"),
])
def test_seeing_as_a_time_and_a_calculated_risk_credit_nobody(sentence, cue, why):
    assert not attribution(sentence)
    assert (cue, why) in switched_off(sentence)


@pytest.mark.parametrize("sentence", [
    "The final was seen by 40,000 people.",
    "The last tram was seen by few passengers.",
])
def test_seen_by_a_crowd_is_not_a_document(sentence):
    assert not attribution(sentence)


@pytest.mark.parametrize("sentence, cue, source", [
    ("The finance report names only two places the money could come from.", "names", "The finance report"),
    ("The survey lists 14 schools in need of repair.", "lists", "The survey"),
    ("The audit identified £2m of waste in the housing budget.", "identified", "The audit"),
    ("The document sets out the terms of the loan.", "sets out", "The document"),
])
def test_a_document_that_names_lists_or_sets_out_is_a_source(sentence, cue, source):
    assert ("evidence_verb", cue) in attribution(sentence)
    assert source in dict(sources(sentence))


@pytest.mark.parametrize("sentence, cue", [
    ("The mayor names her deputy on Monday.", "names"),
    ("Police identified the man as a local builder.", "identified"),
    ("The team sets out at dawn.", "sets out"),
])
def test_a_person_who_names_or_identifies_is_acting_not_citing(sentence, cue):
    assert not attribution(sentence)
    assert (cue, "not_a_document") in switched_off(sentence)


# --- a role in a named body, verdicts given "as", more participles, forecasts, section labels ---

@pytest.mark.parametrize("sentence, rule, cue, source", [
    ("Ann Roe, Tarvex’s head of safety, told reporters in Dunmere that the line was closed.",
     "reporting_verb", "told", ("Ann Roe", "named_person")),
    ("Ann Roe, Tarvex's chief executive, said the plant would stay open.",
     "reporting_verb", "said", ("Ann Roe", "named_person")),
    ("Two outside experts described it as careful but limited.", "reporting_verb", "described",
     ("Two outside experts", None)),
    ("The trade body dismissed the study as “wishful thinking.”", "reporting_verb", "dismissed",
     ("The trade body", None)),
    ("Dr. Ann Roe was more sceptical, pointing out that the clinics saw fewer children.",
     "reporting_participle", "pointing out", None),
    ("The union replied within the hour, conceding that the ballot had been rushed.",
     "reporting_participle", "conceding", None),
    ("The national weather service forecasts highs of 39 degrees on Friday.", "reporting_verb", "forecasts",
     ("The national weather service", None)),
    ("In the paper, the authors write that they could adjust for it only in part.", "reporting_verb",
     "write that they", ("the authors", None)),
])
def test_roles_verdicts_participles_and_forecasts_credit_the_source(sentence, rule, cue, source):
    assert_credited(sentence, rule, cue, source)


@pytest.mark.parametrize("sentence, cue, why", [
    ("Review: ‘The Keeper’ brings a great performance up from the deep", "Review:", "section_label"),
    ("It says something about the town that the library is full.", "says", "says_about_idiom"),
    ("Edwin Marsh wrote the play in 1958, after the valley was flooded.", "wrote", "wrote_a_work"),
    ("Perhaps they should have thought harder about the sound.", "thought", "think_fixed"),
    ("Neither manager could say for certain what the side would be.", "say", "negated_report"),
])
def test_section_labels_idioms_and_works_credit_nobody(sentence, cue, why):
    assert not attribution(sentence)
    assert (cue, why) in switched_off(sentence)


@pytest.mark.parametrize("sentence", [
    "The court dismissed the appeal on Monday.",            # no claim and no "as": a ruling, not an answer
    "The council should write that promise into the contract.",  # "that" points at a noun
])
def test_a_dismissed_appeal_and_write_that_promise_credit_nobody(sentence):
    found = attribution(sentence)
    assert ("reporting_verb", "dismissed") not in found
    assert not any(cue.startswith("write that") for _, cue in found)


@pytest.mark.parametrize("sentence, rule, cue, source", [
    ("The ministry welcomed the study, with a spokesperson saying it was “good news.”",
     "reporting_participle", "saying", "a spokesperson"),
    ("Prices rose again in May, with economists warning of more to come.",
     "reporting_participle", "warning", "economists"),
    ("The theatre’s own archive records that the play closed after nine nights.",
     "evidence_verb", "records that", "The theatre’s own archive"),
    ("Councillor Ann Roe has made the case for the plan in two meetings.",
     "reporting_verb", "has made the case for", "Councillor Ann Roe"),
])
def test_speakers_with_an_ing_form_archives_and_making_the_case(sentence, rule, cue, source):
    assert_credited(sentence, rule, cue, (source, None))


@pytest.mark.parametrize("sentence", [
    "The river rose quickly, with water levels rising by a metre.",
    "If the regulator lets this go with a warning, others will follow.",
    "The shop keeps records that go back to 1890.",
])
def test_with_and_an_ing_form_or_a_record_alone_credit_nobody(sentence):
    assert not attribution(sentence)


@pytest.mark.parametrize("sentence, source", [
    ("Parents at the school have raised concerns about class sizes.", "Parents at the school"),
    ("Several nurses voiced concerns about the new rota.", "Several nurses"),
])
def test_raising_concerns_reports_who_spoke_up(sentence, source):
    assert any(cue.startswith(("raised", "voiced")) for _, cue in attribution(sentence))
    assert source in dict(sources(sentence))


def test_a_move_that_raises_questions_credits_nobody():
    assert not attribution("The move raises questions about the cost.")


# --- documents with longer descriptions, counted speakers, past forecasts, the clause's subject ---

@pytest.mark.parametrize("sentence, rule, cue, source", [
    ("A review of eleven mergers elsewhere in the country, published in 2024 by the Institute, found no change.",
     "evidence_verb", "found", "A review of eleven mergers elsewhere in the country, published in 2024 by the Institute"),
    ("A survey of teachers in the north of England showed most were tired.", "evidence_verb", "showed",
     "A survey of teachers in the north of England"),
    ("A manual count taken over two weeks found about 430 bicycles a day.", "evidence_verb", "found",
     "A manual count taken over two weeks"),
    ("Of those, 22 said their takings had fallen.", "reporting_verb", "said", "22"),
    ("Analysts had expected a cut in March.", "belief_verb", "expected", "Analysts"),
    ("Most economists had forecast the decision.", "reporting_verb", "forecast", "Most economists"),
    ("The Bank of Kalmaria kept its rate at 4.25% on Wednesday, saying inflation was too high.",
     "reporting_participle", "saying", "The Bank of Kalmaria"),
    ("At the launch last week, chief executive Lucan Arkwell went further, telling the audience it was the best.",
     "reporting_participle", "telling", "chief executive Lucan Arkwell"),
    ("Marrow closed the news conference by saying she would wait.", "reporting_participle", "saying", "Marrow"),
    ("Rosa Delveen, director of the Institute for Monetary Studies, an independent group, said the bank was worried.",
     "reporting_verb", "said", "Rosa Delveen"),
    ("Ruth Delacourt, the association's chair, who runs a hardware shop, said trade was down.",
     "reporting_verb", "said", "Ruth Delacourt"),
])
def test_longer_documents_counted_speakers_and_the_clause_subject_credit_the_source(sentence, rule, cue, source):
    assert_credited(sentence, rule, cue, (source, None))


@pytest.mark.parametrize("sentence, cue, why", [
    ("If the tests show a leak, the pipe will be replaced.", "show", "hypothetical_finding"),
    ("Whatever the count shows on Monday, the figures make grim reading.", "shows", "hypothetical_finding"),
    ("The man in the report found a car.", "found", "not_a_document"),
])
def test_a_finding_still_to_come_or_a_document_inside_a_phrase_credits_nobody(sentence, cue, why):
    assert attribution(sentence) == []
    assert (cue, why) in switched_off(sentence)


@pytest.mark.parametrize("sentence, wrong", [
    ("Doreen Achterberg, 71, who has lived opposite the depot since 1983, said she welcomed the homes.", "71"),
    ("In Leeds, the council's leader, who took office in May, said it was bad.", "Leeds"),
    ("The storm closed roads on Monday, saying nothing.", "The storm"),
])
def test_an_age_a_place_or_a_thing_is_not_the_speaker(sentence, wrong):
    assert wrong not in dict(sources(sentence))


@pytest.mark.parametrize("sentence, cue, source", [
    ("The plan assumes that the town can recruit nine more doctors.", "assumes", "The plan"),
    ("The ministry's budget plans assume that rates will fall.", "assume", "The ministry's budget plans"),
])
def test_a_document_that_assumes_something_is_the_source(sentence, cue, source):
    assert_credited(sentence, "evidence_verb", cue, (source, "institution"))


@pytest.mark.parametrize("sentence", [
    "She assumes the worst about the council.",
    "The council plans to shut two libraries.",
    "The launch went according to the team's plan.",
])
def test_a_person_who_assumes_credits_nobody(sentence):
    assert attribution(sentence) == []


def test_counted_groups_and_relative_clauses_do_the_saying():
    # a share of a survey's respondents, counted but not named (issue 9, ninth round)
    assert sources("One in five said they planned to leave nursing.") == [("One in five", "vague")]
    assert sources("More than half said the plan went too far.") == [("More than half", "vague")]
    assert sources("Of those, 46 percent said the plan went too far.") == [("46 percent", "vague")]
    # a plain plural after a relative word
    assert sources("The flats, which surveyors say are prone to damp, will go.") == [("surveyors", "vague")]
    assert sources("In Kestrow, where shops reported no rush, people waited.") == [("shops", "vague")]
    # but a count inside a finding belongs to the document: "found that 14 expect"
    assert [s for s, _ in sources("A survey of 22 economists found that 14 expect a cut.")] == [
        "A survey of 22 economists"]


def test_demands_descriptions_estimates_and_tell_me():
    assert attribution("Campaigners have called for an inquiry.") == [("reporting_verb", "called for")]
    assert attribution("The 64-page document describes a service that was overstretched.") == [
        ("reporting_verb", "describes")]
    assert attribution("The union puts the price at about £18 million a year.") != []
    assert attribution("Colleagues on other wards tell me their nights look the same.") == [
        ("reporting_verb", "tell me")]
    assert attribution("Numbers like these do not tell you what it feels like.") == []


def test_a_firm_named_with_a_possessive_speaks():
    assert sources("Merrifield’s said all deliveries would use the new road.") == [("Merrifield’s", "institution")]
    assert sources("Sainsbury's says sales rose in March.") == [("Sainsbury's", "institution")]
    # a contraction or a possessive before a describing word is no firm
    assert sources("He’s said it before.") == []
    assert attribution("A lock-keeper’s son vanishes in Nell Castellane’s assured, uneven debut.") == []
    assert attribution("The council’s report was late.") == []


def test_a_consultancy_or_think_tank_named_with_its_speaker():
    s = "Marit Dunsany of the consultancy Perrow Economics said sales fell."
    assert sources(s) == [("Marit Dunsany of the consultancy Perrow Economics", "named_person")]
    s = "A think tank, the Wendholm Institute, warned that the plan would fail."
    assert [t for t, _ in sources(s)] == ["A think tank"]
    # a body named after "from", before ", which": the body speaks (not a place)
    s = "The case rests on a report commissioned from the consultancy Ridgeway Partners, which claims it would bring jobs."
    assert sources(s) == [("the consultancy Ridgeway Partners", "institution")]
    # the name right before the comma, not a phrase reaching back to the sentence's start
    s = "The case rests on a report from the bank Ridgeway Partners, which claims the stadium would bring jobs."
    assert sources(s) == [("Ridgeway Partners", "institution")]


def test_a_speaker_opening_a_long_first_clause_speaks_after_and():
    s = ("The fire service recorded 1,120 fires at waste and recycling plants last year and says "
         "batteries may have started half of them.")
    assert sources(s) == [("The fire service", "institution")]
    s = "Forecasters put the chance of snow above 300 metres at 70 percent, and said more was likely."
    assert sources(s) == [("Forecasters", "vague")]
    # a thing put somewhere is still not a report
    assert attribution("He picked up the cup and put it, carefully, on the shelf.") == []
    # the speaker's name, then an aside describing them, then the first verb (coordination._aside_end)
    s = ("Ruth Ambler, a primary school teacher in the village of Lowther Cross, has had hay fever "
         "since she was 14 and says this is the worst summer she can remember.")
    assert sources(s) == [("Ruth Ambler", "named_person")]
    s = ("Callum Breck, whose family has farmed the moss for four generations, joined the scheme "
         "on condition that his flock could stay, but says the ground is too soft.")
    assert sources(s) == [("Callum Breck", "named_person")]


def test_a_quoted_word_inside_an_aside_and_a_named_bodys_rule():
    s = "The document, marked “confidential”, describes a service that was overstretched."
    assert sources(s) == [("The document", "institution")]
    s = "There were 212 households, groups that Cresswold’s own policy says must be visited."
    assert [t for t, _ in sources(s)] == ["Cresswold’s own policy"]


def test_the_pollster_after_surveyed_by_or_in_a_poll_by():
    s = "Of 2,030 adults surveyed by Larkfield Research, 63 percent backed a ban."
    assert [t for t, _ in sources(s)] == ["Larkfield Research"]
    s = "In a poll conducted by Ipsum, 40 percent backed the mayor."
    assert [t for t, _ in sources(s)] == ["Ipsum"]


def test_that_after_a_reporting_verb_is_not_a_relative_clause():
    s = "The spokesman remarked that Nuland’s talks revealed “a growing understanding”."
    assert [t for t, _ in sources(s)] == ["The spokesman"]


def test_made_the_case_reports_an_argument():
    s = "Margaret Hollins, the chief nurse, made that case to the board in January."
    assert sources(s) == [("Margaret Hollins", "named_person")]
    assert attribution("The chair put it to a vote.") == []


def test_who_before_and_speaks_and_admissions_and_notes():
    s = "Morrell, who leads the opposition group on the city council and has said he will stand, spoke."
    assert [t for t, _ in sources(s)] == ["Morrell"]
    assert attribution("Under cross-examination, Holt accepted that her survey took two days.") == [
        ("reporting_verb", "accepted that")]
    assert attribution("A slower process could leave a similar signature, they note.") == [("reporting_verb", "note")]
    assert attribution("Please note the change.") == []


def test_the_other_of_two_sources_speaks():
    assert attribution("The other said officials had resisted any increase.") == [("reporting_verb", "said")]
    assert sources("The other said officials had resisted any increase.") == []


def test_names_after_inverted_speakers_and_document_makers():
    s = "“Every postponed operation is a person,” said its chief executive, Miriam Solberg."
    assert sources(s) == [("its chief executive, Miriam Solberg", "named_person")]
    s = "The hospital treated 1,208 people, according to figures the Stenbury Hospitals Trust released."
    assert [t for t, _ in sources(s)] == ["figures the Stenbury Hospitals Trust"]
    # a capitalised group word inside an organisation's name does not make it vague
    s = "The Union of Hospital Doctors, which says it represents 14,200 doctors, wants a rise."
    assert sources(s) == [("The Union of Hospital Doctors", "institution")]


def test_claims_owned_by_someone_and_urging():
    assert [t for t, _ in sources("Councillor’s claim that crime has doubled is misleading")] == ["Councillor"]
    assert "opinion" in one("Councillor’s claim that crime has doubled is misleading").labels
    assert sources("Scientists urge patience") == [("Scientists", "vague")]
    # a first-person marker is the writer's own stance, not a source
    assert attribution("We would urge the cabinet to do three things.") == []


def test_called_it_with_a_quotation_and_rejected_conclusions():
    s = "Dr Owen Pellow, an ecologist who was not involved, called it “one of the more careful studies”."
    assert ("quote_verb", "called") in attribution(s)
    assert attribution("They called it a day.") == []
    assert attribution("The federation rejected the study’s conclusions on Monday.") == [("reporting_verb", "rejected")]


def test_a_short_tail_after_a_comma_ends_with_a_verb():
    s = "Colonies near treated fields produced a third as many queens, the paper reports."
    assert sources(s) == [("the paper", "institution")]
    assert attribution("Profits fell in the annual report.") == []


def test_a_share_of_a_group_just_mentioned_speaks():
    s = "Some marchers had travelled far, and a number of them said they had never marched before."
    assert sources(s) == [("a number of them", "vague")]
    assert sources("Some of them said the talks were close.") == [("Some of them", "vague")]
    assert sources("One of them said the talks were close.") == [("One of them", "anonymous")]


def test_us_the_country_is_not_a_counted_group():
    assert sources("US has said it will quit the talks.") == [("US", "institution")]


def test_a_described_document_after_according_to():
    s = "According to supplementary material published with the paper, the instrument was still being set up."
    assert [t for t, _ in sources(s)] == ["supplementary material published with the paper"]


def test_research_firms_and_pollsters_are_institutions():
    assert sources("Larkfield Research said 63 percent backed a ban.") == [("Larkfield Research", "institution")]


def test_time_phrases_adverbs_and_more_documents():
    s = "The regional government has in past years urged farmers to harvest in the evening."
    assert sources(s) == [("The regional government", "institution")]
    assert attribution("She often told interviewers that she had wanted to build bridges.") == [("reporting_verb", "told")]
    assert [t for t, _ in sources("The firm’s records list her departure as a retirement.")] == ["The firm’s records"]
    assert attribution("Shoppers list their complaints.") == []
    s = "The bureau's house price index showed prices 1.2 per cent lower."
    assert [t for t, _ in sources(s)] == ["The bureau's house price index"]


def test_court_reports_credit_the_ruling_and_the_evidence():
    s = "The council acted unlawfully when it closed the pool, a High Court judge ruled on Tuesday."
    assert ("reporting_verb", "ruled on") in attribution(s)
    assert sources(s) == [("a High Court judge", "anonymous")]
    assert ("reporting_verb", "ruled.") in attribution("The council acted unlawfully, the judge ruled.")
    s = "The report had reached officers a month before the consultation opened, the court heard, but they kept it back."
    assert ("passive_report", "court heard,") in attribution(s)
    assert ("passive_report", "judge rules") in attribution("Council acted unlawfully in closing pool, judge rules")
    # false friends: ruled out, ruled a country, a decision in someone's favour, a court that heard a case
    for s in ("The minister ruled out a rise in fares.", "The family ruled the valley for two centuries.",
              "She was paid when the ombudsman ruled in her favour.", "The court heard the case in March."):
        assert attribution(s) == [], s


def test_a_two_word_name_called_by_its_first_word_is_an_organisation():
    an = read("Calderwick Software said it would cut 40 jobs.", "Calderwick said the cuts would save money.",
              "Maren Oduya said the cuts were wrong.", "Oduya added that staff were angry.")
    assert [(s.text, s.type) for s in an.sources] == [
        ("Calderwick Software", "institution"), ("Calderwick", "institution"),
        ("Maren Oduya", "named_person"), ("Oduya", "named_person")]
    # a name never shortened, or shortened to its last word, stays a person
    an = read("Maren Oduya said the cuts were wrong.", "Maren Oduya added that staff were angry.")
    assert {s.type for s in an.sources} == {"named_person"}


def test_a_document_with_a_short_aside_before_its_verb():
    s = "Parish rate books, however, show that the tenants paid rent from the start."
    assert attribution(s) == [("evidence_verb", "show")]
    assert sources(s) == [("Parish rate books", "institution")]
    s = "A national poll by Corran Research, by contrast, showed 64 percent support."
    assert sources(s) == [("A national poll by Corran Research", "institution")]
    assert sources("Crestline’s own price list shows a blazer at £58.") == [("Crestline’s own price list", "institution")]
    s = "The firm’s environmental statement, a 900-page document lodged with the application, shows that water use rises."
    assert sources(s) == [("The firm’s environmental statement", "institution")]
    # a person with an aside is no document; a long aside is not skipped
    assert attribution("The man, however, showed his ticket.") == []
    assert attribution("The report, which nobody in the town hall had read, showed a deficit.") != []


def test_a_progressive_reporting_verb_has_its_speaker_before_be():
    s = "Unions are warning that the plan will fail."
    assert attribution(s) == [("reporting_progressive", "warning")]
    assert sources(s) == [("Unions", "vague")]
    assert sources("Campaigners are now calling for an inquiry.") == [("Campaigners", "vague")]
    assert sources("The Civic Party is promising to freeze council tax.") == [("The Civic Party", "institution")]
    # false friends: no reporting verb, a quarrel, a quoted speaker's words, an -ing form after a comma-less noun
    for s in ("Prices are rising.", "The bells are ringing.", "Fans will be arguing about the goal all summer.",
              "The market was busy, traders saying little."):
        assert ("reporting_progressive", s.split()[-2]) not in attribution(s), s
    assert attribution("Fans will be arguing about the goal all summer.") == []
    assert ("promising", "verb_inside_quote") in switched_off("“The minister is promising houses,” he said.")


def test_a_full_name_with_a_possessive_opens_the_sentence():
    assert sources("Alan Meriden’s family said they were overwhelmed.") == [("Alan Meriden’s family", "named_person")]
    assert attribution("Ms Roe’s lawyer said she would appeal.") == [("reporting_verb", "said")]
    # a gerund opening the sentence is no name
    s = "Opening Veldra’s case, its barrister, Jonathan Keble, said the site was poor."
    assert [t for t, _ in sources(s)] == ["its barrister, Jonathan Keble"]


def test_a_product_recall_is_not_a_memory():
    assert attribution("Pellbrook has recalled 14 ready meals from its shelves.") == []
    assert attribution("The dairy recalls its yoghurt after metal fragments were found.") == []
    assert attribution("She recalled that the ward had been full.") == [("reporting_verb", "recalled")]


def test_a_body_or_document_that_records_a_figure_or_proposes():
    assert sources("The report records 1,947 complaints about night flights.") == [("The report", "institution")]
    assert sources("The consultation document proposes a cap of 4,200 flights.") == [
        ("The consultation document", "institution")]
    assert [t for t, _ in sources("The bureau recorded 61,300 sales in the third quarter.")] == ["The bureau"]
    # a verb of recording without a figure, and a past proposal by a person, are not cited here
    assert attribution("The band recorded an album in the church.") == []


# --- outlets named by their name's ending, their description or a journal's title --------------

@pytest.mark.parametrize("sentence, outlet", [
    ("Pryce told the Ashenford Courier that year that the wheel had stopped.", "the Ashenford Courier"),
    ("“It was open,” she told Patchnotes, a technology newsletter that covers security.", "Patchnotes"),
    ("Bellis told the trade journal Structural Review in 1994 that the arches were sound.",
     "the trade journal Structural Review"),
    ("The ice is crystalline, according to a paper published on Monday in the Journal of Planetary Surfaces.",
     "the Journal of Planetary Surfaces"),
])
def test_an_outlet_by_its_ending_description_or_title(sentence, outlet):
    assert (outlet, "outlet") in sources(sentence) or any(
        t == "outlet" and outlet.endswith(x) for x, t in sources(sentence))


def test_a_bare_paper_name_or_a_name_inside_a_longer_name_is_not_an_outlet_mention():
    # "told the Gazette": in the keys, the paper's own name for itself (told us), not a source
    assert [t for _, t in sources("Hale told the Gazette on Friday that he was open to ideas.")] == [
        "institution"]
    s = "The ministry said the offer matched the advice of the independent Pay Review Panel."
    assert all(t != "outlet" for _, t in sources(s))


def test_advice_that_something_be_done_is_reported():
    s = "The commission advised that catches should not exceed 610,000 tonnes."
    assert attribution(s) == [("reporting_verb", "advised that")]
    assert sources(s) == [("The commission", "institution")]
    assert attribution("She advised the minister on transport for ten years.") == []


def test_the_court_or_jury_that_heard_a_fact_is_its_source():
    assert sources("Officers found a knife in a drawer, the court heard.") == [("the court", "institution")]
    s = "A man was stabbed outside a takeaway, a jury at Hartsmoor Crown Court heard on Tuesday."
    assert [x for x, _ in sources(s)] == ["a jury at Hartsmoor Crown Court"]
    assert attribution("The court heard the case in May.") == []


def test_an_apposition_after_one_and_a_place_name_inside_an_unnamed_speaker():
    assert sources("One, a process technician, said the screens clogged.") == [
        ("One, a process technician", "anonymous")]
    s = "A father of three from the Fieldgate estate, who did not give his name, said the walk was unsafe."
    assert sources(s) == [(s[:s.index(", said")], "anonymous")]
    assert [t for _, t in sources("One said it was fine.")] == []  # "One" alone points back


def test_a_second_speaker_after_and_makes_say_a_verb():
    assert attribution("Musicians and a small label say streaming barely covers their costs.") == [
        ("reporting_verb", "say")]
    assert attribution("The survey and their own report side by side tell a story.") == []


def test_a_titled_name_in_an_aside_belongs_to_the_speaker():
    s = "Their chair, the Reverend Margaret Oyelaran, said the board would respond."
    assert sources(s) == [("Their chair, the Reverend Margaret Oyelaran", "named_person")]


def test_recordings_and_models_are_documents_but_the_names_is_a_noun():
    assert sources("The silent recording shows four people on the pavement.") == [
        ("The silent recording", "institution")]
    assert [x for x, _ in sources("Its model assumes that gas prices stay near current levels.")] == ["Its model"]
    assert attribution("She ends with a recording of a resident reading out the names of the farms.") == []


def test_whose_figures_after_by_and_guidance_as_a_document():
    assert sources("The payment cost £212 million, by the department's own figures.") == [
        ("the department's own figures", "institution")]
    assert attribution("Lowland farms, by the same assessment, lose 6 per cent.") == [
        ("passive_report", "by the same assessment")]
    s = "According to the scheme's own guidance, half of the points go to arable measures."
    assert sources(s) == [("the scheme's own guidance", "institution")]
    assert sources("The firm, by its own estimate, lost £4 million.") == []  # "its" points back


def test_nobody_is_no_source():
    assert sources("Nobody believes the part about voluntary departures.") == []
    assert attribution("The scene, in a green nobody asked for, is the finest in the book.") == []
    assert ("believes", "nobody_speaks") in switched_off("Nobody believes the bridge is safe.")
    assert sources("Somebody said the bridge was unsafe.") != []


def test_a_document_saying_something_attributes():
    assert attribution("He handed over a prepared statement saying he had been cornered.") == [
        ("reporting_participle", "saying")]


def test_headline_tails_wire_sources_and_questioning_whether():
    from medialit.detect import analyze

    def head(h):
        sa = analyze(h + "\n\nA dek here\n\nBody sentence here.\n").sentences[0]
        return sa.labels, [(x.text, x.type) for x in sa.sources]
    assert head("Vaccine cuts hospital cases by 71%, maker says") == (("attribution",), [("maker", "vague")])
    assert head("Pupils gain, but parents question whether it can last")[0] == ("attribution",)
    assert head("Ferry suspended, and the harbour is quiet")[0] == ()


@pytest.mark.parametrize("sentence, holder", [
    ("Some providers say the rate is too low, a claim the council rejects.", "the council"),
    ("Parents may be richer, a limitation the study itself acknowledges.", "the study"),
    ("Visits fell by a fifth, a decline the council cites as the main reason.", "the council"),
    ("The budget for flood defences was cut, a charge ministers deny.", "ministers"),
    ("Rents rose by a third, a figure local residents confirmed.", "local residents"),
])
def test_a_claim_and_who_rejects_or_notes_it(sentence, holder):
    assert holder in [x for x, _ in sources(sentence)]


def test_a_claim_held_by_a_pronoun_points_back_and_names_no_one_new():
    s = "Councillors said she had turned the choir into a campaign, a charge she rejected."
    assert ("reporting_verb", "rejected") in attribution(s)  # "rejected" needs a claim: the charge
    assert [x for x, _ in sources(s)] == ["Councillors"]
    # a plain plural on no source list holds no claim
    assert attribution("The road flooded again, a charge repairs deny.") == []


def test_a_claim_holder_is_short_and_needs_a_claim_word():
    s = "The firm said it had not been asked, a claim the council did not dispute when asked on Thursday."
    assert all("when" not in x for x, _ in sources(s))
    assert [x for x, _ in sources("The road flooded again, a problem the council rejects.")] == []


def test_a_ship_named_like_a_paper_is_no_outlet():
    s = "The operator said its other ship, the Fenna Star, would add two crossings a day."
    assert all(t != "outlet" for _, t in sources(s))
    assert ("the Ashenford Courier", "outlet") in sources("Pryce told the Ashenford Courier the wheel had stopped.")


def test_a_promised_thing_and_an_imagined_claimant_cite_no_one():
    assert attribution("The corporations promised for new towns should be given the power to buy land.") == []
    assert attribution("I would be wary of anyone who claims that anything could.") == []
    assert attribution("The minister promised that the towns would be built.") != []


def test_welcoming_backing_or_opposing_a_decision_credits_a_reaction():
    from medialit.detect import analyze
    an = analyze("Headline\n\nBusiness leaders also backed the move.\n\nThe association welcomed the result.\n\n"
                 "He backed the car into the drive.\n")
    got = {sa.sentence.text: sa.labels for sa in an.sentences}
    assert "attribution" in got["Business leaders also backed the move."]
    assert "attribution" in got["The association welcomed the result."]
    assert "attribution" not in got["He backed the car into the drive."]


def test_disputing_a_figure_and_advice_to_a_described_group_are_credited():
    from medialit.detect import analyze
    an = analyze("Headline\n\nCorvane disputes the council's figure for the land.\n\n"
                 "The Health Protection Agency advised people with asthma to carry inhalers.\n\n"
                 "Pay disputes have closed three depots this year.\n")
    got = {sa.sentence.text: sa.labels for sa in an.sentences}
    assert "attribution" in got["Corvane disputes the council's figure for the land."]
    assert "attribution" in got["The Health Protection Agency advised people with asthma to carry inhalers."]
    assert "attribution" not in got["Pay disputes have closed three depots this year."]


# After dev177–dev184 were read: "Another said", a refusal to answer or to respond to a request for
# comment, not disputing a figure, and "by her own account" (reporting_verbs.csv)
@pytest.mark.parametrize("sentence, expected", [
    ("Another said the ward was full by nine.", [("Another", "anonymous")]),
    ("“It is hard to plan,” said another.", [("another", "anonymous")]),
    ("Another, a nurse on the ward, said staff were tired.", [("Another, a nurse on the ward", "anonymous")]),
    ("He declined to answer questions about the plant’s safety record.", []),
    ("The regional government did not respond to a request for comment on Wednesday.",
     [("The regional government", "institution")]),
    ("The ambulance service did not dispute the figures.", [("The ambulance service", "institution")]),
    ("Crestline did not respond to our request for comment.", [("Crestline", None)]),
    # an aside that opens with a short participle before "by" (led by…) is left out of the speaker
    ("Opponents, led by the residents’ association, argued that the site is wrong.", [("Opponents", "vague")]),
    # a first clause in the present before "and says" (Roe runs the shop and says…)
    ("Mary Roe runs the shop and says sales are up.", [("Mary Roe", "named_person")]),
    ("The owner did not reply to questions sent to its office.", [("The owner", None)]),
    ("The orchestra has made no secret of what it wants from her.", [("The orchestra", None)]),
    ("The installers see it differently.", [("The installers", "vague")]),
    ("The road closed as forecasters warned of more rain.", [("forecasters", "vague")]),
    ("Northmarch Police named the pair as Daniel Stenhouse and Isla Marchant.", [("Northmarch Police", "institution")]),
    # a plain plural described by a "who" clause (relative_heads.py)
    ("Lawyers who specialise in data protection said the clinic had broken the law.",
     [("Lawyers who specialise in data protection", "vague")]),
    ("Drivers who use the road said it was dangerous.", [("Drivers who use the road", "vague")]),
    ("According to that report, overdue charges fell.", [("that report", "institution")]),
    ("Sandmark declined to comment, and Tovey did not respond to requests for comment.",
     [("Sandmark", None), ("Tovey", None)]),
    ("The agency’s own flood maps show about 3,100 homes at risk.", [("The agency’s own flood maps", "institution")]),
    ("Minutes of the meeting record that the proposal was deferred.", [("Minutes of the meeting", "institution")]),
    ("The investor presentation sets out plans to close two kitchens.", [("The investor presentation", "institution")]),
    ("Callum Breen, 22, runs its website, and says online orders are up.", [("Callum Breen", "named_person")]),
    ("She became an official in 1983, when, by her own account, the office was a desk and a telephone.", []),
    ("She joined in 2016, and by her own count she has lit the lamp on 2,600 nights.", []),
    ("That is more than 12 ambulances idle all month, by the Examiner’s calculation.",
     [("the Examiner’s calculation", None)]),
    # a group and its reaction opening a sentence (vague_sources.csv, kind reaction): the group is the source
    ("Others were more cautious.", [("Others", "vague")]),
    ("Not all of his colleagues were so restrained.", [("Not all of his colleagues", "vague")]),
    ("Others on the employers’ side were less warm.", [("Others on the employers’ side", "vague")]),
    ("Not everyone was so gloomy.", [("Not everyone", "vague")]),
    # a plural group and a stance people take (vague_sources.csv, kind reaction)
    ("Builders are less confident.", [("Builders", "vague")]),
    ("Some scientists are more cautious.", [("Some scientists", "vague")]),
    ("Other investors were more openly critical of the board.", [("Other investors", None)]),
])
def test_speakers_after_dev177_were_read(sentence, expected):
    sa = one(sentence)
    assert "attribution" in sa.labels
    assert [(s.text, s.type if t else None) for s, (_, t) in zip(sa.sources, expected)] == expected
    assert len(sa.sources) == len(expected)


@pytest.mark.parametrize("sentence", [
    "Another round of talks is planned for May.",
    "I do not dispute that the votes were counted honestly.",
    "He set up on his own account in 1990 and never looked back.",
    "Not everyone on the slipway was sentimental.",   # no word of degree: it describes people
    "The others were more expensive.",                # not at the start of the sentence
    "Prices were more stable in May.",                # a stance only people take
    "Some of that is the cost of success.",
    "Car drivers pay £2.40 each way, and lorries pay £7.80.",
    "The boat, named after her mother, was launched as a ferry.",
    "Customers who think they have been overcharged should complain to the firm first.",
])
def test_not_speakers_after_dev177_were_read(sentence):
    assert "attribution" not in one(sentence).labels
