"""Extraction speed: documents per second on one core for ~1,000-word reports, for the pure-Python
pipeline and (if installed) the compiled one, beside the floor of a plain spaCy ``blank("en")``
tokenizer + sentencizer over the same texts.

    python bench/extract_speed.py [--docs 200] [--steps] [--pairs 1] [--compiled PYTHON]
                                  [--proposer]

Each measurement runs in a process of its own, after loading the gazetteer and extracting 30
other reports (what the pipeline builds on first use; this startup is printed on its own). The
pure-Python pipeline is this checkout's ``src``; the compiled one is the ``dalil`` installed for
``--compiled PYTHON`` (default: this checkout's ``.venv-compiled``, which ``make compiled``
builds, else this interpreter), used only if its ``dalil.compiled.describe()`` says it is
compiled. ``--pairs N`` alternates the two N times
(pure first, then compiled first, ...): the machine is shared and its load moves between runs;
the two runs of a pair see about the same load. ``--steps`` also prints where the time goes in
the pure pipeline: CPU time per pipeline step (the ``_Run`` methods, which a compiled class does
not let us wrap), the rest being preparation (normalising, sentences, the author) and the
quoted-source list.

Texts are built from the evaluation reports (shuffled paragraphs, deterministic seed) so they
read like reports. ``--proposer`` runs every measurement with the CRF span proposer on (setting
``extract_proposer``), to compare with a run without it. Targets (issue 3): >= 50 docs/s and
within 5x of the tokenizer floor.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
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


# Reports extracted before the timed ones, in the same process (see ``measure``).
WARM_UP = 30

STEPS = ("_match_whole_text", "_claims", "_disclaimers", "_figures", "_dates", "_places",
         "_violations", "_perpetrators", "_victim_groups", "_events", "_sources")


def time_steps(texts: list[str]) -> list[tuple[str, float, float]]:
    """CPU time per pipeline step as (step, ms per report, share in %), by wrapping the step
    methods of ``pipeline._Run`` (pure Python only)."""
    from dalil.extract import extract_document, pipeline

    spent = dict.fromkeys(STEPS, 0.0)
    originals = {name: getattr(pipeline._Run, name) for name in STEPS}

    def timed(name: str) -> Callable[..., Any]:
        method = originals[name]

        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
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
    return [(name.lstrip("_"), 1000 * secs / len(texts), 100 * secs / total)
            for name, secs in [*spent.items(), ("(preparation and the rest)", rest)]]


def measure(docs: int, steps: bool, use_proposer: bool = False) -> dict[str, Any]:
    """One process's measurement (``--worker``): the pipeline this interpreter imports, then the
    spaCy floor, in CPU time of this process (the machine is shared with other jobs)."""
    from dalil import compiled
    from dalil.extract import extract_document
    from dalil.extract.proposer import load_proposer
    from dalil.gazetteer import load_gazetteer

    texts = make_reports(docs)
    t0 = time.process_time()
    load_gazetteer()  # loading once is startup cost, not per-document cost
    proposer = load_proposer() if use_proposer else None
    # Warm-up on other reports (another seed): the first reports of a process build what the
    # pipeline makes on first use (each pattern's literal automaton, per-word variants of the
    # word-indexed patterns, the regex cache), about half a second once per process. That is
    # startup, like loading the gazetteer; it is timed and printed on its own line.
    for t in make_reports(WARM_UP, seed=99):
        extract_document(t, published="2025-03-10", proposer=proposer)
    startup_s = time.process_time() - t0
    t0 = time.process_time()
    for t in texts:
        extract_document(t, published="2025-03-10", proposer=proposer)
    build = compiled.describe() + (" + CRF proposer" if use_proposer else "")
    out: dict[str, Any] = {"build": build, "dalil_s": time.process_time() - t0,
                           "startup_s": startup_s, "docs": len(texts), "floor_s": None,
                           "words": sum(len(t.split()) for t in texts) / len(texts)}
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        list(nlp.pipe(texts[:5]))
        t0 = time.process_time()
        for t in texts:
            nlp(t)
        out["floor_s"] = time.process_time() - t0
    except ImportError:
        pass
    if steps:
        out["steps"] = time_steps(texts)
    return out


def _env(pure: bool) -> dict[str, str]:
    """Pure: this checkout's source first on the path (an editable install is never compiled,
    and dalil.compiled refuses compiled modules in a source tree). Compiled: what the
    interpreter has installed, without this checkout's source."""
    env = dict(os.environ)
    src = (ROOT / "src").resolve()
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and Path(p).resolve() != src]
    env["PYTHONPATH"] = os.pathsep.join(([str(src)] if pure else []) + paths)
    return env


def run_worker(python: str, pure: bool, docs: int, steps: bool, use_proposer: bool = False
               ) -> dict[str, Any]:
    cmd = [python, str(Path(__file__).resolve()), "--worker", "--docs", str(docs),
           *(["--proposer"] if use_proposer else [])]
    done = subprocess.run([*cmd, *(["--steps"] if steps else [])], env=_env(pure), check=True,
                          capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compiled_python(arg: str | None) -> str | None:
    """The interpreter with a compiled build of dalil installed, or None."""
    candidates = [arg] if arg else [str(ROOT / ".venv-compiled" / "bin" / "python"), sys.executable]
    for python in candidates:
        if not python or not Path(python).exists():
            continue
        python = str(Path(python).absolute())  # (the probe runs in bench/)
        probe = subprocess.run(
            [python, "-c", "from dalil import compiled; print(compiled.describe())"],
            env=_env(pure=False), capture_output=True, text=True, check=False, cwd=ROOT / "bench")
        if probe.returncode == 0 and probe.stdout.startswith("compiled"):
            return python
        if arg:
            print(f"{python}: no compiled build ({(probe.stdout or probe.stderr).strip()[-300:]})")
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--steps", action="store_true", help="Also print CPU time per pipeline step.")
    ap.add_argument("--pairs", type=int, default=1, help="Alternating pure/compiled pairs.")
    ap.add_argument("--compiled", help="Python interpreter with the compiled build installed.")
    ap.add_argument("--proposer", action="store_true",
                    help="Run with the CRF span proposer on (setting extract_proposer).")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(measure(args.docs, args.steps, args.proposer)))
        return
    other = compiled_python(args.compiled)
    runs: list[tuple[int, str, dict[str, Any]]] = []
    for i in range(args.pairs):
        for pure in ((True, False) if i % 2 == 0 else (False, True)):
            if pure:
                r = run_worker(sys.executable, True, args.docs, args.steps and i == 0,
                               args.proposer)
                runs.append((i + 1, "pure Python" + (" + CRF proposer" if args.proposer else ""),
                             r))
            elif other is not None:
                r = run_worker(other, False, args.docs, False, args.proposer)
                runs.append((i + 1, r["build"], r))
    first = runs[0][2]
    # CPU time of each process, not wall time: the machine is shared with other jobs.
    print(f"{first['docs']} reports, {first['words']:.0f} words each on average, one process (one "
          f"core) per run" + ("" if other else "; no compiled build installed (make compiled)") + "\n")
    print('| pair | pipeline | docs/s | ms/doc | spaCy blank("en") + sentencizer, ms/doc | x floor |')
    print("|---|---|---|---|---|---|")
    for pair, build, r in runs:
        floor = r["floor_s"]
        cells = f"{1000 * floor / r['docs']:.2f} | {r['dalil_s'] / floor:.1f}x" if floor else "- | -"
        print(f"| {pair} | {build} | {r['docs'] / r['dalil_s']:.1f} | "
              f"{1000 * r['dalil_s'] / r['docs']:.2f} | {cells} |")
    if first["floor_s"] is None:
        print("\nspaCy not installed (pip install -e '.[bench]'): no floor measured")
    ratios = []
    for pair in range(1, args.pairs + 1):
        pure_s = [r["dalil_s"] for p, b, r in runs if p == pair and b.startswith("pure Python")]
        comp_s = [r["dalil_s"] for p, b, r in runs if p == pair and
                  not b.startswith("pure Python")]
        if pure_s and comp_s:
            ratios.append(pure_s[0] / comp_s[0])
    if ratios:
        print(f"\ncompiled vs pure Python (time ratio per pair): "
              f"{', '.join(f'{x:.2f}x' for x in ratios)}; median {statistics.median(ratios):.2f}x")
    startups = [r["startup_s"] for _, _, r in runs]
    print(f"\nstartup per process, not in the figures above (gazetteer, then {WARM_UP} other "
          f"reports that build the lazy automata and pattern variants): "
          f"{min(startups):.2f}-{max(startups):.2f} s")
    print()
    for build in dict.fromkeys(b for _, b, _ in runs):
        mine = [r for _, b, r in runs if b == build]
        best = max(r["docs"] / r["dalil_s"] for r in mine)
        floors = [r["dalil_s"] / r["floor_s"] for r in mine if r["floor_s"]]
        print(f"{build}: >= 50 docs/s {'met' if best >= 50 else 'NOT met'} (best run {best:.1f})"
              + (f"; {min(floors):.1f}x the tokenizer-only floor at best (target <= 5x)"
                 if floors else ""))
    if args.steps:
        print("\nSteps (pure Python, pair 1):\n\n| step | ms/doc | share |\n|---|---|---|")
        for name, ms, share in first.get("steps", []):
            print(f"| {name} | {ms:.2f} | {share:.0f}% |")


if __name__ == "__main__":
    main()
