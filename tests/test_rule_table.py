"""Every rule in medialit/data/rules/*.csv decides on the words its example names.

The rule tables are data a teacher can read; each row carries an invented example
sentence, and this test runs the detector on it. A rule that no longer fires on its own
example (or a row whose rule the code never applies) fails here with the row's file:line.
"""

import pytest

from medialit.articles import parse_article
from medialit.detect import analyze
from medialit.detect.rules import RULE_TABLE, RULES, load_rules
from medialit.datafiles import DataFileError


def decisions(example: str):
    """(rule, text, result) for everything the detector decided in the example.

    The example is the body of an article headed "Headline"; an example that opens with
    its own headline separates it from the body with " // "."""
    head, sep, body = example.partition(" // ")
    an = analyze(parse_article((head if sep else "Headline") + "\n\n" + (body if sep else example) + "\n"))
    out = set()
    for sa in an.sentences:
        for c in sa.cues:
            out.add((c.rule, c.text, "cue"))
            if c.voice == "source":
                inside = any(a <= c.start and c.end <= b for a, b in _quoted(an.article.text, sa))
                out.add(("voice_quote" if inside else "voice_reported_speech", c.text, "voice"))
        for e in sa.evidence:
            out.add((e.rule, e.text, "evidence"))
        for s in sa.sources:
            out.add((s.rule, s.text, "source"))
        for s in sa.suppressed:
            out.add((s.rule, s.text, "suppressed"))
    return out


def _quoted(text, sa):
    """Spans between opening and closing quotation marks in the sentence."""
    s = sa.sentence
    spans, opened = [], None
    for i in range(s.start, s.end):
        ch = text[i]
        if ch in "“‘" or (ch == '"' and opened is None):
            opened = i
        elif ch in "”’\"" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    return spans


@pytest.mark.parametrize("name", sorted(RULE_TABLE))
def test_rule_decides_on_its_example(name):
    rule = RULE_TABLE[name]
    got = decisions(rule.example)
    assert (name, rule.decides, rule.result) in got, (
        f"{rule.where}: rule {name} does not give a {rule.result} on {rule.decides!r} in "
        f"{rule.example!r}; the detector decided: {sorted(got)}")


def test_every_rule_the_code_names_is_declared():
    import pathlib
    import re
    code = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path("medialit/detect").glob("*.py"))
    named = set(re.findall(r'RULES\["(\w+)"\]', code))
    assert named <= set(RULES), named - set(RULES)


def test_a_broken_rule_row_names_its_file_and_line(tmp_path):
    (tmp_path / "x.csv").write_text("rule,explanation,example,decides,result\n"
                                    "r1,Says why.,The bridge may fall.,will,cue\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x.csv:2: the example does not contain 'will'"):
        load_rules(tmp_path)
    (tmp_path / "x.csv").write_text("rule,explanation,example,decides,result\n"
                                    "r1,Says why.,The bridge may fall.,may,guess\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="result must be one of"):
        load_rules(tmp_path)
