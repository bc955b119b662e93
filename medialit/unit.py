"""The three-lesson unit: its core path (one table of times).

``medialit/data/unit/core_path.csv`` is the single source of the unit's times: each lesson
notebook states its time with :func:`time_line`, tags every section with :func:`section_tag`,
and the teacher guide's unit plan is :func:`plan_markdown` (written by ``tools/unit_plan.py``).
(The source cards for lesson 5's lateral reading are :mod:`medialit.cards`.)

>>> rows = core_path()
>>> sorted(lesson_minutes(rows).items())
[(1, 44), (2, 42), (3, 45)]
>>> section_tag(next(r for r in rows if r.section == "## How the kit works"))
'*Core · unit lesson 1 · 3 minutes*'
>>> time_line("06_your_own_article", rows)
'**Time:** about 41 minutes, all extension: for when there is time, or at home.'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medialit.datafiles import DATA, DataFileError, one_of, read_table
from medialit.wording import table_cell

__all__ = [
    "KINDS",
    "LESSON_MINUTES",
    "WHOLE_NOTEBOOK",
    "Section",
    "core_path",
    "lesson_minutes",
    "plan_markdown",
    "section_tag",
    "time_line",
]

#: The length of one lesson, start-up included.
LESSON_MINUTES = 45
#: The kinds of row in the core-path table, in the order the guide explains them.
KINDS = ("start-up", "core", "extension")
#: The section name of a notebook done as one piece (the post-test).
WHOLE_NOTEBOOK = "(whole notebook)"

CORE_PATH = DATA / "unit" / "core_path.csv"


@dataclass(frozen=True)
class Section:
    """One row of the core path: a notebook's section, its minutes and its place in the unit."""

    lesson: int | None      # 1-3 for start-up and core; None for extension
    notebook: str           # e.g. "00_start_here" (in notebooks/, without .ipynb)
    section: str            # the heading line, e.g. "## Setup", or WHOLE_NOTEBOOK
    minutes: int
    kind: str               # one of KINDS
    if_long: str            # what to cut when the lesson runs long (extension: what it adds)

    @property
    def in_class(self) -> bool:
        """Start-up and core rows are class time; extension rows are not."""
        return self.kind != "extension"


def core_path(path: str | Path = CORE_PATH) -> tuple[Section, ...]:
    """The rows of the core-path table, checked: a clear error names the file and line.

    >>> core_path()[0].section, core_path()[0].kind
    ('## Setup', 'start-up')
    """
    rows = []
    seen = set()
    for r in read_table(path, ("notebook", "section", "minutes", "kind", "if_long")):
        where = f"{path}:{r['line']}"
        one_of(r, "kind", KINDS, where)
        if not r["minutes"].isdigit() or int(r["minutes"]) < 1:
            raise DataFileError(f"{where}: minutes must be a whole number of at least 1")
        lesson = r.get("lesson", "")
        if r["kind"] == "extension":
            if lesson:
                raise DataFileError(f"{where}: an extension row has no lesson (leave it empty)")
        elif lesson not in ("1", "2", "3"):
            raise DataFileError(f"{where}: a {r['kind']} row needs a lesson, 1, 2 or 3")
        key = (r["notebook"], r["section"])
        if key in seen:
            raise DataFileError(f"{where}: {r['section']!r} of {r['notebook']} is listed twice")
        seen.add(key)
        rows.append(Section(int(lesson) if lesson else None, r["notebook"], r["section"],
                            int(r["minutes"]), r["kind"], r["if_long"]))
    return tuple(rows)


def lesson_minutes(rows: tuple[Section, ...] | None = None) -> dict[int, int]:
    """Class minutes (start-up and core) per lesson."""
    totals: dict[int, int] = {}
    for row in rows if rows is not None else core_path():
        if row.in_class:
            totals[row.lesson] = totals.get(row.lesson, 0) + row.minutes
    return totals


def section_tag(row: Section) -> str:
    """The line under a section's heading in its notebook, the one fixed form of its time.

    "unit lesson" (not "lesson"): notebook 05 is done in lesson 3 of the unit, and its title says "Lesson 5".

    >>> section_tag(Section(2, "03_how_sure_is_the_writer", "## Setup", 1, "start-up", ""))
    '*Start-up · unit lesson 2 · 1 minute*'
    """
    minutes = f"{row.minutes} minute" + ("" if row.minutes == 1 else "s")
    if row.kind == "extension":
        return f"*Extension · {minutes}*"
    return f"*{row.kind.capitalize()} · unit lesson {row.lesson} · {minutes}*"


def time_line(notebook: str, rows: tuple[Section, ...] | None = None) -> str:
    """The notebook's statement of its time (in its first cell), made from the table.

    >>> time_line("08_check_your_reading")
    '**Time:** about 14 minutes, all of it core in lesson 3 of the unit.'
    >>> time_line("00_start_here")
    '**Time:** about 57 minutes: 31 minutes in lesson 1 of the unit (sections marked Core or Start-up), 26 minutes of extension.'
    """
    mine = [r for r in (rows if rows is not None else core_path()) if r.notebook == notebook]
    if not mine:
        raise KeyError(f"{notebook} is not in the core-path table ({CORE_PATH.name})")
    per_lesson = lesson_minutes(tuple(mine))
    extension = sum(r.minutes for r in mine if not r.in_class)
    total = sum(per_lesson.values()) + extension
    if not per_lesson:
        return f"**Time:** about {total} minutes, all extension: for when there is time, or at home."
    if all(r.section == WHOLE_NOTEBOOK for r in mine):
        lessons = " and ".join(str(lesson) for lesson in sorted(per_lesson))
        return f"**Time:** about {total} minutes, all of it core in lesson {lessons} of the unit."
    parts = " and ".join(f"{m} minutes in lesson {lesson}" for lesson, m in sorted(per_lesson.items()))
    text = f"**Time:** about {total} minutes: {parts} of the unit (sections marked Core or Start-up)"
    return text + (f", {extension} minutes of extension." if extension else ".")


def plan_markdown(rows: tuple[Section, ...] | None = None) -> str:
    """The guide's unit plan: one table per lesson (start-up and core rows, with what to cut),
    then the extension sections per notebook. ``tools/unit_plan.py`` writes it into the guide."""
    rows = rows if rows is not None else core_path()
    out = []
    for lesson, total in sorted(lesson_minutes(rows).items()):
        out += [f"**Lesson {lesson}** ({total} of {LESSON_MINUTES} minutes)", "",
                "| notebook | section | minutes | kind | if the lesson runs long |",
                "|---|---|---|---|---|"]
        for r in rows:
            if r.lesson == lesson:
                section = r.section.lstrip("# ")
                out.append(f"| {r.notebook} | {table_cell(section)} | {r.minutes} | {r.kind} | {table_cell(r.if_long)} |")
        out.append("")
    out += ["**Extension** (if there is time, or at home)", "",
            "| notebook | sections (minutes) |", "|---|---|"]
    notebooks = []
    for r in rows:
        if not r.in_class and r.notebook not in notebooks:
            notebooks.append(r.notebook)
    for nb in notebooks:
        parts = [f"{table_cell(r.section.lstrip('# '))} ({r.minutes})" for r in rows
                 if r.notebook == nb and not r.in_class]
        out.append(f"| {nb} | {'; '.join(parts)} |")
    return "\n".join(out) + "\n"
