"""Standard export formats for annotation records, and back.

- **brat standoff**: ``<name>.txt`` (the article text) and ``<name>.ann`` with
  ``T`` lines for spans, ``R`` lines for relations and ``#`` lines for notes.
  Offsets are code points, as in our records.
- **Label Studio JSON**: a task with ``data.text`` and one annotation whose
  results are ``labels`` regions and ``relation`` items. Label Studio counts
  offsets in UTF-16 code units (as browsers do), so they are converted.
- **doccano JSONL**: one line per record, ``{"text", "entities", "relations"}``
  with ``start_offset``/``end_offset`` in code points.

>>> from medialit.annotate.model import AnnotationRecord
>>> rec = AnnotationRecord.new("a", "😀 Perhaps.", "Ada")
>>> _ = rec.add_span(2, 9, "hedge")
>>> ls = to_label_studio(rec, "😀 Perhaps.")
>>> ls["annotations"][0]["result"][0]["value"]["start"]   # UTF-16: the emoji counts twice
3
>>> from_label_studio(ls, "a").spans[0].start
2
"""

from __future__ import annotations

import json
from pathlib import Path

from medialit.annotate.model import AnnotationRecord, OffsetMap, RecordError, Relation, Span, text_sha256

# ---------------------------------------------------------------------------
# brat standoff
# ---------------------------------------------------------------------------


def _brat_escape(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def to_brat(record: AnnotationRecord, text: str) -> str:
    """The ``.ann`` file for a record (write ``text`` unchanged as the ``.txt`` beside it).

    Spans that cross a line break are written as brat's discontinuous fragments,
    one per line, as brat requires.
    """
    record.check_text(text)
    lines, tids = [], {}
    for n, s in enumerate(record.spans, 1):
        tids[s.id] = f"T{n}"
        frags, pos = [], s.start
        for piece in text[s.start:s.end].splitlines(keepends=True):
            body = piece.rstrip("\r\n")
            if body:
                frags.append(f"{pos} {pos + len(body)}")
            pos += len(piece)
        if not frags:
            frags = [f"{s.start} {s.end}"]
        lines.append(f"T{n}\t{s.label} {';'.join(frags)}\t{_brat_escape(text[s.start:s.end])}")
    for n, r in enumerate(record.relations, 1):
        lines.append(f"R{n}\t{r.type} Arg1:{tids[r.claim]} Arg2:{tids[r.source]}")
    notes = 0
    for s in record.spans:
        if s.note:
            notes += 1
            lines.append(f"#{notes}\tAnnotatorNotes {tids[s.id]}\t{_brat_escape(s.note)}")
    return "\n".join(lines) + ("\n" if lines else "")


def from_brat(ann: str, text: str, article_id: str, annotator: str) -> AnnotationRecord:
    """Read a brat ``.ann`` file made on ``text``."""
    rec = AnnotationRecord.new(article_id, text, annotator)
    by_tid: dict[str, Span] = {}
    relations, notes = [], []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        try:
            ident, rest = line.split("\t", 1)
            if ident.startswith("T"):
                head = rest.split("\t", 1)[0]
                label, offsets = head.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
                start, end = frags[0][0], frags[-1][1]
                by_tid[ident] = rec.add_span(start, end, label, id=f"brat-{ident}")
            elif ident.startswith("R"):
                kind, a1, a2 = rest.split("\t", 1)[0].split()
                relations.append((kind, a1.split(":", 1)[1], a2.split(":", 1)[1]))
            elif ident.startswith("#"):
                _, target = rest.split("\t", 1)[0].split()
                notes.append((target, rest.split("\t", 1)[1] if "\t" in rest else ""))
        except (ValueError, IndexError, RecordError) as exc:
            raise RecordError(f"brat line {lineno} cannot be read: {line!r} ({exc})") from None
    for kind, claim, source in relations:
        if claim in by_tid and source in by_tid:
            rec.relations.append(Relation(kind, by_tid[source].id, by_tid[claim].id))
    for target, note in notes:
        if target in by_tid:
            rec.update_span(by_tid[target].id, note=note)
    return rec


def write_brat(record: AnnotationRecord, text: str, folder: str | Path, name: str | None = None) -> Path:
    """Write ``<name>.txt`` and ``<name>.ann`` into ``folder``; returns the ``.ann`` path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = name or f"{record.annotator}__{record.article_id}"
    (folder / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    ann = folder / f"{stem}.ann"
    ann.write_bytes(to_brat(record, text).encode("utf-8"))
    return ann


# ---------------------------------------------------------------------------
# Label Studio
# ---------------------------------------------------------------------------


def label_studio_annotation(record: AnnotationRecord, text: str, offsets: OffsetMap | None = None) -> dict:
    """One Label Studio annotation (regions and relations) with UTF-16 offsets.

    Pass one :class:`OffsetMap` per text when exporting many records of it.
    """
    offsets = offsets or OffsetMap(text)
    result = []
    for s in record.spans:
        result.append({
            "id": s.id, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
            "value": {"start": offsets.to_utf16(s.start), "end": offsets.to_utf16(s.end),
                      "text": text[s.start:s.end], "labels": [s.label]},
            "meta": {"text": [s.note]} if s.note else {},
        })
    for r in record.relations:
        result.append({"type": "relation", "from_id": r.claim, "to_id": r.source,
                       "direction": "right", "labels": [r.type]})
    return {"completed_by": record.annotator, "created_at": record.created,
            "updated_at": record.updated, "result": result}


def to_label_studio(record: AnnotationRecord, text: str) -> dict:
    """One Label Studio task (``data`` + ``annotations``) with UTF-16 offsets."""
    record.check_text(text)
    return {
        "data": {"text": text, "article_id": record.article_id, "text_sha256": record.text_sha256},
        "annotations": [label_studio_annotation(record, text)],
    }


def from_label_studio(task: dict, article_id: str, annotator: str | None = None) -> AnnotationRecord:
    """Read one Label Studio task (its first annotation); offsets converted from UTF-16."""
    try:
        text = task["data"]["text"]
        ann = task["annotations"][0]
    except (KeyError, IndexError, TypeError):
        raise RecordError("not a Label Studio task with data.text and an annotation") from None
    rec = AnnotationRecord.new(article_id, text, annotator or str(ann.get("completed_by", "unknown")))
    offsets = OffsetMap(text)
    for item in ann.get("result", []):
        if item.get("type") == "labels":
            v = item["value"]
            note = " ".join(item.get("meta", {}).get("text", []))
            for label in v["labels"]:
                rec.add_span(offsets.to_cp(v["start"]), offsets.to_cp(v["end"]), label, note,
                             id=str(item.get("id")) if len(v["labels"]) == 1 else None)
    ids = {s.id for s in rec.spans}
    for item in ann.get("result", []):
        if item.get("type") == "relation" and item["from_id"] in ids and item["to_id"] in ids:
            rec.relations.append(Relation((item.get("labels") or ["attributed_to"])[0],
                                          item["to_id"], item["from_id"]))
    return rec


# ---------------------------------------------------------------------------
# doccano
# ---------------------------------------------------------------------------


def to_doccano(record: AnnotationRecord, text: str) -> str:
    """One doccano JSONL line (entities and relations, code-point offsets)."""
    record.check_text(text)
    num = {s.id: n for n, s in enumerate(record.spans, 1)}
    line = {
        "text": text,
        "article_id": record.article_id,
        "annotator": record.annotator,
        "entities": [{"id": num[s.id], "label": s.label, "start_offset": s.start, "end_offset": s.end}
                     for s in record.spans],
        "relations": [{"id": n, "from_id": num[r.claim], "to_id": num[r.source], "type": r.type}
                      for n, r in enumerate(record.relations, 1)],
        "Comments": [{"entity": num[s.id], "text": s.note} for s in record.spans if s.note],
    }
    return json.dumps(line, ensure_ascii=False)


def from_doccano(line: str, article_id: str | None = None, annotator: str | None = None) -> AnnotationRecord:
    """Read one doccano JSONL line (the ``entities``/``relations`` form or the older ``label`` list)."""
    try:
        data = json.loads(line)
        text = data["text"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise RecordError("not a doccano JSONL line with a 'text' field") from None
    rec = AnnotationRecord.new(article_id or data.get("article_id", "unknown"), text,
                               annotator or data.get("annotator", "unknown"))
    ids = {}
    for e in data.get("entities", []):
        ids[e["id"]] = rec.add_span(e["start_offset"], e["end_offset"], e["label"], id=f"dc-{e['id']}").id
    for start, end, label in data.get("label", []):
        rec.add_span(start, end, label)
    for r in data.get("relations", []):
        if r["from_id"] in ids and r["to_id"] in ids:
            rec.relations.append(Relation(r["type"], ids[r["to_id"]], ids[r["from_id"]]))
    for c in data.get("Comments", []):
        if c.get("entity") in ids:
            rec.update_span(ids[c["entity"]], note=c["text"])
    return rec


__all__ = ["to_brat", "from_brat", "write_brat", "to_label_studio", "label_studio_annotation", "from_label_studio",
           "to_doccano", "from_doccano", "text_sha256"]
