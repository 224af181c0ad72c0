"""Importing the Jupyter libraries of the report runner without an unused slow dependency.

papermill and nbconvert import nbformat, which imports jsonschema. jsonschema, in turn,
imports ``rfc3987_syntax`` when it is installed (JupyterLab's ``jupyter-events`` installs it),
and that module builds a Lark parser at import time: about 1.5 s, a third of the runner's own
start-up, only to check the ``iri`` string format, which no notebook schema uses (nbformat's
validators take no format checker). :func:`jupyter_imports` hides that one module while the
Jupyter libraries are first imported; jsonschema then skips its ``iri`` checks in this process,
and an explicit ``import rfc3987_syntax`` afterwards works as usual. Nothing changes when
jsonschema was imported before.

Example:
    >>> with jupyter_imports():
    ...     import nbformat
    >>> nbformat.v4.new_notebook().nbformat
    4
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

#: Modules hidden while the Jupyter libraries are imported: slow to import, and unused by them.
UNUSED_SLOW_MODULES = ("rfc3987_syntax",)


@contextlib.contextmanager
def jupyter_imports() -> Iterator[None]:
    """Within the block, importing :data:`UNUSED_SLOW_MODULES` fails as if they were not installed.

    Only modules not imported yet are hidden, and only while jsonschema is not imported yet
    (afterwards hiding them changes nothing); the block leaves ``sys.modules`` as it found it,
    apart from the modules imported inside it.
    """
    hidden = [] if "jsonschema" in sys.modules else [m for m in UNUSED_SLOW_MODULES if m not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # an import of it raises ImportError
    try:
        yield
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


__all__ = ["UNUSED_SLOW_MODULES", "jupyter_imports"]
