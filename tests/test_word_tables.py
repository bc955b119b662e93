"""Every word table the kit reads (``medialit/data/<folder>/*.csv`` with ``word,explanation``)
reads cleanly: one word per row, no repeats, lower case where the code lower-cases, an
explanation a learner can read, and a header that says which rule uses it and what adding
or removing a word does. Behaviour tests per table are in test_grammar_data.py,
test_attribution_data.py and test_splitting.py.
"""

import pytest

from medialit.datafiles import DATA, read_table

FOLDERS = ("grammar", "attribution", "articles", "stance")
TABLES = sorted(p for f in FOLDERS for p in (DATA / f).glob("*.csv")
                if "word,explanation" in p.read_text(encoding="utf-8").splitlines()[
                    next(i for i, ln in enumerate(p.read_text(encoding="utf-8").splitlines())
                         if ln.strip() and not ln.startswith("#"))])
#: Tables whose words keep their capitals or hold several words (the reader matches them as written).
AS_WRITTEN = {"articles"}


def test_there_are_tables_in_every_folder():
    assert {p.parent.name for p in TABLES} >= {"grammar", "attribution", "articles"}


@pytest.mark.parametrize("path", TABLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_table_reads_cleanly(path):
    rows = read_table(path, ("word", "explanation"))
    assert rows, f"{path.name} has no words"
    seen = {}
    for r in rows:
        w = r["word"]
        where = f"{path.parent.name}/{path.name}:{r['line']}"
        assert w not in seen, f"{where}: {w!r} is already on line {seen[w]}"
        seen[w] = r["line"]
        assert w == w.strip(), f"{where}: no spaces around {w!r}"
        if path.parent.name not in AS_WRITTEN:
            # these sets are used on lower-cased words: an entry with a capital would never match
            assert w == w.lower(), f"{where}: write {w!r} in lower case"
        if path.parent.name == "grammar":
            assert " " not in w, f"{where}: one word per row (the grammar sets hold single words)"
        assert len(r["explanation"]) >= 15, f"{where}: the explanation is too short"
    header = " ".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#"))
    if path.parent.name in ("grammar", "attribution"):
        for part in ("Used by:", "Add a word:", "Remove a word:"):
            assert part in header, f"{path.name}: the comment header should say {part!r}"
    else:
        assert len(header) > 40, f"{path.name}: the comment header should say what the table does"
