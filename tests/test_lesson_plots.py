"""The lesson plots draw what the key and the detector say."""

import pytest

from medialit import plots
from medialit.answer_key import load_answer_key
from medialit.articles import seed_article
from medialit.detect import analyze

from conftest import SEED_IDS


@pytest.fixture(scope="module")
def key3():
    return load_answer_key(SEED_IDS[1])


def bar_heights(fig):
    return [round(p.get_height(), 6) for p in fig.axes[0].patches]


def test_paragraph_profile_counts_the_keys_sentences(key3):
    fig = plots.paragraph_profile(key3, labels=("hedge",))
    pars = sorted({u.paragraph for u in key3.units if u.part == "body"})
    expected = [sum("hedge" in u.label_set for u in key3.units if u.paragraph == p) for p in pars]
    assert bar_heights(fig) == expected


def test_label_shares_in_percent(key3):
    fig = plots.label_shares({"003": key3}, labels=("opinion",))
    share = 100 * len(key3.units_with("opinion")) / len(key3.units)
    assert bar_heights(fig) == [round(share, 6)]


def test_sourcing_mix_widths_are_source_counts(key3):
    fig = plots.sourcing_mix({"003": key3})
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert sum(widths) == len(key3.sources)


def test_voice_split_and_page_map_on_the_detector():
    art = seed_article(SEED_IDS[1])
    an = analyze(art)
    fig = plots.voice_split(an)
    hedge_author, *_ = bar_heights(fig)[:1]
    assert hedge_author == sum(c.label == "hedge" and c.voice == "author" for c in an.cues)
    assert len(plots.page_map(art).axes[0].patches) == len(art.parts)
