"""Contradictions beyond denials: two reports that give different values for the same thing.

- **Held versus stepped down**: one report says an actor holds a post (status current) when
  another, from a different origin, has said the actor left it (status former, or a
  ``resigned_from`` statement) at or before that report's date.
- **A different holder of a single-holder post**: two reports, from different origins and
  close in time, name different people as the current commander, leader, chairman, ... of
  the same organisation.

Each conflict is a pair of statements and a reason; grading links them as contradictions
(shown under each source) and counts them in both claims' grades.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from interlock.names import score
from interlock.store import Store

if TYPE_CHECKING:
    from interlock.credibility.claims import Claim, Support

#: predicates that say an actor holds a post in (or belongs to) an organisation
POST_PREDICATES = frozenset({"holds_position", "leader_of", "spokesperson_for", "member_of", "employed_by"})
#: posts one person holds at a time (per organisation)
#: ("leader" and "head" are not among them: a list leader or the head of a branch is one of many)
SINGLE_HOLDER = frozenset({"commander", "chairman", "chairwoman", "president", "prime minister", "secretary general",
                           "secretary-general", "director", "governor", "mayor"})
#: modalities that state a value (not a plan, a condition, a hedge or a denial)
STATED = frozenset({"asserted", "reported"})
#: how far apart two reports of different holders may be to contradict each other (days)
HOLDER_WINDOW = 60

Conflict = tuple[str, str, str]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def value_conflicts(store: Store, claims: list[Claim]) -> dict[str, list[Conflict]]:
    """Conflicts by claim id: (statement of this claim, statement of the other, reason)."""
    names = store.pairs("credibility.actor_names")
    out: dict[str, list[Conflict]] = defaultdict(list)

    def add(ca: Claim, a: Support, cb: Claim, b: Support, reason: str) -> None:
        out[ca.id].append((a.statement, b.statement, reason))
        if cb.id != ca.id:
            out[cb.id].append((b.statement, a.statement, reason))

    def who(actor: str | None) -> str:
        return names.get(actor, actor or "?") if actor else "?"

    # held versus stepped down: posts by (subject, object), and resignations
    held: dict[tuple[str, str], list[tuple[Claim, Support]]] = defaultdict(list)
    left: dict[tuple[str, str], list[tuple[Claim, Support]]] = defaultdict(list)
    for c in claims:
        if c.object is None or c.object.startswith("role:"):
            continue
        for s in c.support:
            if s.negated or s.modality not in STATED:
                continue
            if c.predicate == "resigned_from" or (c.predicate in POST_PREDICATES and s.status == "former"):
                left[(c.subject, c.object)].append((c, s))
            elif c.predicate in POST_PREDICATES and s.status == "current":
                held[(c.subject, c.object)].append((c, s))
    for key, gone in left.items():
        for cg, g in gone:
            end = _day(g.ended) or _day(g.published)
            for ch, h in held.get(key, []):
                now = _day(h.published)
                if end is None or now is None or now < end or g.origin == h.origin:
                    continue
                reason = (f"{h.origin_name} reports {who(key[0])} in {who(key[1])} on {h.published}; "
                          f"{g.origin_name} that he had left by {end.isoformat()}")
                add(ch, h, cg, g, reason)

    # a different holder of a single-holder post
    holders: dict[tuple[str, str], list[tuple[Claim, Support]]] = defaultdict(list)
    for c in claims:
        if c.predicate not in ("holds_position", "leader_of") or c.object is None or c.object.startswith("role:"):
            continue
        for s in c.support:
            if not s.negated and s.modality in STATED and s.status == "current" and s.role in SINGLE_HOLDER:
                holders[(c.object, s.role)].append((c, s))
    for (org, role), reports in holders.items():
        for i, (ca, a) in enumerate(reports):
            for cb, b in reports[i + 1:]:
                if ca.subject == cb.subject or a.origin == b.origin:
                    continue
                da, db = _day(a.published), _day(b.published)
                if da is None or db is None or abs((da - db).days) > HOLDER_WINDOW:
                    continue
                if score(who(ca.subject), who(cb.subject)) >= 0.5:
                    continue  # look-alike names: more likely one person resolution kept apart than two
                reason = (f"{a.origin_name} names {who(ca.subject)} as {role} of {who(org)}, "
                          f"{b.origin_name} names {who(cb.subject)}")
                add(ca, a, cb, b, reason)
    return dict(out)
