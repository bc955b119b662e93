"""The detector's rules: each name with the one-line explanation a learner reads.

>>> RULES["hedge_word"]
'A word from the hedge list lowers how sure the claim sounds (in any voice).'
"""

from __future__ import annotations

from medialit.cues import Lexicons, load_lexicons

#: Every rule the detector uses, with a one-line explanation.
RULES: dict[str, str] = {
    # cues and sentence labels
    "hedge_word": "A word from the hedge list lowers how sure the claim sounds (in any voice).",
    "booster_word": "A word from the booster list raises how sure the claim sounds (in any voice).",
    "opinion_marker": "An opinion marker in the writer's own voice makes the sentence an opinion.",
    "loaded_word": "A loaded word is a cue; in the writer's own voice it also makes the sentence an opinion.",
    "reporting_verb": "A reporting verb with someone doing the saying right before it (X said) is an attribution.",
    "inverted_reporting": "A reporting verb after a comma or quotation followed by the speaker (…, said X) is an attribution.",
    "reporting_participle": "An -ing reporting form after a comma or 'by' (…, adding that) continues an attribution.",
    "according_to": "A phrase such as 'according to' followed by a source is an attribution.",
    "citing_phrase": "A phrase that cites unnamed people or reports (people familiar with…) is an attribution.",
    "agency_tag": "A short capitalised name in brackets closing a sentence or paragraph, like (Reuters), credits a source.",
    "quoted_sentence": "A sentence that is entirely a quotation gives someone else's words, so it is an attribution.",
    "speculation_guess": "A guess in the writer's voice (Perhaps… at the start, it is conceivable that…) is speculation.",
    "speculation_future": "'will' in the writer's own voice predicts the future, which is speculation.",
    "speculation_wait_and_see": "'The next weeks will tell…' points at an unknown future: speculation.",
    "speculation_hidden": "Talk of hidden dealings (behind-the-scenes, secret deal, ostensibly) is speculation.",
    "speculation_modal_perfect": "'may have agreed' guesses at what happened out of sight: speculation.",
    "speculation_counterfactual": "'if … would' imagines what would happen: speculation.",
    "speculation_motive": "Talk of motives together with a hedge or booster in the writer's voice is speculation.",
    # voice
    "voice_quote": "Words inside quotation marks (“…”, \"…\", ‘…’) are in the source's voice.",
    "voice_reported_speech": "Words after a reporting verb with a subject (X says Russia will…) are in the source's voice.",
    # switched off
    "may_capitalised": "'May' with a capital inside a normal sentence is the month or a name, not the verb 'may'.",
    "capitalised_verb": "A reporting verb written with a capital inside a normal sentence is part of a name (United States).",
    "noun_not_verb": "After 'the', 'his', a possessive or an adjective, a word like 'reports' is a noun, not a reporting verb.",
    "no_subject": "A reporting verb needs someone doing the saying right before it; none was found.",
    "participle_needs_comma": "An -ing reporting form only counts after a comma or 'by'.",
    "no_source_after": "A phrase like 'according to' needs a source after it; none was found.",
    "not_author_voice": "Opinion words and speculation count for the sentence label only in the writer's own voice.",
    "motive_needs_hedge": "A motive word counts as speculation only together with a hedge or booster in the writer's voice.",
    # sources
    "reporting_subject": "The one doing the saying before a reporting verb is a source.",
    "source_after_phrase": "The words after 'according to' (or a similar phrase) name the source.",
    "vague_phrase": "A phrase from the vague-source list is a (vague) source.",
    "anonymous_phrase": "A phrase from the anonymous-source list is an (anonymous) source.",
    "outlet_mention": "A named news outlet in a sentence that attributes information is a source.",
}
# False-friend rules from false_friends.csv add their own names at run time (approximator_number, ...).


def rules(lexicons: Lexicons | None = None) -> dict[str, str]:
    """All rule names with their explanations: :data:`RULES` plus the false-friend rules
    named in the lexicons' ``not_a_cue`` rows.

    >>> rules()["approximator_number"][:40]
    'A word like "roughly" before a number is'
    """
    out = dict(RULES)
    lex = lexicons if lexicons is not None else load_lexicons()
    for e in lex.by_label("not_a_cue"):
        out.setdefault(e.rule, e.explanation)
    return out
