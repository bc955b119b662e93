"""Background cards (medialit/data/background/cards.csv): short, dated notes on the people, places,
events and outlets the two articles mention, shown from the data (escaped) where learners first meet them."""

import datetime as dt
from pathlib import Path

import nbformat
import pytest

from medialit import glossary
from medialit.glossary import Card

ROOT = Path(__file__).resolve().parent.parent

#: What the issue (10, item 8) and the brief name: each must have a card.
NAMED = ["Aleppo", "Minsk", "Surkov", "Kagan", "Shayrat", "Deir ez-Zor", "Nuland", "Ayrault", "TASS", "Fars",
         "Russia Insider", "Konashenkov", "Ozerov", "Peskov", "Interfax", "The Moscow Times", "RT", "Reuters",
         "Washington Post", "Khan Shaykhun", "St Petersburg"]
#: Words that would make a card sound surer than its evidence (the kit's own booster idea).
BOOSTERS = ("obviously", "clearly", "of course", "certainly", "undoubtedly", "in fact", "everyone knows")


def test_cards_load_dated_and_short():
    cards = glossary.cards()
    assert len({c.id for c in cards}) == len(cards)
    for c in cards:
        assert isinstance(c.written, dt.date) and c.written <= dt.date.today()
        assert c.kind in glossary.CARD_KINDS
        assert 40 <= len(c.summary) <= 600, c.id
        assert c.checked_against, c.id
        assert c.articles and set(c.articles) <= {"000", "003"}, c.id


@pytest.mark.parametrize("name", NAMED)
def test_every_named_person_event_and_outlet_has_a_card(name):
    assert any(name.lower() in c.name.lower() for c in glossary.cards()), f"no background card for {name}"


def test_every_mention_is_in_its_article(art):
    for c in glossary.cards():
        for mention in c.mentions:
            assert any(mention in art[a].text for a in c.articles), f"{c.id}: {mention!r} is not in {c.articles}"


def test_every_outlet_the_keys_list_has_a_card(key):
    """Item 9: every cited outlet described the same way, in one place (its card)."""
    outlet_cards = [c for c in glossary.cards() if c.kind == "outlet"]
    for short, k in key.items():
        for s in k.sources:
            if s.type == "outlet":
                assert any(short in c.articles and any(s.text.strip("()") in m for m in c.mentions)
                           for c in outlet_cards), f"{short}: outlet {s.text!r} has no card"
    for c in outlet_cards:
        # the same three things for every outlet: what it is, who owns or runs it, how others describe it
        assert any(w in c.summary for w in ("owned", "owner", "controlled", "started", "founded")), c.id


def test_cards_do_not_boost():
    for c in glossary.cards():
        assert not glossary.words_in(c.summary, BOOSTERS), c.id


def test_cards_are_shown_escaped_and_labelled():
    evil = Card("x", "<b>Name</b>", "person", ("000",), "01", (), "<script>alert(1)</script>",
                dt.date(2026, 12, 1), "a & b")
    html = glossary.cards_html([evil])
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html
    html = glossary.cards_html(glossary.cards())
    assert html.count("The kit's own summary, written ") == len(glossary.cards())


def test_cards_by_article_lesson_and_id():
    assert all("003" in c.articles for c in glossary.cards(article="003_9a3e418065795979"))
    assert [c.id for c in glossary.cards(ids=["tass", "fars"])] == ["tass", "fars"]
    with pytest.raises(KeyError):
        glossary.cards(ids=["nobody"])


@pytest.mark.parametrize("lesson", sorted({c.lesson for c in glossary.cards()}))
def test_each_lesson_shows_its_cards(lesson):
    (path,) = sorted((ROOT / "notebooks").glob(f"{lesson}_*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    assert any(c.cell_type == "code" and "cards_html(" in c.source and f'lesson="{lesson}"' in c.source
               for c in nb.cells), f"{path.name} does not show its background cards"
