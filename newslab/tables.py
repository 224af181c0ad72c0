"""The public table functions: views of one analysis pass, above it.

Each function here runs :func:`newslab.analyze` with the tables (and options) it shows and returns
that table, so ``find_mentions``, ``find_quotes``, ``sentiment_table``, ``stance_table``,
``frame_table`` and ``compare`` never disagree with each other or with ``analyze``. They live
above the pass so that no stage module imports upward; import them from ``newslab`` (``nl.find_mentions``)
or from here. ``newslab.sentiment`` also re-exports ``sentiment_table`` and ``article_sentiment``.

Example:
    >>> import newslab as nl
    >>> find_mentions(nl.load_seed_corpus())["kind"].value_counts().to_dict()
    {'name': 26, 'description': 24, 'pronoun': 20}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newslab.corpus import Corpus, as_articles, progress_bar
from newslab.document import Article, parse
from newslab.errors import ParameterError
from newslab.frames import PROFILE_COLUMNS, TABLE_COLUMNS, DictionaryArg, frame_matcher, with_frame_attrs
from newslab.mentions import MENTION_COLUMNS, QuoteSpan, article_mentions, mention_rows
from newslab.pipeline import AnalysisOptions
from newslab.result import Analysis
from newslab.runner import analyze
from newslab.targets import Target, as_targets
from newslab.tone import LABEL_THRESHOLD
from newslab.tone_lexicon import prepare_lexicon

if TYPE_CHECKING:
    import pandas as pd


def find_mentions(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    pronouns: bool = True,
    require_name: bool = True,
    min_confidence: float = 0.0,
    quotes: pd.DataFrame | bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find names, descriptions and (confidently resolved) pronouns of targets.

    Descriptions count only in articles that name the target (in text or title) unless
    ``require_name=False``. Pronouns are resolved to the nearest compatible mention in the same
    sentence when no other person name stands before them in that sentence (for it/its: between
    them), or else to the only target mentioned in the previous sentence when neither sentence
    names anybody else. Expletive "it" ("it was", "it is true") is never resolved.
    Edge cases: "NATO" inside "NATO allies"/"NATO Secretary General" is a NATO name mention (the
    word names the organization; the allies are not NATO); "the White House" alone is a building
    or the administration, never Trump; "the alliance" with a foreign capitalized modifier
    ("the AUKUS alliance") or an "of" complement is not NATO.
    With ``quotes``, he/his (it/its) inside a direct quote whose speaker is known are resolved to
    someone other than the speaker (rule ``"pronoun:in-quote"``, see :func:`quote_pronouns`).

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Target objects; default ``(TRUMP, NATO)``.
        pronouns: Also resolve pronouns.
        require_name: Count descriptions only in articles that name the target.
        min_confidence: Drop rows below this confidence (see ``CONFIDENCE``).
        quotes: ``True`` (default) applies the in-quote rule with the quotes of the same
            analysis pass (so these rows equal ``nl.analyze(...).mentions``), ``False`` leaves
            it out, and a :func:`newslab.find_quotes` table uses its direct quotes instead.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, target, mention, start, end (offsets in
        ``article.text``), kind ("name", "description", "pronoun"), rule, confidence, antecedent
        (for pronouns: the mention they were resolved to).

    Example:
        >>> from newslab.targets import DEFAULT_TARGETS, TRUMP
        >>> art = Article("x", "", "Trump spoke. The Republican said he would win.")
        >>> find_mentions(art, TRUMP)[["mention", "kind", "rule"]].values.tolist()
        [['Trump', 'name', 'name'], ['The Republican', 'description', 'head:republican'], ['he', 'pronoun', 'pronoun']]
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise ParameterError(f"min_confidence={min_confidence!r}; valid: a number from 0 to 1")
    if not isinstance(quotes, bool) and not hasattr(quotes, "columns"):
        raise ParameterError(f"quotes={quotes!r}; valid: True, False or a find_quotes() table")
    options = AnalysisOptions(pronouns=pronouns, require_name=require_name, in_quote=quotes is not False)
    if isinstance(quotes, bool):
        table = analyze(corpus, targets, options=options, tables=("mentions",), progress=progress).mentions
    else:
        table = _mentions_with_quote_table(corpus, targets, options, quotes, progress)
    if min_confidence > 0:
        table = table[table["confidence"] >= min_confidence].reset_index(drop=True)
    return table


def _mentions_with_quote_table(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None,
    options: Any,
    quotes: pd.DataFrame,
    progress: bool | None,
) -> pd.DataFrame:
    """find_mentions with the direct quotes of a given find_quotes() table (not the pass's own)."""
    import pandas as pd

    needed = {"article_id", "kind", "start", "end", "speaker_resolved"}
    if needed - set(quotes.columns):
        raise ParameterError(f"quotes= needs a find_quotes() table (columns {sorted(needed)}), True or False")
    spans: dict[str, list[QuoteSpan]] = {}
    for a, k, s, e, who in zip(
        quotes["article_id"], quotes["kind"], quotes["start"], quotes["end"], quotes["speaker_resolved"], strict=True
    ):
        if k == "direct" and isinstance(who, str) and who.strip():
            spans.setdefault(str(a), []).append(QuoteSpan(int(s), int(e), who))
    chosen = as_targets(targets)
    rows = []
    for article in progress_bar(as_articles(corpus), progress, "mentions"):
        doc = parse(article)
        found = article_mentions(
            doc, chosen, pronouns=options.pronouns, require_name=options.require_name, quotes=spans.get(doc.id, ())
        )
        rows.extend(mention_rows(doc, found))
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def find_quotes(
    corpus: Corpus | Article | Iterable[Article] | str,
    *,
    targets: Target | Iterable[Target] | None = None,
    kinds: Iterable[str] = ("direct", "indirect"),
    progress: bool | None = None,
) -> pd.DataFrame:
    """Find direct quotes and indirect reported speech, with speaker, verb and span.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose descriptions and pronouns help resolve speakers
            (default ``(TRUMP, NATO)``).
        kinds: Which kinds to return ("direct", "indirect").
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, speaker (as written), speaker_resolved
        (a name, or "" when the text does not tell), verb, quote (the quoted or reported words),
        kind ("direct"/"indirect"), start, end (offsets of the quote in ``article.text``), rule
        (after-quote, before-quote, split, same-paragraph, previous-sentence, continued, unattributed,
        reported-say, reported-belief, reported-warning, reported-argument, reported-attitude, reported-directive,
        reported-topic, reported-after, coordinated, according-to; see the module docstring), speaker_rule
        (how the speaker was resolved), speaker_start, speaker_end.

    Example:
        >>> import newslab as nl
        >>> df = find_quotes(nl.load_seed_corpus(), kinds=["direct"])
        >>> df.groupby("article_id", sort=False)["speaker_resolved"].apply(list).to_dict()
        {'es-daily': ['Farah Dakhlallah', 'NATO', 'Mark Rutte', 'Mark Rutte'],
         'de-dpa': ['Farah Dakhlallah', 'Mark Rutte']}
    """
    kinds = tuple(kinds)
    if not kinds or set(kinds) - {"direct", "indirect"}:
        raise ParameterError(f"kinds={list(kinds)!r}; valid: ['direct', 'indirect']")
    table = analyze(corpus, targets, tables=("quotes",), progress=progress).quotes
    if set(kinds) != {"direct", "indirect"}:
        table = table[table["kind"].isin(kinds)].reset_index(drop=True)
    return table


def sentiment_table(
    corpus: Corpus | Iterable[Article],
    *,
    lexicon: Mapping[str, float] | None = None,
    evidence: bool = True,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence with every tone score; each article is tokenized once.

    Args:
        corpus: A :class:`~newslab.corpus.Corpus` or any iterable of articles.
        lexicon: As for :func:`score_sentiment`.
        evidence: Add the ``evidence`` column (``"word:+1.9; not good:-1.4"``); turn off for speed.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns ``article_id, sentence_id, start, end, text, compound, vader,
        polarity, subjectivity, label, n_evidence`` (and ``evidence``); offsets refer to ``Article.text``.

    Example:
        >>> import newslab as nl
        >>> df = nl.sentiment_table(nl.load_seed_corpus())
        >>> list(df.columns[:6])
        ['article_id', 'sentence_id', 'start', 'end', 'text', 'compound']
        >>> bool(df["compound"].between(-1, 1).all())
        True
    """
    prepare_lexicon(lexicon)
    options = AnalysisOptions(lexicon=lexicon, tone_evidence=evidence)
    table = analyze(corpus, options=options, tables=("tone",), progress=progress).tone
    return table if evidence else table.drop(columns=["n_evidence", "evidence"])


def article_sentiment(table: pd.DataFrame | Corpus | Iterable[Article]) -> pd.DataFrame:
    """Article-level tone from sentence scores (length-normalized, unlike VADER on a whole article).

    Args:
        table: The output of :func:`sentiment_table`, or a corpus (scored first).

    Returns:
        DataFrame, one row per article: ``article_id, n_sentences, compound_mean, vader_mean,
        polarity_mean, subjectivity_mean, share_negative, share_positive, balance`` (share
        positive minus share negative; sentence labels by the +/-0.05 thresholds on compound).

    Example:
        >>> import newslab as nl
        >>> summary = article_sentiment(nl.load_seed_corpus())
        >>> list(summary["article_id"])
        ['es-daily', 'de-dpa']
    """
    import pandas as pd

    df = table if isinstance(table, pd.DataFrame) else sentiment_table(table, evidence=False)
    missing = {"article_id", "compound", "vader", "polarity", "subjectivity"} - set(df.columns)
    if missing:
        raise ParameterError(f"table lacks columns {sorted(missing)}; pass the output of sentiment_table()")
    grouped = df.groupby("article_id", sort=False)
    out = pd.DataFrame(
        {
            "n_sentences": grouped.size(),
            "compound_mean": grouped["compound"].mean(),
            "vader_mean": grouped["vader"].mean(),
            "polarity_mean": grouped["polarity"].mean(),
            "subjectivity_mean": grouped["subjectivity"].mean(),
            "share_negative": grouped["compound"].apply(lambda s: float((s <= -LABEL_THRESHOLD).mean())),
            "share_positive": grouped["compound"].apply(lambda s: float((s >= LABEL_THRESHOLD).mean())),
        }
    )
    out["balance"] = out["share_positive"] - out["share_negative"]
    return out.reset_index()


def stance_table(
    corpus: Corpus | Article | Iterable[Article] | str,
    targets: Target | Iterable[Target] | None = None,
    *,
    cues: str = "stance_cues",
    sentiment: bool | Callable[..., Any] = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Who takes which position toward which target, with the cues and the sentence.

    Args:
        corpus: A Corpus, an Article, a list of articles or a plain string.
        targets: Targets whose stance is wanted; default ``(TRUMP, NATO)``. Holders need not be
            targets (quoted speakers, named people, "allies", "author").
        cues: Packaged cue table (TSV name without ``.tsv``) with cue, polarity, kind, speech, source.
        sentiment: Also add ``author`` rows from ``newslab.sentiment.target_sentiment`` for
            mentions outside quotes that no cue covers (``True``), or from a callable with the
            same signature ``f(text, span=(start, end))``. Off by default: those rows carry model
            features, not cue words, as evidence, and the first call loads the model (~1 s).
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns article_id, sentence_id, holder, holder_kind ("speaker", "actor",
        "author"), target, stance ("favor", "against", "neutral"), score (cue polarity in
        [-1, 1], negation applied), cues (list of cue words), holder_rule, target_rule,
        target_mention, start, end (of the target mention in ``article.text``), sentence.

    Example:
        >>> import newslab as nl
        >>> art = nl.Article("a", "", "Allies are worried about Trump. NATO is not praised by Trump.")
        >>> stance_table(art, sentiment=False)[["holder", "target", "stance", "score"]].values.tolist()
        [['allies', 'Trump', 'against', -0.6], ['Trump', 'NATO', 'against', -0.74]]
    """
    if not isinstance(sentiment, bool) and not callable(sentiment):
        raise ParameterError(f"sentiment={sentiment!r}; valid: True, False or a callable like target_sentiment")
    options = AnalysisOptions(cues=cues, stance_sentiment=sentiment)
    return analyze(corpus, targets, options=options, tables=("stance",), progress=progress).stance


def frame_table(
    corpus: Corpus | Article | Iterable[Article], *, dictionary: DictionaryArg = None, progress: bool | None = None
) -> Any:
    """Every frame cue found in the corpus, one row per match.

    Args:
        corpus: A Corpus, an Article or an iterable of articles.
        dictionary: Frame dictionary (see :func:`load_frames`); ``None`` = packaged default.
        progress: Show a progress bar: ``None`` (default) from 200 articles on, ``True`` always,
            ``False`` never (see :func:`newslab.corpus.progress_bar`).

    Returns:
        DataFrame with columns ``article_id, sentence_id, frame, cue, matched, start, end,
        weight, kind``: ``cue`` is the dictionary entry, ``matched`` the words in the text
        (``article.text[start:end]``). ``attrs`` hold ``n_words`` and ``n_sentences`` per
        article and the dictionary's ``frames`` and ``families`` for :func:`frame_profile`.

    Example:
        >>> import newslab as nl
        >>> table = nl.frame_table(nl.load_seed_corpus())
        >>> row = table[table.cue == "war of aggression"].iloc[0]
        >>> row.article_id, row.frame, row.matched
        ('de-dpa', 'war', 'war of aggression')
    """
    frame_matcher(dictionary)  # a bad dictionary fails here, before any article is read
    analysis = analyze(corpus, options=AnalysisOptions(frames=dictionary), tables=("frames",), progress=progress)
    return with_frame_attrs(analysis.frames, analysis.articles, dictionary)


def compare(
    corpus: Any, targets: Target | Iterable[Target] | None = None, *, top_frames: int = 3, progress: bool | None = None
) -> pd.DataFrame:
    """The side-by-side table: one row per article x target, every cell aggregated from one analysis.

    Columns (counts are integers; tones are means in [-1, 1], NaN when nothing applies):

    * ``mentions``, ``names``, ``descriptions``, ``pronouns``: mentions of the target by kind;
    * ``sentences``, ``sentence_share``: sentences mentioning it, and their share of the article;
    * ``n_labels``, ``labels``: distinct names and descriptions used, ``{label: count}``, most used first;
    * ``tone_sentences``: mean ``compound`` tone of the sentences mentioning the target;
    * ``tone_target``: mean target-directed score over the mentions; ``target_negative``,
      ``target_neutral``, ``target_positive``: mentions by the target model's own label;
    * ``stance_rows``, ``stance_favor``, ``stance_against``: stance rows with the target as
      holder or target (favor/against count those aimed at it); ``stance``: a list of
      ``{"holder", "target", "stance", "n", "mean_score", "cues"}``, most frequent first;
    * ``top_frame``, ``frames``: frames by cue weight in the sentences mentioning the target,
      a list of ``{"frame", "weight", "cues"}``;
    * ``quoted``: who is quoted in the article, ``{speaker: count}``; ``target_quoted`` and
      ``quotes_by_target``: quotes whose speaker is the target (a list of quote texts);
      ``quotes_on_target``: quotes containing a mention of it, a list of ``{"speaker",
      "quote", "pronouns", "antecedents"}`` (he/his inside a quote resolved by the in-quote rule);
    * then the columns of further stages' measures: ``hedges`` (hedging words in the sentences
      mentioning the target) and ``hedged_share`` (share of those sentences with a hedge).

    Args:
        corpus: A Corpus, articles or a path (analyzed with :func:`newslab.analyze`), or an
            :class:`newslab.Analysis` (aggregated as it is).
        targets: Target objects; default ``(TRUMP, NATO)`` (or the analysis' targets).
        top_frames: How many frames to list in ``frames``.
        progress: Progress bar of the analysis (``None``: from 200 articles on).

    Returns:
        DataFrame with ``COMPARE_COLUMNS``, articles in corpus order, targets in the order given.
        Show it with :func:`format_compare`; :meth:`newslab.Analysis.evidence` gives the rows
        behind a cell.

    Example:
        >>> import newslab as nl
        >>> table = nl.compare(nl.load_seed_corpus())
        >>> table[["article_id", "target", "n_labels"]].values.tolist()
        [['es-daily', 'Trump', 10], ['es-daily', 'NATO', 6], ['de-dpa', 'Trump', 4], ['de-dpa', 'NATO', 3]]
    """
    if isinstance(corpus, Analysis):
        return corpus.compare(targets, top_frames=top_frames)
    return analyze(corpus, targets, progress=progress).compare(top_frames=top_frames)


def frame_profile(
    data: Any,
    *,
    dictionary: DictionaryArg = None,
    corpus: Corpus | Iterable[Article] | None = None,
    top: int = 3,
) -> Any:
    """Article x frame profile, normalized by length.

    For each article and frame: ``matches`` (cue count), ``weight`` (sum of cue weights),
    ``per_1000_words`` = 1000 * weight / words in the article, ``sentences`` (sentences with
    at least one cue of the frame), ``sentence_share`` = sentences / sentences in the article,
    and ``top_cues`` (the most frequent matched cues, ``"cue×n"``). Frames without a cue get
    zeros, so every article has a row for every frame of the dictionary.

    Args:
        data: A Corpus or Article (cues are found with ``dictionary``), or a table from
            :func:`frame_table` (possibly filtered, e.g. to sentences mentioning a target).
        dictionary: Frame dictionary when ``data`` is a corpus (see :func:`load_frames`).
        corpus: The corpus a table came from; only needed when the table lost its ``attrs``
            (lengths are read from ``table.attrs`` otherwise).
        top: How many cues to list in ``top_cues``.

    Returns:
        Tidy DataFrame, one row per article x frame, columns as described above; use
        ``profile.pivot(index="article_id", columns="frame", values="per_1000_words")`` for a
        wide table.

    Raises:
        ParameterError: If the lengths of a table's articles are unknown.

    Example:
        >>> import newslab as nl
        >>> p = nl.frame_profile(nl.load_seed_corpus())
        >>> p[p.frame == "war"][["article_id", "matches", "sentences"]].values.tolist()
        [['es-daily', 12, 3], ['de-dpa', 5, 2]]
    """
    import pandas as pd

    if isinstance(data, (Corpus, Article)) or (isinstance(data, list) and data and isinstance(data[0], Article)):
        table = frame_table(data, dictionary=dictionary)
    elif isinstance(data, pd.DataFrame):
        table = data
    else:
        raise ParameterError(f"frame_profile() takes a Corpus, an Article or a frame_table, got {type(data).__name__}")
    missing = set(TABLE_COLUMNS[:8]) - set(table.columns)
    if missing:
        raise ParameterError(f"frame_profile(): table lacks columns {sorted(missing)}; pass nl.frame_table(corpus)")
    n_words = dict(table.attrs.get("n_words", {}))
    n_sentences = dict(table.attrs.get("n_sentences", {}))
    frames = list(table.attrs.get("frames", [])) or list(dict.fromkeys(table["frame"]))
    families = dict(table.attrs.get("families", {}))
    if corpus is not None:
        docs = [parse(a) for a in as_articles(corpus)]
        n_words = {d.id: sum(d.n_words(i) for i in range(len(d.sentences))) for d in docs}
        n_sentences = {d.id: len(d.sentences) for d in docs}
    unknown = sorted(set(table["article_id"]) - set(n_words))
    if unknown:
        raise ParameterError(
            f"frame_profile(): article lengths unknown for {unknown[:3]}; pass corpus= (the table's attrs were lost)"
        )
    matches: Counter[tuple[str, str]] = Counter()
    weights: dict[tuple[str, str], float] = defaultdict(float)
    sentence_sets: dict[tuple[str, str], set[int]] = defaultdict(set)
    cues: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    columns = zip(
        table["article_id"], table["frame"], table["sentence_id"], table["weight"], table["matched"], strict=True
    )
    for article_id, frame, sentence_id, weight, matched in columns:
        key = (article_id, frame)
        matches[key] += 1
        weights[key] += float(weight)
        sentence_sets[key].add(int(sentence_id))
        cues[key][str(matched).lower()] += 1
    for frame in dict.fromkeys(table["frame"]):
        if frame not in frames:
            frames.append(frame)
    rows = []
    for article_id in n_words:
        for frame in frames:
            key = (article_id, frame)
            weight = weights.get(key, 0.0)
            sentences = len(sentence_sets.get(key, ()))
            ranked = sorted(cues[key].items(), key=lambda kv: -kv[1]) if key in cues else []  # ties: first seen
            rows.append(
                (
                    article_id,
                    frame,
                    families.get(frame, ""),
                    matches.get(key, 0),
                    weight,
                    1000.0 * weight / n_words[article_id] if n_words[article_id] else 0.0,
                    sentences,
                    sentences / n_sentences[article_id] if n_sentences.get(article_id) else 0.0,
                    ", ".join(f"{cue}×{n}" for cue, n in ranked[:top]),
                )
            )
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


__all__ = [
    "article_sentiment",
    "compare",
    "find_mentions",
    "find_quotes",
    "frame_profile",
    "frame_table",
    "sentiment_table",
    "stance_table",
]
