"""Successions: a post handed from one person to another, and a counterpart's post.

Reads verbs of replacing ("Z replaced Y as commander of X", "Y was replaced by Z"), "in his
place" and "in her stead", and "his Kelani counterpart Y", with the posts the role rules found
in the same sentence. Adds the post for the new holder and, as former, for the old one (whose
post found in the sentence becomes former); a counterpart holds the same post in the country
its nationality names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from interlock.extract import countries, roles
from interlock.extract.lexicon import DEMONYMS
from interlock.extract.relations import tenure
from interlock.extract.relations.context import Context
from interlock.extract.relations.role_holders import (
    REPLACE_VERBS,
    _name_right_after,
    _successor_tokens,
)
from interlock.extract.relations.role_objects import _object
from interlock.extract.state import EntityDraft, StatementDraft
from interlock.vocab.words import word_set


def _succession_sides(ctx: Context, verb: Token) -> tuple[EntityDraft | None, EntityDraft | None]:
    """(new holder, old holder) of "A replaced B", "B was replaced by A", "appointed A ...,
    replacing B", "A will succeed B"."""
    new_tok, old_tok = _successor_tokens(verb)
    if new_tok is None and verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
        head = verb.head
        # "appointed X ..., replacing Y", "tasked X with ..., succeeding Y": the person the
        # governing verb acts on, else its subject
        new_tok = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "oprd")
                        and ctx.holder(c) is not None), None)
        if new_tok is None:
            new_tok = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    new, old = ctx.holder(new_tok), ctx.holder(old_tok)
    if new is not None and new.label not in roles.PERSON_LABELS:
        new = None
    if old is not None and old.label not in roles.PERSON_LABELS:
        old = None
    return (new, old) if new is not old else (None, None)


def _in_sentence(st: StatementDraft, sent: Span) -> bool:
    return st.anchor is not None and sent.start_char <= st.anchor < sent.end_char


def _successions(ctx: Context, end: int) -> None:
    """A post handed from one person to another: the new holder takes it, the old one held it.

    "Z replaced Y as commander of X", "Y was replaced by Z as police chief", "Z was named
    director of X, replacing Y", "He replaces longtime chief Y": the post is the one the
    clause names ("as ..."), else the one either side holds in the sentence."""
    for verb in ctx.doc:
        if verb.idx >= end:
            break
        if verb.lemma_.lower() not in REPLACE_VERBS or verb.pos_ != "VERB":
            continue
        new, old = _succession_sides(ctx, verb)
        if new is None or old is None:
            continue
        sent = verb.sent
        role_tok = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                         for p in c.children if p.dep_ == "pobj"), None)
        posts = [st for st in ctx.statements if _in_sentence(st, sent) and st.predicate in tenure.POST_PREDICATES]
        if role_tok is not None:
            posts = [st for st in posts if st.anchor == role_tok.idx]
        else:
            # the new holder's post in the sentence, else the old one's; a post with no
            # organisation is too little to hand over
            posts = [st for st in posts if st.object is not None]
            mine = [st for st in posts if st.subject.resolved() is new]
            posts = mine or [st for st in posts if st.subject.resolved() is old]
        status = roles.clause_status(verb)
        if status != "current" or any(c.dep_ == "aux" and c.lower_ in roles.OPEN_MODALS for c in verb.children):
            continue  # "X may replace Y", "X will succeed Y": Y still holds the post
        if role_tok is not None and not posts and roles.role_head_word(role_tok) is not None:
            # "Y was replaced by Z as police commissioner": the role rule found no holder
            role = roles.role_text(role_tok)
            obj = _object(ctx, role_tok, "holds_position", None)
            ctx.add(new, "holds_position", obj, verb, role, status, verb)
            ctx.add(old, "holds_position", obj, verb, role, "former")
            continue
        for st in list(posts):
            holder = st.subject.resolved()
            if holder is old:
                st.status = "former"  # "replaces longtime chief Y": Y's title was his
                other, other_status = new, status
            else:
                other, other_status = old, "former"
            if holder not in (new, old):
                continue
            made = ctx.add(other, st.predicate, st.object, verb, st.role, other_status,
                           verb if other is new else None)
            if made is not None and other is old:
                made.status = "former"

def _counterparts(ctx: Context, end: int) -> None:
    """"President X of Varesh and his Kelani counterpart Y": Y holds X's post, in the country
    the counterpart's nationality names. X is the person the possessive stands for: the one
    named last before it in the sentence with a post there."""
    if "counterpart" not in ctx.state.text[:end].lower():
        return
    for noun in ctx.doc:
        if noun.idx >= end:
            break
        if noun.lemma_.lower() != "counterpart" or noun.pos_ != "NOUN" or noun.tag_ != "NN":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
            continue
        head = _name_right_after(ctx, noun) or next(
            (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        other = ctx.entity(head, roles.PERSON_LABELS, named_only=True) if head is not None else None
        demonym = next((c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.lower_ in DEMONYMS), None)
        if other is None or demonym is None or DEMONYMS[demonym.lower_] not in countries.COUNTRY_SET:
            continue
        sent = noun.sent
        posts = [st for st in ctx.statements if _in_sentence(st, sent) and st.anchor is not None
                 and st.anchor < noun.idx and st.predicate in ("leader_of", "holds_position") and st.role
                 and st.object is not None and st.object.resolved().label == "GPE"
                 and st.subject.resolved() is not other]
        if not posts:
            continue
        last = max(posts, key=lambda st: st.anchor or 0)
        country = countries.country_entity(ctx.state, DEMONYMS[demonym.lower_])
        if country is None or last.object is None or country.resolved() is last.object.resolved():
            continue
        for st in posts:
            if st.subject.resolved() is last.subject.resolved() and st.role == last.role:
                ctx.add(other, st.predicate, country, noun, st.role, st.status, None)


#: verbs that put someone "in the place" of another: "appointed X in his place"
_PLACE_VERBS = word_set("relations", "place_verbs")


def _in_place(ctx: Context, end: int) -> None:
    """"ended Y's appointment as governor of Z, appointing X in his place": X takes the post
    Y held, which the sentence names; "X was named in her stead" likewise. The post handed
    over is the one in the same sentence whose holder is not X and whose term has ended."""
    low = ctx.state.text[:end].lower()
    if "his place" not in low and "her place" not in low and "stead" not in low:
        return
    for noun in ctx.doc:
        if noun.idx >= end:
            break
        if noun.lower_ not in ("place", "stead") or noun.dep_ != "pobj" or noun.head.lower_ != "in":
            continue
        if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
            continue
        verb = noun.head.head
        if verb.lemma_.lower() not in _PLACE_VERBS or verb.pos_ != "VERB":
            continue
        who = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        new = ctx.holder(who)
        if new is None or new.label not in roles.PERSON_LABELS:
            continue
        status = roles.clause_status(verb)
        if status != "current" or any(c.dep_ == "aux" and c.lower_ in roles.OPEN_MODALS for c in verb.children):
            continue
        sent = verb.sent
        ended = [st for st in ctx.statements if _in_sentence(st, sent) and st.predicate in tenure.POST_PREDICATES
                 and st.object is not None and st.status == "former" and st.subject.resolved() is not new
                 and st.anchor is not None and st.anchor < verb.idx]
        if not ended:
            continue
        last = max(ended, key=lambda st: st.anchor or 0)
        for st in [st for st in ended if st.subject.resolved() is last.subject.resolved() and st.role == last.role]:
            ctx.add(new, st.predicate, st.object, verb, st.role, status, verb)
