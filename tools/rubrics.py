"""Write the teacher guide's section "Written tasks: rubrics and sample answers" from the task file.

The section lies between ``<!-- rubrics -->`` and ``<!-- /rubrics -->`` in ``docs/teacher-guide.md``;
its text is :func:`medialit.tasks.rubric_markdown` (made from ``medialit/data/tasks/written_tasks.json``).
Run ``python tools/rubrics.py`` after changing a task; ``--check`` only says whether the guide is up to date
(exit status 1 if not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide_sections import GUIDE, between

from medialit.tasks import rubric_markdown

START, END = "<!-- rubrics -->", "<!-- /rubrics -->"


def with_rubrics(guide: str, section: str) -> str:
    """The guide's text with ``section`` between the markers (a ValueError if they are missing)."""
    return between(guide, START, END, section)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the guide is up to date")
    parser.add_argument("--guide", type=Path, default=GUIDE)
    args = parser.parse_args(argv)
    old = args.guide.read_text(encoding="utf-8")
    new = with_rubrics(old, rubric_markdown())
    if args.check:
        print("up to date" if new == old else f"{args.guide} is out of date: run python tools/rubrics.py")
        return 0 if new == old else 1
    if new != old:
        args.guide.write_text(new, encoding="utf-8")
    print(f"{args.guide}: rubric section {'written' if new != old else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
