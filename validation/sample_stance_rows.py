"""Draw, show and score the hand-check sample of stance rows on real news (issue 23, "rows a reader would sign").

Usage:
  python validation/sample_stance_rows.py DATA_DIR --draw                 # write annotations/stance_rows/sample.tsv
  python validation/sample_stance_rows.py DATA_DIR --show dev|untouched [--new]
  python validation/sample_stance_rows.py DATA_DIR --score dev|untouched  # rows right before -> after, bootstrap CI
  python validation/sample_stance_rows.py DATA_DIR --draw3                # round 2: sample3.tsv (dev3 / untouched3)
  python validation/sample_stance_rows.py DATA_DIR --draw4                # round 3: sample4.tsv, quote-rule rows
  python validation/sample_stance_rows.py DATA_DIR --draw5                # round 4: sample5.tsv (dev5 / untouched5)
  python validation/sample_stance_rows.py DATA_DIR --draw6                # round 6: sample6.tsv (dev6 / untouched6)

Articles: NewsMTSC ``train.jsonl`` sentences grouped by the article part of ``primary_gid`` (as
``benchmarks/check_stages_equal.py`` rebuilds them; all of them, not only the 1,000 longest), minus every
article whose key or any of whose lines is named anywhere in ``validation/annotations/`` (READMEs, TSVs,
JSONL, the ``credit`` sample included; not ``outlets/heldout``, never opened, nor this folder).
Targets: newslab's defaults (Trump, NATO), the extra names of ``check_stages_equal.py`` and a few more US
political names (:data:`MORE_TARGETS`), fixed before any row was read. Rows: every row of
``nl.stance_table(corpus, targets)`` (default options). The sample stores references only (article key,
sentence offsets, the row's key); the judgement columns are filled by hand. ``--new`` lists the rows the
current code makes in the part's sentences that no stored item holds (``new_rows.tsv`` stores their
judgements for ``--score``, with ``origin`` ``new`` or ``base``: a row the base pass made too but that was not
drawn counts in neither share).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from check_stages_equal import EXTRA_TARGETS  # noqa: E402

import newslab as nl  # noqa: E402

sys.path.insert(0, str(REPO / "validation"))
import sample_credit  # noqa: E402

FOLDER = REPO / "validation" / "annotations" / "stance_rows"
SAMPLE = FOLDER / "sample.tsv"
SAMPLE2 = FOLDER / "sample2.tsv"  # the second untouched part (--draw2), targets of its own
SAMPLE3 = FOLDER / "sample3.tsv"  # round 2 (branch sq2): dev3 + untouched3 (--draw3)
SAMPLE4 = FOLDER / "sample4.tsv"  # round 3 (branch qt): quote-rule rows only, dev4 + untouched4 (--draw4)
SAMPLE5 = FOLDER / "sample5.tsv"  # round 4 (branch sq3): dev5 + untouched5 (--draw5)
SAMPLE6 = FOLDER / "sample6.tsv"  # round 6 (branch sq5): dev6 + untouched6 (--draw6), each article's own targets
NEW_ROWS = FOLDER / "new_rows.tsv"
SEED = 2026120723  # the fixed seed of the draw (the date of the draw, issue 23)
ALL_ARTICLES = 100_000  # more than NewsMTSC train has: every rebuilt article
N_ITEMS = 80  # 40 dev + 40 untouched
N_DEV = 40
#: More US political names of NewsMTSC's news, chosen before any row was read (the defaults alone give 35 rows).
MORE_TARGETS = ("Republicans", "Sanders", "Biden", "Putin", "McConnell", "Kavanaugh")
#: Second untouched part: NewsMTSC's own most frequent capitalized target surnames (count >= 15 in train.jsonl), less
#: pronouns, the given name "Hillary" and the names of :func:`targets` (listed by hand from that count, in its order).
TARGETS2 = (
    *("Romney", "Rubio", "Cruz", "Ryan", "Bush", "Flynn", "Moore", "Pence", "Johnson", "Sessions", "Kelly"),
    *("Gorsuch", "Boehner", "Warren", "Franken", "Brown", "Assad", "Christie", "Francis", "Kim", "Hagel"),
    *("Schumer", "Bannon", "Bergdahl", "Kerry", "Kennedy", "Davis", "Graham", "Wilson", "Williams", "Cohen"),
)
N_ITEMS2 = 40
#: Round 2 (--draw3): up to 60 rows of the pass at 6a7ebb0 for the targets of both parts, 30 dev3 / 30 untouched3.
SEED3 = 2026120731  # the date of the draw and the round (issue 23, round 2 of stance rows)
N_ITEMS3 = 60
N_DEV3 = 30
#: Round 3 (--draw4): 60 rows of the rule "speaker of a quote about the target" at bce969c, 30 dev4 / 30 untouched4.
SEED4 = 2026120741  # the date of the draw and the round (issue 23, round 3 of stance rows, the quote rule)
N_ITEMS4 = 60
N_DEV4 = 30
#: Round 4 (--draw5): about 60 rows of the pass at 6f752a3 in articles outside every earlier part and outside the
#: 1,000 longest (read freely while writing rules), for round 2's targets and :data:`TARGETS5`; 30 dev5 / 30 untouched5.
SEED5 = 2026120751  # the date of the draw and the round (issue 23, round 4 of stance rows)
N_ITEMS5 = 60
N_DEV5 = 30
READ_FREELY = 1000  # the longest rebuilt articles: check_stages_equal.py's set, read while writing earlier rules
#: Round 4's added targets, fixed before any row was drawn: the last words of NewsMTSC train target mentions
#: (``train_flat.jsonl``) that are capitalized and counted >= 8 times, less the names of :func:`targets3`, pronouns,
#: weekdays, places, organizations and "Jr." (listed by hand from that count, in its order). Round 2's targets alone
#: give 53 rows in the pool, fewer than the ~60 asked for.
TARGETS5 = (
    *("Paul", "McCain", "Reid", "Manafort", "King", "Netanyahu", "Abe", "Epstein", "Jackson", "Harris", "Holder"),
    *("Barr", "Rice", "Erdogan", "Scott", "Walker", "Perry", "Jones", "Acosta", "Carson", "Carter", "Lynch"),
    *("Maduro", "Corbyn", "Smith", "Murphy", "Kasich", "Merkel", "Issa", "Brennan", "Bolton", "Kushner", "Miller"),
    *("Spicer", "Kaine", "Schultz", "Cosby", "Corker", "Cuomo", "Mandela", "Jesus", "Priebus", "Macron", "Hannity"),
    *("Pompeo", "Yates", "Nunes", "Mulvaney", "Khan", "Gowdy", "Papadopoulos", "Pistorius", "Martin", "Scaramucci"),
    *("Porter", "Turnbull", "McCabe"),
)
#: Round 6 (--draw6): 40 rows of the pass at 1ef2d3c in articles outside every earlier part and outside the opinion
#: sentences' articles, each article with its own NewsMTSC target people as targets (the surname of the entity named
#: in ``primary_gid``), in the 1,000 longest only people outside round 4's targets (:func:`pool6`). Round 4's names
#: give only 11 rows outside the 1,000 longest, the articles' own people 17.
SEED6 = 2026120761  # the date of the draw and the round (issue 23, round 6 of stance rows)
N_ITEMS6 = 40
N_DEV6 = 20
GID = re.compile(r"(\w+?_\d+)_-?\d+_(\d+)_(.+)_-?\d+_-?\d+$")  # article key, sentence number, target entity
QUOTE_RULE = "speaker of a quote about the target"  # the holder rule of the rows drawn by --draw4
#: The stored columns of a drawn row (references and the row's key; no text).
COLUMNS = ("article_key", "sent_start", "sent_end", "holder", "target", "stance", "target_start", "target_end",
           "cues", "holder_rule", "target_rule")  # fmt: skip
JUDGED = ("holder_ok", "target_ok", "direction_ok", "row_ok")
BOOTSTRAP = 10000  # bootstrap resamples of the part's sentences
BOOTSTRAP_SEED = 23  # fixed seed of the resampling


def targets() -> tuple[nl.Target, ...]:
    return (nl.TRUMP, nl.NATO, *(nl.Target(n) for n in (*EXTRA_TARGETS, *MORE_TARGETS)))


def candidate_articles(data_dir: Path) -> dict[str, str]:
    """Every rebuilt train article that no file of validation/annotations/ names (this folder aside)."""
    return sample_credit.candidate_articles(data_dir, n_articles=ALL_ARTICLES, skip="stance_rows")


def stance_rows(articles: dict[str, str], chosen: tuple[nl.Target, ...] | None = None) -> list[dict[str, Any]]:
    """Every stance row of the current code, with its sentence's offsets in the article."""
    corpus = nl.Corpus(nl.Article(k, "", t) for k, t in articles.items())
    out = []
    for r in nl.stance_table(corpus, chosen or targets(), progress=False).itertuples(index=False):
        sent = corpus[r.article_id].sentences[r.sentence_id]
        out.append(
            {
                "article_key": r.article_id,
                "sent_start": sent.start,
                "sent_end": sent.end,
                "holder": r.holder,
                "target": r.target,
                "stance": r.stance,
                "target_start": int(r.start),
                "target_end": int(r.end),
                "cues": "|".join(r.cues),
                "holder_rule": r.holder_rule,
                "target_rule": r.target_rule,
            }
        )
    return out


def row_key(r: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(r[c]) for c in ("article_key", "sent_start", "holder", "target", "target_start", "stance"))


def draw(data_dir: Path) -> None:
    rows = stance_rows(candidate_articles(data_dir))
    rng = random.Random(SEED)
    chosen = rng.sample(rows, min(N_ITEMS, len(rows)))
    order = sorted({r["article_key"] for r in chosen})
    rng.shuffle(order)
    dev: set[str] = set()
    count = 0
    for key in order:  # whole articles to dev until it holds N_DEV items: no article in both parts
        n = sum(r["article_key"] == key for r in chosen)
        if count + n <= N_DEV:
            dev.add(key)
            count += n
    FOLDER.mkdir(parents=True, exist_ok=True)
    with SAMPLE.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["item", "part", *COLUMNS, *JUDGED, "note"])
        for i, r in enumerate(chosen):
            part = "dev" if r["article_key"] in dev else "untouched"
            out.writerow([f"s{i:02d}", part, *(r[c] for c in COLUMNS), "", "", "", "", ""])
    print(f"{len(rows)} candidate rows; wrote {len(chosen)} items ({count} dev) to {SAMPLE}")


def draw2(data_dir: Path) -> None:
    """The second untouched part: 40 rows of the pass (run it with the base code on PYTHONPATH) for
    :data:`TARGETS2`, in candidate articles outside sample.tsv, in sentences where no row for :func:`targets`
    stands (those sentences may have been read while writing rules)."""
    with SAMPLE.open(encoding="utf-8") as handle:
        used = {r["article_key"] for r in csv.DictReader(handle, delimiter="\t")}
    articles = {k: t for k, t in candidate_articles(data_dir).items() if k not in used}
    seen = {(r["article_key"], r["sent_start"]) for r in stance_rows(articles)}
    rows = [r for r in stance_rows(articles, targets2()) if (r["article_key"], r["sent_start"]) not in seen]
    chosen = random.Random(SEED + 2).sample(rows, min(N_ITEMS2, len(rows)))
    with SAMPLE2.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["item", "part", *COLUMNS, *JUDGED, "note"])
        for i, r in enumerate(chosen):
            out.writerow([f"t{i:02d}", "untouched2", *(r[c] for c in COLUMNS), "", "", "", "", ""])
    print(f"{len(rows)} candidate rows; wrote {len(chosen)} items to {SAMPLE2} ({nl.__file__})")


def targets2() -> tuple[nl.Target, ...]:
    return tuple(nl.Target(n) for n in TARGETS2)


def targets3() -> tuple[nl.Target, ...]:
    """Round 2's targets, fixed before any row was drawn: every target of the first two parts."""
    return (*targets(), *targets2())


DEV_SPLITS = ("rw/dev.jsonl", "mt/dev.jsonl")  # NewsMTSC's dev splits (flat format), read for round 2 only
DEV_PREFIX = "dev:"  # article ids of the dev-split articles (the key after it is NewsMTSC's article key)


def dev_split_articles(data_dir: Path, keys: set[str] | None = None, *, every: bool = False) -> dict[str, str]:
    """NewsMTSC's dev-split sentences grouped by article (``dev:<key>``), in sentence order, deduplicated.

    Without ``keys``: the articles whose key no file of validation/annotations/ names (``every``: all of
    them); with ``keys``: those ids.
    """
    used = set() if every else sample_credit.used_lines_and_keys(skip=SAMPLE3.name)[1]
    grouped: dict[str, dict[int, str]] = {}
    for name in DEV_SPLITS:
        with (data_dir / "newsmtsc" / name).open(encoding="utf-8") as handle:
            for rec in map(json.loads, handle):
                m = re.match(r"(\w+?_\d+)_-?\d+_(\d+)_", rec["id"])
                if m is None:
                    continue
                key = DEV_PREFIX + m.group(1)
                if (keys is None and m.group(1) not in used) or (keys is not None and key in keys):
                    grouped.setdefault(key, {})[int(m.group(2))] = rec["sentence"].replace("\u00a0", " ")
    return {k: " ".join(v[i] for i in sorted(v)) for k, v in grouped.items()}


def draw3(data_dir: Path) -> None:
    """Round 2's fresh part: rows of the current pass in articles that no file of validation/annotations/ names
    (this folder's samples included): the train articles left, and NewsMTSC's dev-split articles (the train
    articles left give only a handful of rows); split by article into dev3 and untouched3 before any row is read."""
    articles = sample_credit.candidate_articles(data_dir, n_articles=ALL_ARTICLES, skip=SAMPLE3.name)
    articles.update(dev_split_articles(data_dir))
    rows = stance_rows(articles, targets3())
    rng = random.Random(SEED3)
    chosen = rng.sample(rows, min(N_ITEMS3, len(rows)))
    n_dev = min(N_DEV3, len(chosen) // 2)  # half of the rows when fewer than N_ITEMS3 stand
    count = _split_and_write(rng, chosen, n_dev, SAMPLE3, ("dev3", "untouched3"), "u")
    print(
        f"{len(articles)} articles, {len(rows)} candidate rows; wrote {len(chosen)} items ({count} dev3) to {SAMPLE3}"
    )


def _split_and_write(
    rng: random.Random, chosen: list[dict[str, Any]], n_dev: int, path: Path, parts: tuple[str, str], prefix: str
) -> int:
    """Split ``chosen`` by article (articles in ``rng``'s shuffled order go to ``parts[0]`` while it holds at most
    ``n_dev`` items; no article in both parts), write the unjudged items to ``path`` and return the dev count."""
    order = sorted({r["article_key"] for r in chosen})
    rng.shuffle(order)
    dev: set[str] = set()
    count = 0
    for key in order:
        n = sum(r["article_key"] == key for r in chosen)
        if count + n <= n_dev:
            dev.add(key)
            count += n
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["item", "part", *COLUMNS, *JUDGED, "note"])
        for i, r in enumerate(chosen):
            part = parts[0] if r["article_key"] in dev else parts[1]
            out.writerow([f"{prefix}{i:02d}", part, *(r[c] for c in COLUMNS), "", "", "", "", ""])
    return count


def draw4(data_dir: Path) -> None:
    """Round 3's part: rows of the quote rule (holder rule :data:`QUOTE_RULE`) of the pass at bce969c, in every
    rebuilt train article and NewsMTSC dev-split article outside the earlier parts of this folder (their rows
    are read with --show), for round 2's targets; split by article into dev4 and untouched4 before any is read."""
    spent: set[str] = set()
    for path in (SAMPLE, SAMPLE2, SAMPLE3):
        with path.open(encoding="utf-8") as handle:
            spent |= {r["article_key"] for r in csv.DictReader(handle, delimiter="\t")}
    articles = sample_credit.articles_for(data_dir, set(sample_credit.rebuilt_articles(data_dir, ALL_ARTICLES)))
    articles.update(dev_split_articles(data_dir, every=True))
    articles = {k: t for k, t in articles.items() if k not in spent}
    rows = [r for r in stance_rows(articles, targets3()) if r["holder_rule"].startswith(QUOTE_RULE)]
    rng = random.Random(SEED4)
    chosen = rng.sample(rows, min(N_ITEMS4, len(rows)))
    count = _split_and_write(rng, chosen, N_DEV4, SAMPLE4, ("dev4", "untouched4"), "q")
    print(
        f"{len(articles)} articles, {len(rows)} quote-rule rows; wrote {len(chosen)} items ({count} dev4) to {SAMPLE4}"
    )


def targets5() -> tuple[nl.Target, ...]:
    """Round 4's targets, fixed before any row was drawn: round 2's and :data:`TARGETS5`."""
    return (*targets3(), *(nl.Target(n) for n in TARGETS5))


def draw5(data_dir: Path) -> None:
    """Round 4's fresh part: every row of the current pass for :func:`targets5` in the rebuilt train articles and
    NewsMTSC dev-split articles outside every earlier part of this folder and outside the :data:`READ_FREELY`
    longest; :data:`N_ITEMS5` drawn, split by article into dev5 and untouched5 before any row is read."""
    spent: set[str] = set()
    for path in (SAMPLE, SAMPLE2, SAMPLE3, SAMPLE4):
        with path.open(encoding="utf-8") as handle:
            spent |= {r["article_key"] for r in csv.DictReader(handle, delimiter="\t")}
    read = set(sample_credit.rebuilt_articles(data_dir, READ_FREELY))
    articles = dict(sample_credit.rebuilt_articles(data_dir, ALL_ARTICLES))
    articles.update(dev_split_articles(data_dir, every=True))
    articles = {k: t for k, t in articles.items() if k not in spent and k not in read}
    rows = stance_rows(articles, targets5())
    rng = random.Random(SEED5)
    chosen = rng.sample(rows, min(N_ITEMS5, len(rows)))
    count = _split_and_write(rng, chosen, N_DEV5, SAMPLE5, ("dev5", "untouched5"), "v")
    print(f"{len(articles)} articles, {len(rows)} rows; wrote {len(chosen)} items ({count} dev5) to {SAMPLE5}")


def article_targets(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """Each rebuilt train article's and dev-split article's target people: the surnames (last word) of the
    entities NewsMTSC names in ``primary_gid``/``id`` with a full name (:func:`_full_name`), in first-seen order."""
    found: dict[str, dict[str, None]] = {}
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for rec in map(json.loads, handle):
            m = GID.match(rec["primary_gid"])
            if m and _full_name(m.group(3)):
                found.setdefault(m.group(1), {})[_surname(m.group(3))] = None
    for name in DEV_SPLITS:
        with (data_dir / "newsmtsc" / name).open(encoding="utf-8") as handle:
            for rec in map(json.loads, handle):
                m = GID.match(rec["id"])
                if m and _full_name(m.group(3)):
                    found.setdefault(DEV_PREFIX + m.group(1), {})[_surname(m.group(3))] = None
    return {k: tuple(v) for k, v in found.items()}


def _full_name(entity: str) -> bool:
    """A target entity of two or more capitalized words (a person's full name; not "We", "herself", "Here")."""
    words = entity.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _surname(entity: str) -> str:
    """The last word of a NewsMTSC target entity, without a possessive ending ("Donald Trump's" -> "Trump")."""
    return re.sub(r"['’]s?$", "", entity.split()[-1])


def own_target_rows(articles: dict[str, str], names: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """Every stance row of the current code, each article with its own targets (``names[key]``)."""
    return [r for k, t in articles.items() for r in stance_rows({k: t}, tuple(nl.Target(n) for n in names.get(k, ())))]


def pool6(data_dir: Path, spent: set[str]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Round 6's articles (rebuilt train and dev-split articles outside ``spent``) and their targets: each article's
    own target people; in the :data:`READ_FREELY` longest (read while writing earlier rules for the earlier parts'
    targets) only the people outside :func:`targets5`, whose rows nobody has read as rows."""
    read = set(sample_credit.rebuilt_articles(data_dir, READ_FREELY))
    articles = dict(sample_credit.rebuilt_articles(data_dir, ALL_ARTICLES))
    articles.update(dev_split_articles(data_dir, every=True))
    articles = {k: t for k, t in articles.items() if k not in spent}
    known = {t.name for t in targets5()}
    names = {k: tuple(n for n in v if k not in read or n not in known) for k, v in article_targets(data_dir).items()}
    return articles, names


def draw6(data_dir: Path) -> None:
    """Round 6's fresh part: rows of the pass in rebuilt train and dev-split articles outside every earlier part
    of this folder and outside the articles of the opinion sentences (coded for stance), for :func:`pool6`'s
    targets; :data:`N_ITEMS6` drawn and split by article into dev6 and untouched6 before any row is read."""
    spent: set[str] = set()
    for path in (SAMPLE, SAMPLE2, SAMPLE3, SAMPLE4, SAMPLE5):
        with path.open(encoding="utf-8") as handle:
            spent |= {r["article_key"] for r in csv.DictReader(handle, delimiter="\t")}
    with (REPO / "validation" / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8") as handle:
        opinion_lines = {int(r["line"]) for r in csv.DictReader(handle, delimiter="\t")}
    with (data_dir / "newsmtsc" / "train.jsonl").open(encoding="utf-8") as handle:
        for number, rec in enumerate(map(json.loads, handle), start=1):
            m = GID.match(rec["primary_gid"])
            if m and number in opinion_lines:
                spent.add(m.group(1))
    articles, names = pool6(data_dir, spent)
    rows = own_target_rows(articles, names)
    rng = random.Random(SEED6)
    chosen = rng.sample(rows, min(N_ITEMS6, len(rows)))
    count = _split_and_write(rng, chosen, N_DEV6, SAMPLE6, ("dev6", "untouched6"), "w")
    print(f"{len(articles)} articles, {len(rows)} rows; wrote {len(chosen)} items ({count} dev6) to {SAMPLE6}")


def _items(part: str) -> list[dict[str, str]]:
    path = (
        SAMPLE2
        if part == "untouched2"
        else SAMPLE3
        if part.endswith("3")
        else SAMPLE4
        if part.endswith("4")
        else SAMPLE5
        if part.endswith("5")
        else SAMPLE6
        if part.endswith("6")
        else SAMPLE
    )
    with path.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle, delimiter="\t") if r["part"] == part]


def _current(data_dir: Path, items: list[dict[str, str]]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    keys = {r["article_key"] for r in items}
    # The items' own articles, read directly: the exclusion scan of candidate_articles grows as later samples
    # name articles (other folders drew from the same pool), which must not drop a stored item's article.
    articles = sample_credit.articles_for(data_dir, keys)
    if any(k.startswith(DEV_PREFIX) for k in keys):
        articles.update(dev_split_articles(data_dir, keys))
    sents = {(r["article_key"], int(r["sent_start"])) for r in items}
    part = items[0]["part"] if items else ""
    if part.endswith("6"):  # round 6: each article's own targets
        now = own_target_rows(articles, pool6(data_dir, set())[1])
        return articles, [r for r in now if (r["article_key"], r["sent_start"]) in sents]
    chosen = (
        targets2()
        if part == "untouched2"
        else targets3()
        if part.endswith(("3", "4"))
        else targets5()
        if part.endswith("5")
        else targets()
    )
    now = [r for r in stance_rows(articles, chosen) if (r["article_key"], r["sent_start"]) in sents]
    return articles, now


def show(data_dir: Path, part: str, new: bool) -> None:
    items = _items(part)
    articles, now = _current(data_dir, items)
    current = {row_key(r): r for r in now}
    for r in items:
        text = articles[r["article_key"]]
        hit = current.get(row_key(r))
        state = f"NOW kept ({hit['holder_rule']})" if hit else "NOW gone"
        judged = f"judged {[r[c] for c in JUDGED]} {r['note']}"
        print(f"== {r['item']} {r['article_key']} | {r['holder']} -> {r['target']}: {r['stance']} ({r['cues']}; "
              f"{r['holder_rule']} / {r['target_rule']}) | {state} | {judged}")  # fmt: skip
        s, e, ts, te = int(r["sent_start"]), int(r["sent_end"]), int(r["target_start"]), int(r["target_end"])
        print("   " + text[max(0, s - 200) : s].replace("\n", " ") + " ||| " + text[s:ts] + "[[" + text[ts:te] + "]]"
              + text[te:e])  # fmt: skip
    if new:
        stored = {row_key(r) for r in items}
        for r in now:
            if row_key(r) not in stored:
                text = articles[r["article_key"]]
                s, e = r["sent_start"], r["sent_end"]
                print(f"++ NEW {' / '.join(row_key(r))} | {r['cues']} ({r['holder_rule']} / {r['target_rule']})")
                print("   " + text[s:e])


def score(data_dir: Path, part: str) -> None:
    """Share of rows right on a judged part: the old rows (the items) and the current rows in the same sentences."""
    items = _items(part)
    if any(r["row_ok"] not in ("y", "n") for r in items):
        raise SystemExit(f"part {part}: not every item is judged")
    _, now = _current(data_dir, items)
    if part.endswith("4"):  # round 3 drew only the quote rule's rows: the sentences' other rows are in no share
        now = [r for r in now if r["holder_rule"].startswith(QUOTE_RULE)]
    stored = {row_key(r): r["row_ok"] == "y" for r in items}
    judged_new: dict[tuple[str, ...], bool] = {}
    skipped: set[tuple[str, ...]] = set()
    if NEW_ROWS.exists():
        with NEW_ROWS.open(encoding="utf-8") as handle:
            for r in csv.DictReader(handle, delimiter="\t"):
                if r["origin"] == "base":  # the base pass made it too but it was not drawn: in neither share
                    skipped.add(row_key(r))
                else:
                    judged_new[row_key(r)] = r["row_ok"] == "y"
    after_rows = []
    for r in now:
        key = row_key(r)
        if key in stored:
            after_rows.append((key, stored[key]))
        elif key in judged_new:
            after_rows.append((key, judged_new[key]))
        elif key in skipped:
            continue
        else:
            raise SystemExit(f"new row not judged in {NEW_ROWS.name}: {key}")
    by_sentence: dict[tuple[str, str], tuple[list[bool], list[bool]]] = {}
    for key, ok in stored.items():
        by_sentence.setdefault((key[0], key[1]), ([], []))[0].append(ok)
    for key, ok in after_rows:
        by_sentence.setdefault((key[0], key[1]), ([], []))[1].append(ok)
    units = list(by_sentence.values())

    def shares(sample: list[tuple[list[bool], list[bool]]]) -> tuple[float, float]:
        before = [x for b, _ in sample for x in b]
        after = [x for _, a in sample for x in a]
        return sum(before) / len(before), (sum(after) / len(after) if after else float("nan"))

    b, a = shares(units)
    rng = random.Random(BOOTSTRAP_SEED)
    draws = [shares([rng.choice(units) for _ in units]) for _ in range(BOOTSTRAP)]

    def ci(values: list[float]) -> str:
        v = sorted(x for x in values if x == x)
        return f"[{v[int(0.025 * len(v))]:.3f}, {v[int(0.975 * len(v)) - 1]:.3f}]"

    kept = [stored[k] for k, _ in after_rows if k in stored]
    added = [ok for k, ok in after_rows if k not in stored]
    print(f"part {part}: {len(stored)} old rows, {sum(stored.values())} right; {len(units)} sentences")
    print(f"  rows right before {b:.3f} {ci([d[0] for d in draws])}")
    print(f"  rows right after  {a:.3f} {ci([d[1] for d in draws])}  ({len(after_rows)} rows)")
    print(f"  difference        {a - b:+.3f} {ci([d[1] - d[0] for d in draws])}")
    print(f"  old rows kept {len(kept)} ({sum(kept)} right), removed {len(stored) - len(kept)} "
          f"({sum(stored.values()) - sum(kept)} right); new rows {len(added)} ({sum(added)} right)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--draw", action="store_true")
    parser.add_argument("--draw2", action="store_true")
    parser.add_argument("--draw3", action="store_true")
    parser.add_argument("--draw4", action="store_true")
    parser.add_argument("--draw5", action="store_true")
    parser.add_argument("--draw6", action="store_true")
    parts = ["dev", "untouched", "untouched2", "dev3", "untouched3", "dev4", "untouched4", "dev5", "untouched5"]
    parts += ["dev6", "untouched6"]
    parser.add_argument("--show", choices=parts)
    parser.add_argument("--new", action="store_true")
    parser.add_argument("--score", choices=parts)
    args = parser.parse_args()
    if args.draw:
        draw(args.data_dir)
    elif args.draw2:
        draw2(args.data_dir)
    elif args.draw3:
        draw3(args.data_dir)
    elif args.draw4:
        draw4(args.data_dir)
    elif args.draw5:
        draw5(args.data_dir)
    elif args.draw6:
        draw6(args.data_dir)
    elif args.show:
        show(args.data_dir, args.show, args.new)
    elif args.score:
        score(args.data_dir, args.score)


if __name__ == "__main__":
    main()
