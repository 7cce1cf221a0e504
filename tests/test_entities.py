"""Entities and within-document coreference, on sentences written for these tests."""

from __future__ import annotations

from interlock.extract.api import extract
from interlock.extract.coref import initials_match, name_words
from tests.helpers import check_document, entity


def test_name_words_drop_particles() -> None:
    assert name_words("Ahmad al-Asadi") == ["ahmad", "asadi"]
    assert name_words("Abu Mahdi al-Muhandis") == ["mahdi", "muhandis"]
    assert name_words("Osama bin Laden") == ["osama", "laden"]


def test_initials_match() -> None:
    assert initials_match("PMU", "Popular Mobilization Units")
    assert initials_match("PDB", "the Popular Defence Brigades")
    assert not initials_match("PMU", "Popular Front")
    assert not initials_match("P", "Popular")


def test_short_names_join_the_full_name() -> None:
    text = (
        "Hadi al-Nouri, a lawmaker from Basra, met voters on Sunday. "
        "Al-Nouri told them the vote mattered. Nouri later left the city."
    )
    doc = extract(text, published="2021-03-01")
    check_document(doc, text)
    full = entity(doc, "Hadi al-Nouri")
    assert entity(doc, "Nouri") is full
    assert entity(doc, "Al-Nouri") is full
    assert full.label == "PERSON"


def test_particle_names_are_people_not_places() -> None:
    text = "Karim al-Saadi said the talks would resume. Later, Saadi met reporters."
    doc = extract(text)
    assert entity(doc, "Karim al-Saadi").label == "PERSON"


def test_acronym_in_parentheses_and_alone() -> None:
    text = (
        "The Popular Defence Brigades (PDB) held a parade. "
        "A spokesman said the PDB would not disarm."
    )
    doc = extract(text)
    pdb = entity(doc, "Popular Defence Brigades")
    assert entity(doc, "PDB") is pdb
    assert {m.kind for m in pdb.mentions} >= {"name", "acronym"}


def test_unnamed_role_nominal_and_its_definite_reprise() -> None:
    text = (
        "The Turkish ambassador to Lebanon visited the port on Monday. "
        "The ambassador said the damage was severe."
    )
    doc = extract(text)
    amb = entity(doc, "The Turkish ambassador to Lebanon")
    assert entity(doc, "The ambassador") is amb
    assert amb.anonymous
    assert amb.descriptors[0] == "Turkish ambassador to Lebanon"


def test_apposition_both_ways() -> None:
    text = (
        "Samir Haddad, the governor of Nineveh, opened the bridge. "
        "The head of the electoral commission, Layla Karim, praised him."
    )
    doc = extract(text)
    haddad = entity(doc, "Samir Haddad")
    assert entity(doc, "the governor of Nineveh") is haddad
    karim = entity(doc, "Layla Karim")
    assert any("head of the electoral commission" in m.text for m in karim.mentions)
    assert haddad is not karim


def test_pronoun_chain_across_sentences() -> None:
    text = (
        "Nadia Farouk announced her candidacy on Tuesday. "
        "She said her party would win. Farouk thanked her supporters."
    )
    doc = extract(text)
    nadia = entity(doc, "Nadia Farouk")
    pronouns = [m.text for m in nadia.mentions if m.kind == "pronoun"]
    assert "She" in pronouns and pronouns.count("her") >= 2


def test_gender_keeps_pronouns_apart() -> None:
    text = "Mrs. Amal Yousef met Omar Khalil. He said she was right."
    doc = extract(text)
    omar = entity(doc, "Omar Khalil")
    amal = entity(doc, "Amal Yousef")
    assert "He" in [m.text for m in omar.mentions]
    assert "she" in [m.text for m in amal.mentions]


def test_outlet_line_is_the_outlet_not_body() -> None:
    text = "Officials met in Mosul.\n\nSource » valley-courier"
    doc = extract(text)
    assert doc.outlet == "valley-courier"
    outlet = doc.entity(doc.outlet_entity)
    assert outlet is not None and outlet.label == "ORG"


def test_metadata_outlet_wins_over_closing_line() -> None:
    doc = extract("Officials met in Mosul.\n\nSource » valley-courier", outlet="Northern Wire")
    assert doc.outlet == "Northern Wire"


def test_war_is_an_event_not_an_organisation() -> None:
    doc = extract("The militia fought in the Syrian Civil War for three years.")
    assert entity(doc, "Syrian Civil War").label == "EVENT"


def test_arabic_names_with_particles_stay_whole_and_people() -> None:
    text = (
        "Abu Mahdi al-Muhandis, the deputy head of the PMU, met Adil Abd al-Mahdi on Monday. "
        "Hadi Al Ameri told reporters that Mohammed bin Salman had called. "
        "Later, Abdul Aziz el-Hakim and Qais al-Khazali joined Ammar al-Hakim in Najaf. "
        "Muhandis said Abd al-Mahdi agreed, while al-Ameri stayed silent."
    )
    doc = extract(text)
    check_document(doc, text)
    for name in ("Abu Mahdi al-Muhandis", "Adil Abd al-Mahdi", "Hadi Al Ameri", "Mohammed bin Salman",
                 "Abdul Aziz el-Hakim", "Qais al-Khazali", "Ammar al-Hakim"):
        assert entity(doc, name).label == "PERSON", name
    assert entity(doc, "Muhandis") is entity(doc, "Abu Mahdi al-Muhandis")
    assert entity(doc, "Abd al-Mahdi") is entity(doc, "Adil Abd al-Mahdi")
    assert entity(doc, "al-Ameri") is entity(doc, "Hadi Al Ameri")
    # two al-Hakims: a bare "Hakim" would be ambiguous, and they stay apart
    assert entity(doc, "Abdul Aziz el-Hakim") is not entity(doc, "Ammar al-Hakim")
