"""The vocabulary of the annotation guide, in one place.

Lessons, answer key, detector, widgets and class statistics all use these names.

>>> SENTENCE_LABELS
('attribution', 'hedge', 'booster', 'speculation', 'opinion')
"""

#: Labels a sentence (or headline, or dek) can carry; several or none.
SENTENCE_LABELS = ("attribution", "hedge", "booster", "speculation", "opinion")
#: Labels of cue spans: the words that make a sentence carry a label.
CUE_LABELS = ("hedge", "booster", "attribution", "opinion", "loaded")
#: Types of source span.
SOURCE_TYPES = ("named_person", "institution", "outlet", "anonymous", "vague")
#: Whose words a cue is: the writer's, or a quoted or reported source's.
VOICES = ("author", "source")
#: Parts of the page the kit labels; the others (date, byline, boilerplate...) are shown only.
LABELLED_PARTS = ("headline", "dek", "body")
