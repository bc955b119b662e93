"""Feedback that teaches: compare a learner's annotations with the expert key.

For every label the learner hears what they **found**, what they **missed** (with
the key's rationale, so they learn why) and what they marked **extra** (why the key
does not give that label, in words about that label only: a sentence of the key's note is
quoted only when it speaks about the label). A mark on a word the key gives **another**
label is a **mix-up** and gets a message that says which label fits and why (the table
``medialit/data/feedback/mixups.csv``; the reasons for extra marks are in
``extra_marks.csv`` beside it). Matching is done
at two levels (:mod:`medialit.alignment`): sentences (a learner's span of a label
anywhere in a key sentence counts for that sentence, by the vocabulary's rule: a
``loaded`` span counts as ``opinion``, a ``source`` span as ``attribution``, as in
the class view) and spans (a learner's span overlapping one of the key's cue or
source spans; here a source span is not a reporting cue).

The same comparison puts the detector beside the learner, so learners can see
where they agree with the machine and where both differ from the key.

"Check my work" shows the feedback a part at a time (:func:`reveal_steps`,
:meth:`Feedback.revealed`): first the headline, the subheadline and paragraph 1, then one
paragraph more each time the learner asks, so the key is never shown all at once unless
the teacher chooses so.

>>> from medialit.annotate import AnnotationRecord
>>> from medialit.articles import seed_article
>>> art = seed_article("000")
>>> rec = AnnotationRecord.new(art.id, art.text, "Ada")
>>> i = art.text.index("Perhaps Trump")
>>> _ = rec.add_span(i, i + 7, "hedge")
>>> fb = learner_feedback(rec, art)
>>> fb.label("hedge").found, fb.label("hedge").key_total
(1, 3)
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import cache

from medialit.alignment import SentenceIndex, bounds, labels_from, marks_per_sentence, overlaps
from medialit.answer_key import AnswerKey, load_answer_key
from medialit.datafiles import DATA, DataFileError, read_table
from medialit.detect import analyze
from medialit.html import render
from medialit.vocabulary import CUE_LABELS, PART_CAPTIONS, SENTENCE_LABELS, SPAN_LABELS, sentence_label
from medialit.wording import join_words, plural

__all__ = ["Item", "Mixup", "LabelFeedback", "Feedback", "compare", "diagnose", "learner_feedback",
           "detector_feedback", "detector_unit_labels", "reveal_steps", "where_words"]

FEEDBACK_DATA = DATA / "feedback"


@cache
def mixup_messages() -> dict[tuple[str, str], str]:
    """The mix-up table (``data/feedback/mixups.csv``): (label marked, key label) -> message.

    >>> mixup_messages()[("hedge", "booster")].split(":")[0]
    'This word raises how sure the claim sounds'
    """
    out = {}
    path = FEEDBACK_DATA / "mixups.csv"
    for row in read_table(path, ("marked", "key", "message")):
        if row["marked"] not in SPAN_LABELS or row["key"] not in CUE_LABELS + ("source",) \
                or row["marked"] == row["key"]:
            raise DataFileError(f"{path}:{row['line']}: not a pair of two different labels")
        out[row["marked"], row["key"]] = row["message"]
    return out


@cache
def extra_reasons() -> dict[str, tuple[str, re.Pattern]]:
    """Per sentence label: why the key does not give it, and which words show that a sentence of a
    key note is about it (``data/feedback/extra_marks.csv``)."""
    rows = read_table(FEEDBACK_DATA / "extra_marks.csv", ("label", "reason", "note_words"))
    out = {r["label"]: (r["reason"], re.compile(r"\b(?:" + r["note_words"] + ")", re.IGNORECASE)) for r in rows}
    missing = set(SENTENCE_LABELS) - set(out)
    if missing:
        raise ValueError(f"extra_marks.csv has no row for {', '.join(sorted(missing))}")
    return out


def _place_words(place) -> str:
    """A paragraph number or a part's name as a learner reads it ("paragraph 3", "the headline")."""
    if isinstance(place, int):
        return f"paragraph {place}"
    return "the " + PART_CAPTIONS.get(place, place).split(" (")[0].lower()


def where_words(places) -> str:
    """Places (paragraph numbers, part names) in words.

    >>> where_words(["headline", "dek", 1, 2, 3])
    'the headline, the subheadline, paragraph 1, paragraph 2 and paragraph 3'
    """
    return join_words([_place_words(p) for p in places])


def _cue_label(span_label: str) -> str | None:
    """The sentence label a span stands for when spans are matched with the key's cue words:
    a source span is not a reporting cue (annotation guide: span-level feedback asks for the cue)."""
    return sentence_label(span_label, source_as_attribution=False)


@dataclass(frozen=True)
class Item:
    """One sentence (or span) the feedback talks about."""

    kind: str          # "found", "missed" or "extra"
    label: str
    start: int
    end: int
    text: str
    paragraph: int | None
    part: str
    why: str


@dataclass(frozen=True)
class Mixup:
    """A learner's mark on words the key gives another label: what to mark instead, and why."""

    marked: str        # the learner's label
    key: str           # the key's label for those words ("source" for a source the key lists)
    start: int
    end: int
    text: str
    paragraph: int | None
    part: str
    message: str


@dataclass
class LabelFeedback:
    label: str
    key_total: int
    found: int = 0
    missed: int = 0
    extra: int = 0
    spans_in_key: int = 0
    spans_found: int = 0
    items: list[Item] = field(default_factory=list)

    def sentence(self) -> str:
        """One friendly sentence about this label."""
        name = self.label + "s"          # every sentence label makes its plural with "s"
        if self.key_total == 0:
            core = f"The key has no {name} here"
            core += "." if not self.extra else f", but you marked {plural(self.extra, 'sentence')}."
        else:
            core = f"You found {self.found} of {plural(self.key_total, self.label, name)}"
            if self.spans_in_key:
                core += (f" (and marked {self.spans_found} of the key's "
                         f"{plural(self.spans_in_key, 'signal word')})")
            core += "."
        missed_pars = sorted({i.paragraph for i in self.items if i.kind == "missed" and i.paragraph})
        missed_heads = sorted({i.part for i in self.items if i.kind == "missed" and i.paragraph is None})
        if missed_heads or missed_pars:
            core += " Look again at " + where_words(missed_heads + missed_pars) + "."
        if self.extra and self.key_total:
            verb = "is" if self.extra == 1 else "are"
            core += f" {self.extra} of your marks {verb} not in the key: compare your reasons with its notes."
        if self.key_total and self.found == self.key_total and not self.extra:
            core += " Well done!"
        return core

    def within(self, places) -> "LabelFeedback":
        """Only the items in some places: paragraph numbers and part names (``"headline"``, ``"dek"``),
        counted again (cue words are not counted here).

        >>> fb = LabelFeedback("source", 2, found=1, missed=1, items=[
        ...     Item("found", "source", 40, 46, "Ozerov", 1, "body", ""),
        ...     Item("missed", "source", 0, 7, "Kremlin", None, "dek", "")])
        >>> part = fb.within({1})
        >>> part.key_total, part.found, part.missed, [i.text for i in part.items]
        (1, 1, 0, ['Ozerov'])
        """
        items = [i for i in self.items if (i.paragraph or i.part) in places]
        found, missed = (sum(i.kind == kind for i in items) for kind in ("found", "missed"))
        return replace(self, key_total=found + missed, found=found, missed=missed,
                       extra=sum(i.kind == "extra" for i in items), spans_in_key=0, spans_found=0, items=items)


@dataclass
class Feedback:
    """The learner's record compared with the key, label by label."""

    article_id: str
    annotator: str
    labels: list[LabelFeedback]
    sources: LabelFeedback
    detector: list[set[str]] | None = None     # detector labels per key unit, if asked for
    learner: list[set[str]] = field(default_factory=list)
    key: AnswerKey | None = None
    mixups: list[Mixup] = field(default_factory=list)
    reveal: dict | None = None        # set by revealed(): which part of the article is shown

    def within(self, places) -> Feedback:
        """Only the feedback on some places (paragraph numbers, part names); see LabelFeedback.within."""
        places = set(places)
        return replace(self, labels=[lf.within(places) for lf in self.labels],
                       sources=self.sources.within(places),
                       mixups=[m for m in self.mixups if (m.paragraph or m.part) in places])

    def revealed(self, steps: int | None) -> Feedback:
        """The feedback on the first ``steps`` of :func:`reveal_steps` (all of it for None), with
        ``reveal`` saying what is shown and what comes next."""
        all_steps = reveal_steps(self.key) if self.key is not None else []
        total = len(all_steps)
        shown = total if steps is None else max(1, min(steps, total))
        places = [p for step in all_steps[:shown] for p in step]
        out = self if shown >= total else self.within(places)
        nxt = all_steps[shown] if shown < total else ()
        return replace(out, reveal={"shown": shown, "total": total, "where": where_words(places) if places else "",
                                    "next": where_words(nxt) if nxt else ""})

    def label(self, name: str) -> LabelFeedback:
        return next(lf for lf in self.labels + [self.sources] if lf.label == name)

    @property
    def summary(self) -> str:
        """A few friendly sentences, one per label the learner or the key used."""
        if not any(self.learner):
            return ("You have not marked anything yet. Select words in the article and give them a label, "
                    "then check again.")
        lines = []
        if self.reveal and self.reveal["shown"] < self.reveal["total"]:
            lines.append(f"So far this checks {self.reveal['where']}. Ask for the next paragraph when "
                         "you have read this.")
        lines += [lf.sentence() for lf in self.labels if lf.key_total or lf.extra]
        if self.mixups:
            lines.append(f"{plural(len(self.mixups), 'mark')} may use the wrong label: read the mix-ups.")
        src = self.sources
        if src.key_total:
            lines.append(f"You marked {src.found} of the {plural(src.key_total, 'source')} the key names."
                         + (" Look again at who is speaking." if src.missed else ""))
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """JSON-ready feedback (for the annotation widget)."""
        return {
            "summary": self.summary,
            "labels": [{"label": lf.label, "key_total": lf.key_total, "found": lf.found,
                        "missed": lf.missed, "extra": lf.extra,
                        "items": [asdict(i) for i in lf.items]}
                       for lf in self.labels + [self.sources]],
            "mixups": [asdict(m) for m in self.mixups],
            "reveal": dict(self.reveal) if self.reveal else None,
        }

    def table(self):
        """Found / missed / extra per label as a pandas DataFrame (detector beside it if computed)."""
        import pandas as pd

        rows = []
        for lf in self.labels:
            row = {"label": lf.label, "in key": lf.key_total, "you found": lf.found,
                   "you missed": lf.missed, "you added": lf.extra}
            if self.detector is not None and self.key is not None:
                det = [lf.label in d for d in self.detector]
                key = [lf.label in u.label_set for u in self.key.units]
                mine = [lf.label in m for m in self.learner]
                row["detector found"] = sum(d and k for d, k in zip(det, key))
                row["detector added"] = sum(d and not k for d, k in zip(det, key))
                row["you agree with detector"] = sum(d == m for d, m in zip(det, mine))
            rows.append(row)
        src = self.sources
        rows.append({"label": "sources", "in key": src.key_total, "you found": src.found,
                     "you missed": src.missed, "you added": src.extra})
        return pd.DataFrame(rows).set_index("label")

    def to_html(self) -> str:
        """Feedback as HTML (``feedback_view.html.j2``, escaped): the summary, then each miss and extra
        with its reason."""
        groups = [(lf, [i for i in lf.items if i.kind != "found"]) for lf in self.labels + [self.sources]]
        return str(render("feedback_view.html.j2", lines=self.summary.splitlines(), mixups=self.mixups,
                          place=lambda i: _place_words(i.paragraph or i.part),
                          groups=[(lf, wrong) for lf, wrong in groups if wrong]))

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"Feedback(article={self.article_id!r}, annotator={self.annotator!r})"


def reveal_steps(key: AnswerKey) -> list[tuple]:
    """The order "Check my work" shows the article in: the headline, the subheadline and the first
    paragraph together, then one paragraph at a time.

    >>> steps = reveal_steps(load_answer_key("000_b7d55dfd4cdbabc3"))
    >>> steps[0], steps[1], len(steps)
    (('headline', 'dek', 1), (2,), 6)
    """
    places = list(dict.fromkeys(u.paragraph or u.part for u in key.units))
    heads = tuple(p for p in places if not isinstance(p, int))
    paragraphs = [p for p in places if isinstance(p, int)]
    if not paragraphs:
        return [heads] if heads else []
    return [heads + (paragraphs[0],)] + [(p,) for p in paragraphs[1:]]


def diagnose(key: AnswerKey, spans: list[tuple[int, int, str]]) -> list[Mixup]:
    """Label mix-ups: each learner span that overlaps a cue word or source of the key with another
    label, and none with its own (``loaded`` and ``opinion`` are one family), gets the table's message.

    >>> key = load_answer_key("000_b7d55dfd4cdbabc3")
    >>> i = key.text.index("obviously")
    >>> [(m.marked, m.key, m.text) for m in diagnose(key, [(i, i + 9, "hedge")])]
    [('hedge', 'booster', 'obviously')]
    """
    table = mixup_messages()
    marks = ([(c.start, c.end, c.label) for u in key.units for c in u.cues]
             + [(s.start, s.end, "source") for s in key.sources])
    units = SentenceIndex(key.units)
    out = []
    for s, e, label in spans:
        hit = list(dict.fromkeys(k for ks, ke, k in marks if overlaps((ks, ke), (s, e))))
        if not hit or _family(label) & set(hit):
            continue
        key_label = next((k for k in hit if (label, k) in table), None)
        if key_label is None:
            continue
        touched = units.touched((s, e))
        unit = key.units[touched[0]] if touched else None
        out.append(Mixup(label, key_label, s, e, key.text[s:e], unit.paragraph if unit else None,
                         unit.part if unit else "", table[label, key_label]))
    return out


def _family(label: str) -> set[str]:
    return {"opinion", "loaded"} if label in ("opinion", "loaded") else {label}


def _why_extra(unit, label: str, mixups: list[Mixup]) -> str:
    """Why the key does not give ``label`` to this sentence, about that label only: a mix-up's
    message where the learner's mark is one, else the label's reason and the sentences of the key's
    note that speak about the label."""
    here = [m.message for m in mixups if unit.start <= m.start < unit.end and sentence_label(m.marked) == label]
    if here:
        return f"The key does not mark this sentence as {label}. " + " ".join(dict.fromkeys(here))
    reason, about = extra_reasons()[label]
    notes = [s for s in re.split(r"(?<=[.!?])\s+", unit.note or "") if s and about.search(s)]
    return f"The key does not mark this sentence as {label}. {reason}" + (
        f" The key's note: {' '.join(notes)}" if notes else "")


def compare(key: AnswerKey, marked: list[set[str]], spans: list[tuple[int, int, str]],
            article_id: str, annotator: str) -> Feedback:
    """Compare sentence labels per key unit (``marked``) and spans with the key."""
    mixups = diagnose(key, spans)
    labels = []
    for lab in SENTENCE_LABELS:
        lf = LabelFeedback(lab, key_total=len(key.units_with(lab)))
        for u, mine in zip(key.units, marked):
            in_key, has = lab in u.label_set, lab in mine
            if in_key and has:
                kind, why = "found", u.rationale(lab) or ""
            elif in_key:
                kind, why = "missed", f"The key says: {u.rationale(lab)}"
            elif has:
                kind, why = "extra", _why_extra(u, lab, mixups)
            else:
                continue
            setattr(lf, kind, getattr(lf, kind) + 1)
            lf.items.append(Item(kind, lab, u.start, u.end, u.text, u.paragraph, u.part, why))
        key_cues = [c for u in key.units for c in u.cues if _cue_label(c.label) == lab]
        my_cues = [(s, e) for s, e, span_label in spans if _cue_label(span_label) == lab]
        lf.spans_in_key = len(key_cues)
        lf.spans_found = sum(any(overlaps(bounds(c), m) for m in my_cues) for c in key_cues)
        labels.append(lf)

    src = LabelFeedback("source", key_total=len(key.sources))
    mine_src = [(s, e) for s, e, lab in spans if lab == "source"]
    for ks in key.sources:
        unit = next(u for u in key.units if u.index == ks.unit)     # the key may be cut down (AnswerKey.only)
        hit = any(overlaps(bounds(ks), m) for m in mine_src)
        kind = "found" if hit else "missed"
        why = f"A source of type {ks.type.replace('_', ' ')}." + (f" {ks.note}" if ks.note else "")
        setattr(src, kind, getattr(src, kind) + 1)
        src.items.append(Item(kind, "source", ks.start, ks.end, ks.text, unit.paragraph, unit.part, why))
    units = SentenceIndex(key.units)
    for s, e in mine_src:
        if not any(overlaps(bounds(ks), (s, e)) for ks in key.sources):
            src.extra += 1
            touched = units.touched((s, e))
            unit = key.units[touched[0]] if touched else None
            mix = next((m.message for m in mixups if (m.start, m.end, m.marked) == (s, e, "source")), "")
            src.items.append(Item("extra", "source", s, e, key.text[s:e],
                                  unit.paragraph if unit else None, unit.part if unit else "",
                                  "The key does not list this as a source." + (f" {mix}" if mix else "")))
    return Feedback(article_id, annotator, labels, src, learner=marked, key=key, mixups=mixups)


def learner_feedback(record, article, key: AnswerKey | None = None, with_detector: bool = True) -> Feedback:
    """Feedback on one learner's record of one seed article.

    ``with_detector`` also runs the detector so that :meth:`Feedback.table`
    shows it beside the learner.
    """
    article_id = article.id or record.article_id
    key = key or load_answer_key(article_id)
    record.check_text(article.text)
    spans = [(s.start, s.end, s.label) for s in record.spans]
    # A span labels every key sentence it overlaps; a source span counts as attribution.
    fb = compare(key, marks_per_sentence(key.units, spans), spans, article_id, record.annotator)
    if with_detector:
        fb.detector = detector_unit_labels(article, key)
    return fb


def _detector_marks(article, key: AnswerKey, lexicons=None):
    """The detector's sentence labels per key unit, and its cue and source spans."""
    analysis = analyze(article, lexicons)
    marked = [labels_from(u, analysis.sentences, lambda sa: sa.labels) for u in key.units]
    spans = ([(c.start, c.end, c.label) for c in analysis.cues]
             + [(src.start, src.end, "source") for src in analysis.sources])
    return marked, spans


def detector_unit_labels(article, key: AnswerKey, lexicons=None) -> list[set[str]]:
    """The detector's sentence labels per key unit (its sentences that lie mostly inside the unit)."""
    return _detector_marks(article, key, lexicons)[0]


def detector_feedback(article, key: AnswerKey | None = None, lexicons=None) -> Feedback:
    """The detector judged like a learner: what it found, missed and added against the key."""
    key = key or load_answer_key(article.id)
    marked, spans = _detector_marks(article, key, lexicons)
    return compare(key, marked, spans, article.id, "detector")
