"""The HTML views of the logic modules come from templates that escape text: own-article comparison and
checklist, and check()'s verdict (report: tests/test_cli.py; feedback: tests/test_feedback.py)."""

from medialit.annotate import AnnotationRecord
from medialit.articles import parse_article
from medialit.detect import analyze
from medialit.own_article import Checklist, compare_with_detector, describe, example_article
from medialit.selfcheck import check

HOSTILE = 'x <script>alert("1")</script> & \'q\''
ESCAPED = "x &lt;script&gt;alert(&#34;1&#34;)&lt;/script&gt; &amp; &#39;q&#39;"
TEXT = ('Rain <script>alert("1")</script> & \'q\'\n\n'
        'Perhaps it will rain <b>today</b> & "tomorrow", officials said. It is a \'test\'.\n')


def test_comparison_escapes_the_article_text_and_lists_the_differences():
    analysis = analyze(parse_article(TEXT))
    rec = AnnotationRecord.new("", analysis.article.text, "Ada")
    i = analysis.article.text.index("Perhaps")
    rec.add_span(i, i + 7, "hedge")
    j = analysis.article.text.index("It is")
    rec.add_span(j, j + 5, "booster")
    html = compare_with_detector(rec, analysis).to_html()
    assert "<script>" not in html and "<b>today</b>" not in html
    assert "&lt;b&gt;today&lt;/b&gt; &amp; &#34;tomorrow&#34;" in html and "&#39;test&#39;" in html
    assert "only you: booster" in html and html.startswith('<div class="medialit-comparison">')


def test_comparison_shows_no_differences_before_any_mark():
    analysis = analyze(parse_article(TEXT))
    html = compare_with_detector(AnnotationRecord.new("", analysis.article.text, "Ada"), analysis).to_html()
    assert "not marked anything yet" in html and "<ul>" not in html


def test_a_source_span_counts_as_attribution_in_the_comparison():
    """The vocabulary's rule, as in Check my work and the class view."""
    analysis = analyze(parse_article(TEXT))
    rec = AnnotationRecord.new("", analysis.article.text, "Ada")
    k = analysis.article.text.index("officials")
    rec.add_span(k, k + 9, "source")
    cmp = compare_with_detector(rec, analysis)
    sentence = next(u for u in cmp.reading.units if "officials" in u.text)
    assert sentence.label_set == {"attribution"}
    assert cmp.sources_only_you + cmp.sources_both == 1


def test_checklist_escapes_questions_and_answers():
    html = Checklist(((HOSTILE, HOSTILE),))._repr_html_()
    assert html == f'<ol class="medialit-checklist"><li><b>{ESCAPED}</b><br>The kit: {ESCAPED}</li></ol>'


def test_describe_counts_in_plain_words():
    words = describe(example_article())
    assert "(s)" not in words and " paragraphs and " in words and "sentences to label" in words


def test_check_verdict_escapes_question_answer_and_quotes():
    html = check("06-practice-byline", HOSTILE).html()
    assert "<script>" not in html and f"<b>Your answer:</b> {ESCAPED}</div>" in html
    assert check("06-practice-byline", HOSTILE).html(with_question=False).count("<div") == 2
