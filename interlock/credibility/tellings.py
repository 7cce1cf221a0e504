"""Anonymous sources as origins: one per outlet that carries it and per telling.

An anonymous source ("a senior official", "two security officials") cannot be known to be
the same person from one story to the next, so each story in which an outlet was told
something is a *telling* of its own, and an origin of its own. Within a story, every
reference back to the source ("the official said", "he added", "The second official") is
the same telling, however often the article refers back to it, whether or not extraction
linked the reference to its first mention: a source is known in its story by the noun it is
named by. A syndicated copy tells its wire story's telling again, however it cuts it.

A relay by another outlet ("a senior official told Sawt al-Sha'b") cannot say which of that
outlet's tellings it repeats: it counts for that outlet's telling when the claim has one on
its side, else for the outlet. So does the outlet's own reporting of what it also has from
an anonymous source: it adds no origin of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Protocol

#: words that name no one: a reference back to a source met before
PRONOUNS = frozenset("he she they him her them it one who".split())
#: where the noun phrase that names a source ends ("A senior official at the commission, who ...")
_PHRASE_END = re.compile(
    r",|;|\(| who\b| whom\b| which\b| that\b| in\b| at\b| for\b| of\b| from\b| with\b| to\b| on\b| close\b"
    r"| familiar\b| speaking\b| said\b| says\b| told\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
TELLING = "telling:"


class Counted(Protocol):
    """What folding needs of a statement's support: its side and its origin."""

    negated: bool
    origin: str


def source_noun(text: str | None) -> str:
    """The noun an anonymous source is named by, singular and lower case ("A senior official at the
    commission": official; "three commanders": commander); "" for a pronoun or nothing."""
    phrase = _PHRASE_END.split(f" {text or ''} ", maxsplit=1)[0]
    words = _WORD.findall(phrase)
    if not words:
        return ""
    word = words[-1].lower().replace("’", "'").removesuffix("'s").rstrip("'")
    if word in PRONOUNS:
        return ""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def telling(outlet: str, story: str, source_text: str | None) -> str:
    """The origin of an anonymous source that spoke to ``outlet`` (its counting key) in ``story``
    (the document, or the wire story a copy copies)."""
    return TELLING + json.dumps([outlet, story, source_noun(source_text)], ensure_ascii=False)


def telling_outlet(origin: str) -> str | None:
    """The outlet a telling's source spoke to; None for any other origin."""
    if not origin.startswith(TELLING):
        return None
    return str(json.loads(origin[len(TELLING):])[0])


def fold(supports: Iterable[Counted]) -> None:
    """Each statement's origin as counted: a relay of an anonymous source, or the outlet's own
    reporting (``outlet:KEY``), joins a telling of that outlet on its side of the claim (the first,
    in a stable order), so that it adds no origin of its own."""
    supports = list(supports)
    first: dict[tuple[bool, str], str] = {}
    for origin, negated in sorted({(s.origin, s.negated) for s in supports}):
        outlet = telling_outlet(origin)
        if outlet is not None:
            first.setdefault((negated, outlet), origin)
    if not first:
        return
    for s in supports:
        if s.origin.startswith("outlet:"):
            s.origin = first.get((s.negated, s.origin.removeprefix("outlet:")), s.origin)
