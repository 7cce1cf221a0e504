"""The extraction result: plain dataclasses that serialise to the documented JSON.

Every offset is a Python character offset into the original text given to
``interlock.extract``. The JSON Schema in ``interlock/schema/extraction.json``
describes the serialised form; ``to_dict`` produces exactly that.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any


def _plain(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, recursively; faster than ``asdict``'s deep copy."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def stable_id(prefix: str, *parts: object) -> str:
    """A deterministic id from content, so that re-running gives the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:12]}"


@dataclass
class Span:
    """A stretch of the original text."""

    start: int
    end: int
    text: str


@dataclass
class Mention(Span):
    """One mention of an entity; ``kind`` is name, short, acronym, alias (a stated other name), nominal or pronoun."""

    kind: str = "name"


@dataclass
class Entity:
    """A cluster of mentions that refer to one real-world thing within a document."""

    id: str
    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    anonymous: bool = False
    #: descriptive nominals without a name ("the Iranian ambassador to Iraq")
    descriptors: list[str] = field(default_factory=list)


@dataclass
class Source(Span):
    """The speaker of an attribution, linked to its entity where one is known."""

    entity: str | None = None
    anonymous: bool = False


@dataclass
class Attribution:
    """A direct, indirect or mixed quotation: who said what, with which cue."""

    id: str
    kind: str
    source: Source | None
    cue: Span
    content: Span
    #: entity ids of the relaying outlets, innermost first; the publishing outlet is last
    via: list[str] = field(default_factory=list)
    #: the attribution whose source is the same speaker, mentioned earlier
    same_source_as: str | None = None
    #: asserted, negated (a denial) or hedged (a claim, a suspicion)
    modality: str = "asserted"


@dataclass
class Timex:
    """A TIMEX3 temporal expression with its normalised value and covered interval."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    #: first and last day covered (ISO dates), when the value resolves to days
    interval: tuple[str, str] | None = None
    anchored: bool = False


@dataclass
class Statement:
    """One fact: subject, predicate, object, with its modality and evidence."""

    id: str
    subject: str
    predicate: str
    object: str | None
    role: str | None
    valid_from: str | None
    valid_to: str | None
    modality: str
    attribution: str | None
    evidence: Span
    #: current, former or planned (for positions and memberships)
    status: str = "current"
    time: str | None = None
    #: "published" when ``time`` is not in the text but the week the article was published
    #: (a meeting it tells in the past tense with no date); None when the text gives it
    time_basis: str | None = None
    #: how likely the statement is right, in [0, 1] (docs/confidence.md)
    confidence: float = 1.0
    #: which extraction rule found it ("role:title", "link", "meeting", ...)
    rule: str = ""


@dataclass
class Event:
    """Something that happened or is planned: a meeting, an appointment, a speech."""

    id: str
    type: str
    participants: list[str]
    place: str | None
    time: str | None
    topics: list[str]
    evidence: Span
    modality: str = "asserted"
    attribution: str | None = None
    secret: bool = False
    #: the time as an interval of ISO dates, copied from the time expression
    interval: tuple[str, str] | None = None
    trigger: Span | None = None
    #: hedging phrases that bear on the event ("no one really knows why")
    hedges: list[Span] = field(default_factory=list)
    #: what about the event the text leaves uncertain: "purpose", "participants", ...
    uncertain: list[str] = field(default_factory=list)
    #: for a meeting, the confidence of its most likely pair of participants
    confidence: float = 1.0
    #: "published" when ``time`` is the week of publication, not a date in the text
    time_basis: str | None = None


@dataclass
class ExtractedDocument:
    """Everything extracted from one document."""

    id: str
    published: str | None
    outlet: str | None = None
    outlet_entity: str | None = None
    title: str | None = None
    url: str | None = None
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: sentences in which the author gives an opinion rather than a report
    opinions: list[Span] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: the extraction version that produced this result (``interlock reextract`` compares it)
    extraction_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (tuples become lists), as the JSON Schema describes it."""
        data = _plain(self)
        assert isinstance(data, dict)
        return data

    def confident(self, min_confidence: float) -> ExtractedDocument:
        """This result without the statements and meetings less likely right than the threshold."""
        if min_confidence <= 0.0:
            return self
        kept = replace(self)
        kept.statements = [s for s in self.statements if s.confidence >= min_confidence]
        kept.events = [e for e in self.events if e.confidence >= min_confidence]
        return kept

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def find_entities(self, text: str) -> list[Entity]:
        """Entities one of whose mentions reads ``text`` (case-insensitive)."""
        low = text.lower()
        return [e for e in self.entities if any(m.text.lower() == low for m in e.mentions)]
