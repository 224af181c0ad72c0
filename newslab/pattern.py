"""Deprecated alias: ``newslab.pattern`` is now :mod:`newslab.pattern_lexicon`.

:mod:`newslab.pattern_lexicon` holds TextBlob's pattern sentiment lexicon.
The old import path keeps working until newslab 0.2.0 and warns; import from ``newslab.pattern_lexicon``.
"""

from newslab._renamed import alias_module

alias_module(__name__, "newslab.pattern_lexicon")
