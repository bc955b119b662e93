"""Who the learner is: the name their marks are saved under, typed once in a box.

The name is typed in :func:`medialit.ui.name_box` (no code needed, so it works in Voila too).
Where the name comes from, the first that applies:

1. the name typed in this kernel (:func:`set_learner_name`);
2. outside Voila: the name typed earlier, kept in ``.learner.json`` in the annotations
   folder, so it survives page reloads and kernel restarts (with the hub or login user
   who typed it: if a hub shares one annotations folder among its users, a user never
   gets another user's name, only none);
3. outside Voila: the hub's user name (``$JUPYTERHUB_USER``) on a JupyterHub;
4. none: the widgets then say "Type your name in the box at the top first." and
   save nothing.

In Voila every visitor has a kernel of their own but all share one folder, so there
nothing is read from or written to ``.learner.json`` and no default is used: every
visitor starts without a name, and two visitors who type different names never share a
file (a visitor who types the same name as before, e.g. after reloading the page, gets
their marks back).

>>> import tempfile, os
>>> old = os.environ.get("MEDIALIT_ANNOTATIONS"); os.environ["MEDIALIT_ANNOTATIONS"] = tempfile.mkdtemp(); forget()
>>> set_learner_name("  Ada  Lovelace ")
'Ada Lovelace'
>>> forget(); learner_name()          # as after a kernel restart: read back from .learner.json
'Ada Lovelace'
>>> _ = os.environ.pop("MEDIALIT_ANNOTATIONS") if old is None else os.environ.update(MEDIALIT_ANNOTATIONS=old)
>>> forget()
"""

from __future__ import annotations

import getpass
import json
import os
import threading
import warnings
from pathlib import Path
from typing import Callable

from medialit.annotate.model import clean_text
from medialit.annotate.safefiles import atomic_write_text, read_regular_file, refuse_unsafe
from medialit.annotate.storage import default_folder, sanitize_name

#: What a widget shows, and answers, while nobody has typed a name.
NO_NAME_MESSAGE = "Type your name in the box at the top first."
#: The file (in the annotations folder) that keeps the typed name outside Voila.
NAME_FILE = ".learner.json"
_MAX_NAME = 100
_VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_APP_PORT", "VOILA_PREHEAT")

_state: dict = {"loaded": False, "name": None, "problem": ""}
_listeners: list[Callable[[str | None], None]] = []
_lock = threading.Lock()


def in_voila() -> bool:
    """Whether this kernel was started by Voila (it sets ``SERVER_SOFTWARE=voila/<version>`` and ``VOILA_*``).

    >>> in_voila()
    False
    """
    if os.environ.get("SERVER_SOFTWARE", "").lower().startswith("voila"):
        return True
    return any(os.environ.get(v) for v in _VOILA_VARIABLES)


def clean_name(name: str) -> str:
    """The name as it will be saved: spaces trimmed and collapsed; ``ValueError`` in plain words if unusable.

    >>> clean_name("  Zoë   O'Neil ")
    "Zoë O'Neil"
    >>> clean_name("   ")
    Traceback (most recent call last):
    ...
    ValueError: Please type your name (letters or digits).
    """
    if not isinstance(name, str):
        raise TypeError("a learner's name must be text")
    name = " ".join(clean_text(name).split())
    if len(name) > _MAX_NAME:
        raise ValueError(f"That name is too long; please use at most {_MAX_NAME} characters.")
    try:
        sanitize_name(name)
    except ValueError:
        raise ValueError("Please type your name (letters or digits).") from None
    return name


def _name_file() -> Path:
    return default_folder() / NAME_FILE


def _who() -> str:
    """Who runs this kernel: the hub's user, else the login name ("" if unknown)."""
    try:
        return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()
    except Exception:  # no login name (some containers): fine, the folder is then the only key
        return ""


def _read_saved_name() -> str | None:
    try:
        raw = read_regular_file(_name_file(), 10_000)         # never through a link; a folder or junk is ignored
        if raw is None:
            return None
        data = json.loads(raw.decode("utf-8-sig"))
        name = data.get("name")
        if data.get("user") != _who():
            return None
        return clean_name(name) if isinstance(name, str) else None
    except Exception:  # a broken or hostile file is ignored: the learner types the name again
        return None


def learner_name() -> str | None:
    """The current learner's name, or ``None`` if nobody has typed one (see the module's rules)."""
    with _lock:
        if not _state["loaded"]:
            _state["loaded"] = True
            if not in_voila():
                name = _read_saved_name()
                if name is None and os.environ.get("JUPYTERHUB_USER"):
                    try:
                        name = clean_name(os.environ["JUPYTERHUB_USER"])
                    except ValueError:
                        name = None
                _state["name"] = name
        return _state["name"]


def set_learner_name(name: str) -> str:
    """Use ``name`` from now on in this kernel (kept for later outside Voila); returns it as saved.

    Every open widget that follows the learner's name re-opens its marks under the
    new name. Raises ``ValueError`` with a plain message for an unusable name.
    """
    name = clean_name(name)
    problem = ""
    if not in_voila():
        path = _name_file()
        try:
            refuse_unsafe(path)
            atomic_write_text(path, json.dumps({"name": name, "user": _who()}, ensure_ascii=False) + "\n")
        except OSError as exc:  # StorageError included: this kernel still uses the name
            problem = f"The name could not be kept for next time: {exc}"
    with _lock:
        _state.update(loaded=True, name=name, problem=problem)
    for listener in list(_listeners):
        try:
            listener(name)
        except Exception as exc:  # one broken widget must not stop the others (or the box) from updating
            warnings.warn(f"a widget could not switch to the new name: {exc}", stacklevel=2)
    return name


def name_problem() -> str:
    """Why the name typed last could not be kept for next time ("" if it was, or needs not be)."""
    with _lock:
        return _state["problem"]


def subscribe(listener: Callable[[str | None], None]) -> Callable[[], None]:
    """Call ``listener(name)`` whenever the name is set; returns a function that unsubscribes."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def forget() -> None:
    """Drop this kernel's name and who follows it (as a kernel restart would); the saved file stays."""
    with _lock:
        _state.update(loaded=False, name=None, problem="")
        _listeners.clear()
