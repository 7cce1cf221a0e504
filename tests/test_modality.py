"""Modality of predicates: asserted, negated, hedged, conditional, planned."""

from __future__ import annotations

import pytest

from interlock.extract.modality import is_opinion, sentence_hedges, token_modality
from interlock.extract.pipeline import load_nlp


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The minister resigned on Monday.", "resigned", "asserted"),
        ("The minister did not resign.", "resign", "negated"),
        ("He never joined the militia.", "joined", "negated"),
        ("She denied that she met the envoy.", "met", "negated"),
        ("The minister may resign next week.", "resign", "hedged"),
        ("It is believed that he funded the group.", "funded", "hedged"),
        ("The commander will visit Baghdad.", "visit", "planned"),
        ("They plan to appoint him as adviser.", "appoint", "planned"),
        ("If he accepts, he will lead the council.", "accepts", "conditional"),
    ],
)
def test_token_modality(sentence: str, word: str, expected: str) -> None:
    doc = load_nlp()(sentence)
    idx = next(t.i for t in doc if t.text == word)
    assert token_modality(doc, idx) == expected


def test_hedge_phrases_found_with_offsets() -> None:
    doc = load_nlp()("They met, but no one really knows why.")
    spans = sentence_hedges(next(iter(doc.sents)))
    assert [doc.text[s:e] for s, e in spans] == ["no one really knows"]


def test_opinion_markers() -> None:
    doc = load_nlp()("This has obviously sparked fears. The council met on Monday.")
    sents = list(doc.sents)
    assert is_opinion(sents[0])
    assert not is_opinion(sents[1])
