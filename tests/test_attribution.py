"""Tests of the attribution extractor on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interlock.errors import PipelineNotFound
from interlock.extract.attribution import find_attributions
from interlock.extract.attribution.classifier import load_model
from interlock.extract.attribution.quotes import quote_spans
from interlock.extract.state import AttributionDraft


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from interlock.extract.pipeline import load_nlp

    try:
        return load_nlp()
    except PipelineNotFound as exc:
        pytest.skip(f"spaCy pipeline not installed: {exc}")


def run(nlp, text: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    out = []
    for a in find_attributions(nlp(text)):
        assert isinstance(a, AttributionDraft)

        def t(s: tuple[int, int] | None) -> str | None:
            return None if s is None else text[s[0] : s[1]]

        out.append(
            {
                "cue": t(a.cue),
                "content": t(a.content),
                "source": t(a.source),
                "kind": a.kind,
                "addressee": t(a.addressee),
                "anonymous": a.anonymous,
                "draft": a,
            }
        )
    return out


def by_cue(found: list[dict[str, object]], cue: str) -> dict[str, object]:
    for f in found:
        if f["cue"] == cue:
            return f
    raise AssertionError(f"no attribution with cue {cue!r} in {found}")


def test_model_ships_with_package() -> None:
    model = load_model()
    assert model["weights"] and 0 < model["threshold"] < 1


def test_direct_quote_keeps_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "\u201cWe will not retreat from the river,\u201d the commander said on Monday.")
    a = by_cue(found, "said")
    assert a["kind"] == "direct"
    assert a["content"] == "\u201cWe will not retreat from the river,\u201d"
    assert a["source"] == "the commander"
    assert a["anonymous"] is False


def test_indirect_with_that(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "The mayor said that the bridge would reopen next spring.")
    a = by_cue(found, "said")
    assert a["kind"] == "indirect"
    assert a["content"] == "that the bridge would reopen next spring"
    assert a["source"] == "The mayor"


def test_according_to(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "According to officials familiar with the matter, the convoy left at dawn.")
    a = by_cue(found, "According to")
    assert a["source"] == "officials familiar with the matter"
    assert a["content"] == "the convoy left at dawn"
    assert a["anonymous"] is True


def test_sources_said_and_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    found = run(nlp, "The governor denied that he had met the envoy, sources said.")
    denial = by_cue(found, "denied")
    assert denial["source"] == "The governor"
    assert denial["content"] == "that he had met the envoy"
    said = by_cue(found, "said")
    assert said["source"] == "sources"
    assert said["anonymous"] is True
    assert said["content"] is not None and "denied" in str(said["content"])


def test_relay_to_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A source told Al Arabiya that the ceasefire talks had collapsed overnight."
    a = by_cue(run(nlp, text), "told")
    assert a["source"] == "A source"
    assert a["addressee"] == "Al Arabiya"
    assert a["anonymous"] is True
    assert str(a["content"]).startswith("that the ceasefire talks")


def test_later_source_with_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials met in the capital on Sunday. The source, who asked not to be named, "
        "said that the meeting lasted four hours."
    )
    a = by_cue(run(nlp, text), "said")
    assert str(a["source"]).startswith("The source")
    assert a["anonymous"] is True
    assert a["content"] == "that the meeting lasted four hours"


def test_named_source_is_not_anonymous(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Political analyst Karim Haddad said the coalition would collapse within weeks."
    a = by_cue(run(nlp, text), "said")
    assert a["source"] == "Political analyst Karim Haddad"
    assert a["anonymous"] is False


def test_mixed_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The senator said the plan was \u201ca gift to polluters\u201d and vowed to block it."
    a = by_cue(run(nlp, text), "said")
    assert a["kind"] == "mixed"
    assert "a gift to polluters" in str(a["content"])


def test_multi_sentence_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cThe budget is late. The schools are waiting. Nobody is listening,\u201d "
        "the teacher said."
    )
    a = by_cue(run(nlp, text), "said")
    assert a["content"] == text[: text.index("\u201d") + 1]
    assert a["kind"] == "direct"


def test_quote_across_paragraphs_does_not_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "\u201cWe began the work in spring and finished it in the autumn.\n\n"
        "\u201cThen the rains came,\u201d the farmer said."
    )
    found = run(nlp, text)
    a = by_cue(found, "said")
    assert "Then the rains came" in str(a["content"])


def test_odd_and_mixed_quote_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'He said "the vote is rigged and \u201cnobody\u201d cares. She replied that it was not.'
    found = run(nlp, text)
    for a in found:
        d = a["draft"]
        assert isinstance(d, AttributionDraft)
        assert 0 <= d.content[0] < d.content[1] <= len(text)
    assert any(a["cue"] == "said" for a in found)


def test_no_punctuation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "the minister said the army would withdraw before winter"
    a = by_cue(run(nlp, text), "said")
    assert a["source"] == "the minister"
    assert a["content"] == "the army would withdraw before winter"


def test_no_attribution_in_plain_fact(nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(nlp, "The river flooded the valley in March.") == []


def test_quote_spans_pairing() -> None:
    text = 'a \u201cone\u201d b "two" c \u201cthree" d \u201cunclosed\nnext'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["\u201cone\u201d", '"two"', '\u201cthree"', "\u201cunclosed"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            ["said", "told", "according", "to", "\u201c", "\u201d", '"', "he", "sources", ",", ".",
             "that", "the", "minister", "\n", "\n\n", "denied", "X", "'", ":", "claimed", "  "]
        )
        | st.text(max_size=8),
        max_size=40,
    )
)
@example(["said", "minister", "according"])
def test_random_text_never_crashes(nlp, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    for a in find_attributions(nlp(text)):
        for span in (a.cue, a.content, a.source, a.addressee):
            if span is not None:
                assert 0 <= span[0] < span[1] <= len(text)
        assert a.kind in ("direct", "indirect", "mixed")
        assert a.source_entity is None and a.via == [] and a.same_source_as is None


def test_verb_chain_is_one_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The analyst praised the deal. She went on to say that the border would reopen "
        "within a month."
    )
    found = run(nlp, text)
    a = by_cue(found, "went on to say")
    assert a["content"] == "that the border would reopen within a month"
    assert a["source"] == "She"
    assert not any(f["cue"] == "say" for f in found)


def test_went_on_to_say_with_adverbial_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Karimi went on to say that the ministry had ignored the warnings."
    found = run(nlp, text)
    cues = [f["cue"] for f in found]
    assert any(c is not None and str(c).startswith("went on") and str(c).endswith("say") for c in cues)
    assert len(found) == 1


def test_prior_bucket_reads_training_rates() -> None:
    from interlock.extract.attribution.classifier import prior_bucket, prior_features

    priors = {"say": [90, 100], "eat": [0, 50], "quip": [1, 1]}
    assert prior_bucket("say", priors) == "7"
    assert prior_bucket("eat", priors) == "0"
    assert prior_bucket("quip", priors).endswith("r")  # few examples: marked rare
    assert prior_bucket("zzz", priors) == "unseen"
    assert prior_bucket("say", None) == "none"
    assert prior_features("3", ["dep=ROOT"]) == ["prior=3", "prior|dep=ROOT=3"]


def test_model_ships_lemma_priors() -> None:
    priors = load_model().get("lemma_prior")
    assert isinstance(priors, dict) and priors["say"][0] > priors["say"][1] / 2


def test_statement_noun_joins_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In a statement, the harbour authority said the ferry would not sail until Friday."
    found = run(nlp, text)
    said = by_cue(found, "said")
    assert "ferry" in str(said["content"])
    # the noun of "in a statement" is part of the same telling, not a second attribution
    assert not any("statement" in str(f["cue"]) for f in found)


def test_quote_before_yields_to_the_verbs_object(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The rival camp printed the slogan \u201cstrong hands,\u201d comparing "
        "the governor unfavourably to her predecessor."
    )
    for f in run(nlp, text):
        if f["cue"] and "comparing" in str(f["cue"]):
            assert "strong hands" not in str(f["content"])


#: the kinds ``attribution.features.word`` puts in place of a word, and the ends of a text
_KINDS = frozenset({"<name>", "<num>", "<link>", "<start>", "<end>"})
#: features whose value holds a neighbouring or governing word: which "|" parts of the value it is
_WORD_VALUED = {"next": slice(0, None), "prev": slice(0, None), "subj_lemma": slice(0, None),
                "head_lemma": slice(0, 1), "kidlemma": slice(1, None), "lemma_subjlemma": slice(1, None),
                "lemma_kidlemma": slice(2, None)}


def test_model_holds_only_transferable_features() -> None:
    """The shipped model keeps no word that only one article taught: no handle, number,
    address or name, and no cue lemma outside the vocabulary of cue lemmas it ships."""
    import re

    from interlock.extract.attribution.features import LEMMA_FEATURES, transferable, wordlike

    model = load_model()
    vocab = set(model["lemma_prior"])
    for lemma in vocab:
        assert wordlike(lemma) and transferable(f"lemma={lemma}"), lemma
    for key in model["weights"]:
        assert transferable(key), key
        name, _, value = key.partition("=")
        if name.startswith("prior|"):
            name, value = name.removeprefix("prior|"), value.rpartition("=")[0]
        # small counts and buckets only ("colon_words=3"): no year, time, id or handle
        assert not re.search(r"\d\d|@|://|www\.|#\w", value), key
        parts = value.split("|")
        if name in LEMMA_FEATURES and name != "lower":
            assert parts[0] in vocab, key
        if name in _WORD_VALUED:
            w = "|".join(parts[_WORD_VALUED[name]])
            assert w in _KINDS or (w == w.lower() and "<" not in w and not re.search(r"\d", w)), key


def test_transferable_rejects_one_article_tokens() -> None:
    from interlock.extract.attribution.features import transferable

    assert transferable("lemma=say") and transferable("prior|next=<name>=3")
    assert transferable("lemma_kidlemma=tell|dobj|<name>")
    assert not transferable("next=@varelli_press")
    assert not transferable("prev=10:45")  # a timestamp
    assert not transferable("subj_lemma=https://example.org")
    assert not transferable("lemma=stop.</tweet")  # markup the tagger read as a verb
    assert not transferable("lemma_dep=54and|ROOT")


def test_words_of_one_article_become_their_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    from interlock.extract.attribution.features import word

    doc = nlp("Senator Varelli told @harbourwatch on 12 March 2031 that the levy failed.")
    kinds = {t.text: word(t) for t in doc}
    assert kinds["Varelli"] == "<name>"
    assert kinds["2031"] == "<num>"
    assert kinds["@harbourwatch"] in ("<link>", "<name>")
    assert kinds["levy"] == "levy" and kinds["March"] == "march"


def test_dash_speaker_after_a_no_break_space(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\u201cWe will rebuild every bridge before the rains come.\u201d \u2015\u00a0Marta Oyelaran\nMore letters follow."
    a = by_cue(run(nlp, text), "\u2015")
    assert a["source"] == "Marta Oyelaran"


def test_source_keeps_its_closing_parenthesis(nlp) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(nlp, "Sen. Dana Whitcombe (D-Ore.) said the levy would pass before winter."), "said")
    assert a["source"] == "Sen. Dana Whitcombe (D-Ore.)"


def test_speaker_inside_a_relative_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    a = by_cue(run(nlp, "The board froze the grants, which the mayor said were never spent on schools."), "said")
    assert a["source"] == "the mayor"


def test_maybe_candidates_holds_every_candidate(nlp) -> None:  # type: ignore[no-untyped-def]
    from interlock.extract.attribution.cues import is_candidate, maybe_candidates

    text = (
        "MAYOR OKONJO: We will finish the bridge.\n\u201cNot this year,\u201d \u2015 Ines Varga\n"
        "According to the ministry, the plan is sure to pass; its statement was clear.\u201d\u2014 A. Reader"
    )
    doc = nlp(text)
    kept = set(maybe_candidates(doc))
    assert {t.i for t in doc if is_candidate(t)} <= kept
    assert len(kept) < len(doc)
