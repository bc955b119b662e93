"""Judgements, forecasts and motives that hold on news in general (issue 9, second round):
each error class gets invented sentences where the rule must fire AND false friends where it
must not. Every sentence here is invented; none is taken from the seeds or the development set.

Classes: the writer's judgement after "is" of a plan, argument or piece of evidence (claim
frame), "the most" before a judging word, grades of work and "a heavy blow"; forecasts of an
effect reported from a source (would hurt, will push up); a day or date opening the sentence
before plain "will" (a timetable); hidden motives without a motive word (a pretext, to avoid
scrutiny).
"""

from __future__ import annotations

import pytest
from word_sets import decisions

from medialit.articles import parse_article
from medialit.detect import RULES, analyze


def opinion_rules(sentence: str) -> list[tuple[str, str]]:
    return [(r, t) for r, t in decisions(sentence)["evidence"] if r in (
        "evaluative_frame", "opinion_marker", "loaded_word")]


def speculation(sentence: str) -> list[tuple[str, str]]:
    return [(r, t) for r, t in decisions(sentence)["evidence"] if r.startswith("speculation_")]


# ---------------------------------------------------------------------------
# 1. the writer's judgement with a linking verb or as a noun phrase
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The case against the harbour master is weak.", "weak"),
    ("The evidence for the new drug is thin.", "thin"),
    ("The council's handling of the floods was poor.", "poor"),
    ("The plan to merge the two schools is simply good.", "good"),
    ("The argument for a second runway remains strong.", "strong"),
    ("Its explanation for the delay was flimsy at best.", "flimsy"),
])
def test_a_plan_argument_or_evidence_judged_after_is_is_opinion(sentence, word):
    d = decisions(sentence)
    assert "opinion" in d["labels"]
    assert ("evaluative_frame", word) in d["evidence"]


@pytest.mark.parametrize("sentence, word", [
    ("Demand for steel was weak in the spring.", "weak"),
    ("The pound is strong against the euro.", "strong"),
    ("The family was poor but the children went to school.", "poor"),
    ("The phone signal is weak near the quarry.", "weak"),
    ("The ice on the lake is solid by January.", "solid"),
])
def test_a_measure_or_a_person_after_is_is_described_not_judged(sentence, word):
    d = decisions(sentence)
    assert "opinion" not in d["labels"]
    assert ("evaluative_claim_frame", word) in d["suppressed"]


def test_the_claim_word_must_be_in_the_same_sentence():
    # "plan" ends the sentence before: it does not make the next sentence's weak a judgement
    an = decisions("Nobody mentioned the plan. Demand was weak.")
    assert "opinion" not in an["labels"]


def test_a_judgement_of_the_case_in_a_quotation_is_the_source_s():
    d = decisions("“The case against my client is weak,” the lawyer said.")
    assert "opinion" not in d["labels"]
    assert ("not_author_voice", "weak") in d["suppressed"]


def test_before_a_decision_word_the_claim_words_still_judge():
    assert ("evaluative_frame", "poor") in decisions("Closing the pool was a poor choice.")["evidence"]


@pytest.mark.parametrize("sentence, word", [
    ("The coastal path is the most sensible route for walkers.", "sensible"),
    ("Hers was the least convincing speech of the evening.", "convincing"),
])
def test_the_most_before_a_judging_word_ranks_by_the_writer_s_standard(sentence, word):
    assert ("evaluative_frame", word) in decisions(sentence)["evidence"]


@pytest.mark.parametrize("sentence", [
    "Leeds is the largest city in the region.",
    "March brought the highest rainfall since 1990.",
    "The hospital is the biggest employer in the county.",
    "The most recent figures were published on Tuesday.",
])
def test_descriptive_superlatives_are_not_opinion(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence, phrase", [
    ("The council did a poor job of explaining the cuts.", "did a poor job"),
    ("The school has done a decent job with little money.", "done a decent job"),
    ("The closure of the plant is a heavy blow to the town.", "a heavy blow"),
    ("Losing the final was a bitter blow for the club.", "a bitter blow"),
])
def test_grades_of_work_and_heavy_blows_are_the_writer_s_verdict(sentence, phrase):
    d = decisions(sentence)
    assert "opinion" in d["labels"]
    assert ("opinion_marker", phrase) in d["evidence"]


@pytest.mark.parametrize("sentence", [
    "She found a good job at the bank.",
    "The boxer took a heavy blow to the head in the third round.",
    "“It is a heavy blow for the whole valley,” the mayor said.",
])
def test_false_friends_of_job_and_blow(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


def test_a_physical_blow_is_switched_off_with_its_rule():
    d = decisions("The keeper took a heavy blow to the head.")
    assert ("physical_blow", "a heavy blow") in d["suppressed"]


# ---------------------------------------------------------------------------
# 2. forecasts reported from a source are still speculation
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Analysts said the recall would hurt sales.", "would hurt"),
    ("Officials warned that prices would rise after the flood.", "would rise"),
    ("Farmers fear the new rules will push up costs.", "will push up"),
    ("The bakers' union said the tax would put jobs at risk.", "would put jobs at risk"),
])
def test_a_reported_forecast_of_an_effect_is_speculation(sentence, cue):
    assert "speculation" in decisions(sentence)["labels"]
    assert ("speculation_prediction", cue) in speculation(sentence)


def test_a_reported_forecast_keeps_the_source_voice():
    an = analyze(parse_article("Headline\n\nAnalysts said the recall would hurt sales.\n"))
    sa = an.sentences[-1]
    assert {"attribution", "speculation"} <= set(sa.labels)
    [ev] = [e for e in sa.evidence if e.label == "speculation"]
    assert ev.text == "would hurt" and ev.explanation.endswith("(Voice: source.)")
    an = analyze(parse_article("Headline\n\nThe recall would hurt sales.\n"))
    [ev] = [e for e in an.sentences[-1].evidence if e.label == "speculation"]
    assert "Voice: source" not in ev.explanation


@pytest.mark.parametrize("sentence", [
    "The firm said it would open two stores next year.",
    "The museum said it would reopen its east wing in June.",
    "The firm will open two stores next year, it said.",
])
def test_a_source_s_announced_plan_is_not_speculation(sentence):
    assert "speculation" not in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# 3. false speculation: timetables
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "From Monday, the bus will stop at the station.",
    "On Thursday, the committee will set the budget.",
    "Next week, the council will choose a new leader.",
])
def test_a_date_opening_the_sentence_makes_plain_will_a_timetable(sentence):
    d = decisions(sentence)
    assert "speculation" not in d["labels"]
    assert ("scheduled_event", "will") in d["suppressed"]


def test_the_month_may_after_will_is_a_date():
    # "May" is also the verb may: the month must still mark the planned event
    d = decisions("The committee will set its budget in May.")
    assert "speculation" not in d["labels"] and "hedge" not in d["labels"]
    assert ("scheduled_event", "will") in d["suppressed"]


@pytest.mark.parametrize("sentence", [
    "From Monday, prices will rise by a tenth.",          # a forecast with a date is still one
    "The new bridge will change the town.",                 # no date: a prediction
    "On Monday the mayor, who is ill, will retire.",        # no comma after the date: not an opening
    "Monday, a holiday in most regions, will bring traffic.",  # 'will' is not in the clause after the date
])
def test_an_opening_date_does_not_switch_off_forecasts(sentence):
    assert "speculation" in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# 4. hidden motives without a motive word
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("The inquiry was a pretext for cutting the budget.", "a pretext"),
    ("The review is an excuse to close the library.", "an excuse to"),
    ("The board delayed the report to avoid scrutiny.", "to avoid scrutiny"),
    ("The minister visited the flooded town to save face.", "to save face"),
    ("The sudden tour of the factory was a publicity stunt.", "a publicity stunt"),
])
def test_a_purpose_nobody_can_see_is_speculation(sentence, cue):
    assert ("speculation_hidden", cue) in speculation(sentence)


@pytest.mark.parametrize("sentence", [
    "Crews closed the road to repair it.",
    "The league moved the match to avoid a clash with the final.",
    "The council bought two gritters to keep the roads open.",
])
def test_a_plain_purpose_is_a_fact(sentence):
    assert "speculation" not in decisions(sentence)["labels"]


def test_the_new_rules_are_declared_with_an_explanation():
    for name in ("evaluative_claim_frame", "scheduled_event", "evaluative_frame"):
        assert len(RULES[name]) > 40
    assert "the most" in RULES["evaluative_frame"]
    assert "From Monday" in RULES["scheduled_event"]


# ---------------------------------------------------------------------------
# 2b. the effect of a plan or event (would cut, would save) vs the speaker's own plan
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("A rival bid would cut the ferry subsidy by half, the report said.", "would cut"),
    ("Engineers said the new road would save drivers ten minutes.", "would save"),
    ("The firm said the merger would cut 300 jobs.", "would cut"),
])
def test_the_effect_of_a_plan_is_a_forecast(sentence, cue):
    assert ("speculation_effect", cue) in speculation(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("The bakery said it would cut its prices in January.", "would cut"),
    ("The candidate promised she would reduce waiting lists.", "would reduce"),
])
def test_the_speaker_s_own_plan_is_not_a_forecast(sentence, cue):
    d = decisions(sentence)
    assert "speculation" not in d["labels"]
    assert ("own_plan_effect", cue) in d["suppressed"]


# ---------------------------------------------------------------------------
# 1b. "too" after a linking verb measures against the writer's own standard
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("The council's plan for the harbour is too timid.", "is too timid"),
    ("The response to the floods was far too slow, and the damage is done.", "was far too slow"),
])
def test_too_after_is_is_the_writer_s_judgement(sentence, cue):
    d = decisions(sentence)
    assert "opinion" in d["labels"]
    assert ("opinion_marker", cue) in d["evidence"]


@pytest.mark.parametrize("sentence, cue", [
    ("The pitch was too wet for play on Saturday.", "was too wet"),
    ("The driver was too ill to travel.", "was too ill"),
])
def test_too_with_a_reason_or_result_explains_what_happened(sentence, cue):
    d = decisions(sentence)
    assert "opinion" not in d["labels"]
    assert ("excess_result", cue) in d["suppressed"]


def test_too_in_a_quotation_is_the_source_s():
    d = decisions("“The plan is too timid,” the harbour master said.")
    assert "opinion" not in d["labels"]
    assert ("not_author_voice", "is too timid") in d["suppressed"]


# ---------------------------------------------------------------------------
# voice: a claim before "…, X told the jury" is X's, like one before "…, X said"
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The plan is a blunder, the prosecutor told the jury.",
    "The plan is a blunder, the coach told reporters.",
    "The evidence against him is strong, the prosecutor told an inquiry.",
])
def test_a_judgement_before_told_someone_is_the_speaker_s(sentence):
    d = decisions(sentence)
    assert "attribution" in d["labels"] and "opinion" not in d["labels"]
    assert any(rule == "not_author_voice" for rule, _ in d["suppressed"])


def test_a_judgement_before_a_long_tail_stays_the_writer_s():
    # the tail after "told" is long: the part before the comma is not the speaker's words
    d = decisions("The plan is a blunder, the prosecutor told the jury in a packed courtroom on Monday.")
    assert "opinion" in d["labels"]


# ---------------------------------------------------------------------------
# forecasts in "risks losing", "threatens to derail"; judgements in "glosses over"
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("The row threatens to overshadow the summit.", "threatens to overshadow"),
    ("The move risks alienating older voters.", "risks alienating"),
])
def test_a_risk_or_threat_of_an_outcome_is_a_forecast(sentence, cue):
    assert ("speculation_prediction", cue) in speculation(sentence)


def test_a_threat_that_was_made_is_not_a_forecast():
    assert "speculation" not in decisions("The drivers' union threatened to strike in June.")["labels"]


@pytest.mark.parametrize("sentence, cue", [
    ("The report glosses over the cost of the new road.", "glosses over"),
    ("The council's statement sidesteps the question of who pays.", "sidesteps"),
    ("The new figures overstate the rise in burglaries.", "overstate the"),
])
def test_passing_over_an_awkward_point_is_the_writer_s_judgement(sentence, cue):
    assert ("opinion_marker", cue) in decisions(sentence)["evidence"]


@pytest.mark.parametrize("sentence", [
    "Critics said the report glosses over the cost.",
    "He wore an understated grey suit to the hearing.",
])
def test_a_source_s_charge_or_a_plain_description_is_not_the_writer_s_judgement(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence, word, rule", [
    ("After the plan was approved, turnout was poor.", "poor", "evaluative_claim_frame"),
    ("The offer is good until Friday.", "good", "good_valid"),
    ("The bus ticket is good for 30 days.", "good", "good_valid"),
])
def test_false_friends_of_the_claim_frame(sentence, word, rule):
    d = decisions(sentence)
    assert "opinion" not in d["labels"]
    assert (rule, word) in d["suppressed"]


# ---------------------------------------------------------------------------
# 3b. "could" of past ability is neither a hedge nor speculation
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Patients could once see a doctor on the same day.",
    "The hospital could previously carry out heart surgery.",
    "At the time, few families could barely afford a car.",
])
def test_could_of_past_ability_is_not_a_hedge(sentence):
    d = decisions(sentence)
    assert not {"hedge", "speculation"} & d["labels"]
    assert ("past_ability", "could") in d["suppressed"]


@pytest.mark.parametrize("sentence", [
    "The strike could spread to the ports.",
    "Prices could already be rising.",
])
def test_could_of_possibility_stays_a_hedge(sentence):
    assert "hedge" in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# forecasts (is forecast to, will likely) and grades of planning (poorly designed, all too often)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("The economy is forecast to grow by 2 per cent next year.", "is forecast to"),
    ("Sales of diesel cars are projected to fall.", "are projected to"),
    ("Officials said the ferry will likely resume in June.", "will likely"),
])
def test_forecast_phrases_are_speculation_in_any_voice(sentence, cue):
    assert ("speculation_prediction", cue) in speculation(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("The new sports hall is poorly designed.", "poorly designed"),
    ("The museum is well run and free.", "well run"),
    ("All too often, councils ignore the people they serve.", "All too often"),
    ("The parking scheme is a mess.", "is a mess"),
])
def test_grades_of_planning_and_verdicts_are_opinion(sentence, cue):
    assert ("opinion_marker", cue) in decisions(sentence)["evidence"]


@pytest.mark.parametrize("sentence", [
    "The building was badly damaged in the fire.",
    "“The scheme is a mess,” one resident said.",
])
def test_damage_and_a_resident_s_verdict_are_not_the_writer_s_opinion(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# 5. rhetorical questions and "could do better" in the writer's voice
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Is this really the plan the town deserves?", "Is this really"),
    ("Does the plan really add up?", "Does the plan really"),
    ("How many more floods will it take?", "How many more floods will it take"),
    ("Surely the council can do better.", "can do better"),
])
def test_rhetorical_questions_and_could_do_better_are_opinion(sentence, cue):
    assert ("opinion_marker", cue) in decisions(sentence)["evidence"]


@pytest.mark.parametrize("sentence", [
    "Who is the new mayor?",
    "What happens next?",
    "“Is this really the best we can do?” one parent asked.",
])
def test_a_plain_question_or_a_source_s_question_is_not_the_writer_s_opinion(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# 3c. the terms of a plan (Under the plan, X will…) are not a guess
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Under the new rules, drivers will pay at the gate.",
    "As part of the deal, the firm will keep 200 staff in the town.",
    "Under the freeze, a single adult fare will stay at 2.40 euros.",
    "Under the package, each school will receive £10,000.",
    # a longer opening that says who published the plan, and when
    "Under plans published by the Department for Schools on Tuesday, £52 million a year will move to city schools.",
])
def test_the_terms_of_a_plan_are_not_speculation(sentence):
    d = decisions(sentence)
    assert "speculation" not in d["labels"]
    assert ("plan_terms", "will") in d["suppressed"]


@pytest.mark.parametrize("sentence", [
    "Under pressure from parents, the head will resign.",   # no plan in the opening phrase
    "Under the plan, prices will rise.",                    # a forecast still counts
    "In the end, pupils will hand in their phones.",        # no plan opening phrase
])
def test_no_plan_opening_or_a_forecast_stays_speculation(sentence):
    assert "speculation" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence, cue", [
    ("The ban is a blunt instrument.", "a blunt instrument"),
    ("Parents were treated as an afterthought.", "as an afterthought"),
    ("A four-day week remains a pipe dream for most workers.", "a pipe dream"),
])
def test_judging_images_are_the_writer_s_opinion(sentence, cue):
    assert ("opinion_marker", cue) in decisions(sentence)["evidence"]


@pytest.mark.parametrize("sentence", [
    "The striker scored an own goal in the first half.",
    "“The ban is a blunt instrument,” one head teacher said.",
])
def test_a_literal_own_goal_or_a_quoted_image_is_not_the_writer_s_opinion(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


def test_ranking_the_parts_of_an_argument_is_a_judgement():
    d = decisions("The inspection report is the strongest part of its case.")
    assert ("opinion_marker", "the strongest part of") in d["evidence"]
    # "the best part of a year" measures time (superlative_record)
    assert "opinion" not in decisions("The best part of a year has passed since the fire.")["labels"]


@pytest.mark.parametrize("sentence, cue", [
    ("The minister privately fears a revolt by her own backbenchers.", "privately fears"),
    ("The mayor secretly hopes the plan fails.", "secretly hopes"),
])
def test_a_claim_about_private_thoughts_is_speculation(sentence, cue):
    assert ("speculation_hidden", cue) in speculation(sentence)


def test_privately_owned_is_a_fact():
    assert "speculation" not in decisions("The school is privately owned.")["labels"]


@pytest.mark.parametrize("sentence, cue", [
    ("Economists said inflation will peak in the spring.", "will peak"),
    ("Workers will lose their jobs, the union said.", "will lose"),
    ("The minister said the party would win the seat.", "would win"),
])
def test_a_reported_outcome_is_a_forecast(sentence, cue):
    d = decisions(sentence)
    assert "attribution" in d["labels"]
    assert ("speculation_effect", cue) in speculation(sentence)


def test_a_vow_with_the_speaker_as_subject_is_not_a_forecast():
    d = decisions("“We will win the seat back,” the candidate said.")
    assert "speculation" not in d["labels"]
    assert ("own_plan_effect", "will win") in d["suppressed"]


def test_a_reported_plan_with_plain_will_stays_a_plan():
    d = decisions("The bakery said it will open a second shop on Monday.")
    assert "speculation" not in d["labels"]
    assert ("source_plan", "will") in d["suppressed"]


# ---------------------------------------------------------------------------
# 6. third round: a reviewer's verdicts, advice to the reader, a question after a colon
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "I know of no more thrilling first view in any museum.",
    "The café is pleasant but unremarkable.",
    "The new rules are bad news for anyone with a cracked screen.",
    "The architects have had the good sense to leave the hall empty.",
    "The weakness is the last room.",
    "For all the noise, the debate was strikingly thin on housing.",
    "Go soon, and give yourself at least two hours.",
    "Anyone buying a phone would do well to ask one question first: who may repair it?",
])
def test_a_reviewer_s_verdicts_and_advice_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence", [
    "“The café is pleasant but unremarkable,” one visitor said.",
    "Go-karts were banned from the car park in 2019.",
    "Should the council do well to ask who pays?",
])
def test_a_source_s_verdict_a_word_that_starts_like_advice_and_a_real_question_are_not(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


# ---------------------------------------------------------------------------
# 7. third round: forecasts in a source's voice, predicting verbs, conditions
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The council's business plan predicts 45,000 visitors a year by 2029.",
    "Managers expect the overall waiting list to pass 50,000 by March.",
    "Critics argue that head teachers will end up paying for lunches out of school budgets.",
    "“Shops like mine will be gone,” he told me.",
    "The director said a four-year freeze would leave a gap of 22 million pounds by 2030.",
    "If the lower estimate proves right, the council could be paying for the building for years.",
])
def test_forecasts_in_a_source_s_voice_and_under_a_condition_are_speculation(sentence):
    assert "speculation" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence", [
    "As predicted, the storm reached the coast on Friday.",
    "Tests show the fumes may be harming the trees.",
    "The firm said it would keep the timetable for five years.",
])
def test_a_forecast_that_came_true_a_present_possibility_and_a_plan_are_not(sentence):
    assert "speculation" not in decisions(sentence)["labels"]


def test_a_forecast_proving_right_is_no_judgement_and_a_comparative_makes_a_noun():
    d = decisions("If the lower estimate proves right, the hall will close.")
    assert "opinion" not in d["labels"] and "attribution" not in d["labels"]
    assert ("proved_right", "right") in d["suppressed"]


def test_a_date_then_when_times_plain_will():
    assert "speculation" not in decisions(
        "The judge adjourned the case until January 15, when she will also decide on costs.")["labels"]
    assert "speculation" in decisions("The vote is on Monday, when the council will probably reject it.")["labels"]



@pytest.mark.parametrize("sentence", [
    "Will anyone on the committee be waiting at a cold bus stop next winter?",
    "The council should keep the pass for another year.",
    "The council's slowness to act is hard to defend.",
    "The council says it is broke, but its own figures tell a different story.",
    "I will grant him this much: the finances are tight.",
])
def test_rhetorical_questions_prescriptions_to_a_body_and_concessions_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


def test_an_instruction_to_passengers_and_a_writer_s_aside_are_not_opinion_or_forecast():
    assert "opinion" not in decisions("Passengers should keep their tickets.")["labels"]
    assert "speculation" not in decisions("I will grant him this much: the finances are tight.")["labels"]


def test_reported_speech_ends_at_but_where_the_writer_takes_over():
    assert "opinion" in decisions("The mayor says the scheme works, but the figures are disappointing.")["labels"]
    assert "opinion" not in decisions("The mayor says the figures are disappointing.")["labels"]
    assert "opinion" not in decisions("The mayor said the scheme works, but that the figures are disappointing.")["labels"]


@pytest.mark.parametrize("sentence", [
    "The club said the striker was doubtful for Tuesday's match.",
    "It seems unlikely that many of those jobs can be kept.",
    "Parents say the outcome was settled in advance.",
])
def test_fitness_doubts_unlikely_outcomes_and_decisions_taken_in_advance_are_speculation(sentence):
    assert "speculation" in decisions(sentence)["labels"]


def test_one_of_a_group_does_the_saying():
    d = decisions("Two officials said the plan was safe, though one conceded that it could fail.")
    assert ("reporting_verb", "conceded") in d["evidence"]


# ---------------------------------------------------------------------------
# 8. round five: questions about the future, confident forecasts, a reviewer's verdicts
# ---------------------------------------------------------------------------

def test_a_question_about_the_future_claims_nothing():
    d = decisions("What will I pay next year?")
    assert "speculation" not in d["labels"] and ("question_future", "will") in d["suppressed"]


@pytest.mark.parametrize("sentence", [
    "“I am confident the second half will be just as strong,” she said.",
    "Whatever the tribunal decides, the increase is certain to go ahead.",
    "The ruling would force the company to delay the reservoir.",
    "The airline now expects a full-year profit of 70 million pounds.",
])
def test_confident_and_certain_forecasts_are_speculation(sentence):
    assert "speculation" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence", [
    "His answer was injuries, and he had a point.",
    "The numbers are brutal.",
    "On price, the bike is hard to beat.",
    "The real disappointment is the battery.",
    "The company's case is not without substance.",
])
def test_more_of_a_reviewer_s_verdicts_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


def test_a_brutal_attack_and_a_signpost_question_are_not_opinion():
    assert "opinion" not in decisions("It was a brutal attack.")["labels"]
    assert "opinion" not in decisions("So what went wrong?")["labels"]


# ---------------------------------------------------------------------------
# 9. round six: an op-ed's concessions and requests, costs of a plan, guesses about the past
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The ministry should keep coursework where it already exists.",
    "That rating now looks hard to square with what the inspectors found.",
    "So here is what I would ask the ministry to do instead.",
    "None of this means the current system is perfect.",
    "A second dry summer would be devastating for the valleys.",
])
def test_an_op_ed_s_requests_and_concessions_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


def test_an_instruction_to_keep_a_ticket_and_devastating_as_a_description_are_not():
    assert "opinion" not in decisions("Passengers should keep their tickets until the end of the journey.")["labels"]
    assert "opinion" not in decisions("The devastating floods of 2019 closed the road.")["labels"]


def test_costs_of_a_plan_are_forecasts_and_a_guess_about_the_past_is_not():
    assert "speculation" in decisions("A new bridge would cost about 40 million pounds, the paper says.")["labels"]
    assert "speculation" in decisions("She said the full effect on shoppers was likely still to come.")["labels"]
    d = decisions("Water had probably been seeping through a failed joint.")
    assert "speculation" not in d["labels"] and "hedge" in d["labels"]


# ---------------------------------------------------------------------------
# 10. round seven: a fair point, a reasonable reading, a stinging defeat
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "That is a fair point, and the researcher accepts it.",
    "That is a reasonable reading of the data, but it is not the only one.",
    "The audience broke into applause, and it is hard to blame them.",
    "That fear is, frankly, well founded.",
    "The stinging defeat is the party's third this year.",
    "The second half is dull.",
])
def test_more_verdicts_in_the_writer_s_voice_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence", [
    "The reading room is open on Mondays.",
    "The dull thud of the guns could be heard for miles.",
])
def test_a_reading_room_and_a_dull_sound_are_not(sentence):
    assert "opinion" not in decisions(sentence)["labels"]


def test_what_a_plan_s_terms_do_is_not_a_forecast_but_a_forecast_under_a_plan_is():
    assert "speculation" not in decisions("Under the new rules, a phone repaired elsewhere will lose its warranty.")["labels"]
    assert "speculation" in decisions("Under the plan, fares would rise by a third.")["labels"]


@pytest.mark.parametrize("sentence", [
    "Nobody disputes that the county is short of money.",
    "“It could not be clearer,” she told supporters.",
    "People are notoriously poor judges of their phone time.",
])
def test_claimed_consensus_and_certainty_are_boosters(sentence):
    assert "booster" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence, opinion", [
    ("The policy is a disaster for working families.", True),
    ("The council has failed residents.", True),
    ("The club was lucky to escape with a draw.", True),
    ("Worse still, the firm ignored the warnings.", True),
    ("The charity provides disaster relief in the region.", False),
    ("The plant failed a safety test in May.", False),
    ("The contractor failed to finish on time.", False),
    # an argument's devices: the answer, a better way, the moment to act, a rhetorical "exactly"
    ("But the answer to a leaking roof is to mend the roof.", True),
    ("There is clearly a better way.", True),
    ("The board meets in June, and that is the moment to act.", True),
    ("Employers can hardly afford to ignore the idea.", True),
    ("Who, exactly, is the present system working for?", True),
    ("My prediction is this: the sky will not fall.", True),
    ("A trial is only worth running if it can fail.", True),
    ("The house is worth £2 million.", False),
    ("Who exactly was at the meeting is not known.", False),
    ("“She has a point,” he said.", False),
    # after dev60-dev64 were read: an editorial's label and its "we", directing the reader, and
    # judging a plan or a reason (opinion_markers.csv)
    ("Our view: the night bus cuts would strand the people who keep the city running", True),
    ("We would urge the board to take three steps.", True),
    ("It is also worth remembering how the authority got here.", True),
    ("Ending the routes is the wrong way to fill the gap.", True),
    ("But the figures tell only part of the story.", True),
    ("A saving of £2.9 million is a poor reason to walk away.", True),
    ("“It is the wrong way to fill the gap,” the union said.", False),
    ("The driver went the wrong way down a one-way street.", False),
    # a reviewer's or columnist's judging word after a linking verb (evaluative_words.csv, frame)
    ("The stew was bland and the ending is clunky.", True),
    ("The script is funny but the second hour is boring.", True),
    ("“The stew was bland,” one diner said.", False),
])
def test_disasters_failing_people_and_luck_are_the_writers_judgement(sentence, opinion):
    """evaluative_words.csv (is a disaster, failed residents, lucky to, the answer is to, a
    better way, who, exactly,) and opinion_markers.csv (worse still, my prediction is):
    judgements in the writer's voice; plain facts, and a source's words, are not."""
    an = analyze("Headline\n\n" + sentence + "\n")
    assert ("opinion" in an.sentences[1].labels) is opinion


# ---------------------------------------------------------------------------
# 11. round eight: a weak spot, a real grievance, a design failure, a star rating
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The camera is its weak spot.",
    "Parents have a real grievance about the late buses.",
    "The flooded underpass is a design failure.",
    "Waiting ninety seconds at every light is irritating.",
    "The album earns three stars out of five.",
])
def test_weak_spots_grievances_failures_and_ratings_are_opinion(sentence):
    assert "opinion" in decisions(sentence)["labels"]


@pytest.mark.parametrize("sentence", [
    "“The wait is irritating,” said one driver.",
    "Three out of five drivers said the wait was too long.",
    "The hotel has five stars and a pool.",
])
def test_a_quoted_verdict_and_counts_out_of_five_are_not_the_writer_s(sentence):
    assert "opinion" not in decisions(sentence)["labels"]
