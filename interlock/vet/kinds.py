"""What kind of actor each actor is (armed group, party, state body, candidate ...), and why.

Kinds come from four places, each kept with its reason so that a finding can show
why an organisation counts as an armed group:

- what the articles say: the actor's names, descriptors, the words just before a
  mention ("the Iran-backed X") and an apposition after it ("X, a militia"), with the
  cue words read from ``kinds.yaml`` (data, not code);
- the reference list (``reference_entities.kinds`` through ``actors.reference_id``)
  and kinds resolution wrote into ``actors.kinds``;
- the outlet registry (``outlets.actor_id``);
- hand tags: ``judgements`` rows of kind ``tag`` / ``untag``, replayed in order, which
  win over everything else (an analyst may untag a wrongly inferred kind).

Candidates are the actors of ``candidate_in`` statements and ``candidacy`` events;
``Candidacies`` also dates each candidacy (registration, election).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from interlock.store import Store
from interlock.vet.rules import kind_definitions

_CONTEXT_LABELS = ("ORG", "NORP", "GPE")
_WORD = r"[\w'’.-]+"


#: ids in one ``IN (...)`` query
CHUNK = 500


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    """Slices of a list small enough for one ``IN (...)`` query."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _alternation(words: Iterable[str]) -> str | None:
    words = sorted({w.lower() for w in words}, key=len, reverse=True)
    if not words:
        return None
    return "(" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words) + ")"


@dataclass
class _Cues:
    labels: frozenset[str]
    name: re.Pattern[str] | None
    descriptor: re.Pattern[str] | None
    before: re.Pattern[str] | None
    apposition: re.Pattern[str] | None


def _cues() -> dict[str, _Cues]:
    out = {}
    for kind, spec in kind_definitions().items():
        word = _alternation(spec.get("name") or [])
        desc = _alternation(spec.get("descriptor") or [])
        before = _alternation(spec.get("before") or [])
        appo = _alternation(spec.get("apposition") or [])
        out[kind] = _Cues(
            labels=frozenset(spec.get("labels") or []),
            name=re.compile(rf"(?<![\w-]){word}(?![\w-])", re.I) if word else None,
            descriptor=re.compile(rf"(?<![\w-]){desc}(?![\w-])", re.I) if desc else None,
            # the cue, then at most three words of the same noun phrase, then the mention
            before=re.compile(rf"(?<![\w-]){before}\s+(?:{_WORD}\s+){{0,3}}$", re.I) if before else None,
            # ", a militia" / " (PMU), an armed group" right after the mention
            apposition=re.compile(
                rf"^\s*(?:\([^()]{{0,40}}\)\s*)?,\s*(?:a|an|the)\s+(?:{_WORD}\s+){{0,3}}?{appo}(?![\w-])", re.I
            ) if appo else None,
        )
    return out


@dataclass
class Candidacy:
    """One actor's candidacy: the statements and events that say so, and its dates."""

    evidence: list[dict[str, Any]] = field(default_factory=list)
    registration: str | None = None      # the earliest dated candidacy event before the election
    election: str | None = None          # the election date, when a statement or event gives it
    first_report: str | None = None      # the earliest publication that reports the candidacy
    _rank: tuple[bool, str] = (True, "")  # how the registration date was chosen: day-exact first, then earliest


class KindIndex:
    """Kinds of actors computed on demand and cached for one vetting run."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cues = _cues()
        self._kinds: dict[str, dict[str, str]] = {}
        self._texts: dict[str, str] = {}
        self._tags = self._read_tags()
        self.candidacies = self._read_candidacies()

    # -- hand tags -------------------------------------------------------------------------------

    def _read_tags(self) -> list[tuple[str, set[str], set[str], str, str]]:
        rows = self.store.rows("vetting.tags")
        out = []
        for r in rows:
            a = json.loads(r["a"])
            names = {n.lower() for n in a.get("names", [])}
            out.append((r["kind"], set(a.get("entities", [])), names, str(r["b"]), f"{r['who']} at {r['at']}"))
        return out

    # -- candidacies -----------------------------------------------------------------------------

    def _read_candidacies(self) -> dict[str, Candidacy]:
        """Every candidate actor with the evidence and dates of the candidacy."""
        out: dict[str, Candidacy] = {}
        rows = self.store.rows("vetting.candidacy_statements")
        election_day: dict[str, str] = {}
        stands_in: dict[str, set[str]] = {}
        for r in rows:
            cand = out.setdefault(r["actor_id"], Candidacy())
            cand.evidence.append({"kind": "statement", "id": r["id"]})
            if r["time"] and re.match(r"^\d{4}-\d{2}-\d{2}$", r["time"]):
                # only a day-exact date can be an election day ("2027" is not)
                cand.election = max(cand.election or r["time"], r["time"])
                if r["election"]:
                    election_day[r["election"]] = max(election_day.get(r["election"], r["time"]), r["time"])
            if r["election"]:
                stands_in.setdefault(r["actor_id"], set()).add(r["election"])
            _first(cand, r["published"])
        for actor, elections in stands_in.items():
            # the election's day, when another candidacy in the same election gives it
            days = [election_day[e] for e in elections if e in election_day]
            if out[actor].election is None and days:
                out[actor].election = max(days)
        events = self.store.rows("vetting.candidacy_events")
        ids = sorted({p for v in events for p in json.loads(v["participants"])})
        actor_of = self.actor_of(ids)
        for v in events:
            for p in json.loads(v["participants"]):
                who = actor_of.get(p)
                if who is None or who.startswith("anon:"):
                    continue
                cand = out.setdefault(who, Candidacy())
                cand.evidence.append({"kind": "event", "id": v["id"]})
                when = _day(v["interval_from"] or v["time"] or "")
                if when:
                    # a day-exact date ("on 10 February") wins over a vaguer one ("in February")
                    exact = bool(v["time"] and re.match(r"^\d{4}-\d{2}-\d{2}$", v["time"]))
                    rank = (not exact, when)
                    if cand.registration is None or rank < cand._rank:
                        cand.registration, cand._rank = when, rank
                _first(cand, v["published"])
        for cand in out.values():
            # a candidacy event dated on election day is the election, not the registration
            if cand.registration and cand.election and cand.registration >= cand.election:
                cand.registration = None
        return out

    def actor_of(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """The actor of each document entity."""
        out: dict[str, str] = {}
        for part in chunks(sorted(set(entity_ids))):
            out.update(self.store.pairs("vetting.entity_actors", part, ids=len(part)))
        return out

    # -- kinds -----------------------------------------------------------------------------------

    def kinds(self, actors: Iterable[str]) -> dict[str, dict[str, str]]:
        """Each actor's kinds, as kind -> the reason it has it."""
        todo = sorted({a for a in actors if a not in self._kinds})
        for part in chunks(todo):
            self._compute(part)
        return {a: self._kinds.get(a, {}) for a in actors}

    def having(self, actors: set[str], wanted: Iterable[str]) -> set[str]:
        """The actors that have any of these kinds."""
        wanted = tuple(wanted)
        known = self._kinds
        todo = sorted(a for a in actors if a not in known)
        for part in chunks(todo):
            self._compute(part)
        return {a for a in actors if not known[a].keys().isdisjoint(wanted)}

    def _compute(self, actors: list[str]) -> None:
        found: dict[str, dict[str, str]] = {a: {} for a in actors}
        ents = self.store.rows("vetting.actor_entities_full", actors, ids=len(actors))
        names: dict[str, set[str]] = {}
        entity_ids: dict[str, set[str]] = {}
        for e in ents:
            a = e["actor_id"]
            names.setdefault(a, set()).add(e["name"].lower())
            entity_ids.setdefault(a, set()).add(e["id"])
            descriptors = json.loads(e["descriptors"]) if e["descriptors"] != "[]" else []
            for kind, cue in self.cues.items():
                if e["label"] not in cue.labels or kind in found[a]:
                    continue
                if cue.name and (m := cue.name.search(e["name"])):
                    found[a][kind] = f"its name {e['name']!r} has {m.group(0)!r}"
                    continue
                for d in descriptors:
                    if cue.descriptor and (m := cue.descriptor.search(d)):
                        found[a][kind] = f"called {d!r} in {e['document_id']}"
                        break
        self._context(ents, found)
        self._registry(actors, found)
        for a in actors:
            if a in self.candidacies:
                found[a].setdefault("candidate", "a candidacy is reported")
            kinds = found[a]
            if "foreign-security" in kinds and "security-body" not in kinds and "tagged" not in kinds["foreign-security"]:
                # "foreign" alone is not enough: the body must be a military or security one
                if not self.cues["foreign-security"].name or not any(
                    self.cues["foreign-security"].name.search(n) for n in names.get(a, ())
                ):
                    kinds.pop("foreign-security")
            self._apply_tags(a, entity_ids.get(a, set()), names.get(a, set()), kinds)
            self._kinds[a] = kinds

    def _context(self, ents: list[Any], found: dict[str, dict[str, str]]) -> None:
        """Kinds from the words around an organisation's mentions (prefix and apposition)."""
        by_id = {e["id"]: e for e in ents if e["label"] in _CONTEXT_LABELS}
        for part in chunks(sorted(by_id)):
            for m in self.store.each("vetting.naming_mentions", part, ids=len(part)):
                e = by_id[m["entity_id"]]
                text = self._text(m["document_id"])
                if not text:
                    continue
                before, after = text[max(0, m["start"] - 80) : m["start"]], text[m["end"] : m["end"] + 80]
                for kind, cue in self.cues.items():
                    if e["label"] not in cue.labels or kind in found[e["actor_id"]]:
                        continue
                    for pattern, side in ((cue.before, before), (cue.apposition, after)):
                        hit = pattern.search(side) if pattern else None
                        if hit:
                            phrase = (side[hit.start() :] + m_text(text, m)) if side is before else (m_text(text, m) + side[: hit.end()])
                            found[e["actor_id"]][kind] = f"{' '.join(phrase.split())!r} in {m['document_id']}"
                            break

    def _text(self, document_id: str) -> str:
        if document_id not in self._texts:
            row = self.store.row("vetting.document_text", (document_id,))
            self._texts[document_id] = row[0] if row else ""
        return self._texts[document_id]

    def _registry(self, actors: list[str], found: dict[str, dict[str, str]]) -> None:
        """Kinds from the resolved actors, their reference entities and the outlet registry."""
        for r in self.store.each("vetting.actor_kinds", actors, ids=len(actors)):
            for kind in json.loads(r["kinds"] or "[]"):
                found[r["id"]].setdefault(kind, "kinds given by resolution")
            for kind in json.loads(r["ref_kinds"] or "[]"):
                found[r["id"]].setdefault(kind, f"reference list entry {r['ref_name']!r}")
        for r in self.store.each("vetting.registry_outlets", actors, ids=len(actors)):
            found[r["actor_id"]].setdefault("outlet", f"outlet registry: {r['name']!r}")

    def _apply_tags(self, actor: str, entity_ids: set[str], names: set[str], kinds: dict[str, str]) -> None:
        for verb, ents, tag_names, tag, who in self._tags:
            if not (ents & entity_ids or tag_names & names):
                continue
            if verb == "tag":
                kinds[tag] = f"tagged by {who}"
            else:
                kinds.pop(tag, None)


def m_text(text: str, m: Any) -> str:
    """The text of a mention row."""
    return text[m["start"] : m["end"]]


def _day(value: str) -> str | None:
    """The first day a TIMEX value or date can mean (YYYY-MM-DD), or None when vague."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if re.match(r"^\d{4}-\d{2}$", value):
        return value + "-01"
    if re.match(r"^\d{4}$", value):
        return value + "-01-01"
    return None


def _first(cand: Candidacy, published: str | None) -> None:
    if published:
        cand.first_report = min(cand.first_report or published, published)
