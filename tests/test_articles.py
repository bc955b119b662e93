"""The article model: decoding, parts, sentences, and the offsets spine."""

import codecs
import hashlib
import io
import types
from pathlib import Path

import pytest
from hypothesis import assume, given, settings, strategies as st

from medialit import articles, vocabulary
from medialit.articles import (
    MAX_BYTES, MAX_CHARS, ArticleError, EncodingProblemError, NotTextError, StrayByteError, TooLongError,
    WebPageError, check_text, decode_bytes, load_article, looks_like_html, parse_article, read_article_bytes,
    seed_article, seed_ids, seeds_dir, split_blocks, split_sentences,
)

from conftest import SEEDS, SEED_IDS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def assert_spans_consistent(article):
    for part in article.parts:
        assert article.text[part.start:part.end] == part.text
        assert part.text == part.text.strip()
    for s in article.sentences:
        assert 0 <= s.start < s.end <= len(article.text)
        assert article.text[s.start:s.end] == s.text
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)
    for a, b in zip(article.sentences, article.sentences[1:]):
        assert a.end <= b.start, "sentences must not overlap"


# --- the seeds -------------------------------------------------------------

def test_seeds_are_byte_identical_to_shared():
    if not SHARED.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    for sid in SEED_IDS:
        assert (SEEDS / f"{sid}.txt").read_bytes() == (SHARED / f"{sid}.txt").read_bytes()
    assert seed_ids() == SEED_IDS


def test_seeds_are_found_from_the_package_not_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert seeds_dir() == SEEDS
    assert seed_article("000").source == str(SEEDS / "000_b7d55dfd4cdbabc3.txt")


def test_the_package_keeps_its_public_names():
    """Modules and notebooks import these from ``medialit.articles`` itself, whichever module holds them."""
    assert articles.PART_KINDS is vocabulary.PART_KINDS
    assert set(articles.__all__) <= set(dir(articles))
    assert {"parse_article", "load_article", "read_article_bytes", "seed_article", "seed_metadata", "seed_path",
            "resolve_seed_id", "decode_bytes", "check_text", "replace_lone_surrogates", "read_limited",
            "split_blocks", "split_sentences", "boilerplate_reason", "Article", "Part", "Sentence",
            "ArticleError", "MAX_CHARS", "MAX_BYTES"} <= set(articles.__all__)


def test_seed_000_parts():
    art = seed_article("000_b7d55dfd4cdbabc3")
    assert art.encoding == "utf-8"
    assert art.headline == "Russia Says It Will Not Attempt To Shoot Down Further US Missiles"
    assert art.dek == "Kremlin Says Syria Has Every Right However"
    assert art.date == "April 10, 2017"
    assert art.byline == ""  # "Written by" with no name
    assert art.related == ["U.S. Launches Massive Cruise Missile Strike On Syrian Base After "
                           "Chemical Weapons Attack"]
    assert art.boilerplate == []
    assert len(art.paragraphs) == 6
    assert [p.paragraph for p in art.paragraphs] == [1, 2, 3, 4, 5, 6]
    assert_spans_consistent(art)


def test_seed_003_parts():
    art = seed_article("003")
    assert art.headline == "US, Russia Continue to Communicate Despite Pronouncements"
    assert art.dek.startswith("US has said it will quit talking to Russians")
    assert art.date is None and art.byline is None
    assert art.boilerplate[0] == "Support Russia Insider - Go Ad-Free!"
    assert art.boilerplate[1] == "Support Russia Insider - Go Ad-Free!"
    assert art.boilerplate[2].startswith("Our commenting rules:")
    assert art.boilerplate[2].endswith("Charles Bausman.")
    assert len(art.paragraphs) == 14
    assert "\u00a0" in art.paragraphs[2].text  # the NBSP stays in the text
    assert_spans_consistent(art)


def test_seed_003_sentence_boundaries():
    art = seed_article("003")
    texts = [s.text for s in art.sentences]
    # "Gen." does not end a sentence
    assert any(t.startswith("The Russian defence ministry spokesman Gen. Igor Konashenko said") for t in texts)
    assert any(t.startswith("Gen. Konashenko gave advance notice") and t.endswith("shot down.") for t in texts)
    # a closing quote after the period stays with its sentence
    assert any(t.startswith("“The crews on duty") and t.endswith("nationality.”") for t in texts)
    # a trailing agency tag stays with its sentence, even when another sentence follows
    assert "He didn’t elaborate. (RT)" in texts
    assert any(t.endswith("Obama’s presidency. (Reuters)") for t in texts)
    assert "The White House said cooperation with Russia in the field of nuclear security is still possible." in texts
    assert any(t.endswith("(Washington Post)") for t in texts)
    # a sentence wholly in parentheses is its own sentence
    assert "(Peskov’s spin yesterday was that “no headway can be expected” out of Nuland’s talks.)" in texts


def test_seed_000_sentence_boundaries():
    art = seed_article("000")
    texts = [s.text for s in art.sentences]
    # "U.S." followed by a lowercase word or "can" does not end a sentence
    assert any("airstrikes by the U.S. against the Syrian target" in t for t in texts)
    assert any(t.startswith("The next few weeks will tell if Russia and the U.S. can come") for t in texts)
    # a quotation closed by a comma and "he said" stays inside one sentence
    quoted = [t for t in texts if t.startswith("On Monday, Russian Senator Viktor Ozerov told")]
    assert len(quoted) == 2  # the paragraph is repeated later in the article
    assert all(t.endswith("try to shoot down the missiles.") for t in quoted)
    assert [s.part for s in art.sentences[:2]] == ["headline", "dek"]
    assert art.sentences[2].paragraph == 1


# --- decoding --------------------------------------------------------------

@pytest.mark.parametrize("data,encoding", [
    ("Caf\u00e9 “news”.".encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + "Caf\u00e9 “news”.".encode("utf-8"), "utf-8-sig"),
    ("Caf\u00e9 “news”.".encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + "Caf\u00e9 “news”.".encode("utf-16-be"), "utf-16"),
    ("Caf\u00e9 “news”.".encode("cp1252"), "cp1252"),
])
def test_decoding_order(data, encoding):
    text, used = decode_bytes(data)
    assert text == "Caf\u00e9 “news”."
    assert used == encoding


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"  \n\r\n\t ", "no text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"abc\x81\x8d\x8f def", "could not be decoded"),
])
def test_bad_bytes(data, words):
    with pytest.raises(ArticleError, match=words):
        decode_bytes(data)


def test_load_article_errors(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ArticleError, match=r"empty\.txt: the input is empty"):
        load_article(empty)


def test_crlf_and_bom_keep_offsets(tmp_path):
    raw = "Headline Here\r\n\r\nBy Ann Lee\r\n\r\nThe minister said it may rain. Others disagree.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + raw.encode("utf-8"))
    art = load_article(path)
    assert art.encoding == "utf-8-sig"
    assert art.text == raw  # decoded text, BOM removed by the codec, CRLF kept
    assert art.headline == "Headline Here" and art.byline == "Ann Lee"
    assert [s.text for s in art.sentences[1:]] == ["The minister said it may rain.", "Others disagree."]
    assert art.id == "a"
    assert_spans_consistent(art)


def test_body_only_treats_everything_as_body():
    art = parse_article("Short Title\n\nSupport us - Go Ad-Free!\n\nOne. Two.", body_only=True)
    assert art.headline is None and art.boilerplate == []
    assert [p.paragraph for p in art.paragraphs] == [1, 2, 3]
    assert [s.text for s in art.sentences][-2:] == ["One.", "Two."]


def test_unseen_article_parts():
    text = ("Subscribe to our newsletter for daily updates\n\n"
            "Council Votes To Close Library\n\n"
            "Residents say the decision came without warning\n\n"
            "By Maria Gomez\n\nMarch 3, 2024\n\n"
            "The city council voted 5-2 on Tuesday to close the Elm Street library, "
            "according to the minutes. Dr. Ann Lee said the vote was rushed.\n\n"
            "© 2024 The Town Crier. All rights reserved.")
    art = parse_article(text)
    assert art.headline == "Council Votes To Close Library"
    assert art.dek == "Residents say the decision came without warning"
    assert art.byline == "Maria Gomez" and art.date == "March 3, 2024"
    assert len(art.boilerplate) == 2
    assert [s.text for s in art.sentences if s.part == "body"] == [
        "The city council voted 5-2 on Tuesday to close the Elm Street library, according to the minutes.",
        "Dr. Ann Lee said the vote was rushed."]


def test_plain_paragraph_is_body_without_headline():
    art = parse_article("The minister said it may rain tomorrow, and the farmers are hoping that it will.")
    assert art.headline is None
    assert [s.part for s in art.sentences] == ["body"]


def test_short_first_paragraphs_after_the_byline_are_body_not_related_links():
    """Wire copy often opens with one short sentence per paragraph; after a date or byline a
    block that ends like a sentence starts the body. A title-like line without a full stop
    before the byline is still a related link."""
    art = parse_article("Strike ends\n\nUnion and firm agree terms\n\nMonday, November 30, 2026\n\n"
                        "By Ann Roe\n\nThe strike is over.\n\nThe union said it had won.\n\n"
                        "Workers will return on Tuesday, the firm said in a statement on its website.\n")
    assert art.related == []
    assert [s.text for s in art.sentences if s.part == "body"] == [
        "The strike is over.", "The union said it had won.",
        "Workers will return on Tuesday, the firm said in a statement on its website."]
    assert [p.paragraph for p in art.paragraphs] == [1, 2, 3]
    linked = parse_article("Strike ends\n\nUnion and firm agree terms\n\nFerry strike called off last month\n\n"
                           "By Ann Roe\n\nWorkers will return on Tuesday, the firm said in a statement.\n")
    assert [(p.kind, p.text) for p in linked.parts] == [
        ("headline", "Strike ends"), ("dek", "Union and firm agree terms"),
        ("related", "Ferry strike called off last month"), ("byline", "By Ann Roe"),
        ("body", "Workers will return on Tuesday, the firm said in a statement.")]
    assert_spans_consistent(art)


def test_short_first_paragraphs_without_a_byline_are_read_not_set_aside():
    """Pasted without its byline, a story that opens with short one-sentence paragraphs loses
    none of them: after the headline and a dek, a block that ends like a sentence starts the
    body. A title-like line without a full stop there is still a related link."""
    art = parse_article("Strike ends\n\nThe strike is over.\n\nThe union said it had won.\n\n"
                        "Pay rises by 4%.\n\n"
                        "Workers will return on Tuesday, the firm said in a statement on its website.\n")
    assert [(p.kind, p.text) for p in art.parts] == [
        ("headline", "Strike ends"), ("dek", "The strike is over."),
        ("body", "The union said it had won."), ("body", "Pay rises by 4%."),
        ("body", "Workers will return on Tuesday, the firm said in a statement on its website.")]
    assert art.related == []
    linked = parse_article("Strike ends\n\nUnion and firm agree terms\n\nFerry strike called off last month\n\n"
                           "Workers will return on Tuesday, the firm said in a statement on its website.\n")
    assert [p.kind for p in linked.parts] == ["headline", "dek", "related", "body"]
    assert_spans_consistent(art)


@pytest.mark.parametrize("text,expected", [
    ("Dr. Roe arrived. Mr. Smith left.", ["Dr. Roe arrived.", "Mr. Smith left."]),
    ("They met at 9 a.m. on Monday. It went well.", ["They met at 9 a.m. on Monday.", "It went well."]),
    ("Talks with the U.S. The next day failed.", ["Talks with the U.S.", "The next day failed."]),
    ("The U.S. Senate voted. Then it rested.", ["The U.S. Senate voted.", "Then it rested."]),
    ("John F. Kennedy spoke. Crowds cheered!", ["John F. Kennedy spoke.", "Crowds cheered!"]),
    ("Why? Nobody knows.", ["Why?", "Nobody knows."]),
    ("He left. (AP) She stayed.", ["He left. (AP)", "She stayed."]),
    ("“We will go.” They went.", ["“We will go.”", "They went."]),
    ("Pi is 3.14 exactly. Yes.", ["Pi is 3.14 exactly.", "Yes."]),
    ("It said “no. Never,” firmly. Done.", ["It said “no. Never,” firmly.", "Done."]),
])
def test_split_sentences_rules(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_split_blocks_without_blank_lines_uses_lines():
    assert split_blocks("one\ntwo\r\nthree") == [(0, 3), (4, 7), (9, 14)]


# --- property tests ----------------------------------------------------------

ALPHABET = st.sampled_from(list(
    "abcXYZ .,!?;:\"'“”‘’()[]-—–\n\r\t\u00a0\u200b\u0301\u0308éß0123456789"
    "\U0001F600\U0001F1FA\U0001F1F8\u200d\ufeff"
) + ["U.S.", "Gen. ", " (RT)", "\r\n", "\n\n", "Dr.", "By ", "April 10, 2017", "Go Ad-Free!"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.booleans())
def test_random_text_spans_are_exact(text, body_only):
    if not text.strip():
        with pytest.raises(ArticleError):
            parse_article(text, body_only=body_only)
        return
    art = parse_article(text, body_only=body_only)
    assert_spans_consistent(art)
    # every non-space character of the body is inside exactly one sentence
    body = [p for p in art.parts if p.kind == "body"]
    for p in body:
        inside = [s for s in art.sentences if p.start <= s.start and s.end <= p.end]
        covered = "".join(s.text for s in inside)
        assert "".join(p.text.split()) == "".join(covered.split())


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_any_unicode_text_decodes_and_parses(text):
    # Text with NUL characters is not article text: the kit refuses it as binary or, when the NULs
    # alternate with ASCII letters, reads it as UTF-16 without a byte-order mark (which it is, byte for byte).
    assume("\x00" not in text)
    data = text.encode("utf-8")
    try:
        art = read_article_bytes(data)
    except ArticleError:
        return  # empty or binary-looking input is refused with a clear error
    assert art.text == text
    assert_spans_consistent(art)


# --- long runs of punctuation, spaces and line ends (linear splitter) --------------

#: name -> (text with a run of n characters, the sentences it must give). Built for n = 100,000,
#: which took minutes (hours for some) when the candidate regex was quadratic on runs.
RUNS = {
    "full stops": (lambda n: "It rained" + "." * n + "x then stopped. The end.",
                   lambda n: ["It rained" + "." * n + "x then stopped.", "The end."]),
    "full stops, then a space": (lambda n: "It rained" + "." * n + " Then it stopped.",
                                 lambda n: ["It rained" + "." * n, "Then it stopped."]),
    "?! pairs": (lambda n: "Why" + "?!" * (n // 2) + "x then. Yes.",
                 lambda n: ["Why" + "?!" * (n // 2) + "x then.", "Yes."]),
    "ellipses": (lambda n: "Well" + "…" * n + "x so. Fine.", lambda n: ["Well" + "…" * n + "x so.", "Fine."]),
    "closing quotes": (lambda n: "He said “no." + "”" * n + "x he left. Done.",
                       lambda n: ["He said “no." + "”" * n + "x he left.", "Done."]),
    "closing brackets": (lambda n: "(It rained." + ")" * n + "x sure. Done.",
                         lambda n: ["(It rained." + ")" * n + "x sure.", "Done."]),
    "dot, space": (lambda n: "Start" + ". " * (n // 2) + "End.",   # a spaced ellipsis never ends a sentence
                   lambda n: ["Start" + ". " * (n // 2) + "End."]),
    "spaces": (lambda n: "It rained." + " " * n + "Then it stopped.", lambda n: ["It rained.", "Then it stopped."]),
    "'Yes. ' in an open quote": (lambda n: "She said “" + "Yes. " * (n // 5) + "and left.",
                                 lambda n: ["She said “Yes."] + ["Yes."] * (n // 5 - 2) + ["Yes. and left."]),
    "initials without spaces": (lambda n: "See " + "a." * (n // 2) + "xa. The end.",
                                lambda n: ["See " + "a." * (n // 2) + "xa.", "The end."]),
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_long_runs_split_right(name):
    make, expected = RUNS[name]
    text = make(100_000)
    assert [text[s:e] for s, e in split_sentences(text)] == expected(100_000)
    art = parse_article(text, body_only=True)
    assert [s.text for s in art.sentences] == expected(100_000)


def test_long_run_of_line_ends_splits_blocks():
    text = "Headline\n\nIt rained." + "\r\n" * 100_000 + "Then it stopped." + " \n" * 50_000
    art = parse_article(text)
    assert [(s.part, s.text) for s in art.sentences] == [
        ("headline", "Headline"), ("body", "It rained."), ("body", "Then it stopped.")]
    assert_spans_consistent(art)


RUN_UNITS = [".", "!", "?", "…", "?!", "”", "’", ")", "]", " ", "\n", "\r\n", ". ", "\u00a0", "“"]
SHORT_TEXT = st.lists(st.sampled_from(list("aZ .,!?“”’()\n") + ["Dr.", "U.S.", " The", " (AP)", "Yes. "]),
                      max_size=12).map("".join)


@settings(max_examples=40, deadline=None)
@given(SHORT_TEXT, st.sampled_from(RUN_UNITS), SHORT_TEXT)
def test_a_long_run_splits_like_a_short_one(before, unit, after):
    """The splitter treats a run of 20,000 units like a run of 4: same sentences, shifted offsets."""
    short = before + unit * 4 + after
    long = before + unit * 20_000 + after
    if not short.strip():
        return
    grow = len(unit) * (20_000 - 4)
    cut = len(before) + 2 * len(unit)  # the middle of the short run

    def shifted(offset):
        return offset if offset <= cut else offset - grow

    for split in (lambda t: split_sentences(t),
                  lambda t: [(s.start, s.end) for s in parse_article(t, body_only=True).sentences]):
        want = split(short)
        got = split(long)
        inside = [o for span in got for o in span if cut < o < cut + grow]
        assert inside == [], "no sentence starts or ends in the middle of a run"
        assert [(shifted(s), shifted(e)) for s, e in got] == want


# --- input that is not an article's plain text -----------------------------------------

def test_a_stray_byte_in_utf8_is_reported_with_line_and_column():
    data = "Café Talks\n\n“We met,” he said.\nIt\u2019s over, sort of.\n".encode("utf-8")
    data = data.replace("\u2019".encode("utf-8"), b"\x92")
    with pytest.raises(StrayByteError) as info:
        decode_bytes(data)
    err = info.value
    assert (err.line, err.column, err.byte, err.count) == (4, 3, 0x92, 1)
    assert str(err).startswith("line 4, column 3: the byte 0x92 is not UTF-8")
    assert "would be ’" in str(err) and "\n" not in str(err)
    assert isinstance(err, EncodingProblemError) and isinstance(err, ArticleError)


def test_several_stray_bytes_and_a_bom_are_counted():
    data = codecs.BOM_UTF8 + "Déjà vu\n\nÇa va? Oui. Très.\n".encode("utf-8") + b"x\x81y \x9d"
    with pytest.raises(StrayByteError) as info:
        decode_bytes(data)
    assert (info.value.line, info.value.column, info.value.count) == (4, 2, 2)
    assert "(2 such bytes in all)" in str(info.value) and "would be" not in str(info.value)
    # with a byte-order mark the file says it is UTF-8, so even one stray byte and nothing else counts
    with pytest.raises(StrayByteError, match="line 1, column 3"):
        decode_bytes(codecs.BOM_UTF8 + b"ab\xe9cd")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=60),
       st.integers(min_value=0), st.sampled_from([0x80, 0x92, 0xC3, 0xE2, 0xFF]))
def test_any_stray_byte_in_utf8_is_found_where_it_is(text, where, byte):
    text = "é " + text     # at least one real UTF-8 character
    k = where % (len(text) + 1)
    data = text[:k].encode("utf-8") + bytes([byte]) + text[k:].encode("utf-8")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return  # the byte happened to complete a valid sequence
    with pytest.raises(StrayByteError) as info:
        decode_bytes(data)
    line_start = text.rfind("\n", 0, k) + 1
    assert (info.value.line, info.value.column) == (text.count("\n", 0, k) + 1, k - line_start + 1)


@pytest.mark.parametrize("text", ["Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2013 “quoted” \u2026",
                                  "\u00c0 bient\u00f4t! \u00a9 2024 \u00ab Le Monde \u00bb"])
def test_a_genuine_windows_1252_file_reads_as_before(text):
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_and_named(codec):
    text = "Rain Due\r\n\r\n“It may rain,” she said. Caf\u00e9 \U0001F600.\r\n"
    assert decode_bytes(text.encode(codec)) == (text, codec)
    art = read_article_bytes(text.encode(codec))
    assert art.encoding == codec and art.headline == "Rain Due"
    assert art.notes == (f"read as UTF-16 ({'little' if codec.endswith('le') else 'big'}-endian) "
                         "without a byte-order mark",)
    assert_spans_consistent(art)


def test_utf16_without_bom_that_is_not_mostly_ascii_is_named_not_called_binary():
    with pytest.raises(EncodingProblemError, match="UTF-16 text without a byte-order mark"):
        decode_bytes("Новости дня: говорят, что может пойти дождь.".encode("utf-16-le"))
    with pytest.raises(NotTextError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x00")


PAGE = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rain</title></head>\n"
        "<body><h1>Rain Due</h1><p>It may rain, officials said.</p></body></html>\n")


@pytest.mark.parametrize("text, is_page", [
    (PAGE, True),
    ("  \n<html><body>Rain</body></html>", True),
    ("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><html>", True),
    ("".join(f"<li><a href=\"/s/{i}\">Story {i}</a></li>\n" for i in range(10)), True),
    ("Breaking <script>x()</script> News\n\nThe minister said it may rain. <img src=x> Critics disagree.", False),
    ("An article about HTML: the <p> tag starts a paragraph and <br> breaks a line. " * 3, False),
    ("Scores: 3 < 5 and 7 > 2. " * 50, False),
])
def test_web_pages_are_recognised(text, is_page):
    assert looks_like_html(text) is is_page
    if is_page:
        with pytest.raises(WebPageError, match="HTML code of a web page"):
            read_article_bytes(text.encode("utf-8"))


def test_too_long_input_is_refused_before_it_is_decoded_or_parsed():
    with pytest.raises(TooLongError, match=f"more than {MAX_BYTES:,} bytes"):
        read_article_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(TooLongError) as info:
        check_text("a" * (MAX_CHARS + 1))
    assert info.value.length == MAX_CHARS + 1
    check_text("It may rain. " * (MAX_CHARS // 13))  # at the limit: fine


class _Endless:
    """A stream that never ends (like /dev/zero or a pipe from `yes`), counting what was read."""

    def __init__(self):
        self.given = 0

    def read(self, n=-1):
        if n is None or n < 0:
            raise AssertionError("the kit asked for everything from an endless stream")
        self.given += n
        return b"y\n" * (n // 2) + b"y" * (n % 2)


def test_standard_input_is_read_up_to_the_limit_only(monkeypatch):
    endless = _Endless()
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=endless))
    with pytest.raises(TooLongError, match="standard input: the input is more than"):
        load_article("-")
    assert endless.given == MAX_BYTES + 1
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(b"One. Two.\n")))
    assert [s.text for s in load_article("-").sentences] == ["One.", "Two."]


def test_dev_zero_is_refused_after_a_bounded_read():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(TooLongError, match="/dev/zero: the input is more than"):
        load_article("/dev/zero")


def test_lone_surrogates_become_replacement_characters_keeping_offsets():
    text = "Rain \ud83d Due\n\nIt may rain \udfff today. Others doubt it.\n"
    art = parse_article(text)
    assert art.text == text.replace("\ud83d", "\ufffd").replace("\udfff", "\ufffd")
    assert len(art.text) == len(text) and art.headline == "Rain \ufffd Due"
    assert art.notes == ("2 broken characters (half of an emoji or symbol, lost in copying) were replaced with \ufffd",)
    assert art.sha256 == hashlib.sha256(art.text.encode("utf-8")).hexdigest()
    assert_spans_consistent(art)
    assert parse_article("No surrogates here.").notes == ()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(ALPHABET, st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
                max_size=60).map("".join))
def test_any_text_with_lone_surrogates_parses(text):
    if not text.strip():
        return
    art = parse_article(text)
    assert len(art.text) == len(text)
    art.text.encode("utf-8")  # storable: no lone surrogate is left
    assert_spans_consistent(art)


def test_four_bytes_are_too_few_to_guess_utf16():
    # Found by hypothesis: "0\x00\x80" in UTF-8 was read as UTF-16 ("0胂"); too little to tell, so refused.
    from medialit.articles.intake import decode_bytes
    with pytest.raises(ArticleError):
        decode_bytes("0\x00\x80".encode("utf-8"))
