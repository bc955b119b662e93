"""Build step that puts the two seed articles inside the installed package.

``seeds/`` at the top of the project is the single source of the articles. A normal
install (``pip install .``, a wheel, ``pip install git+URL``, Binder's second step)
copies ``seeds/*.txt`` and ``seeds/*.meta.json`` into the package as
``medialit/data/seeds/``, where :func:`medialit.articles.seeds_dir` finds them.
An editable install (``pip install -e .``) copies nothing: there the kit reads
``seeds/`` in the checkout. Everything else is declared in ``pyproject.toml``;
``MANIFEST.in`` puts ``seeds/`` into the source distribution.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SEEDS = Path(__file__).resolve().parent / "seeds"
PATTERNS = ("*.txt", "*.meta.json")


class build_py_with_seeds(build_py):
    """``build_py`` that also copies the top-level seeds into ``medialit/data/seeds/``."""

    def run(self):
        super().run()
        if self.editable_mode:
            return
        files = sorted(p for pattern in PATTERNS for p in SEEDS.glob(pattern))
        if not files:
            raise SystemExit(f"no seed articles found in {SEEDS}: the package would have no articles")
        dest = Path(self.build_lib) / "medialit" / "data" / "seeds"
        self.mkpath(str(dest))
        for src in files:
            self.copy_file(str(src), str(dest / src.name))


setup(cmdclass={"build_py": build_py_with_seeds})
