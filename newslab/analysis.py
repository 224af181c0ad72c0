"""Deprecated alias: ``newslab.analysis`` is now :mod:`newslab.runner`.

:mod:`newslab.runner` holds the analysis pass runner: analyze, AnalysisOptions.
The old import path keeps working until newslab 0.2.0 and warns; import from ``newslab.runner``.
"""

from newslab._renamed import alias_module

alias_module(__name__, "newslab.runner")
