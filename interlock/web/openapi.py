"""The OpenAPI 3.1 description of the explorer's JSON twins (``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from interlock import __version__

_OBJ: dict[str, Any] = {"type": "object"}
_LIST: dict[str, Any] = {"type": "array", "items": {"type": "object"}}


def _q(name: str, what: str, kind: str = "string", many: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if many:
        schema = {"type": "array", "items": schema}
    return {"name": name, "in": "query", "required": False, "description": what, "schema": schema,
            **({"style": "form", "explode": True} if many else {})}


def _p(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": what, "schema": {"type": "string"}}


_CONF = _q("min_confidence", "Leave out statements less likely right than this (0-1).", "number")
_GRADE = _q("min_grade", "Only what is graded at least this well (Admiralty, e.g. C3).")
_PAGE = [_q("offset", "Skip this many items.", "integer"), _q("limit", "At most this many items.", "integer")]

#: path -> (summary, the CLI command whose --json it matches, parameters, response schema)
ENDPOINTS: dict[str, tuple[str, str, list[dict[str, Any]], dict[str, Any]]] = {
    "/api/stats": ("What the store holds", "interlock stats --json", [_CONF], _OBJ),
    "/api/search": ("Actors and documents matching a search", "interlock search TEXT --json",
                    [_q("q", "The search: words, \"phrases\", AND / OR / NOT."), _q("from", "Published on or after."),
                     _q("to", "Published on or before."), _q("limit", "At most this many of each.", "integer"), _CONF],
                    _OBJ),
    "/api/actors/{key}": ("An actor's profile", "interlock show NAME --json",
                          [_p("key", "An actor id or a name."), _GRADE, _CONF], _OBJ),
    "/api/timeline/{key}": ("An actor's dated statements and events", "interlock timeline NAME --json",
                            [_p("key", "An actor id or a name."), _GRADE, _CONF], _LIST),
    "/api/graph": ("An actor's network, laid out", "interlock graph NAME --json",
                   [_q("actor", "An actor id or a name."), _q("hops", "1 to 3.", "integer"), _GRADE,
                    _q("predicate", "Only these predicates.", many=True), _q("from", "Reported on or after."),
                    _q("to", "Reported on or before."), _CONF], _OBJ),
    "/api/claims/{claim_id}": ("A claim with every statement behind it", "interlock claim ID --json",
                               [_p("claim_id", "A claim id."), _CONF], _OBJ),
    "/api/documents/{doc_id}": ("A document with what was extracted from it", "interlock document ID --json",
                                [_p("doc_id", "A document id."), _CONF], _OBJ),
    "/api/events": ("Events in date order", "interlock events --json",
                    [_q("from", "On or after."), _q("to", "On or before."), _q("type", "An event type."),
                     _q("actor", "A participant."), _GRADE, *_PAGE, _CONF], _LIST),
    "/api/findings": ("Findings of the shipped rule pack", "interlock vet --json",
                      [_GRADE, _q("rule", "Only this rule."), *_PAGE, _CONF], _LIST),
    "/api/outlets": ("Outlets with reliability, kind and affiliation", "interlock outlets --json", _PAGE, _LIST),
    "/api/outlets/compare": ("Outlets compared pair by pair", "interlock outlets compare [A B] --json",
                             [_q("a", "An outlet."), _q("b", "Another outlet.")], _OBJ),
    "/api/alerts": ("Stored alerts", "interlock alerts --json",
                    [_q("since", "Raised on or after (YYYY-MM-DD)."),
                     _q("published_since", "About documents published on or after."), *_PAGE], _LIST),
    "/api/gantt": ("Posts of several actors over time", "interlock gantt A B --json",
                   [_q("actor", "Actors (names or ids).", many=True), _GRADE, _CONF], _LIST),
    "/api/views": ("Saved views", "interlock views --json", [], _LIST),
}


def document() -> dict[str, Any]:
    """The OpenAPI document."""
    error = {"description": "A clear error", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"error": {"type": "string"}, "message": {"type": "string"}}}}}}
    paths: dict[str, Any] = {}
    for path, (summary, command, params, schema) in ENDPOINTS.items():
        paths[path] = {"get": {
            "summary": summary, "description": f"The same data as `{command}`.",
            "operationId": path.strip("/").replace("/", "_").replace("{", "").replace("}", ""),
            "parameters": params,
            "responses": {"200": {"description": summary, "content": {"application/json": {"schema": schema}}},
                          "400": error, "404": error},
        }}
    return {"openapi": "3.1.0",
            "info": {"title": "Interlock explorer", "version": __version__,
                     "description": "JSON twins of the explorer's pages; each matches a CLI command's --json."},
            "paths": paths}
