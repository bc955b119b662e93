"""The lesson plots draw what the key and the detector say, and say it in words too."""

import base64
import html
import re

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


# ---------------------------------------------------------------------------
# A text alternative for every lesson plot: its numbers, in words
# ---------------------------------------------------------------------------

def bundle(fig):
    """What a notebook receives when the plot is the cell's result."""
    data, meta = fig._repr_mimebundle_()
    assert set(data) == {"image/png", "text/plain", "text/html"}
    assert data["text/plain"] == fig.alt == meta["image/png"]["alt"] == repr(fig)
    alt = re.fullmatch(r'<img src="data:image/png;base64,([^"]+)" alt="([^"<>]*)" style="max-width: 100%">',
                       data["text/html"])
    assert alt and alt[1] == data["image/png"] and html.unescape(alt[2]) == fig.alt    # quotes escaped
    assert base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    return data["text/plain"]


def test_paragraph_profile_says_its_counts(key3):
    fig = plots.paragraph_profile(key3, labels=("hedge", "booster"))
    text = bundle(fig)
    assert text.startswith("Bar chart: how many sentences of each body paragraph carry hedge, booster (003 expert key).")
    for p in sorted({u.paragraph for u in key3.units if u.part == "body"}):
        units = [u for u in key3.units if u.paragraph == p]
        hedge = sum("hedge" in u.label_set for u in units)
        booster = sum("booster" in u.label_set for u in units)
        assert f"¶{p} ({len(units)} sentence{'s' if len(units) != 1 else ''}): hedge {hedge}, booster {booster}" in text


def test_label_shares_say_the_percentages(key3):
    an = analyze(seed_article(SEED_IDS[1]))
    text = bundle(plots.label_shares({"003 key": key3, "003 detector": an}, labels=("opinion", "speculation"),
                                     title="Key and detector"))
    share = round(100 * len(key3.units_with("opinion")) / len(key3.units))
    assert text.startswith("Bar chart: Key and detector: the share of sentences carrying each label.")
    assert f"003 key ({len(key3.units)} sentences): opinion {share}%, speculation " in text
    assert f"003 detector ({len(an.sentences)} sentences): opinion " in text


def test_sourcing_mix_says_the_sources_by_type(key3):
    text = bundle(plots.sourcing_mix({"003 expert key": key3}))
    kinds = [s.type for s in key3.sources]
    for t in set(kinds):
        assert f"{kinds.count(t)} {t.replace('_', ' ')}" in text
    assert f"({len(kinds)} in all)" in text


def test_voice_split_and_page_map_say_their_numbers():
    art = seed_article(SEED_IDS[1])
    an = analyze(art)
    text = bundle(plots.voice_split(an))
    hedge_author = sum(c.label == "hedge" and c.voice == "author" for c in an.cues)
    hedge_source = sum(c.label == "hedge" and c.voice == "source" for c in an.cues)
    assert f"hedge {hedge_author} in the writer's own words and {hedge_source} in a source's" in text
    page = bundle(plots.page_map(art))
    body = [p for p in art.parts if p.kind == "body"]
    assert page.startswith(f"The page, top to bottom, in {len(art.parts)} parts")
    assert f"{len(body)} body paragraphs ({sum(p.end - p.start for p in body):,} characters)" in page
    assert f"headline ({len(art.headline):,} characters)" in page


def test_feedback_plot_says_found_missed_extra():
    from medialit.annotate.model import AnnotationRecord
    from medialit.feedback import learner_feedback

    art = seed_article(SEED_IDS[0])
    rec = AnnotationRecord.new(art.id, art.text, "$ky_1^2")
    s = art.sentences[5]
    rec.add_span(s.start, s.end, "hedge", scope="sentence")
    fb = learner_feedback(rec, art, with_detector=False)
    fig = plots.feedback_bars(fb)
    text = bundle(fig)
    hedge = next(lf for lf in fb.labels if lf.label == "hedge")
    assert f"hedge found {hedge.found}, missed {hedge.missed}, extra {hedge.extra}" in text
    assert text.startswith("Bar chart: $ky_1^2's marks compared with the key")   # the name, as typed, drawn too


def test_lesson_plot_titles_with_dollars_draw_as_plain_text(key3):
    from matplotlib.text import Text

    fig = plots.label_shares({"$5 key": key3, "a_b^c \\d $x$": key3}, labels=("hedge",), title="$\\frac{1}{0}$ $^$")
    bundle(fig)                                                        # draws it: no mathtext error
    texts = {t.get_text() for t in fig.findobj(Text)}
    assert "$\\frac{1}{0}$ $^$" in texts and any(t.startswith("a_b^c \\d $x$") for t in texts)
