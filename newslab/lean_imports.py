"""Importing the Jupyter libraries without an optional dependency that newslab never uses.

papermill and nbconvert import nbformat, which imports jsonschema; jsonschema imports
``rfc3987_syntax`` when it is installed (JupyterLab's ``jupyter-events`` installs it), and that
module builds a Lark parser at import time: about 1.5 s, only to check the ``iri`` string
format, which no notebook schema uses (nbformat's validators take no format checker).
:func:`jupyter_imports` hides it while the Jupyter libraries are first imported; jsonschema
then skips its ``iri`` checks in this process.

A hidden module fails to import as if it were not installed, only inside the block; an explicit
import of it afterwards works as usual. (nltk, which imports scipy.stats and scikit-learn when
they are installed, was hidden the same way until newslab stopped importing nltk in the analysis
pass and the report kernel: its stems come from PyStemmer, :data:`newslab.target_reading.STEMMER`.)

Example:
    >>> with jupyter_imports():
    ...     import nbformat
    >>> nbformat.v4.new_notebook().nbformat
    4
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator

#: Modules hidden while the Jupyter libraries are first imported (jsonschema's optional iri check).
UNUSED_BY_JUPYTER = ("rfc3987_syntax",)


@contextlib.contextmanager
def hidden_modules(names: Iterable[str]) -> Iterator[None]:
    """Within the block, importing any of ``names`` (or a submodule) raises ImportError.

    Modules imported already are not hidden. The block leaves ``sys.modules`` as it found it,
    apart from the modules imported inside it.

    Example:
        >>> with hidden_modules(["tabnanny"]):
        ...     import tabnanny
        Traceback (most recent call last):
        ...
        ModuleNotFoundError: import of tabnanny halted; None in sys.modules
        >>> import tabnanny  # afterwards it imports as usual
    """
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # an import of it raises ImportError
    try:
        yield
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


@contextlib.contextmanager
def jupyter_imports() -> Iterator[None]:
    """Import papermill, nbformat or nbconvert in this block: without :data:`UNUSED_BY_JUPYTER`.

    Nothing is hidden once jsonschema is imported (hiding would change nothing then).
    """
    with hidden_modules(() if "jsonschema" in sys.modules else UNUSED_BY_JUPYTER):
        yield


__all__ = ["UNUSED_BY_JUPYTER", "hidden_modules", "jupyter_imports"]
