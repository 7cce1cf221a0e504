"""The actor network as GEXF 1.2 (Gephi) and GraphML (yEd, Cytoscape, networkx, igraph).

Nodes are actors, edges are ties: one per (subject, predicate, object) with the
claim's grade, STIX confidence, corroboration, dates and statement counts. Both
files are written element by element as the selection is read, so memory stays
flat whatever the size of the store; the element layout is the one networkx
writes and reads back (``networkx.read_gexf``, ``networkx.read_graphml``), which
the tests check.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from interlock.export.select import Selection

#: (name, GEXF/GraphML type, how to read it from a node dict)
NODE_ATTRS: list[tuple[str, str, Callable[[dict[str, Any]], Any]]] = [
    ("name", "string", lambda n: n["name"]),
    ("kind", "string", lambda n: n["label"]),
    ("kinds", "string", lambda n: ";".join(n["kinds"]) or None),
    ("aliases", "string", lambda n: ";".join(a for a in n["names"] if a != n["name"]) or None),
    ("posts", "string", lambda n: ";".join(n["posts"]) or None),
    ("degree", "int", lambda n: n["degree"]),
    ("anonymous", "boolean", lambda n: n["anonymous"]),
]
EDGE_ATTRS: list[tuple[str, str, Callable[[dict[str, Any]], Any]]] = [
    ("predicate", "string", lambda e: e["predicate"]),
    ("grade", "string", lambda e: e["grade"]),
    ("confidence", "int", lambda e: e["confidence"]),
    ("corroboration", "int", lambda e: e["corroboration"]),
    ("statements", "int", lambda e: e["statements"]),
    ("documents", "int", lambda e: e["documents"]),
    ("valid_from", "string", lambda e: e["valid_from"]),
    ("valid_to", "string", lambda e: e["valid_to"]),
    ("first_reported", "string", lambda e: e["first_reported"]),
    ("last_reported", "string", lambda e: e["last_reported"]),
    ("roles", "string", lambda e: ";".join(e["roles"]) or None),
    ("status", "string", lambda e: ";".join(e["statuses"]) or None),
    ("modality", "string", lambda e: ";".join(e["modalities"]) or None),
    ("contested", "boolean", lambda e: bool(e["contradicted_by"])),
    ("claim", "string", lambda e: e["claim"]),
]
_GRAPHML_TYPES = {"string": "string", "int": "int", "boolean": "boolean"}


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_gexf(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    """GEXF 1.2 (the 1.2draft namespace networkx and Gephi read), directed, static."""
    from interlock.export import Ticker

    with open(out, "w", encoding="utf-8") as f:
        f.write("<?xml version='1.0' encoding='utf-8'?>\n"
                '<gexf xmlns="http://www.gexf.net/1.2draft" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                "  <meta><creator>Interlock</creator><description>actors and ties with their grades"
                "</description></meta>\n"
                '  <graph defaultedgetype="directed" mode="static" name="interlock">\n')
        for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
            f.write(f'    <attributes class="{cls}" mode="static">\n')
            for i, (name, kind, _) in enumerate(attrs):
                f.write(f'      <attribute id="{i}" title="{name}" type="{kind}" />\n')
            f.write("    </attributes>\n")
        nodes = Ticker(progress, "nodes")
        f.write("    <nodes>\n")
        for n in selection.nodes():
            f.write(f"      <node id={quoteattr(n['key'])} label={quoteattr(n['name'])}>")
            _gexf_values(f, NODE_ATTRS, n)
            f.write("</node>\n")
            nodes()
        f.write("    </nodes>\n    <edges>\n")
        edges = Ticker(progress, "edges")
        for e in selection.edges():
            f.write(f'      <edge id="{edges.n}" source={quoteattr(e["source"])} target={quoteattr(e["target"])} '
                    f"label={quoteattr(e['predicate'])}>")
            _gexf_values(f, EDGE_ATTRS, e)
            f.write("</edge>\n")
            edges()
        f.write("    </edges>\n  </graph>\n</gexf>\n")
    return {"nodes": nodes.done(), "edges": edges.done()}


def _gexf_values(f: IO[str], attrs: list[tuple[str, str, Callable[[dict[str, Any]], Any]]],
                 item: dict[str, Any]) -> None:
    values = [(i, get(item)) for i, (_, _, get) in enumerate(attrs)]
    f.write("<attvalues>")
    for i, v in values:
        if v is not None:
            f.write(f'<attvalue for="{i}" value={quoteattr(_value(v))} />')
    f.write("</attvalues>")


def write_graphml(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    """GraphML, directed; node and edge attributes as typed keys."""
    from interlock.export import Ticker

    with open(out, "w", encoding="utf-8") as f:
        f.write("<?xml version='1.0' encoding='utf-8'?>\n"
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        for prefix, cls, attrs in (("n", "node", NODE_ATTRS), ("e", "edge", EDGE_ATTRS)):
            for i, (name, kind, _) in enumerate(attrs):
                f.write(f'  <key id="{prefix}{i}" for="{cls}" attr.name="{name}" '
                        f'attr.type="{_GRAPHML_TYPES[kind]}" />\n')
        f.write('  <graph edgedefault="directed">\n')
        nodes = Ticker(progress, "nodes")
        for n in selection.nodes():
            f.write(f"    <node id={quoteattr(n['key'])}>")
            _graphml_values(f, "n", NODE_ATTRS, n)
            f.write("</node>\n")
            nodes()
        edges = Ticker(progress, "edges")
        for e in selection.edges():
            f.write(f'    <edge id="e{edges.n}" source={quoteattr(e["source"])} target={quoteattr(e["target"])}>')
            _graphml_values(f, "e", EDGE_ATTRS, e)
            f.write("</edge>\n")
            edges()
        f.write("  </graph>\n</graphml>\n")
    return {"nodes": nodes.done(), "edges": edges.done()}


def _graphml_values(f: IO[str], prefix: str, attrs: list[tuple[str, str, Callable[[dict[str, Any]], Any]]],
                    item: dict[str, Any]) -> None:
    for i, (_, _, get) in enumerate(attrs):
        v = get(item)
        if v is not None:
            f.write(f'<data key="{prefix}{i}">{escape(_value(v))}</data>')
