"""Extraction speed: documents per second on one core for ~1,000-word reports, beside the floor
of a plain spaCy ``blank("en")`` tokenizer + sentencizer over the same texts.

    python bench/extract_speed.py [--docs 200] [--steps]

``--steps`` also prints where the time goes: CPU time per pipeline step (the ``_Run`` methods),
the rest being preparation (normalising, sentences, the author) and the quoted-source list.

Texts are built from the evaluation reports (shuffled paragraphs, deterministic seed) so they
read like reports. Targets (issue 3): >= 50 docs/s and within 5x of the tokenizer floor.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dalil.extract import extract_document, pipeline
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


STEPS = ("_match_whole_text", "_claims", "_disclaimers", "_figures", "_dates", "_places",
         "_violations", "_perpetrators", "_victim_groups", "_events", "_sources")


def time_steps(texts: list[str]) -> None:
    """CPU time per pipeline step, by wrapping the step methods of ``pipeline._Run``."""
    spent = dict.fromkeys(STEPS, 0.0)
    originals = {name: getattr(pipeline._Run, name) for name in STEPS}

    def timed(name: str) -> Callable[..., Any]:
        method = originals[name]

        def run(self: pipeline._Run, *args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return method(self, *args, **kwargs)
            finally:
                spent[name] += time.process_time() - t0
        return run

    for name in STEPS:
        setattr(pipeline._Run, name, timed(name))
    try:
        t0 = time.process_time()
        for t in texts:
            extract_document(t, published="2025-03-10")
        total = time.process_time() - t0
    finally:
        for name, method in originals.items():
            setattr(pipeline._Run, name, method)
    rest = total - sum(spent.values())
    print("\n| step | ms/doc | share |")
    print("|---|---|---|")
    for name, secs in [*spent.items(), ("(preparation and the rest)", rest)]:
        print(f"| {name.lstrip('_')} | {1000 * secs / len(texts):.2f} | {100 * secs / total:.0f}% |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--steps", action="store_true", help="Also print CPU time per pipeline step.")
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
    if args.steps:
        time_steps(texts)


if __name__ == "__main__":
    main()
