"""What runs after documents are stored: resolution, outlet grades, claims and their grades.

Each step reads the whole store and rewrites its own tables in one transaction,
so the answer never depends on the order documents arrived in, and a store
from an older run is brought up to date by running it again.
"""

from __future__ import annotations

from interlock.store import SQLiteStore


def refresh(store: SQLiteStore) -> list[str]:
    """Resolve actors, grade outlets and claims; returns one line per step for the user."""
    from interlock.credibility import claims, outlets
    from interlock.resolve import store as resolution

    lines = [resolution.run(store).summary()]
    graded = outlets.apply(store)
    lines.append(f"{graded} outlet(s) graded by the registry, the rest F (cannot be judged)")
    lines.append(claims.run(store).summary())
    return lines
