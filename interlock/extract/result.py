"""Turn the drafts on a processed Doc into the public ``ExtractedDocument``.

Ids are derived from the document id and the content, so extracting the same
text twice gives the same ids.
"""

from __future__ import annotations

from spacy.tokens import Doc

from interlock.extract.events import time_basis
from interlock.extract.state import AttributionDraft, DocState, EntityDraft, get_state, text_of
from interlock.model import (
    Attribution,
    Entity,
    Event,
    ExtractedDocument,
    Mention,
    Source,
    Span,
    Statement,
    stable_id,
)
from interlock.vocab import require_predicate

#: the version of the extraction rules and models; stored with every document so that
#: ``interlock reextract`` knows which documents an older extraction made. Raise it when
#: extraction output changes.
EXTRACTION_VERSION = "2026-12-02.3"


def build(doc: Doc, title: str | None = None, url: str | None = None) -> ExtractedDocument:
    """The extraction result for a Doc that went through the full pipeline."""
    state = get_state(doc)
    text = text_of(doc)
    out = ExtractedDocument(
        id=state.doc_id,
        published=state.published.isoformat() if state.published else None,
        outlet=state.outlet,
        title=title,
        url=url,
        errors=list(state.errors),
        extraction_version=EXTRACTION_VERSION,
    )
    ent_ids = _entities(state, text, out)
    if state.outlet_entity is not None:
        out.outlet_entity = ent_ids.get(id(state.outlet_entity.resolved()))
    att_ids = _attributions(state, text, out, ent_ids)
    out.times = sorted(state.times, key=lambda t: (t.start, t.end))
    _statements(state, text, out, ent_ids, att_ids)
    _events(state, text, out, ent_ids, att_ids)
    out.opinions = [_span(text, *o) for o in state.opinions]
    return out


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _ref(ent: EntityDraft | None, ent_ids: dict[int, str]) -> str | None:
    return ent_ids.get(id(ent.resolved())) if ent is not None else None


def _entities(state: DocState, text: str, out: ExtractedDocument) -> dict[int, str]:
    ent_ids: dict[int, str] = {}
    outlet = state.outlet_entity.resolved() if state.outlet_entity is not None else None
    for ent in sorted(state.live_entities(), key=lambda e: e.first_start):
        if ent.mentions:
            first = min(ent.mentions, key=lambda m: m.start)
            eid = stable_id("ent", state.doc_id, first.start, first.end, ent.label)
        elif ent is outlet:
            # the publishing outlet from metadata, not named in the text
            eid = stable_id("ent", state.doc_id, "outlet", ent.name)
        else:
            continue
        ent_ids[id(ent)] = eid
        out.entities.append(
            Entity(
                id=eid,
                label=ent.label,
                name=ent.name,
                mentions=[
                    Mention(m.start, m.end, text[m.start : m.end], m.kind)
                    for m in sorted(ent.mentions, key=lambda m: (m.start, m.end))
                ],
                anonymous=ent.anonymous,
                descriptors=list(ent.descriptors),
            )
        )
    return ent_ids


def _attributions(
    state: DocState, text: str, out: ExtractedDocument, ent_ids: dict[int, str]
) -> dict[int, str]:
    att_ids: dict[int, str] = {}
    ordered = sorted(state.attributions, key=lambda a: (a.cue[0], a.content[0]))
    for att in ordered:
        att_ids[id(att)] = stable_id("att", state.doc_id, att.cue, att.content)
    for att in ordered:
        source = None
        if att.source is not None:
            source = Source(
                att.source[0],
                att.source[1],
                text[att.source[0] : att.source[1]],
                entity=_ref(att.source_entity, ent_ids),
                anonymous=att.anonymous,
            )
        via = [v for v in (_ref(e, ent_ids) for e in att.via) if v is not None]
        out.attributions.append(
            Attribution(
                id=att_ids[id(att)],
                kind=att.kind,
                source=source,
                cue=_span(text, *att.cue),
                content=_span(text, *att.content),
                via=via,
                same_source_as=_att_ref(att.same_source_as, att_ids),
                modality=att.modality,
            )
        )
    return att_ids


def _refs(ents: list[EntityDraft], ent_ids: dict[int, str]) -> list[str]:
    """Entity ids of several drafts, in order, each once."""
    out: list[str] = []
    for ent in ents:
        ref = _ref(ent, ent_ids)
        if ref is not None and ref not in out:
            out.append(ref)
    return out


def _att_ref(att: AttributionDraft | None, att_ids: dict[int, str]) -> str | None:
    return att_ids.get(id(att)) if att is not None else None


def _statements(
    state: DocState,
    text: str,
    out: ExtractedDocument,
    ent_ids: dict[int, str],
    att_ids: dict[int, str],
) -> None:
    seen: set[str] = set()
    for st in sorted(state.statements, key=lambda s: s.evidence):
        require_predicate(st.predicate)  # every predicate comes from the vocabulary
        subject = _ref(st.subject, ent_ids)
        if subject is None:
            continue
        obj = _ref(st.object, ent_ids)
        sid = stable_id("st", state.doc_id, subject, st.predicate, obj, st.role, st.evidence)
        if sid in seen:
            continue
        seen.add(sid)
        out.statements.append(
            Statement(
                id=sid,
                subject=subject,
                predicate=st.predicate,
                object=obj,
                role=st.role,
                valid_from=st.valid_from,
                valid_to=st.valid_to,
                modality=st.modality,
                attribution=_att_ref(st.attribution, att_ids),
                evidence=_span(text, *st.evidence),
                status=st.status,
                time=st.time.value if st.time is not None else None,
                time_basis=time_basis(st.time),
                confidence=st.confidence,
                rule=st.rule,
            )
        )
        ids = state.cache.setdefault("statement_ids", {})
        assert isinstance(ids, dict)
        ids[id(st)] = sid  # for training the confidence model (scripts/train_confidence.py)


def _event_id(taken: set[str], doc_id: str, kind: str, trigger: tuple[int, int], participants: list[str]) -> str:
    """An event's id: from its document, type and trigger, as always; one phrase can tell several
    events ("visited Tripoli and Benghazi", "separate meetings with A and B"), and those after the
    first take their participants into the id too, so that no two items of a document share one."""
    found = stable_id("ev", doc_id, kind, trigger)
    if found in taken:
        found = stable_id("ev", doc_id, kind, trigger, *participants)
    n = 1
    while found in taken:  # the same participants twice: number them
        n += 1
        found = stable_id("ev", doc_id, kind, trigger, *participants, n)
    taken.add(found)
    return found


def _events(
    state: DocState,
    text: str,
    out: ExtractedDocument,
    ent_ids: dict[int, str],
    att_ids: dict[int, str],
) -> None:
    taken: set[str] = set()
    for ev in sorted(state.events, key=lambda e: e.trigger):
        participants = _refs(ev.participants, ent_ids)
        topics = _refs(ev.topics, ent_ids)
        out.events.append(
            Event(
                id=_event_id(taken, state.doc_id, ev.type, ev.trigger, participants),
                type=ev.type,
                participants=participants,
                place=_ref(ev.place, ent_ids),
                time=ev.time.value if ev.time is not None else None,
                topics=topics,
                evidence=_span(text, *ev.evidence),
                modality=ev.modality,
                attribution=_att_ref(ev.attribution, att_ids),
                secret=ev.secret,
                interval=ev.time.interval if ev.time is not None else None,
                trigger=_span(text, *ev.trigger),
                hedges=[_span(text, *h) for h in ev.hedges],
                uncertain=list(ev.uncertain),
                confidence=ev.confidence,
                time_basis=time_basis(ev.time),
            )
        )
