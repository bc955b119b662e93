"""The class view: where a class of learners agrees, and where it does not.

A teacher collects the learners' annotation records into one folder; this package
reads them and says, per sentence and label, how the class decided next to the
answer key, how well it agrees, and how each learner compares with the key.

=====================  ==========================================================
``files``              finding the record files: folder, subfolders, zips (limits)
``records``            one record file checked and parsed, without trusting it
``load``               :func:`load_class`: the class's marks per sentence and label
``agreement``          Fleiss' kappa, Krippendorff's alpha, Cohen's kappa, in words
``statistics``         :func:`class_statistics`, scores, the detector, discussion points
``post_test``          the post-test scored beside the lessons, per learner and label
``written``            written answers next to the marks; quiz first-try accuracy
``tables``             rows, CSV files (spreadsheet-safe) and pandas tables
``summary``            the summary in words and the tables written to a folder
``export``             brat and Label Studio exports
``demo``               a synthetic class to try it all
=====================  ==========================================================

The command line's glue (``medialit class``) is :func:`medialit.cli.run_class`.
This package re-exports the names the lessons and tests use.
"""

from medialit.classroom.agreement import cohen_kappa, describe_agreement, fleiss_kappa, krippendorff_alpha
from medialit.classroom.demo import DEMO_PREFIX, make_demo_class
from medialit.classroom.export import export_brat, export_label_studio, label_studio_tasks
from medialit.classroom.files import REPORT_FOLDER, ClassError
from medialit.classroom.load import ClassData, load_class
from medialit.classroom.post_test import post_test_table, scores_by_part
from medialit.classroom.statistics import (ClassReport, DiscussionPoint, class_statistics, detector_labels,
                                           discussion_points, learner_scores, pair_agreement)
from medialit.classroom.summary import summary_text, write_report
from medialit.classroom.tables import (agreement_table, learner_tries_table, question_tries_table, scores_table,
                                      sentence_label_table, sentence_table, written_answers_table)
from medialit.vocabulary import ALL_ARTICLES

__all__ = [
    "ALL_ARTICLES", "DEMO_PREFIX", "REPORT_FOLDER", "ClassData", "ClassError", "ClassReport", "DiscussionPoint",
    "agreement_table", "class_statistics", "cohen_kappa", "describe_agreement", "detector_labels",
    "discussion_points", "export_brat", "export_label_studio", "fleiss_kappa", "krippendorff_alpha",
    "label_studio_tasks", "learner_scores", "load_class", "make_demo_class", "pair_agreement", "scores_table",
    "sentence_label_table", "sentence_table", "summary_text", "write_report", "written_answers_table",
    "question_tries_table", "learner_tries_table", "post_test_table", "scores_by_part",
]
