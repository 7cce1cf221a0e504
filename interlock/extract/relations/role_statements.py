"""Role statements: what one role noun licenses once its holder is found.

Reads a role noun (see ``interlock.extract.roles``), its holder (``role_holders``) and its
organisation or country (``role_objects``). Adds to ``ctx.statements`` the statement its role
word licenses (leader_of, holds_position, member_of, employed_by, candidate_in, ...) with the
role's text and status, for the holder and, as former, for whoever the holder replaced; for a
plural role noun, one for each person it lists or is shared by ("two members of X, A and B",
"A and B were appointed deputy rulers of X"). ``_mark`` records the rule that found each.

Precision comes first: a role whose holder is not found in the parse gives no statement,
and every subject and object is an entity with a mention.
"""

from __future__ import annotations

from spacy.tokens import Token

from interlock.extract import roles
from interlock.extract.relations.context import Context
from interlock.extract.relations.role_holders import _ROLE_OR_COPULA, _holder, _one_of, _subject
from interlock.extract.relations.role_objects import (
    _election,
    _object,
    _owner_of_body,
    _party_modifier,
    _place,
    _state_object,
)
from interlock.extract.state import EntityDraft, StatementDraft
from interlock.vocab.words import word_set

#: words before a title that make it an honour, not a role: "Knight Commander of the Order of X"
_HONOUR_WORDS = word_set("relations", "honour_words")
#: role words that lead a nation, whose nationality is their country: "the South Korean president"
_NATION_LEADERS = word_set("relations", "nation_leaders")


def _mark(drafts: list[StatementDraft], rule: str, basis: str | None = None) -> None:
    """Record which rule found these statements (and where their object came from)."""
    for d in drafts:
        d.rule = d.rule or rule
        if basis is not None:
            d.basis = basis


def _listed_people(ctx: Context, token: Token) -> list[EntityDraft]:
    """The named people a plural role noun lists: "two members of X, A and B", "A and B,
    both members of X", "seven candidates, including A, B and C"."""
    heads: list[Token] = []
    if token.dep_ == "appos":
        heads.append(token.head)
    for t in token.subtree:
        if t.dep_ == "appos" and t.i != token.i and t.pos_ == "PROPN":
            heads.append(t)  # the parser may hang the list on the "of" phrase's noun
        elif t.dep_ == "conj" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON":
            heads.append(t)  # or coordinate it with that noun ("of X's Command, A and B")
    near = [token]
    if token.dep_ == "dobj":
        # "approved seven candidates for the election, including A": the list may hang on the
        # verb's "for" phrase
        near += [p for prep in token.head.children if prep.dep_ == "prep" and prep.lower_ in ("for", "in")
                 for p in prep.children if p.dep_ == "pobj"]
    for node in near:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "among"):
                heads.extend(p for p in prep.children if p.dep_ == "pobj")
    people: list[EntityDraft] = []
    for head in heads:
        for node in [head, *head.conjuncts]:
            ent = ctx.entity(node, roles.PERSON_LABELS, named_only=True)
            if ent is not None and ent.label == "PERSON" and ent not in people:
                people.append(ent)
    return people


def _listed_members(ctx: Context, token: Token, word: str) -> None:
    """Membership and candidacy of each person a plural "members of X" or "candidates for
    the election" lists by name."""
    predicate = roles.ROLE_PREDICATES.get(word)
    if predicate not in ("member_of", "candidate_in"):
        return
    people = _listed_people(ctx, token)
    if not people:
        return
    if predicate == "candidate_in":
        group = _election(ctx, token) or (_election(ctx, token.head) if token.dep_ == "dobj" else None)
    else:
        group = _object(ctx, token, "member_of", None)
    if group is None:
        return
    status = roles.status_of_role(token)
    for person in people:
        ctx.add(person, predicate, group, token, status=status)


def _one_among(token: Token) -> bool:
    """An indefinite role "in" a group: "a leader in the party" is one of several."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in token.children)


def _role_statements(ctx: Context, token: Token, word: str) -> None:
    """The statements one role noun licenses, when its holder is found.

    The holder, the role's text, status and predicate come first; then its object (the
    organisation, or the country or national body of a post in the state), adjusted to
    the kind of role; then the statements, for the holder and for whoever the holder
    replaced."""
    if token.tag_ in ("NNS", "NNPS") and not _one_of(token):
        _shared_role(ctx, token, word)  # "members of X" names a group, not a holder; but
        before = len(ctx.statements)  # "A and B were appointed deputy rulers of X" gives each the post
        _listed_members(ctx, token, word)
        _mark(ctx.statements[before:], "role:listed")
        return
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "FAC", "LAW", "PRODUCT", "GPE"):
        return  # "Premier League", "Best Director", "Knight Commander of the Order"
    found = _role_holder(ctx, token)
    if found is None:
        return
    holder, verb, name_head, nominal = found
    role = roles.role_text(token)
    status = roles.status_of_role(token)
    if status == "current" and verb is not None:
        status = roles.clause_status(verb)
    predicate = _role_predicate(word, role)
    if predicate == "candidate_in":
        _candidacy(ctx, token, holder, status, verb)
        return
    obj = _object(ctx, token, predicate, name_head)
    if obj is None and predicate == "leader_of" and _one_among(token) and _leader_among(
            ctx, token, holder, role, status, verb, name_head):
        return
    before = len(ctx.statements)
    if predicate == "member_of" and obj is None:
        if role.startswith("member of "):
            ctx.add(holder, "holds_position", _place(ctx, token), token, role, status, verb)
        return
    prev = token.nbor(-1).lower_ if token.i > 0 else ""
    if prev in _HONOUR_WORDS or (
        obj is not None and obj.name.lower().removeprefix("the ").startswith("order ")
    ):
        return  # "Knight Commander of the Order of X" is an honour, not a role
    predicate, role, obj = _kind_of_tie(word, role, predicate, obj)
    obj, predicate, basis = _state_object(ctx, token, role, predicate, obj, nominal)
    if obj is not None and obj.label == "ORG" and predicate != "member_of":
        obj, role = _owner_of_body(ctx, obj, role)  # a member of the bureau is tied to it
    if obj is None:
        if nominal or predicate in ("founded", "member_of"):
            return
        predicate = "holds_position"
    if ctx.ended:
        status = "former"
    _add_role(ctx, token, holder, predicate, obj, role, status, verb)
    _mark(ctx.statements[before:], f"role:{ctx.how}", basis)


def _role_holder(ctx: Context, token: Token) -> tuple[EntityDraft, Token | None, Token | None, bool] | None:
    """(holder, governing verb, name head of a title, whether the holder is unnamed) of a role
    noun: the holder ``_holder`` finds, else an unnamed person known by this role ("the
    Iranian ambassador to Iraq"); None when there is neither. Resets the notes the holder
    patterns leave in ``ctx`` (how, whom the holder replaced, whether the post ended)."""
    ctx.how = "nominal"
    ctx.replaced = None
    ctx.ended = False
    holder, verb, name_head = _holder(ctx, token)
    if holder is not None:
        return holder, verb, name_head, False
    ent = ctx.entity(token, roles.PERSON_LABELS)
    if ent is None or ctx.mention_kind(token, ent) != "nominal":
        return None
    return ent, verb, name_head, True


def _role_predicate(word: str, role: str) -> str:
    """The predicate a role licenses: its head word's, "leader_of" for the leading roles
    ("prime minister"), but never for a deputy ("deputy leader" holds a position)."""
    predicate = roles.ROLE_PREDICATES.get(word, "holds_position")
    if role in roles.LEADER_ROLES:
        predicate = "leader_of"
    if predicate == "leader_of" and set(role.split()) & roles.SECOND_WORDS:
        predicate = "holds_position"  # a deputy leader does not lead
    return predicate


def _candidacy(ctx: Context, token: Token, holder: EntityDraft, status: str, verb: Token | None) -> None:
    """A candidate's statements: candidate in the election, and member of the party that
    fields them ("the Republican candidate", "the MMD candidate")."""
    ctx.add(holder, "candidate_in", _election(ctx, token), token, status=status, verb=verb)
    party = _party_modifier(ctx, token)
    if party is not None:
        ctx.add(holder, "member_of", party, token, status=status, verb=verb)


def _leader_among(ctx: Context, token: Token, holder: EntityDraft, role: str, status: str,
                  verb: Token | None, name_head: Token | None) -> bool:
    """"X, a leader in the Y party", "a commander in the Z": one of its leaders, so a member
    holding a post in it. True when the group is found and the statements are made."""
    group = _object(ctx, token, "member_of", name_head)
    if group is None or group.label not in ("ORG", "NORP"):
        return False
    ctx.add(holder, "member_of", group, token, status=status, verb=verb)
    ctx.add(holder, "holds_position", group, token, role, status, verb)
    _mark(ctx.statements[-2:], f"role:{ctx.how}")
    return True


def _kind_of_tie(word: str, role: str, predicate: str, obj: EntityDraft | None,
                 ) -> tuple[str, str, EntityDraft | None]:
    """(predicate, role, object) adjusted to what the role and its organisation are: a
    faculty member is employed, a nationality is no organisation to lead or work for, a band
    member is a member, a politician of a party is its member, a seat in a legislature is a
    position, and only an organisation employs."""
    if word == "member" and role.split()[0] in ("faculty", "staff"):
        predicate = "employed_by"  # "a faculty member of X" works there
    if obj is not None and obj.label == "NORP" and predicate in ("leader_of", "employed_by"):
        # "South Korean Presbyterian leader": a nationality is no organisation to lead
        keep = role in roles.LEADER_ROLES or word in _NATION_LEADERS
        if not keep and not (word == "leader" and roles.is_party(obj.name)):
            obj = None  # but "Conservative leader X" leads the party
    if word in roles.GROUP_MEMBER_ROLES:
        # "Fall Out Boy bassist X" is a band member; "British singer X" is nothing
        predicate = "member_of" if obj is not None and obj.label == "ORG" else "holds_position"
        obj = obj if predicate == "member_of" else None
    if obj is not None and obj.label in ("ORG", "NORP") and word in roles.POLITICIAN_ROLES:
        if roles.is_party(obj.name) and predicate != "leader_of":
            predicate = "member_of"  # "a Labour Party politician", "a Republican member of"
    if predicate == "member_of" and obj is not None and roles.is_legislature(obj.name):
        predicate, role = "holds_position", "member"  # a seat in a legislature is a position
    if predicate == "employed_by" and obj is not None and obj.label not in ("ORG",):
        predicate = "holds_position"
    return predicate, role, obj


def _add_role(ctx: Context, token: Token, holder: EntityDraft, predicate: str, obj: EntityDraft | None,
              role: str, status: str, verb: Token | None) -> None:
    """The role's statement for its holder, and as former for whoever the holder replaced; a
    leader also holds the post ("commander of the Border Guard" is a position)."""
    for who, when in ((holder, status), (ctx.replaced, "former")):
        if who is None:
            continue
        ctx.add(who, predicate, obj, token, role, when, verb if who is holder else None)
        if predicate == "leader_of":
            ctx.add(who, "holds_position", obj, token, role, when, verb if who is holder else None)


def _shared_role(ctx: Context, token: Token, word: str) -> None:
    """ "A and B were appointed deputy rulers of X", "A and B are co-chairs": one post each."""
    verb = token.head
    if token.dep_ not in ("attr", "oprd") or verb.lemma_.lower() not in _ROLE_OR_COPULA:
        return
    subj = _subject(verb, passive_first=True)
    if subj is None:
        return
    people: list[EntityDraft] = []
    for node in [subj, *subj.conjuncts]:
        for cand in [node, *[c for c in node.children if c.dep_ == "appos"]]:
            ent = ctx.entity(cand, roles.PERSON_LABELS, named_only=True)
            if ent is not None and ent not in people:
                people.append(ent)
    if len(people) < 2:
        return
    predicate = roles.ROLE_PREDICATES.get(word, "holds_position")
    if predicate not in ("leader_of", "holds_position", "employed_by", "advisor_to", "spokesperson_for", "member_of"):
        return
    role = roles.role_text(token)
    if predicate == "leader_of" and set(role.split()) & roles.SECOND_WORDS:
        predicate = "holds_position"
    obj = _object(ctx, token, predicate, None)
    if obj is None:
        return
    status = roles.clause_status(verb)
    before = len(ctx.statements)
    for person in people:
        ctx.add(person, predicate, obj, token, role, status, verb)
    _mark(ctx.statements[before:], "role:shared")
