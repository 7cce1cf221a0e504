"""The Python API of extraction: one text, or a stream of input records.

``extract(text, published=...)`` returns an ``ExtractedDocument``.
``extract_records(records)`` takes dicts of the documented input form and
yields, in order, an ``ExtractedDocument`` or a ``DocumentError`` per record, so
that one bad record never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from interlock import settings
from interlock.errors import BadInput
from interlock.extract import pipeline, result
from interlock.model import ExtractedDocument, stable_id


@dataclass
class DocumentError:
    """A record that could not be extracted, with the reason."""

    id: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}


@dataclass
class _Prepared:
    doc_id: str
    text: str
    published: date | None
    outlet: str | None
    title: str | None
    url: str | None


def parse_date(value: object, where: str) -> date | None:
    """A publication date from ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise BadInput(where, f"'published' must be a YYYY-MM-DD string, not {type(value).__name__}")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BadInput(where, f"'published' is {value!r}, not a YYYY-MM-DD date") from None


def prepare(record: dict[str, Any], where: str) -> _Prepared:
    """Check one input record; raise ``BadInput`` naming the record and the problem."""
    if not isinstance(record, dict):
        raise BadInput(where, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInput(where, "'text' is missing or not a string")
    limit = settings.get_int("max_chars")
    if len(text) > limit:
        raise BadInput(
            where,
            f"text has {len(text):,} characters, over the limit of {limit:,} "
            f"(split the document or raise INTERLOCK_MAX_CHARS)",
        )
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = stable_id("doc", text)
    for key in ("outlet", "title", "url"):
        if record.get(key) is not None and not isinstance(record.get(key), str):
            raise BadInput(where, f"{key!r} must be a string")
    return _Prepared(
        doc_id=str(doc_id),
        text=text,
        published=parse_date(record.get("published"), where),
        outlet=record.get("outlet") or None,
        title=record.get("title"),
        url=record.get("url"),
    )


def extract_records(
    records: Iterable[dict[str, Any]], batch_size: int | None = None
) -> Iterator[ExtractedDocument | DocumentError]:
    """Extract a stream of records; each yields a result or a ``DocumentError``, in order."""
    nlp = pipeline.load_pipeline()
    size = batch_size or settings.get_int("batch_size")
    batch: list[_Prepared | DocumentError] = []
    for n, record in enumerate(records):
        where = f"record {n + 1}"
        if isinstance(record, dict) and record.get("id"):
            where += f" (id {record.get('id')!r})"
        try:
            batch.append(prepare(record, where))
        except BadInput as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            batch.append(DocumentError(str(rid or f"#{n + 1}"), str(exc)))
        if len(batch) >= size:
            yield from _run_batch(nlp, batch)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch)


def _run_batch(nlp: Any, batch: list[_Prepared | DocumentError]) -> Iterator[ExtractedDocument | DocumentError]:
    ready = [p for p in batch if isinstance(p, _Prepared)]
    docs = [pipeline.make_doc(nlp, p.text, p.doc_id, p.published, p.outlet) for p in ready]
    processed = iter(pipeline.run(docs, nlp))
    for item in batch:
        if isinstance(item, DocumentError):
            yield item
            continue
        doc = next(processed)
        yield result.build(doc, title=item.title, url=item.url)


def extract_record(record: dict[str, Any]) -> ExtractedDocument:
    """Extract one input record; raise ``BadInput`` when it cannot be read."""
    prepared = prepare(record, f"record {record.get('id')!r}" if isinstance(record, dict) else "record")
    nlp = pipeline.load_pipeline()
    (out,) = _run_batch(nlp, [prepared])
    assert isinstance(out, ExtractedDocument)
    return out


def extract(
    text: str,
    published: str | date | None = None,
    doc_id: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> ExtractedDocument:
    """Extract entities, attributions, times, statements and events from one text."""
    record: dict[str, Any] = {"id": doc_id, "text": text, "outlet": outlet, "title": title, "url": url}
    record["published"] = published.isoformat() if isinstance(published, date) else published
    return extract_record(record)
