"""The working state our components share on a spaCy ``Doc`` (``doc._.interlock``).

Components add drafts here; ``interlock.extract.result`` turns the drafts into
the public ``ExtractedDocument`` at the end, assigning deterministic ids.
Drafts refer to each other by object, so a merge of two entity clusters
during coreference updates every reference at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

from interlock.model import Timex

#: mention kinds that name their entity (the others describe it or point back to it)
NAME_KINDS = frozenset(("name", "short", "acronym", "alias"))

#: changes to the entity lists anywhere (a list changed, a mention list replaced, a merge):
#: a document's look-up index is rebuilt when this moved on since it was built
_changes = [0]


class _TrackedList(list[Any]):
    """A list that counts its changes in ``_changes``, so that look-up indexes know they are stale."""

    def append(self, item: Any) -> None:
        _changes[0] += 1
        super().append(item)

    def extend(self, items: Any) -> None:
        _changes[0] += 1
        super().extend(items)

    def insert(self, i: Any, item: Any) -> None:
        _changes[0] += 1
        super().insert(i, item)

    def remove(self, item: Any) -> None:
        _changes[0] += 1
        super().remove(item)

    def pop(self, *args: Any) -> Any:
        _changes[0] += 1
        return super().pop(*args)

    def clear(self) -> None:
        _changes[0] += 1
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        _changes[0] += 1
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        _changes[0] += 1
        super().reverse()

    def __setitem__(self, i: Any, item: Any) -> None:
        _changes[0] += 1
        super().__setitem__(i, item)

    def __delitem__(self, i: Any) -> None:
        _changes[0] += 1
        super().__delitem__(i)

    def __iadd__(self, items: Any) -> Any:  # type: ignore[misc]
        _changes[0] += 1
        return super().__iadd__(items)

    def __imul__(self, n: Any) -> Any:  # type: ignore[misc]
        _changes[0] += 1
        return super().__imul__(n)



@dataclass(eq=False)
class MentionDraft:
    """A mention: character offsets into the text, and what kind of mention it is."""

    start: int
    end: int
    text: str
    kind: str = "name"


@dataclass(eq=False)
class EntityDraft:
    """A cluster of mentions of one thing."""

    label: str
    name: str
    mentions: list[MentionDraft] = field(default_factory=_TrackedList)
    anonymous: bool = False
    descriptors: list[str] = field(default_factory=list)
    #: set when this cluster was merged into another one
    merged_into: EntityDraft | None = None

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "mentions":
            _changes[0] += 1
            if not isinstance(value, _TrackedList):
                value = _TrackedList(value)
        elif key == "merged_into":
            _changes[0] += 1
        object.__setattr__(self, key, value)

    def resolved(self) -> EntityDraft:
        """The cluster this one now belongs to, following merges."""
        ent = self
        while ent.merged_into is not None:
            ent = ent.merged_into
        return ent

    @property
    def first_start(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else -1


@dataclass(eq=False)
class AttributionDraft:
    """An attribution found in the text, with character offsets."""

    kind: str
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None = None
    #: the person or outlet told ("told Al Arabiya"), a relay when it is an outlet
    addressee: tuple[int, int] | None = None
    source_entity: EntityDraft | None = None
    anonymous: bool = False
    via: list[EntityDraft] = field(default_factory=list)
    same_source_as: AttributionDraft | None = None
    confidence: float = 1.0
    #: asserted, negated (a denial), hedged; set when sources are linked
    modality: str = "asserted"


@dataclass(eq=False)
class StatementDraft:
    """A fact found in the text: subject, predicate, object, with its evidence."""

    subject: EntityDraft
    predicate: str
    object: EntityDraft | None
    evidence: tuple[int, int]
    role: str | None = None
    status: str = "current"
    modality: str = "asserted"
    valid_from: str | None = None
    valid_to: str | None = None
    time: Timex | None = None
    attribution: AttributionDraft | None = None
    #: character offset of the word that licenses the statement, for modality
    anchor: int | None = None
    #: the extractor counted the negations of the clause itself ("does not mean ... no
    #: longer" cancels out), so modality assignment must not negate it again
    polarity_checked: bool = False
    #: which rule found the statement ("role:title", "link", "meeting"), for its confidence
    rule: str = ""
    #: where the object came from: "text" (named with the post), "country" (the country a
    #: national post belongs to, taken from the sentence or the article)
    basis: str = "text"
    #: how likely the statement is right, in [0, 1] (``interlock.extract.confidence``)
    confidence: float = 1.0
    #: what the confidence was computed from (kept for training and inspection)
    features: dict[str, float] = field(default_factory=dict)


@dataclass(eq=False)
class EventDraft:
    """An event found in the text."""

    type: str
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    participants: list[EntityDraft] = field(default_factory=list)
    place: EntityDraft | None = None
    time: Timex | None = None
    topics: list[EntityDraft] = field(default_factory=list)
    secret: bool = False
    modality: str = "asserted"
    attribution: AttributionDraft | None = None
    #: hedging phrases that bear on the event ("no one really knows why")
    hedges: list[tuple[int, int]] = field(default_factory=list)
    #: what about the event the text leaves uncertain: "purpose", "participants", ...
    uncertain: list[str] = field(default_factory=list)
    #: for a meeting, the confidence of its most likely pair of participants
    confidence: float = 1.0


@dataclass(eq=False)
class DocState:
    """Everything our components have found so far in one document."""

    doc_id: str
    #: the document's text (``Doc.text`` rebuilds the string on every access)
    text: str = ""
    published: date | None = None
    outlet: str | None = None
    outlet_entity: EntityDraft | None = None
    entities: list[EntityDraft] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    attributions: list[AttributionDraft] = field(default_factory=list)
    statements: list[StatementDraft] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: sentences in which the author gives an opinion rather than a report
    opinions: list[tuple[int, int]] = field(default_factory=list)
    #: spans of text before a trailing "Source » outlet" line, where the article body ends
    body_end: int | None = None
    #: per-document values that components compute once (noun chunks, sentence starts)
    cache: dict[str, object] = field(default_factory=dict)
    #: where and when of an event mentioned before its participants ("at a meeting in X")
    pending_events: dict[str, tuple[EntityDraft | None, Timex | None]] = field(default_factory=dict)
    #: where a dateline ("TRIPOLI, Nov 24 (MWS) -") ends, when the article opens with one
    dateline_end: int | None = None
    #: page furniture lines (captions, bylines, "Read more"): no statements come from there
    furniture: list[tuple[int, int]] = field(default_factory=list)
    #: mentions by offsets, for look-ups in time independent of the document's length
    _index: _Index | None = field(default=None, repr=False, compare=False)

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "entities":
            _changes[0] += 1
            if not isinstance(value, _TrackedList):
                value = _TrackedList(value)
        object.__setattr__(self, key, value)

    def _look_up(self) -> _Index | None:
        """The index of live mentions, rebuilt when the entities changed outside these methods."""
        ix = self._index
        if ix is None or ix.at != _changes[0]:
            ix = _Index(self.entities)
            object.__setattr__(self, "_index", ix)
        return ix if ix.usable else None

    def _index_if_fresh(self) -> _Index | None:
        ix = self._index
        return ix if ix is not None and ix.usable and ix.at == _changes[0] else None

    def drop_attributions(self, dropped: list[AttributionDraft]) -> None:
        """Remove these attributions and every reference to them (a repeated source, the
        attribution of a statement or an event)."""
        if not dropped:
            return
        gone = {id(a) for a in dropped}
        self.attributions = [a for a in self.attributions if id(a) not in gone]
        for att in self.attributions:
            if att.same_source_as is not None and id(att.same_source_as) in gone:
                att.same_source_as = None
        for st in self.statements:
            if st.attribution is not None and id(st.attribution) in gone:
                st.attribution = None
        for ev in self.events:
            if ev.attribution is not None and id(ev.attribution) in gone:
                ev.attribution = None

    def live_entities(self) -> list[EntityDraft]:
        """Entities that have not been merged into another."""
        ix = self._look_up()
        if ix is not None:
            return list(ix.live)
        return [e for e in self.entities if e.merged_into is None]

    def new_entity(
        self, label: str, start: int, end: int, text: str, kind: str = "name"
    ) -> EntityDraft:
        ix = self._index_if_fresh()
        ent = EntityDraft(label=label, name=text, mentions=[MentionDraft(start, end, text, kind)])
        self.entities.append(ent)
        if ix is not None:
            ix.add_entity(ent, len(self.entities) - 1)
            ix.at = _changes[0]
        return ent

    def add_mention(self, ent: EntityDraft, start: int, end: int, text: str, kind: str) -> None:
        ent = ent.resolved()
        ix = self._index_if_fresh()
        if ix is not None and id(ent) in ix.position:
            if ix.has(ent, start, end):
                return
            m = MentionDraft(start, end, text, kind)
            ent.mentions.append(m)
            ix.add(ix.position[id(ent)], len(ent.mentions) - 1, m, ent)
            ix.at = _changes[0]
            return
        for m in ent.mentions:
            if m.start == start and m.end == end:
                return
        ent.mentions.append(MentionDraft(start, end, text, kind))

    def merge(self, keep: EntityDraft, drop: EntityDraft) -> EntityDraft:
        """Merge ``drop`` into ``keep``; returns the surviving cluster."""
        keep, drop = keep.resolved(), drop.resolved()
        if keep is drop:
            return keep
        self._look_up()
        for m in drop.mentions:
            self.add_mention(keep, m.start, m.end, m.text, m.kind)
        keep.anonymous = keep.anonymous and drop.anonymous
        for d in drop.descriptors:
            if d not in keep.descriptors:
                keep.descriptors.append(d)
        ix = self._index_if_fresh()
        dropped = drop.mentions
        drop.merged_into = keep
        drop.mentions = []
        if ix is not None and id(drop) in ix.position:
            ix.drop_entity(drop, dropped)
            ix.at = _changes[0]
        return keep

    def entity_at(self, start: int, end: int, exact: bool = False) -> EntityDraft | None:
        """The entity with a mention at these offsets: exact, else the best overlap.

        The first live mention in entity and mention order wins an exact match; else
        the best scored overlap, the first in that order among equals (found through
        the index: only mentions near the span are looked at).
        """
        ix = self._look_up()
        if ix is None:
            return self._scan_entity_at(start, end, exact)
        hits = ix.exact.get((start, end))
        if hits:
            return min(hits, key=_order)[2]
        if exact:
            return None
        best: EntityDraft | None = None
        best_key: tuple[int, tuple[int, int]] | None = None
        for order, m, ent in ix.near(start - ix.longest, end):
            ov = min(end, m.end) - max(start, m.start)
            if ov > 0:
                # prefer mentions that lie within the span and cover most of it
                score = ov * 2 - abs((m.end - m.start) - (end - start))
                key = (-score, order)
                if best_key is None or key < best_key:
                    best, best_key = ent, key
        return best

    def entity_labelled(self, start: int, end: int, label: str) -> EntityDraft | None:
        """The live entity of ``label`` with a mention exactly at these offsets. ``entity_at``
        gives the first entity there, whatever its label; a span can hold two ("AP-GfK Poll"
        an organisation and an election), and an id is made of the span and the label."""
        return next((e for m, e in self.mentions_in(start, end)
                     if m.start == start and m.end == end and e.label == label), None)

    def _scan_entity_at(self, start: int, end: int, exact: bool = False) -> EntityDraft | None:
        best: EntityDraft | None = None
        best_score = 0
        for ent in [e for e in self.entities if e.merged_into is None]:
            for m in ent.mentions:
                if m.start == start and m.end == end:
                    return ent
                if exact:
                    continue
                ov = min(end, m.end) - max(start, m.start)
                if ov > 0:
                    # prefer mentions that lie within the span and cover most of it
                    score = ov * 2 - abs((m.end - m.start) - (end - start))
                    if best is None or score > best_score:
                        best, best_score = ent, score
        return best

    def mentions_in(self, start: int, end: int) -> list[tuple[MentionDraft, EntityDraft]]:
        """Mentions lying wholly inside [start, end), in text order (entity order among equals)."""
        ix = self._look_up()
        if ix is None:
            found = [
                (m, e)
                for e in self.entities if e.merged_into is None
                for m in e.mentions
                if m.start >= start and m.end <= end
            ]
            found.sort(key=lambda x: (x[0].start, -x[0].end))
            return found
        hits = [h for h in ix.near(start, end + 1) if h[1].start >= start and h[1].end <= end]
        hits.sort(key=lambda h: (h[1].start, -h[1].end, h[0]))
        return [(m, e) for _order, m, e in hits]


#: characters of text per bucket of the index
_BUCKET = 64
_Hit = tuple[tuple[int, int], MentionDraft, EntityDraft]


def _order(hit: _Hit) -> tuple[int, int]:
    return hit[0]


class _Index:
    """Live mentions by offsets: exact (start, end), and buckets of start offsets for overlaps.

    Each mention carries its order (the entity's place in ``DocState.entities``, the
    mention's place in its list), the order the scans this replaces went in, so that
    every look-up answers as a scan would. Built from the entities; kept up to date by
    ``DocState``'s own changes; rebuilt after any other change (``_changes``).
    """

    def __init__(self, entities: list[EntityDraft]) -> None:
        self.at = _changes[0]
        self.usable = True
        self.position: dict[int, int] = {}
        self.exact: dict[tuple[int, int], list[_Hit]] = {}
        self.buckets: dict[int, list[_Hit]] = {}
        self.longest = 0
        self.live: list[EntityDraft] = []
        for i, ent in enumerate(entities):
            if id(ent) in self.position:
                self.usable = False  # one entity listed twice: the scans answer
                return
            self.add_entity(ent, i)

    def add_entity(self, ent: EntityDraft, i: int) -> None:
        self.position[id(ent)] = i
        if ent.merged_into is not None:
            return
        self.live.append(ent)
        for j, m in enumerate(ent.mentions):
            self.add(i, j, m, ent)

    def add(self, i: int, j: int, m: MentionDraft, ent: EntityDraft) -> None:
        hit = ((i, j), m, ent)
        self.exact.setdefault((m.start, m.end), []).append(hit)
        self.buckets.setdefault(m.start // _BUCKET, []).append(hit)
        self.longest = max(self.longest, m.end - m.start)

    def has(self, ent: EntityDraft, start: int, end: int) -> bool:
        return any(h[2] is ent for h in self.exact.get((start, end), ()))

    def drop_entity(self, ent: EntityDraft, mentions: list[MentionDraft]) -> None:
        for m in mentions:
            for hits in (self.exact.get((m.start, m.end)), self.buckets.get(m.start // _BUCKET)):
                if hits:
                    hits[:] = [h for h in hits if h[2] is not ent]
        self.live.remove(ent)

    def near(self, lo: int, hi: int) -> list[_Hit]:
        """Mentions starting in [lo, hi) (and a little around: callers check the offsets)."""
        out: list[_Hit] = []
        for b in range(lo // _BUCKET, (hi - 1) // _BUCKET + 1):
            out.extend(self.buckets.get(b, ()))
        return out


def get_state(doc: Doc) -> DocState:
    """The state of a document, created on first use."""
    state = doc._.interlock
    if state is None:
        state = DocState(doc_id="", text=doc.text)
        doc._.interlock = state
    assert isinstance(state, DocState)
    if not state.text and len(doc):
        state.text = doc.text
    return state


def text_of(doc: Doc) -> str:
    """The document's text, without rebuilding it from the tokens each time."""
    return get_state(doc).text


if not Doc.has_extension("interlock"):
    Doc.set_extension("interlock", default=None)
