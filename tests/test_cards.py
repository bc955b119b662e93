"""Cards (medialit/cards.py, medialit/data/cards/cards.csv): one definition of the kit's own short, dated
summaries, used as background cards (lessons 1, 2 and 4: who and what the articles mention) and as source
cards (lesson 5: the offline fallback for lateral reading, issue 10 item 2). An outlet has one card that
serves both uses. Every card is dated, labelled as the kit's own summary when shown, escaped, tied to exact
words of its article, and shown in the lessons it names.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from lessons import read, sources

from medialit import cards as cardmod
from medialit.cards import CARDS, COLUMNS, Card, cards, cards_html, load, source_cards
from medialit.datafiles import DataFileError
from medialit.glossary import words_in

ROOT = Path(__file__).resolve().parent.parent

#: What the issue (10, item 8) names, and the outlets the articles cite: each must have a card.
NAMED = ["Aleppo", "Minsk", "Surkov", "Kagan", "Shayrat", "Deir ez-Zor", "Nuland", "Ayrault", "TASS", "Fars",
         "Russia Insider", "Konashenkov", "Ozerov", "Peskov", "Interfax", "The Moscow Times", "RT", "Reuters",
         "Washington Post", "Khan Shaykhun", "St Petersburg"]
#: Words that would make a card sound surer than its evidence (the kit's own booster idea).
BOOSTERS = ("obviously", "clearly", "of course", "certainly", "undoubtedly", "in fact", "everyone knows")


def _write(path, *rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# a comment\n")
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([row.get(c, "") for c in COLUMNS])
    return path


GOOD = {"id": "x", "title": "T", "about": "outlet", "uses": "background|lateral reading", "articles": "000",
        "lessons": "01|05", "mentions": "Interfax", "question": "What is it?", "summary": "S", "open": "O",
        "written": "2026-01-01", "checked": "2026-01-02", "checked_against": "a page"}


# --- the table: dated, sourced, short, hedged ---------------------------------------------------------

def test_cards_load_dated_and_sourced():
    all_cards = cards()
    assert len({c.id for c in all_cards}) == len(all_cards) >= 20
    for c in all_cards:
        assert isinstance(c.written, dt.date) and isinstance(c.checked, dt.date)
        assert c.written <= c.checked <= dt.date.today(), c.id
        assert c.about in cardmod.ABOUT and c.uses and set(c.uses) <= set(cardmod.USES), c.id
        assert 40 <= len(c.summary) <= 1000, c.id
        assert c.checked_against and c.mentions and c.lessons, c.id
        assert c.articles and set(c.articles) <= {"000", "003"}, c.id


def test_lateral_reading_cards_say_what_they_answer_and_what_is_open():
    for c in source_cards():
        assert "lateral reading" in c.uses and c.question.endswith("?") and c.open, c.id
        assert "05" in c.lessons, c.id
        # the question is about the article the card is tied to
        assert any(f"Article {a}" in c.question for a in c.articles), c.id


@pytest.mark.parametrize("name", NAMED)
def test_every_named_person_event_and_outlet_has_a_card(name):
    assert any(name.lower() in c.title.lower() for c in cards(use="background")), f"no background card for {name}"


def test_every_mention_is_exact_text_of_its_article(art):
    for c in cards():
        for mention in c.mentions:
            assert any(mention in art[a].text for a in c.articles), f"{c.id}: {mention!r} is not in {c.articles}"


def test_the_article_words_the_source_cards_quote_are_in_the_articles(art):
    a000, a003 = art["000"].text, art["003"].text
    (no_publisher,) = source_cards("no-publisher-000")
    assert "real politick responses given over secure communications" in no_publisher.summary
    assert "real politick responses given over secure communications" in a000
    (claim,) = source_cards("claim-konashenkov")
    assert "no option for the Russian air defence system but to react" in claim.mentions
    assert "no option for the Russian air defence system but to react" in a003
    assert "“surprise” to the Americans" in a003
    assert "Konashenko " in a003 and "Konashenkov" not in a003     # the card and lesson give both spellings
    assert "Konashenkov" in claim.summary and "Konashenko" in cards(ids=["konashenkov"])[0].summary


def test_every_outlet_the_keys_list_has_exactly_one_card(key):
    """Item 9: every cited outlet described the same way, in one place (its one card, for both uses)."""
    outlet_cards = cards(use="background")
    outlet_cards = [c for c in outlet_cards if c.about == "outlet"]
    for short, k in key.items():
        for s in k.sources:
            if s.type == "outlet":
                name = s.text.strip("()")
                found = [c.id for c in outlet_cards if short in c.articles and any(name in m for m in c.mentions)]
                assert len(found) == 1, f"{short}: outlet {s.text!r} has cards {found} (want exactly one)"
    for c in outlet_cards:
        # the same things for every outlet: what it is, who owns, runs or started it, how others describe it
        assert any(w in c.summary for w in ("owned", "owner", "controlled", "started", "founded")), c.id


def test_no_two_cards_of_one_outlet():
    """The outlets with a lateral-reading question are the same cards as their background cards."""
    outlets = [c for c in cards() if c.about == "outlet"]
    titles = [c.title.split(" (")[0].lower() for c in outlets]
    assert len(titles) == len(set(titles)), titles
    for oid in ("russia-insider", "moscow-times", "interfax"):
        (c,) = cards(ids=[oid])
        assert c.uses == ("background", "lateral reading") and {"01", "05"} <= set(c.lessons), oid


def test_cards_do_not_boost():
    for c in cards():
        assert not words_in(f"{c.summary} {c.open}", BOOSTERS), c.id


# --- the loader: clear errors naming file and line ----------------------------------------------------

def test_a_good_table_loads(tmp_path):
    (c,) = load(_write(tmp_path / "cards.csv", GOOD))
    assert c == Card("x", "T", "outlet", ("background", "lateral reading"), ("000",), ("01", "05"), ("Interfax",),
                     "What is it?", "S", "O", dt.date(2026, 1, 1), dt.date(2026, 1, 2), "a page")


@pytest.mark.parametrize("change, message", [
    ({"written": "1 Dec 2026"}, r"cards.csv:3: '1 Dec 2026' is not a date written YYYY-MM-DD"),
    ({"checked": "2025-12-31"}, r"cards.csv:3: checked \(2025-12-31\) is before written"),
    ({"about": "rumour"}, r"cards.csv:3: about must be one of"),
    ({"uses": "background|gossip"}, r"cards.csv:3: uses must be"),
    ({"question": ""}, r"cards.csv:3: a lateral-reading card needs its question"),
    ({"open": ""}, r"cards.csv:3: a lateral-reading card needs its question"),
    ({"lessons": "5"}, r"cards.csv:3: lessons are two digits"),
    ({"articles": "3"}, r"cards.csv:3: articles are short ids"),
    ({"mentions": ""}, r"cards.csv:3: empty mentions"),
])
def test_a_bad_card_names_its_line(tmp_path, change, message):
    with pytest.raises(DataFileError, match=message):
        load(_write(tmp_path / "cards.csv", {**GOOD, **change}))


def test_a_background_card_needs_no_question(tmp_path):
    (c,) = load(_write(tmp_path / "cards.csv", {**GOOD, "uses": "background", "question": "", "open": ""}))
    assert c.uses == ("background",) and not c.question


def test_a_card_listed_twice_is_an_error(tmp_path):
    with pytest.raises(DataFileError, match=r"cards.csv:4: the card 'x' is listed twice"):
        load(_write(tmp_path / "cards.csv", GOOD, GOOD))


def test_an_unknown_card_lists_the_cards():
    with pytest.raises(KeyError, match="russia-insider"):
        source_cards("russia-outsider")
    with pytest.raises(KeyError, match="not a lateral-reading card"):
        source_cards("aleppo")
    with pytest.raises(KeyError, match="tass"):
        cards(ids=["nobody"])


def test_cards_by_article_lesson_use_and_id():
    assert all("003" in c.articles for c in cards(article="003_9a3e418065795979"))
    assert {c.id for c in cards(article="000")} & {c.id for c in cards(article="003")} == set()
    assert [c.id for c in cards(ids=["tass", "fars"])] == ["tass", "fars"]
    assert [c.id for c in cards(lesson="05")] == [c.id for c in source_cards()]
    assert all("background" in c.uses for c in cards(use="background"))


# --- shown: one escaped template, labelled as the kit's own summary -----------------------------------

def test_cards_are_shown_labelled_with_their_dates():
    all_cards = cards()
    html = cards_html(all_cards)
    assert html.count("The kit's own summary, written ") == len(all_cards)
    card = source_cards("russia-insider")[0]
    html = source_cards("russia-insider")._repr_html_()
    assert f"The kit's own summary, written {card.written.isoformat()}, last checked {card.checked.isoformat()}" in html
    assert "Question:" in html and " open>" in html               # lateral reading: unfolded, with its question
    assert "the kit's own summary, written" in repr(source_cards("interfax"))
    folded = cards(lesson="01")._repr_html_()
    assert " open>" not in folded and "Question:" not in folded   # background: folded, no question


def test_cards_are_escaped_when_shown(tmp_path):
    nasty = '<script>alert("x")</script> & <b>bold</b>'
    path = _write(tmp_path / "cards.csv", {**GOOD, "title": nasty, "summary": nasty, "question": nasty + "?",
                                           "open": nasty, "checked_against": nasty})
    html = source_cards(path=path)._repr_html_()
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert html.count("&lt;script&gt;") == 5 and "&amp;" in html
    evil = Card("x", "<b>Name</b>", "person", ("background",), ("000",), ("01",), (), "",
                "<script>alert(1)</script>", "", dt.date(2026, 12, 1), dt.date(2026, 12, 1), "a & b")
    html = cards_html([evil])
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html


def test_one_template_and_one_table():
    """One definition: only cards.html.j2 says 'the kit's own summary'; only one cards table."""
    templates = [p.name for p in (ROOT / "medialit" / "templates").glob("*.j2")
                 if "kit's own summary" in p.read_text(encoding="utf-8")]
    assert templates == ["cards.html.j2"]
    tables = [p.relative_to(ROOT / "medialit").as_posix() for p in (ROOT / "medialit" / "data").rglob("*.csv")
              if "kit's own summary" in p.read_text(encoding="utf-8").lower()]
    assert tables == ["data/cards/cards.csv"] and CARDS.exists()


# --- the lessons and the guide ------------------------------------------------------------------------

@pytest.mark.parametrize("lesson", sorted({lesson for c in cards() for lesson in c.lessons}))
def test_each_lesson_shows_its_cards(lesson):
    (path,) = sorted((ROOT / "notebooks").glob(f"{lesson}_*.ipynb"))
    code = sources(read(path), "code")
    if lesson == "05":
        assert any("from medialit.cards import source_cards" in c and "source_cards()" in c for c in code)
    else:
        assert any("cards_html(" in c and f'cards(lesson="{lesson}")' in c for c in code), path.name


def test_every_lateral_reading_question_of_lesson_05_has_a_card():
    ids = {c.id for c in source_cards()}
    # A: the outlet of 003; B: the outlet of 000; C: a claim in 003; the teacher's demonstration: a claim in 000
    assert {"russia-insider", "no-publisher-000", "moscow-times", "claim-konashenkov", "claim-ozerov"} <= ids
    md = "\n".join(sources(read(ROOT / "notebooks" / "05_side_by_side.ipynb"), "markdown"))
    assert "**A. Article 003's outlet.**" in md and "Russia Insider" in md     # the card russia-insider answers
    assert "**B. Article 000's outlet.**" in md and "The Moscow Times" in md   # no-publisher-000, moscow-times
    assert "**C. A claim in article 003.**" in md and "Konashenkov" in md     # claim-konashenkov
    assert "Viktor Ozerov" in md                                                # the demonstration: claim-ozerov


def test_the_guide_explains_the_cards():
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert "### Offline: source cards" in guide and "medialit/data/cards/cards.csv" in guide
    assert "medialit/data/background/" not in guide and "data/unit/source_cards.csv" not in guide
