"""Articles: decode text, find its parts, split the body into sentences.

Every part, paragraph and sentence carries ``(start, end)`` offsets into the
article text exactly as decoded, so ``article.text[start:end] == span.text``
always holds. Nothing is normalised: non-breaking spaces, curly quotes and
CRLF line ends stay in the text.

>>> art = parse_article("Big News\\n\\nBy Jane Roe\\n\\nGen. Smith said it may rain. (AP)\\n")
>>> art.headline, art.byline
('Big News', 'Jane Roe')
>>> [s.text for s in art.sentences]
['Big News', 'Gen. Smith said it may rain. (AP)']
>>> s = art.sentences[1]; art.text[s.start:s.end] == s.text
True

The package, in the order the text goes through it:

* :mod:`~medialit.articles.model` - :class:`Part`, :class:`Sentence`, :class:`Article`, the size
  limits (:data:`MAX_CHARS`, :data:`MAX_BYTES`) and :class:`ArticleError` with its kinds;
* :mod:`~medialit.articles.intake` - bytes to text (:func:`decode_bytes`) and the checks that
  refuse input (:func:`check_text`, :func:`looks_like_html`);
* :mod:`~medialit.articles.blocks` - blocks separated by blank lines (:func:`split_blocks`);
* :mod:`~medialit.articles.wordsets` - the reader's word sets (abbreviations, sentence starters,
  month and day names), read from the tables in ``medialit/data/articles/``;
* :mod:`~medialit.articles.sentences` - sentences of a paragraph (:func:`split_sentences`);
* :mod:`~medialit.articles.boilerplate` - the website's or press office's own text, from the table
  ``medialit/data/parts/boilerplate.csv`` (:func:`boilerplate_reason`);
* :mod:`~medialit.articles.parts` - the kind of each block: headline, dek, date (and a dateline),
  byline, boilerplate, related, body;
* :mod:`~medialit.articles.reader` - :func:`parse_article`, :func:`read_article_bytes`,
  :func:`load_article`;
* :mod:`~medialit.articles.seeds` - the kit's articles: the two seeds and those written for the kit
  (:func:`seed_article`, :func:`article_ids`, :func:`article_role`).

Everything listed in ``__all__`` is importable from ``medialit.articles`` itself.
"""

from medialit.articles.blocks import split_blocks
from medialit.articles.intake import (check_text, decode_bytes, looks_like_html, read_limited,
                                      replace_lone_surrogates)
from medialit.articles.model import (MAX_BYTES, MAX_CHARS, Article, ArticleError, EncodingProblemError,
                                     NotTextError, Part, Sentence, StrayByteError, TooLongError, WebPageError)
from medialit.articles.boilerplate import boilerplate_reason
from medialit.articles.reader import load_article, parse_article, read_article_bytes
from medialit.articles.seeds import (article_ids, article_role, kit_article_ids, resolve_seed_id, seed_article,
                                    seed_ids, seed_metadata, seed_path, seeds_dir)
from medialit.articles.sentences import SENTENCE_STARTERS, TITLE_ABBREVIATIONS, split_sentences
from medialit.vocabulary import PART_KINDS

__all__ = [
    "PART_KINDS", "MAX_CHARS", "MAX_BYTES",
    "Part", "Sentence", "Article",
    "ArticleError", "TooLongError", "NotTextError", "EncodingProblemError", "StrayByteError", "WebPageError",
    "decode_bytes", "looks_like_html", "check_text", "replace_lone_surrogates", "read_limited",
    "split_blocks", "split_sentences", "TITLE_ABBREVIATIONS", "SENTENCE_STARTERS", "boilerplate_reason",
    "parse_article", "read_article_bytes", "load_article",
    "seeds_dir", "seed_ids", "seed_path", "resolve_seed_id", "seed_article", "seed_metadata",
    "kit_article_ids", "article_ids", "article_role",
]
