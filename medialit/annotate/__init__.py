"""Annotation: the learner's record (data model), its storage and export formats.

>>> from medialit.annotate import AnnotationRecord, SPAN_LABELS
>>> "source" in SPAN_LABELS
True

The widgets that edit a record (``SpanAnnotator``, ``SentenceTagger``) are in
:mod:`medialit.ui`, so importing this package needs no GUI library.
"""

from medialit.annotate.model import (
    RELATION_TYPES, SPAN_LABELS, AnnotationRecord, RecordError, Relation, Span,
    cp_to_utf16, text_sha256, utf16_to_cp,
)
from medialit.annotate.storage import AnnotationStore, default_folder, read_record, sanitize_name

__all__ = [
    "AnnotationRecord", "AnnotationStore", "RecordError", "Relation", "Span", "SPAN_LABELS",
    "RELATION_TYPES", "cp_to_utf16", "utf16_to_cp", "text_sha256", "default_folder", "read_record",
    "sanitize_name",
]

