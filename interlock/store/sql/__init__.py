"""The store's SQL catalogue: every statement code outside the store runs, by subsystem.

Statements are written in SQLite's dialect and kept portable where it costs nothing
(named columns, standard joins); ``{name}`` marks an ``IN`` list whose length the caller
gives. A backend translates them (``interlock/store/postgres.py``) and replaces the few
that need its own features (full-text search). A name is ``subsystem.statement``.
"""

from __future__ import annotations

from interlock.store.sql import (
    credibility,
    export,
    judgements,
    query,
    records,
    resolution,
    vetting,
    views,
)

SUBSYSTEMS = {
    "query": query.SQL, "resolution": resolution.SQL, "judgements": judgements.SQL,
    "credibility": credibility.SQL, "vetting": vetting.SQL, "export": export.SQL, "records": records.SQL,
    "views": views.SQL,
}

CATALOG: dict[str, str] = {f"{sub}.{name}": sql for sub, table in SUBSYSTEMS.items() for name, sql in table.items()}
