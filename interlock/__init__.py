"""Interlock: news articles to a sourced, queryable map of political power."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from interlock.model import ExtractedDocument


def extract(text: str, published: Any = None, **kwargs: Any) -> ExtractedDocument:
    """Extract entities, attributions, times, statements and events from one text.

    See ``interlock.extract.api.extract`` for the keyword arguments.
    """
    from interlock.extract.api import extract as _extract

    return _extract(text, published=published, **kwargs)


__all__ = ["extract", "__version__"]
