"""Pack NewsMTSC train as the compact package file that ``nl.adapt_target_model`` retrains on.

Usage: python validation/pack_training_data.py [DATA_DIR] [--out newslab/data/newsmtsc_train.jsonl.gz]

Reads ``DATA_DIR/newsmtsc/train_flat.jsonl`` (NewsMTSC, Hamborg & Donnay 2021, MIT licence) and
writes one gzip'd JSON line per target, ``{"polarity": -1|0|1, "start", "end", "sentence"}``,
sentences exactly as in the source. The file is deterministic (gzip mtime 0), so re-running it
gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(REPO / "newslab" / "data" / "newsmtsc_train.jsonl.gz"))
    args = parser.parse_args(argv)
    buf = io.StringIO()
    n = 0
    with (Path(args.data_dir) / "newsmtsc" / "train_flat.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            assert rec["sentence"][rec["from"] : rec["to"]] == rec["mention"]
            row = {
                "polarity": int(rec["polarity"]),
                "start": rec["from"],
                "end": rec["to"],
                "sentence": rec["sentence"],
            }
            buf.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"wrote {n} targets to {args.out} ({Path(args.out).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
