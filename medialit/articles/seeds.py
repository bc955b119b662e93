"""The kit's articles: where they are, their ids, the articles and what is known about them.

Two kinds, read the same way (an article, what is known about it, an answer key):

* the two **seed articles**, real pages, kept byte for byte in the project's ``seeds/``
  (:func:`seed_ids`): the lessons teach on them and the detector was built on them;
* **articles written for the kit** (:func:`kit_article_ids`), in
  ``medialit/data/kit_articles/<id>.txt`` with ``<id>.meta.json`` beside them: original texts
  with invented people, places and outlets. Their metadata says so (``"origin"``) and what
  they are for (``"role"``, e.g. ``"post-test"``: the short test on a new article at the end
  of the unit, :func:`article_role`).

:func:`article_ids` lists both; :func:`seed_article`, :func:`seed_path` and
:func:`seed_metadata` take either kind, by id or by a unique prefix.

>>> seed_article("003").id
'003_9a3e418065795979'
>>> article_role("kit01"), article_role("000")
('post-test', 'lesson')
"""

from __future__ import annotations

import json
from pathlib import Path

from medialit.articles.model import Article, ArticleError
from medialit.articles.reader import load_article
from medialit.datafiles import DATA

#: The articles written for the kit (text and metadata), shipped inside the package.
KIT_ARTICLES_DIR = DATA / "kit_articles"
#: What a seed article is for (a kit article's metadata gives its own ``"role"``).
SEED_ROLE = "lesson"

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


def kit_article_ids() -> list[str]:
    """Ids (file stems) of the articles written for the kit.

    >>> kit_article_ids()
    ['kit01_phone_ban']
    """
    return sorted(p.stem for p in KIT_ARTICLES_DIR.glob("*.txt"))


def article_ids() -> list[str]:
    """Ids of every article of the kit: the seed articles, then the articles written for the kit.

    >>> article_ids()
    ['000_b7d55dfd4cdbabc3', '003_9a3e418065795979', 'kit01_phone_ban']
    """
    return seed_ids() + kit_article_ids()


def _folder(article_id: str) -> Path:
    return KIT_ARTICLES_DIR if article_id in kit_article_ids() else seeds_dir()


def seed_path(article_id: str) -> Path:
    """The text file of one of the kit's articles (a seed or an article written for the kit), by full id."""
    path = _folder(article_id) / f"{article_id}.txt"
    if not path.is_file():
        raise ArticleError(f"no article {article_id!r} in the kit; choose one of {', '.join(article_ids())}")
    return path


def resolve_seed_id(article_id: str) -> str:
    """The full id of one of the kit's articles given its id or a unique prefix such as ``"000"``."""
    matches = [i for i in article_ids() if i == article_id or i.startswith(article_id)]
    if len(matches) != 1:
        raise ArticleError(f"no single article of the kit matches {article_id!r}; choose one of "
                           f"{', '.join(article_ids())}")
    return matches[0]


def seed_article(article_id: str) -> Article:
    """Load one of the kit's articles by id (or by a unique prefix such as ``"000"`` or ``"kit01"``)."""
    return load_article(seed_path(resolve_seed_id(article_id)))


def seed_metadata(article_id: str) -> dict:
    """What is known and unknown about one of the kit's articles (outlet, date, byline...), from its
    ``<id>.meta.json`` (in ``seeds/``, or in ``medialit/data/kit_articles/`` for an article written for the kit).

    >>> seed_metadata("003")["date"] is None
    True
    >>> seed_metadata("kit01")["origin"].startswith("Written for the kit")
    True
    """
    full = resolve_seed_id(article_id)
    return json.loads((_folder(full) / f"{full}.meta.json").read_text(encoding="utf-8"))


def article_role(article_id: str) -> str:
    """What an article is for in the unit: ``"lesson"`` for a seed article, else its metadata's ``"role"``
    (``"post-test"``: the short test on a new article at the end of the unit).

    An id that is not one of the kit's articles (a learner's own article) has no role: ``""``.

    >>> article_role("kit01_phone_ban"), article_role("my own article")
    ('post-test', '')
    """
    try:
        full = resolve_seed_id(article_id)
    except ArticleError:
        return ""
    if full in seed_ids():
        return SEED_ROLE
    return str(seed_metadata(full).get("role") or "")
