"""Two reports that give different dates for one meeting: a contradiction beyond denials.

A meeting of the same two actors that two origins each date to a day (not a month or a year),
on days at most ``MEETING_WINDOW`` apart, is one meeting told two ways, and each report
contradicts the other. An origin that itself gives the pair two days reports two meetings and
contradicts no one with them; days further apart are two meetings.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interlock.credibility.claims import Claim, Support

#: how many days apart two dates of one meeting may be (further apart: two meetings)
MEETING_WINDOW = 7
#: modalities that state a value (not a plan, a condition, a hedge or a denial)
STATED = frozenset({"asserted", "reported"})

Conflict = tuple[str, str, str]


def _day(value: str | None) -> date | None:
    """A day (YYYY-MM-DD...), or None for a month, a year, a period or nothing."""
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 and value[4] == "-" else None
    except ValueError:
        return None


def meeting_date_conflicts(claims: list[Claim]) -> dict[str, list[Conflict]]:
    """Conflicts by claim id: (statement of this claim, statement of the other, reason), for meetings
    whose origins give them different days."""
    out: dict[str, list[Conflict]] = defaultdict(list)
    for c in claims:
        if c.predicate != "met_with" or c.object is None:
            continue
        days: dict[str, set[date]] = defaultdict(set)
        told: dict[str, list[tuple[date, Support]]] = defaultdict(list)
        for s in c.support:
            day = _day(s.time)
            if s.negated or s.modality not in STATED or day is None:
                continue
            days[s.origin].add(day)
            told[s.origin].append((day, s))
        single = sorted(o for o, d in days.items() if len(d) == 1)  # an origin with two days tells two meetings
        for i, a in enumerate(single):
            for b in single[i + 1:]:
                (day_a,), (day_b,) = days[a], days[b]
                if day_a == day_b or abs((day_a - day_b).days) > MEETING_WINDOW:
                    continue
                sa, sb = told[a][0][1], told[b][0][1]
                reason = f"{sa.origin_name} dates the meeting {day_a.isoformat()}, {sb.origin_name} {day_b.isoformat()}"
                for _, x in told[a]:
                    for _, y in told[b]:
                        out[c.id].append((x.statement, y.statement, reason))
    return dict(out)
