"""Extraction on a Dask cluster: a local one of worker processes, or one already running.

The client reads documents and stores results; workers only run the pipeline
(loaded once per worker process). ``interlock ingest --workers N`` starts a
local cluster, ``--scheduler tcp://HOST:PORT`` uses an existing one
(``docs/scale.md``).
"""

from __future__ import annotations

from interlock.scale.cluster import ScaleError, connect
from interlock.scale.runner import DaskExtractor

__all__ = ["DaskExtractor", "ScaleError", "connect"]
