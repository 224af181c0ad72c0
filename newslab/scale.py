"""Running the analysis pass beyond one machine: Dask (``pip install "newslab[dask]"``).

:func:`run_dask` hands chunks of articles to a ``dask.distributed.Client`` as a Dask bag, one
partition per chunk, and runs the same per-chunk function as the process pool
(:func:`newslab.analysis.analyze` with ``workers=N``), so both give identical tables. See
``docs/scale.md`` for pointing it at a real cluster.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError

if TYPE_CHECKING:
    from newslab.analysis import ArticleResult, _Job
    from newslab.document import Article

#: Chunks submitted to the cluster at a time (bounds the memory of the client).
CHUNKS_IN_FLIGHT = 16


def run_dask(articles: Iterable[Article], job: _Job, client: Any, chunk_size: int) -> Iterator[list[ArticleResult]]:
    """Chunk results, in input order, computed on the cluster behind ``client``.

    Args:
        articles: The articles (read lazily; at most ``CHUNKS_IN_FLIGHT`` chunks are held).
        job: Targets, options and tables of the run.
        client: A ``dask.distributed.Client``.
        chunk_size: Articles per partition.

    Raises:
        ParameterError: When Dask is not installed or ``client`` is not a Client.
    """
    try:
        import dask.bag as db
        from distributed import Client
    except ImportError:
        raise ParameterError('scheduler= needs Dask: pip install "newslab[dask]"') from None
    if not isinstance(client, Client):
        raise ParameterError(f"scheduler={client!r}; valid: a dask.distributed.Client (or None for this machine)")
    from newslab.analysis import _chunks, _run_chunk

    chunks = _chunks(articles, chunk_size)
    while batch := list(itertools.islice(chunks, CHUNKS_IN_FLIGHT)):
        bag = db.from_sequence(batch, npartitions=len(batch)).map(_run_chunk, job)
        yield from bag.compute(scheduler=client)
