"""HTML from templates that escape by default (Jinja2 with autoescape).

Every piece of HTML the kit shows is a template in ``medialit/templates/``; article
and learner text passed to a template is escaped unless a template marks a value as
already-safe HTML, which only values made by another template may be.

>>> environment().from_string("<b>{{ text }}</b>").render(text="<script>")
'<b>&lt;script&gt;</b>'
>>> str(Markup("<i>ok</i>"))
'<i>ok</i>'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from medialit.vocabulary import LABEL_COLOURS, tint
from medialit.wording import plural, shorten

__all__ = ["render", "Markup", "TEMPLATES"]

#: The folder of the kit's templates (installed with the package).
TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The kit's Jinja2 environment: autoescape on, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(shorten=shorten, plural=plural, tint=tint)
    env.globals.update(LABEL_COLOURS=LABEL_COLOURS)
    return env


def render(name: str, **context) -> Markup:
    """The template ``name`` (a file in ``templates/``) filled in; the result is safe HTML."""
    return Markup(environment().get_template(name).render(**context))
