"""Lesson 2 (who says so?): its notebooks, its questions, and every answer checked against the kit."""

from pathlib import Path

from lessons import chosen, note, read, right, sources

from medialit.selfcheck import check

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "notebooks" / "02_who_says_so.ipynb"


def paragraph_of(key, source):
    return key.units[source.unit].paragraph


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------

def test_school_of_thought_is_vague(k003):
    types = {s.text: s.type for s in k003.sources}
    assert right("02-type-school-of-thought", types["one school of thought in Washington"])


def test_the_only_speaker_of_000(k000):
    named = [s for s in k000.sources if s.type == "named_person"]
    assert len(named) == 4   # "the four named person sources of 000 are all one man"
    assert {s.text.lower() for s in named} == {
        "russian senator viktor ozerov", "the head of the russian federation council’s defense and security committee"}
    assert right("02-ozerov", "Viktor Ozerov") and right("02-ozerov", "Russian Senator Viktor Ozerov")
    assert check("02-ozerov", "Senator Ozerov").right and check("02-ozerov", "Ozerov").right


def test_job_title_is_a_named_person(k000):
    first = next(s for s in k000.sources if s.text.startswith("The head of"))
    assert paragraph_of(k000, first) == 1
    assert right("02-type-head-of-committee", first.type.replace("_", " "))


def test_chain_of_sources(k000, a000):
    a = a000
    assert "Russian Senator Viktor Ozerov told the news agency Interfax" in a.paragraphs[1].text
    assert a.paragraphs[3].text.startswith("The Moscow Times reports")
    chain = note(k000, "A chain of sources").note
    assert "Ozerov told Interfax; The Moscow Times reported it" in chain and "third-hand" in chain
    assert chosen("02-chain-order") == "Ozerov → Interfax → The Moscow Times → this article"


def test_kremlin_only_in_the_dek(k000, a000):
    a = a000
    assert " ".join(p.text for p in a.paragraphs).count("Kremlin") == 0 and right("02-kremlin-in-body", 0)
    assert a.dek.startswith("Kremlin Says")
    assert "the Kremlin is never mentioned" in note(k000, "Dek attributes to the Kremlin").note


def test_headline_generalises_from_one_senator(k000):
    text = note(k000, "Headline attributes more than the body supports").note
    assert "the only speaker in the body is Senator Viktor Ozerov" in text
    assert "one interview" in text and chosen("02-headline-support").startswith("One senator, Viktor Ozerov")


def test_outlets_of_003_are_tags_in_brackets(k003, a003):
    a = a003
    outlets = [s for s in k003.sources if s.type == "outlet"]
    assert [s.text for s in outlets] == ["RT", "Washington Post", "Reuters", "TASS", "FARS"]
    assert right("02-outlets-003", {s.text for s in outlets})
    where = {s.text: paragraph_of(k003, s) for s in outlets}
    assert where == {"RT": 4, "Washington Post": 5, "Reuters": 8, "TASS": 11, "FARS": 14}
    for name, n in where.items():
        par = a.paragraphs[n - 1].text
        assert f"({name})" in par
        if name == "Reuters":   # "after the first sentence of paragraph 8"
            assert par.startswith("Thus,") and "(Reuters) The White House said" in par
        else:                   # "at the end of paragraph n"
            assert par.rstrip().endswith(f"({name})")
    assert "He didn’t elaborate. (RT)" in a.text
    assert "does (RT) cover paragraphs 1–4 or only the last sentence" in note(k003, "Outlets cited only in parentheses").note
    assert chosen("02-rt-unclear").startswith("Whether it covers only the last sentence")


def test_vague_and_anonymous_counts(k000, k003):
    vague = [s.text for s in k003.sources if s.type == "vague"]
    assert vague == ["not everyone", "the reports appearing in the US media",
                     "one school of thought in Washington", "Today’s Iranian reports"]
    # the lesson's question on a vague source: what would you need to find to check it?
    assert chosen("02-vague-check").startswith("Which reports they are")
    assert not any(s.type == "vague" for s in k000.sources)   # "003 has more kinds of source"
    # practice: before repeating "Russia Says", check who said it; the body quotes one senator only
    assert {s.text for s in k000.sources if s.type == "named_person" and k000.units[s.unit].part == "body"} == {
        "The head of the Russian Federation Council’s Defense and Security Committee",
        "the head of the Russian Federation Council’s Defense and Security Committee", "Russian Senator Viktor Ozerov"}
    assert chosen("02-p-what-to-check").startswith("Whether the Russian government itself said it")


def test_practice_answers(k000, k003):
    # practice: a named speaker (the White House, ¶8) gives more to check than a vague one (¶5)
    assert {s.text: s.type for s in k003.sources if s.text in ("The White House", "one school of thought in Washington")} \
        == {"The White House": "institution", "one school of thought in Washington": "vague"}
    assert chosen("02-p-trust-pair").startswith("Sentence 1: it names who said it")
    (tass,) = [paragraph_of(k003, s) for s in k003.sources if s.text == "TASS"]
    assert right("02-p-tass-paragraph", tass)
    named = [s for s in k003.sources if s.type == "named_person"]
    # seven mentions of three men: the key records Ayrault ("he sounded conciliatory. (TASS)") since issue 10
    assert len(named) == 7
    konashenko = [s for s in named if "Konashenko" in s.text or "general" in s.text.lower()]
    peskov = [s for s in named if "Peskov" in s.text]
    ayrault = [s for s in named if "Ayrault" in s.note]
    assert len(konashenko) == 4 and len(peskov) == 2 and len(ayrault) == 1
    assert all("Konashenko" in s.note or "Konashenkov" in s.note for s in konashenko)
    assert right("02-p-named-people-003", len({"Konashenko", "Peskov", "Ayrault"}))


def test_moscow_as_the_speaker(k003, a003):
    a = a003
    assert "a fairly explicit warning by Moscow" in a.paragraphs[0].text
    assert "The Russian defence ministry spokesman Gen. Igor Konashenko said" in a.paragraphs[0].text
    assert "one person, the defence ministry spokesman" in note(k003, "“Moscow” as the speaker").note


# ---------------------------------------------------------------------------
# Notebooks
# ---------------------------------------------------------------------------

def test_lesson_has_activity_feedback_tables_and_a_plot():
    code = "\n".join(sources(read(LESSON), "code"))
    assert "SpanAnnotator(" in code and "learner_feedback(" in code and "record.relations" in code
    assert "key_000.source_rows()" in code and "key_003.source_rows()" in code
    assert "source_comparison(key_000, analyze(article_000))" in code
    assert "plots.sourcing_mix(" in code

