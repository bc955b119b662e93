"""Stance rules (medialit/detect/stance.py and the lists speculation.csv, opinion_markers.csv,
loaded_words.csv): each error class of issue 9 gets a sentence where the rule must fire and a
false friend where it must not. Every sentence here is invented."""

from __future__ import annotations

import pytest

from medialit.articles import parse_article
from medialit.cues import load_lexicons
from medialit.detect import RULES, analyze


def one(sentence: str):
    """The analysis of a one-sentence article (after a headline), and its sentence."""
    an = analyze(parse_article("Headline\n\n" + sentence + "\n"))
    sa = an.sentences[-1]
    assert sa.sentence.text == sentence
    for c in sa.cues:
        assert an.article.text[c.start:c.end] == c.text
    return sa


def labels(sentence: str) -> tuple[str, ...]:
    return one(sentence).labels


def evidence(sentence: str, label: str) -> list[tuple[str, str]]:
    return [(e.rule, e.text) for e in one(sentence).evidence if e.label == label]


def suppressed(sentence: str, label: str | None = None) -> list[tuple[str, str]]:
    return [(s.text, s.rule) for s in one(sentence).suppressed if label is None or s.label == label]


# ---------------------------------------------------------------------------
# speculation: guesses, conditionals, predictions, hidden motives
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, rule", [
    ("Perhaps this storm will finally push the council to act.", "speculation_guess"),
    ("The delays could spread to the northern line if the strike reaches the depot tonight.",
     "speculation_modal"),
    ("If the pumps fail again, the lower town will flood.", "speculation_counterfactual"),
    ("Had the council listened, the old bridge would have stayed open.", "speculation_counterfactual"),
    ("The new library is expected to open in the spring.", "speculation_prediction"),
    ("The harbour master is likely to step down before the summer.", "speculation_prediction"),
    ("It seems likely that the vote will slip into next year.", "speculation_prediction"),
    ("The airline looks set to cut its winter flights.", "speculation_prediction"),
    ("The full cost of the repairs may not be clear until 2030.", "speculation_wait_and_see"),
    ("The real test will be the winter timetable.", "speculation_wait_and_see"),
    ("It is too early to say whether the new rules work.", "speculation_wait_and_see"),
    ("Where the money goes next is anyone's guess.", "speculation_wait_and_see"),
    ("The timing of the announcement was no accident.", "speculation_hidden"),
    ("The sudden price cut may simply reflect a price war between the two chains.", "speculation_modal"),
    ("Some shop owners fear the bypass would empty the high street.", "speculation_forecast"),
    ("The union expects the talks to collapse before Christmas.", "speculation_prediction"),
    ("The inspectors' report is expected on Monday.", "speculation_prediction"),
    ("The thieves may have entered through a skylight.", "speculation_modal_perfect"),
    ("The ministry seems to have decided that a grant was better than nothing.", "speculation_modal_perfect"),
])
def test_speculation_fires(sentence, rule):
    assert "speculation" in labels(sentence)
    assert rule in {r for r, _ in evidence(sentence, "speculation")}


@pytest.mark.parametrize("sentence", [
    "By mid-morning the haze appeared to have cleared.",
    "The bat appears to have declined sharply since 2015.",
    "Nothing else seems to have been taken.",
])
def test_appears_to_have_before_an_event_hedges_a_past_fact_and_is_no_speculation(sentence):
    assert labels(sentence) == ("hedge",)


def test_a_prediction_from_a_source_is_still_speculation_in_the_source_voice():
    s = "The bank said prices may rise again in the autumn."
    assert labels(s) == ("attribution", "hedge", "speculation")
    ev = [e for e in one(s).evidence if e.label == "speculation"]
    assert [e.text for e in ev] == ["may"] and ev[0].explanation.endswith("(Voice: source.)")
    quoted = "“The school will probably close within two years,” the head teacher said."
    assert "speculation" in labels(quoted)


def test_a_source_plan_with_plain_will_is_not_speculation():
    for s in ("The bakery said it will open a second shop.",
              "“We will repaint the station,” the rail company said.",
              "“The crews will hardly have time to react,” the general said.",  # a warning
              "Residents will be kept informed at every stage, the council said.",  # an arranged step
              "“People who will never use it are paying for it,” she said.",  # "who" is the subject
              "She asked how anyone will know whether it has worked."):
        assert "speculation" not in labels(s), s
    # what people in general will do, in a source's words, is no one's plan but the source's
    # forecast (data/stance/forecast_subjects.csv)
    for s in ("“People will find them somewhere,” she said.",
              "The company says most small households will pay less.",
              "“Every household in this city will keep an extra £140 a year,” he said.",
              "“Get two wins, and nobody will remember this month,” he told me."):
        assert "speculation" in labels(s), s
        assert ("will", "source_plan") not in suppressed(s, "speculation"), s
    # a condition before it makes it a forecast, in a source's words too
    s = "“If we lose even five percent of our overnight stays, the ministry’s money will be swallowed up,” he said."
    assert "speculation" in labels(s)


def test_a_scheduled_event_is_not_speculation():
    # Debatable, decided: a fixed date or place for a planned event is a schedule, not a guess.
    for s in ("The committee will meet on Thursday to discuss the budget.",
              "The hearing will take place at the county court.",
              "The museum will reopen on March 4 after repairs.",
              "The under-12s will play their last game of the season on Saturday.",
              "The prime minister will travel to Oslo later this week.",
              "The swimming pool will stay closed until further notice."):
        assert "speculation" not in labels(s), s
        # a date makes it a schedule; an arranged step (will meet, will reopen) needs none
        assert any(rule in ("scheduled_event", "arranged_step") for _, rule in suppressed(s, "speculation")), s
    # the same verb without a date, or with a hedge, is still a forecast
    assert "speculation" in labels("The committee will reject the plan.")
    assert "speculation" in labels("The committee is expected to meet on Thursday.")
    assert "speculation" not in labels("The new parking rules will take effect in April.")
    # a forecast of change stays a forecast, with a date or from a source
    assert "speculation" in labels("Temperatures will reach 34C on Saturday.")
    assert "speculation" in labels("The energy regulator said bills will rise in October.")


def test_a_sentence_opening_with_its_date_times_a_planned_event():
    for s in ("On Thursday the council's housing committee will debate the proposal.",
              "From Monday the crossing will be run by a battery-electric ferry."):
        assert "speculation" not in labels(s), s
        # a date makes it a schedule; an arranged step (will meet, will reopen) needs none
        assert any(rule in ("scheduled_event", "arranged_step") for _, rule in suppressed(s, "speculation")), s
    # a date in a later clause times nothing after a comma; a forecast of change stays a forecast
    assert "speculation" in labels("On Monday the board met, and the plan will fail.")
    assert "speculation" in labels("On Monday prices will rise across the region.")


def test_a_comparison_with_a_forecast_is_not_a_forecast():
    s = "Inflation rose more than expected to 4 percent in March."
    assert "speculation" not in labels(s)
    assert ("expected to", "expected_comparison") in suppressed(s, "speculation")


def test_may_opening_a_sentence_is_a_wish_not_a_guess():
    assert "speculation" not in labels("May the new bridge serve the town well.")


def test_a_hedged_claim_about_now_is_not_speculation():
    s = "The fumes may be harming the trees."
    assert labels(s) == ("hedge",)
    assert ("may", "modal_progressive") in suppressed(s, "speculation")
    # a guess at hidden plans still is
    assert "speculation" in labels("The rebels may be preparing a new offensive.")


def test_what_matters_and_a_blow_in_a_source_voice_are_the_sources():
    assert "opinion" not in labels("“The closure is a blow to the town,” the mayor said.")
    assert "opinion" not in labels("Traders say the question that matters most is parking.")


def test_false_friends_of_modal_speculation():
    assert "speculation" not in labels("The fair opens in May.")
    assert "speculation" not in labels("The claims could not be independently verified.")


@pytest.mark.parametrize("sentence", [
    "The east wing was probably built in the 1740s.",       # a guess about what already happened
    "On the narrow question of law, the board is probably right.",   # a softened verdict
])
def test_probably_about_the_past_or_in_a_verdict_is_a_hedge_not_speculation(sentence):
    assert "hedge" in labels(sentence) and "speculation" not in labels(sentence)
    assert "speculation" in labels("The east wing will probably be sold in the spring.")


def test_motive_word_needs_a_hedge_or_booster():
    assert "speculation" not in labels("The real reason for the closure was the cost of heating.")
    assert ("The real reason", "motive_needs_hedge") in suppressed(
        "The real reason for the closure was the cost of heating.")
    assert "speculation" in labels("The real reason for the closure was probably the cost of heating.")


# ---------------------------------------------------------------------------
# opinion: evaluation, prescription, first person, framing
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("It is hard to believe that nobody checked the pier.", "It is hard to believe"),
    ("This is, without doubt, the boldest budget in a decade.", "the boldest"),
    ("The new timetable is a sensible compromise.", "sensible"),
    ("The decision to close the clinic was misguided.", "misguided"),
    ("The volunteers deserve credit for the rescue.", "deserve"),
    ("The council should scrap the parking fee.", "The council should"),
    ("I think the council has lost its way.", "I think"),
    ("The plan is the best chance the valley has had in years.", "the best"),
    ("Sadly, the library will not reopen.", "Sadly"),
    ("The long overdue repairs finally began.", "long overdue"),
    ("The council's plan is a costly mistake.", "a costly mistake"),
    ("The early results are encouraging.", "encouraging"),
    ("The health board needs to explain the delay.", "needs to"),
    ("We are delighted to bring the app to every school in the county.", "are delighted to"),
    ("The consultation was little more than a formality.", "little more than"),
    ("Clearly, the nurses' union holds the stronger hand.", "the stronger hand"),
    ("The closure is another blow to the town.", "another blow to"),
    ("It is the question that matters most to residents.", "that matters"),
])
def test_opinion_fires_in_the_writer_voice(sentence, cue):
    assert "opinion" in labels(sentence)
    assert cue in {t for _, t in evidence(sentence, "opinion")}


@pytest.mark.parametrize("sentence, rule", [
    ("Applications should be sent to the school office by Friday.", "procedural_should"),
    ("Drivers should expect delays on the coast road.", "procedural_should"),
    ("Savers should note that the rate is fixed for two years.", "procedural_should"),
    ("If the strike should continue, the buses will run a reduced timetable.", "procedural_should"),
    ("Who should pay for the new roof?", "question_not_prescription"),
    ("The worst flooding since 1990 closed the valley road.", "superlative_record"),
    ("Devastating floods closed the valley road.", "loaded_descriptive"),
    ("The charity is encouraging residents to check on elderly neighbours.", "encouraging_verb"),
    ("Passengers will need to change trains at Dunmore.", "need_requirement"),
    ("The hospital stressed the need to book ahead.", "need_requirement"),
    ("The bridge opened little more than a year ago.", "little_more_than_amount"),
    ("The man was wrongly convicted of the robbery in 1998.", "wrongly_fact"),
])
def test_false_friends_of_opinion(sentence, rule):
    assert "opinion" not in labels(sentence)
    assert rule in {r for _, r in suppressed(sentence)}


def test_conditional_should_at_the_start_is_not_opinion():
    assert "opinion" not in labels("Should the talks fail, the port will close.")


def test_judgements_in_quotations_or_reported_speech_are_the_source_s():
    for s in ("“This plan is shameful,” the mayor said.",
              "The mayor said the plan was shameful and the council should resign.",
              "“The council should resign,” a protester shouted."):
        sa = one(s)
        assert "opinion" not in sa.labels, s
        assert all(c.voice == "source" for c in sa.cues if c.label in ("opinion", "loaded")), s
        assert any(x.rule == "not_author_voice" for x in sa.suppressed), s


# ---------------------------------------------------------------------------
# loaded words
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The minister's critics launched a smear campaign against her.", "smear campaign"),
    ("The report was an onslaught on the council's record.", "onslaught"),
    ("The board left the dirty work to its lawyers.", "dirty work"),
    ("The new parking rules are draconian.", "draconian"),
    ("The mayor handed the contracts to his cronies.", "cronies"),
])
def test_loaded_word_in_the_writer_voice_makes_opinion(sentence, word):
    sa = one(sentence)
    assert (word, "loaded", "author") in {(c.text, c.label, c.voice) for c in sa.cues}
    assert "opinion" in sa.labels


@pytest.mark.parametrize("sentence, word", [
    ("Opposition councillors called the scheme reckless and shameful.", "shameful"),
    ("The treasurer, who has been accused of cronyism, resigned on Friday.", "cronyism"),
    ("Parents described the new timetable as absurd.", "absurd"),
])
def test_a_charged_word_someone_else_used_is_not_the_writer_s(sentence, word):
    sa = one(sentence)
    assert "opinion" not in sa.labels
    # switched off as someone else's label, or already in their reported speech
    assert {(word, "reported_label"), (word, "not_author_voice")} & {(x.text, x.rule) for x in sa.suppressed}


def test_loaded_word_in_a_quotation_keeps_the_source_voice():
    s = "“It was a fiasco from start to finish,” one trader said."
    sa = one(s)
    assert ("fiasco", "loaded", "source") in {(c.text, c.label, c.voice) for c in sa.cues}
    assert "opinion" not in sa.labels


def test_descriptive_loaded_word_is_a_cue_but_not_opinion():
    sa = one("The bloody siege lasted three weeks.")
    assert ("bloody", "loaded", "author") in {(c.text, c.label, c.voice) for c in sa.cues}
    assert "opinion" not in sa.labels


def test_the_lists_are_wide_and_every_row_is_explained():
    lex = load_lexicons()
    for label, at_least in (("loaded", 150), ("opinion", 120), ("speculation", 120)):
        rows = [e for e in lex.by_label(label)]
        words = sum(len(e.alternatives) for e in rows)
        assert words >= at_least, (label, words)
        assert all(e.explanation.strip().endswith(".") for e in rows)


def test_every_stance_rule_has_an_explanation():
    for name in ("source_plan", "loaded_descriptive", "question_not_prescription", "speculation_modal",
                 "speculation_prediction", "speculation_forecast", "not_author_voice"):
        assert RULES[name]


# ---------------------------------------------------------------------------
# evaluative words and judging frames (evaluative_words.csv, rule evaluative_frame)
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue, rule", [
    ("The plan to close the pool is simply wrong.", "wrong", "evaluative_frame"),
    ("Delaying the vote was a wise decision.", "wise", "evaluative_frame"),
    ("The new parking rules are deeply unfair to small shops.", "unfair", "evaluative_frame"),
    ("The case for a new ferry is a strong one.", "strong", "evaluative_frame"),
    ("Selling the playing field was a poor choice.", "poor", "evaluative_frame"),
    ("The new timetable seems reasonable.", "reasonable", "evaluative_frame"),
    ("The board's reply was clumsy and heavy-handed.", "heavy-handed", "opinion_marker"),
    ("The fix the engineers found was ingenious.", "ingenious", "opinion_marker"),
    ("The extra funding for the clinic is too little, too late.", "too little, too late", "opinion_marker"),
    ("Why on earth did the council sell the harbour land?", "Why on earth", "opinion_marker"),
    ("The water company must think again about the price rise.", "must think again", "opinion_marker"),
    ("Closing the night bus was a mistake.", "was a mistake", "opinion_marker"),
    ("It would be better to repair the old pier.", "It would be better", "opinion_marker"),
    ("The new cycle lane is an important step for the town.", "important", "evaluative_frame"),
    ("The rise in shop thefts is worrying.", "worrying", "opinion_marker"),
    ("The club's debt has become unsustainable.", "unsustainable", "evaluative_frame"),
    ("The audit fails to explain where the grant went.", "fails to explain", "opinion_marker"),
    ("Frankly, the ferry company has run out of excuses.", "Frankly", "opinion_marker"),
    ("The app offers a convenient way to pay for parking.", "convenient", "opinion_marker"),
    ("It is odd that nobody tested the alarm before the storm.", "It is odd that", "opinion_marker"),
    ("The silence from the board speaks volumes.", "speaks volumes", "opinion_marker"),
    ("The fears about the new phone mast are misplaced.", "misplaced", "evaluative_frame"),
    ("Rent controls of this kind are counterproductive.", "counterproductive", "opinion_marker"),
    ("Why should taxpayers foot the bill for a private golf club?", "Why should", "opinion_marker"),
    ("Isn't it time the water board listened?", "Isn't it time", "opinion_marker"),
    ("There is a strong case for a second ferry.", "a strong case for", "opinion_marker"),
    ("The council squandered £3m on a footbridge nobody uses.", "squandered", "loaded_word"),
    ("The board's reply to the families was smug.", "smug", "loaded_word"),
    ("Ministers must explain where the flood money went.", "Ministers must", "opinion_marker"),
    ("The new sports hall has become a white elephant.", "a white elephant", "opinion_marker"),
    ("A second runway is no silver bullet for the region.", "no silver bullet", "opinion_marker"),
    ("The council's targets for new homes look ambitious.", "ambitious", "evaluative_frame"),
    ("The rail company's passenger forecasts may well prove optimistic.", "optimistic", "evaluative_frame"),
    ("Maybe the landslide will be the wake-up call the county needs.", "the wake-up call", "opinion_marker"),
    ("The new bus timetable is hardly a triumph.", "is hardly a", "opinion_marker"),
    ("The repair budget is simply not good enough.", "not good enough", "opinion_marker"),
    ("The agency has become a gravy train for consultants.", "gravy train", "loaded_word"),
])
def test_evaluative_words_judge_in_the_writer_voice(sentence, cue, rule):
    assert "opinion" in labels(sentence)
    assert (rule, cue) in evidence(sentence, "opinion")


@pytest.mark.parametrize("sentence", [
    "A large fire destroyed two warehouses near the docks on Tuesday.",
    "The new bridge opened to traffic after three years of work.",
    "The driver suffered a serious injury and was taken to hospital.",
    "Strong winds closed the harbour road on Sunday.",
    "Demand for electricity remained strong through the winter.",
    "The family was poor and lived on the right bank of the river.",
    "Something was wrong with the engine before take-off.",
    "The nurse was right there when the alarm went off.",
    "Many of the parents were right-wing voters.",
    "The court ruled that he had received a fair trial.",
    "A poor harvest pushed up the price of bread.",
    "The team made a strong start to the season.",
    "The results were better than expected.",
    "It is a great deal of money for a small town.",
    "Residents are worrying about the cost of heating.",
    "The pumps suffered a failure on Monday.",
    "The driver failed to see the cyclist at the junction.",
    "A significant amount of rain fell overnight.",
    "The test came back positive.",
    "It is all right to park here on Sundays.",
    "The airline frankly admitted the error in a letter to passengers.",
    "An angry mob gathered outside the court.",
    "The bakery sells chocolate fudge on Saturdays.",
    "She had a bad case of flu last winter.",
    "She misplaced her keys on the train.",
    "The gas bill is overdue.",
    "The painting is worth £3m.",
    "The ultimate decision rests with the minister.",
    "Doctors confirmed a positive case of measles at the school.",
    "The new drug produced a positive response in most patients.",
    "The ministry made a U-turn on school meals.",
    "Prosecutors said greed drove the fraud.",
    "The swimmer was not good enough to reach the final.",
    "The harbour master is optimistic about the talks.",
    "Officials are optimistic that the new timetable will work.",
])
def test_descriptive_adjectives_are_not_opinion(sentence):
    assert "opinion" not in labels(sentence)


def test_a_mild_word_outside_a_frame_is_switched_off_with_its_rule():
    sa = one("Strong winds closed the harbour road, and staying shut was a wise decision.")
    assert ("Strong", "evaluative_no_frame") in {(x.text, x.rule) for x in sa.suppressed}
    # no cue for the descriptive word: learners see only the one that judges
    assert [(c.text, c.rule) for c in sa.cues if c.label == "opinion"] == [("wise", "evaluative_frame")]


@pytest.mark.parametrize("sentence", [
    "“The plan is simply wrong,” the mayor said.",
    "The mayor said the new fee was deeply unfair.",
    "Critics say the decision was clumsy and heavy-handed.",
    "The bank said the payment was a mistake.",
])
def test_evaluative_words_of_a_source_are_not_the_writer_s(sentence):
    assert "opinion" not in labels(sentence)


@pytest.mark.parametrize("sentence", [
    "The council must publish its accounts by the end of June.",
    "Under the new rules, the club must pay a fine of £20,000.",
    "The board must now approve the sale before it goes ahead.",
])
def test_a_duty_after_must_is_not_advice(sentence):
    assert "opinion" not in labels(sentence)
    assert "must_duty" in {r for _, r in suppressed(sentence, "opinion")}


@pytest.mark.parametrize("sentence", [
    "Who should pay for the new roof?",
    "“Why should we pay?” asked one resident.",
    "Why the council changed its mind is unclear.",
])
def test_a_real_or_quoted_question_is_not_the_writer_s_opinion(sentence):
    assert "opinion" not in labels(sentence)


# ---------------------------------------------------------------------------
# forecasts named by what they raise or project; counterfactual "otherwise"; verdicts on the news
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cue", [
    ("Dock workers voted to strike on Monday, raising the prospect of empty shelves by spring.",
     "raising the prospect of"),
    ("Hauliers say the fuel would otherwise have been bought across the border.", "would otherwise"),
    ("The bakery will shut its last two shops, in what would be the end of a 90-year business.",
     "in what would be"),
    ("The health board projects a deficit of £12m by 2029.", "projects a"),
    ("The union called the offer unfair given the projected rise in rents next year.", "the projected"),
])
def test_projections_prospects_and_otherwise_are_speculation(sentence, cue):
    assert ("speculation_" in " ".join(r for r, _ in evidence(sentence, "speculation"))
            and cue.lower() in [t.lower() for _, t in evidence(sentence, "speculation")])


@pytest.mark.parametrize("sentence", [
    "The film was projected onto the side of the town hall.",
    "The old plan projected images of the harbour onto a screen.",
])
def test_projected_light_is_not_a_forecast(sentence):
    assert "speculation" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("None of this is a surprise.", "None of this is a surprise"),
    ("It came as no surprise to anyone on the estate.", "came as no surprise"),
    ("My reading is that the vote will be close.", "My reading is"),
    ("I would like the money spent on the buses instead.", "I would like"),
    ("This is the same council that closed two libraries last year.", "This is the same council that"),
])
def test_verdicts_and_first_person_wishes_in_the_writers_voice_are_opinion(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "opinion")]


def test_a_quoted_verdict_is_the_speakers():
    assert "opinion" not in labels("“None of this is a surprise,” the treasurer said.")


@pytest.mark.parametrize("sentence, cue", [
    ("The airline says it remains absolutely committed to the route.", "absolutely committed"),
    ("Members told us loud and clear that they want a vote.", "loud and clear"),
    ("No ticket, no ride: it is that simple.", "it is that simple"),
    ("Everyone in the dressing room knows the manager is leaving.", "Everyone in the dressing room knows"),
    ("Anyone who has queued at the surgery knows the system is failing.", "Anyone who has queued at the surgery knows"),
    ("By any fair measure, the bridge was a triumph.", "By any fair measure"),
    ("The cause is not hard to find.", "not hard to find"),
])
def test_insisting_phrases_are_boosters(sentence, cue):
    assert ("booster_word", cue) in evidence(sentence, "booster")


@pytest.mark.parametrize("sentence", [
    "The plan is not that simple to explain.",
    "The hall is absolutely full on Saturdays.",
    "Anyone who tells you they know the result is guessing.",
    "The keys were hard to find.",
])
def test_plain_intensifiers_are_not_boosters(sentence):
    assert "booster" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("The dialogue is stilted and the middle hour plodding.", "stilted"),
    ("It is a riveting second act.", "riveting"),
    ("Residents deserve better.", "deserve better"),
    ("At the very least, publish the terms.", "At the very least"),
    ("The club owes it to its fans to explain itself.", "owes it to"),
    ("This budget is not a fix; it is a delay.", "is not a fix; it is a"),
])
def test_critics_and_editorial_verdicts_in_the_writers_voice_are_opinion(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "opinion")]


@pytest.mark.parametrize("sentence", [
    "The bridge is not a toll road but a public highway.",
    "The closure is not a new idea; it was first proposed in 2019.",
    "“This was not a mistake; it was a choice,” the lawyer said.",
    "“Residents deserve better,” she said.",
])
def test_corrections_of_fact_and_quoted_verdicts_are_not_the_writers_opinion(sentence):
    assert "opinion" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("Shopkeepers said they doubted the market would reopen this year.", "doubted the market would"),
    ("Growers warned that the new rules would hit small farms hardest.", "warned that the new rules would"),
    ("The two firms held talks last month about a possible merger.", "about a possible"),
])
def test_doubts_warnings_and_possible_events_are_forecasts(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "speculation")]


@pytest.mark.parametrize("sentence", [
    "Please reply as soon as possible.",
    "We do not doubt that money is tight.",
    "Staff were warned about the fault in March.",
])
def test_no_forecast_without_an_outcome(sentence):
    assert "speculation" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("The budget balances only because of a raid on reserves.", "raid on reserves"),
    ("The parking scheme is a cash grab.", "cash grab"),
    ("The committee rubber-stamped the loan in eleven minutes.", "rubber-stamped"),
])
def test_sneering_names_for_money_and_decisions_are_loaded(sentence, cue):
    assert "opinion" in labels(sentence)
    assert cue in [c.text for c in one(sentence).cues if c.label == "loaded"]


def test_a_police_raid_is_not_loaded():
    assert "opinion" not in labels("Police carried out a raid on a house in Elm Street on Tuesday.")


@pytest.mark.parametrize("sentence, cue", [
    ("Imports are also likely to be limited this week.", "likely to"),
    ("Nor is the new van likely to be the bargain it appears.", "likely to"),
    ("An official said an extension was unlikely before 2029.", "was unlikely"),
    ("There is a real chance that the ferry will not sail.", "chance that"),
])
def test_likely_and_chances_with_words_between_are_forecasts(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "speculation")]


@pytest.mark.parametrize("sentence", [
    "Children near busy roads were more likely to have asthma, the study found.",
    "Heavy users were nearly twice as likely to say they felt tired.",
    "Tenants in capped homes were far less likely to move out.",
])
def test_compared_likelihoods_are_findings_not_forecasts(sentence):
    assert "speculation" not in labels(sentence)
    assert "hedge" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("The real star, though, is the set.", "The real star"),
    ("Lomax gives the performance of his career.", "the performance of his career"),
    ("The exhibition's most striking room is the last one.", "most striking"),
    ("The second act runs twenty minutes too long.", "minutes too long"),
    ("The director's other changes are harder to defend.", "harder to defend"),
    ("The picture is murkier than it looks.", "than it looks"),
    ("The saving is not as secure as it looks.", "as secure as it looks"),
    ("The figures are less clear-cut than the statement suggests.", "than the statement suggests"),
    ("The council's own figures do not bear that out.", "do not bear that out"),
    ("The plan has its merits, but it would be a shame to rush it.", "has its merits"),
    ("On the evidence, the trust stands on firm ground.", "on firm ground"),
    ("At $400,000 the cost is a rounding error next to the gap.", "a rounding error"),
    ("His Walter is stubborn, courtly and very funny.", "funny"),
])
def test_a_critics_and_an_analysts_verdicts_are_opinion(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "opinion")]


@pytest.mark.parametrize("sentence", [
    "Striking workers gathered outside the depot on Monday.",
    "The union said the figures do not bear that out.",
    "Tired and funny, the two comics toured the coast.",
    "Kerr is a comedian from Dunmere.",
])
def test_strikes_quoted_verdicts_and_lists_without_a_linking_verb_are_not_opinion(sentence):
    assert "opinion" not in labels(sentence)


@pytest.mark.parametrize("sentence", [
    "It is a brilliant little phone.",
    "The phone is let down by its camera.",
    "Charging is frustrating.",
    "I would recommend it to anyone on a budget.",
    "The problem is that nobody asked the residents.",
    "The claim is nonsense.",
    "The lanes have been a success.",
    "The council got this one right.",
    "The predictions of chaos have not come true.",
    "It is a risk worth taking.",
    "The interface is cluttered.",
    "Give the lanes a year.",
])
def test_a_reviewers_and_a_columnists_verdicts_are_opinion(sentence):
    assert "opinion" in labels(sentence)


@pytest.mark.parametrize("sentence", [
    "Brilliant sunshine greeted the runners on Sunday.",
    "The company made a handsome profit last year.",
    "The road up the hill is steep.",
    "The problem was fixed on Tuesday.",
    "Give or take a few minutes, the trains ran on time.",
])
def test_light_profits_and_slopes_are_described_not_judged(sentence):
    assert "opinion" not in labels(sentence)


@pytest.mark.parametrize("sentence, cue", [
    ("Markets are pricing in two cuts by the end of the year.", "pricing in"),
    ("The governor left the door open to a cut in the autumn.", "left the door open to"),
])
def test_market_bets_and_open_doors_are_forecasts(sentence, cue):
    assert cue in [t for _, t in evidence(sentence, "speculation")]


@pytest.mark.parametrize("sentence", [
    "He declined to say how much the new stadium would cost.",
    "The council has not said what will happen to the building.",
    "The bank did not say when rates would fall.",
])
def test_questions_left_unanswered_are_not_forecasts(sentence):
    assert "speculation" not in labels(sentence)
    assert "indirect_question" in [rule for _, rule in suppressed(sentence, "speculation")]


def test_wishes_ratings_and_signposts_in_the_writers_voice():
    assert "opinion" in labels("I hope the governors read our survey before they decide.")
    assert "opinion" not in labels("“I hope we win,” she said.")
    assert "opinion" in labels("Our rating: Misleading.")
    assert "opinion" not in labels("Our rating appears at the end of this article.")
    assert "opinion" not in labels("I should be honest about what our survey can show.")
    assert "speculation" in labels("The developer says the solar farm would power 14,000 homes.")


def test_a_decision_taken_out_of_sight_is_speculation():
    assert "speculation" in labels("Campaigners say the consultation is a formality.")
    assert "speculation" in labels("“They made up their minds long ago,” she said.")
    assert "speculation" not in labels("The consultation closes on Friday.")


def test_a_date_ten_words_after_will_still_times_a_fixture():
    s = "Bridge held on to win 2-1 and will meet Wenmoor Athletic in the final at Westfold on May 22."
    assert "speculation" not in labels(s)


def test_a_date_just_before_will_times_a_planned_event():
    assert "speculation" not in labels("The committee’s meeting on November 3 will be open to the public.")
    assert "speculation" in labels("The strike on Monday will cause chaos across the region.")


def test_inevitably_and_appeals_to_what_everybody_knows_are_boosters():
    assert "booster" in labels("The extra cost will inevitably be passed on to passengers.")
    assert "booster" in labels("“Time matters, and everybody in this profession knows it,” he said.")
    assert "booster" in labels("Anyone who has driven past the line of yellow vans outside the hospital’s doors "
                               "on a Friday evening knows it.")
    assert "booster" in labels("Anyone who has tried to reach the switchboard in January will know the answer.")
    assert "booster" not in labels("Police appealed for anyone who saw the van on Friday evening to come forward.")
    assert "booster" in labels("The rules themselves are not in dispute.")
    assert "booster" in labels("What is not in doubt is that the difference is tiny.")
    assert "booster" not in labels("The figures are in dispute.")
    assert "opinion" in labels("It is also worth taking a photograph of the departures board.")
    assert "opinion" not in labels("The contract is worth £4 million.")


def test_reviewers_and_analysts_weigh_in_their_own_words():
    assert "opinion" in labels("Saturday was uneven.")
    assert "opinion" in labels("One school’s experience proves little on its own.")
    assert "opinion" in labels("My own reading is that the banks are nearer the mark.")
    assert "opinion" in labels("A fall of 2 per cent seems to me the most plausible outcome.")
    assert "opinion" not in labels("“Saturday was uneven,” the promoter said.")
    # praise or blame after a linking verb; the same word elsewhere may only describe
    assert "opinion" in labels("The chop was overcooked on both of my visits.")
    assert "opinion" in labels("On paper, the fit is a neat one.")
    assert "opinion" in labels("The guidance is useful, and the answer was evasive.")
    assert "opinion" not in labels("A neat row of houses lines the street.")
    assert "opinion" not in labels("The council published a useful guide on Monday.")


def test_promising_as_a_verb_is_a_pledge_not_a_judgement():
    assert "opinion" not in labels("The Civic Party is promising to freeze council tax for two years.")
    assert "opinion" in labels("The early results are promising.")


@pytest.mark.parametrize("sentence", [
    "I have come to believe that the homework does more harm than good.",
    "I want it to be short and optional.",
    "I do not want homework abolished.",
])
def test_a_writers_own_belief_or_wish_is_opinion(sentence):
    assert "opinion" in labels(sentence)


def test_a_quoted_wish_is_the_speakers():
    assert "opinion" not in labels("“I want it to be short,” the head teacher said.")


@pytest.mark.parametrize("sentence", [
    "The vaccine has the potential to become part of every routine.",
    "It is hard to escape the suspicion that the firm has judged it cheaper to pay the fine.",
])
def test_potential_and_suspicion_are_speculation(sentence):
    assert "speculation" in labels(sentence)


def test_a_condition_after_if_keeps_could_a_guess():
    assert "hedge" in labels("If it rains tonight, the match could be called off.")


@pytest.mark.parametrize("sentence", [
    "A decision is not expected before next spring.",
    "The results are expected by the end of the month.",
])
def test_an_expected_time_is_a_forecast(sentence):
    assert "speculation" in labels(sentence)


def test_an_inspectors_grade_is_not_the_writers_opinion():
    for s in ("Regulator rates Dunmere care home inadequate after residents left waiting.",
              "The school has been rated as inadequate by inspectors.",
              "They rated the home inadequate for safety."):
        assert "opinion" not in labels(s), s
        assert ("inadequate", "inspection_grade") in suppressed(s, "opinion"), s
    assert "opinion" in labels("The plan is inadequate.")


def test_an_editorials_own_label_is_the_papers_opinion_not_a_source():
    an = analyze("The Herald’s view: the side streets are worth slowing down for\n\nA dek\n\n"
                 "The council will vote on Thursday. In the minister’s view, the plan is fine.\n")
    head = an.sentences[0]
    assert head.labels == ("opinion",) and head.sources == ()
    assert [s.text for s in an.sentences[3].sources] == ["the minister"]  # someone else's view still speaks


def test_a_star_rating_opening_a_sentence_is_the_reviewers_verdict():
    assert "opinion" in labels("Three stars.")
    assert "opinion" in labels("Four stars on PC; two on consoles until the patch arrives.")
    assert "opinion" not in labels("Five stars are visible tonight.")
    assert "opinion" not in labels("The telescope found 200 stars in the cluster.")


def test_the_writers_own_will_is_an_intention_not_a_forecast():
    assert "speculation" not in labels("She has a point, and I will not pretend otherwise.")
    assert "speculation" not in labels("We will not pretend the evidence here is settled.")
    assert ("will", "writer_intention") in suppressed("We will not pretend the evidence here is settled.",
                                                      "speculation")
    assert "speculation" in labels("The plan will fail.")
    assert "speculation" in labels("My guess is that the plan will pass anyway.")


def test_a_step_someone_has_decided_is_not_a_forecast():
    for s in ("Its 41 pupils will be offered places at another school from September.",
              "The case will now be decided by a planning inspector.",
              "Fares will be frozen at current levels for a year."):
        assert "speculation" not in labels(s), s
        assert ("will", "planned_procedure") in suppressed(s, "speculation"), s
    assert "speculation" in labels("The Falcons will be relegated.")
    assert "speculation" in labels("Pupils may be offered places at another school.")


def test_more_judgement_frames_a_hedge_between_and_judged_nouns():
    assert "opinion" in labels("On the narrow question of law, the board is probably right.")
    assert "opinion" in labels("That is a stronger conclusion than the researchers draw.")
    assert "opinion" in labels("The report gives two pages to the objections, a thin account of them.")
    assert "opinion" not in labels("The ice on the lake is thin.")
    assert "opinion" not in labels("Turn right at the church.")


def test_an_estimate_of_a_figure_is_an_approximation_not_a_hedge():
    assert "hedge" not in labels("Analysts estimated that closing the plant would save £40 million a year.")
    assert "hedge" not in labels("The commission estimated the spawning stock at about 1.9 million tonnes.")
    assert "hedge" in labels("Experts estimated that the population had fallen sharply.")


def test_a_great_deal_is_a_quantity_not_a_verdict():
    assert "opinion" not in labels("The site would use a great deal of electricity.")


def test_plan_terms_without_a_comma_and_facing_weeks_of_something():
    assert "speculation" not in labels("Under the new timetable there will be 16.")
    assert "speculation" in labels("The region faces weeks of negotiations over its next government.")


def test_should_of_an_outcome_and_the_bookmakers_favourite_are_forecasts():
    got = labels("The regulator says supplies should recover by mid-January.")
    assert "speculation" in got and "hedge" in got
    assert "speculation" in labels("Bookmakers make him second favourite to lose his job next.")
    assert "speculation" not in labels("The council should reopen the library on Sundays.")


def test_a_named_body_told_what_it_should_do_and_the_best_known():
    assert "opinion" in labels("The town council should apply before the October deadline.")
    assert "opinion" not in labels("Applicants should apply before the October deadline.")
    assert "opinion" not in labels("The best known was the medal awarded to Corporal Wainfleet in 1917.")


def test_odd_and_fairest_judge_a_choice_or_a_reading():
    assert "opinion" in labels("The producer is an odd choice for a band like this.")
    assert "opinion" in labels("The fairest reading is that the figure describes those who answered.")
    assert "opinion" not in labels("She lives at an odd number on the street.")


def test_a_guess_put_as_a_guess_and_the_likeliest_outcome():
    assert "speculation" in labels("“My guess is they’ll be sold abroad,” he said.")
    got = labels("The likeliest outcome is a compromise.")
    assert "speculation" in got and "hedge" in got
    assert "speculation" not in labels("Families without a quiet room were the likeliest to say homework caused stress.")


def test_a_boosted_future_is_still_a_prediction_in_any_voice():
    assert "speculation" in labels("“She will undoubtedly get stronger,” the coach said.")
    assert "speculation" in labels("Board members will doubtless point out that alternatives cost money.")
    got = labels("“The scheme will certainly bring jobs,” he said.")
    assert "speculation" in got and "booster" in got
    # a plain promise in a source's voice stays the source's plan
    assert "speculation" not in labels("“We will not cut corners,” she said.")


def test_could_hardly_be_worse_and_a_review_verdict():
    assert "opinion" in labels("The timing could hardly be worse for the club.")
    assert "hedge" not in labels("The timing could hardly be worse for the club.")
    assert "opinion" in labels("The second room is where the exhibition comes alive.")
    assert "opinion" in labels("Most of that holds up.")
    assert "opinion" not in labels("Roadworks held up traffic for an hour.")


def test_an_arranged_step_in_the_writers_voice_is_a_plan_not_a_guess():
    assert "speculation" not in labels("The commission will publish the full timetable on its website next month.")
    assert "speculation" not in labels("The regulator will return for a full inspection within six months.")
    assert "speculation" in labels("The regulator may return for a full inspection within six months.")
    assert "speculation" in labels("Shoppers will simply find a different route.")
    assert ("will", "arranged_step") in suppressed("The regulator will return for a full inspection.", "speculation")


def test_a_risk_that_something_happens_and_who_would_be_better_off_are_forecasts():
    assert "speculation" in labels("There is a real risk that shoppers buy their lunch elsewhere.")
    assert "speculation" in labels("Most households would pay less on a meter.")
    assert "speculation" in labels("No farmer would be worse off, the minister said.")
    # a price already fixed is not a forecast
    assert "speculation" not in labels("“Visitors will pay more from April,” the trust said.")
    assert "speculation" not in labels("The risk assessment was published in May.")


def test_going_to_predicts_like_will():
    assert "speculation" in labels("The club is not going to pack up for a business park.")
    # in a source's words too, when people in general are its subject (forecast_subjects.csv)
    assert "speculation" in labels("“Nobody is going to be left on their own,” she said.")
    assert "speculation" not in labels("“We are going to repaint the station,” she said.")


def test_possible_and_likely_events_are_forecasts_but_what_can_be_done_is_not():
    assert "speculation" in labels("Diplomats involved in the talks say a compromise is possible.")
    assert "speculation" in labels("The theatre said small adjustments were likely during the first week.")
    assert "speculation" not in labels("It is possible to book tickets online.")
    assert "speculation" not in labels("The trial showed what was possible with two extra nurses.")


def test_who_stands_to_gain_is_a_forecast():
    assert "speculation" in labels("Harbours that supply those fuels stand to win custom.")
    assert "speculation" not in labels("Harbours that supply those fuels stand at the mouth of the river.")


def test_speech_reported_inside_a_relative_aside_ends_with_the_aside():
    # the group asked for the bay; the prescription after the aside is the writer's
    assert "opinion" in labels("A bay for disabled drivers, which the access group asked for in June, "
                               "should have been in the plan from the start.")
    assert "opinion" not in labels("The access group said the bay should have been in the plan from the start.")


def test_ranking_arguments_granting_reasons_and_review_verdicts():
    assert "opinion" in labels("The strongest objection comes from parents.")
    assert "opinion" in labels("Critics, with some justice, point out that the street used to be full.")
    assert "opinion" in labels("At two hours and 50 minutes, the play is also too long.")
    assert "opinion" in labels("The new play gives her the role of her career but loses its way after the interval.")
    assert "opinion" in labels("What I would not do is tear the lanes up on October 27.")
    assert "opinion" not in labels("The hikers lost their bearings and their way in the fog.")


def test_a_set_charge_or_dividend_is_decided_not_guessed():
    assert "speculation" not in labels("Households will pay about a fifth more for their water by 2032.")
    assert "speculation" not in labels("The firm will pay a final dividend of 4.1 pence a share.")
    assert "speculation" not in labels("A nurse will pay £38 a month for a permit, up from £29.")
    assert ("will", "set_payment") in suppressed("The firm will pay a final dividend of 4.1 pence.", "speculation")
    assert "speculation" in labels("It is the patients who will pay the price.")
    assert "speculation" in labels("Households may pay about a fifth more for their water by 2032.")
    # a price set to change by a decision, from one sum to another or with inflation
    assert "speculation" not in labels("An hour in the car park will rise from £1.20 to £1.90.")
    assert "speculation" not in labels("The standard white loaf will rise by 10 pence to £1.65.")
    assert "speculation" not in labels("The subsidy will rise with inflation.")
    assert "speculation" in labels("Prices will rise next year.")
    assert "speculation" not in labels("The state pension age would rise from 66 to 67 in monthly stages.")


def test_worth_keeping_simple_enough_and_the_difficulty_judge():
    for s in ("On this evidence the orchestra has found a conductor worth keeping.",
              "The bargain at the heart of the deal is simple enough.",
              "The difficulty is that the gains will be spread thinly."):
        assert "opinion" in labels(s), s
    assert "opinion" not in labels("“The difficulty is the weather,” the farmer said.")


def test_a_worked_sum_and_as_if_are_not_guesses():
    assert "speculation" not in labels("Paid at the minimum wage, that labour would have cost more than £130,000.")
    s = "A year ago, it looked as if the shop would not see out the summer."
    assert "speculation" not in labels(s)
    assert "hedge" in labels(s)
    assert "speculation" in labels("If the strike lasts, it would cost jobs.")


def test_a_named_body_taking_a_step_is_not_speculation():
    # A plain "will" after a body the article names reports a step it has arranged (rule actor_plan).
    for s in ("The council will call its own soil scientist later in the week.",
              "Greyfell Buses will stop running five routes that serve the valley.",
              "The agency will next check its warnings at 6am.",
              "The grant comes with conditions: the agency will pay it in four instalments."):
        assert "speculation" not in labels(s), s
        assert ("will", "actor_plan") in suppressed(s, "speculation"), s
    # a word opening the sentence counts as a name only if the article writes it capitalised elsewhere
    text = "Head\n\nQuorvane will give more detail in May. Staff at Quorvane were told on Monday.\n"
    assert "speculation" not in analyze(parse_article(text)).sentences[1].labels
    # false friends: an outcome, a plural of people, a name inside a phrase, a guess at what a body will say
    for s in ("The committee will reject the plan.",
              "Harbour United will win the cup.",
              "The Falcons will be relegated.",
              "Teachers will notice the difference within a term.",
              "The argument in Caddon will not end there.",
              "I know what the council will say about that survey.",
              "The club is not going to pack up for a business park."):
        assert "speculation" in labels(s), s
    # in a source's words plain "will" was already the source's plan (rule source_plan)
    assert ("will", "source_plan") in suppressed("The mayor said the council will call a meeting.", "speculation")


def test_a_cautious_explanation_of_a_known_figure_is_a_hedge_not_speculation():
    # rule explanation_hedge: the modal softens a claim about now; it forecasts nothing
    for s in ("Better reporting may account for part of the rise.",
              "A hot summer could also explain part of the difference.",
              "The difference may partly reflect the fact that the schools volunteered."):
        assert labels(s) == ("hedge",), s
        assert ("may" in s and ("may", "explanation_hedge") in suppressed(s, "speculation")) or (
            ("could", "explanation_hedge") in suppressed(s, "speculation")), s
    # what a change could mean or cause is still a forecast
    assert "speculation" in labels("The new rules could mean higher fares.")
    assert "speculation" in labels("The closure could push patients to the next town.")


def test_what_a_rule_or_a_sum_requires_is_not_speculation():
    # rule requirement_would: "would have to" states a requirement, not a guess
    for s in ("Any change to the border would have to be approved by both parliaments.",
              "The town’s budget is stretched, and that money would have to come from somewhere."):
        assert "speculation" not in labels(s), s
        assert ("would have to", "requirement_would") in suppressed(s, "speculation"), s
    # a condition or a forecast in the sentence still makes it speculation
    assert "speculation" in labels("If we cut again now, we would have to reverse course within months.")


def test_should_in_a_whether_clause_asks_rather_than_prescribes():
    s = "The committee will decide whether the libraries should go on charging fines."
    assert "opinion" not in labels(s)
    assert ("should", "question_not_prescription") in suppressed(s, "opinion")
    assert "opinion" not in labels("Asked whether there should be an inquiry, he said it was too early.")
    assert "opinion" in labels("Anyone unsure where they stand should use the calculator.")
    # a question word after a preposition or a verb of deciding: what is argued over
    for q in ("The vote ended a year of argument over who should pay for the repairs.",
              "The street argued about what should replace the bakery.",
              "The board will decide which school should close."):
        assert "opinion" not in labels(q), q
    assert "opinion" in labels("The council should decide over the summer.")
    # and a forecast word inside such a clause is the question, not a forecast
    s = "Next month the council decides which schools will get the scheme."
    assert "speculation" not in labels(s)
    assert ("will", "indirect_question") in suppressed(s, "speculation")
    # "who" opens such a clause too, and every question word of a clause is looked at
    for q in ("The pundits are split on who will lift the trophy.",
              "The traders who stayed have ideas about what would bring people back."):
        assert "speculation" not in labels(q), q
    assert "speculation" in labels("The home side will probably lift the trophy.")
    # a conditional asked about is asked, not claimed
    s = "Asked what would happen if the ban went ahead, the shop’s owner shrugged."
    assert "speculation" not in labels(s)
    assert any(rule == "indirect_question" for _, rule in suppressed(s, "speculation"))
    # "should" of expectation: what is expected to happen, not what anyone ought to do
    assert "opinion" not in labels("The next round of sampling should show whether the particles are in the water.")



def test_a_hyphenated_superlative_measures():
    s = "It would make it the best-attended exhibition in the building since 2021."
    assert "opinion" not in labels(s)
    assert ("the best", "compound_superlative") in suppressed(s, "opinion")
    assert "opinion" in labels("It is the best film of the year.")


def test_a_belief_about_how_things_are_now_is_a_hedge_not_speculation():
    # "is thought to be" about a present fact softens it (hedge); it forecasts nothing
    s = "His medal group alone is thought to be worth more than £20,000."
    assert "hedge" in labels(s) and "speculation" not in labels(s)
    assert "speculation" in labels("The club is thought to be likely to sell him in January.")


def test_a_modal_in_the_writers_own_question_asks_rather_than_guesses():
    for s in ("Why could bills go up?", "How far could it spread?"):
        assert "speculation" not in labels(s), s
        assert ("could", "question_future") in suppressed(s, "speculation"), s
    assert "speculation" in labels("“Why could bills not go up again?” she asked, and said they might.")


def test_a_concession_grants_a_point_and_guesses_at_nothing():
    # rule concession: "may be so, but …" grants a point about now; the hedge stays
    for s in ("That may well be so, but it leaves the claim resting on the studio’s word.",
              "He may be an optimist, but he has seen more collapses than most.",
              "So I may seem an odd person to defend the long summer break, but I will defend it.",
              "It might sound harsh, yet the figures bear it out."):
        assert "speculation" not in labels(s), s
        assert "hedge" in labels(s), s
        assert any(rule == "concession" for _, rule in suppressed(s, "speculation")), s
    # a participle is an event or a cause, not a state; without "but" nothing is conceded
    assert "speculation" in labels("The crashes may be linked to the fault, but the firm denies it.")
    assert "speculation" in labels("The hospital may be ready by the spring.")
    # another forecast in the sentence keeps it speculation
    assert "speculation" in labels("Prices may be higher next year, but wages will rise too.")


def test_a_modal_in_the_writers_question_is_not_a_hedge():
    # rule question_modal: the writer asks, and softens no claim
    for s in ("How far could the outbreak spread?", "Why could bills go up this winter?",
              "For them the test is a plain question: could I still afford this home?"):
        assert "hedge" not in labels(s), s
        assert any(rule == "question_modal" for _, rule in suppressed(s, "hedge")), s
    # a question reported (declined to say how many…, asked whether…) asks nothing of its own
    for s in ("A spokesperson declined to say how many posts might go.",
              "Asked whether the job figure could rise, she said 420 was the ceiling."):
        assert "hedge" not in labels(s), s
    # a source's question, and the writer's claim, keep the hedge
    assert "hedge" in labels("“Could the plan fail?” she asked.")
    assert "hedge" in labels("The outbreak could spread to the next valley.")


def test_have_before_a_small_word_is_not_a_guess_at_the_past():
    # rule have_not_perfect: "must have before", "could have a": the verb "have", not a perfect
    s = "These are lessons that pupils must have before they leave primary school."
    assert "speculation" not in labels(s)
    assert any(rule == "have_not_perfect" for _, rule in suppressed(s, "speculation"))
    # a perfect, or "have to", still guesses or forecasts
    assert "speculation" in labels("The scaffold may have been weakened by high winds.")
    assert "speculation" in labels("The grid may have to order rolling blackouts this week.")


def test_what_a_plan_would_do_in_a_sources_words_is_a_forecast():
    # kind reported_effect (speculation.csv); rules plan_contents and plan_requirement
    for s in ("Residents under the flight path say the proposed cap would let night traffic keep growing.",
              "Analysts said a combination would allow the two banks to cut costs.",
              "The association said the plan would leave villages “cut off after teatime”."):
        assert "speculation" in labels(s), s
    # in the writer's own voice it sets out the plan; what a deal would need is a requirement
    assert "speculation" not in labels("The ban would cover shops, online sellers and wholesalers alike.")
    assert ("ban would", "plan_contents") in suppressed("The ban would cover shops and online sellers.", "speculation")
    s = "She said a deal would have to be recommended by February 12."
    assert ("deal would", "plan_requirement") in suppressed(s, "speculation")
    # a question still to be weighed (indirect_question_openers.csv: judge, assess, gauge, determine)
    assert "speculation" not in labels("The bank said it needed time to judge whether the rise would last.")
