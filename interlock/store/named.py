"""Named SQL: the store runs the catalogue's statements by name (``interlock/store/sql/``).

Code outside the store never writes SQL: it asks for ``store.rows("query.actor_entities", (key,))``
and the store looks the statement up, fills its ``{marks}`` (a list of ``?`` for an ``IN``
list of the length given) and runs it on its own connection, in its own dialect. A backend
translates the catalogue once (PostgreSQL: ``interlock/store/postgres.py``) and may replace a
statement outright (full-text search).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from interlock.store.sql import CATALOG

#: a result row: by position (``r[0]``) and by column name (``r["id"]``), ``dict(r)`` and ``r.keys()``
Row = Any


class UnknownQuery(KeyError):
    "No statement of that name in the catalogue"


def marks(n: int) -> str:
    return ",".join("?" * n)


class NamedQueries:
    """Run the catalogue's statements by name; a backend gives ``_cursor`` and ``_translate``."""

    def _translate(self, sql: str) -> str:
        return sql

    def _cursor(self, sql: str, params: Sequence[Any]) -> Any:
        raise NotImplementedError

    def _cursor_many(self, sql: str, seq: Iterable[Sequence[Any]]) -> Any:
        raise NotImplementedError

    def _catalogued(self, name: str) -> str:
        """The catalogue's text of a statement, in SQLite's dialect (a backend may give its own)."""
        try:
            return CATALOG[name]
        except KeyError:
            raise UnknownQuery(name) from None

    def _statement(self, name: str, lists: dict[str, int]) -> str:
        cache: dict[tuple[str, tuple[tuple[str, int], ...]], str] = self.__dict__.setdefault("_sql_cache", {})
        key = (name, tuple(sorted(lists.items())))
        sql = cache.get(key)
        if sql is None:
            sql = self._catalogued(name)
            if lists:
                sql = sql.format(**{k: marks(v) for k, v in lists.items()})
            sql = self._translate(sql)
            if len(cache) < 4096:
                cache[key] = sql
        return sql

    def each(self, name: str, params: Sequence[Any] = (), **lists: int) -> Iterator[Row]:
        """The rows of a named query, one at a time (for results too large to hold)."""
        yield from self._cursor(self._statement(name, lists), params)

    def rows(self, name: str, params: Sequence[Any] = (), **lists: int) -> list[Row]:
        """Every row of a named query; ``lists`` gives the length of each ``{name}`` IN list."""
        return list(self._cursor(self._statement(name, lists), params).fetchall())

    def row(self, name: str, params: Sequence[Any] = (), **lists: int) -> Row:
        """The first row of a named query, or None (``Row`` is ``Any``: None included)."""
        return self._cursor(self._statement(name, lists), params).fetchone()

    def value(self, name: str, params: Sequence[Any] = (), **lists: int) -> Any:
        """The first column of the first row of a named query, or None."""
        found = self._cursor(self._statement(name, lists), params).fetchone()
        return None if found is None else found[0]

    def pairs(self, name: str, params: Sequence[Any] = (), **lists: int) -> dict[Any, Any]:
        """A two-column named query as a dict."""
        return {r[0]: r[1] for r in self._cursor(self._statement(name, lists), params)}

    def column(self, name: str, params: Sequence[Any] = (), **lists: int) -> list[Any]:
        """The first column of a named query."""
        return [r[0] for r in self._cursor(self._statement(name, lists), params)]

    def run(self, name: str, params: Sequence[Any] = (), **lists: int) -> int:
        """Run a named write; returns the rows it touched."""
        return int(self._cursor(self._statement(name, lists), params).rowcount)

    def run_many(self, name: str, seq: Iterable[Sequence[Any]]) -> None:
        """Run a named write once per parameter tuple."""
        self._cursor_many(self._statement(name, {}), seq)

    def insert(self, name: str, params: Sequence[Any] = ()) -> int:
        """Run a named insert that ends ``RETURNING id``; returns the new row's id."""
        found = self._cursor(self._statement(name, {}), params).fetchone()
        return int(found[0])
