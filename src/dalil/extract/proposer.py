"""Optional statistical span proposer: a CRF tags AGENT and SPEAKER spans the rules never propose.

Off by default (setting ``extract_proposer``). The rules stay the authority: a proposed AGENT
becomes a perpetrator only in a sentence where the rules found a violation, and a proposed
SPEAKER becomes a quoted source (role by the rules' role lexicons) and the speaker of a claim only
where the rules fell back to the document's author. Every added item carries the rule
``model:crf:<LABEL> p=<probability>`` and its span. The model is trained offline from the
development sets by ``bench/train_proposer.py``; ``extractor_version`` gains ``+crf.<sha8>`` of the
model file, so stored results are recomputed when it changes.

Features are read from the rules' own run (their lexicon matches, violations, speakers and
agents), so training and tagging see exactly the same inputs.
"""

from __future__ import annotations

import hashlib
import re
import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from dalil.errors import ConfigError
from dalil.extract.lexicon import _clitic_variants
from dalil.extract.model import ActorMention, Extraction, Perpetrator
from dalil.gazetteer.names import has_arabic, name_key, normalize_arabic

if TYPE_CHECKING:
    from dalil.extract.pipeline import _Run
    from dalil.extract.text import Sentence

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = DATA / "proposer.crfsuite"
# the training run's settings beside the model (threshold, sets, features): yaml, so the
# package-data pattern that ships the lexicons ships it too
META_FILE = DATA / "proposer.yaml"
LABELS = ("AGENT", "SPEAKER")

# Words as the extractor's lexicons see them, with hyphenated and apostrophe forms kept whole
# ("pro-government", "al-Assad"), and every other non-space character a token of its own.
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
# A span made only of these is no actor or speaker (the rules resolve pronouns themselves).
_FUNCTION_WORDS = frozenset(
    "a an the he she they it we i you his her their its our them him us this that these those "
    "who which and or of in on at by to from for with as said told هو هي هم نحن انا انت الذي التي "
    "الذين و في من على الى عن".split())


class RunHook(Protocol):
    """What ``extract_document(..., proposer=...)`` calls once the rules are done."""

    version_tag: str

    def apply(self, run: _Run) -> None: ...


@dataclass(frozen=True)
class Token:
    start: int  # in the normalised text
    end: int
    text: str


@dataclass(frozen=True)
class ProposedSpan:
    label: str  # AGENT | SPEAKER
    start: int  # in the normalised text
    end: int
    probability: float
    sentence: int


def sentence_tokens(norm: str, sent: Sentence) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm, sent.start,
                                                                          sent.end)]


# the window's offsets and their feature names, formatted once
_WINDOW = tuple((d, f"w{d:+d}", f"act{d:+d}", f"title{d:+d}") for d in (-2, -1, 1, 2))


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    out: list[str] = []
    for c in word[:12]:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else \
            "a" if "\u0600" <= c <= "\u06ff" else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def _covered(toks: list[Token], starts: list[int], spans: list[tuple[int, int]],
             marks: list[str], tag: str) -> None:
    """Mark each token inside one of ``spans`` with ``B-tag`` or ``I-tag`` (first one wins).
    ``starts`` are the tokens' starts (bisected: a line may hold tens of thousands of tokens)."""
    for s, e in spans:
        first = True
        for i in range(bisect_left(starts, s), bisect_left(starts, e)):
            if toks[i].end <= e and not marks[i]:
                marks[i] = ("B-" if first else "I-") + tag
                first = False


def run_sequences(run: _Run, only: set[int] | None = None
                  ) -> list[tuple[int, list[Token], list[dict[str, Any]]]]:
    """Per sentence of the rules' run (or of the sentences ``only``): its index, tokens and the
    CRF features of each token."""
    norm = run.norm
    lex = run.lex
    out: list[tuple[int, list[Token], list[dict[str, Any]]]] = []
    actors_by_sent: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, entry in run.actors:
        actors_by_sent.setdefault(run.sent_of(s), []).append((s, e, entry.label))
    verbs_by_sent: dict[int, list[tuple[int, int]]] = {}
    for s, e, _en in list(run.verb_hits) + list(run.according_hits):
        verbs_by_sent.setdefault(run.sent_of(s), []).append((s, e))
    victims_by_sent: dict[int, list[tuple[int, int]]] = {}
    for s, e, _en in run.victims:
        victims_by_sent.setdefault(run.sent_of(s), []).append((s, e))
    agents = getattr(run, "sent_agents", {})
    speaker_spans = getattr(run, "speaker_spans", {})
    for sent in run.sentences:
        si = sent.index
        if only is not None and si not in only:
            continue
        toks = sentence_tokens(norm, sent)
        n = len(toks)
        if not n:
            continue
        viols = run.viol_by_sent.get(si, [])
        starts = [t.start for t in toks]
        actor_marks = [""] * n
        acts = actors_by_sent.get(si, [])
        _covered(toks, starts, [(s, e) for s, e, _ in acts], actor_marks, "ACT")
        kinds = [""] * n
        for s, e, label in acts:
            for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                kinds[i] = lex.actor_kinds.get(label, "armed_group")
        viol_marks = [""] * n
        vspans = []
        for v in viols:
            vs = run._viol_start.get(id(v))
            if vs is not None:
                vspans.append((vs, vs + len(v.surface)))
        _covered(toks, starts, vspans, viol_marks, "V")
        victim_marks = [""] * n
        _covered(toks, starts, victims_by_sent.get(si, []), victim_marks, "VG")
        rule_agent = [""] * n
        _covered(toks, starts, [(a[0], a[1]) for a in agents.get(si, [])], rule_agent, "RA")
        rule_speaker = [""] * n
        sp = speaker_spans.get(si)
        if sp is not None:
            _covered(toks, starts, [sp], rule_speaker, "RS")
        verb_at = [False] * n
        for s, _e in verbs_by_sent.get(si, []):
            # the token the verb starts in (or the one just before it)
            verb_at[max(0, bisect_right(starts, s) - 1)] = True
        words = []
        for t in toks:
            w = t.text.lower()
            words.append(normalize_arabic(w) if has_arabic(w) else w)
        titles = ["1" if t.text[:1].isupper() else "0" for t in toks]
        feats: list[dict[str, Any]] = []
        for i, t in enumerate(toks):
            w = words[i]
            f: dict[str, Any] = {
                "bias": 1.0, "w": w, "shape": _shape(t.text), "p2": w[:2], "p3": w[:3],
                "s2": w[-2:], "s3": w[-3:],
                "pos": str(min(i, 6)), "last": "1" if i == n - 1 else "0",
                "act": actor_marks[i] or "O", "kind": kinds[i] or "-",
                "viol": viol_marks[i] or "O", "victim": victim_marks[i] or "O",
                "rule_agent": rule_agent[i] or "O", "rule_speaker": rule_speaker[i] or "O",
                "sent_viol": "1" if viols else "0", "verb": "1" if verb_at[i] else "0",
            }
            if titles[i] == "1":
                f["title"] = 1.0
            if t.text.isupper() and len(t.text) > 1:
                f["upper"] = 1.0
            if has_arabic(w):
                variants = _clitic_variants(w)
                f["stem"] = variants[-1][1]
            # a reporting verb or "according to" near the token, on each side
            f["verb_l"] = "1" if any(verb_at[max(0, i - 4):i]) else "0"
            f["verb_r"] = "1" if any(verb_at[i + 1:i + 5]) else "0"
            for d, wk, ak, tk in _WINDOW:
                j = i + d
                if 0 <= j < n:
                    f[wk] = words[j]
                    f[ak] = actor_marks[j] or "O"
                    f[tk] = titles[j]
                else:
                    f[wk] = "<s>" if j < 0 else "</s>"
            f["w-1|w"] = f"{f['w-1']}|{w}"
            f["w|w+1"] = f"{w}|{f['w+1']}"
            feats.append(f)
        out.append((si, toks, feats))
    return out


def spans_from_marginals(tagger: Any, toks: list[Token], si: int, threshold: float
                         ) -> list[ProposedSpan]:
    """Spans whose tokens each have P(B-X) + P(I-X) >= threshold (a tokenwise reading of the
    marginals, so a threshold under 0.5 can add spans the best path leaves out); a span's
    probability is the mean over its tokens. ``tagger.set`` must have been called."""
    labels = set(tagger.labels())
    out: list[ProposedSpan] = []
    for lab in LABELS:
        b, i_ = f"B-{lab}", f"I-{lab}"
        if b not in labels:
            continue
        has_i = i_ in labels
        cur: list[float] = []
        start = 0
        for k in range(len(toks) + 1):
            pb = tagger.marginal(b, k) if k < len(toks) else 0.0
            pi = tagger.marginal(i_, k) if k < len(toks) and has_i else 0.0
            q = pb + pi
            inside = q >= threshold
            new = inside and cur and pb > pi
            if cur and (not inside or new):
                out.append(ProposedSpan(lab, toks[start].start, toks[k - 1].end,
                                        sum(cur) / len(cur), si))
                cur = []
            if inside:
                if not cur:
                    start = k
                cur.append(q)
    return out


@dataclass
class Proposer:
    """The shipped CRF and its threshold; ``apply`` adds its spans to a rules' run."""

    model_file: Path
    threshold: float
    version_tag: str
    _tagger: Any = None
    # a tagger holds the sequence it was last given: one thread at a time (the proposer is
    # shared, load_proposer caches it)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def propose(self, run: _Run) -> list[ProposedSpan]:
        seqs = run_sequences(run, open_sentences(run))
        out: list[ProposedSpan] = []
        with self._lock:
            if self._tagger is None:
                import pycrfsuite

                # opened once, not per report: the model is read-only
                self._tagger = pycrfsuite.Tagger()
                self._tagger.open(str(self.model_file))
            tagger = self._tagger
            for si, toks, feats in seqs:
                tagger.set(feats)
                out += [s for s in spans_from_marginals(tagger, toks, si, self.threshold)
                        if _content(run.norm[s.start:s.end])]
        return out

    def apply(self, run: _Run) -> None:
        add_spans(run, self.propose(run))


def open_sentences(run: _Run) -> set[int]:
    """The sentences where ``add_spans`` may add something: a violation and a claim but no agent
    the rules named, or no speaker the rules found. (Each sentence is its own CRF sequence, so
    leaving the others untagged changes nothing but the time: about half the tagging.)"""
    return {s.index for s in run.sentences if s.index not in run.speaker_spans or (
        s.index in run.viol_by_sent and s.index in run.claim_of_sent and
        not run.sent_agents.get(s.index))}


def _content(text: str) -> bool:
    words = [w.lower() for w in _TOKEN.findall(text) if w[:1].isalnum()]
    return any(len(w) >= 2 and normalize_arabic(w) not in _FUNCTION_WORDS for w in words)


# "the organization", "the report", "its fighters": an anaphor for someone the text named
# before; the rules resolve those, a proposal would only add a second, vaguer name
_ANAPHOR = re.compile(r"(?:the|this|that|these|those|its|their|his|her)\s+[a-z][a-z'-]*", re.I)


def _plausible(run: _Run, sp: ProposedSpan) -> bool:
    text = run.norm[sp.start:sp.end]
    if _ANAPHOR.fullmatch(text) and not text.split()[-1][:1].isupper():
        return False
    # a speaker span holding a reporting verb is the clause, not the name ("she said, adding")
    return not (sp.label == "SPEAKER" and any(
        sp.start <= s < sp.end for s, _e, _en in (*run.verb_hits, *run.according_hits)))


def _loose(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb and (ka in kb or kb in ka))


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def add_spans(run: _Run, spans: list[ProposedSpan]) -> None:
    """Turn proposed spans into perpetrators and quoted sources where the rules allow it."""
    r, p, lex = run.r, run.p, run.lex
    claims = r.claims  # the same list the run's claim_of_sent indexes
    claim_of_sent = run.claim_of_sent
    perps = {pp.canonical: pp for pp in r.perpetrators}
    perp_spans = [(s[0], s[1]) for pp in r.perpetrators for s in pp.spans]
    source_spans = [(q.span[0], q.span[1]) for q in r.quoted_sources if q.span[1] > q.span[0]]
    event_of_claim = {ev.claim: ev for ev in r.events}
    author_rule = "attribution:" + run.author_rule
    for sp in sorted(spans, key=lambda x: (x.start, x.label)):
        if not _plausible(run, sp):
            continue
        orig = p.span(sp.start, sp.end)
        surface = p.surface(sp.start, sp.end).strip()
        rule = f"model:crf:{sp.label} p={sp.probability:.2f}"
        if sp.label == "AGENT":
            # only where the rules see a violation and a claim to hang it on, and named no agent
            # themselves (beside a rules' agent, out-of-fold proposals were mostly victims,
            # speakers or a second name for the same actor)
            if sp.sentence not in run.viol_by_sent or sp.sentence not in claim_of_sent or \
                    run.sent_agents.get(sp.sentence) or \
                    _overlaps(orig, perp_spans) or _overlaps(orig, source_spans):
                continue
            if any(_loose(surface, pp.canonical) or any(_loose(surface, a) for a in pp.aliases)
                   for pp in perps.values()):
                continue
            claim = claims[claim_of_sent[sp.sentence]]
            ev = event_of_claim.get(claim_of_sent[sp.sentence])
            when = ev.date if ev is not None else None
            # canonical through the registry when a registry name lies inside the span
            known = [entry.label for s, e, entry in run.actors if sp.start <= s and e <= sp.end]
            if known:
                label = lex.era_name(known[0], when)
                kind = lex.actor_kinds.get(known[0], "armed_group")
            else:
                label, kind = surface, "unknown"
            pp = perps.get(label)
            if pp is None:
                pp = Perpetrator(label, [], [], claim.hedged, kind, [], lex.groups_of(label, when))
                perps[label] = pp
                r.perpetrators.append(pp)
            if surface not in pp.aliases:
                pp.aliases.append(surface)
            if claim.attributed_to not in pp.attributed_to:
                pp.attributed_to.append(claim.attributed_to)
            pp.spans.append(orig)
            perp_spans.append(orig)
            r.actor_mentions.append(ActorMention(label, surface, orig, kind, sp.sentence, rule))
            if ev is not None and label not in ev.perpetrators:
                ev.perpetrators.append(label)
        else:
            # only in a sentence where the rules found no speaker (one source per sentence is
            # the usual case; beside a found one, proposals were mostly its addressee or subject)
            if sp.sentence in run.speaker_spans or \
                    _overlaps(orig, source_spans) or _overlaps(orig, perp_spans) or \
                    _loose(surface, run.author) or \
                    any(_loose(surface, q.name) for q in r.quoted_sources):
                continue
            src = run._make_source(surface, "", (sp.start, sp.end), rule)
            r.quoted_sources.append(src)
            source_spans.append(orig)
            for c in claims:
                # the speaker of a claim only where the rules fell back to the author
                if c.sentence == sp.sentence and c.attribution_rule == author_rule and \
                        c.attributed_to == run.author:
                    c.attributed_to = surface
                    c.attribution_rule = rule
                    _reattribute(r, sp.sentence, run.author, surface)


def _reattribute(r: Extraction, sentence: int, old: str, new: str) -> None:
    """What the rules credited to the document's author in ``sentence`` follows its claim to the
    proposed speaker: the sentence's figures, and its perpetrators (the author stays credited
    for a perpetrator also named in another sentence)."""
    for fig in (*r.casualty_figures, *r.other_figures):
        if fig.sentence == sentence and fig.attributed_to == old:
            fig.attributed_to = new
    here = {m.canonical for m in r.actor_mentions if m.sentence == sentence}
    for pp in r.perpetrators:
        if pp.canonical not in here or old not in pp.attributed_to:
            continue
        if not any(m.canonical == pp.canonical and m.sentence != sentence
                   for m in r.actor_mentions):
            pp.attributed_to.remove(old)
        if new not in pp.attributed_to:
            pp.attributed_to.append(new)


@lru_cache(maxsize=2)
def load_proposer(model_file: Path = MODEL_FILE) -> Proposer:
    """The CRF proposer from ``model_file`` and the threshold in the yaml beside it."""
    try:
        import pycrfsuite  # here, so that a missing package gives an error naming the fix
    except ImportError as exc:
        raise ConfigError("extract_proposer is on but python-crfsuite is not installed "
                          "(pip install python-crfsuite)") from exc
    if not model_file.is_file():
        raise ConfigError(f"extract_proposer is on but the model file {model_file} is missing; "
                          f"rebuild it with bench/train_proposer.py")
    meta_file = model_file.with_suffix(".yaml")
    threshold = 0.5
    if meta_file.is_file():
        meta = yaml.safe_load(meta_file.read_text("utf-8")) or {}
        threshold = float(meta.get("threshold", threshold))
    # opened here, once, so that a damaged file fails when the setting is read, with its name,
    # not halfway through an extraction run with crfsuite's own message
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model_file))
    except (ValueError, OSError) as exc:
        raise ConfigError(f"extract_proposer is on but the model file {model_file} is not a "
                          f"CRF model ({exc}); rebuild it with bench/train_proposer.py") from exc
    digest = hashlib.sha256(model_file.read_bytes()).hexdigest()[:8]
    # the threshold is part of the tag: changing it changes what is added, so stored
    # extractions must be recomputed
    return Proposer(model_file, threshold, f"crf.{digest}.t{threshold:g}", tagger)
