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

The package: :mod:`~medialit.cues.patterns` (the pattern syntax as regular expressions),
:mod:`~medialit.cues.entries` (labels, kinds, reading and checking the CSV files) and
:mod:`~medialit.cues.lexicons` (:class:`Lexicons`, the scanner, and :func:`load_lexicons`).
Everything in ``__all__`` is importable from ``medialit.cues`` itself.
"""

from medialit.cues.entries import (KINDS, LABELS, REQUIRED_COLUMNS, Entry, LexiconError, copy_default_lexicons,
                                   default_folder, read_lexicon_file)
from medialit.cues.lexicons import Lexicons, Match, load_lexicons
from medialit.cues.patterns import (NUMBER_RE, Alternative, PatternError, compile_alternative,
                                    split_alternatives)

__all__ = [
    "LABELS", "KINDS", "REQUIRED_COLUMNS", "LexiconError", "PatternError", "Entry", "Alternative", "Lexicons",
    "Match", "load_lexicons", "default_folder", "copy_default_lexicons", "read_lexicon_file",
    "compile_alternative", "split_alternatives", "NUMBER_RE",
]
