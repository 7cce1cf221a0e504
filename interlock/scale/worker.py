"""What runs on a Dask worker: the pipeline, loaded once per process, and one task's extraction.

Workers never touch the store: a task takes checked input records and returns
their results (or ``DocumentError``) in order, for the client to store.
"""

from __future__ import annotations

import os
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from interlock import settings
from interlock.extract.api import DocumentError, extract_records
from interlock.model import ExtractedDocument

#: the settings that shape extraction: workers take the client's, whatever their own environment says
EXTRACTION_SETTINGS = ("spacy_model", "max_chars", "batch_size")
WARM_UP = ("Interior Minister Karim Haddad met the US ambassador in Baghdad on Monday, "
           "officials told Reuters, and he is expected to resign next week.")


def client_settings() -> dict[str, str]:
    """The client's extraction settings as environment variables, for the workers."""
    return {settings.SETTINGS[name].env: settings.get(name) for name in EXTRACTION_SETTINGS}


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (or joins later, or is restarted)."""

    name = "interlock-pipeline"

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def setup(self, worker: Any) -> None:
        from interlock.extract import pipeline

        if any(os.environ.get(k) != v for k, v in self.env.items()):
            # a long-lived worker that served a client with other settings: load afresh
            os.environ.update(self.env)
            pipeline.load_pipeline.cache_clear()
            pipeline.load_nlp.cache_clear()
        pipeline.load_pipeline()  # cached for the life of the process (functools.lru_cache)
        # one short text through every component, so that no task pays for what loads lazily
        list(extract_records([{"id": "warm-up", "text": WARM_UP, "published": "2020-01-06"}]))


def extract_batch(records: list[dict[str, Any]]) -> list[ExtractedDocument | DocumentError]:
    """Extract one task's records (already checked by the client); results in input order."""
    return list(extract_records(records, batch_size=max(1, len(records))))
