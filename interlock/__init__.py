"""Interlock: news articles to a sourced, queryable map of political power.

The library surface (docs/api.md):

* ``interlock.extract(text, published="YYYY-MM-DD")``: one article to an
  ``interlock.model.ExtractedDocument`` (``interlock.extract_text`` is the same function);
* ``interlock.open_store(location)``: a store (an SQLite file or a ``postgresql://`` address),
  a context manager;
* ``interlock.ingest_files(paths, store)``: read, extract and store documents, then resolve
  actors and grade claims;
* ``interlock.query``: questions of a store (``find_actor``, ``show``, ``timeline``, ``ties``,
  ``events``, ``search``, ``stats``), answered as plain dicts and lists;
* the result types of extraction (``ExtractedDocument``, ``Entity``, ``Statement``, ``Event``,
  ...) and the errors (``InterlockError``, ``BadInput``, ``NotFound``, ``Ambiguous``).

``interlock.query``, ``NotFound`` and ``Ambiguous`` are imported on first use, so that
``import interlock`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The extraction package is loaded before the function below takes its name: Python binds a
# subpackage to its parent's attribute only when it first loads it, so a later
# ``import interlock.extract.api`` leaves ``interlock.extract`` the function.
import interlock.extract as _extraction  # noqa: F401
from interlock.api import extract_text, ingest_files, open_store
from interlock.errors import BadInput, InterlockError
from interlock.model import Attribution as Attribution
from interlock.model import Entity as Entity
from interlock.model import Event as Event
from interlock.model import ExtractedDocument as ExtractedDocument
from interlock.model import Mention as Mention
from interlock.model import Source as Source
from interlock.model import Span as Span
from interlock.model import Statement as Statement
from interlock.model import Timex as Timex

if TYPE_CHECKING:
    from interlock import query as query
    from interlock.lookup import Ambiguous as Ambiguous
    from interlock.lookup import NotFound as NotFound

__version__ = "0.1.0"

#: ``interlock.extract(text, published=..., doc_id=..., outlet=..., title=..., url=...)``
extract = extract_text

#: names given on first use: where each comes from
_LAZY = {"query": ("interlock.query", None), "NotFound": ("interlock.lookup", "NotFound"),
         "Ambiguous": ("interlock.lookup", "Ambiguous")}


def __getattr__(name: str) -> Any:
    """``interlock.query``, ``interlock.NotFound`` and ``interlock.Ambiguous``, imported when first asked for."""
    if name not in _LAZY:
        raise AttributeError(f"module 'interlock' has no attribute {name!r}")
    module, attr = _LAZY[name]
    found = importlib.import_module(module)
    return found if attr is None else getattr(found, attr)


__all__ = [
    "Ambiguous",
    "Attribution",
    "BadInput",
    "Entity",
    "Event",
    "ExtractedDocument",
    "InterlockError",
    "Mention",
    "NotFound",
    "Source",
    "Span",
    "Statement",
    "Timex",
    "__version__",
    "extract",
    "extract_text",
    "ingest_files",
    "open_store",
    "query",
]
