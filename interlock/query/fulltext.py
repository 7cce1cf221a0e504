"""Full-text ``search`` of actors' names and documents' titles and text.

A user's search becomes an FTS5 query (``fts_query``): "quoted phrases" kept, AND / OR / NOT as
operators, every other word quoted.
"""

from __future__ import annotations

from typing import Any

from interlock.lookup import actor_summary
from interlock.query.checks import BadQuery, check_date, check_search_size, in_date_range
from interlock.store import QueryError, Store

_OPERATORS = frozenset({"AND", "OR", "NOT"})


def fts_query(text: str) -> str:
    """A user's search as an FTS5 query: "quoted phrases" kept, AND / OR / NOT (upper case) as
    operators, every other word quoted (so that punctuation in it is no syntax). Words side by
    side must all match."""
    import shlex

    try:
        parts = shlex.split(text, posix=True)
        phrases = {p for p in shlex.split(text, posix=False) if p.startswith('"') and p.endswith('"')}
    except ValueError:  # an unclosed quote: plain words
        parts, phrases = text.replace('"', " ").split(), set()
    quoted = {p.strip('"') for p in phrases}
    out: list[str] = []
    for p in parts:
        clean = p.replace('"', "").strip()
        if not clean:
            continue
        if clean in _OPERATORS and p not in quoted:
            if out and out[-1] not in _OPERATORS:
                out.append(clean)
            continue
        out.append(f'"{clean}"')
    while out and out[-1] in _OPERATORS:
        out.pop()
    return " ".join(out)


def search(store: Store, text: str, limit: int = 20, date_from: str | None = None,
           date_to: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Actors whose names match, and documents whose title or text match, each with date and outlet.

    ``text`` may hold "quoted phrases" and AND / OR / NOT; ``date_from`` / ``date_to`` keep the
    documents published in that range (inclusive).
    """
    date_from, date_to = check_date(date_from, "--from"), check_date(date_to, "--to")
    check_search_size(text)  # thousands of terms: refused, not minutes of FTS work
    query = fts_query(text)
    if not query:
        return {"actors": [], "documents": []}
    try:
        keys = list(dict.fromkeys(r[0] for r in store.match_names(query, 500)))[:limit]
        docs = []
        for r in store.match_documents(query):
            if (date_from or date_to) and not in_date_range(r[3], r[3], date_from, date_to):
                continue
            docs.append({"id": r[0], "title": r[1], "snippet": r[2], "published": r[3], "outlet": r[4]})
            if len(docs) >= limit:
                break
    except QueryError as exc:
        raise BadQuery(f"cannot search for {text!r}: {exc}") from None
    return {"actors": [actor_summary(store, k) for k in keys], "documents": docs}
