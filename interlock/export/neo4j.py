"""Neo4j: CSV files for ``neo4j-admin database import`` and a Cypher script of MERGE statements.

``csv`` writes ``nodes.csv`` and ``edges.csv`` into a folder, with the header
row the importer reads: ``id:ID`` and ``:LABEL`` for nodes, ``:START_ID``,
``:END_ID`` and ``:TYPE`` for relationships, typed columns (``degree:int``) and
arrays split on ``;`` (the importer's default array delimiter)::

    neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv neo4j

``cypher`` writes one script that creates the same graph in a running database
with ``MERGE`` (so it can be run twice), meant for small stores
(``cypher-shell -f export.cypher``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from interlock.export.select import Selection

#: Neo4j label per entity label (every node is also an Actor)
LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
          "NORP": "Group", "EVENT": "Event"}

NODE_HEADER = ["id:ID", "name", "kind", "kinds:string[]", "aliases:string[]", "posts:string[]", "degree:int",
               "anonymous:boolean", ":LABEL"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "grade", "confidence:int", "corroboration:int", "statements:int",
               "documents:int", "valid_from", "valid_to", "first_reported", "last_reported", "roles:string[]",
               "status:string[]", "modality:string[]", "contested:boolean", "claim"]


def _label(n: dict[str, Any]) -> str:
    return LABELS.get(n["label"], "Other")


def _arr(values: list[str]) -> str:
    return ";".join(v.replace(";", ",") for v in values)


def _node_row(n: dict[str, Any]) -> list[Any]:
    aliases = [a for a in n["names"] if a != n["name"]]
    return [n["key"], n["name"], n["label"], _arr(n["kinds"]), _arr(aliases), _arr(n["posts"]), n["degree"],
            "true" if n["anonymous"] else "false", f"Actor;{_label(n)}"]


def _edge_row(e: dict[str, Any]) -> list[Any]:
    return [e["source"], e["target"], e["predicate"].upper(), e["grade"] or "", _num(e["confidence"]),
            _num(e["corroboration"]), e["statements"], e["documents"], e["valid_from"] or "", e["valid_to"] or "",
            e["first_reported"] or "", e["last_reported"] or "", _arr(e["roles"]), _arr(e["statuses"]),
            _arr(e["modalities"]), "true" if e["contradicted_by"] else "false", e["claim"] or ""]


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def write_csv(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    """nodes.csv and edges.csv in the folder ``out`` (made if missing)."""
    from interlock.export import Ticker

    out.mkdir(exist_ok=True)
    nodes, edges = Ticker(progress, "nodes"), Ticker(progress, "edges")
    with open(out / "nodes.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(NODE_HEADER)
        for n in selection.nodes():
            w.writerow(_node_row(n))
            nodes()
    with open(out / "edges.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(EDGE_HEADER)
        for e in selection.edges():
            w.writerow(_edge_row(e))
            edges()
    return {"nodes": nodes.done(), "edges": edges.done()}


def _lit(value: Any) -> str:
    """A Cypher literal: strings double-quoted with backslash escapes, lists in brackets, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_lit(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def write_cypher(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    """A Cypher script: a uniqueness constraint, then one MERGE per actor and per tie."""
    from interlock.export import Ticker

    nodes, edges = Ticker(progress, "nodes"), Ticker(progress, "edges")
    with open(out, "w", encoding="utf-8") as f:
        f.write("// Interlock export: actors and ties with their grades (run with cypher-shell -f)\n")
        f.write("CREATE CONSTRAINT interlock_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;\n")
        for n in selection.nodes():
            props = {"name": n["name"], "kind": n["label"], "kinds": n["kinds"],
                     "aliases": [a for a in n["names"] if a != n["name"]], "posts": n["posts"],
                     "degree": n["degree"], "anonymous": n["anonymous"]}
            sets = ", ".join(f"a.{k} = {_lit(v)}" for k, v in props.items())
            f.write(f"MERGE (a:Actor {{id: {_lit(n['key'])}}}) SET a:{_label(n)}, {sets};\n")
            nodes()
        for e in selection.edges():
            props = {"grade": e["grade"], "confidence": e["confidence"], "corroboration": e["corroboration"],
                     "statements": e["statements"], "documents": e["documents"], "valid_from": e["valid_from"],
                     "valid_to": e["valid_to"], "roles": e["roles"], "status": e["statuses"],
                     "modality": e["modalities"], "contested": bool(e["contradicted_by"]), "claim": e["claim"]}
            sets = ", ".join(f"r.{k} = {_lit(v)}" for k, v in props.items())
            f.write(f"MATCH (s:Actor {{id: {_lit(e['source'])}}}), (o:Actor {{id: {_lit(e['target'])}}}) "
                    f"MERGE (s)-[r:{e['predicate'].upper()}]->(o) SET {sets};\n")
            edges()
    return {"nodes": nodes.done(), "edges": edges.done()}
