"""Span-level training data for the CRF proposer (``dalil.extract.proposer``), from the gold of
the development sets only.

Each gold perpetrator and quoted source is aligned to its mentions in the text: the actor
registry's matches whose name, era name or group is the gold name (as ``extract_eval`` matches
them), the rules' own perpetrator and speaker spans that the scorer would match to it, and literal
occurrences of the gold name (Arabic folded as the extractor folds it, clitics allowed). Tokens are
labelled BIO: AGENT for a perpetrator's mention in a sentence where the rules see a violation,
SPEAKER for any mention of a quoted source (AGENT first where both apply).

Used by ``bench/train_proposer.py`` and ``bench/extract_proposer_cv.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dalil.extract import extract_document
from dalil.extract.pipeline import _Run
from dalil.extract.proposer import (
    LABELS,
    ProposedSpan,
    Token,
    run_sequences,
    spans_from_marginals,
)
from dalil.gazetteer.names import has_arabic, name_key, normalize_arabic

DATA = Path(__file__).resolve().parent / "data" / "extract"
# The ONLY sets the proposer may be trained, tuned or measured on. Blind sets 14-19, 22 and 23
# are the lead's held-out sets: never opened here (not listed, not read, not evaluated).
DEV_SETS: tuple[str, ...] = ("dev", "heldout", "unseen", "blind3", "blind4", "blind5",
                             "blind6", "blind7", "blind8", "blind9", "blind10", "blind11",
                             "blind12", "blind13")
HELD_OUT: frozenset[str] = frozenset(f"blind{k}" for k in (*range(14, 20), 22, 23))
assert not HELD_OUT & set(DEV_SETS)


def set_dir(name: str) -> Path:
    """The folder of a development set; anything else is refused."""
    if name not in DEV_SETS:
        raise ValueError(f"{name!r} is not a development set (allowed: {', '.join(DEV_SETS)})")
    return DATA if name == "dev" else DATA / name


class _Collect:
    """A proposer hook that only keeps the rules' run, to read features and spans from."""

    version_tag = "collect"

    def __init__(self) -> None:
        self.run: _Run | None = None

    def apply(self, run: _Run) -> None:
        self.run = run


@dataclass
class Doc:
    set_name: str
    name: str
    published: str | None
    run: _Run
    sequences: list[tuple[int, list[Token], list[dict[str, Any]]]]
    labels: list[list[str]] = field(default_factory=list)
    # the rules' result, untouched, to restore before each proposer trial
    snapshot: Any = None


@dataclass
class Noise:
    perpetrators: int = 0
    perpetrators_unaligned: int = 0
    perpetrators_no_violation_sentence: int = 0
    sources: int = 0
    sources_unaligned: int = 0
    unaligned: list[str] = field(default_factory=list)


def _literal(norm: str, name: str) -> list[tuple[int, int]]:
    """Occurrences of ``name`` in the normalised text, case-insensitive, with Arabic clitics."""
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    if has_arabic(name):
        name = normalize_arabic(name)
    words = re.findall(r"\w+", name)
    if not words:
        return []
    body = r"\W{1,3}".join(re.escape(w) for w in words)
    pre = r"(?:[وفبلك]{1,2})?(?:ال)?" if has_arabic(name) else ""
    rx = re.compile(rf"(?<!\w){pre}({body})(?!\w)", re.I)
    return [(m.start(1), m.end(1)) for m in rx.finditer(norm)]


def _loose(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb and (ka in kb or kb in ka))


def _actor_names(run: _Run, label: str) -> list[str]:
    lex = run.lex
    names = [label, *lex.groups_of(label, None)]
    era = lex.actor_eras.get(label)
    if era is not None:
        names += [era[1], *lex.groups_of(era[1], None)]
    return names


def align(doc: Doc, gold: dict[str, Any], noise: Noise) -> None:
    """Label ``doc``'s tokens BIO from its gold perpetrators and sources."""
    run = doc.run
    norm, p, r = run.norm, run.p, run.r
    viol_sents = set(run.viol_by_sent)
    agent_spans: list[tuple[int, int]] = []  # in the normalised text
    for g in gold.get("perpetrators", []) or []:
        g = str(g)
        noise.perpetrators += 1
        found = [(s, e) for s, e, entry in run.actors
                 if any(_loose(g, x) for x in (p.surface(s, e), *_actor_names(run, entry.label)))]
        for pp in r.perpetrators:
            if _loose(g, pp.canonical) or any(_loose(g, a) for a in pp.aliases) or \
                    any(_loose(g, x) for x in pp.groups):
                for si_agents in run.sent_agents.values():
                    found += [(a[0], a[1]) for a in si_agents if a[2] == pp.canonical or
                              a[4] in pp.aliases]
        found += _literal(norm, g)
        if not found:
            noise.perpetrators_unaligned += 1
            noise.unaligned.append(f"{doc.set_name}/{doc.name}: perpetrator {g!r}")
            continue
        in_viol = [f for f in found if run.sent_of(f[0]) in viol_sents]
        if not in_viol:
            noise.perpetrators_no_violation_sentence += 1
        agent_spans += in_viol
    speaker_spans: list[tuple[int, int]] = []
    for src in gold.get("sources", []) or []:
        g = str(src[0])
        noise.sources += 1
        found = _literal(norm, g)
        for si, sp in run.speaker_spans.items():
            c = r.claims[run.claim_of_sent[si]] if si in run.claim_of_sent else None
            if c is not None and _loose(g, c.attributed_to) and 0 < sp[1] - sp[0] <= 80:
                found.append(sp)
        if not found:
            noise.sources_unaligned += 1
            noise.unaligned.append(f"{doc.set_name}/{doc.name}: source {g!r}")
            continue
        speaker_spans += found
    doc.labels = []
    for _si, toks, _f in doc.sequences:
        labels = ["O"] * len(toks)
        for tag, spans in (("AGENT", agent_spans), ("SPEAKER", speaker_spans)):
            for s, e in sorted(set(spans)):
                first = True
                for i, t in enumerate(toks):
                    if t.start >= s and t.end <= e and labels[i] == "O":
                        labels[i] = ("B-" if first else "I-") + tag
                        first = False
        doc.labels.append(labels)


def load_docs(sets: Sequence[str], noise: Noise | None = None) -> list[Doc]:
    """Every document of ``sets`` run through the rules, its tokens labelled from its gold."""
    import copy

    noise = noise if noise is not None else Noise()
    docs: list[Doc] = []
    for name in sets:
        folder = set_dir(name)
        gold_all = yaml.safe_load((folder / "gold.yaml").read_text("utf-8"))
        for doc_name, gold in gold_all.items():
            text = (folder / "docs" / doc_name).read_text("utf-8")
            pub = gold.get("published")
            hook = _Collect()
            extract_document(text, published=str(pub) if pub else None, proposer=hook)
            if hook.run is None:
                continue
            d = Doc(name, doc_name, str(pub) if pub else None, hook.run, run_sequences(hook.run))
            d.snapshot = copy.deepcopy(hook.run.r)
            align(d, gold, noise)
            docs.append(d)
    return docs


CRF_PARAMS: dict[str, Any] = {
    "c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True,
}


def train(docs: Sequence[Doc], model_file: Path) -> None:
    """Train the CRF on ``docs`` (deterministic: L-BFGS over the documents in the given order)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for d in docs:
        for (_si, _toks, feats), labels in zip(d.sequences, d.labels, strict=True):
            trainer.append(feats, labels)
    trainer.set_params(CRF_PARAMS)
    model_file.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_file))


class Marginals:
    """A tagger's marginals kept per sentence, so spans can be read at any threshold later."""

    def __init__(self, labels: list[str], table: list[dict[str, float]]) -> None:
        self._labels = labels
        self._table = table

    def labels(self) -> list[str]:
        return self._labels

    def marginal(self, label: str, k: int) -> float:
        return self._table[k].get(label, 0.0)


def marginals(docs: Sequence[Doc], model_file: Path) -> dict[int, list[Marginals]]:
    """Per document (by id) and sentence, the model's token marginals for the proposer labels."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    labels = list(tagger.labels())
    wanted = [lb for lb in labels if lb != "O"]
    out: dict[int, list[Marginals]] = {}
    for d in docs:
        per: list[Marginals] = []
        for _si, toks, feats in d.sequences:
            tagger.set(feats)
            per.append(Marginals(labels, [{lb: tagger.marginal(lb, k) for lb in wanted}
                                          for k in range(len(toks))]))
        out[id(d)] = per
    tagger.close()
    return out


def spans_at(d: Doc, margs: list[Marginals], threshold: float) -> list[ProposedSpan]:
    from dalil.extract.proposer import _content

    out: list[ProposedSpan] = []
    for (si, toks, _f), m in zip(d.sequences, margs, strict=True):
        out += [s for s in spans_from_marginals(m, toks, si, threshold)
                if _content(d.run.norm[s.start:s.end])]
    return out


def apply_spans(d: Doc, spans: list[ProposedSpan] | None) -> dict[str, Any]:
    """The document's result with ``spans`` added (None: the rules alone), as ``to_dict()``."""
    import copy

    from dalil.extract.proposer import add_spans

    d.run.r = copy.deepcopy(d.snapshot)
    if spans:
        add_spans(d.run, spans)
    return d.run.r.to_dict()


def score(docs: Sequence[Doc], results: dict[int, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``extract_eval.evaluate`` per set, predicting from ``results`` (by document id)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import extract_eval

    by_key = {(d.set_name, d.name): results[id(d)] for d in docs}
    out: dict[str, dict[str, Any]] = {}
    for name in dict.fromkeys(d.set_name for d in docs):
        def predict(doc: str, text: str, published: str | None, _n: str = name
                    ) -> dict[str, Any]:
            hit = by_key.get((_n, doc))
            if hit is None:  # a document the rules gave nothing to (no claims)
                return extract_document(text, published=published).to_dict()
            return hit
        out[name] = extract_eval.evaluate(set_dir(name), predict=predict)
    return out


def combined(scores: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Micro-averaged P/R/F1 of perpetrators and quoted sources, and attribution accuracy
    weighted by annotated claims, over several sets."""
    out: dict[str, float] = {}
    for f in ("perpetrators", "quoted_sources"):
        tp = sum(s["fields"][f]["tp"] for s in scores.values())
        fp = sum(s["fields"][f]["fp"] for s in scores.values())
        fn = sum(s["fields"][f]["fn"] for s in scores.values())
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[f + "_p"], out[f + "_r"] = p, r
        out[f + "_tp"], out[f + "_fp"], out[f + "_fn"] = tp, fp, fn
        out[f + "_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    n = sum(s["claims_annotated"] for s in scores.values())
    out["attribution"] = sum(s["attribution_accuracy"] * s["claims_annotated"]
                             for s in scores.values()) / n if n else 1.0
    return out


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def choose_threshold(docs: Sequence[Doc], workdir: Path, inner_folds: int = 3
                     ) -> tuple[float, dict[float, float]]:
    """The threshold that maximises perpetrator F1 + quoted-source F1 + attribution accuracy
    on ``docs``, read from out-of-fold marginals (``inner_folds`` folds of whole sets)."""
    names = list(dict.fromkeys(d.set_name for d in docs))
    margs: dict[int, list[Marginals]] = {}
    for k in range(inner_folds):
        held = {n for i, n in enumerate(names) if i % inner_folds == k}
        model = workdir / f"inner{k}.crfsuite"
        train([d for d in docs if d.set_name not in held], model)
        margs.update(marginals([d for d in docs if d.set_name in held], model))
    gains: dict[float, float] = {}
    for t in THRESHOLDS:
        results = {id(d): apply_spans(d, spans_at(d, margs[id(d)], t)) for d in docs}
        c = combined(score(docs, results))
        gains[t] = c["perpetrators_f1"] + c["quoted_sources_f1"] + c["attribution"]
    best = max(THRESHOLDS, key=lambda t: (gains[t], t))  # ties: the stricter threshold
    return best, gains


__all__ = ["DEV_SETS", "HELD_OUT", "LABELS", "Doc", "Noise", "load_docs", "set_dir", "train"]
