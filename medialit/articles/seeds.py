"""The kit's two seed articles: where they are, their ids, the articles and what is known about them.

>>> seed_article("003").id
'003_9a3e418065795979'
"""

from __future__ import annotations

import json
from pathlib import Path

from medialit.articles.model import Article, ArticleError
from medialit.articles.reader import load_article

def seeds_dir() -> Path:
    """The folder that holds the seed articles, wherever the kit is installed.

    An installed kit (``pip install .``, a wheel, Binder) carries them inside the package as
    ``medialit/data/seeds/`` (``setup.py`` copies them there from the project's ``seeds/``);
    an editable checkout (``pip install -e .``) reads the project's top-level ``seeds/``. The
    folder is found from the package's own location, never from the working directory.

    >>> sorted(p.name for p in seeds_dir().glob("*.txt"))
    ['000_b7d55dfd4cdbabc3.txt', '003_9a3e418065795979.txt']
    """
    package = Path(__file__).resolve().parent.parent  # medialit/, one level above this file
    installed = package / "data" / "seeds"
    places = [installed]
    if (package.parent / "pyproject.toml").is_file():  # a checkout, not site-packages
        places.append(package.parent / "seeds")
    for here in places:
        if any(here.glob("*.txt")):
            return here
    raise ArticleError(f"the seed articles were not found in {installed}; reinstall the kit "
                       "with 'pip install .' from the project folder")


def seed_ids() -> list[str]:
    """Ids (file stems) of the seed articles.

    >>> seed_ids()
    ['000_b7d55dfd4cdbabc3', '003_9a3e418065795979']
    """
    return sorted(p.stem for p in seeds_dir().glob("*.txt"))


def seed_path(article_id: str) -> Path:
    path = seeds_dir() / f"{article_id}.txt"
    if not path.is_file():
        raise ArticleError(f"no seed article {article_id!r}; choose one of {', '.join(seed_ids())}")
    return path


def resolve_seed_id(article_id: str) -> str:
    """The full id of a seed article given its id or a unique prefix such as ``"000"``."""
    matches = [i for i in seed_ids() if i == article_id or i.startswith(article_id)]
    if len(matches) != 1:
        raise ArticleError(f"no single seed article matches {article_id!r}; choose one of "
                           f"{', '.join(seed_ids())}")
    return matches[0]


def seed_article(article_id: str) -> Article:
    """Load one of the kit's seed articles by id (or by a unique prefix such as ``"000"``)."""
    return load_article(seed_path(resolve_seed_id(article_id)))


def seed_metadata(article_id: str) -> dict:
    """What is known and unknown about a seed article (outlet, date, byline...), from ``seeds/<id>.meta.json``.

    >>> seed_metadata("003")["date"] is None
    True
    """
    return json.loads((seeds_dir() / f"{resolve_seed_id(article_id)}.meta.json").read_text(encoding="utf-8"))
