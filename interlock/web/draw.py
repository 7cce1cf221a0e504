"""SVG drawn on the server: the graph (the page's first drawing and its export), posts on a time
axis, the Gantt chart; and an article's text cut into highlighted runs. Every text from a
document is escaped here; shapes use presentation attributes only (no inline style), so the same
SVG is valid under the pages' Content-Security-Policy and as a file on its own."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

WIDTH, HEIGHT = 1000, 700
#: a colour per predicate (the legend lists them)
PREDICATE_COLOURS = {
    "member_of": "#1f77b4", "holds_position": "#2ca02c", "leader_of": "#d62728", "spokesperson_for": "#9467bd",
    "advisor_to": "#8c564b", "employed_by": "#7f7f7f", "part_of": "#17becf", "backed_by": "#ff7f0e",
    "affiliated_with": "#bcbd22", "candidate_in": "#e377c2", "met_with": "#393b79", "founded": "#637939",
    "resigned_from": "#843c39", "ally_of": "#3182bd", "opposes": "#e6550d",
}
SHAPE_COLOURS = {"person": "#4c78a8", "armed-group": "#b22222", "party": "#f58518", "state-body": "#54a24b",
                 "outlet": "#9d755d", "organisation": "#72b7b2", "place": "#bab0ac", "other": "#999999"}


def edge_width(origins: int) -> float:
    """Stroke width from the number of independent origins."""
    return round(1.2 + 1.1 * min(max(origins, 1), 6), 1)


def edge_dash(edge: dict[str, Any]) -> str | None:
    """Dashes for a contradicted or weakly graded tie, dots for a denied one."""
    if edge.get("negated"):
        return "2 4"
    if edge.get("contradicted") or edge.get("weak"):
        return "7 5"
    return None


def _shape(kind: str, x: float, y: float, r: float) -> str:
    if kind == "person":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"'
    if kind == "armed-group":
        return f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x + r * 1.1:.1f},{y + r * 0.8:.1f} {x - r * 1.1:.1f},{y + r * 0.8:.1f}"'
    if kind == "party":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}"'
    if kind == "state-body":
        pts = " ".join(f"{x + r * dx:.1f},{y + r * dy:.1f}" for dx, dy in
                       ((1, 0), (0.5, 0.87), (-0.5, 0.87), (-1, 0), (-0.5, -0.87), (0.5, -0.87)))
        return f'<polygon points="{pts}"'
    if kind == "outlet":
        return f'<polygon points="{x:.1f},{y - r * 1.2:.1f} {x + r * 1.2:.1f},{y:.1f} {x:.1f},{y + r * 1.2:.1f} {x - r * 1.2:.1f},{y:.1f}"'
    if kind == "organisation":
        return f'<rect x="{x - r * 1.3:.1f}" y="{y - r * 0.8:.1f}" width="{2.6 * r:.1f}" height="{1.6 * r:.1f}" rx="3"'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r * 0.8:.1f}"'


def graph_svg(g: dict[str, Any], link: Any, caption: str | None = None) -> Markup:
    """The graph as SVG: ``link(kind, value)`` makes the URL of a node (re-centre) or edge (its claim)."""
    height = HEIGHT + (40 if caption else 0)
    pos = {n["key"]: (40 + n["x"] * (WIDTH - 80), 30 + n["y"] * (HEIGHT - 60)) for n in g["nodes"]}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" class="graph" id="graph-svg" '
           f'role="img" aria-label="network of {escape(g["name"])}">',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>']
    labelled = {n["key"] for n in sorted(g["nodes"], key=lambda n: (n["hops"], -n["ties"]))[:40]}
    out.append('<g class="edges">')
    for e in g["edges"]:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dash = edge_dash(e)
        colour = PREDICATE_COLOURS.get(e["predicate"], "#555555")
        title = f'{e["predicate"]} [{e["grade"] or "ungraded"}], {e["origins"]} origin(s)' + (
            ", contradicted" if e["contradicted"] else "")
        out.append(
            f'<a href="{escape(link("edge", e))}" class="edge" data-edge="{escape(e["id"])}" '
            f'data-predicate="{escape(e["predicate"])}" data-grade="{escape(e["grade"] or "")}">'
            f'<title>{escape(title)}</title>'
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{edge_width(e["origins"])}"' + (f' stroke-dasharray="{dash}"' if dash else "")
            + ' stroke-opacity="0.8"/>'
            f'<line class="hit" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#000000" '
            f'stroke-opacity="0" stroke-width="12"/></a>')
    out.append('</g><g class="nodes">')
    for n in g["nodes"]:
        x, y = pos[n["key"]]
        r = 7 + min(n["ties"], 12) * 0.6 + (4 if n["key"] == g["centre"] else 0)
        fill = SHAPE_COLOURS.get(n["shape"], "#999999")
        out.append(f'<a href="{escape(link("node", n))}" class="node" data-key="{escape(n["key"])}" '
                   f'data-shape="{escape(n["shape"])}"><title>{escape(n["name"])} ({escape(n["shape"])})</title>'
                   + _shape(n["shape"], x, y, r) + f' fill="{fill}" stroke="#222222" stroke-width="'
                   + ("3" if n["key"] == g["centre"] else "1") + '"/>')
        if n["key"] in labelled:
            out.append(f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}" font-size="12" font-family="sans-serif" '
                       f'fill="#111111">{escape(n["name"][:32])}</text>')
        out.append("</a>")
    out.append("</g>")
    if caption:
        out.append(f'<text x="10" y="{height - 14}" font-size="12" font-family="sans-serif" fill="#333333" '
                   f'class="caption">{escape(caption)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _day(value: str | None, end: bool = False) -> date | None:
    """A TIMEX day, month or year value as a date (a month's or year's first day, or last with ``end``)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            year, month = int(value[:4]), int(value[5:7])
            if end:
                return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            return date(year, month, 1)
        return date(int(value[:4]), 12, 31) if end else date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def bars_svg(rows: list[dict[str, Any]], claim_link: Any) -> Markup:
    """Posts as bars on one time axis, a row per post, grouped under each actor (the Gantt chart;
    one actor gives the actor page's axis). An open start or end fades out with an arrow."""
    spans = []
    for row in rows:
        for p in row["posts"]:
            a, b = _day(p["start"]), _day(p["end"], end=True)
            spans += [d for d in (a, b) if d]
    if not spans:
        return Markup('<p class="empty">no dated posts</p>')
    lo, hi = min(spans), max(spans)
    lo = date(lo.year, 1, 1)
    hi = date(hi.year + 1, 1, 1)
    left, width, row_h = 260, 700, 22
    total = sum(1 + len(r["posts"]) for r in rows)
    height = 40 + total * row_h

    def x(d: date) -> float:
        return left + width * (d - lo).days / max((hi - lo).days, 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {left + width + 20} {height}" '
           f'width="{left + width + 20}" height="{height}" class="bars" role="img" aria-label="posts over time">']
    for year in range(lo.year, hi.year + 1):
        gx = x(date(year, 1, 1))
        out.append(f'<line x1="{gx:.1f}" y1="20" x2="{gx:.1f}" y2="{height}" stroke="#dddddd"/>'
                   f'<text x="{gx + 2:.1f}" y="14" font-size="11" font-family="sans-serif" fill="#555555">{year}</text>')
    y = 24
    for row in rows:
        out.append(f'<text x="4" y="{y + 15}" font-size="13" font-weight="bold" font-family="sans-serif" '
                   f'fill="#111111">{escape(row["name"][:36])}</text>')
        y += row_h
        for p in row["posts"]:
            a = _day(p["start"]) or lo
            b = _day(p["end"], end=True) or hi
            x1, x2 = x(a), max(x(b), x(a) + 4)
            colour = {"current": "#2ca02c", "former": "#7f7f7f", "planned": "#1f77b4"}.get(p["status"], "#999999")
            what = " of ".join(v for v in (p["role"], p["object"]) if v) or p["predicate"]
            label = f'{p["predicate"]}: {what}'
            dash = ' stroke-dasharray="4 3"' if p["modality"] in ("hedged", "conditional", "planned", "reported") else ""
            title = (f'{label} ({p["status"]}, {p["modality"]}) {p["valid_from"] or "start not given"} .. '
                     f'{p["valid_to"] or "end not given"}; grade {p["grade"] or "none"}')
            href = claim_link(p["claim"]) if p["claim"] else None
            out.append((f'<a href="{escape(href)}">' if href else "<g>") + f"<title>{escape(title)}</title>")
            out.append(f'<text x="12" y="{y + 15}" font-size="11" font-family="sans-serif" fill="#333333">'
                       f'{escape(label[:40])}</text>')
            out.append(f'<rect class="post post-{escape(p["status"])}" x="{x1:.1f}" y="{y + 4}" width="{x2 - x1:.1f}" '
                       f'height="{row_h - 8}" fill="{colour}" fill-opacity="0.75" stroke="{colour}"{dash}/>')
            if p["open_start"]:
                out.append(f'<polygon points="{x1 - 8:.1f},{y + row_h / 2:.1f} {x1:.1f},{y + 4} {x1:.1f},{y + row_h - 4}" '
                           f'fill="#ffffff" stroke="{colour}"><title>start not given</title></polygon>')
            if p["open_end"]:
                out.append(f'<polygon points="{x2 + 8:.1f},{y + row_h / 2:.1f} {x2:.1f},{y + 4} {x2:.1f},{y + row_h - 4}" '
                           f'fill="#ffffff" stroke="{colour}"><title>end not given</title></polygon>')
            out.append(f'<text x="{min(x2 + 12, left + width - 30):.1f}" y="{y + 15}" font-size="10" '
                       f'font-family="sans-serif" fill="#555555">{escape(p["grade"] or "")}</text>')
            out.append("</a>" if href else "</g>")
            y += row_h
    out.append("</svg>")
    return Markup("".join(out))


def highlight(doc: dict[str, Any]) -> Markup:
    """The article's text with entity mentions, attributions (source, cue, content) and statement
    evidence marked: each run of text carries the classes of every span over it."""
    text: str = doc["text"]
    spans: list[tuple[int, int, str, str | None]] = []
    for e in doc["entities"]:
        for m in e["mentions"]:
            spans.append((m["start"], m["end"], f"ent ent-{e['label'].lower()}", None))
    for a in doc["attributions"]:
        if a["source"]:
            spans.append((a["source"]["start"], a["source"]["end"], "att-source", a["id"]))
        spans.append((a["cue"]["start"], a["cue"]["end"], "att-cue", a["id"]))
        spans.append((a["content"]["start"], a["content"]["end"], "att-content", a["id"]))
    for s in doc["statements"]:
        spans.append((s["evidence"]["start"], s["evidence"]["end"], "evidence", s["id"]))
    spans = [(max(0, a), min(len(text), b), c, i) for a, b, c, i in spans if b > a]
    cuts = sorted({0, len(text), *(a for a, _b, _c, _i in spans), *(b for _a, b, _c, _i in spans)})
    starts: dict[int, list[tuple[int, int, str, str | None]]] = {}
    for sp in spans:
        starts.setdefault(sp[0], []).append(sp)
    anchors = {i for _a, _b, c, i in spans if c == "evidence"}
    out = []
    active: list[tuple[int, int, str, str | None]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        active = [sp for sp in active if sp[1] > lo] + starts.get(lo, [])
        piece = escape(text[lo:hi])
        ids = ""
        for sp in starts.get(lo, []):
            if sp[2] == "evidence" and sp[3] in anchors:
                ids += f'<span id="{escape(sp[3])}"></span>'
                anchors.discard(sp[3])
        if active:
            classes = " ".join(sorted({c for _a, _b, cls, _i in active for c in cls.split()}))
            out.append(f'{ids}<mark class="{classes}">{piece}</mark>')
        else:
            out.append(f"{ids}{piece}")
    return Markup("".join(out))
