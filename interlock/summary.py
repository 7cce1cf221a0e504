"""A plain-text reading of an extraction result, for people rather than programs."""

from __future__ import annotations

from interlock.model import ExtractedDocument


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summarise(doc: ExtractedDocument) -> str:
    """Statements, attributions and events of one document, one line each."""

    def name(entity_id: str | None) -> str:
        ent = doc.entity(entity_id)
        return ent.name if ent is not None else "?"

    lines = [f"# {doc.id}" + (f"  ({doc.outlet}, {doc.published})" if doc.outlet or doc.published else "")]
    people = [e for e in doc.entities if e.label == "PERSON"]
    orgs = [e for e in doc.entities if e.label == "ORG"]
    lines.append(f"{len(doc.entities)} entities: {len(people)} people, {len(orgs)} organisations")
    if doc.statements:
        lines.append("statements:")
    for st in doc.statements:
        role = f" as {st.role}" if st.role else ""
        obj = f" {name(st.object)}" if st.object else ""
        when = f" [{st.time}]" if st.time else ""
        tags = ", ".join(t for t in (st.status if st.status != "current" else "", st.modality) if t)
        lines.append(f"  {name(st.subject)} {st.predicate}{obj}{role}{when} ({tags})")
    if doc.attributions:
        lines.append("attributions:")
    for att in doc.attributions:
        who = _short(att.source.text, 40) if att.source else "(no source)"
        if att.source and att.source.anonymous:
            who += " [anonymous]"
        via = " via " + " > ".join(name(v) for v in att.via) if att.via else ""
        lines.append(f"  {who}{via} {att.cue.text!r}: {_short(att.content.text)}")
    if doc.events:
        lines.append("events:")
    for ev in doc.events:
        who = ", ".join(name(p) for p in ev.participants)
        where = f" in {name(ev.place)}" if ev.place else ""
        when = f" [{ev.time}]" if ev.time else ""
        about = f" about {', '.join(name(t) for t in ev.topics)}" if ev.topics else ""
        flags = ", ".join(f for f in ("secret" if ev.secret else "", ev.modality, *(f"uncertain {u}" for u in ev.uncertain)) if f)
        lines.append(f"  {ev.type}: {who}{where}{when}{about} ({flags})")
    return "\n".join(lines)
