"""The sample corpus end to end against its answer key (examples/corpus/README.md, "Planted facts").

Every planted fact F1-F22 is checked twice: *found* (the store holds it: the
statement, event, attribution or time the key describes, in at least one of its
carriers) and *graded as the key says* (the kind column of the key: one origin
for a wire story and its copies, independent corroboration for two outlets with
their own sources, a denial or a contradiction linked to what it denies, a
single anonymous source for a relayed promise, a candidate flagged or not by the
vetting rule as the key's dates say). The checks follow the key, not what the
code gives today: a fact still missed is a strict xfail with the reason (MISSED,
NOT_GRADED below), so a fact that starts to pass fails the run until its marker
goes, and the counts are printed (with ``-s``).

Run: ``python -m pytest tests/test_corpus_answer_key.py -s -p no:cacheprovider``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from interlock.cli import cli
from interlock.credibility.outlets import read as read_registry
from interlock.query import find_actor, lookup
from interlock.store import SQLiteStore
from interlock.vet.engine import vet

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
README = (CORPUS / "README.md").read_text(encoding="utf-8")

#: planted facts the store does not hold yet, and why (each a strict xfail of test_planted_fact_is_found)
MISSED = {
    "F2": "extraction: q07's 'stepped down from his duties with the 4th Brigade' gives a former post with no "
          "organisation",
    "F5": "extraction: 'disqualified', 'rejected his candidacy' and 'upheld the disqualification' are not read as "
          "Abu Hilal's candidacy negated (q16's candidate is 'The candidate', unresolved)",
    "F9": "extraction: q13 tells the meeting as a witness account ('I saw el-Khazraji ... the Varesh cars'), which "
          "gives no meeting statement",
    "F11": "extraction: the trade-delegation meeting al-Khazraji claims in Qasr Nimra on 22 February (q14, q15) is "
           "not extracted",
    "F13": "extraction: the order given at the headquarters meeting of 9 March (q17-q20) gives no event with "
           "al-Sayyadi",
    "F15": "extraction: q04's quote is attributed to an unresolved 'he', q26's has no speaker and q28's speaker is "
           "taken to be Kata'ib al-Sumud",
    "F16": "extraction: 'seated on the commanders' stage' at the rally gives no event with al-Sahlawi",
    "F17": "extraction: crowd sizes are not extracted as values",
    "F19": "extraction: 'armed and financed by Varesh' gives no backed_by statement between the Brigades and Varesh",
    "F22": "extraction: the preliminary results (q30) give an election event without the elected",
}
#: planted facts found but not graded as the key says, and why (strict xfails of
#: test_planted_fact_is_graded_as_the_key_says; a missed fact is not graded either)
NOT_GRADED = {
    "F1": "extraction: in q06's lede, q15 and q24 the post's holder is the description 'deputy commander of the "
          "4th Brigade', not al-Khazraji, so one origin carries it, and F2 (the contradiction) is not extracted; "
          "the one statement of his post (q06, 'lists Hajj Jawad al-Khazraji as deputy commander') has confidence "
          "0.39, under the default threshold of 0.4, so the vetting rule does not flag him (at 0 it does, C2)",
    "F8": "extraction: the meeting is dated by NPA's dateline (2027-03-05), not 'on the night of February 22'",
    "F14": "F13 (the order) is not extracted, so the denial is linked to nothing it denies",
    "F21": "extraction: the approval is dated 2027-04-20 (the election), not the final list's day (2027-03-20)",
}


def _table(heading: str) -> list[list[str]]:
    """The rows of the Markdown table under a README heading, cells stripped."""
    part = README.split(heading, 1)[1]
    rows = []
    for line in part.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows[1:]  # without the header


KEY = {row[0]: {"fact": row[1], "kind": row[2], "carriers": re.findall(r"q\d\d", row[3])}
       for row in _table("## Planted facts")}
ARTICLES = {row[0]: {"published": row[1], "outlet": row[2]} for row in _table("## Articles and what each is for")}


def test_the_key_is_read_whole() -> None:
    assert list(KEY) == [f"F{n}" for n in range(1, 23)]
    assert len(ARTICLES) == 31 and all(KEY[f]["carriers"] for f in KEY)
    assert set().union(*(KEY[f]["carriers"] for f in KEY)) <= set(ARTICLES)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    path = tmp_path_factory.mktemp("answer-key") / "corpus.db"
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS), "--outlets", str(CORPUS / "outlets.yaml"),
                                      "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return SQLiteStore(path)


@dataclass
class World:
    """The store, with the key's article ids (q01-q31) for the stored documents."""

    store: SQLiteStore
    doc: dict[str, str]  # q id -> stored document id
    qid: dict[str, str]  # stored document id -> q id
    _findings: list[dict[str, Any]] | None = None

    def actor(self, name: str) -> str:
        return find_actor(self.store, name)

    def actors(self, *names: str) -> set[str]:
        out = set()
        for n in names:
            try:
                out.add(self.actor(n))
            except Exception:  # noqa: BLE001 - a name extraction never met is simply not there
                continue
        return out

    def statements(self, carriers: list[str] | None = None, **where: Any) -> list[dict[str, Any]]:
        """Statements (with subject/object actors, grade and q id), filtered by carrier and fields."""
        rows = self.store.conn.execute(
            "SELECT s.*, es.actor_id AS s_actor, eo.actor_id AS o_actor, g.grade, g.claim_id, g.attribution_type "
            "FROM statements s JOIN entities es ON es.id = s.subject_id LEFT JOIN entities eo ON eo.id = s.object_id "
            "LEFT JOIN statement_grades g ON g.statement_id = s.id").fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["q"] = self.qid.get(d["document_id"], d["document_id"])
            if carriers is not None and d["q"] not in carriers:
                continue
            if all((d[k] in v) if isinstance(v, set | frozenset | list | tuple) else d[k] == v for k, v in where.items()):
                out.append(d)
        return out

    def events(self, carriers: list[str], kind: str | None = None) -> list[dict[str, Any]]:
        out = []
        for r in self.store.conn.execute("SELECT * FROM events").fetchall():
            d = dict(r)
            d["q"] = self.qid.get(d["document_id"])
            if d["q"] in carriers and (kind is None or d["type"] == kind):
                ids = json.loads(d["participants"]) + json.loads(d["topics"])
                d["actors"] = {self.store.conn.execute("SELECT actor_id FROM entities WHERE id = ?", (i,)).fetchone()[0]
                               for i in ids}
                d["place"] = (self.store.conn.execute("SELECT name FROM entities WHERE id = ?", (d["place_id"],))
                              .fetchone() or [None])[0]
                out.append(d)
        return out

    def claim(self, claim_id: str) -> dict[str, Any]:
        row = dict(self.store.conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone())
        row["origins"], row["contradicted_by"] = json.loads(row["origins"]), json.loads(row["contradicted_by"])
        return row

    def contradiction(self, a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
        """Whether a statement of ``a`` is linked as a contradiction to one of ``b``."""
        ids_b = {s["id"] for s in b}
        for s in a:
            for (other,) in self.store.conn.execute("SELECT other_id FROM contradictions WHERE statement_id = ?",
                                                    (s["id"],)):
                if other in ids_b:
                    return True
        return False

    def said(self, carriers: list[str], speaker: set[str], words: str) -> bool:
        for r in self.store.conn.execute(
            "SELECT a.document_id, a.content_text, e.actor_id FROM attributions a "
            "LEFT JOIN entities e ON e.id = a.source_entity_id"):
            if self.qid.get(r[0]) in carriers and r[2] in speaker and words in (r[1] or ""):
                return True
        return False

    def findings(self, rule: str) -> list[dict[str, Any]]:
        if self._findings is None:
            self._findings = vet(self.store)
        return [f for f in self._findings if f["rule"] == rule]

    def flagged(self, rule: str, subject: str, why: str = "") -> bool:
        """Whether the vetting rule flags the subject (with ``why`` in the finding's chain)."""
        who = self.actor(subject)
        return any(f["entities"][0]["actor"] == who and why in json.dumps(f, ensure_ascii=False)
                   for f in self.findings(rule))

    def times(self, carriers: list[str], value: str) -> bool:
        return any(self.qid.get(r[0]) in carriers for r in self.store.conn.execute(
            "SELECT document_id FROM times WHERE value = ?", (value,)))


@pytest.fixture(scope="module")
def world(store: SQLiteStore) -> World:
    """Stored documents to the key's ids: by id, else by publication date and outlet (the key's table)."""
    registry = read_registry(CORPUS / "outlets.yaml")
    by_day_outlet = {(a["published"], registry.canonical(a["outlet"])): q for q, a in ARTICLES.items()}
    doc: dict[str, str] = {}
    for doc_id, published, outlet in store.conn.execute(
        "SELECT d.id, d.published, o.name FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id"
    ):
        if doc_id in ARTICLES:
            doc[doc_id] = doc_id
        elif outlet and (published, registry.canonical(outlet)) in by_day_outlet:
            doc[by_day_outlet[(published, registry.canonical(outlet))]] = doc_id
    assert set(doc) == set(ARTICLES), f"articles not stored: {sorted(set(ARTICLES) - set(doc))}"
    return World(store, doc, {v: k for k, v in doc.items()})


# -- one check per planted fact: (found, graded as the key says) ------------------------------------------

Result = tuple[bool, bool]
CHECKS: dict[str, Callable[[World, list[str]], Result]] = {}


def check(fact: str) -> Callable[[Callable[[World, list[str]], Result]], Callable[[World, list[str]], Result]]:
    def register(fn: Callable[[World, list[str]], Result]) -> Callable[[World, list[str]], Result]:
        CHECKS[fact] = fn
        return fn
    return register


def _brigades(w: World) -> set[str]:
    """The armed group and its units, under every name the key gives them (each name may be several actors)."""
    names = ("Kata'ib al-Sumud", "4th Brigade of Kata'ib al-Sumud", "4th Brigade", "Brigades", "Steadfastness Brigades")
    return {k for n in names for k in lookup(w.store, n)}


def _post(w: World, carriers: list[str], person: str, role_word: str, modality: set[str] | None = None,
          ) -> list[dict[str, Any]]:
    return [s for s in w.statements(carriers, s_actor=w.actor(person),
                                    predicate={"holds_position", "leader_of", "spokesperson_for", "member_of"})
            if s["o_actor"] in _brigades(w) and role_word in (s["role"] or "")
            and (modality is None or s["modality"] in modality)]


@check("F1")
def f1(w: World, carriers: list[str]) -> Result:
    held = _post(w, carriers, "Jawad al-Khazraji", "deputy commander", {"asserted", "reported"})
    held = [s for s in held if s["status"] == "current"]
    if not held:
        return False, False
    claim = w.claim(held[0]["claim_id"])
    # reported by NPA's own reporting and by the HEC decision (q24): independent; contradicted by F2; and the
    # candidate holding a post in the armed group at registration is what the vetting rule flags
    flagged = w.flagged("armed-post-at-registration", "Jawad al-Khazraji")
    return True, claim["corroboration"] >= 2 and bool(claim["contradicted_by"]) and flagged


@check("F2")
def f2(w: World, carriers: list[str]) -> Result:
    stepped = [s for s in w.statements(["q07"], s_actor=w.actor("Jawad al-Khazraji"))
               if s["o_actor"] in _brigades(w) and (s["status"] == "former" or s["predicate"] == "resigned_from")]
    if not stepped:
        return False, False
    held = _post(w, ["q06", "q24"], "Jawad al-Khazraji", "deputy commander")
    return True, w.contradiction(stepped, held)


def _resigned(w: World, carriers: list[str], person: str, day: str) -> list[dict[str, Any]]:
    return [s for s in w.statements(carriers, s_actor=w.actor(person))
            if s["o_actor"] in _brigades(w) and (s["predicate"] == "resigned_from" or s["status"] == "former")
            and day in (s["valid_to"] or "", s["time"] or "")]


def _candidacy(w: World, carriers: list[str], person: str, day: str) -> bool:
    """A candidacy of the person on that day: the event's date, else (undated: "on Wednesday" in a report of
    that day) its article's publication date, as the timeline dates it."""
    who = w.actor(person)
    published = dict(w.store.conn.execute("SELECT id, published FROM documents").fetchall())
    return any(who in e["actors"] and (e["time"] or published.get(e["document_id"]) or "").startswith(day)
               for e in w.events(carriers, "candidacy"))


@check("F3")
def f3(w: World, carriers: list[str]) -> Result:
    resigned = _resigned(w, carriers, "Nabil al-Sahlawi", "2026-02-08")
    registered = _candidacy(w, carriers, "Nabil al-Sahlawi", "2027-02-10")
    # a year before registering: eligible, so the vetting rule does not flag him for it
    return bool(resigned) and registered, (bool(resigned) and not w.claim(resigned[0]["claim_id"])["contradicted_by"]
                                           and not w.flagged("armed-post-at-registration", "Nabil al-Sahlawi"))


@check("F4")
def f4(w: World, carriers: list[str]) -> Result:
    resigned = _resigned(w, carriers, "Faris Abu Hilal", "2027-01-27")
    registered = _candidacy(w, carriers, "Faris Abu Hilal", "2027-02-17")
    if not resigned:
        return False, False
    claim = w.claim(resigned[0]["claim_id"])
    # 21 days before registering: ineligible, which the vetting rule flags, with the 21 days
    flagged = w.flagged("armed-post-at-registration", "Faris Abu Hilal", "21 days before registration")
    return registered, not claim["contradicted_by"] and flagged


@check("F5")
def f5(w: World, carriers: list[str]) -> Result:
    hilal = w.actor("Faris Abu Hilal")
    # the HEC's rejection (2027-03-08) and the appeal's (2027-03-25): a candidacy negated, dated
    rejected = [e for e in w.events(carriers) if hilal in e["actors"] and e["modality"] == "negated"
                and (e["time"] or "")[:10] in ("2027-03-08", "2027-03-25")]
    return bool(rejected), bool(rejected)


@check("F6")
def f6(w: World, carriers: list[str]) -> Result:
    promised = [s for s in _post(w, carriers, "Mahmoud al-Qaysi", "commander") if s["modality"] != "negated"]
    if not promised:
        return False, False
    claim = w.claim(promised[0]["claim_id"])
    relays = [s for s in promised if s["q"] in ("q22", "q31")]
    one_anonymous = claim["corroboration"] == 1 and all(
        s["attribution_type"] and s["attribution_type"].startswith("anonymous") for s in promised)
    conditional = any(s["modality"] in ("conditional", "planned") or s["status"] == "planned" for s in promised)
    return True, one_anonymous and conditional and bool(relays)


@check("F7")
def f7(w: World, carriers: list[str]) -> Result:
    denied = [s for s in _post(w, carriers, "Mahmoud al-Qaysi", "commander") if s["modality"] == "negated"]
    if not denied:
        return False, False
    promised = [s for s in _post(w, ["q21", "q22", "q31"], "Mahmoud al-Qaysi", "commander")
                if s["modality"] != "negated"]
    claim = w.claim(denied[0]["claim_id"])
    # denied on record against a single anonymous source: improbable
    return True, w.contradiction(denied, promised) and claim["credibility"] == 5


def _meeting(w: World, carriers: list[str]) -> list[dict[str, Any]]:
    khazraji, maras = w.actor("Jawad al-Khazraji"), w.actor("Teodor Maras")
    return [s for s in w.statements(carriers, predicate="met_with")
            if {s["s_actor"], s["o_actor"]} == {khazraji, maras} and s["modality"] != "negated"]


@check("F8")
def f8(w: World, carriers: list[str]) -> Result:
    met = _meeting(w, carriers)
    khazraji, maras = w.actor("Jawad al-Khazraji"), w.actor("Teodor Maras")
    events = [e for e in w.events(carriers, "meeting") if {khazraji, maras} <= e["actors"] and e["modality"] != "negated"]
    right = [e for e in events if e["secret"] and (e["time"] or "").startswith("2027-02-22")
             and "Qasr Nimra" in (e["place"] or "")]
    dated = [s for s in met if (s["time"] or "").startswith("2027-02-22")]
    flagged = w.flagged("met-foreign-security", "Jawad al-Khazraji")
    return bool(met and events), bool(right and dated) and flagged


@check("F9")
def f9(w: World, carriers: list[str]) -> Result:
    met = _meeting(w, carriers)
    found = {s["q"] for s in met} >= {"q12", "q13"}
    if not met:
        return False, False
    claim = w.claim(met[0]["claim_id"])
    return found, claim["corroboration"] >= 2 and "independent" in claim["reason"]


@check("F10")
def f10(w: World, carriers: list[str]) -> Result:
    khazraji, maras = w.actor("Jawad al-Khazraji"), w.actor("Teodor Maras")
    denials = [s for s in w.statements(carriers, predicate="met_with", modality="negated")
               if {s["s_actor"], s["o_actor"]} == {khazraji, maras}]
    return bool(denials), bool(denials) and w.contradiction(denials, _meeting(w, ["q12", "q13"]))


@check("F11")
def f11(w: World, carriers: list[str]) -> Result:
    khazraji = w.actor("Jawad al-Khazraji")
    claimed = [e for e in w.events(carriers, "meeting") if e["modality"] != "negated"
               and (e["time"] or "").startswith("2027-02-22") and khazraji in e["actors"]]
    told = [s for s in w.statements(carriers, s_actor=khazraji, predicate="met_with") if s["modality"] != "negated"]
    delegation = w.statements(["q09", "q10"], predicate="met_with")
    return bool(claimed or told), bool(told) and w.contradiction(told, delegation)


@check("F12")
def f12(w: World, carriers: list[str]) -> Result:
    rellin, haddad, nuaimi = w.actors("Danica Rellin"), w.actors("Mustafa al-Haddad"), w.actors("Salma al-Nuaimi")
    met = [s for s in w.statements(carriers, predicate="met_with")
           if {s["s_actor"], s["o_actor"]} & rellin and {s["s_actor"], s["o_actor"]} & (haddad | nuaimi)]
    events = [e for e in w.events(carriers, "meeting") if e["actors"] & rellin and e["actors"] & (haddad | nuaimi)]
    published = dict(w.store.conn.execute("SELECT id, published FROM documents").fetchall())
    # dated by its sentence, else (undated: "on Tuesday" in that day's report) by its article, as the timeline does
    dated = [e for e in events if (e["time"] or published.get(e["document_id"]) or "").startswith("2027-02-20")]
    harmless = not any(rellin & {e["actor"] for e in f["entities"]} for f in w.findings("met-foreign-security"))
    return bool(met or events), bool(dated) and not any(e["secret"] for e in events) and harmless


def _q17_family(w: World) -> set[str]:
    root = w.doc["q17"]
    return {w.qid[r[0]] for r in w.store.conn.execute("SELECT id FROM documents WHERE id = ? OR copy_of = ?", (root, root))}


@check("F13")
def f13(w: World, carriers: list[str]) -> Result:
    sayyadi = w.actor("Qasim al-Sayyadi")
    ordered = [e for e in w.events(carriers) if sayyadi in e["actors"] and (e["time"] or "").startswith("2027-03-09")]
    # whatever the wire story says, the original and its copies are one origin
    family = _q17_family(w)
    claims = {s["claim_id"] for s in w.statements(sorted(family)) if s["claim_id"]}
    only_family = [w.claim(c) for c in claims if {s["q"] for s in w.statements(claim_id=c)} <= family]
    one_origin = bool(only_family) and all(c["corroboration"] == 1 for c in only_family)
    return bool(ordered), family == {"q17", "q18", "q19", "q20"} and one_origin


@check("F14")
def f14(w: World, carriers: list[str]) -> Result:
    # the denial is stored as what the Brigades' spokesman said, negated, in the wire story and its copies
    denied = {w.qid.get(r[0]) for r in w.store.conn.execute(
        "SELECT document_id FROM attributions WHERE modality = 'negated' AND source_text LIKE '%spokes%' "
        "AND source_text LIKE '%Brigades%' AND content_text LIKE '%order%'")}
    # graded: a negated statement of the order (al-Sayyadi's) linked to F13's report of it
    sayyadi = w.actor("Qasim al-Sayyadi")
    denials = w.statements(carriers, modality="negated", s_actor=sayyadi)
    reported = [s for s in w.statements(carriers, s_actor=sayyadi) if s["modality"] != "negated"]
    return denied >= set(carriers), bool(denials) and w.contradiction(denials, reported)


@check("F15")
def f15(w: World, carriers: list[str]) -> Result:
    sahlawi = {w.actor("Nabil al-Sahlawi")}
    quoted = w.said(carriers, sahlawi, "cut all ties") or w.said(carriers, sahlawi, "have no rank")
    resigned = _resigned(w, ["q04"], "Nabil al-Sahlawi", "2026")
    return quoted, bool(resigned) and resigned[0]["attribution_type"] not in (None, "outlet")


@check("F16")
def f16(w: World, carriers: list[str]) -> Result:
    sahlawi = w.actor("Nabil al-Sahlawi")
    at_rally = [e for e in w.events(carriers) if sahlawi in e["actors"] and e["type"] not in ("candidacy",)]
    return bool(at_rally), any((e["time"] or "").startswith("2027-04-11") for e in at_rally)


@check("F17")
def f17(w: World, carriers: list[str]) -> Result:
    # crowd sizes are not extracted as values yet: found when both figures are stored as statements or events
    counts = [e for e in w.events(carriers) if "8,000" in e["evidence_text"] or "50,000" in e["evidence_text"]]
    return len({e["q"] for e in counts}) >= 2, False


@check("F18")
def f18(w: World, carriers: list[str]) -> Result:
    sayyadi, wafa = w.actor("Qasim al-Sayyadi"), w.actor("Wafa Alliance")
    founded = w.statements(carriers, s_actor=sayyadi, predicate="founded", o_actor=wafa)
    leads = [s for s in w.statements(carriers, s_actor=sayyadi, predicate={"leader_of", "holds_position"})
             if s["o_actor"] in _brigades(w) and "commander" in (s["role"] or "")]
    if not (founded and leads):
        return False, False
    # the founding comes from one wire story and its copies (one origin); the command from NPA and Al-Ufuq
    return True, w.claim(founded[0]["claim_id"])["corroboration"] == 1 and any(
        w.claim(s["claim_id"])["corroboration"] >= 2 for s in leads)


@check("F19")
def f19(w: World, carriers: list[str]) -> Result:
    varesh = w.actors("Federation of Varesh")
    backed = [s for s in w.statements(carriers, predicate="backed_by") if s["o_actor"] in varesh
              and s["s_actor"] in _brigades(w)]
    attributed = [s for s in backed if s["modality"] in ("reported", "hedged")]
    return bool(backed), bool(attributed)


@check("F20")
def f20(w: World, carriers: list[str]) -> Result:
    closes = w.times(carriers, "2027-03-01")
    six_months = w.times(carriers, "P6M")
    return closes and six_months, closes and six_months


@check("F21")
def f21(w: World, carriers: list[str]) -> Result:
    khazraji = w.actor("Jawad al-Khazraji")
    approved = [e for e in w.events(carriers) if khazraji in e["actors"] and e["type"] == "candidacy"
                and e["modality"] != "negated"]
    return bool(approved), any((e["time"] or "").startswith("2027-03-20") for e in approved)


@check("F22")
def f22(w: World, carriers: list[str]) -> Result:
    elected = [e for e in w.events(carriers, "election") if e["actors"] & w.actors(
        "Jawad al-Khazraji", "Nabil al-Sahlawi", "Mahmoud al-Qaysi", "Salma al-Nuaimi")]
    return bool(elected), len(elected) >= 4


@pytest.fixture(scope="module")
def results(world: World) -> dict[str, Result]:
    """Each planted fact: (found, graded as the key says); a fact whose actor is not in the store is missed."""
    assert set(CHECKS) == set(KEY), "one check per planted fact"
    out: dict[str, Result] = {}
    for fact, spec in KEY.items():
        try:
            out[fact] = CHECKS[fact](world, list(spec["carriers"]))
        except LookupError:  # an actor of the fact is not in the store at all
            out[fact] = (False, False)
    return out


def _xfail(fact: str, why: str | None) -> Any:
    return pytest.param(fact, marks=pytest.mark.xfail(strict=True, reason=why)) if why else fact


@pytest.mark.parametrize("fact", [_xfail(f, MISSED.get(f)) for f in KEY])
def test_planted_fact_is_found(results: dict[str, Result], fact: str) -> None:
    assert results[fact][0], f"{fact} not found: {KEY[fact]['fact']}"


@pytest.mark.parametrize("fact", [_xfail(f, NOT_GRADED.get(f) or (f"not found: {MISSED[f]}" if f in MISSED else None))
                                  for f in KEY])
def test_planted_fact_is_graded_as_the_key_says(results: dict[str, Result], fact: str) -> None:
    assert results[fact][0] and results[fact][1], f"{fact} not graded as the key says ({KEY[fact]['kind']})"


def test_the_counts(results: dict[str, Result]) -> None:
    """The counts for the closing note: found, and graded as the key says (of those found)."""
    found = [f for f, r in results.items() if r[0]]
    graded = [f for f, r in results.items() if r[0] and r[1]]
    note = (f"answer key: {len(found)} of {len(KEY)} planted facts found, {len(graded)} graded as the key says\n"
            + "\n".join(f"  {f:4} {'found' if r[0] else 'MISSED':7} {'graded' if r[0] and r[1] else 'NOT GRADED':11} "
                        f"{KEY[f]['kind']}: {KEY[f]['fact'][:70]}" for f, r in results.items()))
    print("\n" + note)
    assert set(MISSED) <= set(KEY) and set(NOT_GRADED) <= set(KEY) - set(MISSED)
    assert len(found) == len(KEY) - len(MISSED) and len(graded) == len(KEY) - len(MISSED) - len(NOT_GRADED), note


# -- what the key says of grading holds whatever extraction finds --------------------------------------


def test_a_wire_story_and_its_copies_are_one_origin(world: World) -> None:
    family = _q17_family(world)
    assert family == {"q17", "q18", "q19", "q20"}, "F13: q18-q20 are copies of q17"
    for c in {s["claim_id"] for s in world.statements(sorted(family))}:
        docs = {s["q"] for s in world.statements(claim_id=c)}
        if docs <= family:
            assert world.claim(c)["corroboration"] == 1, (c, docs)


def test_origins_are_actors_or_outlets_and_counted_as_listed(world: World) -> None:
    outlets = {r[0] for r in world.store.conn.execute("SELECT name FROM outlets")}
    actors = {r[0] for r in world.store.conn.execute("SELECT name FROM actors")}
    for row in world.store.conn.execute("SELECT * FROM claims"):
        origins = json.loads(row["origins"])
        assert len(origins) == row["corroboration"], dict(row)
        for name in origins + json.loads(row["contradicted_by"]):
            base = re.sub(r" \(\d+\)$", "", name)
            assert base in outlets | actors | {"the outlet registry"}, f"{name!r} is neither an actor nor an outlet"
        if row["corroboration"] >= 2:
            assert all(o in row["reason"] for o in origins), dict(row)


def test_the_relayed_promise_is_one_anonymous_origin_denied_on_record(world: World) -> None:
    promised = [s for s in _post(world, ["q21", "q22", "q31"], "Mahmoud al-Qaysi", "commander")
                if s["modality"] != "negated"]
    assert {"q21", "q31"} <= {s["q"] for s in promised}, "F6: the origin and the QNB relay"
    claim = world.claim(promised[0]["claim_id"])
    assert claim["corroboration"] == 1 and claim["origins"] == ["Sawt al-Sha'b"]
    assert claim["contradicted_by"], "F7: Wafa denies it on record"
    assert claim["credibility"] == 5


def test_the_secret_meeting_is_denied_by_its_subject_and_linked_both_ways(world: World) -> None:
    met = _meeting(world, ["q12", "q13"])
    assert met, "F8: NPA's report of the meeting"
    khazraji, maras = world.actor("Jawad al-Khazraji"), world.actor("Teodor Maras")
    denials = [s for s in world.statements(["q14", "q15"], predicate="met_with", modality="negated")
               if {s["s_actor"], s["o_actor"]} == {khazraji, maras}]
    assert denials, "F10: 'I have never met General Maras'"
    assert world.contradiction(denials, met) and world.contradiction(met, denials)
