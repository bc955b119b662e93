"""Annotation: the learner's record (data model), its storage, export formats and widgets.

>>> from medialit.annotate import AnnotationRecord, SPAN_LABELS
>>> "source" in SPAN_LABELS
True

The widgets (:class:`SpanAnnotator`, :class:`SentenceTagger`) load ipywidgets and
anywidget only when first used, so importing this package stays light.
"""

from medialit.annotate.model import (
    RELATION_TYPES, SPAN_LABELS, AnnotationRecord, RecordError, Relation, Span,
    cp_to_utf16, text_sha256, utf16_to_cp,
)
from medialit.annotate.storage import AnnotationStore, default_folder, read_record, sanitize_name

__all__ = [
    "AnnotationRecord", "AnnotationStore", "RecordError", "Relation", "Span", "SPAN_LABELS",
    "RELATION_TYPES", "cp_to_utf16", "utf16_to_cp", "text_sha256", "default_folder", "read_record",
    "sanitize_name", "SpanAnnotator", "SentenceTagger",
]


def __getattr__(name):  # widgets load their GUI libraries only when asked for
    if name in ("SpanAnnotator", "SentenceTagger"):
        from medialit.annotate import widgets

        return getattr(widgets, name)
    raise AttributeError(name)
