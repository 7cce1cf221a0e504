"""Named views kept in the store: a graph, timeline or Gantt state (its page and parameters) to
open again, list and share. ``interlock views`` and the web explorer's "save this view".

The table is created by the first save (a store that was never written to by the explorer has
none, and lists no views), so that reading a store never writes to it.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

from interlock.errors import InterlockError
from interlock.resolve.judgements import analyst
from interlock.store import Store

#: the pages a view may be of
PAGES = ("graph", "timeline", "gantt")
_NAME = re.compile(r"^[\w .,'()-]{1,80}$")


class BadView(InterlockError):
    "A view that cannot be saved or found as asked"


def _exists(store: Store) -> bool:
    return store.row("views.exists") is not None


def save(store: Store, name: str, page: str, params: str | dict[str, Any], who: str | None = None) -> dict[str, Any]:
    """Keep (or replace) the view ``name``: a ``page`` (graph, timeline, gantt) with its query parameters."""
    name = name.strip()
    if not _NAME.match(name):
        raise BadView(f"a view name is 1 to 80 letters, digits, spaces or .,'()- ; not {name!r}")
    if page not in PAGES:
        raise BadView(f"no page {page!r} to save; pages: {', '.join(PAGES)}")
    pairs = parse_qsl(params, keep_blank_values=False) if isinstance(params, str) else [
        (k, str(x)) for k, v in params.items() for x in (v if isinstance(v, list) else [v]) if x not in (None, "")]
    pairs = [(k, v) for k, v in pairs if k not in ("csrf", "token", "name")]
    with store.transaction():
        store.run("views.create")
        store.run("views.save", (name, page, json.dumps(pairs, ensure_ascii=False), who or analyst(),
                                 datetime.now(UTC).isoformat(timespec="seconds")))
    return get(store, name)


def _row(r: Any) -> dict[str, Any]:
    pairs = [tuple(p) for p in json.loads(r["params"])]
    return {"name": r["name"], "page": r["page"], "params": pairs, "query": urlencode(pairs),
            "who": r["who"], "at": r["at"]}


def listing(store: Store) -> list[dict[str, Any]]:
    """The saved views, by name."""
    if not _exists(store):
        return []
    return [_row(r) for r in store.each("views.all")]


def get(store: Store, name: str) -> dict[str, Any]:
    """One saved view; ``BadView`` when there is none of that name."""
    row = store.row("views.get", (name,)) if _exists(store) else None
    if row is None:
        raise BadView(f"no saved view {name!r}")
    return _row(row)


def delete(store: Store, name: str) -> int:
    """Forget a saved view; how many were removed (0 or 1)."""
    if not _exists(store):
        return 0
    with store.transaction():
        return store.run("views.delete", (name,))
