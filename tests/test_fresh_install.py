"""Binder's view: a fresh virtual environment made from requirements.txt alone runs every notebook.

This is what repo2docker does (it reads requirements.txt and runtime.txt only), so
a missing dependency or a notebook that only works on the developer's machine
fails here. It is slow (a pip install), so it is marked ``slow``; CI runs it.
"""

import os
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions", "exercises")


@pytest.mark.slow
def test_fresh_venv_from_requirements_runs_every_notebook(tmp_path):
    notebooks = [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.ipynb"))]
    if not notebooks:
        pytest.skip("no notebooks yet")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "JUPYTER"))}
    env.update(HOME=str(tmp_path), MPLCONFIGDIR=str(tmp_path / "mpl"),
               MEDIALIT_ANNOTATIONS=str(tmp_path / "annotations"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    install = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-r", str(ROOT / "requirements.txt")],
                             cwd=ROOT, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    script = (
        "import sys, nbformat\n"
        "from pathlib import Path\n"
        "from nbclient import NotebookClient\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    path = Path(name)\n"
        "    nb = nbformat.read(path, as_version=4)\n"
        "    try:\n"
        "        NotebookClient(nb, timeout=120, kernel_name='python3',\n"
        "                       resources={'metadata': {'path': str(path.parent)}}).execute()\n"
        "    except Exception as exc:\n"
        "        failed.append(f'{path.name}: {type(exc).__name__}: {str(exc)[-800:]}')\n"
        "print('\\n'.join(failed) or 'all ran')\n"
        "sys.exit(1 if failed else 0)\n"
    )
    # the notebooks run from a copy, so the kit's folders get no annotation files or outputs
    copies = []
    for nb in notebooks:
        dest = tmp_path / "work" / nb.parent.name / nb.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(nb.read_bytes())
        copies.append(str(dest))
    run = subprocess.run([str(py), "-c", script, *copies], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    # the environment came from requirements.txt alone: the kit imports from it
    check = subprocess.run([str(py), "-c", "import medialit, anywidget, ipywidgets, pandas, matplotlib; print('ok')"],
                           env=env, capture_output=True, text=True)
    assert check.stdout.strip() == "ok"
