"""Character offsets of token ranges: the spans an attribution's cue, content, source and addressee take.

Reads the tokens' text, offsets and subtrees; adds nothing to the Doc. ``_span`` trims
spaces and edge punctuation, as PolNeAR's spans leave them out.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

Offsets = tuple[int, int]


_EDGE_PUNCT = frozenset(",.;:-\u2014\u2013()")


def _span(doc: Doc, start: int, end: int) -> Offsets | None:
    """Character offsets of tokens [start, end) with edge punctuation trimmed."""
    while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    if start >= end:
        return None
    return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1
