"""Write the teacher guide's unit plan from the core-path table (authoring tool, not installed with the kit).

``medialit/data/unit/core_path.csv`` is the single source of the unit's times. This writes
``medialit.unit.plan_markdown()`` between the markers ``<!-- unit-plan -->`` and
``<!-- /unit-plan -->`` in ``docs/teacher-guide.md``, and prints the time line and section tags
each notebook must carry. ``tests/test_unit_plan.py`` fails when the guide or a notebook is out
of date.

    python tools/unit_plan.py --write    # update the guide
    python tools/unit_plan.py            # check only (exit 1 when out of date)
"""

from __future__ import annotations

import sys

from guide_sections import GUIDE, between

from medialit.unit import core_path, plan_markdown, section_tag, time_line

START, END = "<!-- unit-plan -->", "<!-- /unit-plan -->"


def with_plan(guide: str) -> str:
    """The guide's text with the unit plan between its markers replaced by the table's."""
    try:
        return between(guide, START, END, plan_markdown())
    except ValueError as exc:
        raise SystemExit(f"{GUIDE}: {exc}") from None


def main(argv: list[str]) -> int:
    text = GUIDE.read_text(encoding="utf-8")
    new = with_plan(text)
    if "--write" in argv:
        GUIDE.write_text(new, encoding="utf-8")
        print(f"wrote the unit plan into {GUIDE}")
    elif new != text:
        print(f"{GUIDE}: the unit plan is out of date: run python tools/unit_plan.py --write")
        return 1
    rows = core_path()
    for nb in dict.fromkeys(r.notebook for r in rows):
        print(f"\n{nb}: {time_line(nb, rows)}")
        for r in rows:
            if r.notebook == nb:
                print(f"  {r.section}\n    {section_tag(r)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
