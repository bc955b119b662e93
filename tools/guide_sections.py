"""The teacher guide's generated sections: text between a pair of HTML-comment markers.

``tools/rubrics.py`` (the written tasks' rubrics) and ``tools/unit_plan.py`` (the unit plan) each
write one such section of ``docs/teacher-guide.md`` from the kit's data; this is how both put it in.

>>> between("a\\n<!-- s -->\\nold\\n<!-- /s -->\\nb", "<!-- s -->", "<!-- /s -->", "new\\n")
'a\\n<!-- s -->\\nnew\\n<!-- /s -->\\nb'
"""

from __future__ import annotations

from pathlib import Path

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "teacher-guide.md"


def between(text: str, start: str, end: str, section: str) -> str:
    """``text`` with ``section`` between its one ``start`` marker and the one ``end`` marker after it
    (a ValueError if they are missing)."""
    if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
        raise ValueError(f"the guide needs one {start} line before one {end} line")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{section}{end}{tail}"
