"""Cross-document resolution on hand-made records: spellings, context, judgements, reference entries."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.names import Token, blocking_keys
from interlock.resolve.cluster import resolve
from interlock.resolve.records import Judgements, Record


def rec(rid: str, doc: str, *names: str, label: str = "PERSON", context: tuple[str, ...] = (),
        reference: bool = False) -> Record:
    return Record(rid, doc, label, tuple(names), frozenset(context), reference)


def same(result: dict[str, str], *ids: str) -> bool:
    return len({result[i] for i in ids}) == 1


def test_transliterations_and_hyphens_are_one_actor() -> None:
    records = [
        rec("a", "d1", "Hadi al-Amiri"), rec("b", "d2", "Hadi Al Ameri"), rec("c", "d3", "Hadi al-Ameri"),
        rec("d", "d4", "Gholamhossein Gheybparvar"), rec("e", "d5", "Gholam-Hossein Gheibparvar"),
        rec("f", "d6", "Hadi al-Asadi"),
    ]
    out = resolve(records)
    assert same(out, "a", "b", "c")
    assert same(out, "d", "e")
    assert not same(out, "a", "f"), "another family name is another person"


def test_an_acronym_and_a_stated_alias_bridge_articles() -> None:
    records = [
        rec("a", "d1", "Popular Mobilization Units", "PMU", "Hashd al-Shaabi", label="ORG"),
        rec("b", "d2", "al-Hashd al-Sha'abi", "Popular Mobilisation Forces", "PMF", label="ORG"),
        rec("c", "d3", "PMF", label="ORG"),
        rec("d", "d4", "PMU", label="ORG"),
    ]
    out = resolve(records)
    assert same(out, "a", "b", "c", "d")


def test_same_name_with_unrelated_contexts_stays_apart() -> None:
    politics = ("ORG:fatah alliance", "ORG:pmu", "PERSON:amiri hadi")
    medicine = ("ORG:basra teaching hospital", "PERSON:hamdan laila", "ORG:university basra")
    records = [
        rec("p1", "d1", "Ahmad al-Asadi", context=politics[:2]),
        rec("p2", "d2", "Ahmad al-Asadi", context=politics[1:]),
        rec("p3", "d3", "Ahmed al-Asadi", context=politics[2:]),
        rec("s1", "d4", "Ahmad al-Asadi", context=medicine[:2]),
        rec("s2", "d5", "Ahmad al-Asadi", context=medicine[1:]),
        # other records of those articles, so that the contexts occur in the corpus
        rec("x1", "d1", "Hadi al-Amiri", context=("ORG:pmu",)),
        rec("x2", "d4", "Layla Hamdan", context=("ORG:basra teaching hospital",)),
    ]
    out = resolve(records)
    assert same(out, "p1", "p2", "p3")
    assert same(out, "s1", "s2")
    assert not same(out, "p1", "s1")


def test_context_is_compared_through_resolved_organisations() -> None:
    # one article spells the alliance "Fatah", another "Fateh": once the alliance is one
    # actor, the two articles' Ahmad al-Asadi share it
    records = [
        rec("o1", "d1", "Fatah Alliance", label="ORG", context=("PERSON:asadi", "PERSON:amiri")),
        rec("o2", "d2", "Fateh Alliance", label="ORG", context=("PERSON:asadi", "PERSON:amiri")),
        rec("p1", "d1", "Ahmad al-Asadi", context=("ORG:fatah",)),
        rec("p2", "d2", "Ahmad al-Asadi", context=("ORG:fateh",)),
        rec("s1", "d3", "Ahmad al-Asadi", context=("ORG:hospital",)),
        rec("h", "d3", "Basra Hospital", label="ORG", context=("PERSON:asadi",)),
    ]
    records = [r if r.label == "PERSON" else Record(r.id, r.document, r.label, r.names, r.context, r.reference,
                                                      key={"o1": "ORG:fatah", "o2": "ORG:fateh", "h": "ORG:hospital"}[r.id])
               for r in records]
    out = resolve(records)
    assert same(out, "o1", "o2")
    assert same(out, "p1", "p2")
    assert not same(out, "p1", "s1")


def test_a_record_without_context_joins_the_best_supported_namesake() -> None:
    records = [
        rec("p1", "d1", "Ahmad al-Asadi", context=("ORG:pmu", "ORG:fatah")),
        rec("p2", "d2", "Ahmad al-Asadi", context=("ORG:pmu",)),
        rec("s1", "d3", "Ahmad al-Asadi", context=("ORG:hospital",)),
        rec("bare", "d4", "Ahmad al-Asadi"),
        rec("x", "d5", "Hadi al-Amiri", context=("ORG:pmu", "ORG:fatah")),
        rec("y", "d6", "Layla Hamdan", context=("ORG:hospital",)),
    ]
    out = resolve(records)
    assert same(out, "bare", "p1", "p2")
    assert not same(out, "bare", "s1")


def test_a_surname_alone_joins_the_one_person_of_that_name() -> None:
    records = [
        rec("full", "d1", "Teodor Maras", context=("ORG:foreign security corps",)),
        rec("short", "d2", "Maras", context=("PERSON:khazraji jawad",)),
        rec("other", "d3", "Jawad al-Khazraji", context=("PERSON:maras",)),
    ]
    out = resolve(records)
    assert same(out, "full", "short")


def test_a_shorter_name_in_an_article_is_the_one_fuller_name_there() -> None:
    """Issue 11: "Jawad" beside "Jawad Abd al-Amir al-Khazraji", "Abu Tariq" beside "Abu Tariq al-Sayyadi"
    (whose "Abu Tariq" is elsewhere "Qasim al-Sayyadi, known as Abu Tariq")."""
    records = [
        rec("k1", "d1", "Jawad Abd al-Amir al-Khazraji"), rec("k2", "d1", "Jawad"),
        rec("s1", "d2", "Abu Tariq al-Sayyadi"), rec("s2", "d2", "Abu Tariq"),
        rec("s3", "d3", "Qasim al-Sayyadi", "Abu Tariq"),
        rec("a1", "d4", "Ahmad Hasan"), rec("a2", "d4", "Ahmad Nouri"), rec("a3", "d4", "Ahmad"),
        rec("b1", "d5", "Jawad"),
    ]
    out = resolve(records)
    assert same(out, "k1", "k2")
    assert same(out, "s1", "s2", "s3")
    assert not same(out, "a3", "a1") and not same(out, "a3", "a2") and not same(out, "a1", "a2"), "two fuller names"
    assert not same(out, "b1", "k1"), "a given name alone in another article says nothing"


def test_near_names_join_only_with_shared_context() -> None:
    shared = ("PERSON:amiri hadi", "ORG:pmu")
    records = [
        rec("a", "d1", "Fatah Alliance", label="ORG", context=shared),
        rec("b", "d2", "Fateh Alliance", label="ORG", context=shared),
        rec("c", "d3", "Fateh Alliance", label="ORG", context=("PERSON:someone else",)),
    ]
    out = resolve(records)
    assert same(out, "a", "b")
    assert same(out, "b", "c"), "one organisation's name is one organisation, whatever the context"
    lonely = resolve([rec("a", "d1", "Fatah Alliance", label="ORG"), rec("b", "d2", "Fateh Alliance", label="ORG")])
    assert not same(lonely, "a", "b"), "a near miss with nothing else in common stays apart"
    one = resolve([rec("a", "d1", "Fatah Alliance", label="ORG", context=shared[:1]),
                   rec("b", "d2", "Fateh Alliance", label="ORG", context=shared[:1])])
    assert not same(one, "a", "b"), "one shared neighbour is not enough for a near name"


def test_never_vetoes_and_merge_forces() -> None:
    records = [rec("a", "d1", "Ahmad al-Asadi"), rec("b", "d2", "Ahmad al-Asadi"), rec("c", "d3", "Nadia Farouk")]
    assert same(resolve(records), "a", "b")
    apart = resolve(records, Judgements(nevers=[(frozenset({"a"}), frozenset({"b"}))]))
    assert not same(apart, "a", "b")
    joined = resolve(records, Judgements(merges=[(frozenset({"a"}), frozenset({"c"}))]))
    assert same(joined, "a", "c")


def test_never_holds_against_a_chain_of_joins() -> None:
    ctx = ("ORG:pmu",)
    records = [rec("a", "d1", "Ahmad al-Asadi", context=ctx), rec("b", "d2", "Ahmad al-Asadi", context=ctx),
               rec("c", "d3", "Ahmad al-Asadi", context=ctx)]
    out = resolve(records, Judgements(nevers=[(frozenset({"a"}), frozenset({"c"}))]))
    assert not same(out, "a", "c")


def test_reference_entries_are_never_merged_with_each_other() -> None:
    records = [
        rec("ref:1", "ref:1", "Ahmad al-Asadi", reference=True),
        rec("ref:2", "ref:2", "Ahmad al-Asadi", reference=True),
        rec("m", "d1", "Ahmad al-Asadi", context=("ORG:pmu",)),
        rec("x", "d2", "Hadi al-Amiri", context=("ORG:pmu",)),
    ]
    out = resolve(records)
    assert not same(out, "ref:1", "ref:2")
    assert same(out, "m", "ref:1") or same(out, "m", "ref:2")


def test_labels_are_never_mixed() -> None:
    out = resolve([rec("p", "d1", "Jordan Hill"), rec("o", "d2", "Jordan Hill", label="ORG")])
    assert not same(out, "p", "o")


@given(st.lists(st.text(min_size=0, max_size=30), min_size=0, max_size=25))
@settings(max_examples=60, deadline=None)
def test_any_names_resolve_without_error(names: list[str]) -> None:
    records = [rec(f"r{i}", f"d{i % 4}", n, label=random.choice(["PERSON", "ORG"])) for i, n in enumerate(names)]
    out = resolve(records)
    assert set(out) == {r.id for r in records}
    assert all(out[v] == v for v in out.values()), "every cluster is named by one of its members"


@given(st.sampled_from(["Hadi al-Amiri", "Gholamhossein Gheybparvar", "Muqtada al-Sadr", "Fatah Alliance"]),
       st.sampled_from([("al-", "Al "), ("i", "e"), ("ou", "u"), ("-", " "), ("q", "k"), ("", "")]))
def test_a_transliteration_variant_shares_a_blocking_key(name: str, change: tuple[str, str]) -> None:
    variant = name.replace(*change, 1) if change[0] else name
    kind = "org" if "Alliance" in name else "person"
    assert set(blocking_keys(name, kind)) & set(blocking_keys(variant, kind))


def _generated(n: int, seed: int = 3) -> tuple[list[Record], Judgements]:
    """Records as bench/resolve.py generates them (noisy spellings of common names, organisations,
    shared context), with what the generator lacks: people named by one word, reference entries,
    records with no context and analysts' judgements."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "resolve.py"
    spec = importlib.util.spec_from_file_location("bench_resolve", path)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    records, _truth = bench.generate(n, seed)
    rng = random.Random(seed)
    out: list[Record] = []
    for r in records:
        roll = rng.random()
        if r.label == "PERSON" and roll < 0.05:
            out.append(Record(r.id, r.document, r.label, (r.names[0].split()[-1].removeprefix("al-"),), r.context))
        elif roll < 0.08:
            out.append(Record(r.id, r.document, r.label, r.names))  # no context
        else:
            out.append(r)
    out += [Record(f"ref{k}", f"ref{k}", r.label, r.names, reference=True) for k, r in enumerate(records[:40])]
    ids = [r.id for r in out]
    judgements = Judgements(
        merges=[(frozenset({rng.choice(ids)}), frozenset({rng.choice(ids)})) for _ in range(20)],
        nevers=[(frozenset({rng.choice(ids)}), frozenset({rng.choice(ids)})) for _ in range(60)],
    )
    return out, judgements


def test_skipping_pairs_already_joined_changes_no_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    # (score_tokens and SKIP_JOINED_PAIRS are read by blocking, which scores the name pairs)
    from interlock.resolve import blocking

    records, judgements = _generated(12_000)
    scored: list[str | None] = []
    real_score = blocking.score_tokens

    def counting(a: tuple[Token, ...], b: tuple[Token, ...], kind: str | None = None) -> float:
        scored.append(kind)
        return real_score(a, b, kind)

    monkeypatch.setattr(blocking, "score_tokens", counting)
    monkeypatch.setattr(blocking, "SKIP_JOINED_PAIRS", False)
    every_pair = resolve(records, judgements)
    people_every = scored.count("person")
    scored.clear()
    monkeypatch.setattr(blocking, "SKIP_JOINED_PAIRS", True)
    skipping = resolve(records, judgements)
    assert skipping == every_pair
    assert len(set(skipping.values())) < len(records) * 0.5, "the generated names were not resolved"
    assert scored.count("person") < people_every * 0.8, "no pair was skipped: the test compares nothing"


def _document_frequency(recs: list[Record], members: list[int],
                        canon: dict[str, str] | None = None) -> tuple[dict[str, int], int]:
    """In how many documents each context feature of ``members`` is found, and how many documents
    they come from, counted by ``_Frequencies`` as step 1 counts them; with ``canon`` (grouping key
    -> actor), contexts are first rewritten in ``recs`` to name resolved actors by their actor."""
    from interlock.resolve.records import _Frequencies

    counting = _Frequencies(canon)
    for i in members:
        recs[i] = counting.add(recs[i])
    return counting.counts()


def test_document_frequency_counts_each_feature_once_per_document() -> None:
    records, _ = _generated(3_000)
    members = [i for i, r in enumerate(records) if r.label == "PERSON"]
    documents: dict[str, set[str]] = {}
    for i in members:
        for f in records[i].context:
            documents.setdefault(f, set()).add(records[i].document)
    df, count = _document_frequency(list(records), members)
    assert df == {f: len(d) for f, d in documents.items()}
    assert count == len({records[i].document for i in members})
    # with resolved actors, contexts are rewritten in place first, and counted rewritten
    canon = {f: "actor:" + f.split(":")[1].split()[-1] for f in documents if f.startswith("ORG:")}
    rewritten = list(records)
    df, _ = _document_frequency(rewritten, members, canon)
    expected: dict[str, set[str]] = {}
    for i in members:
        assert rewritten[i].context == frozenset(canon.get(f, f) for f in records[i].context)
        for f in rewritten[i].context:
            expected.setdefault(f, set()).add(records[i].document)
    assert df == {f: len(d) for f, d in expected.items()}
    assert any(rewritten[i] is not records[i] for i in members) and any(rewritten[i] is records[i] for i in members)
