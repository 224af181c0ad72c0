"""Draw the candidate targets that were coded in ``ewt_answers_target_tone.tsv`` (UD EWT, answers genre).

Usage: python validation/annotations/ewt_candidates.py [DATA_DIR] [--genre=GENRE] > candidates.jsonl
(GENRE: answers, newsgroup, weblog or email)

Also draws the candidates of ``ewt_newsgroup_target_tone.tsv`` (``--genre=newsgroup``: seed 23, up to 9
sentences per document) of ``ewt_weblog_target_tone.tsv`` (``--genre=weblog``: seed 25, up to 12) and of
``ewt_email_target_tone.tsv`` (``--genre=email``: seed 27, up to 7).

Documents of the genre in a seeded random order (``random.Random(21)``); of each, up to 3 random
sentences of 5-40 words with a nominal candidate; of each such sentence up to 2 candidates: a
NOUN/PROPN head in one of :data:`DEPRELS` in the treebank's own tree, joined with its
``compound``/``flat`` dependents when they are adjacent. Prints one JSON object per candidate
(``sent_id, doc_id, start, end, target, text``) in the order the coder saw them. The coder
skipped candidates that are no target (see ``ewt_README.md``); the rest were coded.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

#: dependency relations of a candidate head (subject, object, oblique, nominal modifier, root, conjunct...)
DEPRELS = {"nsubj", "nsubj:pass", "obj", "obl", "nmod", "root", "conj", "iobj", "appos", "nmod:poss"}
SEED = 21


def read_documents(data_dir: Path, prefix: str) -> dict[str, list[tuple[str, str, list[list[str]]]]]:
    """``doc_id`` -> its sentences ``(sent_id, text, token rows)`` for sent_ids starting with ``prefix``."""
    docs: dict[str, list[tuple[str, str, list[list[str]]]]] = {}
    for path in sorted((data_dir / "ud_ewt").glob("*.conllu")):
        doc, sid, text, toks = "", "", "", []
        for raw in path.open(encoding="utf-8"):
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = ") :].strip()
            elif line.startswith("# sent_id = "):
                sid = line[len("# sent_id = ") :].strip()
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    toks.append(cols)
            elif not line and sid:
                if sid.startswith(prefix):
                    docs.setdefault(doc, []).append((sid, text, toks))
                sid, toks = "", []
    return docs


def token_spans(text: str, toks: list[list[str]]) -> dict[int, tuple[int, int]] | None:
    """Token id -> character span in ``text`` (None if a token form is not found in order)."""
    pos, out = 0, {}
    for tok in toks:
        i = text.find(tok[1], pos)
        if i < 0:
            return None
        out[int(tok[0])] = (i, i + len(tok[1]))
        pos = i + len(tok[1])
    return out


def candidates(data_dir: Path, prefix: str = "answers-", seed: int = SEED, per_doc: int = 3) -> list[dict[str, object]]:
    """The candidates in coding order (``per_doc`` sentences of each document at most)."""
    docs = read_documents(data_dir, prefix)
    rng = random.Random(seed)
    names = sorted(docs)
    rng.shuffle(names)
    out: list[dict[str, object]] = []
    for doc in names:
        order = list(range(len(docs[doc])))
        rng.shuffle(order)
        taken = 0
        for k in order:
            sid, text, toks = docs[doc][k]
            spans = token_spans(text, toks) if 5 <= len(toks) <= 40 else None
            heads = [t for t in toks if t[3] in ("NOUN", "PROPN") and t[7] in DEPRELS]
            if spans is None or not heads:
                continue
            rng.shuffle(heads)
            for head in heads[:2]:
                hid = int(head[0])
                ids = [hid] + [
                    int(t[0]) for t in toks if int(t[6]) == hid and t[7] in ("compound", "flat", "flat:name")
                ]
                lo, hi = (min(ids), max(ids)) if max(ids) - min(ids) + 1 == len(ids) else (hid, hid)
                start, end = spans[lo][0], spans[hi][1]
                out.append({"sent_id": sid, "doc_id": doc, "start": start, "end": end, "target": text[start:end],
                            "text": text})  # fmt: skip
            taken += 1
            if taken >= per_doc:
                break
    return out


#: the genres coded so far: name -> (sent_id prefix, seed, sentences per document)
GENRES = {
    "answers": ("answers-", SEED, 3),
    "newsgroup": ("newsgroup-", 23, 9),
    "weblog": ("weblog-", 25, 12),
    "email": ("email-", 27, 7),
}

if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    genre = next((a[len("--genre=") :] for a in sys.argv[1:] if a.startswith("--genre=")), "answers")
    data = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "data"
    prefix, seed, per_doc = GENRES[genre]
    for cand in candidates(data, prefix, seed, per_doc):
        sys.stdout.write(json.dumps(cand) + "\n")
