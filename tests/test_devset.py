"""The development set: every key fits its article, sentence by sentence (issue 9).

The keys are read with the kit's own loader, which checks the schema, the article's
sha256, and that every unit, cue and source is found in the text where the key says.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from medialit.answer_key import load_answer_key

DEVSET = Path(__file__).resolve().parent.parent / "devset"
IDS = sorted(p.stem for p in (DEVSET / "keys").glob("*.json"))


def test_every_key_has_its_article_and_every_article_its_key():
    articles = sorted(p.stem for p in (DEVSET / "articles").glob("*.txt"))
    assert articles == IDS


@pytest.mark.parametrize("article_id", IDS)
def test_the_key_fits_its_article(article_id):
    article_path = DEVSET / "articles" / f"{article_id}.txt"
    key = load_answer_key(article_id, path=str(DEVSET / "keys" / f"{article_id}.json"),
                          article_path=str(article_path))
    assert key.sha256 == hashlib.sha256(article_path.read_bytes()).hexdigest()
    for unit in key.units:
        assert key.text[unit.start:unit.end] == unit.text
        for cue in unit.cues:
            assert unit.start <= cue.start < cue.end <= unit.end
            assert key.text[cue.start:cue.end] == cue.text
    for source in key.sources:
        assert key.text[source.start:source.end] == source.text
    # Units are the article's headline, dek and body sentences, in order and without overlap.
    assert len(key.units) >= 20
    assert all(a.end <= b.start for a, b in zip(key.units, key.units[1:]))


def test_devset_table_lists_every_article_once_in_one_part():
    from medialit.development_set import dev_articles
    arts = dev_articles(DEVSET)
    assert sorted(a.id for a in arts) == IDS
    parts = {a.part for a in arts}
    assert parts == {"tuned", "held_out"}
    # the held-out part is at least as large as the tuned part (the honest figure needs text)
    assert sum(a.part == "held_out" for a in arts) >= sum(a.part == "tuned" for a in arts)


SECOND = sorted(p.stem for p in (DEVSET / "second_readings").glob("*.json"))


@pytest.mark.parametrize("article_id", SECOND)
def test_a_second_reading_fits_its_article_and_has_the_keys_units(article_id):
    from medialit.development_set import dev_articles, second_reading
    (art,) = [a for a in dev_articles(DEVSET) if a.id == article_id]
    key = load_answer_key(article_id, path=str(art.key_path), article_path=str(art.article_path))
    second = second_reading(art, key)
    assert art.second_read and [u.text for u in second.units] == [u.text for u in key.units]
    for unit in second.units:
        for cue in unit.cues:
            assert second.text[cue.start:cue.end] == cue.text and unit.start <= cue.start < cue.end <= unit.end
    for source in second.sources:
        assert second.text[source.start:source.end] == source.text
