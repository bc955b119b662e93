"""Who the learner is: a name typed once in a box, kept across reloads and restarts (not in Voila),
the hub's user name as the default, and widgets that follow the name."""

import json
import os

import pytest

pytest.importorskip("ipywidgets")

from medialit import learner, parse_article  # noqa: E402
from medialit.annotate import AnnotationStore  # noqa: E402
from medialit.annotate import storage  # noqa: E402
from medialit.learner import NO_NAME_MESSAGE, learner_name, set_learner_name  # noqa: E402
from medialit.ui import SentenceTagger, SpanAnnotator, name_box  # noqa: E402

TEXT = "A headline here\n\nThe agency said the launch could perhaps slip. Critics doubt it.\n"
VOILA_ENV = {"SERVER_SOFTWARE": "voila/0.5.13", "VOILA_BASE_URL": "/", "VOILA_SERVER_URL": "/",
             "VOILA_APP_PORT": "8866", "VOILA_PREHEAT": "False", "SCRIPT_NAME": "/voila/render/00.ipynb"}


@pytest.fixture(autouse=True)
def fresh_kernel(tmp_path, monkeypatch):
    """A kernel of its own: no name typed, no hub, not Voila, annotations in a fresh folder."""
    monkeypatch.setenv("MEDIALIT_ANNOTATIONS", str(tmp_path / "annotations"))
    for var in ("JUPYTERHUB_USER", "SERVER_SOFTWARE", *learner._VOILA_VARIABLES):
        monkeypatch.delenv(var, raising=False)
    restart()
    yield
    restart()
    learner._listeners.clear()


def restart():
    """What a kernel restart does to the kit's state (files stay on disk)."""
    learner.forget()
    AnnotationStore.forget_all()


@pytest.fixture
def article():
    return parse_article(TEXT, id="art")


def records(tmp_path):
    folder = tmp_path / "annotations"
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")) \
        if folder.exists() else []


def add(widget, needle="could perhaps", label="hedge"):
    i = TEXT.index(needle)
    answers = []
    widget.send = lambda content, buffers=None: answers.append(content)
    widget._on_msg(widget, {"action": "add", "start": i, "end": i + len(needle), "label": label, "req": 1}, [])
    return answers[-1]


def test_no_name_yet_the_widgets_say_so_and_save_nothing(article, tmp_path):
    assert learner_name() is None
    w = SpanAnnotator(article)
    assert w.store is None and w.status == NO_NAME_MESSAGE and NO_NAME_MESSAGE in w.messages
    ans = add(w)
    assert ans["ok"] is False and ans["error"] == NO_NAME_MESSAGE
    t = SentenceTagger(article)
    t.toggles["hedge"].value = True
    assert t.toggles["hedge"].value is False and NO_NAME_MESSAGE in t.messages_view.value
    assert records(tmp_path) == [] and w.record.spans == [] and "no name yet" in t.heading.value
    assert NO_NAME_MESSAGE in w.static_html()


def test_typing_a_name_reopens_open_widgets_under_it(article, tmp_path):
    w, t = SpanAnnotator(article), SentenceTagger(article)
    box = name_box()
    box.text.value = "Ada Lovelace"                      # what pressing Enter in the box does
    assert learner_name() == "Ada Lovelace" and "Ada Lovelace" in box.status.value
    assert w.annotator == "Ada Lovelace" and w.store is t.store is not None
    assert add(w)["ok"] is True
    t.go(1)
    t.toggles["opinion"].value = True
    assert len(w.spans) == 2 and "Ada Lovelace" in t.heading.value
    box.text.value = "Bo"                                 # another name: another file
    assert w.spans == [] and w.annotator == "Bo" and t.annotator == "Bo"
    assert len(records(tmp_path)) == 1
    w.close()
    t.close()
    assert learner._listeners == []                       # closed widgets stop following the name


def test_the_button_and_a_bad_name(article):
    box = name_box()
    box.text.value = "   "
    box.button.click()
    assert learner_name() is None and "type your name" in box.status.value.lower()
    box.text.value = "Zoë"
    box.button.click()
    assert learner_name() == "Zoë"


def test_an_explicit_annotator_ignores_the_name_box(article):
    set_learner_name("Ada")
    w = SpanAnnotator(article, "Teacher demo")
    set_learner_name("Bo")
    assert w.annotator == "Teacher demo"


def test_the_name_survives_a_kernel_restart(tmp_path):
    set_learner_name("  Ada   Lovelace ")
    saved = json.loads((tmp_path / "annotations" / ".learner.json").read_text(encoding="utf-8"))
    assert saved["name"] == "Ada Lovelace"
    restart()
    assert learner_name() == "Ada Lovelace"


def test_a_name_typed_by_another_hub_user_in_a_shared_folder_is_not_taken(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "student07")
    set_learner_name("Ada")
    restart()
    monkeypatch.setenv("JUPYTERHUB_USER", "student08")     # another user, the same annotations folder
    assert learner_name() == "student08"
    monkeypatch.setenv("JUPYTERHUB_USER", "student07")
    restart()
    assert learner_name() == "Ada"


def test_the_hub_user_is_the_default_until_another_name_is_typed(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "student07")
    assert learner_name() == "student07"
    set_learner_name("Ada")
    restart()
    assert learner_name() == "Ada"                        # the typed name wins after a restart too


def test_in_voila_nothing_is_kept_and_two_visitors_never_share_a_file(article, tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "the-server-owner")        # ignored in Voila
    for var, value in VOILA_ENV.items():
        monkeypatch.setenv(var, value)
    assert learner.in_voila() and learner_name() is None
    first = SpanAnnotator(article)                        # visitor 1
    name_box().text.value = "Ada"
    assert add(first)["ok"] and not (tmp_path / "annotations" / ".learner.json").exists()
    restart()                                             # visitor 2: a fresh kernel, same folder
    assert learner_name() is None
    second = SpanAnnotator(article)
    assert second.store is None and second.spans == [] and add(second)["ok"] is False
    name_box().text.value = "Bo"
    assert second.store.path != first.store.path and second.spans == []
    assert records(tmp_path) == ["Ada__art.json"]          # Bo has not marked anything yet


def test_voila_is_detected_from_a_preheated_kernel_too(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    assert learner.in_voila()


def test_a_linked_or_broken_name_file_is_never_followed(tmp_path):
    folder = tmp_path / "annotations"
    folder.mkdir()
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"name": "Mallory", "user": learner._who()}), encoding="utf-8")
    os.symlink(outside, folder / ".learner.json")
    assert learner_name() is None                         # not read through the link
    box = name_box()
    box.text.value = "Ada"
    assert learner_name() == "Ada" and "could not be kept" in box.status.value
    assert json.loads(outside.read_text(encoding="utf-8"))["name"] == "Mallory"
    (folder / ".learner.json").unlink()
    (folder / ".learner.json").write_text("[" * 100_000, encoding="utf-8")
    restart()
    assert learner_name() is None


def test_a_record_at_a_link_shows_in_the_widget(article, tmp_path):
    folder = tmp_path / "annotations"
    folder.mkdir()
    os.symlink(tmp_path / "elsewhere.json", storage.record_path(folder, "art", "Ada"))
    w = SpanAnnotator(article, "Ada")
    assert w.store is None and "link" in w.status
    assert add(w)["ok"] is False and not (tmp_path / "elsewhere.json").exists()


def test_the_name_box_reads_in_a_static_view():
    box = name_box()
    data, _ = box._repr_mimebundle_()
    assert data["text/plain"] == "NameBox(name=None)" and "No name typed yet" in data["text/html"]
    box.text.value = "<b>Ada</b>"
    data, _ = box._repr_mimebundle_()
    assert data["text/plain"] == "NameBox(name='<b>Ada</b>')" and "&lt;b&gt;Ada&lt;/b&gt;" in data["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in data
