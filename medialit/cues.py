"""Cue lexicons: the word lists behind the detector, kept as CSV files teachers can edit.

Each file in ``medialit/data/cues/`` is a plain CSV table with a header row and
at least the columns ``pattern``, ``label`` and ``explanation``. Lines starting
with ``#`` are comments. See ``medialit/data/cues/README.md`` for the pattern
syntax written for teachers; in short:

* words match whole words, ignoring case (``may`` does not match ``mayor``);
* ``|`` separates alternatives: ``said | says | told``;
* a space matches any run of spaces, tabs, line breaks or non-breaking spaces;
* ``'`` also matches the curly apostrophe ``’``; ``"`` also matches ``“`` and ``”``;
  ``-`` also matches the Unicode hyphens;
* ``*`` at the end of a word matches any ending: ``slam*`` finds *slams*, *slammed*;
* ``<number>`` is a number (``5``, ``1,200``, ``twenty``); ``<word>`` is any one word;
* ``...`` is a gap of up to 12 words inside the same sentence: ``if ... would``;
* ``^`` at the start means "only at the start of a sentence": ``^perhaps``.

>>> lex = load_lexicons()
>>> [(m.text, m.entry.label) for m in lex.find("Perhaps they said so.", label="hedge")]
[('Perhaps', 'hedge')]
>>> [m.text for m in lex.find("Some 300 people came, roughly 40 of them by bus.", label="not_a_cue")]
['Some 300', 'roughly 40']

Loading is done once: the kit's own lists are cached, and every list is
compiled into one fast search pattern (a "trie" of all entries) so that an
article is scanned once, not once per word.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

__all__ = [
    "LABELS", "KINDS", "LexiconError", "Entry", "Alternative", "Lexicons", "Match",
    "load_lexicons", "default_folder", "copy_default_lexicons", "compile_alternative",
]

#: Every label a lexicon row may carry, with what the detector does with it.
LABELS: dict[str, str] = {
    "hedge": "lowers how sure a claim sounds (perhaps, may, seems)",
    "booster": "raises how sure a claim sounds without evidence (obviously, of course)",
    "attribution": "says where information comes from (said, according to)",
    "opinion": "the writer evaluates or prescribes (in my view, ought to)",
    "loaded": "emotionally charged word choice (slammed, regime)",
    "speculation": "a claim about the unknown: the future, hidden motives, secret deals",
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
    },
    "speculation": {
        "guess": "the writer guesses (perhaps at the start of a sentence, it is conceivable that)",
        "future": "a claim about the future in the writer's own voice (will)",
        "wait_and_see": "the writer says the future will decide (time will tell)",
        "hidden": "hidden dealings or motives (behind-the-scenes, secret deal)",
        "modal_perfect": "a guess about what may have happened (may have agreed)",
        "counterfactual": "what would happen if… (if … would)",
        "motive": "a word about reasons or motives; speculation only together with a hedge or booster",
    },
    "vague": {
        "phrase": "always a (vague) source",
        "citing": "a source that also makes the sentence an attribution (reports appearing in)",
        "noun": "a source only when it does the saying (critics said)",
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


class PatternError(ValueError):
    """A pattern that does not follow the syntax (wrapped into LexiconError with file and line)."""


# ---------------------------------------------------------------------------
# Pattern syntax -> regular expressions
# ---------------------------------------------------------------------------

_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                 "eighty ninety hundred hundreds thousand thousands million millions billion billions "
                 "dozen dozens").split()
NUMBER_RE = (r"(?:(?:[$€£]\s?)?\d+(?:[.,]\d+)*%?|(?i:(?:a\s+)?(?:half\s+a\s+)?(?:"
             + "|".join(_NUMBER_WORDS) + r"|a\s+dozen|a\s+few)))")
# the same without the case-insensitive group, for the search trie (which runs on lowered text)
NUMBER_TRIE_RE = (r"(?:(?:[$€£]\s?)?\d+(?:[.,]\d+)*%?|(?:a\s+)?(?:half\s+a\s+)?(?:"
                  + "|".join(_NUMBER_WORDS) + r"|a\s+dozen|a\s+few))")
WORD_RE = r"\w[\w'’‐‑-]*"
GAP_RE = r"(?:\s+\S+){0,12}?"
SPACE_RE = r"\s+"
_PLACEHOLDERS = {"<number>": NUMBER_RE, "<word>": WORD_RE}
_CHAR_CLASSES = {"'": "['’‘]", '"': '["“”]', "-": "[-‐‑]"}


@dataclass(frozen=True)
class Alternative:
    """One alternative of a pattern, compiled.

    ``units`` are the regex pieces in order (one per character or placeholder), used to
    build the combined search trie; ``regex`` is their concatenation; ``key`` is the
    first literal word (lowercase) used to find candidates quickly, ``star`` tells that
    the key is only a prefix (``slam*``).
    """

    source: str
    units: tuple[str, ...]
    trie_units: tuple[str, ...]
    regex: str
    key: str
    star: bool
    anchored: bool


def _lower1(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def compile_alternative(alt: str, match_case: bool = False) -> Alternative:
    """Turn one alternative written in the teacher syntax into regex pieces.

    >>> compile_alternative("according to").regex
    'according\\\\s+to'
    >>> compile_alternative("slam*").regex
    'slam\\\\w*'
    >>> compile_alternative("^perhaps").anchored
    True
    """
    text = " ".join(alt.split())
    anchored = False
    if text.startswith("^"):
        anchored = True
        text = text[1:].strip()
    if not text:
        raise PatternError("empty alternative (check for a doubled or trailing '|')")
    words = text.split(" ")
    if words[0] == "..." or words[-1] == "...":
        raise PatternError("'...' must stand between two words")
    units: list[str] = []
    trie_units: list[str] = []
    literal_seen = False
    prev_gap = False
    for wi, word in enumerate(words):
        if word == "...":
            if prev_gap:
                raise PatternError("two '...' in a row")
            units.append(GAP_RE)
            trie_units.append(GAP_RE)
            prev_gap = True
            continue
        prev_gap = False
        if wi:
            units.append(SPACE_RE)
            trie_units.append(SPACE_RE)
        if word.startswith("<") or word.endswith(">"):
            if word not in _PLACEHOLDERS:
                raise PatternError(f"unknown placeholder {word!r}; use <number> or <word>")
            units.append(_PLACEHOLDERS[word])
            trie_units.append(NUMBER_TRIE_RE if word == "<number>" else _PLACEHOLDERS[word])
            continue
        if "^" in word:
            raise PatternError("'^' may only start a pattern")
        for ci, ch in enumerate(word):
            if ch == "*":
                if ci != len(word) - 1 or ci == 0:
                    raise PatternError("'*' may only end a word, after at least one letter")
                units.append(r"\w*")
                trie_units.append(r"\w*")
            elif ch in _CHAR_CLASSES:
                units.append(_CHAR_CLASSES[ch])
                trie_units.append(_CHAR_CLASSES[ch])
            else:
                if ch.isalnum():
                    literal_seen = True
                units.append(re.escape(ch if match_case else _lower1(ch)))
                trie_units.append(re.escape(_lower1(ch)))
    if not literal_seen:
        raise PatternError("a pattern needs at least one ordinary word, not only placeholders")
    first = words[0]
    m = re.match(r"\w+", first) if not first.startswith("<") else None
    key = _lower1_str(m.group(0)) if m else ""
    star = bool(m) and first[m.end():m.end() + 1] == "*"
    regex = "".join(units)
    try:
        re.compile(regex)
    except re.error as exc:  # pragma: no cover - escaping makes this unlikely
        raise PatternError(f"cannot be compiled ({exc})") from None
    return Alternative(alt.strip(), tuple(units), tuple(trie_units), regex, key, star, anchored)


def _lower1_str(s: str) -> str:
    return "".join(_lower1(c) for c in s)


def split_alternatives(pattern: str) -> list[str]:
    """``"said | says"`` -> ``["said", "says"]``."""
    return [p.strip() for p in pattern.split("|")]


# ---------------------------------------------------------------------------
# Entries and files
# ---------------------------------------------------------------------------

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

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


class Match(NamedTuple):
    """A lexicon match found by :meth:`Lexicons.find`."""

    start: int
    end: int
    text: str
    entry: Entry


def default_folder() -> Path:
    """The folder holding the kit's own lexicons."""
    return Path(__file__).resolve().parent / "data" / "cues"


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


# ---------------------------------------------------------------------------
# The scanner: one combined trie regex for all entries
# ---------------------------------------------------------------------------

def _trie_regex(alts: Iterable[tuple[str, ...]]) -> str:
    root: dict = {}
    for units in alts:
        node = root
        for u in units:
            node = node.setdefault(u, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = sorted(k for k in node if k)
        parts = [k + emit(node[k]) for k in keys]
        terminal = "" in node
        if not parts:
            return ""
        if len(parts) == 1:
            body = parts[0]
            if not terminal:
                return body
            return "(?:" + body + ")?"
        body = "(?:" + "|".join(parts) + ")"
        return body + "?" if terminal else body

    return emit(root)


class _Candidate:
    """One alternative of an entry, ready for scan()."""
    # Speed: a class with __slots__ rather than a NamedTuple, as scan() reads these fields
    # for every match, and Python reads a slot about twice as fast as a NamedTuple field.
    __slots__ = ("rx", "entry", "anchored", "original", "literal", "literal_low")

    def __init__(self, rx: re.Pattern, entry: Entry, anchored: bool, original: bool, literal: str | None):
        self.rx = rx
        self.entry = entry
        self.anchored = anchored
        self.original = original  # match on the original text (match_case) instead of the lowered one
        self.literal = literal  # the alternative is one plain word: compare strings, no regex needed
        # literal.lower(), worked out once here rather than at every match
        self.literal_low = literal.lower() if literal is not None else None

    def __repr__(self) -> str:
        return f"_Candidate({self.rx.pattern!r}, {self.entry.where}, literal={self.literal!r})"


class Lexicons:
    """All loaded entries, grouped by label, with a compiled scanner.

    >>> lex = load_lexicons()
    >>> sorted({e.label for e in lex.entries}) == sorted(LABELS)
    True
    >>> lex.by_label("hedge")[0].label
    'hedge'
    """

    def __init__(self, entries: Iterable[Entry], files: Iterable[Path] = (), folder: Path | None = None):
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.files: tuple[Path, ...] = tuple(files)
        self.folder = folder
        self._by_label: dict[str, tuple[Entry, ...]] = {
            lab: tuple(e for e in self.entries if e.label == lab) for lab in LABELS}
        self._compile()

    def __repr__(self) -> str:
        return f"<Lexicons: {len(self.entries)} entries from {len(self.files)} files>"

    def by_label(self, label: str) -> tuple[Entry, ...]:
        return self._by_label.get(label, ())

    def _compile(self) -> None:
        exact: dict[str, list[_Candidate]] = {}
        star: dict[str, list[_Candidate]] = {}
        generic: list[_Candidate] = []
        trie_alts = []
        for e in self.entries:
            for a in e.alternatives:
                src = a.source[1:].strip() if a.anchored else a.source
                plain = re.fullmatch(r"\w+", src) is not None and len(src.lower()) == len(src)
                lit = (src if e.match_case else src.lower()) if plain else None
                cand = _Candidate(re.compile("(?:" + a.regex + r")(?!\w)"), e, a.anchored, e.match_case, lit)
                trie_alts.append(a.trie_units)
                if not a.key:
                    generic.append(cand)
                elif a.star:
                    star.setdefault(a.key, []).append(cand)
                else:
                    exact.setdefault(a.key, []).append(cand)
        self._exact = {k: tuple(v) for k, v in exact.items()}
        self._star = {k: tuple(v) for k, v in star.items()}
        self._generic = tuple(generic)
        self._star_lens = tuple(sorted({len(k) for k in star}))
        body = _trie_regex(trie_alts) if trie_alts else r"(?!)"
        # At a word start (no word character before it), some alternative matches and ends at
        # a word end. The lookahead (?=...) does not consume the text, so matches that start
        # inside another match (the "to" of "according to") are found too. The group then
        # takes the first word (maybe empty), which scan() needs to look up the candidates;
        # consuming it loses no match, since none can start inside or right after a word.
        #
        # Speed: the pattern below is that, but it finds "no word character before" by
        # matching the non-word character itself, [^\w], instead of the look-behind (?<!\w).
        # A pattern that starts with a character class lets the re module skip ahead to
        # those characters quickly instead of trying every position of the text. scan()
        # then starts searching one character early, and tries the very start of the text,
        # which has no character before it, with _trie_at_start.
        #     (?<!\w)(?=BODY(?!\w))(\w*)
        self._trie = re.compile(r"[^\w](?=" + body + r"(?!\w))(\w*)")
        self._trie_at_start = re.compile(r"(?=" + body + r"(?!\w))(\w*)")

    @staticmethod
    def lowered(text: str) -> str:
        """``text.lower()`` with the same length as ``text`` (so offsets stay valid)."""
        low = text.lower()
        if len(low) == len(text):
            return low
        bad = {c for c in set(text) if len(c.lower()) != 1}
        return text.translate({ord(c): c.lower()[0] for c in bad}).lower()

    def scan(self, text: str, low: str | None = None, start: int = 0, end: int | None = None
             ) -> list[tuple[int, int, Entry, bool]]:
        """All entry matches in ``text[start:end]`` as ``(start, end, entry, anchored)``.

        Matches of different entries may overlap; for one entry at one position the
        longest alternative is kept. ``anchored`` says the alternative began with ``^``
        (the caller checks the sentence start). ``low`` is :meth:`lowered` of ``text``
        (pass it when scanning many pieces of one text).
        """
        if low is None:
            low = self.lowered(text)
        if end is None:
            end = len(text)
        out: list[tuple[int, int, Entry, bool]] = []
        exact, star, generic, star_lens = self._exact, self._star, self._generic, self._star_lens
        empty: tuple = ()
        if start > 0:
            found = self._trie.finditer(low, start - 1, end)
        else:  # at the start of the text (see _compile)
            first = self._trie_at_start.match(low, 0, end)
            found = ([first] if first else []) + list(self._trie.finditer(low, 0, end))
        for m in found:
            word = m.group(1)  # the first word of the match (lowered), "" if it starts with a sign
            pos, wend = m.span(1)
            cands = exact.get(word, empty)
            if star_lens:
                n = len(word)
                for k in star_lens:
                    if k <= n:
                        got = star.get(word[:k])
                        if got:
                            cands = cands + got
            if generic:
                cands = cands + generic
            if len(cands) == 1:
                c = cands[0]
                if c.literal is not None:
                    # the dictionary key already equals the (lowered) word, which ends at a non-word char
                    if not c.original or text[pos:wend] == c.literal:
                        out.append((pos, wend, c.entry, c.anchored))
                    continue
                mm = c.rx.match(text if c.original else low, pos, end)
                if mm is not None:
                    out.append((pos, mm.end(), c.entry, c.anchored))
                continue
            best: dict[int, tuple[int, int, Entry, bool]] = {}
            for c in cands:
                if c.literal is not None and c.literal_low == word:
                    if c.original and text[pos:wend] != c.literal:
                        continue
                    stop = wend
                else:
                    mm = c.rx.match(text if c.original else low, pos, end)
                    if mm is None:
                        continue
                    stop = mm.end()
                key = id(c.entry)
                prev = best.get(key)
                if prev is None or stop > prev[1]:
                    best[key] = (pos, stop, c.entry, c.anchored)
            out.extend(best.values())
        return out

    def find(self, text: str, label: str | None = None) -> list[Match]:
        """Every match in a piece of text (for exploring a list in a notebook).

        ``^`` entries are kept only at the start of the text.

        >>> [m.text for m in load_lexicons().find("Critics slammed the regime.", label="loaded")]
        ['slammed', 'regime']
        """
        out = []
        first = len(text) - len(text.lstrip(" \t\r\n\u00a0\"'“‘(["))
        for s, e, entry, anchored in self.scan(text):
            if label is not None and entry.label != label:
                continue
            if anchored and s != first:
                continue
            out.append(Match(s, e, text[s:e], entry))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def entries_matching(self, phrase: str) -> list[Entry]:
        """Entries that match the whole of ``phrase`` (to answer "is this word in a list?").

        >>> [e.label for e in load_lexicons().entries_matching("rather than")]
        ['not_a_cue']
        """
        phrase = phrase.strip()
        return [m.entry for m in self.find(phrase) if m.start == 0 and m.end == len(phrase)]


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

_DEFAULT: Lexicons | None = None


def load_lexicons(folder: str | Path | None = None, *, with_defaults: bool = False) -> Lexicons:
    """Load every ``*.csv`` file of a folder (default: the kit's own lists, cached).

    ``with_defaults=True`` starts from the kit's own lists and adds the folder's files;
    a folder file with the same name as a kit file replaces it.

    >>> load_lexicons() is load_lexicons()
    True
    """
    global _DEFAULT
    if folder is None:
        if _DEFAULT is None:
            _DEFAULT = _load([default_folder()])
        return _DEFAULT
    folder = Path(folder)
    if not folder.is_dir():
        raise LexiconError(f"{folder}:0: no such folder")
    return _load(([default_folder()] if with_defaults else []) + [folder])


def _load(folders: list[Path]) -> Lexicons:
    files: dict[str, Path] = {}
    for f in folders:
        for p in sorted(f.glob("*.csv")):
            files[p.name] = p
    if not files:
        raise LexiconError(f"{folders[-1]}:0: no lexicon files (*.csv) in this folder")
    entries: list[Entry] = []
    for name in sorted(files):
        entries.extend(read_lexicon_file(files[name]))
    return Lexicons(entries, files.values(), folders[-1])


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
