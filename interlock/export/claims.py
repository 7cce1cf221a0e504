"""JSON lines: one claim per line, with its grade and every statement that makes it, with evidence.

A claim is what statements across articles say of one subject, predicate and
object (``docs/credibility.md``). A line is::

    {"claim", "subject": {"id", "name"}, "predicate", "object": {"id", "name"} | null, "role",
     "grade", "confidence", "corroboration", "origins", "contradicted_by", "reason",
     "statements": [{"id", "document", "title", "url", "outlet", "published", "copy_of", "role",
                     "status", "modality", "valid_from", "valid_to", "time", "evidence",
                     "evidence_start", "evidence_end", "grade", "grade_reason", "attribution_type",
                     "origin", "extraction_confidence", "rule"}]}

Statements of an ungraded store are grouped the same way, with ``claim`` null.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import Any

from interlock.export.select import Selection, confidence

_GROUP = ("coalesce(x.claim_id, x.skey || '|' || x.predicate || '|' || "
          "coalesce(x.okey, 'role:' || coalesce(x.role, '')))")


def write(selection: Selection, out: Path, progress: Any = None) -> dict[str, int]:
    from interlock.export import Ticker

    claims, statements = Ticker(progress, "claims", 1000), 0
    rows = selection.statements(order=f"{_GROUP}, x.sid")

    def key(r: dict[str, Any]) -> str:
        return str(r["claim_id"] or f"{r['skey']}|{r['predicate']}|{r['okey'] or 'role:' + (r['role'] or '')}")

    with open(out, "w", encoding="utf-8") as f:
        for _, group in groupby(rows, key=key):
            items = list(group)
            first = items[0]
            claim = first if first["claim_id"] and first["claim_grade"] else None
            line = {
                "claim": first["claim_id"],
                "subject": {"id": first["skey"], "name": first["subject_name"]},
                "predicate": first["predicate"],
                "object": {"id": first["okey"], "name": first["object_name"]} if first["okey"] else None,
                "role": first["role"] if not first["okey"] else None,
                "grade": claim["claim_grade"] if claim else None,
                "confidence": confidence(claim["claim_credibility"]) if claim else None,
                "corroboration": claim["corroboration"] if claim else None,
                "origins": json.loads(claim["origins"]) if claim else [],
                "contradicted_by": json.loads(claim["contradicted_by"]) if claim else [],
                "reason": claim["claim_reason"] if claim else None,
                "statements": [_statement(r) for r in items],
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
            statements += len(items)
            claims()
    return {"claims": claims.done(), "statements": statements}


def _statement(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["sid"], "document": r["did"], "title": r["title"], "url": r["url"], "outlet": r["outlet"],
            "published": r["published"], "copy_of": r["copy_of"], "role": r["role"], "status": r["status"],
            "modality": r["modality"], "valid_from": r["valid_from"], "valid_to": r["valid_to"], "time": r["time"],
            "evidence": r["evidence_text"], "evidence_start": r["evidence_start"], "evidence_end": r["evidence_end"],
            "grade": r["grade"], "grade_reason": r["grade_reason"], "attribution_type": r["attribution_type"],
            "origin": r["origin"], "extraction_confidence": r["extraction_confidence"], "rule": r["rule"]}
