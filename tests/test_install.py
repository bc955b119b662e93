"""An installed kit is self-contained: what Binder, a hub and a built wheel do, replayed here.

The slow tests share one fresh virtual environment per module (installing the pinned
requirements takes a few minutes on two cores) and one "tools" environment that holds
``jupyter-repo2docker`` and ``build``. Everything runs on a COPY of the project (the files a
clone would have), so nothing imports from this checkout, and every notebook runs from a folder
outside that copy, with HOME, MPLCONFIGDIR and MEDIALIT_ANNOTATIONS in a temporary folder.

- Binder: ``jupyter-repo2docker --no-build --debug`` prints the Dockerfile it would build for
  the copy (it needs no Docker daemon for that). Its assemble steps - the pip commands after
  the repository is copied in - are read from it, checked, and replayed in order in the fresh
  environment, from the copy's folder as repo2docker's WORKDIR. The image's own base
  environment (a conda env with JupyterLab) is not rebuilt: a plain venv stands in for it.
  Then every lesson, solution and exercise notebook runs.
- Wheel: ``pip wheel --no-deps`` builds the kit, it is installed beside the pinned
  requirements, and lesson 00 runs from a folder that holds nothing but that notebook; the
  installed ``medialit`` command analyses a seed article.
- Source distribution: ``python -m build`` makes an sdist and a wheel from it (as
  ``pip install git+URL`` or a package index would); both wheels carry every module and every
  data file the kit reads at run time, the seed articles included.

Before ``setup.py`` put the seeds into the package, the Binder and wheel tests both failed with
"the seeds folder was not found at .../site-packages/seeds" (issue 8).

The fast tests check the declared dependencies against what ``medialit`` imports and against
the pins, and where :func:`medialit.articles.seeds_dir` looks.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("notebooks", "solutions", "exercises")
REPO2DOCKER = "jupyter-repo2docker==2026.4.0"
BUILD = "build==1.6.1"
SEED = "000_b7d55dfd4cdbabc3"


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without anything that would point into the dev environment."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTER", "CONDA", "MEDIALIT"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


def run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 900) -> str:
    """Run a command; on failure, fail the test with the end of its output."""
    done = subprocess.run(cmd, cwd=cwd, env=env or clean_env(), capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, (f"{shlex.join(cmd)} exited {done.returncode}\n"
                                  f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def make_venv(path: Path) -> Path:
    """A fresh virtual environment with pip; returns its ``bin`` folder."""
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / ("Scripts" if os.name == "nt" else "bin")


def copy_project(dest: Path) -> Path:
    """Copy the files a clone of the project would have (tracked and new, not ignored) to ``dest``."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        listed = None
    if listed is None:  # not a git checkout: copy all but what git would ignore
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
            ".git", "*.egg-info", "__pycache__", ".venv", "build", "dist", ".pytest_cache",
            ".hypothesis", ".ipynb_checkpoints", "annotations", "test-artifacts"))
        return dest
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def notebook_env(tmp: Path, bin_dir: Path) -> dict[str, str]:
    """Where a learner's session writes: all inside ``tmp``, the venv's tools first on PATH."""
    return clean_env(HOME=str(tmp / "home"), MPLCONFIGDIR=str(tmp / "mpl"),
                     MEDIALIT_ANNOTATIONS=str(tmp / "annotations"),
                     PATH=str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))


RUNNER = r'''
import json, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient

results = []
for name in sys.argv[1:]:
    path = Path(name)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    try:
        NotebookClient(nb, timeout=180, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        error = None
    except Exception as exc:
        error = f"{type(exc).__name__}: {str(exc)[-1500:]}"
    results.append({"notebook": f"{path.parent.name}/{path.name}", "seconds": round(time.perf_counter() - start, 1),
                    "error": error})
print(json.dumps(results))
'''


def run_notebooks(python: Path, notebooks: list[Path], *, cwd: Path, env: dict[str, str],
                  workers: int = 2) -> list[dict]:
    """Execute notebooks with nbclient in ``workers`` processes; one result per notebook."""
    script = cwd / "run_notebooks.py"
    script.write_text(RUNNER, encoding="utf-8")
    chunks = [notebooks[i::workers] for i in range(workers)]
    procs = [subprocess.Popen([str(python), str(script), *map(str, chunk)], cwd=cwd, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for chunk in chunks if chunk]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        assert proc.returncode == 0, f"the notebook runner crashed:\n{out[-2000:]}\n{err[-3000:]}"
        results.extend(json.loads(out.strip().splitlines()[-1]))
    return sorted(results, key=lambda r: r["notebook"])


def installed_location(python: Path, env: dict[str, str], cwd: Path) -> str:
    return run([str(python), "-c", "import medialit; print(medialit.__file__)"], cwd=cwd, env=env).strip()


def seed_files() -> list[str]:
    return sorted(p.name for pattern in ("*.txt", "*.meta.json") for p in (ROOT / "seeds").glob(pattern))


# ---------------------------------------------------------------------------
# fixtures: one project copy, one tools venv, one venv with the pinned requirements
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project") / "medialit")


@pytest.fixture(scope="module")
def tools(tmp_path_factory) -> Path:
    """A venv with repo2docker (to print Binder's Dockerfile) and build (sdist -> wheel)."""
    bin_dir = make_venv(tmp_path_factory.mktemp("tools") / "venv")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", REPO2DOCKER, BUILD], cwd=ROOT)
    return bin_dir


@pytest.fixture(scope="module")
def binder_steps(project, tools) -> list[str]:
    """The pip commands in the Dockerfile repo2docker writes for the project, in order.

    They all run in the project's folder (the Dockerfile's WORKDIR); because the project is a
    Python package, repo2docker runs them after copying the whole repository in.
    """
    dockerfile = run([str(tools / "jupyter-repo2docker"), "--no-build", "--debug", str(project)],
                     cwd=project.parent)
    assert "WORKDIR ${REPO_DIR}" in dockerfile and "COPY --chown=0:0 src/ ${REPO_DIR}/" in dockerfile
    return [line[len("RUN "):].strip() for line in dockerfile.splitlines()
            if line.startswith("RUN ") and "/bin/pip " in line]


@pytest.fixture(scope="module")
def kit_venv(tmp_path_factory, project, binder_steps) -> Path:
    """A fresh venv after Binder's first step (the pinned requirements, without the kit)."""
    assert binder_steps and " -r " in binder_steps[0], f"Binder's first step is not the requirements: {binder_steps}"
    bin_dir = make_venv(tmp_path_factory.mktemp("kit") / "venv")
    start = time.perf_counter()
    run(replay(binder_steps[0], bin_dir), cwd=project)
    print(f"\nrequirements.txt installed in {time.perf_counter() - start:.0f} s")
    return bin_dir


def replay(step: str, bin_dir: Path) -> list[str]:
    """A Dockerfile RUN line as a command for the test venv's pip."""
    cmd = shlex.split(step)
    assert cmd[0] == "${KERNEL_PYTHON_PREFIX}/bin/pip", step
    return [str(bin_dir / "python"), "-m", "pip", *cmd[1:]]


@pytest.fixture
def kit_absent(kit_venv, project):
    """Each install test starts and ends with the requirements alone in the shared venv."""
    python = kit_venv / "python"
    uninstall = [str(python), "-m", "pip", "uninstall", "--yes", "--quiet", "medialit"]
    subprocess.run(uninstall, cwd=project, env=clean_env(), capture_output=True)
    yield python
    subprocess.run(uninstall, cwd=project, env=clean_env(), capture_output=True)


# ---------------------------------------------------------------------------
# slow: Binder, wheel, sdist
# ---------------------------------------------------------------------------

@pytest.mark.slow
def test_binder_steps_are_requirements_then_the_kit(binder_steps):
    assert binder_steps == ['${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "requirements.txt"',
                            "${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir ."]


@pytest.mark.slow
def test_binder_install_runs_every_notebook_from_outside_the_repo(binder_steps, kit_absent, project,
                                                                  tmp_path):
    python = kit_absent
    bin_dir = python.parent
    for step in binder_steps[1:]:  # the first step made the shared venv
        run(replay(step, bin_dir), cwd=project)
    run([str(python), "-m", "pip", "check"], cwd=project)
    assert run([str(bin_dir / "jupyter"), "lab", "--version"], cwd=project).strip()  # the README opens it so
    work = tmp_path / "work"
    notebooks = []
    for folder in FOLDERS:
        for nb in sorted((project / folder).glob("*.ipynb")):
            dest = work / folder / nb.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(nb, dest)
            notebooks.append(dest)
    assert len(notebooks) >= 8 * len(FOLDERS)
    env = notebook_env(tmp_path, bin_dir)
    location = Path(installed_location(python, env, work))
    assert location.is_relative_to(bin_dir.parent), f"medialit imported from {location}, not the venv"
    start = time.perf_counter()
    results = run_notebooks(python, notebooks, cwd=work, env=env)
    print(f"\n{len(results)} notebooks ran in {time.perf_counter() - start:.0f} s (2 at a time): "
          + ", ".join(f"{r['notebook']} {r['seconds']} s" for r in results))
    failed = [f"{r['notebook']}: {r['error']}" for r in results if r["error"]]
    assert not failed, "\n\n".join(failed)
    assert len(results) == len(notebooks)


@pytest.fixture(scope="module")
def wheel(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(project)],
        cwd=out, env=clean_env())
    (built,) = out.glob("medialit-*.whl")
    return built


@pytest.mark.slow
def test_wheel_runs_a_lesson_from_a_folder_holding_only_that_notebook(wheel, kit_absent, project, tmp_path):
    python = kit_absent
    bin_dir = python.parent
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path)
    run([str(python), "-m", "pip", "check"], cwd=tmp_path)
    lonely = tmp_path / "lesson"
    lonely.mkdir()
    shutil.copy2(project / "notebooks" / "00_start_here.ipynb", lonely)
    env = notebook_env(tmp_path, bin_dir)
    start = time.perf_counter()
    (result,) = run_notebooks(python, [lonely / "00_start_here.ipynb"], cwd=lonely, env=env, workers=1)
    print(f"\nlesson 00 from the wheel ran in {time.perf_counter() - start:.0f} s")
    assert result["error"] is None, result["error"]
    # the console script, on a copy of a seed article (the installed kit's own copy is the same text)
    article = tmp_path / "article.txt"
    shutil.copy2(project / "seeds" / f"{SEED}.txt", article)
    report = run([str(bin_dir / "medialit"), "analyze", str(article)], cwd=lonely, env=env)
    assert "Article:" in report and "byline" in report
    packaged = run([str(python), "-c", "from medialit.articles import seeds_dir; print(seeds_dir())"],
                   cwd=lonely, env=env).strip()
    assert Path(packaged).is_relative_to(bin_dir.parent) and Path(packaged).name == "seeds"


def package_files(project: Path) -> set[str]:
    """What an installed kit must hold: every module and data file under medialit/, and the seeds."""
    wanted = {p.relative_to(project).as_posix() for p in (project / "medialit").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    return wanted | {f"medialit/data/seeds/{name}" for name in seed_files()}


def wheel_files(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        return {n for n in zf.namelist() if ".dist-info/" not in n}


def assert_carries(wheel: Path, wanted: set[str]) -> None:
    got = wheel_files(wheel)
    missing, extra = sorted(wanted - got), sorted(got - wanted)
    assert not missing and not extra, (f"{wheel.name}: missing {missing} (a data file needs a pattern in "
                                       f"[tool.setuptools.package-data] in pyproject.toml); unexpected {extra}")


@pytest.mark.slow
def test_wheel_and_sdist_carry_everything_the_kit_reads(wheel, project, tools, tmp_path):
    wanted = package_files(project)
    assert_carries(wheel, wanted)
    out = tmp_path / "dist"
    run([str(tools / "python"), "-m", "build", "--outdir", str(out), str(project)], cwd=tmp_path)
    (sdist,) = out.glob("medialit-*.tar.gz")
    (from_sdist,) = out.glob("medialit-*.whl")  # python -m build makes the wheel from the sdist
    assert_carries(from_sdist, wanted)
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert {f"seeds/{name}" for name in seed_files()} <= names
    assert {"setup.py", "pyproject.toml", "requirements.txt"} <= names
    with zipfile.ZipFile(from_sdist) as zf:
        for name in seed_files():
            assert zf.read(f"medialit/data/seeds/{name}") == (ROOT / "seeds" / name).read_bytes()


# ---------------------------------------------------------------------------
# fast: declared dependencies, pins, where the seeds are found
# ---------------------------------------------------------------------------

def dependency_names(specs: list[str]) -> dict[str, str]:
    """``{"pandas": ">=2.1", ...}`` from requirement strings (names normalised)."""
    out = {}
    for spec in specs:
        m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
        out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins(path: Path) -> dict[str, str]:
    lines = [ln.split("#", 1)[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return {name: spec for name, spec in dependency_names([ln for ln in lines if ln and not ln.startswith("-")]).items()}


def test_declared_dependencies_cover_what_medialit_imports():
    """Every third-party module imported anywhere in medialit/ comes from a declared dependency."""
    stdlib = set(sys.stdlib_module_names)
    imported = set()
    for path in (ROOT / "medialit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - stdlib - {"medialit", "__future__"}
    declared = set(dependency_names(pyproject()["project"]["dependencies"]))
    providers = metadata.packages_distributions()
    missing = {m: providers.get(m) for m in third_party
               if not {re.sub(r"[-_.]+", "-", d).lower() for d in providers.get(m, [m])} & declared}
    assert not missing, f"imported by medialit but not in pyproject.toml dependencies: {missing}"


def test_every_dependency_is_pinned_in_requirements_within_its_bound():
    from packaging.specifiers import SpecifierSet

    declared = dependency_names(pyproject()["project"]["dependencies"])
    pinned = pins(ROOT / "requirements.txt")
    for name, bound in declared.items():
        assert bound.startswith(">="), f"{name}: give a lower bound, not {bound!r}"
        assert name in pinned, f"{name} is a dependency but requirements.txt does not pin it"
        version = pinned[name].removeprefix("==")
        assert pinned[name].startswith("==") and version in SpecifierSet(bound), (name, pinned[name], bound)
    assert all(spec.startswith("==") for spec in pinned.values()), pinned


def test_requirements_hold_third_party_packages_only_and_dev_adds_the_kit_in_place():
    kit = [ln for ln in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
           if ln.strip() and not ln.lstrip().startswith("#")]
    assert not [ln for ln in kit if ln.lstrip().startswith(("-e", ".", "-r"))], kit
    dev = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    assert "-r requirements.txt" in dev and "-e ." in dev
    assert {"pytest", "hypothesis", "playwright", "nbgrader", "voila"} <= set(pins(ROOT / "requirements-dev.txt"))


def test_seeds_are_found_in_an_installed_package_not_from_the_working_directory(tmp_path):
    """A package laid out as in site-packages reads its own data/seeds/, whatever the cwd holds."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "medialit", site / "medialit", ignore=shutil.ignore_patterns("__pycache__"))
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "seeds").mkdir(parents=True)  # a decoy the kit must not pick up
    (elsewhere / "seeds" / "decoy.txt").write_text("decoy", encoding="utf-8")
    code = "from medialit.articles import seeds_dir, seed_ids; print(seeds_dir()); print(seed_ids())"
    env = clean_env(PYTHONPATH=str(site))
    missing = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert missing.returncode != 0
    assert "the seed articles were not found in" in missing.stderr.strip().splitlines()[-1]
    (site / "medialit" / "data" / "seeds").mkdir()
    for name in seed_files():
        shutil.copy2(ROOT / "seeds" / name, site / "medialit" / "data" / "seeds" / name)
    found = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    folder, ids = found.stdout.splitlines()
    assert Path(folder) == site / "medialit" / "data" / "seeds"
    assert ids == repr(sorted(n.removesuffix(".txt") for n in seed_files() if n.endswith(".txt")))


def test_a_checkout_reads_its_top_level_seeds():
    from medialit.articles import seeds_dir

    import medialit

    if not Path(medialit.__file__).resolve().is_relative_to(ROOT):
        pytest.skip("medialit is not imported from this checkout")
    assert seeds_dir() == ROOT / "seeds"


def test_readme_set_up_line_makes_a_venv_installs_requirements_and_the_kit_and_opens_lesson_00():
    """The one set-up line works where pip refuses to install outside a venv (PEP 668)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up and open the kit", 1)[1].split("\n## ", 1)[0]
    line = section.split("```", 2)[1].strip()
    steps = [shlex.split(part) for part in line.split("&&")]
    assert steps[0] == ["python3", "-m", "venv", ".venv"], line
    assert steps[1] == [".venv/bin/pip", "install", "-r", "requirements.txt", "."], line
    assert steps[2][:2] == [".venv/bin/jupyter", "lab"] and (ROOT / steps[2][2]).is_file(), line
