"""Cards: the kit's own short, dated summaries of who and what the articles mention, and of what other
sources say about an outlet, an article or a claim.

One idea, one table: ``medialit/data/cards/cards.csv``. A card has one or both *uses*: ``background``
(who or what it is, shown folded in lessons 1, 2 and 4 where learners first meet the name) and
``lateral reading`` (what others say, the offline fallback for lesson 5's lateral-reading questions,
with the question it answers and what it could not settle). An outlet's card serves both, so its facts
are written once. Every card is labelled, when shown, as the kit's own summary with the date it was
written and last checked and where its facts come from; every value is escaped (one template,
``cards.html.j2``).

>>> [c.id for c in cards(lesson="04")]
['armed-groups-aleppo']
>>> [c.id for c in source_cards("interfax")]
['interfax']
>>> cards(ids=["interfax"])[0].uses
('background', 'lateral reading')
>>> "&lt;b&gt;" in cards_html([Card("x", "<b>", "person", ("background",), ("000",), ("01",), (), "",
...                                 "s", "", _dt.date(2026, 1, 1), _dt.date(2026, 1, 1), "a page")])
True
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medialit.datafiles import DATA, DataFileError, one_of, read_table, values
from medialit.html import Markup, render

CARDS = DATA / "cards" / "cards.csv"

#: What a card can be about.
ABOUT = ("person", "place", "event", "group", "outlet", "article", "claim")
#: What a card is used for: who or what it is, or what other sources say (lesson 5's lateral reading).
USES = ("background", "lateral reading")
#: The columns of the cards table, in order.
COLUMNS = ("id", "title", "about", "uses", "articles", "lessons", "mentions", "question", "summary", "open",
           "written", "checked", "checked_against")
_REQUIRED = ("id", "title", "about", "uses", "articles", "lessons", "mentions", "summary", "written", "checked",
             "checked_against")


@dataclass(frozen=True)
class Card:
    """One card: the kit's own dated summary of a person, place, event, group, outlet, article or claim."""

    id: str
    title: str
    about: str                      # one of ABOUT
    uses: tuple[str, ...]           # some of USES
    articles: tuple[str, ...]       # "000", "003"
    lessons: tuple[str, ...]        # the lessons that show it: "01", "05"
    mentions: tuple[str, ...]       # exact words of its articles that it is about or quotes
    question: str                   # the lateral-reading question it answers ("" for background only)
    summary: str
    open: str                       # what it could not settle ("" allowed for background only)
    written: _dt.date
    checked: _dt.date               # when the kit last compared it with its sources
    checked_against: str            # where its facts come from


def _date(value: str, where: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not a date written YYYY-MM-DD") from None


def _card(row: dict, where: str) -> Card:
    """One row of the table, checked: every problem names the file and the line."""
    one_of(row, "about", ABOUT, where)
    uses = values(row["uses"])
    if not uses or any(u not in USES for u in uses):
        raise DataFileError(f"{where}: uses must be {' and/or '.join(USES)} ('|' between), not {row['uses']!r}")
    articles, lessons = values(row["articles"]), values(row["lessons"])
    if any(not re.fullmatch(r"\d{3}", a) for a in articles):
        raise DataFileError(f"{where}: articles are short ids such as 000, not {row['articles']!r}")
    if any(not re.fullmatch(r"\d{2}", lesson) for lesson in lessons):
        raise DataFileError(f"{where}: lessons are two digits such as 01, not {row['lessons']!r}")
    question, open_ = row.get("question", ""), row.get("open", "")
    if "lateral reading" in uses and not (question.endswith("?") and open_):
        raise DataFileError(f"{where}: a lateral-reading card needs its question (ending '?') and what is open")
    written, checked = _date(row["written"], where), _date(row["checked"], where)
    if checked < written:
        raise DataFileError(f"{where}: checked ({checked}) is before written ({written})")
    return Card(row["id"], row["title"], row["about"], uses, articles, lessons, values(row["mentions"]),
                question, row["summary"], open_, written, checked, row["checked_against"])


def load(path: str | Path = CARDS) -> tuple[Card, ...]:
    """Every card of a cards table, in the file's order (the one loader; the kit's own table is cached).

    >>> load()[0].title
    'Russia Insider (the website that published article 003)'
    """
    if Path(path) == CARDS:
        return _kit_cards()
    return _read(path)


@lru_cache(maxsize=1)
def _kit_cards() -> tuple[Card, ...]:
    return _read(CARDS)


def _read(path: str | Path) -> tuple[Card, ...]:
    out, seen = [], set()
    for row in read_table(path, _REQUIRED):
        where = f"{path}:{row['line']}"
        if row["id"] in seen:
            raise DataFileError(f"{where}: the card {row['id']!r} is listed twice")
        seen.add(row["id"])
        out.append(_card(row, where))
    return tuple(out)


def cards_html(selection, *, unfolded: bool = False, questions: bool = False) -> Markup:
    """Cards as HTML, each folded under its title (unless ``unfolded``), with the lateral-reading question
    when ``questions``, labelled as the kit's own summary with its dates and sources; text escaped."""
    return render("cards.html.j2", cards=list(selection), unfolded=unfolded, questions=questions)


class Cards(tuple):
    """Cards that show themselves in a notebook: escaped HTML, or plain text."""

    unfolded = False
    questions = False

    def _repr_html_(self) -> str:
        return str(cards_html(self, unfolded=self.unfolded, questions=self.questions))

    def __repr__(self) -> str:
        parts = []
        for c in self:
            text = f"{c.title} (the kit's own summary, written {c.written}, last checked {c.checked})\n"
            if self.questions and c.question:
                text += f"Question: {c.question}\n"
            text += c.summary + (f"\nStill open: {c.open}" if c.open else "")
            parts.append(text + f"\nChecked against: {c.checked_against}")
        return "\n\n".join(parts)


class SourceCards(Cards):
    """Lateral-reading cards: shown unfolded, each with the question it answers."""

    unfolded = True
    questions = True


def cards(*, article: str | None = None, lesson: str | None = None, use: str | None = None, ids=None,
          path: str | Path = CARDS) -> Cards:
    """The cards, in the file's order: all, or those about one article ("000", "003" or a full id), shown in
    one lesson ("01"), with one use ("background"), or those with the given ids (in that order).

    >>> [c.id for c in cards(ids=["tass", "fars"])]
    ['tass', 'fars']
    >>> cards(ids=["nobody"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    KeyError: 'No card nobody. The cards are: russia-insider, no-publisher-000, moscow-times, ...'
    """
    chosen = load(path)
    if ids is not None:
        by_id = {c.id: c for c in chosen}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KeyError(f"No card {', '.join(missing)}. The cards are: {', '.join(by_id)}")
        chosen = tuple(by_id[i] for i in ids)
    return Cards(c for c in chosen if (article is None or article[:3] in c.articles)
                 and (lesson is None or lesson in c.lessons) and (use is None or use in c.uses))


def source_cards(*ids: str, path: str | Path = CARDS) -> SourceCards:
    """Lesson 5's lateral-reading cards (all, or those named, in that order), shown with their questions.

    >>> [c.id for c in source_cards()][:3]
    ['russia-insider', 'no-publisher-000', 'moscow-times']
    >>> source_cards("ozerov")
    Traceback (most recent call last):
    ...
    KeyError: "'ozerov' is not a lateral-reading card. They are: russia-insider, no-publisher-000, moscow-times, interfax, claim-ozerov, claim-konashenkov"
    """
    lateral = cards(use="lateral reading", path=path)
    by_id = {c.id: c for c in lateral}
    for i in ids:
        if i not in by_id:
            raise KeyError(f"{i!r} is not a lateral-reading card. They are: {', '.join(by_id)}")
    return SourceCards(by_id[i] for i in ids) if ids else SourceCards(lateral)


__all__ = [
    "ABOUT",
    "CARDS",
    "COLUMNS",
    "USES",
    "Card",
    "Cards",
    "SourceCards",
    "cards",
    "cards_html",
    "load",
    "source_cards",
]
