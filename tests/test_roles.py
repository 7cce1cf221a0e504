"""Role words: normalisation, status, condition and polarity, on sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.pipeline import load_nlp


def token(text: str, word: str) -> Token:
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == word)


def test_role_head_words() -> None:
    assert roles.role_head_word(token("The commander of the unit spoke.", "commander")) == "commander"
    assert roles.role_head_word(token("The spokesman said no.", "spokesman")) == "spokesman"
    assert roles.role_head_word(token("The weather was fine.", "weather")) is None


def test_role_text_keeps_role_modifiers_only() -> None:
    assert roles.role_text(token("Prime Minister Ana Gomez spoke.", "Minister")) == "prime minister"
    assert roles.role_text(token("Political analyst Ben Ode said so.", "analyst")) == "political analyst"
    # nationality and "former" are not part of the role's name
    assert roles.role_text(token("The former Iranian ambassador left.", "ambassador")) == "ambassador"
    assert roles.role_text(token("He was the party spokesman.", "spokesman")) == "party spokesperson"


def test_role_text_completes_bodies_without_a_name() -> None:
    tok = token("She is a member of parliament from Leeds.", "member")
    assert roles.role_text(tok) == "member of parliament"


def test_status_of_role() -> None:
    assert roles.status_of_role(token("The former mayor of Rome spoke.", "mayor")) == "former"
    assert roles.status_of_role(token("The ex-president of Peru spoke.", "president")) == "former"
    assert roles.status_of_role(token("The mayor of Rome spoke.", "mayor")) == "current"


def test_clause_status() -> None:
    verb = token("Omar served as a spokesman for the group, but cut his ties.", "served")
    assert roles.clause_status(verb) == "former"
    verb = token("Omar will serve as a spokesman for the group.", "serve")
    assert roles.clause_status(verb) == "planned"
    verb = token("Omar serves as a spokesman for the group.", "serves")
    assert roles.clause_status(verb) == "current"


def test_conditional() -> None:
    assert roles.is_conditional(token("They will appoint him as advisor, if he accepts.", "advisor"))
    assert not roles.is_conditional(token("They appointed him as advisor in May.", "advisor"))


def test_polarity_counts_negations() -> None:
    assert roles.polarity(token("Tom is not a member of the club.", "member")) == (True, False)
    assert roles.polarity(token("Tom is a member of the club.", "member")) == (False, False)
    # "no longer": the role has ended
    assert roles.polarity(token("Tom is no longer affiliated with the club.", "affiliated")) == (False, True)
    # a negation above cancels "no longer": the role goes on
    tok = token("This does not mean that Tom is no longer affiliated with the club.", "affiliated")
    assert roles.polarity(tok) == (False, False)


def test_party_and_legislature_words() -> None:
    assert roles.is_party("the Progress Party") and roles.is_party("Labour")
    assert not roles.is_party("Royal Society of Chemistry")
    assert roles.is_legislature("Washington State Senate") and not roles.is_legislature("BBC")


def test_every_role_predicate_is_in_the_vocabulary() -> None:
    from interlock.vocab import load_predicates

    assert set(roles.ROLE_PREDICATES.values()) <= set(load_predicates())


def test_condition_of_the_main_clause_does_not_reach_an_apposition() -> None:
    tok = token("Farid Nasser, the commander of the guard, will resign if the talks fail.", "commander")
    assert not roles.is_conditional(tok)
