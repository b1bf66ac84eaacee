"""How far two human annotators agree, beside how far the extractor agrees with the first.

    python bench/extract_agreement.py --data bench/data/extract/blind13 \
        --second bench/data/extract/blind13/gold_b.yaml

A second engineer annotated the same documents by the same guide (docs/extract-annotation.md)
without seeing the first's gold or the extractor's output. Their annotation is scored against
the first's with exactly the scorer of `bench/extract_eval.py` (the same loose matching of
names, the same optional places, the same claims), so the second annotator's F1 is the ceiling
the measurement itself allows: where two careful people following one guide agree at 0.75, an
F1 of 0.8 against one of them is not a meaningful target.

`gold_b.yaml` of blind sets 11 and 13: written in round 9 by two engineers who read only the
annotation guide, the output definitions, the set's documents and the list of claim substrings
of the first gold (to annotate who asserts each and whether it is hedged) -- not the first gold,
the extractor or its output. Both sets were development sets by then; that does not matter here,
since the second annotation does not involve the extractor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dalil.extract.lexicon import load_lexicons
from dalil.gazetteer import load_gazetteer
from dalil.gazetteer.names import ascii_digits, normalize_arabic
from extract_eval import FIELDS, evaluate

MEASURES = ("attribution_accuracy", "hedging_accuracy", "source_role_accuracy",
            "pseudonymity_accuracy")


def _actor(name: str, published: str | None) -> dict[str, Any]:
    """An annotated perpetrator with the registry's names for it, as the extractor's carry them:
    "Russia" is also "Russian forces", "قوات النظام" in 2016 "Assad-era forces and loyalists"."""
    lex = load_lexicons()
    names: list[str] = []
    for _s, _e, entry in lex.actors.finditer(normalize_arabic(name)):
        label = lex.era_name(entry.label, published)
        for n in (label, *lex.groups_of(label, published)):
            if n not in names:
                names.append(n)
    return {"canonical": name, "aliases": names, "groups": []}


def as_prediction(entry: dict[str, Any], text: str, published: str | None = None
                  ) -> dict[str, Any]:
    """One document of an annotation in the shape of the extractor's ``to_dict()``.

    Places take the gazetteer's names of every place the annotated name looks up to, as the
    extractor's places bring their gazetteer names; perpetrators the actor registry's names for
    the annotated one (at the publication date); a claim's span is where its substring is.
    """
    gaz = load_gazetteer()
    places = []
    for name in entry.get("places", []):
        hits = gaz.lookup(str(name))
        places.append({"canonical": str(name), "place_id": hits[0].id if hits else None,
                       "surface_forms": [n for p in hits[1:] for n in p.names]})
    claims = []
    digits = ascii_digits(text)  # one character for one, so offsets hold
    for sub, who, hedged in entry.get("claims", []):
        at = digits.find(ascii_digits(sub))
        if at >= 0:
            claims.append({"span": [at, at + len(sub)], "attributed_to": who, "hedged": hedged})
    return {
        "places": places,
        "dates": [{"date": str(d)} for d in entry.get("dates", [])],
        "violations": list(entry.get("violations", [])),
        "perpetrators": [_actor(str(p), published) for p in entry.get("perpetrators", [])],
        "victim_groups": [{"canonical": v} for v in entry.get("victim_groups", [])],
        "casualty_figures": [{"value": f[0], "qualifier": f[1], "what": f[2]}
                             for f in entry.get("casualty", [])],
        "other_figures": [{"value": f[0], "what": f[1]} for f in entry.get("other", [])],
        "quoted_sources": [{"name": s[0], "role": s[1], "pseudonymous": bool(s[2])}
                           for s in entry.get("sources", [])],
        "claims": claims,
    }


def agreement(data: Path, second: Path) -> dict[str, Any]:
    """The extractor and the second annotator, each scored against ``data``'s gold."""
    other = yaml.safe_load(second.read_text("utf-8"))
    gold = yaml.safe_load((data / "gold.yaml").read_text("utf-8"))
    missing = sorted(set(gold) - set(other))
    if missing:
        raise SystemExit(f"{second}: no annotation for {', '.join(missing)}")

    def annotator(doc: str, text: str, published: str | None) -> dict[str, Any]:
        return as_prediction(other[doc], text, published)

    return {"extractor": evaluate(data), "annotator": evaluate(data, annotator)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="A folder with docs/ and gold.yaml.")
    ap.add_argument("--second", type=Path, required=True,
                    help="The second annotator's gold, same format, same documents.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = agreement(args.data, args.second)
    if args.json:
        json.dump({k: {m: v[m] for m in ("fields", *MEASURES)} for k, v in res.items()},
                  sys.stdout, indent=2)
        return
    ext, ann = res["extractor"]["fields"], res["annotator"]["fields"]
    print(f"{args.data}: {res['annotator']['documents']} documents, scored against the first "
          "annotator's gold\n")
    print("| field | extractor P / R / F1 | second annotator P / R / F1 | extractor / annotator F1 |")
    print("|---|---|---|---|")
    for f in FIELDS:
        e, a = ext[f], ann[f]
        ratio = f"{e['f1'] / a['f1']:.2f}" if a["f1"] else "-"
        print(f"| {f} | {e['precision']:.2f} / {e['recall']:.2f} / {e['f1']:.2f} | "
              f"{a['precision']:.2f} / {a['recall']:.2f} / {a['f1']:.2f} | {ratio} |")
    for m in MEASURES:
        print(f"| {m.replace('_', ' ')} | {res['extractor'][m]:.2f} | {res['annotator'][m]:.2f} | |")


if __name__ == "__main__":
    main()
