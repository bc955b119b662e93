"""Sources: typing who the information comes from, and remembering the people named.

How a source is typed (``named_person``, ``institution``, ``outlet``, ``anonymous``,
``vague``) is explained in :mod:`medialit.detect`; :func:`type_source` gives the
reason in words for each.

>>> from medialit.articles import parse_article
>>> from medialit.cues import load_lexicons
>>> from medialit.detect.cues import classify, find_hits
>>> from medialit.detect.state import ArticleState, SentenceState
>>> art = ArticleState(parse_article("Head\\n\\nGen. Jane Roe and the Defence Ministry spoke.\\n"), load_lexicons())
>>> st = SentenceState(art, art.article.sentences[1])
>>> classify(st, find_hits(st))
>>> type_source(st, st.text.index("Gen."), st.text.index(" and")).type
'named_person'
>>> src = add_source(st, st.text.index("the Def"), st.text.index(" spoke"), "reporting_subject", "Test.")
>>> src.type, src.explanation
('institution', "Test. Typed institution: 'Ministry' is a word that names a body.")
"""

from __future__ import annotations

import re
from typing import NamedTuple

from medialit.cues import Entry
from medialit.datafiles import words, words_by_kind
from medialit.detect.cues import SOURCE_LABELS
from medialit.detect.phrases import (ATTRIBUTION_DATA, BARE_GROUP, COUNT_APPROXIMATORS, COUNTED_OF, DOCUMENT_NOUNS,
                                     GROUP_WORDS, SHARE_HEADS, SPEAKER_PREPS)
from medialit.detect.quotes import inside
from medialit.detect.results import Cue, Evidence, Source
from medialit.detect.state import SentenceState
from medialit.detect.text import (CAP_STOP, STOP_LOWER, Tok, bare_plural, has_letter, is_nationality, iter_tokens,
                                  strip_possessive, tokens)

#: How the reason for a single name typed as an organisation begins.
SINGLE_NAME = "a single name"
#: How the reason begins when nothing in a phrase names a speaker (the default type, vague).
NO_NAME = "no name"
#: The word that joins how a source was found to its type in its explanation.
TYPED = "Typed"
#: Words of bare_group_subjects.csv that stand for one person, not a group (*another said*).
ONE_PERSON_GROUPS = words(ATTRIBUTION_DATA / "one_person_groups.csv")
#: Small words inside a counted group (*one in* five, 40 *per* cent, *a number of them*).
COUNT_WORDS = frozenset({"one", "in", "per", "of", "a"}) | SHARE_HEADS | COUNTED_OF


#: Plural roles of people who speak for the body they work at, and the words that tie them to it.
STAFF_ROLES, STAFF_PREPS = words_by_kind(ATTRIBUTION_DATA / "staff_words.csv", ("role", "preposition"))


class SourceTyping(NamedTuple):
    """A source's ``type`` and the ``reason`` in words; ``refers_to`` the person named earlier
    it points back to; the title ``kinds`` and ``surname`` found; ``display``, how a named
    person is remembered (title and name)."""

    type: str
    reason: str
    refers_to: str | None
    kinds: frozenset
    surname: str
    display: str


def type_source(st: SentenceState, a: int, b: int) -> SourceTyping:
    """How the source ``text[a:b]`` is typed, and why."""
    text = st.text
    # Speed: one pass over the listed words in the span, keeping what the typing asks for
    # (the first match per label or kind, all titles and institutions, the last outlet head).
    titles, inst, found, head = [], [], {}, None
    for h in st.hits:
        if h.start < a or h.end > b:
            continue
        lab = h.entry.label
        if lab == "title":
            titles.append(h)
        elif lab == "institution":
            inst.append(h)
        elif lab == "outlet":
            kind = h.entry.kind
            if kind == "head":
                head = h
            if (lab, kind) not in found:
                found[lab, kind] = text[h.start:h.end]
        elif lab in SOURCE_LABELS and lab not in found and not (
                lab == "vague" and h.start > a and text[h.start].isupper()):  # not "Union of Hospital Doctors"
            found[lab] = h  # anonymous, vague
    kinds = frozenset(h.entry.kind for h in titles)
    display = ""  # how a named person is shown: with the title before the name

    def typed(typ: str, reason: str, refers_to: str | None = None, surname: str = "") -> SourceTyping:
        return SourceTyping(typ, reason, refers_to, kinds, surname, display)

    toks = tokens(st.text, a, b)
    share_of = len(toks) > 2 and toks[-2].low == "of" and toks[-1].low in COUNTED_OF  # "some of them"
    if not titles and toks and (toks[-1].low in BARE_GROUP or share_of) and not (
            len(toks) > 1 and toks[0].low == "one" and toks[1].low == "of") and all(  # "One of them": one person
            t.low in BARE_GROUP or t.low in COUNT_APPROXIMATORS or t.low in COUNT_WORDS or t.low.isdigit()
            for t in toks):
        if len(toks) == 1 and toks[0].low in ONE_PERSON_GROUPS:
            return typed("anonymous", f"{text[a:b]!r} is one more person of a group, not named")
        return typed("vague", f"{text[a:b]!r} counts part of a group without naming anyone")
    anon = found.get("anonymous")
    if anon is not None:
        got = text[anon.start:anon.end]
        return typed("anonymous", f"{got!r} is on the list of anonymous sources")
    got = found.get(("outlet", "name"))
    if got:
        return typed("outlet", f"{got!r} is on the list of news outlets and agencies")
    covered = st.cat_at
    doc = None if titles else next((t for t in toks if t.low in DOCUMENT_NOUNS
                                    and (t.text[:1].islower() or t.start in st.content_starts())), None)
    vague = found.get("vague")
    got = text[vague.start:vague.end] if vague is not None else None
    vague_at = vague.start if vague is not None else b  # the matches come in text order
    if doc is not None and doc.end <= vague_at:  # "a survey of the club's members": the survey speaks
        return typed("institution", f"{doc.text!r} is a document or piece of evidence; it speaks for "
                     "whoever made it")
    body = _staff_body(st, toks, vague, inst) if got and got.lower() in STAFF_ROLES else None
    if body:
        return typed("institution", f"{got!r} of a named body ({body!r}) speak for it")
    if got:
        return typed("vague", f"{got!r} is on the list of vague sources")
    if not titles and len(toks) == 1 and _plural_group(st, toks[0], b):
        return typed("vague", f"{toks[0].text!r} is a plural word for a group of unnamed people")
    if (not titles and len(toks) == 2 and toks[0].start in st.content_starts() and toks[0].text.isalpha()
            and bare_plural(toks[1])):  # "Freight forwarders said": a capital only because it opens the sentence
        return typed("vague", f"{toks[1].text!r} is a plural word for a group of unnamed people")

    run = []
    k = len(toks) - 1
    while k >= 0 and name_word(st, toks[k]):
        run.append(toks[k])
        k -= 1
    run.reverse()
    prep = next((i for i, t in enumerate(toks) if i > 0 and t.low in SPEAKER_PREPS), None)
    if (run and titles and prep is not None and titles[0].start < toks[prep].start
            and not any(name_word(st, t) for t in toks[:prep]) and "," not in text[toks[prep].start:run[0].start]):
        run = []  # "Officials in the city of Leeds": the name belongs to the place, not to the speaker
    if prep is not None:
        head_names = [t for t in toks[:prep] if name_word(st, t)]
        if len(head_names) >= 2 and not any(head_names[0].start <= h.start < toks[prep].start for h in titles):
            # "Mia Ford of the Tarn Trust", "the minister, Saskia Ambrell of the Civic Union": a person, named, from a body
            names = " ".join(strip_possessive(t.text) for t in head_names)
            return SourceTyping("named_person", f"two or more capitalised name words ({names!r}) before "
                                f"{toks[prep].text!r}", None, kinds, strip_possessive(head_names[-1].text), names)
    if run:
        before = toks[k] if k >= 0 else None
        title = None
        if before is not None and before.start in covered and "title" in st.cat_at.get(before.start, ()):
            title = before.text
        elif (before is not None and before.text == "." and k >= 1
              and "title" in st.cat_at.get(toks[k - 1].start, ())):
            title = text[toks[k - 1].start:before.end]
        names = " ".join(strip_possessive(t.text) for t in run)
        display = f"{title} {names}" if title else names
        if title is not None:
            return typed("named_person", f"a title or role ({title!r}) followed by a name ({names!r})",
                         None, strip_possessive(run[-1].text))
        the_led = before is not None and before.low == "the"  # "the Harbour Board": a body, not a person
        if len(run) >= 2 and not the_led:
            first, last = run[0].text, strip_possessive(run[-1].text)
            if len(run) == 2 and _called_by_first_word(st, first, last):
                return typed("institution", f"later in the article {first!r} alone stands for {names!r}: a "
                             "company or group is called by the first word of its name, a person by the surname")
            return typed("named_person", f"two or more capitalised name words ({names!r})", None, last)
    got = found.get(("outlet", "descriptor"))
    if got and run:
        return typed("outlet", f"{got!r} introduces a news outlet")
    if got and len(toks) <= 3 and toks[-1].text == got.split()[-1]:  # "the newspaper", "the broadcaster"
        return typed("outlet", f"{got!r} names a news outlet by what it is")
    if head is not None and head.end == b and (sum(1 for t in toks if t.text[:1].isupper()) >= 2
                                         or (len(toks) == 2 and toks[0].low == "the")):
        return typed("outlet", f"the name ends with {text[head.start:head.end]!r}, "
                     "like many newspaper names")
    if titles and not run:
        found = [st.art.people.by_kind[k] for k in kinds if k in st.art.people.by_kind]
        if found:
            p = max(found, key=lambda x: x.order)
            return typed("named_person", f"{text[a:b]!r} refers back to {p.text!r}, named earlier with the same "
                         f"title or role", p.text, p.surname)
        role = text[titles[-1].start:titles[-1].end]
        if toks and toks[0].low in ("a", "an") and not role.lower().endswith("s"):
            return typed("anonymous", f"one unnamed person described by a role ({role!r})")
        if inst:
            return typed("institution", f"a role ({role!r}) inside a named body "
                         f"({text[inst[-1].start:inst[-1].end]!r}); the person speaks for that body")
        plural = role.lower().endswith("s") and not role.endswith(".") and len(role) > 3
        named = [t for t in toks if t.end <= titles[-1].start and name_word(st, t)]
        if plural and role[:1].isupper() and named and named[-1].end + 1 >= titles[-1].start:
            return typed("institution", f"a name ({named[-1].text!r}) before a capitalised plural ({role!r}): "
                         "the name of a firm or club, like 'Greyline Coaches'")
        if plural:
            return typed("vague", f"an unnamed group ({role!r})")
        return typed("anonymous", f"a person described by a role ({role!r}) but not named")
    if inst:
        h = inst[-1]
        what = {"place": "a country or capital standing for its government",
                "head": "a word that names a body", "name": "the name of an institution"}.get(h.entry.kind, "")
        return typed("institution", f"{text[h.start:h.end]!r} is {what}")
    if run and run[0] is not toks[0] and toks[toks.index(run[0]) - 1].low == "the":
        return typed("institution", f"a name after 'the' ({' '.join(t.text for t in run)!r}) names a body, "
                     "not a person")
    names_all = [t for t in toks if name_word(st, t)]
    if len(names_all) >= 2:
        names = " ".join(strip_possessive(t.text) for t in names_all)
        return typed("named_person", f"two or more capitalised name words ({names!r})", None,
                     strip_possessive(names_all[-1].text))
    if len(names_all) == 1:
        w = strip_possessive(names_all[0].text)
        p = st.art.people.by_surname.get(w)
        if p is not None:
            return typed("named_person", f"{w!r} is the name of {p.text!r}, named earlier", p.text, w)
        k = toks.index(names_all[0])
        if toks[0].low in ("a", "an", "one", "another") and any(t.low in SPEAKER_PREPS for t in toks[:k]):
            return typed("anonymous", f"one unnamed person; {w!r} names where they are from, not who they are")
        if len(toks) == 1 and not titles and not _named_in_full_before(st, w, a):  # "Google said"
            return typed("institution", f"{SINGLE_NAME} ({w!r}) that no person named earlier carries is taken "
                         "to be an organisation (news names a person in full the first time)")
        return typed("named_person", f"a capitalised name ({w!r}) is taken to be a person", None, w)
    acr = [t for t in toks if t.text.replace(".", "").isupper() and len(t.text) > 1]
    if acr:
        return typed("institution", f"an abbreviation ({acr[0].text!r}) usually names an organisation")
    if toks and toks[-1].low.endswith("-year-old") and toks[-1].low[:1].isdigit():  # "the 54-year-old said"
        return typed("anonymous", f"one person described only by age ({toks[-1].text!r})")
    if len(toks) >= 2 and toks[0].low in ("a", "an", "one") and not toks[-1].low.endswith("s"):
        return typed("anonymous", f"one unnamed speaker ({text[a:b]!r})")  # "…,” said a man
    return typed("vague", f"{NO_NAME}, title, outlet or institution was found, so the source is unspecified")


def _staff_body(st: SentenceState, toks: list[Tok], vague, inst) -> str | None:
    """The named body that staff (*researchers*, *analysts*) in a source phrase work for, if any:
    a listed body before them (*Castrell University researchers*), a name or listed body after
    *at*, *from* or *with* (*Analysts at Hollin & Pryce*), or, for *the researchers* alone, the body
    the same role was tied to earlier in the article. The body is remembered for later."""
    text = st.text
    role = text[vague.start:vague.end].lower()
    body = None
    if any(h.end <= vague.start for h in inst):  # "Castrell University researchers": a listed body before them
        a = toks[1].start if toks[0].low == "the" else toks[0].start
        if sum(w[:1].isupper() for w in text[a:vague.start].split()) >= 2:
            body = text[a:vague.start].strip()
    after = [t for t in toks if t.start >= vague.end]
    if body is None and after and after[0].low in STAFF_PREPS:
        rest = after[1:]
        if rest and rest[0].low == "the":
            rest = rest[1:]
        if rest and rest[0].text[:1].isupper() and (
                name_word(st, rest[0]) or any(h.start == rest[0].start for h in inst)):
            body = text[rest[0].start:rest[-1].end]
    if body is not None:
        st.art.staff_bodies[role] = body
        return body
    if [t.low for t in toks] in (["the", role], ["its", role]):
        return st.art.staff_bodies.get(role)
    return None


def _called_by_first_word(st: SentenceState, first: str, last: str) -> bool:
    """Whether the article calls the two-word name *first last* by its first word alone
    (*Calderwick Software* … *Calderwick said*) and never by its last word alone, as news
    does with a company (a person is called by the surname: *Maren Oduya* … *Oduya said*)."""
    uses = st.art.name_uses
    if uses is None:
        uses = st.art.name_uses = _capitalised_uses(st.text)
    alone, starts, before = uses
    return first in alone and last not in starts and before.get(last, {first}) <= {first}


#: A run of capitalised words joined by single spaces (*Calderwick Software*, *Maren Oduya*);
#: a word is letters with inner hyphens (*Stoke-Ward*; *Oduya’s* gives *Oduya*).
#: (Speed: the capital comes first and the look back at the character before it second, so the
#: search skips ahead to the next capital instead of trying the look back at every character.)
CAPITALISED_RUN = re.compile(r"[A-Z](?<![\w’'][A-Z])[A-Za-z]*(?:-[A-Za-z]+)*(?: [A-Z][A-Za-z]*(?:-[A-Za-z]+)*)*")


def _capitalised_uses(text: str) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """One pass over the article's runs of capitalised words: the words that stand alone
    somewhere, the words that open a run (nothing capitalised before them), and for the other
    words of a run the words right before them."""
    runs = CAPITALISED_RUN.findall(text)
    alone = {r for r in runs if " " not in r}
    starts = {r.split(" ", 1)[0] for r in runs}
    before: dict[str, set[str]] = {}
    for r in runs:
        if " " in r:
            words = r.split(" ")
            for a, b in zip(words, words[1:]):
                before.setdefault(b, set()).add(a)
    return alone, starts, before


def names_nobody(st: SentenceState, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` names no one who could speak: no name, title, outlet, institution
    or listed source word (*the new rules*, *the bridge*), so it is typed vague by default."""
    return type_source(st, a, b).reason.startswith(NO_NAME)


def _named_in_full_before(st: SentenceState, w: str, a: int) -> bool:
    """Whether ``w`` came earlier after a capitalised word, as a surname after a first name
    does (*Maureen Aldous* … *Aldous said*). Each stretch of text is searched once per name
    (``ArticleState.full_names`` remembers how far), so the work stays linear."""
    text = st.text
    found, upto = st.art.full_names.get(w, (False, 0))
    i = text.find(w, upto, a) if not found else -1
    while i > 1 and not found:
        if text[i - 1] == " " and text[i - 2].isalpha():
            k = i - 2
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            found = text[k].isupper()
        i = text.find(w, i + len(w), a)
    st.art.full_names[w] = (found, max(upto, a))
    return found


def _plural_group(st: SentenceState, t, b: int) -> bool:
    """A capitalised plural at the start of a sentence (*Engineers* believe), not a name: the
    verb after it has no -s (*Engineers believe*), or the word is written in lower case
    elsewhere in the article."""
    w = t.low
    if not (t.text[:1].isupper() and w.isalpha() and len(w) > 3 and w.endswith("s")
            and not w.endswith(("ss", "us", "is")) and t.start in st.content_starts()):
        return False
    nxt = st.next_word(b)
    if (nxt.isalpha() and not nxt.endswith(("s", "ed")) and nxt not in STOP_LOWER
            and nxt not in ("said", "told", "have")):
        return True
    return st.text.find(f" {w} ", max(0, b - 3000), b + 3000) >= 0  # nearby, so the work stays linear


def register_mentions(st: SentenceState) -> None:
    """Remember people named with a title anywhere (President Jane Roe), so that a later
    *the president* can refer back to them even if they were not quoted."""
    for h in st.by_label.get("title", ()):
        if h.entry.kind in ("official", "expert"):
            continue
        # the name words right after the title; tokens are made only as far as the
        # name goes (usually one or two words, not the whole 60-character window)
        names = []
        gap = ""  # the text between the title and the first name word
        for t in iter_tokens(st.text, h.end, min(st.s.end, h.end + 60)):
            if not name_word(st, t):
                break
            if not names:
                gap = st.text[h.end:t.start]
            names.append(strip_possessive(t.text))
        if names and gap.strip() == "":
            st.art.people.add(f"{st.text[h.start:h.end]} {' '.join(names)}", frozenset((h.entry.kind,)), names[-1])


def typed_explanation(how: str, typ: str, reason: str) -> str:
    """A source's explanation: how it was found, then its type and why (the one place this is worded).

    >>> typed_explanation("'Roe' does the saying.", "named_person", "a capitalised name")
    "'Roe' does the saying. Typed named_person: a capitalised name."
    """
    return f"{how} {TYPED} {typ}: {reason}."


def retyped(src: Source, typ: str, reason: str, refers_to: str | None) -> Source:
    """``src`` with another type and reason (the way it was found is kept)."""
    how = src.explanation.split(f" {TYPED} ")[0]
    return Source(src.start, src.end, src.text, typ, src.rule, typed_explanation(how, typ, reason), refers_to)


def add_source(st: SentenceState, a: int, b: int, rule: str, how: str, outlet: str = "",
               person: str = "") -> Source | None:
    """Type and record a source (skipping spans that overlap a source already found);
    ``outlet`` (a reason) types it as a news outlet whatever its words (*(Wirepress)*);
    ``person`` (a reason) keeps a single name a person (*…,” said Roe.*)."""
    for src in st.sources:
        if min(b, src.end) > max(a, src.start):  # overlaps (written out: this runs for every source)
            return src
    typ, reason, refers, kinds, surname, display = type_source(st, a, b)
    if outlet and typ != "outlet":
        typ, reason, refers = "outlet", outlet, None
    if person and typ == "institution" and reason.startswith(SINGLE_NAME):
        typ, reason = "named_person", person
    text = st.text[a:b]
    src = Source(a, b, text, typ, rule, typed_explanation(how, typ, reason), refers)
    st.sources.append(src)
    if typ == "named_person" and refers is None and (kinds or " " in text.strip()):
        st.art.people.add(display or text, kinds, surname)
    return src


def credit_subject(st: SentenceState, h, np, rule: str, explanation: str) -> None:
    """Attribution evidence for the reporting form ``h``, credited to the phrase ``np`` doing the
    saying: a pronoun points back to a source named before, any other phrase is recorded as the
    source (``np`` None: no one is named)."""
    src = pronoun = None
    if np is not None and np.pronoun:
        pronoun = st.text[np.start:np.end]
    elif np is not None:
        src = add_source(st, np.start, np.end, "reporting_subject",
                         f"{st.text[np.start:np.end]!r} does the saying ({st.text[h.start:h.end]!r}).")
    add_attribution(st, h.start, h.end, rule, h.entry, explanation, src, pronoun=pronoun)


def add_attribution(st: SentenceState, a: int, b: int, rule: str, entry: Entry | None, explanation: str,
                    src: Source | None, pronoun: str | None = None, cue: bool = True) -> None:
    """Record attribution evidence for ``text[a:b]`` (and a cue, unless ``cue`` is false),
    naming the source or the pronoun that points back to one."""
    text = st.text[a:b]
    extra = ""
    voice = "author" if rule == "agency_tag" else ("source" if inside(a, st.quotes) else "author")
    if src is not None:
        extra = f" Source: {src.text!r} ({src.type})."
    elif pronoun:
        extra = f" The speaker {pronoun!r} points back to a source named earlier, so no new source is added."
    st.evidence.append(Evidence("attribution", rule, explanation + extra, a, b, text))
    if cue:
        st.cues.append(Cue(a, b, text, "attribution", rule, explanation, voice,
                           entry.where if entry else ""))


def name_word(st: SentenceState, t: Tok) -> bool:
    """A capitalised word that can be part of a personal name (not a listed word, not an acronym)."""
    w = strip_possessive(t.text)
    return (w[:1].isupper() and has_letter(w) and t.start not in st.cat_at
            and strip_possessive(t.low) not in CAP_STOP and not is_nationality(t.text)
            and t.low not in GROUP_WORDS
            and not (w.replace(".", "").isupper() and len(w) > 1))
