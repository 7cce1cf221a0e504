"""Time relations of vetting rules: when a statement holds, against registration, candidacy or another step.

A statement's time is read conservatively from what the store has: its start is
``valid_from``, else its ``time``, else the day it was published; its end is
``valid_to``; a current post is known to hold at least until publication, and a
former one with no end date has an unknown end (which no window can be proved
against). Each check returns whether it holds and a note that says how it was
measured, which the finding shows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from interlock.vet.kinds import Candidacy, _day
from interlock.vet.rules import Rule, TimeSpec


def _d(value: str | None) -> date | None:
    day = _day(value or "")
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def start_of(row: Any) -> date | None:
    """When a statement's fact starts, or the day it was reported when nothing better is known."""
    return _d(row["valid_from"]) or _d(row["time"]) or _d(row["published"])


def end_of(row: Any) -> date | None:
    """The last day a statement's fact is known to hold, or None when that is unknown."""
    if row["valid_to"]:
        return _d(row["valid_to"])
    if row["status"] == "current":
        return _d(row["published"])
    if row["predicate"] == "resigned_from":
        return _d(row["time"]) or _d(row["published"])
    return None


def _registration(cand: Candidacy | None) -> tuple[date | None, str]:
    if cand is None:
        return None, "no candidacy found"
    if cand.registration:
        return _d(cand.registration), f"registered {cand.registration}"
    if cand.first_report:
        return _d(cand.first_report), (
            f"registration date not reported; measured from the first report of the candidacy, {cand.first_report}"
        )
    return None, "no registration date"


def _candidacy(cand: Candidacy | None, rule: Rule) -> tuple[date | None, date | None, str]:
    """The span a candidacy lasts: registration (or an assumed start) to the election (or open)."""
    if cand is None:
        return None, None, "no candidacy found"
    election = _d(cand.election)
    if cand.registration:
        start, how = _d(cand.registration), f"registered {cand.registration}"
    elif election:
        start = election - timedelta(days=rule.campaign_days)
        how = f"registration date not reported; candidacy taken from {rule.campaign_days} days before the election"
    elif cand.first_report:
        start, how = _d(cand.first_report), f"candidacy taken from its first report, {cand.first_report}"
    else:
        return None, None, "no date for the candidacy"
    return start, election, how + (f", election {cand.election}" if election else "")


def check(spec: TimeSpec, row: Any, rows: list[Any], cand: Candidacy | None, rule: Rule) -> tuple[bool, str]:
    """Whether ``row`` (the step's statement) stands in the relation; a note of how it was judged."""
    start, end = start_of(row), end_of(row)
    if spec.reference.startswith("step:"):
        other = rows[int(spec.reference[5:])]
        ref = end_of(other) or start_of(other)
        ref_how = f"step {spec.reference[5:]} dated {ref}"
        lo = hi = ref
    elif spec.reference == "candidacy":
        lo, hi, ref_how = _candidacy(cand, rule)
        ref = lo
    elif spec.reference == "election":
        ref = _d(cand.election) if cand else None
        lo = hi = ref
        ref_how = f"election {ref}" if ref else "no election date"
    else:
        ref, ref_how = _registration(cand)
        lo = hi = ref
    if ref is None or start is None:
        return False, ref_how
    if spec.relation == "during":
        ok = lo is not None and start >= lo and (hi is None or start <= hi)
        return ok, f"{start} within the candidacy ({ref_how})"
    if spec.relation == "overlaps":
        ok = (row["valid_from"] is None or start <= (hi or ref)) and end is not None and end >= (lo or ref)
        return ok, f"holds {start} to {end or 'unknown'}, {ref_how}"
    if spec.relation == "after":
        gap = (start - ref).days
        ok = gap > 0 and (spec.within_days is None or gap <= spec.within_days)
        return ok, f"{start}, {gap} days after ({ref_how})"
    # before: the fact must still hold within the window before the reference date
    if spec.within_days is None:
        return start < ref, f"{start}, before ({ref_how})"
    if end is None:
        return False, f"end date unknown ({ref_how})"
    if row["valid_from"] and start > ref:
        return False, f"began {start}, after ({ref_how})"
    election = _d(cand.election) if cand else None
    if not row["valid_from"] and not row["valid_to"] and end > ref:
        # current when reported after registering, with no start date: it holds while standing only
        # if reported before the election; after it (or with no election date) nothing says so
        if election is None or end > election:
            return False, f"reported {end}, after registration, with no start date and " + (
                f"after the election of {election}" if election else "no election date") + f" ({ref_how})"
        return True, f"current when reported on {end}, while standing ({ref_how}, election {election})"
    gap = (ref - end).days
    ok = gap <= spec.within_days
    if row["status"] == "current" and not row["valid_to"]:
        return ok, f"current when reported on {end} ({ref_how})"
    return ok, f"ended {end}, {gap} days before registration ({ref_how})" if gap >= 0 else f"held until {end} ({ref_how})"
