"""newslab's process pool: chunks of articles on worker processes, results in input order.

Workers start from a forkserver (where the platform has one) that has imported newslab and
loaded every lexicon and model once (:mod:`newslab.preload`), so a worker forked from it
starts warm, and later calls in the same session start no warm-up at all. Each chunk is cut
into small tasks (``TASK_SIZE`` articles) so that no worker idles while another finishes a
long chunk; the chunks come back whole and in order.

Example:
    >>> import operator  # function(task, job) -> list: here task * 2
    >>> list(run_pool(iter([["a", "b"], ["c"]]), operator.mul, 2, workers=2, task_size=1))
    [['a', 'a', 'b', 'b'], ['c', 'c']]
"""

from __future__ import annotations

import collections
import concurrent.futures
import multiprocessing
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

_O = TypeVar("_O")

#: Articles per task sent to a worker (a chunk is cut into tasks of this size).
TASK_SIZE = 10
#: Tasks in flight per worker (enough to keep it busy while results travel back).
IN_FLIGHT = 4
#: Modules the forkserver imports before it forks workers (newslab.preload also warms up).
PRELOAD = ["newslab.preload"]


def pool_context() -> Any:
    """The multiprocessing context: a warm forkserver where available, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def run_pool(
    chunks: Iterator[Any],
    function: Callable[[Any, Any], list[_O]],
    job: Any,
    *,
    workers: int,
    task_size: int | None = TASK_SIZE,
) -> Iterator[list[_O]]:
    """``function(chunk, job)`` for each chunk, on ``workers`` processes, yielded in input order.

    Each chunk is cut into tasks of ``task_size`` items (``None``: the chunk is one task, and
    may be any picklable object); the results of a chunk's tasks are joined back into one
    list. At most ``IN_FLIGHT * workers`` tasks are pending, so memory stays bounded whatever
    the number of chunks. ``function`` and ``job`` must pickle.
    """
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=pool_context()) as pool:
        pending: collections.deque[tuple[concurrent.futures.Future[list[_O]], bool]] = collections.deque()
        done: list[_O] = []

        def next_chunk() -> Iterator[list[_O]]:
            future, last = pending.popleft()
            done.extend(future.result())
            if last:
                yield done.copy()
                done.clear()

        for chunk in chunks:
            if task_size is None:
                tasks = [chunk]
            else:
                tasks = [chunk[i : i + task_size] for i in range(0, len(chunk), task_size)] or [chunk]
            for k, task in enumerate(tasks):
                pending.append((pool.submit(function, task, job), k == len(tasks) - 1))
                while len(pending) >= IN_FLIGHT * workers:
                    yield from next_chunk()
        while pending:
            yield from next_chunk()


__all__ = ["IN_FLIGHT", "PRELOAD", "TASK_SIZE", "pool_context", "run_pool"]
