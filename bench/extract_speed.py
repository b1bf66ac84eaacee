"""Extraction speed: documents per second on one core for ~1,000-word reports, beside the floor
of a plain spaCy ``blank("en")`` tokenizer + sentencizer over the same texts.

    python bench/extract_speed.py [--docs 200]

Texts are built from the evaluation reports (shuffled paragraphs, deterministic seed) so they
read like reports. Targets (issue 3): >= 50 docs/s and within 5x of the tokenizer floor.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from dalil.extract import extract_document
from dalil.gazetteer import load_gazetteer

DOCS = Path(__file__).resolve().parent / "data" / "extract" / "docs"


def make_reports(n: int, words: int = 1000, seed: int = 7) -> list[str]:
    paragraphs = [p.strip() for f in sorted(DOCS.glob("*.txt"))
                  for p in f.read_text("utf-8").split("\n\n") if len(p.split()) > 8]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts: list[str] = []
        count = 0
        while count < words:
            p = rng.choice(paragraphs)
            parts.append(p)
            count += len(p.split())
        out.append("\n\n".join(parts))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    args = ap.parse_args()
    texts = make_reports(args.docs)
    load_gazetteer()  # loading once is startup cost, not per-document cost
    extract_document(texts[0], published="2025-03-10")
    t0 = time.process_time()
    for t in texts:
        extract_document(t, published="2025-03-10")
    dalil_s = time.process_time() - t0
    rows = [("dalil extract (full pipeline)", dalil_s)]
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        list(nlp.pipe(texts[:5]))
        t0 = time.process_time()
        for t in texts:
            nlp(t)
        rows.append(('spaCy blank("en") + sentencizer', time.process_time() - t0))
    except ImportError:
        print("spaCy not installed (pip install -e '.[bench]'): no floor measured")
    words = sum(len(t.split()) for t in texts) / len(texts)
    # CPU time of this process, not wall time: the machine is shared with other jobs.
    print(f"{len(texts)} reports, {words:.0f} words each on average, one process (one core)\n")
    print("| pipeline | docs/s | ms/doc |")
    print("|---|---|---|")
    for name, secs in rows:
        print(f"| {name} | {len(texts) / secs:.1f} | {1000 * secs / len(texts):.2f} |")
    if len(rows) == 2:
        ratio = rows[0][1] / rows[1][1]
        print(f"\ndalil is {ratio:.1f}x the tokenizer-only floor (target <= 5x); "
              f"target >= 50 docs/s: {'met' if len(texts) / rows[0][1] >= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
