"""Draw the sentences of the opinion development set (validation/annotations/opinions/) from NewsMTSC train.

Usage: .venv/bin/python validation/sample_opinions.py [--data PATH] [--n 170] [--plain 100] [--extra 240]
                                                     [--round 1|2|3|4|5] [--test2 210] [--test3 200] [--plain3 60]
                                                     [--test4 150] [--plain4 40]
                                                     [--test5 150] [--plain5 40]
                                                     [--test6 150] [--plain6 40]
                                                     [--test7 150] [--plain7 40]

Prints ``line<TAB>sentence`` for the drawn sentences (to read while coding; the sentence text is never
committed). Candidates: lines of train.jsonl (the train split only; rw/dev and mt/dev are not opened),
one sentence each, no line break, not already in validation/annotations/articles.jsonl. ``--n`` of them
are drawn from the sentences holding an opinion word (OPINION_WORDS, general English: verbs and nouns
of praise, thanks, support, criticism, accusation, blame, portrayal), ``--plain`` from the rest, both by
``random.Random(SEED)`` in file order;
then (round 2, drawn because round 1 held too few opinions) ``--extra`` more from the opinion sentences
not drawn in round 1. Round 3 (``--round 3``, the ``test2`` part, drawn before any rule of the third round
was written) takes ``--test2`` more opinion sentences, not drawn in rounds 1-2, with the seed SEED_TEST2.
Round 4 (``--round 4``, the ``test3`` part, drawn before any rule of the fourth round was written) takes
``--test3`` opinion sentences and ``--plain3`` without an opinion word, none drawn in rounds 1-3 nor listed
in annotations/opinions/sentences.tsv, with the seed SEED_TEST3. Round 5 (``--round 5``, the ``test4``
part, drawn before any rule of the fifth round was written) takes ``--test4`` opinion sentences and
``--plain4`` without one, none listed in annotations/opinions/sentences.tsv (rounds 1-4), seed SEED_TEST4.
Round 6 (``--round 6``, the ``test5`` part, drawn before any rule of the sixth round was written) takes
``--test5`` opinion sentences and ``--plain5`` without one, none listed in sentences.tsv (rounds 1-5) nor
among round 5's two unlisted lines, seed SEED_TEST5. Round 7 (``--round 7``, the ``test6`` part, drawn before
any rule of the seventh round was written) takes ``--test6`` opinion sentences and ``--plain6`` without one,
none listed in sentences.tsv (rounds 1-6) nor among round 5's two unlisted lines, seed SEED_TEST6. Round 8
(``--round 8``, the ``test7`` part, drawn before any rule of the eighth round was written) takes ``--test7``
opinion sentences and ``--plain7`` without one, none listed in sentences.tsv (rounds 1-7) nor among round 5's two
unlisted lines, nor any line or article that another file of validation/annotations/ names
(``sample_credit.used_lines_and_keys``), seed SEED_TEST7.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 20261207  # the date the set was drawn
SEED_TEST2 = 2026120702  # round 3 (split test2): same day, second draw
SEED_TEST3 = 2026120703  # round 4 (split test3): same day, third draw
SEED_TEST4 = 2026120704  # round 5 (split test4): same day, fourth draw
SEED_TEST5 = 2026120705  # round 6 (split test5): same day, fifth draw
SEED_TEST6 = 2026120706  # round 7 (split test6): same day, sixth draw
SEED_TEST7 = 2026120707  # round 8 (split test7): same day, seventh draw
ROUND5_UNLISTED = {3239, 4449}  # drawn in round 5 but not listed (their primary_gid holds a line break)
OPINION_WORDS = re.compile(
    r"\b(?:prais|laud|hail|applaud|commend|thank|apprecia|admir|grateful|gratitude|support|back(?:ed|ing|s)\b|"
    r"endors|defend|champion|welcom|criticiz|criticis|critic|condemn|denounc|accus|blam|attack|slam|blast|"
    r"lambast|rebuk|mock|ridicul|oppos|ire\b|anger|outrage|portray|call(?:ed|s|ing)? (?:him|her|them|it)\b|"
    r"describ|brand|dub|fault|scold|assail|decr|deplor|disparag|insult|trust|distrust|reject|sympath|"
    r"congratulat|accolad|tribute|loyal|ally|allies|fan of|love|hate|despis|feud|rift|clash|"
    r"hostil|warm|friend|rebuff|snub|chastis|berat|castigat|vilif|demoniz|smear|undermin)",
    re.IGNORECASE,
)


def article_keys(data: str) -> dict[int, str]:
    """Line -> article key ("allsides_1018") of every train.jsonl line, as sample_credit reads it."""
    keys = {}
    with open(data, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.match(r"(\w+?_\d+)_\d+_(\d+)_", json.loads(line)["primary_gid"])
            if m:
                keys[number] = m.group(1)
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/newsmtsc/train.jsonl")
    parser.add_argument("--n", type=int, default=170)
    parser.add_argument("--plain", type=int, default=100)
    parser.add_argument("--extra", type=int, default=240, help="second draw from the opinion sentences not drawn")
    parser.add_argument(
        "--round", type=int, choices=[1, 2, 3, 4, 5, 6, 7, 8], default=0, help="print one round only (0: 1-2)"
    )
    parser.add_argument("--test2", type=int, default=210, help="round 3: opinion sentences not drawn before")
    parser.add_argument("--test3", type=int, default=200, help="round 4: opinion sentences not drawn before")
    parser.add_argument("--plain3", type=int, default=60, help="round 4: sentences without an opinion word")
    parser.add_argument("--test4", type=int, default=150, help="round 5: opinion sentences not drawn before")
    parser.add_argument("--plain4", type=int, default=40, help="round 5: sentences without an opinion word")
    parser.add_argument("--test5", type=int, default=150, help="round 6: opinion sentences not drawn before")
    parser.add_argument("--plain5", type=int, default=40, help="round 6: sentences without an opinion word")
    parser.add_argument("--test6", type=int, default=150, help="round 7: opinion sentences not drawn before")
    parser.add_argument("--plain6", type=int, default=40, help="round 7: sentences without an opinion word")
    parser.add_argument("--test7", type=int, default=150, help="round 8: opinion sentences not drawn before")
    parser.add_argument("--plain7", type=int, default=40, help="round 8: sentences without an opinion word")
    args = parser.parse_args(argv)
    here = Path(__file__).resolve().parent
    used = {json.loads(line).get("line") for line in (here / "annotations" / "articles.jsonl").open(encoding="utf-8")}
    opinion, plain = [], []
    seen = set()
    with open(args.data, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            text = json.loads(line)["sentence_normalized"].replace("\u00a0", " ")
            if number in used or "\n" in text or text in seen:
                continue
            seen.add(text)
            (opinion if OPINION_WORDS.search(text) else plain).append((number, text))
    rng = random.Random(SEED)
    first = sorted(rng.sample(opinion, args.n) + rng.sample(plain, args.plain))
    taken = set(first)
    second = sorted(rng.sample([s for s in opinion if s not in taken], args.extra))
    if args.round == 3:
        before = taken | set(second)
        third = sorted(random.Random(SEED_TEST2).sample([s for s in opinion if s not in before], args.test2))
        drawn = third
    elif args.round == 4:
        before = taken | set(second) | set(random.Random(SEED_TEST2).sample(
            [s for s in opinion if s not in taken | set(second)], args.test2))  # fmt: skip
        listed = {int(line.split("\t")[0]) for line in (here / "annotations" / "opinions" / "sentences.tsv")
                  .open(encoding="utf-8").read().splitlines()[1:]}  # fmt: skip
        rng4 = random.Random(SEED_TEST3)
        fresh = [s for s in opinion if s not in before and s[0] not in listed]
        fresh_plain = [s for s in plain if s not in before and s[0] not in listed]
        drawn = sorted(rng4.sample(fresh, args.test3) + rng4.sample(fresh_plain, args.plain3))
    elif args.round == 5:
        listed = {int(line.split("\t")[0]) for line in (here / "annotations" / "opinions" / "sentences.tsv")
                  .open(encoding="utf-8").read().splitlines()[1:]}  # fmt: skip
        rng5 = random.Random(SEED_TEST4)
        fresh = [s for s in opinion if s[0] not in listed]
        fresh_plain = [s for s in plain if s[0] not in listed]
        drawn = sorted(rng5.sample(fresh, args.test4) + rng5.sample(fresh_plain, args.plain4))
    elif args.round == 6:
        rows = (here / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8").read().splitlines()[1:]
        listed = {int(r.split("\t")[0]) for r in rows if r.split("\t")[2] != "test5"} | ROUND5_UNLISTED  # rounds 1-5
        rng6 = random.Random(SEED_TEST5)
        fresh = [s for s in opinion if s[0] not in listed]
        fresh_plain = [s for s in plain if s[0] not in listed]
        drawn = sorted(rng6.sample(fresh, args.test5) + rng6.sample(fresh_plain, args.plain5))
    elif args.round == 7:
        rows = (here / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8").read().splitlines()[1:]
        listed = {int(r.split("\t")[0]) for r in rows if r.split("\t")[2] != "test6"} | ROUND5_UNLISTED  # rounds 1-6
        rng7 = random.Random(SEED_TEST6)
        fresh = [s for s in opinion if s[0] not in listed]
        fresh_plain = [s for s in plain if s[0] not in listed]
        drawn = sorted(rng7.sample(fresh, args.test6) + rng7.sample(fresh_plain, args.plain6))
    elif args.round == 8:
        rows = (here / "annotations" / "opinions" / "sentences.tsv").open(encoding="utf-8").read().splitlines()[1:]
        listed = {int(r.split("\t")[0]) for r in rows if r.split("\t")[2] != "test7"} | ROUND5_UNLISTED  # rounds 1-7
        from sample_credit import used_lines_and_keys  # round 8: also no line or article named elsewhere

        other_lines, other_keys = used_lines_and_keys(skip="opinions")
        listed |= other_lines | {n for n, key in article_keys(args.data).items() if key in other_keys}
        rng8 = random.Random(SEED_TEST7)
        fresh = [s for s in opinion if s[0] not in listed]
        fresh_plain = [s for s in plain if s[0] not in listed]
        drawn = sorted(rng8.sample(fresh, args.test7) + rng8.sample(fresh_plain, args.plain7))
    else:
        drawn = {0: sorted(first + second), 1: first, 2: second}[args.round]
    for number, text in drawn:
        print(f"{number}\t{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
