"""The store: SQLite by default; the interface a PostgreSQL backend will share."""

from __future__ import annotations

from interlock.store.sqlite import SQLiteStore, Stats, StoreError, content_hash

__all__ = ["SQLiteStore", "Stats", "StoreError", "content_hash"]
