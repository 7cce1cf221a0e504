"""Extraction as an ordered stream over a Dask cluster.

``DaskExtractor(client)`` is a drop-in for ``extract_records``: records in,
results (or ``DocumentError``) out, in input order. Records are checked on the
client (a bad one never travels), cut into small tasks and submitted as the
stream is read, with a bounded number in flight, so memory stays flat however
long the input; the client stores one task's results while the workers run the
next ones. While the client waits for a worker, it reads the next records ahead (at
most ``READ_AHEAD``), so that reading and checking the input overlaps the workers'
extraction instead of following it. A task whose worker dies is rescheduled by
Dask; a task that keeps killing workers is split and its documents run alone, one
at a time, so that only the document at fault is reported.

The read-ahead runs on the client's own thread, between checks of whether the
oldest task is done, not on a thread of its own: the records come from a generator
that also asks the store whether each document is stored already
(``interlock.ingest``), and a store's connection belongs to the thread that opened
it (SQLite refuses any other) and must not be used while ``put`` writes with it.
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
#: records read ahead of the tasks submitted, while the client waits for the oldest task
READ_AHEAD = 8


@dataclass
class _Task:
    """One task's documents: errors found on the client stay in place between the records sent."""

    items: list[DocumentError | None] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    future: Future | None = None


class DaskExtractor:
    """Extract a stream of records on a Dask cluster, yielding results in input order."""

    def __init__(self, client: Client, task_size: int = TASK_SIZE, in_flight: int | None = None,
                 task: Callable[[list[dict[str, Any]]], list[Result]] = extract_batch,
                 read_ahead: int = READ_AHEAD) -> None:
        self.client = client
        self.task_size = max(1, task_size)
        self.in_flight = in_flight or IN_FLIGHT * threads(client)
        #: what a worker runs on a task's records (importable on the workers)
        self.task = task
        self.read_ahead = max(0, read_ahead)

    def __call__(self, records: Iterable[dict[str, Any]]) -> Iterator[Result]:
        window: deque[_Task] = deque()
        ahead = ReadAhead(records, self.read_ahead)
        for task in self._tasks(ahead):
            window.append(task)
            while len(window) >= self.in_flight:
                oldest = window.popleft()
                ahead.fill(while_=_running(oldest))
                yield from self._finish(oldest)
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


def _running(task: _Task) -> Callable[[], bool]:
    """Whether the task is still running on the cluster."""
    return lambda: task.future is not None and not task.future.done()


class ReadAhead:
    """Records in input order, of which up to ``limit`` may be read before they are asked for.

    ``fill`` reads ahead while a condition holds (the oldest task is not done) and there is
    room; the records then come from the buffer, in order. Reading that fails while filling is
    kept in its place and raised when the record it stopped at is asked for, as it would have
    been without reading ahead; nothing is read after it.
    """

    def __init__(self, records: Iterable[Any], limit: int) -> None:
        self._source = iter(records)
        self.limit = limit
        self._buffer: deque[Any] = deque()
        self._error: BaseException | None = None
        self._ended = False

    def __iter__(self) -> ReadAhead:
        return self

    def __next__(self) -> Any:
        if self._buffer:
            return self._buffer.popleft()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._ended:
            raise StopIteration
        return next(self._source)

    def __len__(self) -> int:
        """How many records are read and not yet asked for."""
        return len(self._buffer)

    def fill(self, while_: Callable[[], bool] = lambda: True) -> int:
        """Read ahead while ``while_()`` holds and fewer than ``limit`` records wait; how many were read."""
        read = 0
        while not self._ended and self._error is None and len(self._buffer) < self.limit and while_():
            try:
                self._buffer.append(next(self._source))
            except StopIteration:
                self._ended = True
            except Exception as exc:  # noqa: BLE001 - raised in its place, when its record is asked for
                self._error, self._ended = exc, True
            else:
                read += 1
        return read


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
