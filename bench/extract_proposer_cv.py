"""Leave-one-set-out cross-validation of the CRF span proposer on the development sets.

    python bench/extract_proposer_cv.py [--sets dev,heldout,...] [--json]

For each development set (``proposer_data.DEV_SETS``; never the held-out blind sets 14-19, 22
and 23): train the CRF on all the other development sets, choose its threshold on those sets
only (out-of-fold marginals, 3 folds of whole sets), tag the left-out set, and score the
extractor with the proposer off and on with ``extract_eval.evaluate``. Prints one table: per
fold and pooled (micro) over all folds, perpetrators P/R/F1, quoted sources P/R/F1 and
attribution accuracy, off -> on.

Caveat: the rules were tuned on these very sets, so even the left-out fold flatters the rules
(and the alignment that labels the training data uses the rules' own spans); the decisive
measurement is on the held-out sets, which only the lead runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proposer_data as pdata

COLUMNS = ("perpetrators_p", "perpetrators_r", "perpetrators_f1", "quoted_sources_p",
           "quoted_sources_r", "quoted_sources_f1", "attribution")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sets", default=",".join(pdata.DEV_SETS),
                    help="Comma-separated development sets (default: all of them).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    for s in sets:
        pdata.set_dir(s)  # refuses anything but a development set
    docs = pdata.load_docs(sets)
    rows: list[dict[str, Any]] = []
    off_all: dict[str, dict[str, Any]] = {}
    on_all: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for held in sets:
            train_docs = [d for d in docs if d.set_name != held]
            test_docs = [d for d in docs if d.set_name == held]
            threshold, _gains = pdata.choose_threshold(train_docs, work)
            model = work / f"fold_{held}.crfsuite"
            pdata.train(train_docs, model)
            margs = pdata.marginals(test_docs, model)
            off = pdata.score(test_docs, {id(d): pdata.apply_spans(d, None) for d in test_docs})
            on = pdata.score(test_docs, {id(d): pdata.apply_spans(
                d, pdata.spans_at(d, margs[id(d)], threshold)) for d in test_docs})
            off_all.update(off)
            on_all.update(on)
            rows.append({"fold": held, "threshold": threshold,
                         "off": pdata.combined(off), "on": pdata.combined(on)})
            print(f"fold {held}: threshold {threshold}", file=sys.stderr)
    rows.append({"fold": "all (pooled)", "threshold": None,
                 "off": pdata.combined(off_all), "on": pdata.combined(on_all)})
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        return
    print("| fold | thr | perp P | perp R | perp F1 | src P | src R | src F1 | attribution |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [f"{row['off'][c]:.2f} -> {row['on'][c]:.2f}" for c in COLUMNS]
        thr = "" if row["threshold"] is None else f"{row['threshold']}"
        print(f"| {row['fold']} | {thr} | " + " | ".join(cells) + " |")
    off_p, on_p = rows[-1]["off"], rows[-1]["on"]
    print("\nPooled counts, off -> on (tp / fp / fn), and the pooled figures to three places:\n")
    print("| field | tp | fp | fn | P | R | F1 |\n|---|---|---|---|---|---|---|")
    for f, name in (("perpetrators", "perpetrators"), ("quoted_sources", "quoted sources")):
        print(f"| {name} | " + " | ".join(
            f"{off_p[f + '_' + k]:.0f} -> {on_p[f + '_' + k]:.0f}" for k in ("tp", "fp", "fn"))
            + " | " + " | ".join(f"{off_p[f + '_' + k]:.3f} -> {on_p[f + '_' + k]:.3f}"
                                 for k in ("p", "r", "f1")) + " |")
    print(f"| attribution accuracy | | | | | | {off_p['attribution']:.3f} -> "
          f"{on_p['attribution']:.3f} |")


if __name__ == "__main__":
    main()
