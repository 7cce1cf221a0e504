"""Extraction: one article to entities, attributions, times, statements and events.

Its spaCy components are in ``components``, the pipeline in ``pipeline``, the Python
entry points in ``api``. ``interlock.extract(text, ...)``, the library's function, is
defined in ``interlock/__init__.py``: that name on the package ``interlock`` is the
function, and this package is reached by importing it (``from interlock.extract import
pipeline``).
"""
