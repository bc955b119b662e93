"""Parts of the page: give every block a kind (headline, dek, date, byline, boilerplate, related, body).

Each :class:`~medialit.articles.model.Part` says in plain words why its block got its kind.

>>> from medialit.articles.blocks import split_blocks
>>> text = "Big News\\n\\nMay 1, 2020 | By Jane Roe\\n\\nIt may rain today, said the forecaster at the office."
>>> [(p.kind, p.text[:11]) for p in find_parts(text, split_blocks(text))]
[('headline', 'Big News'), ('date', 'May 1, 2020'), ('byline', 'By Jane Roe'), ('body', 'It may rain')]
"""

from __future__ import annotations

import re

from medialit.articles.blocks import strip_span
from medialit.articles.boilerplate import matching_rule
from medialit.articles.model import Part
from medialit.articles.sentences import count_sentence_marks
from medialit.articles.wordsets import MONTHS, WEEKDAYS, byline_marker_pattern


def _names(words: frozenset[str]) -> str:
    """An alternation of ``words``, longest first ("September" before "Sep")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# Month and day names come from medialit/data/articles/months.csv and weekdays.csv.
_MONTH = r"(?:" + _names(MONTHS) + r")\.?"
_DATE = re.compile(
    r"(?:(?:" + _names(WEEKDAYS) + r"),?\s+)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4})"
)
# Byline markers ("By", "Written by") come from medialit/data/articles/byline_markers.csv.
_BYLINE = re.compile(r"(?:^|(?<=[,|\-–—]\s)|(?<=[,|]))\s*(?:" + byline_marker_pattern() + r")\b[^\n]{0,80}$",
                     re.IGNORECASE)
# Speed: every date has a digit and every byline a marker word; these quick searches (the re
# module jumps to the possible first characters) tell when the two patterns above, which must
# be tried at every position of the line, cannot match.
_DIGIT = re.compile(r"\d")
_MARKER = re.compile(r"(?:" + byline_marker_pattern() + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*")
# A dateline opening the first paragraph: a place in capitals, perhaps a region and a day
# ("HARROWFIELD, March 3 —", "ST. IVES, Cornwall —"), then a dash and a capital letter. One with
# an agency in brackets ("LONDON (Reuters) —") stays in the sentence: the agency is a source.
_DATELINE = re.compile(
    r"[A-Z][A-Z’'.\-]+(?:\s[A-Z][A-Z’'.\-]+){0,3}"
    r"(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    r"(?:,\s(?:" + _MONTH + r"\s\d{1,2}(?:,\s\d{4})?|\d{1,2}\s" + _MONTH + r"(?:\s\d{4})?))?"
    r"\s(?:—|–|--?)\s+(?=[“\"‘]?[A-Z])"
)


def _ends_like_sentence(block: str) -> bool:
    return bool(_SENTENCE_END.search(block))


def _date_and_byline(text: str, start: int, end: int) -> list[Part] | None:
    """Parts for a short date/byline line, or None if the block is something else."""
    block = text[start:end]
    if len(block) > 120 or "\n" in block.strip():
        return None
    parts: list[Part] = []
    m = _DATE.search(block) if _DIGIT.search(block) else None
    by = _BYLINE.search(block) if _MARKER.search(block) else None
    if m is None and by is None:
        return None
    covered = 0
    if m is not None:
        parts.append(Part("date", start + m.start(), start + m.end(), m.group(),
                          "date: a calendar date on a short line near the top"))
        covered += m.end() - m.start()
    if by is not None:
        s, e = strip_span(text, start + by.start(), start + by.end())
        parts.append(Part("byline", s, e, text[s:e],
                          "byline: a short line starting with 'By' or 'Written by'"))
        covered += e - s
    # The line must be mostly date and byline, not a sentence that mentions a date.
    rest = len(re.sub(r"[\s,|\-–—]", "", block)) - covered
    if rest > 12 or (by is None and _ends_like_sentence(block) and len(block) > 40):
        return None
    return sorted(parts, key=lambda p: p.start)


def find_parts(text: str, blocks: list[tuple[int, int]], body_only: bool = False) -> list[Part]:
    """Give every block a kind, with the reason in plain words."""
    if body_only:
        return [Part("body", s, e, text[s:e], "body: --body-only treats every block as body", i + 1)
                for i, (s, e) in enumerate(blocks)]

    found = _boilerplate(text, blocks)

    def prose(i: int) -> bool:
        block = text[slice(*blocks[i])]
        return _ends_like_sentence(block) and (
            len(block) >= 80 or block.count(" ") >= 12 or count_sentence_marks(block) >= 2)

    content = [i for i in range(len(blocks)) if i not in found]
    # Date and byline lines are looked for near the top only.
    for i in content[:6]:
        dated = _date_and_byline(text, *blocks[i])
        if dated is not None:
            found[i] = dated
    content = [i for i in content if i not in found]
    # The body starts at the first block that reads like running prose, or, after a date or
    # byline line, at the first block that ends like a sentence: a short first paragraph
    # ("The strike is over.") is not a link to another story.
    signed = [i for i in found if found[i][0].kind in ("date", "byline")]
    after_byline = max(signed) if signed else len(blocks)
    body_start = next((i for i in content
                       if prose(i) or (i > after_byline and _ends_like_sentence(text[slice(*blocks[i])]))), None)
    if body_start is not None and not signed:
        # No date or byline line: after the headline and a dek, a block that ends like a sentence
        # starts the body too (short opening paragraphs pasted without a byline), so it is read,
        # not set aside as a link to another story.
        body_start = next((i for i in content[2:]
                           if i < body_start and _ends_like_sentence(text[slice(*blocks[i])])), body_start)
    if body_start is None:
        # No prose at all: a first short line is the headline, the rest is body.
        body_start = content[1] if len(content) > 1 else (content[0] if content else len(blocks))
    # Date-like lines inside the body are body text after all.
    for i in [i for i in found if i > body_start and found[i][0].kind in ("date", "byline")]:
        del found[i]
    head = [i for i in content if i < body_start]

    for n, i in enumerate(head):
        s, e = blocks[i]
        block = text[s:e]
        if n == 0 and len(block) <= 250 and "\n" not in block:
            found[i] = [Part("headline", s, e, block,
                             "headline: the first short line of the page that is not boilerplate")]
        elif n == 1 and len(block) <= 400:
            found[i] = [Part("dek", s, e, block,
                             "dek: the line that follows the headline, before the first paragraph")]
        else:
            found[i] = [Part("related", s, e, block,
                             "related: another title-like line before the article starts "
                             "(often a link to a different story)")]

    parts: list[Part] = []
    paragraph = 0
    for i, (s, e) in enumerate(blocks):
        if i in found:
            parts.extend(found[i])
            continue
        paragraph += 1
        if paragraph == 1:
            dateline = _DATELINE.match(text, s, e)
            if dateline is not None:
                ds, de = strip_span(text, s, dateline.end())
                parts.append(Part("date", ds, de, text[ds:de], "date: a dateline, where (and perhaps when) the "
                                  "story was written, at the start of the first paragraph; not part of its "
                                  "first sentence"))
                s = dateline.end()
        parts.append(Part("body", s, e, text[s:e], "body: a paragraph of the article", paragraph))
    return parts


def _boilerplate(text: str, blocks: list[tuple[int, int]]) -> dict[int, list[Part]]:
    """The boilerplate blocks by number. In the second half of the page a press release's end
    mark or contact block takes every block after it, and an "About ..." heading the next one."""
    found: dict[int, list[Part]] = {}
    carry = None   # the rule whose boilerplate reaches on into the next block(s)
    for i, (s, e) in enumerate(blocks):
        block = text[s:e]
        if carry is not None:
            found[i] = [Part("boilerplate", s, e, block, carry.reason(after=True))]
            if carry.then == "next":
                carry = None
            continue
        late = 2 * i >= len(blocks)
        rule = matching_rule(block, late=late)
        if rule is not None:
            found[i] = [Part("boilerplate", s, e, block, rule.reason())]
            if late and rule.reach(block) != "block":
                carry = rule
    return found
