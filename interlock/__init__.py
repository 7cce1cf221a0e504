"""Interlock: news articles to a sourced, queryable map of political power.

``interlock.extract(text, published="YYYY-MM-DD")`` returns an
``interlock.model.ExtractedDocument``.
"""

from __future__ import annotations

from interlock import extract

__version__ = "0.1.0"

__all__ = ["extract", "__version__"]
