"""Deprecated alias: ``newslab.user_patterns`` is now :mod:`newslab.safe_regex`.

:mod:`newslab.safe_regex` holds the safety checks on user regular expressions.
The old import path keeps working until newslab 0.2.0 and warns; import from ``newslab.safe_regex``.
"""

from newslab._renamed import alias_module

alias_module(__name__, "newslab.safe_regex")
