"""The attribution stage's word sets are data: ``medialit/data/attribution/*.csv``.

Each table is one word set a rule of the attribution stage uses (who does the saying,
which asides to step over, which verbs need a document...). These tests check, for each
table the code reads, that a word on it really decides:
an invented sentence is analysed with the table as it is and again with one word taken
out, and the detector's decision changes.
"""

from pathlib import Path

import pytest
from word_sets import decisions, without

from medialit.datafiles import DATA
from medialit.detect import (attribution, coordination, documents, finite_said, introducers, noun_after, phrases,
                             sources, text)

TABLES = sorted((DATA / "attribution").glob("*.csv"))



@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.name)
def test_every_table_is_read_by_the_detector(path):
    code = "".join(p.read_text(encoding="utf-8") for p in Path(phrases.__file__).parent.glob("*.py"))
    assert f'"{path.name}"' in code, f"no module reads {path.name}"


# -- behaviour: one word per table decides ---------------------------------------------

def test_noun_determiners_make_a_reporting_word_a_noun(monkeypatch):
    s = "The said agreement may be void."
    assert ("noun_not_verb", "said") in decisions(s)["suppressed"]
    without(monkeypatch, phrases, "DETERMINERS", "the")
    assert ("noun_not_verb", "said") not in decisions(s)["suppressed"]


def _typed(sentence):
    from medialit.detect import analyze
    return [(x.text, x.type) for x in analyze("Head\n\n" + sentence + "\n").sources]


def test_staff_of_a_named_body_speak_for_it(monkeypatch):
    s = "Analysts at Hollin & Pryce said prices would fall. The analysts said rents would follow."
    assert _typed(s) == [("Analysts at Hollin & Pryce", "institution"), ("The analysts", "institution")]
    without(monkeypatch, sources, "STAFF_ROLES", "analysts")
    assert _typed(s) == [("Analysts at Hollin & Pryce", "vague"), ("The analysts", "vague")]


def test_staff_prepositions_tie_the_role_to_the_body(monkeypatch):
    s = "Economists with Tolland Partners said rates would fall."
    assert _typed(s) == [("Economists with Tolland Partners", "institution")]
    without(monkeypatch, sources, "STAFF_PREPS", "with")
    assert _typed(s) == [("Economists with Tolland Partners", "vague")]


def test_staff_without_a_named_body_stay_a_vague_group():
    assert _typed("Researchers said the drug worked.") == [("Researchers", "vague")]
    assert _typed("Parents at the school said the plan was wrong.") == [("Parents at the school", "vague")]
    assert _typed("Officials at the command post said the fire had turned.") == [
        ("Officials at the command post", "vague")]
    assert _typed("Transport researchers said traffic had fallen.") == [("Transport researchers", "vague")]


def test_speaker_prepositions_tie_a_body_to_the_speaker(monkeypatch):
    s = "Critics of the new bridge argue it may cost too much."
    assert decisions(s)["sources"] == ["Critics of the new bridge"]
    without(monkeypatch, phrases, "SPEAKER_PREPS", "of")
    assert decisions(s)["sources"] != ["Critics of the new bridge"]


def test_aside_openers_step_over_a_description(monkeypatch):
    s = "Jane Roe, a retired nurse, said the ward may close."
    assert decisions(s)["sources"] == ["Jane Roe"]
    without(monkeypatch, phrases, "APPOSITION_OPENERS", "a")
    assert decisions(s)["sources"] != ["Jane Roe"]


def test_clause_joiners_allow_a_speaker_after_them(monkeypatch):
    s = "The ferry was late, and Roe, a retired nurse, said the ward may close."
    assert decisions(s)["sources"] == ["Roe"]
    without(monkeypatch, phrases, "HEAD_AFTER", "and")
    assert decisions(s)["sources"] != ["Roe"]


def test_relative_openers_step_over_a_clause(monkeypatch):
    s = "Jane Roe, who chairs the board, said the ward may close."
    assert decisions(s)["sources"] == ["Jane Roe"]
    without(monkeypatch, phrases, "RELATIVES", "who")
    assert decisions(s)["sources"] != ["Jane Roe"]


def test_verb_only_words_are_verbs_after_an_adjective(monkeypatch):
    s = "Another local official told reporters the road may close."
    assert decisions(s)["sources"] == ["Another local official"]
    without(monkeypatch, phrases, "VERB_ONLY", "told")
    assert decisions(s)["sources"] != ["Another local official"]


def test_document_joiners_run_over_a_documents_description(monkeypatch):
    s = "A survey by the city council shows that fares rose."
    assert decisions(s)["sources"] == ["A survey by the city council"]
    without(monkeypatch, documents, "DOC_JOINERS", "by")
    assert decisions(s)["sources"] != ["A survey by the city council"]


def test_evidence_skip_words_between_document_and_verb(monkeypatch):
    s = "The report also found that fares rose."
    assert ("evidence_verb", "found") in decisions(s)["evidence"]
    without(monkeypatch, documents, "EVIDENCE_SKIP", "also")
    assert ("evidence_verb", "found") not in decisions(s)["evidence"]


def test_hypothetical_openers_and_document_prepositions(monkeypatch):
    s = "If the tests show a leak, the pipe will be replaced."
    assert ("evidence_verb", "show") not in decisions(s)["evidence"]
    without(monkeypatch, documents, "HYPOTHETICAL_OPENERS", "if")
    assert ("evidence_verb", "show") in decisions(s)["evidence"]
    s = "The man in the report found a car."
    assert ("evidence_verb", "found") not in decisions(s)["evidence"]
    without(monkeypatch, documents, "DOC_PREPOSITIONS", "in")
    assert ("evidence_verb", "found") in decisions(s)["evidence"]


def test_objectless_reporting_verbs_take_a_tail_after_the_speaker(monkeypatch):
    s = "“We will win,” said Roe at the rally."
    assert ("inverted_reporting", "said") in decisions(s)["evidence"]
    without(monkeypatch, attribution, "SAID_WORDS", "said")
    assert ("inverted_reporting", "said") not in decisions(s)["evidence"]


def test_document_only_verbs_need_a_document(monkeypatch):
    s = "The police found a car near the river."
    assert "attribution" not in decisions(s)["labels"]
    without(monkeypatch, attribution, "DOCUMENT_ONLY", "found")
    assert "attribution" in decisions(s)["labels"]


def test_group_openers_belong_to_the_source(monkeypatch):
    s = "Two people familiar with the talks said a deal may come soon."
    assert decisions(s)["sources"] == ["Two people familiar with the talks"]
    without(monkeypatch, attribution, "GROUP_OPENERS", "two")
    assert decisions(s)["sources"] == ["people familiar with the talks"]


def test_group_prepositions_take_in_what_follows(monkeypatch):
    s = "Sources close to the mayor said the plan may fail."
    assert decisions(s)["sources"] == ["Sources close to the mayor"]
    without(monkeypatch, attribution, "GROUP_PREPS", "to")
    assert decisions(s)["sources"] != ["Sources close to the mayor"]


def test_phrase_determiners_open_the_noun_phrase(monkeypatch):
    s = "People familiar with these talks said a deal may come soon."
    assert decisions(s)["sources"] == ["People familiar with these talks"]
    without(monkeypatch, noun_after, "PHRASE_DETS", "these")
    assert decisions(s)["sources"] != ["People familiar with these talks"]


def test_quantity_openers_before_a_name_after_according_to(monkeypatch):
    s = "According to two Harbour Board members, the road may close."
    assert decisions(s)["sources"] == ["two Harbour Board members"]
    without(monkeypatch, noun_after, "QUANTITY_OPENERS", "two")
    assert "attribution" not in decisions(s)["labels"]


def test_said_to_verbs_make_a_passive_report(monkeypatch):
    s = "The ferry, said to be the oldest in the fleet, may be sold."
    assert "attribution" in decisions(s)["labels"]
    without(monkeypatch, attribution, "SAID_TO", "said")
    assert "attribution" not in decisions(s)["labels"]


def test_called_particles_make_called_another_verb(monkeypatch):
    s = "The coach called up “the reserve squad” for the final."
    assert "attribution" not in decisions(s)["labels"]
    without(monkeypatch, attribution, "CALLED_PARTICLES", "up")
    assert "attribution" in decisions(s)["labels"]


def test_view_nouns_give_someones_view(monkeypatch):
    s = "In the minister's view, the bridge may close."
    assert decisions(s)["sources"] == ["the minister"]
    without(monkeypatch, introducers, "VIEW_NOUNS", "view")
    assert decisions(s)["sources"] == []


def test_document_prepositions_run_a_source_on(monkeypatch):
    s = "According to figures released by the city council, fares rose."
    assert decisions(s)["sources"] == ["figures released by the city council"]
    without(monkeypatch, noun_after, "DOCUMENT_PREPS", "by")  # the source stops; "released by" cites the rest
    assert decisions(s)["sources"] == ["figures released", "the city council"]


def test_group_conjunctions_let_a_bare_group_do_the_saying(monkeypatch):
    s = "The mayor is pleased, but most think the plan is weak."
    assert decisions(s)["sources"] == ["most"]
    without(monkeypatch, phrases, "GROUP_CONJUNCTIONS", "but")
    assert decisions(s)["sources"] == []


def test_bare_group_subjects_do_the_saying(monkeypatch):
    s = "Most say the plan is weak."
    assert decisions(s)["sources"] == ["Most"]
    without(monkeypatch, phrases, "BARE_GROUP", "most")
    assert decisions(s)["sources"] == []


def test_document_nouns_show_evidence(monkeypatch):
    s = "A new poll shows that fares rose."
    assert decisions(s)["sources"] == ["A new poll"]
    without(monkeypatch, phrases, "DOCUMENT_NOUNS", "poll")
    assert ("not_a_document", "shows") in decisions(s)["suppressed"]


def test_group_words_open_a_group_of_speakers(monkeypatch):
    s = "Another local driver said the road may close."
    assert decisions(s)["sources"] == ["Another local driver"]
    without(monkeypatch, phrases, "GROUP_WORDS", "another")
    assert decisions(s)["sources"] == []


def test_noun_followers_make_a_reporting_word_a_noun(monkeypatch):
    s = "Reports of damage may be exaggerated."
    assert ("noun_not_verb", "Reports") in decisions(s)["suppressed"]
    without(monkeypatch, attribution, "NOUN_NEXT", "of")
    assert ("noun_not_verb", "Reports") not in decisions(s)["suppressed"]


def test_past_actions_before_and_said(monkeypatch):
    s = "She shook her head and said the road may close."
    assert [r for r, _ in decisions(s)["evidence"] if r != "speculation_modal"][0] != "said_unread_speaker"
    without(monkeypatch, coordination, "PAST_ACTIONS", "shook")
    # no speaker is read before "and said" any more; a finite "said" still reports (rule said_unread_speaker)
    assert ("said_unread_speaker", "said") in decisions(s)["evidence"]


def test_present_actions_before_and_says(monkeypatch):
    s = "Roe is the club's treasurer and says the accounts are sound."
    assert decisions(s)["sources"] == ["Roe"]
    without(monkeypatch, coordination, "PRESENT_ACTIONS", "is")
    assert decisions(s)["sources"] == []


def test_speech_nouns_after_a_possessive(monkeypatch):
    s = "Peskov's answer was that the road may close."
    assert decisions(s)["sources"] == ["Peskov"]
    without(monkeypatch, introducers, "SPEECH_NOUNS", "answer")
    assert decisions(s)["sources"] == []


def test_verb_skip_words_between_speaker_and_verb(monkeypatch):
    s = "A spokesperson would say only that the road may close."
    assert decisions(s)["sources"] == ["A spokesperson"]
    without(monkeypatch, phrases, "VERB_SKIP", "would")
    assert decisions(s)["sources"] == []


def test_first_person_believers_give_the_writers_own_view(monkeypatch):
    s = "We suspect the plan is wrong."  # a belief verb that is not also a first-person opinion marker
    assert "attribution" not in decisions(s)["labels"]
    without(monkeypatch, attribution, "FIRST_PERSON", "we")
    assert "attribution" in decisions(s)["labels"]


def test_passive_holder_words_name_who_holds_the_view(monkeypatch):
    s = "It is widely believed among teachers that the exam will change."
    assert decisions(s)["sources"] == ["teachers"]
    without(monkeypatch, introducers, "HOLDER_WORDS", "among")
    assert decisions(s)["sources"] != ["teachers"]


def test_pointing_words_open_a_source_without_a_name(monkeypatch):
    s = "According to these figures, fares rose."
    assert decisions(s)["sources"] == ["these figures"]
    without(monkeypatch, noun_after, "POINTING_WORDS", "these")
    assert decisions(s)["sources"] == []


def test_thing_verbs_are_switched_off_after_a_thing(monkeypatch):
    s = "The row threatens to overshadow the summit."
    assert ("thing_not_speaker", "threatens") in decisions(s)["suppressed"]
    without(monkeypatch, introducers, "THING_VERBS", "threatens")
    assert ("reporting_verb", "threatens") in decisions(s)["evidence"]


def test_finding_verbs_report_anyones_finding_before_that(monkeypatch):
    s = "The watchdog found that bus fares had risen."
    assert ("finding_that", "found") in decisions(s)["evidence"]
    without(monkeypatch, introducers, "FINDING_VERBS", "found")
    assert ("not_a_document", "found") in decisions(s)["suppressed"]


def test_rebuttal_verbs_need_a_claim(monkeypatch):
    s = "The court rejected the appeal."
    assert ("rebuttal_needs_claim", "rejected") in decisions(s)["suppressed"]
    without(monkeypatch, introducers, "REBUTTAL_VERBS", "rejected")
    assert ("reporting_verb", "rejected") in decisions(s)["evidence"]


def test_claim_nouns_let_a_rejecting_verb_report(monkeypatch):
    s = "The firm rejected the allegations."
    assert ("reporting_verb", "rejected") in decisions(s)["evidence"]
    without(monkeypatch, introducers, "CLAIM_NOUNS", "allegations")
    assert ("rebuttal_needs_claim", "rejected") in decisions(s)["suppressed"]


def test_passive_auxiliaries_put_the_speaker_after_by(monkeypatch):
    s = "The arrests were confirmed by police."
    assert ("passive_by", "confirmed") in decisions(s)["evidence"]
    without(monkeypatch, introducers, "PASSIVE_AUX", "were")
    assert ("no_subject", "confirmed") in decisions(s)["suppressed"]


def test_not_passive_reports_give_no_speaker_after_by(monkeypatch):
    s = "He was questioned by police on Monday."
    assert ("no_subject", "questioned") in decisions(s)["suppressed"]
    without(monkeypatch, introducers, "NOT_PASSIVE_REPORTS", "questioned")
    assert ("passive_by", "questioned") in decisions(s)["evidence"]


def test_quote_only_verbs_need_a_quotation(monkeypatch):
    s = "The strike continued for a week."
    assert ("quote_only_verb", "continued") in decisions(s)["suppressed"]
    without(monkeypatch, introducers, "QUOTE_ONLY_VERBS", "continued")
    assert ("reporting_verb", "continued") in decisions(s)["evidence"]


def test_time_units_and_joiners_are_stepped_over(monkeypatch):
    s = "The mayor last week said the pier was safe."
    assert decisions(s)["sources"] == ["The mayor"]
    without(monkeypatch, text, "TIME_UNITS", "week")
    assert decisions(s)["sources"] != ["The mayor"]


def test_time_joiners_open_a_time_phrase(monkeypatch):
    s = "Officials on Tuesday said the pier was safe."
    assert decisions(s)["sources"] == ["Officials"]
    without(monkeypatch, text, "TIME_JOINERS", "on")
    assert decisions(s)["sources"] != ["Officials"]


def test_opening_clause_words_find_the_speaker_after_the_comma(monkeypatch):
    s = "Asked about the fares, Jane Roe was blunt: “They will rise.”"
    assert decisions(s)["sources"] == ["Jane Roe"]
    without(monkeypatch, introducers, "OPENING_CLAUSE_WORDS", "asked")
    assert decisions(s)["sources"] == []


def test_dash_predicates_let_a_dash_introduce_a_quotation(monkeypatch):
    s = "Jane Roe was blunter — “the pier is finished.”"
    assert decisions(s)["sources"] == ["Jane Roe"]
    without(monkeypatch, introducers, "DASH_PREDICATES", "was")
    assert decisions(s)["sources"] == []


def test_section_labels_are_not_speakers(monkeypatch):
    s = "Review: “a great night out” at the Playhouse"
    assert decisions(s)["sources"] == []
    without(monkeypatch, introducers, "SECTION_LABELS", "review")
    assert decisions(s)["sources"] == ["Review"]


def test_a_document_joiner_of_an_unknown_kind_is_an_error(tmp_path, monkeypatch):
    from medialit.datafiles import DataFileError
    (tmp_path / "document_joiners.csv").write_text(
        "word,kind,explanation\nby,prepositon,'a survey by the council'\n", encoding="utf-8")
    monkeypatch.setattr(documents, "ATTRIBUTION_DATA", tmp_path)
    with pytest.raises(DataFileError, match=r"document_joiners.csv:2: kind must be one of preposition, determiner"):
        documents._document_joiners()


def test_indefinite_openers_keep_a_headline_role_anonymous(monkeypatch):
    import importlib

    from medialit.detect import analyze
    display_roles = importlib.import_module("medialit.detect.display_roles")  # the module, not its function
    text = "A judge says the treasurer lied\n\nJudge Helena Strand said the treasurer had lied.\n"
    assert {s.text: s.type for s in analyze(text).sources}["A judge"] == "anonymous"
    without(monkeypatch, display_roles, "INDEFINITE", "a")
    assert {s.text: s.type for s in analyze(text).sources}["A judge"] == "named_person"


def test_words_before_said_show_it_is_no_report(monkeypatch):
    s = "The plan, which nobody read, is said to cost millions."
    assert "said_unread_speaker" not in [r for r, _ in decisions(s)["evidence"]]
    s = "As said before, the bridge is old."
    assert "attribution" not in decisions(s)["labels"]
    without(monkeypatch, finite_said, "NOT_FINITE_BEFORE", "as")
    assert ("said_unread_speaker", "said") in decisions(s)["evidence"]


def test_a_finite_said_after_an_unread_speaker_is_attribution_with_no_source():
    s = "Two schools near the estate, Tollgate Primary and Rushmere Primary, said pupils would stay in."
    d = decisions(s)
    assert ("said_unread_speaker", "said") in d["evidence"] and "attribution" in d["labels"]
    assert d["sources"] == []
    d = decisions("Only 12 per cent of the 400 pupils asked said they used a chatbot.")
    assert "attribution" in d["labels"]


def test_words_after_says_make_it_a_figure_of_speech(monkeypatch):
    s = "The decision to build in Ollerby, rather than on a cheaper plot, says a great deal about the firm."
    assert "attribution" not in decisions(s)["labels"]
    without(monkeypatch, finite_said, "TELLS_ABOUT", "a great deal")
    assert "attribution" in decisions(s)["labels"]


def test_a_clause_opener_before_said_keeps_it_inside_the_clause(monkeypatch):
    s = "The welder, whom neither side has said it will call, was not in court."
    assert ("said_unread_speaker", "said") not in decisions(s)["evidence"]
    without(monkeypatch, finite_said, "CLAUSE_OPENERS", "whom")
    assert ("said_unread_speaker", "said") in decisions(s)["evidence"]
