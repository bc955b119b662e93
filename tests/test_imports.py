"""The kit's light-import promises, all checked in one fresh Python process.

- The logic (articles, cues, detector, reports, evaluation, the class view and the
  command line) never loads pandas, matplotlib or numpy: ``medialit analyze`` and a
  plain ``import medialit`` start fast; plots and tables load them when they draw.
- The logic modules never load ipywidgets or anywidget: the widgets live in ``medialit.ui``.
"""

import json
import subprocess
import sys

LOGIC = ["medialit", "medialit.articles", "medialit.cues", "medialit.detect", "medialit.report",
         "medialit.evaluate", "medialit.development_set", "medialit.feedback", "medialit.classroom", "medialit.cli", "medialit.annotate",
         "medialit.own_article", "medialit.selfcheck", "medialit.learner"]
HEAVY = ["pandas", "matplotlib", "numpy", "ipywidgets", "anywidget"]


def test_the_logic_loads_no_tables_plots_or_widgets():
    code = (f"import importlib, json, sys\n"
            f"for name in {LOGIC!r}:\n"
            f"    importlib.import_module(name)\n"
            f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
