"""Source cards (issue 10, item 2): the offline fallback for lesson 5's lateral reading.

Each card is the kit's own dated summary of what others say about an outlet or a claim: it loads from
medialit/data/unit/source_cards.csv, says where each point comes from and when it was written and
checked, is labelled as the kit's own summary when shown, and is escaped as HTML.
"""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest
from lessons import read, sources

from medialit.articles import seed_article
from medialit.datafiles import DataFileError
from medialit.unit import SOURCE_CARDS, source_cards

ROOT = Path(__file__).resolve().parent.parent
HEADER = "id,question,title,summary,open,described_by,written,checked\n"


def test_cards_load_with_dates_and_where_they_come_from():
    cards = source_cards()
    assert len(cards) >= 4
    assert len({c.id for c in cards}) == len(cards)
    for c in cards:
        assert isinstance(c.written, datetime.date) and isinstance(c.checked, datetime.date)
        assert c.written <= c.checked <= datetime.date.today(), c.id
        assert c.described_by and c.open and c.question.endswith("?"), c.id


def test_every_practice_question_and_the_demonstration_has_a_card():
    ids = {c.id for c in source_cards()}
    # A: the outlet of 003; B: the outlet of 000; C: a claim in 003; the teacher's demonstration: a claim in 000
    assert {"russia-insider", "no-publisher-000", "moscow-times", "claim-konashenkov", "claim-ozerov"} <= ids


def test_cards_say_plainly_that_they_are_the_kits_own_summaries():
    card = source_cards("russia-insider")[0]
    html = source_cards("russia-insider")._repr_html_()
    assert f"the kit's own summary, written {card.written.isoformat()}, last checked {card.checked.isoformat()}" in html
    assert "the kit's own summary, written" in repr(source_cards("interfax"))


def test_cards_are_escaped_when_shown(tmp_path):
    path = tmp_path / "cards.csv"
    nasty = '<script>alert("x")</script> & <b>bold</b>'
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER.strip().split(","))
        writer.writerow(["x", "What is it?", nasty, nasty, "open", nasty, "2026-01-01", "2026-01-02"])
    html = source_cards(path=path)._repr_html_()
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert html.count("&lt;script&gt;") == 3 and "&amp;" in html


def test_a_card_without_a_proper_date_names_its_line(tmp_path):
    path = tmp_path / "cards.csv"
    path.write_text("# c\n" + HEADER + "x,What?,T,S,O,by,1 Dec 2026,2026-12-01\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cards.csv:3: '1 Dec 2026' is not a date"):
        source_cards(path=path)


def test_an_unknown_card_lists_the_cards():
    with pytest.raises(KeyError, match="russia-insider"):
        source_cards("russia-outsider")


def test_the_article_words_the_cards_quote_are_in_the_articles():
    a000, a003 = seed_article("000").text, seed_article("003").text
    assert "real politick responses given over secure communications" in a000
    assert "no option for the Russian air defence system but to react" in a003
    assert "“surprise” to the Americans" in a003
    assert "Konashenko " in a003 and "Konashenkov" not in a003     # the card and lesson give both spellings
    text = SOURCE_CARDS.read_text(encoding="utf-8")
    assert "real politick responses given over secure communications" in text


def test_lesson_05_shows_the_cards_and_the_guide_explains_them():
    nb = read(ROOT / "notebooks" / "05_side_by_side.ipynb")
    assert any("source_cards()" in c for c in sources(nb, "code"))
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert "### Offline: source cards" in guide and "medialit/data/unit/source_cards.csv" in guide
