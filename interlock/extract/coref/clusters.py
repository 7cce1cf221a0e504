"""Clusters: the order of the coreference rules; names merged by equal and longer forms.

Reads the entity drafts in ``state`` (one per mention) and the parse (``token.dep``,
``token.head``, ``token.pos``, ``token.tag``). ``cluster`` merges equal names, then short
names and acronyms into the longer name they abbreviate, then stated aliases,
appositions, predicatives, definite role nominals and pronouns (``nominals``,
``pronouns``); then it sorts each cluster's mentions, chooses its display name, and
relabels as a place a "person" only ever named "in X".
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract.aliases import merge_stated_aliases
from interlock.extract.coref.names import (
    _span_of,
    folded_words,
    initials_match,
    name_keys,
    name_words,
)
from interlock.extract.coref.nominals import (
    _merge_appositions,
    _merge_definite_nominals,
    _merge_predicatives,
)
from interlock.extract.coref.pronouns import _resolve_pronouns
from interlock.extract.lexicon import GENERIC_ORG_WORDS, PLACE_ALIASES
from interlock.extract.state import DocState, EntityDraft, text_of
from interlock.vocab.words import word_set


def cluster(doc: Doc, state: DocState) -> None:
    """Merge the entity drafts of one document into clusters."""
    _merge_names(doc, state)
    merge_stated_aliases(state.text or text_of(doc), state)
    _merge_appositions(doc, state)
    _merge_predicatives(doc, state)
    _merge_definite_nominals(doc, state)
    _resolve_pronouns(doc, state)
    _merge_predicatives(doc, state)  # again, for "He is believed to be a member of X"
    for ent in state.live_entities():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
        _choose_name(ent)
        if ent.label == "PERSON" and _only_ever_a_place(doc, ent):
            ent.label = "GPE"


_LOCATIVE = word_set("coref", "locative_preps")


def _only_ever_a_place(doc: Doc, ent: EntityDraft) -> bool:
    """A "person" never described, never a pronoun's antecedent, only ever "in X"."""
    if any(m.kind in ("nominal", "pronoun") for m in ent.mentions) or ent.descriptors:
        return False
    for m in ent.mentions:
        span = _span_of(doc, m)
        if span is None:
            return False
        root = span.root
        if not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
            return False
    return True


def _key(ent: EntityDraft) -> str:
    text = ent.mentions[0].text
    if ent.label in ("GPE", "LOC"):
        text = PLACE_ALIASES.get(text.lower(), text)
    if ent.label == "PERSON":
        return " ".join(name_keys(text))
    return " ".join(name_words(text))


def _merge_names(doc: Doc, state: DocState) -> None:
    """Equal names, then short names and acronyms, in text order."""
    named = sorted(
        (e for e in state.live_entities() if e.mentions and e.mentions[0].kind != "nominal"),
        key=lambda e: e.first_start,
    )
    by_key: dict[tuple[str, str], EntityDraft] = {}
    for ent in named:
        group = "PERSON" if ent.label == "PERSON" else ("PLACE" if ent.label in ("GPE", "LOC") else ent.label)
        k = (group, _key(ent))
        if k in by_key:
            state.merge(by_key[k], ent)
        else:
            by_key[k] = ent
    live = [e for e in named if e.merged_into is None]
    full = sorted(live, key=lambda e: -len(name_words(e.mentions[0].text)))
    for ent in sorted(live, key=lambda e: e.first_start):
        if ent.merged_into is not None:
            continue
        target = _longer_form(ent, full)
        if target is not None and target.label in ("PERSON", "ORG") and ent.label in ("NORP", "ORG") \
                and _group_word(doc, ent):
            target = None  # "the Houthi group" is neither Abdul-Malik al-Houthi nor the Houthi Supreme Council
        if target is not None:
            keep = state.merge(target, ent)
            if ent.label == "PERSON" or target.label == "PERSON":
                keep.label = "PERSON"


def _group_word(doc: Doc, ent: EntityDraft) -> bool:
    """A people's name used as one: every mention qualifies a noun ("the Houthi group", "Houthi-run") or is plural."""
    for m in ent.mentions:
        span = _span_of(doc, m)
        if span is None:
            return False
        root = span.root
        # (the token after, not doc.text: Doc.text rebuilds the whole string on each access)
        hyphened = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
        qualifies = root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i and root.head.pos_ == "NOUN"
        if not (hyphened or qualifies or root.tag_ in ("NNPS", "NNS")):
            return False
    return True


def _longer_form(ent: EntityDraft, candidates: list[EntityDraft]) -> EntityDraft | None:
    """The entity whose name this shorter mention abbreviates, when it is unambiguous."""
    text = ent.mentions[0].text
    words = list(folded_words(text))  # folded first: "Sa'adi" is one word
    found: list[EntityDraft] = []
    for other in candidates:
        if other is ent or other.merged_into is not None:
            continue
        other_text = other.mentions[0].text
        other_words = list(folded_words(other_text))
        if len(other_words) <= len(words):
            continue
        if ent.mentions[0].kind == "acronym" or (text.isupper() and len(text) <= 7):
            if other.label in ("ORG", "EVENT", "FAC", "GPE") and initials_match(text, other_text):
                found.append(other)
            continue
        if other.label == "PERSON":
            # "Asadi" or "al-Asadi" for "Ahmad al-Asadi": the last name must agree
            keys, other_keys = name_keys(text), name_keys(other_text)
            if keys and other_keys and keys[-1] == other_keys[-1] and set(keys) <= set(other_keys):
                if ent.label in ("PERSON", "GPE", "ORG", "NORP", "LOC"):
                    found.append(other)
        elif other.label == ent.label and ent.label in ("ORG", "FAC", "EVENT"):
            if len(words) == 1 and words[0] not in GENERIC_ORG_WORDS and other_words[-1:] == words and text[:1].isupper():
                # "the Brigades" after "the Steadfastness Brigades": the head names it again
                found.append(other)
                continue
            if len(words) == 1 and words[0] in GENERIC_ORG_WORDS:
                continue
            if other_words[: len(words)] == words:
                found.append(other)
    distinct = {id(f.resolved()): f.resolved() for f in found}
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    return None


def _choose_name(ent: EntityDraft) -> None:
    """The cluster's display name: its longest proper name, else its first nominal."""
    names = [m for m in ent.mentions if m.kind in ("name", "short")]
    if names:
        ent.name = max(names, key=lambda m: (len(folded_words(m.text)), -m.start)).text
        ent.anonymous = False
        for m in ent.mentions:
            if m.kind == "name" and len(folded_words(m.text)) < len(folded_words(ent.name)):
                m.kind = "short"
        return
    acronyms = [m for m in ent.mentions if m.kind == "acronym"]
    if acronyms:
        ent.name = acronyms[0].text
        ent.anonymous = False
        return
    nominals = [m for m in ent.mentions if m.kind == "nominal"]
    if nominals:
        ent.name = nominals[0].text
