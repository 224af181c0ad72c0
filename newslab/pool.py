"""newslab's process pool: chunks of articles on worker processes, results in input order.

Workers start from a forkserver (where the platform has one) that has imported newslab and
loaded every lexicon and model once (:mod:`newslab.preload`), so a worker forked from it
starts warm, and later calls in the same session start no warm-up at all. Each chunk is cut
into small tasks (``TASK_SIZE`` articles) so that no worker idles while another finishes a
long chunk; the chunks come back whole and in order.

The pool never outlives its run. Workers ignore Ctrl-C (the process that started them
handles it) and exit by themselves within a second when that process dies, however it died;
the forkserver exits with it too (multiprocessing's own "alive" pipe). On any exception or
interrupt, and on SIGTERM while the pool runs, the workers are terminated at once (killed if
they do not stop within ``STOP_GRACE`` seconds) instead of being waited for, and a second
Ctrl-C during that clean-up is ignored so that it always completes.

A plain script that calls the pool without ``if __name__ == "__main__":`` works: the workers
do not re-run the script (its path is withheld from them while the pool starts processes).
When the job itself refers to code in the script, that cannot be done, and a script that
lacks the guard fails before any work with a :class:`~newslab.errors.ParameterError` that
shows the two-line fix.

Example:
    >>> import operator  # function(task, job) -> list: here task * 2
    >>> list(run_pool(iter([["a", "b"], ["c"]]), operator.mul, 2, workers=2, task_size=1))
    [['a', 'a', 'b', 'b'], ['c', 'c']]
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from newslab.errors import ParameterError, PoolError

_O = TypeVar("_O")

#: Articles per task sent to a worker (a chunk is cut into tasks of this size).
TASK_SIZE = 10
#: Tasks in flight per worker (enough to keep it busy while results travel back).
IN_FLIGHT = 4
#: Modules the forkserver imports before it forks workers (newslab.preload also warms up).
PRELOAD = ["newslab.preload"]
#: Seconds a worker is given to stop after SIGTERM before it is killed (issue 24: all gone within 5 s).
STOP_GRACE = 1.0
#: Seconds between a worker's checks that the process that started it is alive.
WATCH_INTERVAL = 0.25

GUARD_FIX = (
    "put the code that calls newslab under a main guard, so that worker processes can import "
    'the script without running it again:\n\n    if __name__ == "__main__":\n        main()  # your code, moved into a '
    "function\n\n(or pass workers=1)"
)


def pool_context() -> Any:
    """The multiprocessing context: a warm forkserver where available, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _worker_init(parent: int) -> None:
    """Set up a worker: Ctrl-C is the parent's to handle; exit as soon as the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start_ppid = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(WATCH_INTERVAL)
            if not process_alive(parent) or os.getppid() != start_ppid:
                os._exit(1)  # the run is over: no orphan keeps memory or semaphores

    threading.Thread(target=watch, name="newslab-parent-watch", daemon=True).start()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` exists (signal 0 on POSIX; ``OpenProcess`` on Windows, where signal 0 is Ctrl-C).

    Example:
        >>> process_alive(os.getpid())
        True
    """
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True
    return True


def _script_main() -> Any:
    """The ``__main__`` module when it is a script or ``-m`` module that workers would re-run, else None."""
    main = sys.modules.get("__main__")
    if main is None or (getattr(main, "__file__", None) is None and getattr(main, "__spec__", None) is None):
        return None  # an interactive session or Jupyter: nothing is re-run
    return main


@contextlib.contextmanager
def _script_withheld(job: Any, function: Callable[..., Any]) -> Iterator[None]:
    """While workers start, hide the main script's path so they do not run it again.

    Raises:
        ParameterError: When the job or the function needs code from the script itself, and
            the script has no main guard (the workers would run it again): with the fix.
    """
    main = _script_main()
    if main is None:
        yield
        return
    try:
        needs_main = b"__main__" in pickle.dumps((function, job))
    except Exception:  # unpicklable: the pool reports it with its own message
        needs_main = False
    if needs_main:
        if not _guarded(main):
            raise ParameterError(f"workers>1 from {getattr(main, '__file__', 'this script')}: {GUARD_FIX}")
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    if "__spec__" in saved:
        main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.update(saved)


def _guarded(main: Any) -> bool:
    """Whether the script's source has an ``if __name__ == "__main__":`` block (unknown: assume so)."""
    path = getattr(main, "__file__", None)
    if not path:
        return True
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
    except (OSError, UnicodeDecodeError):
        return True
    return "__name__" in source and "__main__" in source


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """While a clean-up runs, Ctrl-C, SIGTERM and SIGHUP are ignored (main thread only), so it always completes.

    Example:
        >>> with shielded():
        ...     pass  # remove partial files, stop workers
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    saved = {s: signal.signal(s, signal.SIG_IGN) for s in (getattr(signal, n, None) for n in names) if s is not None}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """A Ctrl-C while this runs (main thread, default handler) raises ``KeyboardInterrupt`` right after it.

    ``ProcessPoolExecutor.submit`` starts workers on demand; interrupted while the forkserver starts one
    (the first second of a run), the worker is never registered, so it is not stopped, and it fails on
    the run's freed semaphores with a ``FileNotFoundError`` traceback. Deferred, the interrupt comes once
    the worker is known.

    Example:
        >>> with _interrupt_deferred():
        ...     pass
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    hit: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: hit.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if hit:
        raise KeyboardInterrupt


def stop_workers(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """Terminate the pool's workers now (killing any still alive after ``STOP_GRACE`` s); never waits longer.

    A Ctrl-C while this runs is ignored (in the main thread), so the clean-up always completes.
    """
    with shielded():
        processes = list((getattr(pool, "_processes", None) or {}).values())
        # shutdown() drops the executor's references to these: keep them for _end_manager_thread
        manager = getattr(pool, "_executor_manager_thread", None)
        results = getattr(pool, "_result_queue", None)
        for process in processes:
            with contextlib.suppress(Exception):
                process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            with contextlib.suppress(Exception):
                if process.is_alive():
                    process.kill()
                    process.join(1.0)
        pool.shutdown(wait=False, cancel_futures=True)
        _end_manager_thread(manager, results)


def _end_manager_thread(manager: threading.Thread | None, results: Any) -> None:
    """Let the executor's manager thread end now that the workers are gone, and wait for it.

    Two ways it could outlive the run (CPython 3.10-3.12's ``concurrent.futures.process``):
    - A worker killed while sending a result leaves half a message in the result pipe, and the
      manager thread waits for the rest forever; interpreter exit joins that thread, so the
      script never exits. With the workers dead, closing this process's own copy of the pipe's
      write end leaves no writer: the read ends (end of file), and the thread shuts down as for a
      broken pool.
    - Still ending at exit, its wake-up pipe can be closed while the exit hook writes to it
      ("Exception ignored ... OSError: [Errno 9] Bad file descriptor").
    """
    if manager is None or manager is threading.current_thread():
        return
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(Exception):
            writer.close()
    with contextlib.suppress(Exception):
        manager.join(STOP_GRACE)


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """While the pool runs in the main thread, SIGTERM raises SystemExit(143) (so the clean-up runs)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield  # someone (the newslab command, a framework) handles it already
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


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
    the number of chunks. ``function`` and ``job`` must pickle. When the run stops early (an
    error, Ctrl-C, SIGTERM, or the consumer closing this generator), the workers are
    terminated, not waited for.

    Raises:
        ParameterError: From a script without a main guard whose job needs the script.
    """
    with _script_withheld(job, function), _sigterm_as_exit():
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=pool_context(), initializer=_worker_init, initargs=(os.getpid(),)
        )
        try:
            yield from _feed(pool, chunks, function, job, workers, task_size)
        except BaseException:
            stop_workers(pool)
            raise
        pool.shutdown(wait=True)


def _feed(
    pool: concurrent.futures.ProcessPoolExecutor,
    chunks: Iterator[Any],
    function: Callable[[Any, Any], list[_O]],
    job: Any,
    workers: int,
    task_size: int | None,
) -> Iterator[list[_O]]:
    pending: collections.deque[tuple[concurrent.futures.Future[list[_O]], bool]] = collections.deque()
    done: list[_O] = []

    def next_chunk() -> Iterator[list[_O]]:
        future, last = pending.popleft()
        try:
            done.extend(future.result())
        except concurrent.futures.process.BrokenProcessPool as err:
            main = _script_main()
            hint = f"; if this is a script, {GUARD_FIX}" if main is not None and not _guarded(main) else ""
            raise PoolError(f"a worker process died ({err}){hint}; or run with workers=1") from None
        if last:
            yield done.copy()
            done.clear()

    for chunk in chunks:
        if task_size is None:
            tasks = [chunk]
        else:
            tasks = [chunk[i : i + task_size] for i in range(0, len(chunk), task_size)] or [chunk]
        for k, task in enumerate(tasks):
            with _interrupt_deferred():  # submit may start a worker: let it be registered, then stopped
                future = pool.submit(function, task, job)
            pending.append((future, k == len(tasks) - 1))
            while len(pending) >= IN_FLIGHT * workers:
                yield from next_chunk()
    while pending:
        yield from next_chunk()


__all__ = [
    "GUARD_FIX",
    "IN_FLIGHT",
    "PRELOAD",
    "TASK_SIZE",
    "pool_context",
    "process_alive",
    "run_pool",
    "shielded",
    "stop_workers",
]
