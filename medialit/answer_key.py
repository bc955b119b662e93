"""The expert answer key: every headline, dek and body sentence of the seed articles,
labelled by reading them closely, with a rationale per label, every source with its
type, and notes for the lessons.

The key is data (``medialit/data/answer_key/<article id>.json``, its fields described
in ``medialit/data/schemas/answer_key.schema.json``) that quotes the article's
sentences and spans as text. Loading checks the file against that schema, then
finds each quoted text in the article, in order, and gives it ``(start, end)``
offsets, so the key cannot drift from the text without an error.

>>> key = load_answer_key("000_b7d55dfd4cdbabc3")
>>> key.units[0].part, key.units[0].text[:26]
('headline', 'Russia Says It Will Not At')
>>> all(key.text[u.start:u.end] == u.text for u in key.units)
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from medialit import schemas
from medialit.articles import decode_bytes, seed_path
from medialit.vocabulary import sentence_label

KEY_DIR = Path(__file__).parent / "data" / "answer_key"


class AnswerKeyError(ValueError):
    """The answer-key file does not fit its article or the annotation guide."""


@dataclass(frozen=True)
class KeyLabel:
    label: str
    rationale: str


@dataclass(frozen=True)
class KeyCue:
    start: int
    end: int
    text: str
    label: str
    voice: str


@dataclass(frozen=True)
class KeyUnit:
    """One headline, dek or body sentence, as the expert reads it."""

    index: int
    start: int
    end: int
    text: str
    part: str
    paragraph: int | None
    labels: tuple[KeyLabel, ...]
    cues: tuple[KeyCue, ...]
    note: str = ""

    @property
    def label_set(self) -> frozenset[str]:
        return frozenset(lab.label for lab in self.labels)

    def rationale(self, label: str) -> str | None:
        return next((lab.rationale for lab in self.labels if lab.label == label), None)


@dataclass(frozen=True)
class KeySource:
    start: int
    end: int
    text: str
    type: str
    unit: int
    note: str = ""


@dataclass(frozen=True)
class KeyNote:
    topic: str
    paragraphs: tuple[int, ...]
    note: str


@dataclass(frozen=True)
class AnswerKey:
    article_id: str
    text: str
    sha256: str
    parts: dict
    units: tuple[KeyUnit, ...]
    sources: tuple[KeySource, ...]
    notes: tuple[KeyNote, ...]

    def units_with(self, label: str) -> list[KeyUnit]:
        return [u for u in self.units if label in u.label_set]

    def only(self, labels, paragraph: int | None = None) -> "AnswerKey":
        """The key cut down to some labels (and one paragraph), for feedback on part of the task.

        Each unit keeps only these labels, and the cues that stand for them (a ``loaded``
        cue stands for ``opinion``: :func:`medialit.vocabulary.sentence_label`). Sources
        stay only when ``attribution`` is one of the labels, and only in the units kept.

        >>> key = load_answer_key("003_9a3e418065795979").only(("hedge", "booster"), paragraph=7)
        >>> {u.paragraph for u in key.units}, sorted({c.label for u in key.units for c in u.cues})
        ({7}, ['booster', 'hedge'])
        >>> key.sources
        ()
        """
        wanted = set(labels)
        units = tuple(replace(u, labels=tuple(lab for lab in u.labels if lab.label in wanted),
                              cues=tuple(c for c in u.cues if c.label in wanted or sentence_label(c.label) in wanted))
                      for u in self.units if paragraph is None or u.paragraph == paragraph)
        kept = {u.index for u in units}
        sources = tuple(s for s in self.sources if s.unit in kept) if "attribution" in wanted else ()
        return replace(self, units=units, sources=sources)

    def source_rows(self) -> list[dict]:
        """One row per source of the key (where, source, type, the key's note), for a table.

        >>> load_answer_key("000_b7d55dfd4cdbabc3").source_rows()[0]["where"]
        'headline'
        """
        rows, units = [], {u.index: u for u in self.units}
        for source in self.sources:
            unit = units[source.unit]
            rows.append({"where": f"¶{unit.paragraph}" if unit.paragraph else unit.part,
                         "source": source.text, "type": source.type.replace("_", " "), "key's note": source.note})
        return rows


def answer_key_ids() -> list[str]:
    """Articles that have an answer key: the seed articles and the articles written for the kit.

    >>> answer_key_ids()
    ['000_b7d55dfd4cdbabc3', '003_9a3e418065795979', 'kit01_phone_ban']
    """
    return sorted(p.stem for p in KEY_DIR.glob("*.json"))


def _find(text: str, needle: str, start: int, occurrence: int, where: str) -> int:
    pos = start - 1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise AnswerKeyError(f"{where}: {needle[:60]!r} (occurrence {occurrence}) is not in the text")
    return pos


@lru_cache(maxsize=None)
def load_answer_key(article_id: str, path: str | None = None, article_path: str | None = None) -> AnswerKey:
    """Load and check the key of one article; offsets are resolved against its text.

    Raises :class:`AnswerKeyError` in one sentence if the file does not fit its schema
    (``answer_key.schema.json``: fields, labels, source types, voices), was written for
    another version of the text, or quotes text that is not where it says.
    """
    key_path = Path(path) if path else KEY_DIR / f"{article_id}.json"
    if not key_path.is_file():
        raise AnswerKeyError(f"no answer key for {article_id!r} (looked for {key_path})")
    try:
        data = json.loads(key_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise AnswerKeyError(f"{key_path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    why = schemas.problem(data, "answer_key")
    if why:
        raise AnswerKeyError(f"{key_path.name}: {why}")
    raw = Path(article_path).read_bytes() if article_path else seed_path(article_id).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if data.get("sha256") != digest:
        raise AnswerKeyError(f"{key_path}: written for another version of the article text "
                             f"(sha256 {str(data.get('sha256'))[:12]}…, the text is {digest[:12]}…)")
    text, _ = decode_bytes(raw)

    units: list[KeyUnit] = []
    pos = 0
    for i, u in enumerate(data["units"]):
        where = f"{key_path.name}: unit {i}"
        start = _find(text, u["text"], pos, 1, where)
        end = start + len(u["text"])
        pos = end
        labels = tuple(KeyLabel(lab["label"], lab["rationale"]) for lab in u.get("labels", []))
        cues = []
        for c in u.get("cues", []):
            cs = _find(text, c["text"], start, c.get("occurrence", 1), where)
            if cs + len(c["text"]) > end:
                raise AnswerKeyError(f"{where}: cue {c['text']!r} is outside its sentence")
            cues.append(KeyCue(cs, cs + len(c["text"]), c["text"], c["label"], c["voice"]))
        units.append(KeyUnit(i, start, end, u["text"], u["part"], u.get("paragraph"), labels, tuple(cues),
                             u.get("note") or ""))

    sources = []
    for j, s in enumerate(data.get("sources", [])):
        where = f"{key_path.name}: source {j}"
        if s["unit"] >= len(units):
            raise AnswerKeyError(f"{where}: there is no unit {s['unit']} (the key has {len(units)})")
        unit = units[s["unit"]]
        ss = _find(text, s["text"], unit.start, s.get("occurrence", 1), where)
        if ss + len(s["text"]) > unit.end:
            raise AnswerKeyError(f"{where}: {s['text']!r} is outside unit {unit.index}")
        sources.append(KeySource(ss, ss + len(s["text"]), s["text"], s["type"], unit.index, s.get("note") or ""))

    notes = tuple(KeyNote(n["topic"], tuple(n.get("paragraphs", [])), n["note"]) for n in data.get("notes", []))
    return AnswerKey(article_id, text, digest, data.get("parts", {}), tuple(units), tuple(sources), notes)
