"""Link each attribution's source to an entity and build its relay chain.

Reads: ``state.attributions`` (spans from ``attribution.find_attributions``),
the entity clusters, the outlet. Sets on each attribution: ``source_entity``
(creating an unnamed source entity where the speaker has no cluster yet),
``anonymous``, ``via`` (relaying outlets, innermost first, the publishing
outlet last), ``same_source_as`` and, for denials, ``modality``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from interlock.extract.lexicon import ANONYMOUS_HEADS, ROLE_NOUNS
from interlock.extract.state import NAME_KINDS, AttributionDraft, DocState, EntityDraft, text_of
from interlock.vocab.words import word_set

_WORD = re.compile(r"[^\W\d_]+")
_DENY = word_set("attribution", "deny_cues")
_HEDGE_CUES = word_set("attribution", "hedge_cues")
#: organisations that relay news: media words in the name or descriptors
_MEDIA_WORDS = word_set("attribution", "media_words")
_PRONOUNS = word_set("attribution", "source_pronouns")


def is_outlet(ent: EntityDraft, state: DocState) -> bool:
    """Whether an entity is a news outlet (by name, descriptor, or being the publisher)."""
    ent = ent.resolved()
    if state.outlet_entity is not None and ent is state.outlet_entity.resolved():
        return True
    if ent.label not in ("ORG", "PERSON", "GPE", "WORK_OF_ART", "PRODUCT"):
        return False
    words = set(_WORD.findall(ent.name.lower()))
    for d in ent.descriptors:
        words |= set(_WORD.findall(d.lower()))
    return bool(words & _MEDIA_WORDS)


def link_sources(doc: Doc, state: DocState) -> None:
    """Link sources to entities, mark anonymous ones and build relay chains.

    Attributions are taken in text order: each gets its source entity and anonymity, the
    outlets it came through (the addressee, cited outlets, an enclosing outlet's chain, the
    publisher), a modality from its cue, and the earlier attribution of the same source."""
    publisher = _publisher(state)
    by_source: dict[int, AttributionDraft] = {}
    for att in sorted(state.attributions, key=lambda a: a.cue[0]):
        ent = _link_source(doc, state, att)
        if att.addressee is not None:
            _addressee_outlet(doc, state, att, att.addressee)
        _add_relays(doc, state, att, publisher)
        if publisher is not None and (not att.via or att.via[-1] is not publisher):
            if ent is None or ent.resolved() is not publisher:
                att.via.append(publisher)
        cue = text_of(doc)[att.cue[0] : att.cue[1]].lower()
        if any(w in _DENY for w in cue.split()):
            att.modality = "negated"
        elif any(w in _HEDGE_CUES for w in cue.split()):
            att.modality = "hedged"
        if ent is not None:
            key = id(ent.resolved())
            if key in by_source:
                att.same_source_as = by_source[key]
            else:
                by_source[key] = att


def _link_source(doc: Doc, state: DocState, att: AttributionDraft) -> EntityDraft | None:
    """Set an attribution's source entity (the speaker, else the entity of its source span)
    and whether its source is anonymous; return the source entity."""
    if att.source is not None:
        start, end = att.source
        ent = _speaker(doc, state, start, end)
        if ent is None:
            ent = _source_entity(doc, state, start, end)
        att.source_entity = ent.resolved() if ent is not None else None
    ent = att.source_entity
    if ent is None and att.source is not None:
        # "protesters say", "critics slammed", "state media reported": unnamed people
        att.anonymous = att.anonymous or _unnamed_group(doc, *att.source)
    if ent is not None:
        # a source the text does not name is anonymous, whatever it is called: "a
        # researcher", "protesters", "state media", "the country's police chief"
        att.anonymous = att.anonymous or _is_anonymous(ent) or (
            _unnamed(ent) and att.source is not None and not _names_itself(doc, *att.source)
        )
        if ent.label == "PERSON" and ent.anonymous and not att.anonymous:
            att.anonymous = _head_is_anonymous(ent.name)
    return ent


def _addressee_outlet(doc: Doc, state: DocState, att: AttributionDraft, addressee: tuple[int, int]) -> None:
    """An outlet the source spoke to relays the words: "told Asharq al-Awsat newspaper",
    "told the opposition website Sawt al-Sha'b"."""
    told = state.entity_at(*addressee)
    if told is None:
        # "told the opposition website Sawt al-Sha'b": the parser may cut the name off
        told = _name_right_after(state, addressee[1])
    after = re.match(r"\s+(\w+)", text_of(doc)[addressee[1] : addressee[1] + 30])
    words = _WORD.findall(text_of(doc)[addressee[0] : addressee[1]].lower())
    if after is not None:
        words.append(after.group(1).lower())
    named_as_media = bool(words) and words[-1] in _MEDIA_WORDS  # "told Asharq al-Awsat newspaper"
    if told is None:
        told = _unnamed_outlet(doc, state, addressee, named_as_media)
    if told is not None and (is_outlet(told, state) or told.resolved().label == "ORG" or named_as_media):
        att.via.append(_as_outlet(told))


def _add_relays(doc: Doc, state: DocState, att: AttributionDraft, publisher: EntityDraft | None) -> None:
    """The outlets an attribution cites ("citing B"), then those of an outlet's report it is
    inside: "Outlet A reported, citing B, that a source said ..." came through B, then A."""
    for relay in _cited_outlets(doc, state, att):
        if not any(relay is v for v in att.via):
            att.via.append(relay)
    outer = _enclosing(state, att)
    if outer is not None and outer.source_entity is not None and is_outlet(outer.source_entity, state):
        for relay in outer.via + [outer.source_entity.resolved()]:
            if relay is not publisher and not any(relay is v for v in att.via):
                att.via.append(relay)


_RELAY = re.compile(
    r"\b(?:citing|quoting|(?:as\s+)?(?:cited|quoted|carried|reported|relayed|published)\s+by|"
    r"according\s+to|in\s+(?:remarks|comments|an\s+interview)\s+(?:later\s+)?"
    r"(?:carried|published|broadcast|aired|reported)\s+by)\s+(?:the\s+)?"
    r"(?:(?:newspaper|daily|weekly|channel|broadcaster|agency|news\s+agency|website|outlet|"
    r"television|TV\s+channel|radio|station|magazine|site)\s+)?",
    re.IGNORECASE,
)


def _cited_outlets(doc: Doc, state: DocState, att: AttributionDraft) -> list[EntityDraft]:
    """Outlets named as carrying the words between the cue and the content ("citing B")."""
    start = att.cue[1]
    end = att.content[0] if att.content[0] > start else min(len(text_of(doc)), start + 160)
    if att.source is not None and att.source[1] <= att.cue[0]:
        start = min(start, att.source[1])
    found: list[EntityDraft] = []
    for match in _RELAY.finditer(text_of(doc), start, end):
        ent = state.entity_at(match.end(), match.end() + 1)
        if ent is not None and ent.resolved().label in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "GPE"):
            found.append(_as_outlet(ent))
    return found


def _as_outlet(ent: EntityDraft) -> EntityDraft:
    """Mark an entity that relays words as an outlet (an organisation that reports)."""
    ent = ent.resolved()
    if ent.label in ("PERSON", "WORK_OF_ART", "PRODUCT", "GPE") and not any(m.kind == "pronoun" for m in ent.mentions):
        ent.label = "ORG"
    if "outlet" not in ent.descriptors:
        ent.descriptors.append("outlet")
    return ent


def _enclosing(state: DocState, att: AttributionDraft) -> AttributionDraft | None:
    """The attribution whose content holds this one's cue, the innermost one."""
    best: AttributionDraft | None = None
    for other in state.attributions:
        if other is att:
            continue
        if other.content[0] <= att.cue[0] and att.cue[1] <= other.content[1]:
            if best is None or other.content[1] - other.content[0] < best.content[1] - best.content[0]:
                best = other
    return best


def _publisher(state: DocState) -> EntityDraft | None:
    if state.outlet_entity is not None:
        return state.outlet_entity.resolved()
    if state.outlet:
        # the outlet from metadata is an entity of the document even when the text never names it
        ent = EntityDraft(label="ORG", name=state.outlet, descriptors=["outlet"])
        state.entities.append(ent)
        state.outlet_entity = ent
        return ent
    return None


def _speaker(doc: Doc, state: DocState, start: int, end: int) -> EntityDraft | None:
    """The entity a source span names: the mention at its head, or a name in apposition.

    "members of the alliance" contains "the alliance" but names other people, so a
    mention only counts when it covers the span's syntactic head.
    """
    exact = state.entity_at(start, end, exact=True)
    if exact is not None:
        return exact
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    inside = state.mentions_in(span.start_char, span.end_char)
    heads = [(m, e) for m, e in inside if m.start <= root.idx < m.end]
    if heads:
        # the largest mention at the head: "a senior member of the party", not "the party"
        m, e = max(heads, key=lambda x: x[0].end - x[0].start)
        if m.kind == "nominal" and e.resolved().anonymous:
            # "A spokesman for X, Bassem Ouda": the name in apposition is the speaker
            named = [
                (m2, e2) for m2, e2 in inside
                if e2.resolved().label == "PERSON" and m2.kind == "name" and m2.start >= m.end
            ]
            if named:
                return named[0][1]
        return e
    return None


def _source_entity(doc: Doc, state: DocState, start: int, end: int) -> EntityDraft | None:
    """An entity for a speaker that has none yet ("officials", "sources close to X")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.is_alpha for t in span):
        return None
    around = state.entity_at(span.start_char, span.end_char)
    if around is not None and around.resolved().label == "PERSON" and any(
            m.kind == "name" and m.start <= span.start_char and span.end_char < m.end for m in around.mentions):
        return None  # "Sultan Qaboos" of "Sultan Qaboos bin Said", the parser reading "Said" as the verb
    root = span.root
    if root.lower_ in _PRONOUNS:
        return None
    person_like = (
        root.pos_ == "PROPN"
        or root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or root.lower_ in ROLE_NOUNS
        or root.lemma_.lower() in ROLE_NOUNS
        or root.lower_ in ANONYMOUS_HEADS
    )
    if not person_like:
        return None  # "any meeting" is no speaker
    # keep the head noun phrase, not a trailing clause
    left = min(t.i for t in root.subtree if t.i >= span.start)
    right = root.i
    for child in root.rights:
        if child.dep_ in ("prep", "amod", "compound") and child.right_edge.i < span.end:
            right = max(right, child.right_edge.i)
    phrase = doc[left : right + 1]
    if root.ent_type_ in ("ORG", "GPE", "NORP"):
        label = "ORG" if root.ent_type_ != "GPE" else "GPE"
    else:
        label = "PERSON"
    ent = state.new_entity(label, phrase.start_char, phrase.end_char, phrase.text, "nominal")
    ent.anonymous = root.ent_type_ != "PERSON"
    text = phrase.text
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            text = text[len(article) :]
            break
    ent.descriptors.append(text)
    return ent


def _unnamed_outlet(doc: Doc, state: DocState, span_offsets: tuple[int, int], media: bool) -> EntityDraft | None:
    """An outlet NER missed, told something: an acronym ("told AFP") or a name followed by
    a media word ("told Asharq al-Awsat newspaper"), made an entity of the document."""
    span = doc.char_span(*span_offsets, alignment_mode="expand")
    if span is not None and len(span) > 1 and span[-1].lower_ in _MEDIA_WORDS:
        span, media = span[:-1], True  # "Asharq al-Awsat newspaper": the name before the word
    if span is not None and len(span) and span[0].dep_ == "det":
        span = span[1:]
    if span is None or not len(span) or any(t.pos_ != "PROPN" for t in span if t.text not in ("-", "'")):
        return None
    text = span.text
    acronym = text.isalpha() and text.isupper() and 2 <= len(text) <= 6
    if not (acronym or media):
        return None
    ent = state.new_entity("ORG", span.start_char, span.end_char, text, "acronym" if acronym else "name")
    ent.descriptors.append("outlet")
    return ent


def _unnamed(ent: EntityDraft) -> bool:
    """True when a source's cluster has mentions and none of them is a name."""
    ent = ent.resolved()
    return bool(ent.mentions) and not any(m.kind in NAME_KINDS for m in ent.mentions)


#: plural nouns for unnamed people or media that speak as a group
_GROUP_HEADS = word_set("attribution", "group_heads")


def _unnamed_group(doc: Doc, start: int, end: int) -> bool:
    """True when a source phrase is a group of unnamed people: "protesters", "state media"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or _names_itself(doc, start, end):
        return False
    return span.root.lower_ in _GROUP_HEADS


def _names_itself(doc: Doc, start: int, end: int) -> bool:
    """True when a source phrase is headed by a name ("the ELN", "the Petra news agency"),
    not by a description ("a Damascus-based researcher", "Ecuador's police chief")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.children)


def _head_is_anonymous(name: str) -> bool:
    words = _WORD.findall(name.lower())
    return bool(words) and (words[-1] in ANONYMOUS_HEADS or "anonymous" in words or "unnamed" in words)


def _is_anonymous(ent: EntityDraft) -> bool:
    ent = ent.resolved()
    if not ent.anonymous:
        return False
    return any(_head_is_anonymous(m.text) for m in ent.mentions if m.kind == "nominal") or _head_is_anonymous(
        ent.name
    )


def _name_right_after(state: DocState, end: int) -> EntityDraft | None:
    """The organisation named right after a common noun ("the website [Sawt al-Sha'b]")."""
    for ent in state.live_entities():
        if ent.label in ("ORG", "NORP") and any(end < m.start <= end + 1 and m.kind == "name" for m in ent.mentions):
            return ent
    return None
