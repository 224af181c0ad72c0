"""Old module paths kept for one release after a rename: each warns once and is the new module.

A renamed module's old file calls :func:`alias_module`, which puts the new module in its place
in ``sys.modules``: ``import newslab.analysis`` then gives :mod:`newslab.runner` itself, so
private names, ``monkeypatch`` and ``isinstance`` checks keep working, and a
``DeprecationWarning`` points at the importing line.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable
from typing import Any

#: The release in which the old paths are removed.
REMOVED_IN = "0.2.0"


def alias_module(old: str, new: str) -> None:
    """Make ``old`` an alias of ``new`` in ``sys.modules`` and warn that it was renamed.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     import newslab.aggregate as old
        >>> import newslab.comparison
        >>> old is newslab.comparison
        True
    """
    module = importlib.import_module(new)
    warnings.warn(
        f"{old} was renamed {new}; import from {new} (the old path is removed in newslab {REMOVED_IN})",
        DeprecationWarning,
        stacklevel=3,  # alias_module, the old module's body, the importing line
        # (warnings skips the import machinery's frames itself)
    )
    sys.modules[old] = module


def moved_names(old: str, new: str, names: frozenset[str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``names`` that moved from module ``old`` to module ``new``.

    Example:
        >>> import warnings
        >>> from newslab.comparison import __getattr__ as moved
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     keyness = moved("keyness")
        >>> keyness.__module__, caught[0].category.__name__
        ('newslab.keywords', 'DeprecationWarning')
    """

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {old!r} has no attribute {name!r}")
        warnings.warn(
            f"{old}.{name} moved to {new}.{name}; import it from {new}"
            f" (the old path is removed in newslab {REMOVED_IN})",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(new), name)

    return __getattr__
