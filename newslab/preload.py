"""Warm-up for newslab's process pool: importing this module loads every lexicon and model.

The pool's forkserver imports it once (:data:`newslab.pool.PRELOAD`); every worker forked
from that server then starts with newslab imported and its lexicons, target model and
frame dictionary loaded, instead of loading them itself. The pass imports neither nltk nor
scipy nor scikit-learn (``tests/test_preload.py`` checks a worker). The loaded objects are then
frozen (``gc.freeze``): the workers' garbage collections skip them. Import it nowhere else: it
does its work on import. A failure is logged and leaves workers to load what they need.
"""

from __future__ import annotations

import gc
import logging

logger = logging.getLogger(__name__)

try:
    from newslab.article_pass import warm_up

    warm_up()
except Exception as err:  # the forkserver must start even if the warm-up fails
    logger.warning("newslab's pool warm-up failed (%s); workers load lexicons themselves", err)
# What is loaded now lives as long as the workers: moved out of the collector's reach, a worker's
# collections do not walk it again and again (and do not touch its pages, which stay shared
# with the forkserver); Python's documentation of gc.freeze recommends this before fork().
gc.freeze()
