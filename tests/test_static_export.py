"""Readable everywhere: a notebook exported to HTML shows the widgets' plain fallback offline.

The widgets put an escaped ``text/html`` copy (the article with the learner's marks) in
their output bundle. nbconvert shows it only when the notebook carries no widget state;
with widget state it writes a script that fetches the widget code from a CDN, which is
blank offline. The README's export command clears that state; this test runs it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from medialit import parse_article
from medialit.ui import SentenceTagger, SpanAnnotator

README = Path(__file__).resolve().parents[1] / "README.md"
#: The export command, as the README gives it (the notebook's path is added by the test).
EXPORT = ["jupyter", "nbconvert", "--to", "html", "--ClearMetadataPreprocessor.enabled=True"]

TEXT = ("Moon base 🚀 plans leaked\n\nBy Ada Reporter\n\n"
        "The agency 😀 said the launch could perhaps slip to next year. Critics 🙄 doubt it.\n\n"
        "Obviously the agency should explain <b>itself</b>.\n")


def executed_notebook(folder: Path) -> Path:
    """A notebook as JupyterLab saves it after a run: widget outputs and the widget state."""
    article = parse_article(TEXT, id="export_demo")
    marker = SpanAnnotator(article, "Ada", folder=folder / "annotations")
    i = TEXT.index("could perhaps")
    marker.store.add_span(i, i + 13, "hedge", note="<i>why</i> & how")
    tagger = SentenceTagger(article, "Ada", folder=folder / "annotations")
    j = TEXT.index("Obviously")
    tagger.store.toggle_sentence_label(j, TEXT.index(".", j) + 1, "opinion")

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    state = {}
    for n, widget in enumerate([marker, tagger], 1):
        data, meta = widget._repr_mimebundle_()
        cell = nbformat.v4.new_code_cell("w", execution_count=n)
        cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=meta)]
        nb.cells.append(cell)
        model_id = data["application/vnd.jupyter.widget-view+json"]["model_id"]
        state[model_id] = {"model_name": "AnyModel", "model_module": "anywidget", "model_module_version": "*",
                           "state": {}}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json":
                              {"state": state, "version_major": 2, "version_minor": 0}}
    marker.close()
    tagger.close()
    path = folder / "lesson.ipynb"
    nbformat.write(nb, path)
    return path


def export(path: Path, clear_state: bool) -> str:
    """Run the README's export command on ``path`` (without its state-clearing option if not
    ``clear_state``), in this process: ``jupyter nbconvert`` is this application."""
    from nbconvert.nbconvertapp import NbConvertApp

    options = EXPORT[2:] if clear_state else EXPORT[2:-1]
    app = NbConvertApp()
    app.initialize([*options, str(path), "--output", f"{path.stem}_{clear_state}"])
    app.start()
    NbConvertApp.clear_instance()
    return (path.parent / f"{path.stem}_{clear_state}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def notebook(tmp_path_factory):
    return executed_notebook(tmp_path_factory.mktemp("export"))


def test_readme_gives_the_offline_export_command():
    readme = README.read_text(encoding="utf-8")
    lessons = readme.split("## The lessons", 1)[1].split("\n## ", 1)[0]
    assert " ".join(EXPORT) in lessons


def test_export_without_widget_state_shows_the_text_and_the_marks(notebook):
    page = export(notebook, clear_state=True)
    # the fallback, not a widget that needs a CDN
    assert "application/vnd.jupyter.widget-view+json" not in page
    assert "unpkg.com" not in page
    assert page.count('class="medialit-static"') == 2
    # the headline as title, the article text and the learner's mark with its note, escaped
    assert "Marks of Ada on “Moon base 🚀 plans leaked” (2 marks)" in page   # the tagger's too
    mark = re.search(r'<mark [^>]*title="([^"]*)"[^>]*>could perhaps</mark>', page)
    assert mark and mark.group(1) == "hedge (note: &lt;i&gt;why&lt;/i&gt; &amp; how)"
    assert "explain &lt;b&gt;itself&lt;/b&gt;." in page
    assert "<b>itself</b>" not in page
    # the sentence tagger's copy: the sentence with its label
    tagged = re.search(r"<li>Obviously the agency should explain &lt;b&gt;itself&lt;/b&gt;\. <small>\[(.*?)\]</small></li>",
                       page)
    assert tagged and ">opinion<" in tagged.group(1)


def test_export_with_widget_state_has_no_fallback_and_needs_a_cdn(notebook):
    """Why the README's command clears the state: otherwise the copy is blank offline."""
    assert json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["widgets"]
    page = export(notebook, clear_state=False)
    assert 'class="medialit-static"' not in page
    assert "application/vnd.jupyter.widget-view+json" in page and "unpkg.com" in page
