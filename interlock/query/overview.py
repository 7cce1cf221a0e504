"""What a store holds (``stats``): articles, dates, documents per outlet, the most connected actors."""

from __future__ import annotations

from typing import Any

from interlock.lookup import actor_summary
from interlock.store import Store


def stats(store: Store) -> dict[str, Any]:
    """What a store holds: articles (configuration such as the outlet registry apart), the date range,
    documents per outlet (aliases counted as their outlet) and the most connected people."""
    from interlock.credibility.outlets import stored

    counts: dict[str, Any] = store.stats().as_dict()
    config = store.value("query.configuration_documents")
    counts["documents"] -= config
    counts["configuration"] = config
    first, last = store.row("query.article_dates")
    counts["first_published"], counts["last_published"] = first, last
    reg = stored(store)
    per: dict[str, int] = {}
    for name, n in store.rows("query.article_outlets"):
        found = reg.find(name)
        key = found.name if found else name
        per[key] = per.get(key, 0) + n
    counts["outlets_by_documents"] = [{"outlet": k, "documents": v}
                                      for k, v in sorted(per.items(), key=lambda kv: (-kv[1], kv[0]))]
    counts["outlets"] = len(per)
    counts["most_connected"] = most_connected(store)
    return counts


def most_connected(store: Store, limit: int = 5, label: str = "PERSON") -> list[dict[str, Any]]:
    """The named actors with the most statements about them."""
    rows = store.rows("query.most_connected", (label, limit))
    return [{**actor_summary(store, r[0]), "statements": r[1]} for r in rows]
