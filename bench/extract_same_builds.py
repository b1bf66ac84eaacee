"""Whether the compiled build (mypyc) extracts exactly what the pure-Python source does.

    python bench/extract_same_builds.py [--compiled PYTHON] [--bench-docs 50]

Runs ``extract_document(...).to_dict()`` over every report of the evaluation sets (with the
publication date of its gold file) and over generated ~1,000-word bench reports, once with this
checkout's ``src`` and once with the compiled ``dalil`` installed for ``--compiled PYTHON``
(default: this checkout's ``.venv-compiled``, which ``make compiled`` builds), then compares the
two field by field. Exit status 1 and the first differences when they differ. ``make
test-compiled`` runs it after the tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import extract_speed

DATA = Path(__file__).resolve().parent / "data" / "extract"


def dump(out_path: str, bench_docs: int) -> None:
    """The worker: every report's extraction, by name, as JSON."""
    import yaml

    from dalil import compiled
    from dalil.extract import extract_document

    out: dict[str, Any] = {"build": compiled.describe(), "docs": {}}
    for gold_path in sorted(DATA.glob("**/gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text("utf-8")) or {}
        for doc in sorted((gold_path.parent / "docs").glob("*.txt")):
            pub = (gold.get(doc.name) or {}).get("published")
            out["docs"][str(doc.relative_to(DATA))] = extract_document(
                doc.read_text("utf-8"), published=str(pub) if pub else None).to_dict()
    for i, text in enumerate(extract_speed.make_reports(bench_docs, seed=11)):
        out["docs"][f"bench/{i:03d}"] = extract_document(text, published="2025-03-10").to_dict()
    Path(out_path).write_text(json.dumps(out, ensure_ascii=False), "utf-8")


def differences(a: Any, b: Any, path: str, out: list[str]) -> None:
    if type(a) is not type(b):
        out.append(f"{path}: {a!r:.100} != {b!r:.100}")
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{path}.{k}: only in {'pure' if k in a else 'compiled'}")
            else:
                differences(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} items != {len(b)}")
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            differences(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {a!r:.100} != {b!r:.100}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--compiled", help="Python interpreter with the compiled build installed.")
    ap.add_argument("--bench-docs", type=int, default=50)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        dump(args.worker, args.bench_docs)
        return
    other = extract_speed.compiled_python(args.compiled)
    if other is None:
        sys.exit("no compiled build installed (make compiled, or --compiled PYTHON)")
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for python, pure in ((sys.executable, True), (other, False)):
            path = str(Path(tmp) / f"{'pure' if pure else 'compiled'}.json")
            subprocess.run([python, __file__, "--worker", path, "--bench-docs", str(args.bench_docs)],
                           env=extract_speed._env(pure), check=True)
            results.append(json.loads(Path(path).read_text("utf-8")))
    pure_r, comp_r = results
    print(f"pure: {pure_r['build']}; compiled: {comp_r['build']} ({other})")
    if pure_r["build"] != "pure Python" or not comp_r["build"].startswith("compiled"):
        sys.exit("the two runs are not one pure and one compiled build")
    bad = 0
    for name in sorted(set(pure_r["docs"]) | set(comp_r["docs"])):
        found: list[str] = []
        differences(pure_r["docs"].get(name), comp_r["docs"].get(name), name, found)
        if found:
            bad += 1
            print(f"{name}: {len(found)} differences", *found[:5], sep="\n    ")
    print(f"{len(pure_r['docs'])} reports, {bad} differ between the builds")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
