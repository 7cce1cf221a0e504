"""Issue 12, item 3: long documents in near-linear time; the look-up index answers as the scans did."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.extract import state as state_module
from interlock.extract.api import extract
from interlock.extract.state import DocState, EntityDraft

REPO = Path(__file__).resolve().parents[1]

span = st.tuples(st.integers(0, 400), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1]))
steps = st.lists(st.one_of(
    st.tuples(st.just("new"), span),
    st.tuples(st.just("add"), st.integers(0, 50), span),
    st.tuples(st.just("merge"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("remove"), st.integers(0, 50)),
    st.tuples(st.just("append"), span),
    st.tuples(st.just("sort"), st.integers(0, 50)),
    st.tuples(st.just("query"), span),
), max_size=60)


def _scan_state(state: DocState) -> DocState:
    """The same state answered by the scans (no index), as before the index existed."""
    object.__setattr__(state, "_look_up", lambda: None)
    return state


@given(steps)
@settings(max_examples=400, deadline=None)
def test_index_answers_as_the_scans_do(ops: list[tuple]) -> None:
    indexed = DocState(doc_id="d", text="x" * 500)
    scanned = _scan_state(DocState(doc_id="d", text="x" * 500))
    for op in ops:
        answers = []
        for st_ in (indexed, scanned):
            ents = st_.entities
            if op[0] == "new":
                st_.new_entity("PERSON", op[1][0], op[1][1], "n")
            elif op[0] == "add" and ents:
                st_.add_mention(ents[op[1] % len(ents)], op[2][0], op[2][1], "m", "name")
            elif op[0] == "merge" and ents:
                st_.merge(ents[op[1] % len(ents)], ents[op[2] % len(ents)])
            elif op[0] == "remove" and ents:
                ents.remove(ents[op[1] % len(ents)])  # as entities/runs.py does, behind the methods' back
            elif op[0] == "append":
                ent = EntityDraft(label="ORG", name="o")
                ent.mentions.append(state_module.MentionDraft(op[1][0], op[1][1], "o"))
                ents.append(ent)  # as sources.py does
            elif op[0] == "sort" and ents:
                ents[op[1] % len(ents)].mentions.sort(key=lambda m: (m.end, m.start))
            elif op[0] == "query":
                s, e = op[1]
                answers.append((
                    _name(st_, st_.entity_at(s, e)), _name(st_, st_.entity_at(s, e, exact=True)),
                    [(m.start, m.end, _name(st_, ent)) for m, ent in st_.mentions_in(s, e)],
                    [_name(st_, ent) for ent in st_.live_entities()],
                ))
        if answers:
            assert answers[0] == answers[1]


def _name(st_: DocState, ent: EntityDraft | None) -> int | None:
    return None if ent is None else st_.entities.index(ent) if ent in st_.entities else -1


def _text(size: int) -> str:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import long_docs
    finally:
        sys.path.pop(0)
    return long_docs.build(size, 10)[0]


def test_extraction_with_the_index_equals_extraction_with_the_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _text(30_000)
    indexed = extract(text, published="2027-03-01").to_dict()
    monkeypatch.setattr(DocState, "_look_up", lambda self: None)
    scanned = extract(text, published="2027-03-01").to_dict()
    assert indexed == scanned
