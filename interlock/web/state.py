"""The explorer's hold on one store: a connection per worker thread, opened read-only unless edits
are allowed, reading at the confidence a request asks for; caches that every edit clears."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interlock import settings
from interlock.store import SQLiteStore


class State:
    """One store served: where it is, whether it may be written, and what is cached about it."""

    def __init__(self, path: Path, allow_edits: bool, token: str | None) -> None:
        self.path = Path(path)
        self.allow_edits = allow_edits
        self.token = token
        self.generation = 0  # bumped by every edit: cached answers of an older generation are stale
        self._local = threading.local()
        self._lock = threading.Lock()
        self._findings: dict[tuple[int, float], list[dict[str, Any]]] = {}
        self._answers: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self.default_confidence = settings.get_confidence()
        self.store(self.default_confidence)  # a store that cannot be opened fails here, at start

    def _open(self) -> SQLiteStore:
        store = SQLiteStore(self.path)  # creates or migrates nothing on an up-to-date store
        if not self.allow_edits and not store.readonly:
            # read-only by the connection itself: SQLite refuses any write, whatever code asks
            store.reopen_readonly()
        return store

    def store(self, min_confidence: float) -> SQLiteStore:
        """This thread's connection, reading the statements at least ``min_confidence`` likely right."""
        local = self._local
        if getattr(local, "store", None) is None:
            local.store = self._open()
            local.confidence = None
            local.kinds = None
        if local.confidence != min_confidence:
            local.store.read_confident(min_confidence)
            local.confidence = min_confidence
        store: SQLiteStore = local.store
        return store

    def kinds(self, store: SQLiteStore) -> Any:
        """This thread's ``KindIndex`` (kinds of actors for node shapes), rebuilt after an edit."""
        from interlock.vet.kinds import KindIndex

        local = self._local
        cached = getattr(local, "kinds", None)
        if cached is None or cached[0] != (self.generation, local.confidence):
            local.kinds = ((self.generation, local.confidence), KindIndex(store))
        return local.kinds[1]

    def findings(self, store: SQLiteStore, confidence: float) -> list[dict[str, Any]]:
        """The shipped rule pack's findings over the store, computed once per generation and confidence."""
        from interlock.vet.engine import vet

        key = (self.generation, confidence)
        with self._lock:
            if key not in self._findings:
                self._findings = {key: vet(store)}
            return self._findings[key]

    def cached(self, key: tuple[Any, ...], make: Callable[[], Any], seconds: float = 60.0) -> Any:
        """A whole-store answer (counts, most connected, outlet records) kept ``seconds`` and until
        the next edit: on a large store they take seconds, and an ingest elsewhere is seen within
        a minute."""
        now = time.monotonic()
        full = (self.generation, *key)
        with self._lock:
            hit = self._answers.get(full)
        if hit is not None and now - hit[0] < seconds:
            return hit[1]
        value = make()
        with self._lock:
            self._answers = {k: v for k, v in self._answers.items() if k[0] == self.generation}
            self._answers[full] = (now, value)
        return value

    def edited(self) -> None:
        """An edit was made: forget what was cached."""
        with self._lock:
            self.generation += 1
            self._findings = {}
            self._answers = {}
