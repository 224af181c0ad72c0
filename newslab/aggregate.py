"""Deprecated alias: ``newslab.aggregate`` is now :mod:`newslab.comparison`.

:mod:`newslab.comparison` holds the side-by-side comparison: compare_tables, compare_summary.
The old import path keeps working until newslab 0.2.0 and warns; import from ``newslab.comparison``.
"""

from newslab._renamed import alias_module

alias_module(__name__, "newslab.comparison")
