"""medialit: read news commentary closely.

The package holds all the kit's logic; notebooks only call it.

>>> from medialit import parse_article
>>> art = parse_article("A headline\\n\\nThe minister said it may rain. (AP)\\n")
>>> art.headline
'A headline'

Importing ``medialit`` stays light: pandas and matplotlib are loaded only
when a table or a plot is asked for.
"""

from medialit.articles import Article, Part, Sentence, load_article, parse_article, seed_article, seed_ids

__all__ = ["Article", "Part", "Sentence", "load_article", "parse_article", "seed_article", "seed_ids"]
__version__ = "0.1.0"
