"""What runs after documents are stored: resolution, outlet grades, claims and their grades.

Each step reads the whole store and rewrites its own tables in one transaction,
so the answer never depends on the order documents arrived in, and a store
from an older run is brought up to date by running it again.
"""

from __future__ import annotations

from collections.abc import Callable

from interlock.store import Store


def refresh(store: Store) -> list[str]:
    """Resolve actors, grade outlets and claims; returns one line per step for the user."""
    from interlock.credibility import claims, outlets
    from interlock.resolve import store as resolution

    lines = [resolution.run(store).summary()]
    graded = outlets.apply(store)
    lines.append(f"{graded} outlet(s) graded by the registry, the rest F (cannot be judged)")
    lines.append(claims.run(store).summary())
    store.clear_refresh_pending()
    return lines


def complete_pending(store: Store, say: Callable[[str], None]) -> bool:
    """Finish the refresh an interrupted run left pending (the store's marker); True when one was.

    A read-only store cannot be brought up to date: ``say`` warns that claims and
    grades may be stale, and the command goes on reading.
    """
    if not store.refresh_pending():
        return False
    if store.readonly:
        say(f"warning: {store.path}: an earlier run stopped before resolution and grading finished, and the "
            "store is read-only; claims and grades may be stale")
        return True
    say(f"{store.path}: an earlier run stopped before resolution and grading finished; finishing them now")
    for line in refresh(store):
        say(f"{store.path}: {line}")
    return True
