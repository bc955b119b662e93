"""Opinion in an argued piece (medialit/detect/argument.py), on invented articles.

An article where the writer's own opinion is found in at least five sentences is argued; its
headline, the steps of its argument, its plain present-tense statements and its sentences softened
only by the writer's own hedge are opinion too. The same sentences in a news report, or quoted,
credited, forecast or asked, stay as they are.
"""

from medialit.articles import parse_article
from medialit.detect import analyze
from medialit.detect.argument import MIN_OPINIONS

OPINIONS = ["In my view the bypass is a mistake.", "The council should think again.",
            "Frankly, the plan is reckless.", "The scheme is a blunder.", "The council must stop it."]


def argued(*sentences: str, opinions: int = len(OPINIONS)) -> dict[str, tuple[str, ...]]:
    """Rules of the argued-piece evidence, by sentence, in an article with ``opinions`` opinions."""
    body = " ".join(OPINIONS[:opinions] + list(sentences))
    an = analyze(parse_article("Close the bypass\n\nA dek about the road\n\n" + body + "\n"))
    return {sa.sentence.text: tuple(e.rule for e in sa.evidence if e.rule.startswith("argued"))
            for sa in an.sentences}


def test_the_threshold_is_five_opinions():
    assert MIN_OPINIONS == 5


def test_an_argued_piece_reads_its_headline_steps_and_plain_statements_as_opinion():
    got = argued("That is a start, not a turnaround.", "But nobody listens.", "The remedy is not complicated.")
    assert got["Close the bypass"] == ("argued_headline",)
    assert got["A dek about the road"] == ()
    assert got["That is a start, not a turnaround."] == ("argued_step",)
    assert got["But nobody listens."] == ("argued_step",)
    assert got["The remedy is not complicated."] == ("argued_statement",)


def test_a_news_report_with_fewer_opinions_is_left_alone():
    got = argued("That is a start, not a turnaround.", "The remedy is not complicated.", opinions=MIN_OPINIONS - 1)
    assert all(rules == () for rules in got.values()), got


def test_quoted_credited_hedged_asked_or_counted_sentences_stay_as_they_are():
    got = argued("“That is a start,” the mayor said.", "The mayor said the road is safe.",
                 "That may be true.", "Is the remedy simple?", "The road is 12 miles long.",
                 "That is a rise of 61 percent.", "But the £420,000 comes from a safety grant.",
                 "The minister is travelling to Leeds.", "The trains are expected later.",
                 "His sister, who is ten, has a reading log.")
    body = {t: r for t, r in got.items() if t not in OPINIONS and t not in ("Close the bypass", "A dek about the road")}
    assert all(rules == () for rules in body.values()), body


def with_byline(byline: str, headline: str, body: str) -> dict[str, tuple[str, ...]]:
    """Rules of the argued-piece evidence, by sentence, in an article with this byline and
    no opinion found sentence by sentence."""
    text = f"{headline}\n\nA dek\n\nMarch 3, 2027\n\n{byline}\n\n{body}\n"
    an = analyze(parse_article(text))
    return {sa.sentence.text: tuple(e.rule for e in sa.evidence if e.rule.startswith("argued"))
            for sa in an.sentences}


def test_a_critic_or_columnist_byline_makes_the_piece_argued_without_five_opinions():
    def read(byline: str) -> dict[str, tuple[str, ...]]:
        return with_byline(byline, "A quiet debut about a river town",
                           "The novel is a small thing. That is a lot for a first book to carry.")
    got = read("By Ana Roe, Fiction Critic")
    assert got["A quiet debut about a river town"] == ("argued_headline",)
    assert got["The novel is a small thing."] == ("argued_statement",)
    assert got["That is a lot for a first book to carry."] == ("argued_step",)
    assert all(r == () for r in read("By Ana Roe, Arts Correspondent").values())
    assert all(r == () for r in read("By Ana Roe, a critical care nurse").values())  # not "critic"


def test_in_a_review_a_past_tense_statement_is_a_verdict_too():
    def rules(byline: str) -> dict[str, tuple[str, ...]]:
        return with_byline(byline, "A warm room on Coppergate Road",
                           "The salad was bright and well balanced. The chop was overcooked.")
    assert rules("By Ana Roe, Restaurant Critic")["The salad was bright and well balanced."] == ("argued_statement",)
    assert rules("By Ana Roe, Columnist")["The salad was bright and well balanced."] == ()


def test_in_a_review_a_price_in_brackets_is_no_figure_but_a_sum_the_writer_argues_from_is():
    got = with_byline("By Ana Roe, Restaurant Critic", "A warm room on Coppergate Road",
                      "The lamb (£27) was nearly as good. The lamb was 20 percent dearer than last year. "
                      "The bill came to £27 (£31 with service) and was fair.")
    assert got["The lamb (£27) was nearly as good."] == ("argued_statement",)
    assert got["The lamb was 20 percent dearer than last year."] == ()
    assert got["The bill came to £27 (£31 with service) and was fair."] == ()


def test_a_judging_word_outside_a_frame_is_a_verdict_in_an_argued_piece_only():
    got = argued("Harrowell has built a very good bookshop.", "They spent a great deal of money on it.",
                 "She sold a good bike in 2019.")
    assert got["Harrowell has built a very good bookshop."] == ("argued_evaluation",)
    assert got["They spent a great deal of money on it."] == ()   # a quantity (argued_piece.csv)
    assert got["She sold a good bike in 2019."] == ()              # a figure: the writer's record, not a verdict
    got = argued("Harrowell has built a very good bookshop.", opinions=MIN_OPINIONS - 1)
    assert got["Harrowell has built a very good bookshop."] == ()


def test_a_verdict_softened_by_the_writers_own_hedge_is_opinion_in_an_argued_piece_only():
    hedged = "The second act seems to belong to a different play."
    got = argued(hedged, "The route seems to cost 12 minutes.", "“The route seems poorly chosen,” she said.",
                 "That may be true.")
    assert got[hedged] == ("argued_hedged",)
    assert got["The route seems to cost 12 minutes."] == ()       # a figure: the writer's record
    assert got["“The route seems poorly chosen,” she said."] == ()  # the hedge is the source's
    assert got["That may be true."] == ()                         # a hedged guess stays speculation
    assert argued(hedged, opinions=MIN_OPINIONS - 1)[hedged] == ()
