"""The rows of the cue lists: the labels and kinds a row may carry, and reading and checking the CSV files.

Each file in ``medialit/data/cues/`` is a CSV table with at least the columns
``pattern``, ``label`` and ``explanation``; lines starting with ``#`` are comments.
A file that breaks the rules raises :class:`LexiconError` naming the file and line.

>>> rows = read_lexicon_file(default_folder() / "hedges.csv")
>>> rows[0].label, rows[0].where.startswith("hedges.csv:")
('hedge', True)
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

from medialit.cues.patterns import Alternative, PatternError, compile_alternative, split_alternatives
from medialit.vocabulary import CUE_LABELS, LABEL_MEANINGS

#: Every label a lexicon row may carry, with what the detector does with it: the cue labels
#: and speculation (their meanings are the vocabulary's), then the labels only the lists use.
LABELS: dict[str, str] = {
    **{label: LABEL_MEANINGS[label] for label in CUE_LABELS + ("speculation",)},
    "outlet": "a news outlet or agency, or a word that names one (Reuters, newspaper)",
    "institution": "a body that speaks as a whole, or a word that names one (ministry, Kremlin)",
    "vague": "an unspecified group or impression used as a source (critics, some experts)",
    "anonymous": "a specific but unnamed person used as a source (a senior official)",
    "title": "a title or role that comes with a person's name (Gen., spokesman)",
    "not_a_cue": "a false friend: a phrase that contains a cue word but is not that cue",
}

#: Labels whose ``kind`` column changes what the detector does, with the allowed kinds.
#: The first kind listed is the default when the column is empty.
KINDS: dict[str, dict[str, str]] = {
    "attribution": {
        "verb": "a reporting verb; it counts only with someone doing the saying before it (X said)",
        "participle": "an -ing reporting form after a comma or 'by' (…, adding that)",
        "before_source": "a phrase followed by the source (according to X)",
        "belief": "a belief or expectation verb; it counts with someone holding the view before it (experts believe)",
        "quote_verb": "a verb that labels something with a quotation (X called the plan “reckless”)",
        "evidence": "a verb whose subject is a document or poll (the survey shows, the report found)",
        "passive": "a passive phrase that reports a view without a speaker (is expected to, is thought to)",
        "after_source": "a phrase whose source comes before it (parents who spoke to the Gazette)",
        "view": "a phrase that gives the view of someone named before (in his view)",
    },
    "speculation": {
        "guess": "the writer guesses (perhaps at the start of a sentence, it is conceivable that)",
        "future": "a claim about the future in the writer's own voice (will)",
        "wait_and_see": "the writer says the future will decide (time will tell)",
        "hidden": "hidden dealings or motives (behind-the-scenes, secret deal)",
        "modal_perfect": "a guess about what may have happened (may have agreed)",
        "counterfactual": "what would happen if… (if … would)",
        "motive": "a word about reasons or motives; speculation only together with a hedge or booster",
        "modal": "a modal of possibility (may, might, could); off wherever a false friend switches off the hedge",
        "prediction": "a forecast phrase (is likely to, is expected to, is set to); speculation in any voice",
        "forecast": "a belief or prediction verb before will/would (critics fear … would); speculation in any voice",
        "effect": "a verb of effect or an outcome after would/will (the bid would cut the subsidy); not after it/they/we (it would cut prices, we will win)",
        "reported_effect": "a plan or change and 'would' in a source's words (she said the plan would leave villages cut off); not in the writer's own voice, where it sets out the plan",
        "schedule": "a date word (Monday, March); after plain will in the writer's voice it marks a planned event",
    },
    "vague": {
        "phrase": "always a (vague) source",
        "citing": "a source that also makes the sentence an attribution (reports appearing in)",
        "noun": "a source only when it does the saying (critics said)",
        "reaction": "a group and its reaction opening a sentence (Others were more cautious): the group is the source",
    },
    "anonymous": {
        "phrase": "always an (anonymous) source",
        "citing": "a source that also makes the sentence an attribution (who asked not to be named)",
        "noun": "a source only when it does the saying (sources said)",
    },
    "outlet": {
        "name": "the name of an outlet or agency (Reuters)",
        "head": "a word that ends outlet names (Times, Post)",
        "descriptor": "a word that introduces an outlet (news agency, newspaper)",
    },
    "institution": {
        "name": "the name of an institution (Kremlin, White House)",
        "head": "a word that ends institution names (Ministry, Committee)",
        "place": "a country or capital standing for its government (Moscow, Washington)",
    },
    "not_a_cue": {k: f"turns off {k} matches inside it" for k in (
        "hedge", "booster", "attribution", "opinion", "loaded", "speculation", "source", "any")},
}

REQUIRED_COLUMNS = ("pattern", "label", "explanation")
_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"", "no", "n", "false", "0"}


class LexiconError(ValueError):
    """A lexicon file that cannot be used. The message starts with ``"<file>:<line>:"``."""


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon file.

    ``where`` (``"hedges.csv:12"``) tells a teacher which line to edit.
    ``rule`` names the false-friend rule for ``not_a_cue`` rows (``"false_friend"`` if the
    column is missing or empty).
    """

    pattern: str
    label: str
    explanation: str
    kind: str = ""
    note: str = ""
    match_case: bool = False
    rule: str = ""
    file: str = ""
    line: int = 0
    alternatives: tuple[Alternative, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def where(self) -> str:
        # Speed: worked out once per row (cached_property): every cue and attribution records it.
        return f"{self.file}:{self.line}"


def default_folder() -> Path:
    """The folder holding the kit's own lexicons."""
    return Path(__file__).resolve().parent.parent / "data" / "cues"


def _comment_filter(handle: Iterable[str]) -> Iterator[str]:
    for line in handle:
        if line.lstrip(" \t").startswith("#"):
            yield "\n"  # keeps csv's line counter right
        else:
            yield line


def read_lexicon_file(path: Path) -> list[Entry]:
    """Read and check one CSV file; raise :class:`LexiconError` with file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}:0: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise LexiconError(f"{path}:{line}: is not UTF-8 text; save the file as 'CSV UTF-8'") from None
    reader = csv.reader(_comment_filter(io.StringIO(text, newline="")), strict=True)
    header: list[str] | None = None
    entries: list[Entry] = []
    prev_line = 0
    try:
        for row in reader:
            start_line = prev_line + 1
            prev_line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if header is None:
                header = [c.strip().lower() for c in row]
                for col in REQUIRED_COLUMNS:
                    if col not in header:
                        raise LexiconError(f"{path}:{start_line}: missing column '{col}' in the header row "
                                           f"(found: {', '.join(header)}); the header needs "
                                           f"{', '.join(REQUIRED_COLUMNS)}")
                dups = {c for c in header if c and header.count(c) > 1}
                if dups:
                    raise LexiconError(f"{path}:{start_line}: column '{sorted(dups)[0]}' appears twice in the header row")
                continue
            entries.append(_row_to_entry(path, start_line, header, row))
    except csv.Error as exc:
        raise LexiconError(f"{path}:{reader.line_num}: bad CSV: {exc} (check the quotation marks)") from None
    if header is None:
        raise LexiconError(f"{path}:1: the file is empty; it needs a header row "
                           f"({', '.join(REQUIRED_COLUMNS)}) and at least one entry")
    return entries


def _row_to_entry(path: Path, line: int, header: list[str], row: list[str]) -> Entry:
    where = f"{path}:{line}"
    if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
        raise LexiconError(f"{where}: the row has {len(row)} values but the header has {len(header)} "
                           "columns (put text containing commas in double quotes)")
    cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
    pattern, label, explanation = cells["pattern"], cells["label"].lower(), cells["explanation"]
    if not pattern:
        raise LexiconError(f"{where}: empty pattern")
    if not label:
        raise LexiconError(f"{where}: missing label; use one of: {', '.join(LABELS)}")
    if label not in LABELS:
        raise LexiconError(f"{where}: unknown label '{label}'; use one of: {', '.join(LABELS)}")
    if not explanation:
        raise LexiconError(f"{where}: missing explanation; every entry says in one sentence why it is a cue")
    kind = cells.get("kind", "").lower()
    if label in KINDS:
        allowed = KINDS[label]
        if not kind:
            if label == "not_a_cue":
                raise LexiconError(f"{where}: a not_a_cue row needs a kind saying which label it turns off "
                                   f"({', '.join(allowed)})")
            kind = next(iter(allowed))
        elif kind not in allowed:
            raise LexiconError(f"{where}: unknown kind '{kind}' for label '{label}'; use one of: "
                               f"{', '.join(allowed)}")
    mc = cells.get("match_case", "").lower()
    if mc not in _TRUE and mc not in _FALSE:
        raise LexiconError(f"{where}: match_case must be 'yes' or 'no', not '{cells.get('match_case')}'")
    match_case = mc in _TRUE
    rule = cells.get("rule", "")
    if rule and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", rule):
        raise LexiconError(f"{where}: rule name '{rule}' must be one word made of letters, digits and _")
    if label == "not_a_cue" and not rule:
        rule = "false_friend"
    alts = []
    for alt in split_alternatives(pattern):
        try:
            alts.append(compile_alternative(alt, match_case))
        except PatternError as exc:
            raise LexiconError(f"{where}: bad pattern {alt!r}: {exc}") from None
    if label == "title" and not kind:
        kind = re.sub(r"[^\w ]", "", alts[0].source.lower()).strip()
    return Entry(pattern=pattern, label=label, explanation=explanation, kind=kind,
                 note=cells.get("note", ""), match_case=match_case, rule=rule,
                 file=path.name, line=line, alternatives=tuple(alts))


def copy_default_lexicons(dest: str | Path) -> Path:
    """Copy the kit's lists (and their README) to ``dest`` so a teacher can edit them.

    Use the copy with ``load_lexicons(dest)`` or ``analyze(article, load_lexicons(dest))``.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for p in default_folder().iterdir():
        if p.suffix in (".csv", ".md"):
            shutil.copy2(p, dest / p.name)
    return dest
