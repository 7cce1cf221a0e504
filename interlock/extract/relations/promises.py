"""Posts given or promised: "X was promised a command in Y", "X would be given command of Y".

A post someone is given, offered or promised is a planned ``holds_position``:
the recipient is the passive subject, the indirect object or the object of
"to"; the post is the verb's object ("a command", "the post of spokesman");
the organisation is named after it ("in Y", "of Y"). Whether the promise holds
only on a condition ("if he wins a seat") is left to modality, which reads the
clause like any other.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract.relations.context import Context
from interlock.extract.state import EntityDraft, StatementDraft
from interlock.vocab.words import word_map, word_set

#: verbs by which someone is given a post
GIVING_VERBS = word_set("claims", "giving_verbs")
#: nouns that name a post, and the role each stands for (a noun without a role of its own: itself)
POST_NOUNS: dict[str, str] = word_map("claims", "post_nouns")
#: posts too vague to report without an organisation ("promised a job")
_VAGUE_POSTS = word_set("claims", "vague_posts")
#: prepositions that give the organisation of a post ("a command in Y")
_POST_PREPS = word_set("claims", "post_preps")
_ORGS = ("ORG", "NORP", "GPE")


def promised_posts(ctx: Context, verb: Token) -> None:
    """Add the planned post a giving verb hands to a person, if the clause names one."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in GIVING_VERBS:
        return
    post = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd", "npadvmod", "nsubjpass")
                 and c.lemma_.lower() in POST_NOUNS), None)
    if post is None:
        return
    recipient = None
    for c in verb.children:
        if c.dep_ in ("nsubjpass", "dative", "iobj") and c is not post:
            recipient = c
        elif c.dep_ == "prep" and c.lower_ == "to" and recipient is None:
            recipient = next((p for p in c.children if p.dep_ == "pobj"), None)
    if recipient is None:
        return
    person = ctx.entity(recipient, ("PERSON",))
    if person is None:
        return
    role = POST_NOUNS[post.lemma_.lower()]
    of = _post_of(ctx, post)
    if role in _VAGUE_POSTS and of is None:
        return  # "promised a job": too vague to say which
    sent = verb.sent
    ctx.statements.append(StatementDraft(
        subject=person, predicate="holds_position", object=of, evidence=(sent.start_char, sent.end_char),
        role=role, status="planned", anchor=verb.idx,
    ))


def _post_of(ctx: Context, post: Token) -> EntityDraft | None:
    """The organisation a post is in: "a command in Y", "command of the Y's sector"."""
    for prep in post.children:
        if prep.dep_ == "prep" and prep.lower_ in _POST_PREPS:
            for t in prep.subtree:
                found = ctx.entity(t, _ORGS)
                if found is not None and found.label == "ORG":
                    return found
            for t in prep.subtree:
                found = ctx.entity(t, _ORGS)
                if found is not None:
                    return found
    return None
