"""The parts of the analysis pass: its options, the per-article state, and the stage declaration.

A :class:`Stage` declares its name, the stages it requires, its run function over one
:class:`ArticleState`, and what it produces: its table (named after the stage) with a typed row
record, and the compare measures aggregated from that table. :func:`stage_order` orders the
declared stages from their requirements and :func:`needed_stages` selects those a run needs for
the tables it asks for. The built-in stages are declared in :mod:`newslab.stages`; adding one is
one more declaration there (see ``docs/extending.md``).

This module imports nothing above the stage modules, so every stage module may import it.

Example:
    >>> def count_words(state): state.found["n"] = len(state.doc.text.split())
    >>> stage = Stage("n_words", count_words, requires=("sentences",))
    >>> stage.name, stage.table
    ('n_words', None)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newslab.errors import ParameterError
from newslab.records import columns, list_columns

if TYPE_CHECKING:
    from newslab.attribution import Quote
    from newslab.document import Article, Document
    from newslab.measure import MeasureSet
    from newslab.mention_record import Mention
    from newslab.target_tone import TargetSentiment
    from newslab.targets import Target


@dataclasses.dataclass(frozen=True)
class AnalysisOptions:
    """Options of the analysis pass (every stage's knobs, with the defaults of the table functions).

    Attributes:
        pronouns: Resolve pronouns to targets.
        require_name: Count descriptions only in articles that name the target.
        in_quote: Apply the in-quote pronoun rule (he/his inside a quote is not its speaker).
        lexicon: Term -> valence for sentence tone (``None``: the packaged news lexicon).
        tone_evidence: Keep the lexicon hits behind each sentence's tone.
        n_evidence: Deciding features kept per mention in the target tone table.
        cues: Packaged stance cue table.
        stance_sentiment: Author stance rows from target sentiment (see :func:`newslab.stance_table`).
        frames: Frame dictionary (``None``: the packaged one).
        target_model: Target tone model (``None``: the packaged one; see :func:`newslab.adapt_target_model`).

    Example:
        >>> AnalysisOptions(pronouns=False).to_json()["pronouns"]
        False
    """

    pronouns: bool = True
    require_name: bool = True
    in_quote: bool = True
    lexicon: Mapping[str, float] | None = None
    tone_evidence: bool = True
    n_evidence: int = 6
    cues: str = "stance_cues"
    stance_sentiment: bool | Callable[..., Any] = False
    frames: Any = None
    target_model: Any = None

    def to_json(self) -> dict[str, Any]:
        """The options as JSON-ready values (a custom lexicon, hook or dictionary shows as ``"custom"``)."""
        out: dict[str, Any] = {}
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            simple = value is None or isinstance(value, (bool, int, str))
            out[field.name] = value if simple else getattr(value, "fingerprint", "custom")
        return out


@dataclasses.dataclass
class ArticleState:
    """Everything the pass knows about one article, filled stage by stage.

    Each stage reads the parsed document and the earlier stages' objects from here and adds its
    own; the rows of every table are made once, at the end, from these objects.

    Attributes:
        article: The article as given.
        targets: The targets of the run.
        options: The pass's options.
        resources: Per-run objects of the stages (compiled once per chunk, e.g. the frame matcher).
        doc: The parsed document (stage ``sentences``).
        names: The article's name registry (stage ``mentions``).
        mentions: Target mentions (stage ``mentions``; the in-quote rule applied by ``quotes``).
        quotes: Quotes and reported speech (stage ``quotes``).
        target_tones: Each mention with the target model's result, in table order (stage ``target_tone``).
        stance: Stance findings as dicts of the stance columns (stage ``stance``).
        found: Objects of further stages, by stage name (e.g. ``found["hedging"]``); ``found["target_hits"]``:
            the lexicon hits sentence tone read for the target model (:func:`newslab.tone.sentence_tones`).
        stage: The stage running now (named in error messages).
    """

    article: Article
    targets: tuple[Target, ...]
    options: AnalysisOptions
    resources: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    doc: Document | None = None
    names: tuple[str, ...] = ()
    mentions: list[Mention] = dataclasses.field(default_factory=list)
    quotes: list[Quote] = dataclasses.field(default_factory=list)
    target_tones: list[tuple[Mention, TargetSentiment]] = dataclasses.field(default_factory=list)
    stance: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    found: dict[str, Any] = dataclasses.field(default_factory=dict)
    stage: str = "sentences"

    @property
    def parsed(self) -> Document:
        """The parsed document (an error if the ``sentences`` stage has not run)."""
        if self.doc is None:
            raise RuntimeError("the sentences stage has not run; every stage requires it")
        return self.doc


def _none(options: AnalysisOptions) -> tuple[str, ...]:
    return ()


@dataclasses.dataclass(frozen=True)
class Stage:
    """One named stage of the pass, in the spirit of spaCy's named pipes.

    Attributes:
        name: The stage's name; its table (if any) has the same name.
        run: ``run(state)``: reads earlier results from the :class:`ArticleState`, adds its own.
        requires: Stages that must run before this one.
        record: The row record of its table (a ``NamedTuple``); ``None``: no table.
        rows: ``rows(state) -> list[record]``, called once after all stages ran.
        completed_by: ``completed_by(options)``: later stages that amend this stage's objects
            before its rows are made (the quotes stage applies the in-quote rule to mentions).
        prepare: ``prepare(options)``: a per-run object (compiled once per chunk), found in
            ``state.resources[name]``.
        measures: The compare columns aggregated from its table (:class:`newslab.measure.MeasureSet`).
    """

    name: str
    run: Callable[[ArticleState], None]
    requires: tuple[str, ...] = ()
    record: type[Any] | None = None
    rows: Callable[[ArticleState], Sequence[Any]] | None = None
    completed_by: Callable[[AnalysisOptions], tuple[str, ...]] = _none
    prepare: Callable[[AnalysisOptions], Any] | None = None
    measures: MeasureSet | None = None

    @property
    def table(self) -> str | None:
        """The table this stage produces (its name), or ``None``."""
        return self.name if self.record is not None else None

    @property
    def columns(self) -> list[str]:
        """Its table's columns (the record's fields)."""
        return columns(self.record) if self.record is not None else []

    @property
    def list_columns(self) -> tuple[str, ...]:
        """Its table's columns that hold lists of strings."""
        return list_columns(self.record) if self.record is not None else ()


def stage_order(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """The stages in an order where each comes after what it requires (declaration order otherwise).

    Raises:
        ParameterError: For a requirement no stage declares, or a circle of requirements.
    """
    declared = {s.name: s for s in stages}
    ordered: list[Stage] = []
    state: dict[str, str] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "open":
            raise ParameterError(f"stages {' -> '.join((*path, name))} require each other; break the circle")
        if name not in declared:
            raise ParameterError(f"stage {path[-1]!r} requires {name!r}, which no stage declares; "
                                 f"declared: {list(declared)}")  # fmt: skip
        state[name] = "open"
        for required in declared[name].requires:
            visit(required, (*path, name))
        state[name] = "done"
        ordered.append(declared[name])

    for name in declared:
        visit(name, ())
    return tuple(ordered)


def needed_stages(stages: Sequence[Stage], tables: Iterable[str], options: AnalysisOptions) -> tuple[Stage, ...]:
    """The stages (in run order) needed for ``tables``: their stages, what those require, and what completes them."""
    by_name = {s.name: s for s in stages}
    needed: set[str] = set()
    todo = [t for t in tables if t in by_name]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        todo.extend(by_name[name].requires)
        todo.extend(by_name[name].completed_by(options))
    return tuple(s for s in stages if s.name in needed)


__all__ = ["AnalysisOptions", "ArticleState", "Stage", "needed_stages", "stage_order"]
