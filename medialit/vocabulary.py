"""The kit's vocabulary, in one place: labels, what they mean, their colours and keys.

Everything that names a label, a source type, a part of the page or an agreement
band imports it from here: lessons, answer key, detector, widgets, feedback, the
class view and the plots. The words follow ``annotation-guide.md``.

>>> SENTENCE_LABELS
('attribution', 'hedge', 'booster', 'speculation', 'opinion')
>>> sentence_label("loaded"), sentence_label("source"), sentence_label("source", source_as_attribution=False)
('opinion', 'attribution', None)
>>> agreement_band(0.5)
'moderate'
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------

#: Labels a sentence (or headline, or dek) can carry; several or none.
SENTENCE_LABELS = ("attribution", "hedge", "booster", "speculation", "opinion")
#: Labels of cue spans: the words that make a sentence carry a label.
CUE_LABELS = ("hedge", "booster", "attribution", "opinion", "loaded")
#: Labels a learner can give a span (in this order on the annotator's buttons):
#: the sentence and cue labels, plus ``source`` for who the information comes from.
SPAN_LABELS = tuple(dict.fromkeys(SENTENCE_LABELS + CUE_LABELS + ("source",)))
#: Types of source span.
SOURCE_TYPES = ("named_person", "institution", "outlet", "anonymous", "vague")
#: Whose words a cue is: the writer's, or a quoted or reported source's.
VOICES = ("author", "source")
#: Links a learner can draw between two spans.
RELATION_TYPES = ("attributed_to",)

#: What each span label means, in one line a learner can read (the annotation guide's words).
LABEL_MEANINGS = {
    "attribution": "says where information comes from: said, told, reported, according to, (Reuters)",
    "hedge": "lowers how sure a claim sounds: perhaps, maybe, could, might, seems, likely, reportedly",
    "booster": "raises how sure a claim sounds without giving evidence: obviously, clearly, of course",
    "speculation": "a claim about what the writer cannot know: the future, hidden motives, secret deals",
    "opinion": "the writer judges or says what should happen, in their own voice: should, ought to, in my view",
    "loaded": "emotionally charged word choice: slammed, regime, disastrous",
    "source": "who the information comes from: a person, an institution, an outlet, "
              "an anonymous or a vague source",
}
#: What each source type means.
SOURCE_MEANINGS = {
    "named_person": "a person named in the text",
    "institution": "a body speaking as a whole",
    "outlet": "a news outlet or agency",
    "anonymous": "a specific but unnamed person",
    "vague": "an unspecified group or impression",
}

#: One colour per span label (Okabe-Ito: told apart with common colour-vision differences).
#: Widgets, HTML reports and plots all use these; :func:`tint` gives a light background.
LABEL_COLOURS = {
    "attribution": "#0072B2", "hedge": "#E69F00", "booster": "#D55E00", "speculation": "#CC79A7",
    "opinion": "#009E73", "loaded": "#B8A200", "source": "#56B4E9",
}
#: One colour per source type (ColorBrewer Dark2).
SOURCE_COLOURS = {"named_person": "#1b9e77", "institution": "#7570b3", "outlet": "#e6ab02",
                  "anonymous": "#d95f02", "vague": "#e7298a"}
#: The keyboard key that gives a selection each span label in the annotator.
LABEL_KEYS = {label: str(i) for i, label in enumerate(SPAN_LABELS, start=1)}


def tint(colour: str, strength: float = 0.35) -> str:
    """A light version of ``colour`` (``#rrggbb``) for a background behind black text.

    >>> tint("#0072B2"), tint("#000000", 1.0)
    ('#a6cee4', '#000000')
    """
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in rgb)


# ---------------------------------------------------------------------------
# From a span label to a sentence label
# ---------------------------------------------------------------------------

#: Which sentence label a learner's span label stands for. A ``source`` span counts as
#: ``attribution`` for its sentence: the learner found where the information comes from
#: (annotation guide, "When a learner's marks become sentence labels"). Feedback, the
#: class view and evaluation all use this one table, through :func:`sentence_label`.
SPAN_TO_SENTENCE_LABEL = {
    "attribution": "attribution", "hedge": "hedge", "booster": "booster",
    "speculation": "speculation", "opinion": "opinion", "loaded": "opinion",
    "source": "attribution",
}


def sentence_label(span_label: str, *, source_as_attribution: bool = True) -> str | None:
    """The sentence label a span label gives its sentence, or None (a teacher may turn
    the ``source`` rule off in the class view to count reporting cues only).

    >>> sentence_label("hedge"), sentence_label("title")
    ('hedge', None)
    """
    if span_label == "source" and not source_as_attribution:
        return None
    return SPAN_TO_SENTENCE_LABEL.get(span_label)


# ---------------------------------------------------------------------------
# Parts of the page
# ---------------------------------------------------------------------------

#: Kinds of block the article reader finds on a page.
PART_KINDS = ("boilerplate", "headline", "dek", "date", "byline", "related", "body")
#: Parts of the page the kit labels; the others (date, byline, boilerplate...) are shown only.
LABELLED_PARTS = ("headline", "dek", "body")
#: How each part is captioned where a learner sees it (the body needs no caption).
PART_CAPTIONS = {
    "headline": "Headline",
    "dek": "Subheadline (dek)",
    "date": "Date",
    "byline": "Byline",
    "related": "Related story (a link to another article)",
    "boilerplate": "Website text, not part of the article",
}

#: The name the class view gives statistics pooled over all articles of a class.
ALL_ARTICLES = "all articles"

# ---------------------------------------------------------------------------
# Agreement bands
# ---------------------------------------------------------------------------

#: Landis & Koch (1977): the usual words for kappa and alpha values, as
#: ``(from, up to, word)``; a value belongs to the first band whose upper edge it does not pass.
AGREEMENT_BANDS = ((-1.0, 0.0, "less than chance"), (0.0, 0.2, "slight"), (0.2, 0.4, "fair"),
                   (0.4, 0.6, "moderate"), (0.6, 0.8, "substantial"), (0.8, 1.0, "almost perfect"))


def agreement_band(value: float) -> str:
    """The word for an agreement value (kappa or alpha, from -1 to 1).

    >>> agreement_band(-0.1), agreement_band(0.0), agreement_band(0.2), agreement_band(0.81), agreement_band(1.0)
    ('less than chance', 'slight', 'slight', 'almost perfect', 'almost perfect')
    """
    if value < 0:
        return AGREEMENT_BANDS[0][2]
    for _low, high, word in AGREEMENT_BANDS[1:]:
        if value <= high:
            return word
    return AGREEMENT_BANDS[-1][2]
