"""The working state our components share on a spaCy ``Doc`` (``doc._.interlock``).

Components add drafts here; ``interlock.extract.result`` turns the drafts into
the public ``ExtractedDocument`` at the end, assigning deterministic ids.
Drafts refer to each other by object, so a merge of two entity clusters
during coreference updates every reference at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from interlock.model import Timex

MENTION_KINDS = ("name", "short", "acronym", "nominal", "pronoun")


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
    mentions: list[MentionDraft] = field(default_factory=list)
    anonymous: bool = False
    descriptors: list[str] = field(default_factory=list)
    #: set when this cluster was merged into another one
    merged_into: EntityDraft | None = None

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

    def live_entities(self) -> list[EntityDraft]:
        """Entities that have not been merged into another."""
        return [e for e in self.entities if e.merged_into is None]

    def new_entity(
        self, label: str, start: int, end: int, text: str, kind: str = "name"
    ) -> EntityDraft:
        ent = EntityDraft(label=label, name=text, mentions=[MentionDraft(start, end, text, kind)])
        self.entities.append(ent)
        return ent

    def add_mention(self, ent: EntityDraft, start: int, end: int, text: str, kind: str) -> None:
        ent = ent.resolved()
        for m in ent.mentions:
            if m.start == start and m.end == end:
                return
        ent.mentions.append(MentionDraft(start, end, text, kind))

    def merge(self, keep: EntityDraft, drop: EntityDraft) -> EntityDraft:
        """Merge ``drop`` into ``keep``; returns the surviving cluster."""
        keep, drop = keep.resolved(), drop.resolved()
        if keep is drop:
            return keep
        for m in drop.mentions:
            self.add_mention(keep, m.start, m.end, m.text, m.kind)
        keep.anonymous = keep.anonymous and drop.anonymous
        for d in drop.descriptors:
            if d not in keep.descriptors:
                keep.descriptors.append(d)
        drop.merged_into = keep
        drop.mentions = []
        return keep

    def entity_at(self, start: int, end: int, exact: bool = False) -> EntityDraft | None:
        """The entity with a mention at these offsets: exact, else the best overlap."""
        best: EntityDraft | None = None
        best_score = 0
        for ent in self.live_entities():
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

    def entity_for_span(self, span: Span) -> EntityDraft | None:
        """The entity mentioned by a spaCy span (see ``entity_at``)."""
        return self.entity_at(span.start_char, span.end_char)

    def mentions_in(self, start: int, end: int) -> list[tuple[MentionDraft, EntityDraft]]:
        """Mentions lying wholly inside [start, end), in text order."""
        found = [
            (m, e)
            for e in self.live_entities()
            for m in e.mentions
            if m.start >= start and m.end <= end
        ]
        found.sort(key=lambda x: (x[0].start, -x[0].end))
        return found


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
