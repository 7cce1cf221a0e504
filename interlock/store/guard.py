"""Before a store is opened: is the file an Interlock store, can it be written, who holds the lock.

``inspect`` never writes: a file that is not an Interlock store (empty, another
format, another program's SQLite database, a folder) is refused before SQLite
opens it for writing. ``readonly`` tells a store that may be read but not
written (the file or its folder is read-only), which is then opened read-only.
``begin`` starts a write transaction, waiting for another writer up to the
``lock_timeout`` setting with a message, then failing with one line.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from urllib.parse import quote

from interlock import settings
from interlock.errors import InterlockError, SettingError

SQLITE_HEADER = b"SQLite format 3\x00"
#: how long a write first waits for a lock in silence, in seconds
QUIET_WAIT = 1.0


class StoreGuardError(InterlockError):
    "The file is not a store this command may open"


def inspect(path: Path) -> None:
    """Raise ``StoreGuardError`` when ``path`` exists and is not an Interlock store; never writes."""
    if str(path) == ":memory:" or not path.exists():
        return
    if path.is_dir():
        raise StoreGuardError(f"{path} is a folder, not an Interlock store")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise StoreGuardError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if not head:
        raise StoreGuardError(f"{path} is an empty file, not an Interlock store; it was left untouched "
                              "(give another --db, or remove the file to start a new store)")
    if not head.startswith(SQLITE_HEADER):
        raise StoreGuardError(f"{path} is not an Interlock store (not an SQLite file); it was left untouched")
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreGuardError(f"{path} is not a readable Interlock store ({exc}); it was left untouched") from None
    if (version == 0 and tables) or (version > 0 and "documents" not in tables):
        raise StoreGuardError(f"{path} is an SQLite database but not an Interlock store; it was left untouched")


def readonly(path: Path) -> bool:
    """True when the store exists and cannot be written (the file or its folder is read-only)."""
    if str(path) == ":memory:" or not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent.resolve(), os.W_OK)


def readonly_uri(path: Path) -> str:
    """A read-only URI for the store; immutable when nothing can write beside it (no WAL to read)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    wal = Path(str(path) + "-wal")
    folder_writable = os.access(path.parent.resolve(), os.W_OK)
    if not folder_writable and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def lock_timeout() -> float:
    """Seconds a write waits for another writer (the ``lock_timeout`` setting)."""
    value = settings.get("lock_timeout")
    try:
        seconds = float(value)
    except ValueError:
        raise SettingError(
            f"setting INTERLOCK_LOCK_TIMEOUT={value!r} is not a number of seconds") from None
    if seconds < 0:
        raise SettingError(f"setting INTERLOCK_LOCK_TIMEOUT={value!r} is negative")
    return seconds


def is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def locked_message(path: Path, waited: float) -> str:
    return (f"the store {path} is locked by another writer; gave up after {waited:g} s "
            "(set INTERLOCK_LOCK_TIMEOUT to wait longer)")


def begin(conn: sqlite3.Connection, path: Path) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer: silently at first, then with a message."""
    limit = lock_timeout()
    quiet = min(QUIET_WAIT, limit)
    conn.execute(f"PRAGMA busy_timeout = {int(quiet * 1000)}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as exc:
        if not is_locked(exc):
            raise
        if limit <= quiet:
            raise StoreGuardError(locked_message(path, limit)) from None
    print(f"waiting up to {limit:g} s for another process that is writing to {path} ...", file=sys.stderr,
          flush=True)
    conn.execute(f"PRAGMA busy_timeout = {int((limit - quiet) * 1000)}")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if is_locked(exc):
            raise StoreGuardError(locked_message(path, limit)) from None
        raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(limit * 1000)}")
