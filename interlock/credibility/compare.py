"""Outlets compared: which claims two outlets both carry, whether they corroborate each other
(independent origins), repeat one origin (a copy or a relay), or contradict each other, and
which of the two had it first; and per outlet, how often what it reports is later corroborated
or contradicted.

Everything is read from credibility's tables (``claims``, ``statement_grades``,
``contradictions``), so an outlet's alias or a feed's long title counts as the outlet
(the registry), and "independent" means what grading means by it: different origins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from interlock.credibility.outlets import stored
from interlock.errors import InterlockError
from interlock.store import Store


class UnknownOutlet(InterlockError):
    "An outlet the store does not know"


@dataclass
class _Report:
    """One statement as an outlet carried it."""

    statement: str
    claim: str
    outlet: str
    origin: str
    negated: bool
    published: str


@dataclass
class _Pair:
    a: str
    b: str
    shared: set[str] = field(default_factory=set)
    corroborate: set[str] = field(default_factory=set)
    same_origin: set[str] = field(default_factory=set)
    contradict: set[str] = field(default_factory=set)
    first: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, claim: str, xs: list[_Report], ys: list[_Report], contradicts: dict[str, set[str]]) -> None:
        """Count a claim both outlets carry, ``xs`` as ``a`` reports it and ``ys`` as ``b`` does."""
        self.shared.add(claim)
        x_pro = {r.origin for r in xs if not r.negated}
        y_pro = {r.origin for r in ys if not r.negated}
        if x_pro and y_pro:
            if x_pro - y_pro or y_pro - x_pro:
                self.corroborate.add(claim)
            if x_pro & y_pro:
                self.same_origin.add(claim)
        if any(o in {r.statement for r in ys} for r in xs for o in contradicts.get(r.statement, ())):
            self.contradict.add(claim)
        fx, fy = min(r.published for r in xs), min(r.published for r in ys)
        self.first[self.a if fx < fy else self.b if fy < fx else "same day"] += 1


def _reports(store: Store) -> list[_Report]:
    reg = stored(store)
    out = []
    for r in store.each("credibility.outlet_reports"):
        found = reg.find(r[5])
        out.append(_Report(r[0], r[1], found.name if found else r[5], r[2], r[3] == "negated", r[4] or ""))
    return out


def compare(store: Store, a: str | None = None, b: str | None = None) -> dict[str, Any]:
    """Every pair of outlets (or only ``a`` and ``b``) and every outlet's record."""
    reports = _reports(store)
    names = sorted({r.outlet for r in reports})
    wanted = [_outlet(store, names, x) for x in (a, b) if x is not None]
    by_claim: dict[str, list[_Report]] = defaultdict(list)
    for r in reports:
        by_claim[r.claim].append(r)
    contradicts: dict[str, set[str]] = defaultdict(set)
    for s, o in store.each("credibility.contradictions"):
        contradicts[s].add(o)
    outlet_of = {r.statement: r.outlet for r in reports}
    pairs: dict[tuple[str, str], _Pair] = {}
    record: dict[str, dict[str, Any]] = {
        n: {"outlet": n, "claims": 0, "corroborated_later": 0, "contradicted": 0, "first": 0} for n in names}
    for claim, rows in by_claim.items():
        per_outlet: dict[str, list[_Report]] = defaultdict(list)
        for r in rows:
            per_outlet[r.outlet].append(r)
        for outlet, own in per_outlet.items():
            rec = record[outlet]
            rec["claims"] += 1
            mine = [r for r in own if not r.negated]
            first_own = min((r.published for r in own), default="")
            later_other = [r for r in rows if not r.negated and r.outlet != outlet and r.published >= first_own
                           and r.origin not in {m.origin for m in mine}]
            if mine and later_other:
                rec["corroborated_later"] += 1
            if any(outlet_of.get(o) not in (None, outlet) for r in own for o in contradicts.get(r.statement, ())):
                rec["contradicted"] += 1
            if first_own == min(r.published for r in rows):
                rec["first"] += 1
        for x, y in combinations(sorted(per_outlet), 2):
            pairs.setdefault((x, y), _Pair(x, y)).add(claim, per_outlet[x], per_outlet[y], contradicts)
    out_pairs = []
    for (x, y), p in sorted(pairs.items(), key=lambda kv: (-len(kv[1].shared), kv[0])):
        if wanted and not set(wanted) <= {x, y}:
            continue
        out_pairs.append({
            "a": x, "b": y, "shared": len(p.shared), "corroborate": len(p.corroborate),
            "same_origin": len(p.same_origin), "contradict": len(p.contradict),
            "first": {x: p.first.get(x, 0), y: p.first.get(y, 0), "same day": p.first.get("same day", 0)},
            "claims": sorted(p.shared),
        })
    outlets = [record[n] for n in names if not wanted or n in wanted]
    for rec in outlets:
        n = rec["claims"] or 1
        rec["corroborated_share"] = round(rec["corroborated_later"] / n, 3)
        rec["contradicted_share"] = round(rec["contradicted"] / n, 3)
    return {"pairs": out_pairs, "outlets": outlets}


def _outlet(store: Store, names: list[str], given: str) -> str:
    """The registry name of an outlet as the user typed it (any alias or case)."""
    reg = stored(store)
    found = reg.find(given)
    if found is not None and found.name in names:
        return found.name
    for n in names:
        if n.casefold() == given.casefold():
            return n
    raise UnknownOutlet(f"no outlet {given!r} carries any claim; outlets: {', '.join(names) or 'none'}")
