"""Extraction: one article to entities, attributions, times, statements and events.

The package is itself callable, so that ``interlock.extract(text, published=...)``
works whether or not a submodule such as ``interlock.extract.api`` was imported
(importing a submodule binds the package, not a function, to ``interlock.extract``).
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interlock.model import ExtractedDocument


class _CallablePackage(types.ModuleType):
    def __call__(self, text: str, published: Any = None, **kwargs: Any) -> ExtractedDocument:
        """Extract from one text; see ``interlock.extract.api.extract``."""
        from interlock.extract.api import extract

        return extract(text, published=published, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
