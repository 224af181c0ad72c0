"""Running the analysis pass beyond one machine: Dask (``pip install "newslab[dask]"``).

:func:`run_dask` submits chunks of articles to a ``dask.distributed.Client`` (one task per
chunk, at most ``CHUNKS_IN_FLIGHT`` at a time, results in input order) and runs the same
per-chunk function as the process pool (:func:`newslab.runner.analyze` with
``workers=N``), so both give identical tables. With an output folder, each worker writes its
chunk's Parquet part itself into the run's staging folder (which must be reachable from the
workers). When the run stops early (an error, Ctrl-C), its pending tasks are cancelled. See
``docs/scale.md`` for pointing it at a real cluster.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError

if TYPE_CHECKING:
    from newslab.article_pass import ArticleResult, Job
    from newslab.document import Article

#: Chunks submitted to the cluster at a time (bounds the memory of the client).
CHUNKS_IN_FLIGHT = 16


def run_dask(
    articles: Iterable[Article], job: Job, client: Any, chunk_size: int, *, folder: Path | None = None
) -> Iterator[list[ArticleResult]]:
    """Chunk results, in input order, computed on the cluster behind ``client``.

    Args:
        articles: The articles (read lazily; at most ``CHUNKS_IN_FLIGHT`` chunks are held).
        job: Targets, options and tables of the run.
        client: A ``dask.distributed.Client``.
        chunk_size: Articles per task.
        folder: When given, each worker writes its chunk as Parquet part of this analysis
            folder and returns the ids only.

    Raises:
        ParameterError: When Dask is not installed or ``client`` is not a Client.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ParameterError('scheduler= needs Dask: pip install "newslab[dask]"') from None
    if not isinstance(client, Client):
        raise ParameterError(f"scheduler={client!r}; valid: a dask.distributed.Client (or None for this machine)")
    from newslab.article_pass import chunked, run_chunk, write_chunk

    pending: collections.deque[Any] = collections.deque()
    try:
        for index, chunk in enumerate(chunked(articles, chunk_size)):
            if folder is None:
                pending.append(client.submit(run_chunk, chunk, job, pure=False))
            else:
                pending.append(client.submit(write_chunk, (str(folder), index, chunk), job, pure=False))
            if len(pending) >= CHUNKS_IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:  # an error, Ctrl-C or the run closed early: the cluster stops this run's tasks
        if pending:
            with contextlib.suppress(Exception):
                client.cancel(list(pending))
        raise
