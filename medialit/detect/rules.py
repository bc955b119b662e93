"""The detector's rules, declared as data: ``medialit/data/rules/<stage>.csv``.

Each rule has a name, the one-line explanation a learner reads, and an invented
example sentence with the words it decides on (``tests/test_rule_table.py`` runs every
example). The code that applies a rule looks its explanation up here by name, so a
teacher can reword any explanation without touching Python.

>>> RULES["hedge_word"]
'A word from the hedge list lowers how sure the claim sounds (in any voice).'
>>> RULE_TABLE["no_subject"].stage
'attribution'
"""

from __future__ import annotations

from dataclasses import dataclass

from medialit.cues import Lexicons, load_lexicons
from medialit.datafiles import DATA, DataFileError, one_of, read_table

#: The folder of rule tables, one file per stage of the detector.
RULES_FOLDER = DATA / "rules"
#: What a rule's example gives (the ``result`` column).
RESULTS = ("cue", "evidence", "source", "suppressed", "voice")


@dataclass(frozen=True)
class Rule:
    """One named rule: what it says to a learner, where it is declared, and its example."""

    name: str
    stage: str
    explanation: str
    example: str
    decides: str
    result: str
    where: str          # file:line


def load_rules(folder=RULES_FOLDER) -> dict[str, Rule]:
    """Every rule declared in the folder's ``*.csv`` files, by name."""
    out: dict[str, Rule] = {}
    for path in sorted(folder.glob("*.csv")):
        for row in read_table(path, ("rule", "explanation", "example", "decides", "result")):
            where = f"{path.name}:{row['line']}"
            one_of(row, "result", RESULTS, f"{path}:{row['line']}")
            if row["decides"] not in row["example"]:
                raise DataFileError(f"{path}:{row['line']}: the example does not contain {row['decides']!r}")
            if row["rule"] in out:
                raise DataFileError(f"{path}:{row['line']}: rule {row['rule']!r} is already declared "
                                    f"in {out[row['rule']].where}")
            out[row["rule"]] = Rule(row["rule"], path.stem, row["explanation"], row["example"],
                                    row["decides"], row["result"], where)
    return out


#: Every rule, by name (from the data files).
RULE_TABLE: dict[str, Rule] = load_rules()
#: Every rule's one-line explanation, by name.
RULES: dict[str, str] = {name: r.explanation for name, r in RULE_TABLE.items()}
# False-friend rules from false_friends.csv add their own names at run time (approximator_number, ...).


def rules(lexicons: Lexicons | None = None) -> dict[str, str]:
    """All rule names with their explanations: :data:`RULES` plus the false-friend rules
    named in the lexicons' ``not_a_cue`` rows.

    >>> rules()["approximator_number"][:40]
    'A word like "roughly" before a number is'
    """
    out = dict(RULES)
    lex = lexicons if lexicons is not None else load_lexicons()
    for e in lex.by_label("not_a_cue"):
        out.setdefault(e.rule, e.explanation)
    return out


__all__ = ["RULES", "RULE_TABLE", "RULES_FOLDER", "Rule", "load_rules", "rules"]
