"""Within-document coreference (``interlock.extract.coref``) on its own, on sentences of our own.

The entity drafts are placed by hand on a spaCy parse and ``coref.cluster`` is
run on them alone, so that a change in entity finding cannot pass for a change
in clustering: name helpers, short names and acronyms joining their full form,
ambiguous short names kept apart, appositions, definite reprises of a role,
pronouns by gender and salience, and a "person" only ever found after "in".
All names are invented.
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract import coref
from interlock.extract.pipeline import load_nlp
from interlock.extract.state import DocState, EntityDraft, get_state


def _parse(text: str) -> tuple[Doc, DocState]:
    doc = load_nlp()(text)
    return doc, get_state(doc)


def _add(state: DocState, phrase: str, label: str, kind: str = "name", nth: int = 0) -> EntityDraft:
    """An entity draft on the ``nth`` occurrence of ``phrase``."""
    at = -1
    for _ in range(nth + 1):
        at = state.text.index(phrase, at + 1)
    return state.new_entity(label, at, at + len(phrase), phrase, kind)


def _cluster_texts(state: DocState) -> list[list[str]]:
    """Each live entity's mention texts, in text order."""
    return [[m.text for m in e.mentions] for e in sorted(state.live_entities(), key=lambda e: e.first_start)]


# --- name helpers ---------------------------------------------------------------------


def test_name_words_drop_particles_and_case() -> None:
    assert coref.name_words("Karim al-Dawsari") == ["karim", "dawsari"]
    assert coref.name_words("Abu Karim bin Dawsar") == ["karim", "dawsar"]


def test_folded_words_fold_accents_and_split_hyphens() -> None:
    assert coref.folded_words("Émile Varga-Lund") == ("emile", "varga", "lund")


def test_name_keys_fold_transliteration_variants() -> None:
    assert coref.name_keys("Karim al-Dawsari") == coref.name_keys("Kareem Dawsari")
    assert coref.name_keys("Karim al-Dawsari") != coref.name_keys("Karim al-Dawsani")


def test_initials_match_needs_every_initial_in_order() -> None:
    assert coref.initials_match("HL", "the Harbour League")
    assert coref.initials_match("CRP", "Coastal Renewal Party")
    assert not coref.initials_match("HL", "Harbour Front")
    assert not coref.initials_match("RCP", "Coastal Renewal Party")


# --- clustering --------------------------------------------------------------------------


def test_surname_joins_full_name_and_the_full_name_is_kept() -> None:
    doc, state = _parse("Tobias Renwick resigned on Monday. Renwick said he would teach again.")
    full = _add(state, "Tobias Renwick", "PERSON")
    _add(state, "Renwick", "PERSON", "short", nth=1)
    coref.cluster(doc, state)
    assert [e.name for e in state.live_entities()] == ["Tobias Renwick"]
    assert [m.text for m in full.resolved().mentions] == ["Tobias Renwick", "Renwick", "he"]


def test_acronym_joins_the_organisation_it_abbreviates() -> None:
    doc, state = _parse("The Coastal Renewal Party (CRP) chose a leader. The CRP said its members voted.")
    _add(state, "Coastal Renewal Party", "ORG")
    _add(state, "CRP", "ORG", "acronym")
    _add(state, "CRP", "ORG", "acronym", nth=1)
    coref.cluster(doc, state)
    assert _cluster_texts(state) == [["Coastal Renewal Party", "CRP", "CRP"]]


def test_acronym_of_other_initials_stays_apart() -> None:
    doc, state = _parse("The Coastal Renewal Party met the Harbour League. The HL said nothing.")
    _add(state, "Coastal Renewal Party", "ORG")
    _add(state, "Harbour League", "ORG")
    _add(state, "HL", "ORG", "acronym")
    coref.cluster(doc, state)
    assert _cluster_texts(state) == [["Coastal Renewal Party"], ["Harbour League", "HL"]]


def test_a_surname_two_people_share_joins_neither() -> None:
    doc, state = _parse("Lena Fosse and her brother Arno Fosse run the Harbour League. Fosse declined to comment.")
    _add(state, "Lena Fosse", "PERSON")
    _add(state, "Arno Fosse", "PERSON")
    _add(state, "Fosse", "PERSON", "short", nth=2)
    coref.cluster(doc, state)
    names = sorted(e.name for e in state.live_entities())
    assert names == ["Arno Fosse", "Fosse", "Lena Fosse"]


def test_apposition_role_joins_the_named_person() -> None:
    doc, state = _parse("Marten Osgrove, the governor of Velland, opened the new harbour on Friday.")
    _add(state, "Marten Osgrove", "PERSON")
    nominal = _add(state, "the governor of Velland", "PERSON", "nominal")
    nominal.anonymous = True
    _add(state, "Velland", "GPE")
    coref.cluster(doc, state)
    osgrove = nominal.resolved()
    assert osgrove.name == "Marten Osgrove"
    assert osgrove.anonymous is False
    assert [m.kind for m in osgrove.mentions] == ["name", "nominal"]
    assert _cluster_texts(state)[1] == ["Velland"]


def test_definite_reprise_of_a_role_joins_its_first_mention() -> None:
    doc, state = _parse("A senior aide to the minister said the plan was dead. The aide declined to say more.")
    first = _add(state, "A senior aide to the minister", "PERSON", "nominal")
    first.descriptors.append("senior aide to the minister")
    _add(state, "The aide", "PERSON", "nominal")
    coref.cluster(doc, state)
    assert _cluster_texts(state) == [["A senior aide to the minister", "The aide"]]


def test_pronouns_follow_gender_once_a_pronoun_sets_it() -> None:
    text = "Marten Osgrove met Ilse Karvane in Dorrin on Tuesday. He said the talks were useful. She did not comment."
    doc, state = _parse(text)
    osgrove = _add(state, "Marten Osgrove", "PERSON")
    karvane = _add(state, "Ilse Karvane", "PERSON")
    coref.cluster(doc, state)
    assert [m.text for m in osgrove.mentions] == ["Marten Osgrove", "He"]
    assert [m.text for m in karvane.mentions] == ["Ilse Karvane", "She"]


def test_title_gives_gender_before_any_pronoun() -> None:
    doc, state = _parse("Ms Wenna Sallow thanked Mr Joran Fleck. She praised his patience.")
    sallow = _add(state, "Ms Wenna Sallow", "PERSON")
    fleck = _add(state, "Mr Joran Fleck", "PERSON")
    coref.cluster(doc, state)
    assert [m.text for m in sallow.mentions] == ["Ms Wenna Sallow", "She"]
    assert [m.text for m in fleck.mentions] == ["Mr Joran Fleck", "his"]


def test_pronoun_without_a_person_is_left_alone() -> None:
    doc, state = _parse("The Harbour League met on Monday. He was not there.")
    league = _add(state, "Harbour League", "ORG")
    coref.cluster(doc, state)
    assert [m.text for m in league.mentions] == ["Harbour League"]
    assert len(state.live_entities()) == 1


def test_a_person_only_ever_after_in_is_a_place() -> None:
    doc, state = _parse("The council met in Dorrin on Tuesday, and again in Dorrin on Friday.")
    first = _add(state, "Dorrin", "PERSON")
    _add(state, "Dorrin", "PERSON", nth=1)
    coref.cluster(doc, state)
    assert first.resolved().label == "GPE"
    assert _cluster_texts(state) == [["Dorrin", "Dorrin"]]
