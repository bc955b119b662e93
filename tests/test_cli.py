"""The command line: every format, every kind of bad input, and a safe HTML report.

The command runs in this process (``main(argv)``, output captured); one test runs
``python -m medialit`` for real, reading standard input.
"""

import json
import os
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from conftest import SEED_IDS, SEEDS

from medialit.articles import MAX_BYTES, MAX_CHARS, seed_article
from medialit.cli import main

EVIL = ("Breaking <script>window.__pwned=1</script> News\n\n"
        "The minister said it may rain. <img src=x onerror=\"alert(1)\"> Critics disagree. (AP)\n")


def run_cli(capsys, *args):
    """Run ``medialit ARGS`` here: (exit code, standard output, standard error)."""
    try:
        code = main(list(args))
    except SystemExit as exc:              # argparse refuses the arguments
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("seed_id", SEED_IDS)
def test_json_has_exactly_the_documented_shape(capsys, seed_id):
    code, out, err = run_cli(capsys, "analyze", str(SEEDS / f"{seed_id}.txt"), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"article", "sentences", "cues", "sources"}
    assert set(data["article"]) == {"headline", "dek", "date", "byline", "boilerplate", "encoding"}
    text = seed_article(seed_id).text
    for s in data["sentences"]:
        assert set(s) == {"index", "paragraph", "part", "start", "end", "text", "labels"}
        assert text[s["start"]:s["end"]] == s["text"]
    for c in data["cues"]:
        assert set(c) == {"start", "end", "text", "label", "rule", "explanation", "voice"}
        assert text[c["start"]:c["end"]] == c["text"] and c["explanation"]
    for s in data["sources"]:
        assert set(s) == {"start", "end", "text", "type"}
        assert text[s["start"]:s["end"]] == s["text"]


def test_json_article_fields_for_000(capsys):
    _, out, _ = run_cli(capsys, "analyze", str(SEEDS / f"{SEED_IDS[0]}.txt"), "--format", "json")
    art = json.loads(out)["article"]
    assert art == {"headline": "Russia Says It Will Not Attempt To Shoot Down Further US Missiles",
                   "dek": "Kremlin Says Syria Has Every Right However", "date": "April 10, 2017",
                   "byline": "", "boilerplate": [], "encoding": "utf-8"}


def test_text_report_marks_cues_and_parts(capsys):
    code, out, _ = run_cli(capsys, "analyze", str(SEEDS / f"{SEED_IDS[1]}.txt"))
    assert code == 0
    assert "boilerplate  'Support Russia Insider - Go Ad-Free!'" in out
    assert "[Of course]{booster}" in out and "PARAGRAPH 14" in out


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def test_html_report_of_hostile_article_has_no_live_script(tmp_path, capsys):
    path = tmp_path / "evil.txt"
    path.write_text(EVIL, encoding="utf-8")
    code, out, _ = run_cli(capsys, "analyze", str(path), "--format", "html")
    assert code == 0
    parsed = _Collector()
    parsed.feed(out)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [a for a in parsed.attrs if a.startswith("on")]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in out
    assert "http://" not in out and "https://" not in out  # self-contained, no network
    assert "Content-Security-Policy" in out


def test_html_report_of_a_seed_is_complete(capsys):
    code, out, _ = run_cli(capsys, "analyze", str(SEEDS / f"{SEED_IDS[0]}.txt"), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert 'class="cue hedge' in out and "¶6" in out and "(no name given)" in out


def test_stdin_and_body_only():
    """The one test that runs the command as its own process."""
    text = "Perhaps the bridge will close. Officials said so.\n"
    res = subprocess.run([sys.executable, "-m", "medialit", "analyze", "-", "--body-only", "--format", "json"],
                         input=text.encode(), capture_output=True, check=True)
    data = json.loads(res.stdout)
    assert data["article"]["headline"] is None
    assert [s["part"] for s in data["sentences"]] == ["body", "body"]
    assert "hedge" in data["sentences"][0]["labels"]


@pytest.mark.parametrize("make,words", [
    (lambda p: p / "missing.txt", "no such file"),
    (lambda p: p, "is a folder"),
    (lambda p: _write(p / "empty.txt", b""), "empty"),
    (lambda p: _write(p / "blank.txt", b"  \n\n "), "no text"),
    (lambda p: _write(p / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"), "binary"),
    (lambda p: _write(p / "bad.txt", b"caf\x81\x8d\x8f\x90"), "could not be decoded"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, make, words):
    _one_error_line(_analyze(capsys, make(tmp_path)), words)


def test_bad_arguments_exit_2_with_one_line(capsys):
    code, _, err = run_cli(capsys, "analyze", "x.txt", "--format", "pdf")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_malformed_teacher_cue_list_is_one_line(tmp_path, capsys):
    (tmp_path / "hedges.csv").write_text("pattern,label,explanation\nperhaps,sarcasm,not a label\n",
                                         encoding="utf-8")
    code, _, err = run_cli(capsys, "analyze", str(SEEDS / f"{SEED_IDS[0]}.txt"), "--cues", str(tmp_path))
    assert code == 2 and "hedges.csv:2:" in err
    assert len(err.strip().splitlines()) == 1


def test_evaluate_prints_a_table_and_disagreements(capsys):
    code, out, _ = run_cli(capsys, "evaluate")
    assert code == 0
    header = out.splitlines()[1].split()
    assert header == ["label", "key", "found", "agree", "prec", "recall", "F1"]
    assert "Disagreements (" in out


def test_evaluate_json(capsys):
    code, out, _ = run_cli(capsys, "evaluate", "--format", "json")
    data = json.loads(out)
    assert [r["label"] for r in data["labels"]] == ["attribution", "hedge", "booster", "speculation", "opinion"]
    for r in data["labels"]:
        assert r["tp"] + r["fn"] > 0  # every label occurs in the key


def _write(path, data):
    path.write_bytes(data)
    return path


def test_html_report_says_what_is_missing_after_the_headline(capsys):
    _, out, _ = run_cli(capsys, "analyze", str(SEEDS / f"{SEED_IDS[1]}.txt"), "--format", "html")
    assert out.index('class="dek"') < out.index("<b>date:</b> none on the page")
    assert out.index('class="dek"') < out.index("<b>byline:</b> none on the page")


# --- input that is too long, endless, or not an article's plain text ----------------------------

def _analyze(capsys, path, *options):
    code, out, err = run_cli(capsys, "analyze", str(path), *options)
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def _one_error_line(res, *words):
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medialit: error:"), res.stderr
    assert "Traceback" not in res.stderr
    for w in words:
        assert w in lines[0]
    return lines[0]


def test_dev_zero_is_refused_at_once(capsys):
    """Reading stops after MAX_BYTES + 1 bytes (it used to read until the memory ran out)."""
    line = _one_error_line(_analyze(capsys, "/dev/zero"), "/dev/zero", f"more than {MAX_BYTES:,} bytes",
                           "at most 200,000 characters")
    assert "binary" not in line


def test_endless_standard_input_is_refused(capsys, monkeypatch):
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=zero))
        res = _analyze(capsys, "-")
    _one_error_line(res, "standard input", "more than")


def test_endless_fifo_is_refused(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    written = []

    def feed():
        try:
            with open(fifo, "wb") as fh:
                while sum(written) < 50_000_000:  # far more than the kit reads, but not forever
                    fh.write(b"It may rain. " * 8000)
                    written.append(8000 * 13)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    res = _analyze(capsys, fifo)
    writer.join(30)
    _one_error_line(res, "pipe.txt", "more than")
    assert sum(written) < 50_000_000, "the kit stopped reading; the writer saw a broken pipe"


def test_the_size_limit_is_what_the_readme_says(tmp_path, capsys):
    ok = tmp_path / "long.txt"
    ok.write_text("Long Read\n\n" + ("The minister said it may rain. " * 7000)[:MAX_CHARS - 11], encoding="utf-8")
    started = time.monotonic()
    res = _analyze(capsys, ok)     # the text report of 6,000 sentences: took over a minute before it was linear
    assert res.returncode == 0 and res.stdout.count("[may]{hedge}") == 6451
    html = _analyze(capsys, ok, "--format", "html")
    assert html.returncode == 0 and html.stdout.count('class="sent"') == 6453
    assert time.monotonic() - started < 60, "the reports of a long text are no longer linear"
    too_long = tmp_path / "too-long.txt"
    too_long.write_text("x" * (MAX_CHARS + 1), encoding="utf-8")
    _one_error_line(_analyze(capsys, too_long), "200,001 characters", "at most 200,000 characters")
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_CHARS:,} characters" in readme


def test_utf16_without_bom_is_read_with_a_note(tmp_path, capsys):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Rain Ahead\n\nForecasters said it may rain. “Take an umbrella,” one said.\n"
                     .encode("utf-16-le"))
    res = _analyze(capsys, path)
    assert res.returncode == 0 and "[may]{hedge}" in res.stdout
    assert res.stderr.strip() == "medialit: note: read as UTF-16 (little-endian) without a byte-order mark"


def test_utf16_without_bom_that_cannot_be_read_is_named(tmp_path, capsys):
    path = tmp_path / "russian.txt"
    path.write_bytes("Новости дня. Говорят, что может пойти дождь.".encode("utf-16-be"))
    _one_error_line(_analyze(capsys, path), "UTF-16 text without a byte-order mark")


def test_stray_byte_in_utf8_is_reported_with_its_place(tmp_path, capsys):
    path = tmp_path / "stray.txt"
    text = "Talks Resume\n\n“We will talk,” she said.\nIt\x92s raining. Café.\n"
    path.write_bytes(text.encode("utf-8").replace("\x92".encode("utf-8"), b"\x92"))
    line = _one_error_line(_analyze(capsys, path), "stray.txt: line 4, column 3: the byte 0x92 is not UTF-8",
                           "would be ’", "save the file again as UTF-8")
    assert "cp1252" not in line


def test_a_genuine_windows_1252_file_still_reads(tmp_path, capsys):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 News\n\n“It’s raining,” she said. It may stop.\n".encode("cp1252"))
    res = _analyze(capsys, path, "--format", "json")
    assert res.returncode == 0 and res.stderr == ""
    data = json.loads(res.stdout)
    assert data["article"]["encoding"] == "cp1252" and data["article"]["headline"] == "Café News"
    assert data["sentences"][1]["text"] == "“It’s raining,” she said."


def test_a_web_page_is_recognised(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html>\n<html><head><title>News</title></head><body>"
                    "<h1>Rain</h1><p>It may rain.</p></body></html>\n", encoding="utf-8")
    _one_error_line(_analyze(capsys, path), "HTML code of a web page", "copy it")
    saved = tmp_path / "saved.txt"  # a page saved as .txt without the doctype: many tags
    saved.write_text("\n".join(f'<div class="row"><p>Line {i} of the page.</p></div>' for i in range(12)),
                     encoding="utf-8")
    _one_error_line(_analyze(capsys, saved), "HTML code of a web page")


# --- reports of long texts: highlights and sources found without items x sentences work ----------

from hypothesis import given, settings, strategies as st  # noqa: E402


def _reference_highlight(text, start, end, cues, sources):
    """The report's highlighting written the slow, obvious way (as it was): every piece checks every span."""
    from markupsafe import escape

    from medialit.vocabulary import SOURCE_MEANINGS

    spans = [(c.start, c.end, c) for c in cues if c.start < end and c.end > start]
    spans += [(s.start, s.end, s) for s in sources if s.start < end and s.end > start]
    cuts = sorted({start, end, *[max(start, a) for a, _, _ in spans], *[min(end, b) for _, b, _ in spans]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [obj for s0, s1, obj in spans if s0 <= a and b <= s1]
        piece = escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        classes, titles = [], []
        for obj in covering:
            if hasattr(obj, "voice"):
                classes += ["cue", obj.label, f"voice-{obj.voice}"]
                titles.append(f"{obj.label} ({obj.voice} voice) — {obj.explanation} [rule: {obj.rule}]")
            else:
                classes.append("src")
                titles.append(f"source: {obj.type.replace('_', ' ')} — {SOURCE_MEANINGS.get(obj.type, '')}")
        out.append(f'<span class="{escape(" ".join(dict.fromkeys(classes)))}" '
                   f'title="{escape(" | ".join(titles))}">{piece}</span>')
    return "".join(out)


_SPAN = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=100, deadline=None)
@given(st.lists(_SPAN, max_size=8), st.lists(_SPAN, max_size=5), _SPAN)
def test_highlight_is_the_same_as_the_obvious_way(cue_spans, source_spans, window):
    from medialit.report import _highlight

    text = "abc<de>f&'\"jklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"
    cues = [SimpleNamespace(start=a, end=b, text=text[a:b], label=("hedge", "booster")[i % 2],
                            voice=("writer", "source")[i % 2], explanation=f"c{i}", rule="r")
            for i, (a, b) in enumerate(cue_spans)]
    sources = [SimpleNamespace(start=a, end=b, text=text[a:b], type="vague") for a, b in source_spans]
    start, end = window
    if start == end:
        return
    assert _highlight(text, start, end, cues, sources) == _reference_highlight(text, start, end, cues, sources)


@settings(max_examples=100, deadline=None)
@given(st.lists(_SPAN, max_size=10), st.lists(st.integers(1, 6), min_size=1, max_size=8))
def test_sources_are_filed_under_every_sentence_they_overlap(item_spans, lengths):
    from medialit.report import _by_sentence

    sentences, pos = [], 0
    for i, n in enumerate(lengths):
        sentences.append(SimpleNamespace(index=i, start=pos, end=pos + n))
        pos += n + 1                                      # a space between sentences
    items = [SimpleNamespace(start=a, end=b) for a, b in item_spans if b > a]
    got = _by_sentence(sentences, items)
    for s in sentences:
        assert got.get(s.index, []) == [it for it in items if s.start < it.end and it.start < s.end]


def test_report_templates_escape_text_title_and_reasons():
    """Page and notebook view: article text, the page title and the detector's reasons come out escaped."""
    from medialit.articles import parse_article
    from medialit.detect import analyze
    from medialit.report import show, to_html

    hostile = 'Rain <script>alert("x")</script> & \'more\'\n\nIt may rain, officials said & "<b>perhaps</b>".\n'
    analysis = analyze(parse_article(hostile))
    for html in (to_html(analysis, title='<i>"T" & \'t\'</i>'), show(analysis)._repr_html_()):
        parsed = _Collector()
        parsed.feed(html)
        assert "script" not in parsed.tags and "b" in parsed.tags     # <b> only where the report puts it
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;more&#39;" in html
        assert "officials said &amp; &#34;&lt;b&gt;" not in html       # cues inside: cut into spans
        assert "&lt;b&gt;" in html and "&lt;/b&gt;" in html
        assert 'class="cue hedge voice-author"' in html
    assert "<title>&lt;i&gt;&#34;T&#34; &amp; &#39;t&#39;&lt;/i&gt;</title>" in to_html(analysis, title='<i>"T" & \'t\'</i>')
    assert show(analysis)._repr_html_().startswith('<div class="medialit-report"><style>')


def test_report_uses_the_one_palette():
    """Cue highlights are the vocabulary's colours, tinted for a light background behind text."""
    from medialit.articles import parse_article
    from medialit.detect import analyze
    from medialit.report import to_html
    from medialit.vocabulary import LABEL_COLOURS, tint

    html = to_html(analyze(parse_article("It may rain.", body_only=True)))
    for label in ("hedge", "booster", "attribution", "opinion", "loaded", "speculation"):
        assert f".cue.{label} {{ background: {tint(LABEL_COLOURS[label])}; }}" in html
