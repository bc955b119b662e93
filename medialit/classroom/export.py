"""The class's records for researchers: brat standoff files and Label Studio tasks.

>>> used = set()
>>> file_stem("Ada", used), file_stem("$$$", used)[:8], file_stem("Ada!", used)[:4]
('Ada', 'learner-', 'Ada-')
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from medialit.annotate.formats import label_studio_annotation, write_brat
from medialit.annotate.model import AnnotationRecord, OffsetMap
from medialit.annotate.storage import atomic_write_text, sanitize_name
from medialit.classroom.load import ClassData


BRAT_CONF = """# brat configuration for medialit class exports (one folder per article, one file pair per learner)
[entities]
attribution
hedge
booster
speculation
opinion
loaded
source

[relations]
attributed_to Arg1:<ENTITY>, Arg2:source

[events]

[attributes]
"""


def _renamed(record: AnnotationRecord, name: str) -> AnnotationRecord:
    return replace(record, annotator=name, spans=list(record.spans), relations=list(record.relations))


def export_brat(data: ClassData, folder: str | Path, *, pseudonyms: bool = False) -> list[Path]:
    """Write the class as brat standoff: ``folder/<article id>/<learner>.txt`` + ``.ann``.

    Offsets are code points (as brat counts). An ``annotation.conf`` is written
    beside each article folder's files. Returns the ``.ann`` paths.
    """
    folder = Path(folder)
    name = data.namer(pseudonyms)
    out = []
    for aid, art in data.articles.items():
        sub = folder / sanitize_name(aid)
        sub.mkdir(parents=True, exist_ok=True)
        atomic_write_text(sub / "annotation.conf", BRAT_CONF)
        used: set[str] = set()
        for rec in art.records:
            who = name(rec.annotator)
            out.append(write_brat(_renamed(rec, who), art.article.text, sub, file_stem(who, used)))
    return out


def file_stem(name: str, used: set[str]) -> str:
    """A file name for a learner, distinct from those in ``used`` (which it joins).

    Names without a letter or digit get a fingerprint; two names that look alike as
    file names (``a/b`` and ``a_b``) get a fingerprint on the second.
    """
    tag = hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:8]
    try:
        stem = sanitize_name(name)
    except (TypeError, ValueError):
        stem = f"learner-{tag}"
    if stem.lower() in used:
        stem = f"{stem}-{tag}"
    used.add(stem.lower())
    return stem


def label_studio_tasks(data: ClassData, *, pseudonyms: bool = False) -> list[dict]:
    """One Label Studio task per article, with one annotation per learner (UTF-16 offsets)."""
    name = data.namer(pseudonyms)
    tasks = []
    for aid, art in data.articles.items():
        text = art.article.text
        offsets = OffsetMap(text)
        anns = [label_studio_annotation(_renamed(rec, name(rec.annotator)), text, offsets) for rec in art.records]
        tasks.append({"data": {"text": text, "article_id": aid, "text_sha256": art.article.sha256},
                      "annotations": anns})
    return tasks


def export_label_studio(data: ClassData, path: str | Path, *, pseudonyms: bool = False) -> Path:
    """Write :func:`label_studio_tasks` as one JSON file (a list of tasks) for Label Studio's import."""
    path = Path(path)
    atomic_write_text(path, json.dumps(label_studio_tasks(data, pseudonyms=pseudonyms), ensure_ascii=False) + "\n")
    return path
