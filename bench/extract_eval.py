"""Evaluate `dalil.extract` against the hand-annotated reports in bench/data/extract.

    python bench/extract_eval.py [--data DIR] [--json]

Prints precision, recall and F1 per field, and the accuracy of attribution and hedging on the
annotated claims and of role/pseudonymity on the matched quoted sources.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from dalil.extract import extract_document
from dalil.gazetteer import load_gazetteer
from dalil.gazetteer.names import ascii_digits, name_key, skeleton_key

HERE = Path(__file__).resolve().parent / "data" / "extract"
FIELDS = ("places", "dates", "violations", "perpetrators", "victim_groups",
          "casualty_figures", "other_figures", "quoted_sources")


def _keys(*names: str) -> set[str]:
    out: set[str] = set()
    for n in names:
        k = name_key(n)
        if k:
            out.add(k)
        sk = skeleton_key(n)
        if sk and len(sk.replace(" ", "")) >= 3:
            out.add("~" + sk)
    return out


def _loose(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb and (ka in kb or kb in ka))


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _match(gold: list[Any], pred: list[Any], same: Any) -> tuple[int, int, int, list[Any]]:
    used: set[int] = set()
    tp = 0
    missed = []
    for g in gold:
        for i, pr in enumerate(pred):
            if i not in used and same(g, pr):
                used.add(i)
                tp += 1
                break
        else:
            missed.append(g)
    return tp, len(pred) - len(used), len(gold) - tp, missed


def _match_best(gold: list[Any], pred: list[Any], same: Any) -> tuple[int, int, int]:
    """Like ``_match``, but the largest one-to-one matching (augmenting paths), so a gold name
    that fits two predictions (by name and by group) does not take the one another gold name
    needs."""
    fits = [[i for i, pr in enumerate(pred) if same(g, pr)] for g in gold]
    owner: dict[int, int] = {}

    def place(gi: int, seen: set[int]) -> bool:
        for i in fits[gi]:
            if i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen):
                    owner[i] = gi
                    return True
        return False

    tp = sum(place(gi, set()) for gi in range(len(gold)))
    return tp, len(pred) - tp, len(gold) - tp


Predict = Callable[[str, str, "str | None"], dict[str, Any]]


def _extractor(doc: str, text: str, published: str | None) -> dict[str, Any]:
    return extract_document(text, published=published).to_dict()


def evaluate(data: Path, predict: Predict = _extractor) -> dict[str, Any]:
    """Score ``predict`` (by default the extractor) against ``data``'s gold, per field.

    ``predict(doc, text, published)`` returns the extractor's ``to_dict()`` shape;
    `bench/extract_agreement.py` passes a second annotator's gold in that shape.
    """
    gold_all = yaml.safe_load((data / "gold.yaml").read_text("utf-8"))
    gaz = load_gazetteer()
    by_id = {p.id: p for p in gaz.places}
    scores = {f: Score() for f in FIELDS}
    attr_ok = attr_n = hedge_ok = hedge_n = role_ok = pseudo_ok = src_n = 0
    errors: dict[str, list[str]] = {}
    for doc, gold in gold_all.items():
        text = (data / "docs" / doc).read_text("utf-8")
        pub = gold.get("published")
        res = predict(doc, text, str(pub) if pub else None)
        errs = errors.setdefault(doc, [])

        # places
        pred_keys = []
        for p in res["places"]:
            gp = by_id.get(p["place_id"])
            pred_keys.append(_keys(p["canonical"], *p["surface_forms"], *(gp.names if gp else ())))
        optional = [_keys(o) for o in gold.get("places_optional", [])]
        pred_req = [k for k in pred_keys if not any(k & o for o in optional)]
        tp, fp, fn, _missed = _match([_keys(g) for g in gold["places"]], pred_req,
                                    lambda g, pr: bool(g & pr))
        # a required gold place may also be listed as optional-matching; count those as found
        scores["places"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"places pred={[p['canonical'] for p in res['places']]} "
                        f"gold={gold['places']}")
        pred_dates = [d["date"] for d in res["dates"] if d["date"]]
        tp, fp, fn, _ = _match([str(d) for d in gold["dates"]], pred_dates, lambda g, p: g == p)
        scores["dates"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"dates pred={pred_dates} gold={gold['dates']}")
        tp, fp, fn, _ = _match(gold["violations"], res["violations"], lambda g, p: g == p)
        scores["violations"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"violations pred={res['violations']} gold={gold['violations']}")
        # the guide: "the name as in the text or its usual group name" (a unit's groups count)
        tp, fp, fn = _match_best(
            gold["perpetrators"], res["perpetrators"],
            lambda g, p: _loose(g, p["canonical"]) or any(_loose(g, a) for a in p["aliases"])
            or any(_loose(g, a) for a in p.get("groups", [])))
        scores["perpetrators"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"perpetrators pred={[p['canonical'] for p in res['perpetrators']]} "
                        f"gold={gold['perpetrators']}")
        tp, fp, fn, _ = _match(gold["victim_groups"], res["victim_groups"],
                               lambda g, p: g == p["canonical"])
        scores["victim_groups"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"victims pred={[v['canonical'] for v in res['victim_groups']]} "
                        f"gold={gold['victim_groups']}")

        def fig_same(g: list[Any], p: dict[str, Any]) -> bool:
            return bool(g[0] == p["value"] and g[1] == p["qualifier"] and g[2] == p["what"])

        tp, fp, fn, _ = _match(gold["casualty"], res["casualty_figures"], fig_same)
        scores["casualty_figures"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"casualty pred={[(f['value'], f['qualifier'], f['what']) for f in res['casualty_figures']]} "
                        f"gold={gold['casualty']}")
        tp, fp, fn, _ = _match(gold.get("other", []), res["other_figures"],
                               lambda g, p: g[0] == p["value"] and g[1] == p["what"])
        scores["other_figures"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"other pred={[(f['value'], f['what']) for f in res['other_figures']]} "
                        f"gold={gold.get('other', [])}")
        pairs: list[tuple[list[Any], dict[str, Any]]] = []

        def src_same(g: list[Any], p: dict[str, Any]) -> bool:
            if _loose(g[0], p["name"]):
                pairs.append((g, p))
                return True
            return False

        tp, fp, fn, _ = _match(gold["sources"], res["quoted_sources"], src_same)
        scores["quoted_sources"].add(tp, fp, fn)
        if fp or fn:
            errs.append(f"sources pred={[(s['name'], s['role'], s['pseudonymous']) for s in res['quoted_sources']]} "
                        f"gold={gold['sources']}")
        for g, p in pairs:
            src_n += 1
            role_ok += g[1] == p["role"]
            pseudo_ok += bool(g[2]) == p["pseudonymous"]
        for sub, who, hedged in gold.get("claims", []):
            claim = next((c for c in res["claims"]
                          if ascii_digits(sub) in ascii_digits(text[c["span"][0]:c["span"][1]])),
                         None)
            attr_n += 1
            hedge_n += 1
            if claim is None:
                errs.append(f"claim not found: {sub!r}")
                continue
            if _loose(who, claim["attributed_to"]):
                attr_ok += 1
            else:
                errs.append(f"attribution {sub!r}: pred={claim['attributed_to']!r} gold={who!r}")
            if claim["hedged"] == hedged:
                hedge_ok += 1
            else:
                errs.append(f"hedging {sub!r}: pred={claim['hedged']} gold={hedged}")
    table = {f: dict(zip(("precision", "recall", "f1"), s.prf(), strict=True)) |
             {"tp": s.tp, "fp": s.fp, "fn": s.fn} for f, s in scores.items()}
    return {
        "documents": len(gold_all),
        "fields": table,
        "attribution_accuracy": attr_ok / attr_n if attr_n else 1.0,
        "hedging_accuracy": hedge_ok / hedge_n if hedge_n else 1.0,
        "source_role_accuracy": role_ok / src_n if src_n else 1.0,
        "pseudonymity_accuracy": pseudo_ok / src_n if src_n else 1.0,
        "claims_annotated": attr_n,
        "errors": {k: v for k, v in errors.items() if v},
    }


SETS = {
    "dev": (HERE, "development set: the rules were tuned on it"),
    "heldout": (HERE / "heldout", "held-out set 1: written after tuning; its first-run figures "
                                  "are in heldout/FIRST_RUN.txt, later rules saw its errors"),
    "unseen": (HERE / "unseen", "held-out set 2: first-run figures in unseen/FIRST_RUN.txt; "
                                "general bugs it exposed were fixed afterwards"),
    "blind3": (HERE / "blind3", "blind set 3: written without reading the rules; first run in "
                                "blind3/FIRST_RUN.txt; general errors it showed were fixed "
                                "afterwards"),
    "blind4": (HERE / "blind4", "blind set 4: written without reading the rules; FIRST_RUN.txt "
                                "is the extractor before this set existed, FINAL_RUN.txt after the "
                                "work it measured; since then it was the development set of a "
                                "second round of general fixes (ROUND2_RUN.txt), so its figures "
                                "are optimistic"),
    "blind5": (HERE / "blind5", "blind set 5: written without reading the rules; FIRST_RUN.txt "
                                "before the second round of general fixes, FINAL_RUN.txt after it "
                                "(the held-out test of that round); since then the development "
                                "set of the third round, so its figures are optimistic"),
    "blind6": (HERE / "blind6", "blind set 6: written without reading the rules to the annotation "
                                "guide; FIRST_RUN.txt before the third round of general fixes, "
                                "which then used it as a development set"),
}
# The final held-out set of the third round: nobody tunes on it (see its FIRST_RUN.txt and
# FINAL_RUN.txt); listed when it is there.
if (HERE / "blind7" / "gold.yaml").exists():
    SETS["blind7"] = (HERE / "blind7", "blind set 7, the final held-out test: written without "
                                       "reading the rules, never tuned on")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, help="A folder with docs/ and gold.yaml.")
    ap.add_argument("--set", choices=[*SETS, "all"], default="all")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="List every mismatch per document.")
    args = ap.parse_args()
    if args.data:
        runs = [(str(args.data), args.data, "")]
    else:
        names = list(SETS) if args.set == "all" else [args.set]
        runs = [(n, SETS[n][0], SETS[n][1]) for n in names]
    results = {name: evaluate(path) for name, path, _ in runs}
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        return
    for name, _path, note in runs:
        print(f"\n## {name}" + (f" ({note})" if note else ""))
        _print(results[name], args.errors)


def _print(out: dict[str, Any], errors: bool) -> None:
    print(f"dalil extract evaluation: {out['documents']} documents\n")
    print("| field | precision | recall | F1 | tp | fp | fn |")
    print("|---|---|---|---|---|---|---|")
    for f, s in out["fields"].items():
        print(f"| {f} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['tp']} | "
              f"{s['fp']} | {s['fn']} |")
    print()
    print("| measure | accuracy |\n|---|---|")
    for k in ("attribution_accuracy", "hedging_accuracy", "source_role_accuracy",
              "pseudonymity_accuracy"):
        print(f"| {k.replace('_', ' ')} | {out[k]:.2f} |")
    print(f"\n({out['claims_annotated']} annotated claims)")
    if errors:
        for doc, errs in out["errors"].items():
            print(f"\n{doc}")
            for e in errs:
                print("  " + e)


if __name__ == "__main__":
    main()
