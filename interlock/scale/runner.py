"""Extraction as an ordered stream over a Dask cluster.

``DaskExtractor(client)`` is a drop-in for ``extract_records``: records in,
results (or ``DocumentError``) out, in input order. Records are checked on the
client (a bad one never travels), cut into small tasks and submitted as the
stream is read, with a bounded number in flight, so memory stays flat however
long the input; the client stores one task's results while the workers run the
next ones. A task whose worker dies is rescheduled by Dask; a task that keeps
killing workers is split and its documents run alone, one at a time, so that only
the document at fault is reported.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import Any

from distributed import Client, Future
from distributed.scheduler import KilledWorker

from interlock.errors import BadInput
from interlock.extract.api import DocumentError, prepare
from interlock.model import ExtractedDocument
from interlock.scale.cluster import ScaleError, threads
from interlock.scale.worker import extract_batch

Result = ExtractedDocument | DocumentError

#: documents per task: small, so that both workers stay busy to the end of a run
TASK_SIZE = 4
#: tasks in flight per worker thread: enough that no worker waits while the client stores
IN_FLIGHT = 3


@dataclass
class _Task:
    """One task's documents: errors found on the client stay in place between the records sent."""

    items: list[DocumentError | None] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    future: Future | None = None


class DaskExtractor:
    """Extract a stream of records on a Dask cluster, yielding results in input order."""

    def __init__(self, client: Client, task_size: int = TASK_SIZE, in_flight: int | None = None,
                 task: Callable[[list[dict[str, Any]]], list[Result]] = extract_batch) -> None:
        self.client = client
        self.task_size = max(1, task_size)
        self.in_flight = in_flight or IN_FLIGHT * threads(client)
        #: what a worker runs on a task's records (importable on the workers)
        self.task = task

    def __call__(self, records: Iterable[dict[str, Any]]) -> Iterator[Result]:
        window: deque[_Task] = deque()
        for task in self._tasks(records):
            window.append(task)
            while len(window) >= self.in_flight:
                yield from self._finish(window.popleft())
        while window:
            yield from self._finish(window.popleft())

    def _tasks(self, records: Iterable[dict[str, Any]]) -> Iterator[_Task]:
        """Submitted tasks, as the records stream in."""
        task = _Task()
        for n, record in enumerate(records):
            error = _check(record, n)
            task.items.append(error)
            if error is None:
                task.records.append(record)
            if len(task.records) >= self.task_size:
                yield self._submit(task)
                task = _Task()
        if task.items:
            yield self._submit(task)

    def _submit(self, task: _Task) -> _Task:
        if task.records:
            task.future = self.client.submit(self.task, task.records, pure=False)
        return task

    def _finish(self, task: _Task) -> Iterator[Result]:
        results = iter(self._results(task))
        for item in task.items:
            yield item if item is not None else next(results)

    def _results(self, task: _Task) -> list[Result]:
        if task.future is None:
            return []
        try:
            return _result(task.future)
        except _TaskFailed as failed:
            if len(task.records) == 1:
                return [failed.error(task.records[0])]
        # a document of the task keeps failing: run each alone, one after the other, so that a
        # worker that dies takes no innocent document with it (Dask blames every task it held)
        out: list[Result] = []
        for record in task.records:
            try:
                out.extend(_result(self.client.submit(self.task, [record], pure=False)))
            except _TaskFailed as failed:
                out.append(failed.error(record))
        return out


class _TaskFailed(Exception):
    """A task that raised or kept killing its workers."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def error(self, record: dict[str, Any]) -> DocumentError:
        return DocumentError(str(record.get("id")), f"extraction failed on the Dask cluster: {self.reason}")


def _result(future: Future) -> list[Result]:
    try:
        out = future.result()
    except KilledWorker as exc:
        raise _TaskFailed(f"it killed its worker repeatedly (out of memory?): {exc}") from None
    except CancelledError:
        raise ScaleError("the Dask cluster went away (the scheduler stopped or the connection was lost); "
                         "what was stored is kept: run the same command again to finish") from None
    except Exception as exc:  # noqa: BLE001 - a task's own failure is one document's, not the run's
        raise _TaskFailed(f"{type(exc).__name__}: {exc}") from None
    future.release()
    return list(out)


def _check(record: dict[str, Any], n: int) -> DocumentError | None:
    """The record's error as ``extract_records`` would report it, or None when it can be extracted."""
    where = f"record {n + 1}"
    if isinstance(record, dict) and record.get("id"):
        where += f" (id {record.get('id')!r})"
    try:
        prepare(record, where)
    except BadInput as exc:
        rid = record.get("id") if isinstance(record, dict) else None
        return DocumentError(str(rid or f"#{n + 1}"), str(exc))
    return None
