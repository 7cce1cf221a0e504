"""Aliases an article states: "X, also known as Y", "X (Y)", "Y (X)".

News often gives an organisation's second name once, in a translation or a
transliteration ("the Popular Mobilization Units, known in Arabic as al-Hashd
al-Shaabi"), and then uses either. The second name becomes a mention of kind
``alias`` of the same entity, so that cross-document resolution can bridge
articles that only ever use one of the two, with this sentence as evidence.
"""

from __future__ import annotations

import re

from interlock.extract.lexicon import GIVEN_NAMES, ORG_HEADS
from interlock.extract.state import DocState, EntityDraft

# the cue between a name and its alias; "or" is left out: too often a real list
_CUE = re.compile(
    r"(?:,\s*|\s+)(?:(?:also|better|widely|commonly|locally|formally|officially)\s+)?"
    r"(?:known|referred\s+to)\s+(?:(?:locally|in\s+[A-Z][a-z]+)\s+)?as\s+"
    r"|(?:,\s*|\s+)(?:also\s+)?called\s+"
    r"|(?:,\s*|\s+)(?:a\.k\.a\.?|aka)\s+"
)
_PARTICLE = r"(?:al|el|as|ash|ad|ar|az|bin|ibn|bint|abu|abd|of|the|for|and|de|du|la|le|e)"
_CAP = r"[A-Z][\w'’ʿʾ]*(?:-[\w'’ʿʾ]+)*"
# a name: capitalised words, with the particles and short function words names carry
_NAME = re.compile(
    rf"(?:the\s+)?((?:(?:[Aa]l|[Ee]l)-)?{_CAP}(?:\s+(?:(?:{_PARTICLE})[-\s]+)*(?:(?:[Aa]l|[Ee]l)-)?{_CAP})*)"
)
_NAMED = ("ORG", "NORP", "FAC", "PERSON", "GPE", "EVENT")
# labels whose aliases may stand in parentheses; a person's parentheses hold a party or a place
_PAREN_LABELS = ("ORG", "NORP", "FAC", "EVENT")


def _compatible(a: EntityDraft, b: EntityDraft) -> bool:
    if a.label == b.label:
        return True
    organisations = {"ORG", "NORP", "FAC"}
    return a.label in organisations and b.label in organisations


def _bare(ent: EntityDraft) -> bool:
    """A "person" known only by a name that is no person's: the recogniser's guess, nothing more.

    spaCy often takes an Arabic organisation name ("al-Hashd al-Sha'abi") for a person;
    a name that starts with a given name ("John Smith (Labour)") is a person indeed.
    """
    if ent.label != "PERSON" or ent.descriptors or any(m.kind != "name" for m in ent.mentions):
        return False
    words = ent.mentions[0].text.split()
    return len({m.text for m in ent.mentions}) == 1 and bool(words) and words[0].split("-")[0].lower() not in GIVEN_NAMES


def merge_stated_aliases(text: str, state: DocState) -> None:
    """Join each stated alias to its entity, as an ``alias`` mention (or by merging entities)."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or ent.label not in _NAMED or ent.anonymous:
            continue
        for m in list(ent.resolved().mentions):
            if m.kind not in ("name", "acronym", "short"):
                continue
            _after(text, state, ent.resolved(), m.end)
    _paren_before(text, state)


_HEAD = re.compile(r"\s+([a-z]+)\b")


def _after(text: str, state: DocState, ent: EntityDraft, end: int) -> None:
    """An alias after a mention: a cue then a name, or a name in parentheses."""
    head = _HEAD.match(text, end)
    if head is not None and head.group(1) in ORG_HEADS and ent.label in _PAREN_LABELS:
        end = head.end()  # "the Al Fatih coalition, also known as ..."
    cue = _CUE.match(text, end)
    paren = False
    if cue is None:
        if ent.label not in _PAREN_LABELS or not text.startswith(" (", end):
            return
        start = end + 2
        paren = True
    else:
        start = cue.end()
    name = _NAME.match(text, start)
    if name is None:
        return
    a_start, a_end = name.span(1)
    if paren and not text.startswith(")", a_end):
        return  # "(in Arabic, ...)", "(pictured)": not a bare name
    if paren and len(text[a_start:a_end].split()) < 2:
        return  # "(Iraq)", "(Labour)": one word in parentheses is a place or a party

    _attach(state, ent, a_start, a_end, text[a_start:a_end])


def _paren_before(text: str, state: DocState) -> None:
    """"Hashd al-Shaabi (Popular Mobilization Units)": the name before the parentheses."""
    for ent in list(state.live_entities()):
        if ent.merged_into is not None or ent.label not in _PAREN_LABELS:
            continue
        for m in list(ent.resolved().mentions):
            if m.kind != "name" or m.start < 3 or text[m.start - 2 : m.start] != " (" or not text.startswith(")", m.end):
                continue
            # the longest name ending just before " ("
            window_start = max(0, m.start - 80)
            best = None
            for found in _NAME.finditer(text, window_start, m.start - 2):
                if found.end(1) == m.start - 2:
                    best = found
                    break
            if best is not None:
                _attach(state, ent.resolved(), best.start(1), best.end(1), best.group(1))


def _attach(state: DocState, ent: EntityDraft, start: int, end: int, alias: str) -> None:
    if len(alias) < 2 or alias.lower() == ent.name.lower():
        return
    other = state.entity_at(start, end, exact=True)
    if other is not None:
        other = other.resolved()
        if other is not ent and not other.anonymous and (_compatible(ent, other) or _bare(other)):
            keep = state.merge(ent, other)
            for m in keep.mentions:
                if m.start == start and m.end == end:
                    m.kind = "alias"
        return
    # a name the recogniser missed, or one only partly recognised: the alias is the whole run
    for e in state.live_entities():
        for m in e.mentions:
            if m.start < end and start < m.end and e is not ent:
                if not _compatible(ent, e):
                    return
    state.add_mention(ent, start, end, alias, "alias")
