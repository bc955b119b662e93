"""Self-check: answers stored as digests only, check()/grade() verdicts, readable quiz() and check() output."""

import json
import re
from pathlib import Path

import pytest

from medialit import selfcheck
from medialit.selfcheck import QUESTIONS_DIR, canonical, check, digest, grade, questions
from medialit.ui import quiz

ROOT = Path(__file__).resolve().parent.parent
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}


def graded_ids() -> list[str]:
    """The questions nbgrader grades: those of the solutions' autograder test cells."""
    ids = set()
    for path in (ROOT / "solutions").glob("*.ipynb"):
        ids |= set(re.findall(r'grade\(\\"([^\\"]+)\\"', path.read_text(encoding="utf-8")))
    return sorted(ids)


# -- answers are digests only ------------------------------------------------------------

def test_question_files_hold_no_answer_in_plain_text():
    for path in QUESTIONS_DIR.glob("*.json"):
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            assert "answer" not in q and "accept" not in q, q["id"]
            assert all(re.fullmatch(r"[0-9a-f]{64}", d) for d in q["answer_sha256"]), q["id"]
            assert q["explanation"].strip() and q["hint"].strip(), q["id"]


def test_digest_is_of_the_question_and_the_normalised_answer():
    assert canonical("number", "14") == canonical("number", 14.0) == canonical("number", " 14 ") == "14.0"
    assert canonical("number", -0.0) == "0.0"
    assert canonical("text", "  Russia  Insider. ") == canonical("text", "russia insider") == "russia insider"
    assert canonical("text", "The White House’s") == "the white house's"
    assert digest("a", "text", "x") != digest("b", "text", "x")        # same answer, other question
    assert digest("a", "number", 1) != digest("a", "text", "1")
    assert digest("warmup-hedge-word", "text", "PERHAPS!") in questions()["warmup-hedge-word"].digests


def test_a_question_file_with_a_plain_answer_is_refused(tmp_path, monkeypatch):
    (tmp_path / "99_x.json").write_text(json.dumps({"questions": [
        {"id": "99-x", "kind": "number", "prompt": "?", "answer": 3, "explanation": "e", "hint": "h"}]}))
    monkeypatch.setattr(selfcheck, "QUESTIONS_DIR", tmp_path)
    selfcheck.questions.cache_clear()
    try:
        with pytest.raises(ValueError, match="store answer_sha256 instead"):
            questions()
        (tmp_path / "99_x.json").write_text(json.dumps({"questions": [
            {"id": "99-x", "kind": "choice", "prompt": "?", "choices": ["a", "b"],
             "answer_sha256": [digest("99-x", "choice", "c")], "explanation": "e", "hint": "h"}]}))
        selfcheck.questions.cache_clear()
        with pytest.raises(ValueError, match="not one of the choices"):
            questions()
    finally:
        selfcheck.questions.cache_clear()


def _candidates(text: str, kind: str):
    """Every number (digits or words) or every run of 1-6 words in a text: what a reader could try."""
    if kind == "number":
        yield from re.findall(r"\d+(?:\.\d+)?", text)
        yield from (NUMBER_WORDS[w.lower()] for w in re.findall(r"[A-Za-z]+", text) if w.lower() in NUMBER_WORDS)
        return
    words = re.findall(r"[\w’'-]+", text)
    for n in range(1, 7):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i:i + n])


def test_there_are_graded_questions_in_every_practice_notebook():
    ids = graded_ids()
    assert len(ids) == 32 and {i[:2] for i in ids} == {f"0{n}" for n in range(8)}


@pytest.mark.parametrize("qid", graded_ids())
def test_a_graded_questions_own_words_do_not_give_its_answer_away(qid):
    """Prompt, hint, explanation and the wrong options' reasons of a graded question contain no number or
    phrase that is its answer (choices are shown on purpose, so they are left out)."""
    q = questions()[qid]
    text = " ".join([q.prompt, q.explanation, q.hint] + [why for _, why in q.why_not])
    leaked = set()
    for candidate in _candidates(text, q.kind):
        if digest(qid, q.kind, candidate) in q.digests:
            leaked.add(str(candidate))
    assert not leaked, f"{qid}: the question's text gives away {leaked}"


def test_the_leak_scan_finds_an_answer_in_the_text():
    q = questions()["01-p-today-count"]
    right = next(n for n in range(50) if digest(q.id, "number", n) in q.digests)
    found = [c for c in _candidates(f"It appears {right} times.", "number") if digest(q.id, "number", c) in q.digests]
    assert found


# -- check() and grade() ---------------------------------------------------------------

def test_set_answers_count_the_right_items_and_name_the_extra_ones():
    r = check("05-outlets-003", ["RT", "TASS", "BBC"])
    assert r.status == "partly" and r.message.startswith("You have 2 of 5.")
    assert r.details == ("Not in the answer: bbc.",)
    assert check("05-outlets-003", ["fars", "Reuters", "RT", "TASS", "Washington Post"]).right
    assert check("05-outlets-003", ["BBC"]).status == "wrong"


def test_numbers_in_any_spelling_and_a_clear_message_for_words():
    assert check("01-p-appeal-count", "2").right and check("01-p-appeal-count", 2.0).right
    r = check("01-p-appeal-count", "twice")
    assert r.status == "wrong" and r.message.startswith("Please answer with a number.")


def test_grade_passes_silently_when_right_and_raises_the_hint_otherwise():
    assert grade("01-p-appeal-count", 2) is None
    with pytest.raises(AssertionError, match=r"^Not quite\. Look through the whole page the cell prints"):
        grade("01-p-appeal-count", 3)
    with pytest.raises(AssertionError, match="Not answered yet"):
        grade("01-p-appeal-count", ...)
    with pytest.raises(AssertionError, match="You have 1 of 5"):
        grade("05-outlets-003", ["RT"])


def test_check_html_shows_the_question_the_answer_and_the_verdict_escaped():
    r = check("06-practice-byline", "<script>alert(1)</script> & Co")
    html = r._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "Who wrote the practice article, according to its byline?" in html
    assert "Your answer:" in html and "Not quite." in html
    right = check("01-p-appeal-count", 2)._repr_html_()
    assert "Your answer:</b> 2<" in right and "Right!" in right
    blank = check("01-p-appeal-count", ...)._repr_html_()
    assert "Your answer" not in blank and "Not answered yet" in blank
    assert repr(r) == r.message                     # the plain text stays the message only


def test_cli_prints_the_digests_to_paste(capsys):
    assert selfcheck.main(["digest", "number", "01-p-appeal-count", "2"]) == 0
    assert json.loads(capsys.readouterr().out) == [digest("01-p-appeal-count", "number", 2)]
    assert selfcheck.main(["digest", "number", "01-p-appeal-count", "two"]) == 2
    assert "needs a number" in capsys.readouterr().err
    assert selfcheck.main(["digest"]) == 2


# -- quiz() readable everywhere ----------------------------------------------------------

def test_quiz_bundle_has_stable_text_and_an_escaped_html_fallback():
    w = quiz("01-dating-003")
    q = questions()["01-dating-003"]
    data, _ = w._repr_mimebundle_()
    assert data["text/plain"] == "Quiz('01-dating-003', choice=None)"
    assert "application/vnd.jupyter.widget-view+json" in data
    html = data["text/html"]
    from markupsafe import escape       # the templates' escaping (a quote is &#39;)
    assert escape(q.prompt) in html and all(escape(c) in html for c in q.choices)
    assert "Not answered yet" in html
    right = next(c for c in q.choices if check(q.id, c).right)
    w.options.value = right
    data, _ = w._repr_mimebundle_()
    assert data["text/plain"] == f"Quiz('01-dating-003', choice={right!r})"
    assert f"● <b>{escape(right)}</b>" in data["text/html"] and "Right!" in data["text/html"]
    assert "Right!" in w.feedback.value and "Question:" not in w.feedback.value   # the quiz shows it above
    w.close()


def test_quiz_escapes_markup_in_question_and_choices(monkeypatch):
    q = selfcheck.Question("x-1", "Is <b>this</b> bold?", "choice", (digest("x-1", "choice", "<i>no</i>"),),
                           "Because & so.", "Look <again>.", ("<i>no</i>", "yes"))
    monkeypatch.setitem(questions(), "x-1", q)
    w = quiz("x-1")
    html = w._repr_mimebundle_()[0]["text/html"]
    assert "<b>this</b>" not in html and "&lt;b&gt;this&lt;/b&gt;" in html and "&lt;i&gt;no&lt;/i&gt;" in html
    w.options.value = "<i>no</i>"
    assert "Because &amp; so." in w.feedback.value and "<i>no</i>" not in w.feedback.value
    w.close()


def test_quiz_refuses_a_question_that_is_not_multiple_choice():
    with pytest.raises(ValueError, match="multiple-choice"):
        quiz("01-p-appeal-count")
    with pytest.raises(KeyError, match="check the spelling"):
        quiz("no-such-question")


@pytest.mark.slow
def test_a_static_html_export_shows_the_quiz_and_the_check_as_text(tmp_path, monkeypatch):
    """nbconvert's HTML of an executed notebook, without widget state (as offline and on GitHub)."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    monkeypatch.setenv("MEDIALIT_ANNOTATIONS", str(tmp_path))
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell('from medialit.selfcheck import check\nfrom medialit.ui import quiz\n\nquiz("01-dating-003")'),
                nbformat.v4.new_code_cell('check("01-p-appeal-count", "<b>3</b>")')]
    NotebookClient(nb, kernel_name="python3", store_widget_state=False, timeout=120).execute()
    html, _ = HTMLExporter().from_notebook_node(nb)
    from html import unescape
    text = unescape(html)
    q = questions()["01-dating-003"]
    assert q.prompt in text and all(c in text for c in q.choices)
    assert "VBox(children" not in html and "Not answered yet: run the notebook to choose." in html
    assert questions()["01-p-appeal-count"].prompt in text
    assert "Your answer:</b> &lt;b&gt;3&lt;/b&gt;" in html and "Please answer with a number." in html


# -- why each wrong option is wrong (issue 10, item 6) ---------------------------------------

CHOICE_IDS = sorted(qid for qid, q in questions().items() if q.kind == "choice")


@pytest.mark.parametrize("qid", CHOICE_IDS)
def test_every_wrong_option_has_its_own_reason_and_the_right_one_none(qid):
    q = questions()[qid]
    right = [c for c in q.choices if digest(qid, "choice", c) in q.digests]
    wrong = [c for c in q.choices if c not in right]
    assert len(right) == 1 and all(q.reason(c) for c in wrong), [c for c in wrong if not q.reason(c)]
    assert q.reason(right[0]) == "" and len(q.why_not) == len(wrong)
    assert len({q.reason(c) for c in wrong}) == len(wrong)         # one reason per option, not one for all
    for c in wrong:
        r = check(qid, c)
        assert r.status == "wrong" and r.message == f"Not quite: {q.reason(c)}" and r.details == (q.hint,)
    r = check(qid, right[0])                                       # after clicking through: every reason
    assert r.right and r.details == tuple(f"Not “{c}”: {q.reason(c)}" for c in wrong)


@pytest.mark.parametrize("qid", CHOICE_IDS)
def test_a_reason_does_not_quote_the_right_option(qid):
    q = questions()[qid]
    (right,) = [c for c in q.choices if digest(qid, "choice", c) in q.digests]
    for _, why in q.why_not:
        assert selfcheck._norm(right) not in selfcheck._norm(why), (qid, why)


def test_the_question_file_keeps_the_right_option_out_of_plain_sight():
    raw = (QUESTIONS_DIR / "00_start_here.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    q = next(q for q in data["questions"] if q["id"] == "00-obviously-label")
    assert all(re.fullmatch(r"[0-9a-f]{64}", key) for key in q["why_not"])
    assert not any(c in q["why_not"] for c in q["choices"])


def test_a_reason_for_no_wrong_option_is_refused(tmp_path, monkeypatch):
    base = {"id": "99-x", "kind": "choice", "prompt": "?", "choices": ["a", "b"],
            "answer_sha256": [digest("99-x", "choice", "a")], "explanation": "e", "hint": "h"}
    monkeypatch.setattr(selfcheck, "QUESTIONS_DIR", tmp_path)
    try:
        for why_not, message in [({digest("99-x", "choice", "a"): "the right one"}, "for no wrong option"),
                                 ({"b": "a key in plain text"}, "why_not")]:
            (tmp_path / "99_x.json").write_text(json.dumps({"questions": [dict(base, why_not=why_not)]}))
            selfcheck.questions.cache_clear()
            with pytest.raises(ValueError, match=message):
                questions()
        (tmp_path / "99_x.json").write_text(json.dumps({"questions": [
            dict(base, why_not={digest("99-x", "choice", "b"): "b is not it"})]}))
        selfcheck.questions.cache_clear()
        assert check("99-x", "b").message == "Not quite: b is not it"
    finally:
        selfcheck.questions.cache_clear()


# -- self-checks that ask for reasoning (issue 10, item 7) --------------------------------------------

REASONING = ["02-p-trust-pair", "02-p-what-to-check", "03-p-could-not-verified", "04-p-secret-deal"]


@pytest.mark.parametrize("qid", REASONING)
def test_reasoning_questions_are_graded_choices_that_quote_the_articles_exactly(qid):
    from medialit.articles import seed_article

    assert qid in graded_ids()
    q = questions()[qid]
    assert q.kind == "choice" and len(q.choices) >= 3
    texts = seed_article("000").text + seed_article("003").text
    for quote in re.findall(r"“([^”]{25,})”", q.prompt):
        for piece in (p.strip() for p in quote.split("…")):
            if len(piece) > 20 and "made-up" not in q.prompt:
                assert piece in texts, (qid, piece)


def test_a_choice_takes_the_options_letter_as_the_practice_notebooks_show_it():
    q = questions()["02-p-trust-pair"]
    for i, choice in enumerate(q.choices):
        letter = "ABCD"[i]
        assert check(q.id, letter).status == check(q.id, choice).status
        assert check(q.id, f"({letter.lower()})").given == choice
    assert check(q.id, "E").status == "wrong" and "Choose one of" in check(q.id, "E").message


def test_no_practice_task_asks_for_python_where_a_reading_question_replaced_it():
    """The replaced recall questions (a count from the key, a rule's name, set arithmetic) are gone from the
    practice notebooks; their answers are a letter or a list typed by the learner."""
    text = "\n".join("".join(cell["source"]) for name in (
        "02_who_says_so_practice.ipynb", "03_how_sure_is_the_writer_practice.ipynb",
        "04_speculation_and_opinion_practice.ipynb", "05_side_by_side_practice.ipynb")
        for cell in json.loads((ROOT / "solutions" / name).read_text(encoding="utf-8"))["cells"])
    for gone in ("02-p-outlets-000", "02-p-anonymous", "03-false-friend-rule", "name of the rule",
                 "04-speculation-count-000",
                 "with_attribution)\n### END SOLUTION"):
        assert gone not in text, gone
    assert 'unsourced_000 = [' in text and 'more_trust = "' in text and 'to_check = "' in text
    assert 'agree = "' in text and 'why_guess = "' in text
