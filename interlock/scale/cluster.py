"""A Dask client to extract with: a local cluster of worker processes, or an existing scheduler."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from distributed import Client, LocalCluster

from interlock.errors import InterlockError
from interlock.scale.worker import PipelineLoader, client_settings


class ScaleError(InterlockError):
    "The Dask cluster cannot be started, reached or used"


#: seconds to reach a scheduler, and to wait for it to have a worker
CONNECT_TIMEOUT = 10
WORKER_TIMEOUT = 30

_ADDRESS = re.compile(r"^(?:(tcp|tls)://)?(\[[0-9A-Fa-f:]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5})$")


def check_address(address: str) -> str:
    """A scheduler address as Dask takes it (``tcp://HOST:PORT``); ``ScaleError`` when it is none."""
    found = _ADDRESS.match(address.strip())
    if found is None or not 0 < int(found.group(3)) < 65536:
        raise ScaleError(f"--scheduler {address!r} is not a scheduler address: give tcp://HOST:PORT "
                         "(as `dask scheduler` prints it)")
    return f"{found.group(1) or 'tcp'}://{found.group(2)}:{found.group(3)}"


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of a local cluster of ``workers`` processes (loopback only), or of ``scheduler``.

    Every worker loads the pipeline once, with the client's extraction settings,
    before any task runs; a worker that cannot load it is a ``ScaleError``.
    """
    if (workers is None) == (scheduler is None):
        raise ScaleError("give either a number of local workers or a scheduler address, not both")
    with ExitStack() as stack:
        if scheduler is not None:
            address = check_address(scheduler)
            try:
                client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT))
            except (OSError, TimeoutError) as exc:
                raise ScaleError(f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                                 f"`dask scheduler` and workers with `dask worker {address}`, or run a local "
                                 "cluster with --workers N") from None
            try:
                client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
            except (OSError, TimeoutError):
                raise ScaleError(f"the Dask scheduler at {address} has had no worker for {WORKER_TIMEOUT} s: "
                                 f"start some with `dask worker {address}`") from None
        else:
            assert workers is not None
            if workers < 1:
                raise ScaleError(f"--workers must be at least 1, not {workers}")
            # the scheduler's small HTTP server (health, metrics) takes a free port when 8787 is
            # taken, on 127.0.0.1 like everything else: no need to warn about it
            stack.enter_context(warnings.catch_warnings())
            warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
            # the last thing on the way out, once the cluster has closed: this process's
            # Dask logs back to their levels (quiet_shutdown silences them for the close)
            stack.callback(_restore_levels, _dask_levels())
            try:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None, silence_logs=logging.ERROR,
                ))
            except (OSError, TimeoutError, RuntimeError) as exc:
                raise ScaleError(f"cannot start a local Dask cluster of {workers} workers: {exc}") from None
            client = stack.enter_context(Client(cluster))
            # runs first on the way out, before the client and the cluster close
            stack.callback(quiet_shutdown, client)
        try:
            client.register_plugin(PipelineLoader(client_settings()), name=PipelineLoader.name)
        except InterlockError as exc:
            raise ScaleError(f"a Dask worker cannot load the pipeline: {exc}") from None
        yield client


def _dask_levels() -> dict[str, int]:
    """The levels of this process's Dask loggers, by name."""
    names = ["distributed"] + [name for name in logging.root.manager.loggerDict if name.startswith("distributed.")]
    return {name: logging.getLogger(name).level for name in names}


def _restore_levels(levels: dict[str, int]) -> None:
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _silence_dask_logs() -> None:
    """Log nothing under CRITICAL from Dask in this process, from now on."""
    for name in _dask_levels():
        logging.getLogger(name).setLevel(logging.CRITICAL)


def quiet_shutdown(client: Client) -> None:
    """Silence a local cluster's logs before it closes.

    When the scheduler closes while a worker's heartbeat is on its way, the worker
    logs the broken connection with a traceback (a race inside Dask, harmless: the
    work is done and the cluster is going away). The user is shown nothing of it.
    Only for a local cluster: the workers of a scheduler we did not start keep their logs.
    """
    try:
        client.run(_silence_dask_logs)
        client.run(_silence_dask_logs, nanny=True)
    except Exception:  # noqa: BLE001 - a worker already gone has nothing left to log
        pass
    _silence_dask_logs()


def threads(client: Client) -> int:
    """How many tasks the cluster runs at once (at least 1)."""
    return max(1, sum(client.nthreads().values()))
