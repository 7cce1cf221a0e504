"""Relation statements of a document: the order in which the rules run, and what follows.

``find_statements`` walks the body's tokens once: the role statements of each role noun
(``role_statements``), the links (``links``) and the posts given or promised (``promises``);
then successions, posts taken "in his place" and counterparts (``successions``), the
organisation descriptors, and last the posts listed among nominees (planned), the ends of
tenures (``tenure``) and the attribution each statement sits in. It reads the Doc and
``doc._.interlock`` through ``Context`` and returns the statements, deduplicated, each marked
with the rule that found it (``LIST_RULES`` names the rules that find one post of a list).
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract import roles
from interlock.extract.relations import links, tenure
from interlock.extract.relations.context import Context, dedupe
from interlock.extract.relations.promises import promised_posts
from interlock.extract.relations.role_statements import _mark, _role_statements
from interlock.extract.relations.successions import _counterparts, _in_place, _successions
from interlock.extract.state import DocState, StatementDraft
from interlock.vocab.words import word_set


def find_statements(doc: Doc, state: DocState) -> list[StatementDraft]:
    """Every statement the rules find in the document, deduplicated."""
    ctx = Context(doc, state)
    end = state.body_end if state.body_end is not None else len(state.text or doc.text)
    for token in doc:
        if token.idx >= end:
            break
        word = roles.role_head_word(token)
        if word is not None:
            _role_statements(ctx, token, word)
        before = len(ctx.statements)
        links.link_statements(ctx, token)
        _mark(ctx.statements[before:], "link")
        before = len(ctx.statements)
        promised_posts(ctx, token)
        _mark(ctx.statements[before:], "promise")
    before = len(ctx.statements)
    _successions(ctx, end)
    _in_place(ctx, end)
    _mark(ctx.statements[before:], "succession")
    before = len(ctx.statements)
    _counterparts(ctx, end)
    _mark(ctx.statements[before:], "counterpart")
    links.add_descriptors(ctx)
    _mark(ctx.statements, "role")
    _nominee_lists(doc, ctx.statements)
    statements = dedupe(ctx.statements)
    tenure.end_tenures(doc, state, statements)
    _link_attributions(statements, state)
    return statements


#: nouns that make a list of people and posts a list of proposals ("the list of nominees includes")
NOMINEE_NOUNS = word_set("relations", "nominee_nouns")
#: rules that find a post as one item of a list of names and posts
LIST_RULES = frozenset(("role:appos", "role:appos+conj", "role:copula+conj", "role:as+conj", "role:listed"))


def _nominee_lists(doc: Doc, statements: list[StatementDraft]) -> None:
    """ "The list of nominees includes A, minister of X, and B, minister of Y"; "C will be
    appointed minister of Z, D minister of W": posts listed in a sentence of nominees, or beside
    a post the sentence plans, are planned too."""
    by_sentence: dict[int, list[StatementDraft]] = {}
    for st in statements:
        by_sentence.setdefault(st.evidence[0], []).append(st)
    for start, group in by_sentence.items():
        listed = [st for st in group if st.rule in LIST_RULES and st.status == "current"]
        if not listed:
            continue
        planned = any(st.status == "planned" and st.rule.startswith(("role:copula", "role:as")) for st in group)
        if not planned:
            span = doc.char_span(start, group[0].evidence[1], alignment_mode="expand")
            planned = span is not None and any(t.lemma_.lower() in NOMINEE_NOUNS for t in span)
        if planned:
            for st in listed:
                st.status = "planned"


def _link_attributions(statements: list[StatementDraft], state: DocState) -> None:
    """A statement inside a quotation's content is the source's claim."""
    for st in statements:
        if st.anchor is None or st.attribution is not None:
            continue
        for att in state.attributions:
            if att.content[0] <= st.anchor < att.content[1]:
                st.attribution = att
                break
