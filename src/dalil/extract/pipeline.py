"""The extraction pipeline: one pass of numbered steps over a prepared text.

1 prepare (normalise, keep offsets) -> 2 sentences -> 3 lexicon matches over the whole text
(violations, actors, victim groups, dates, numbers, places) -> 4 per sentence: attribution,
hedging, figures, roles -> 5 document view (places, dates, perpetrators ...) -> 6 events.
Deterministic: no randomness, no model, no network; every item records the rule that fired.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from pathlib import Path

from dalil.errors import InputError, TooLargeError
from dalil.extract import attribution as attr
from dalil.extract.dates import find_dates
from dalil.extract.figures import SUBSET_BEFORE, classify
from dalil.extract.lexicon import Entry, Lexicons, load_lexicons
from dalil.extract.model import (
    ActorMention,
    Claim,
    DateMention,
    Event,
    Extraction,
    Figure,
    Perpetrator,
    Place,
    PlaceMention,
    QuotedSource,
    VictimGroup,
    Violation,
)
from dalil.extract.numbers import find_numbers
from dalil.extract.places import (
    _BASE,
    _DESTINATION,
    _ORIGIN,
    find_place_mentions,
    latin_name,
    resolve,
)
from dalil.extract.text import Prepared, prepare, split_sentences
from dalil.gazetteer import Gazetteer, load_gazetteer
from dalil.gazetteer.names import name_key

EXTRACTOR_VERSION = "0.1.0"
MAX_CHARS = 5_000_000

_NEGATION = re.compile(r"(?:\b(?:no|not|never|denied|deny|denies|without|nobody|none)\b"
                       r"|(?:^|\s)(?:لم|لا|نفى|نفت|دون|بدون|ينفي|تنفي))[^.,;]{0,18}$", re.I)
_STATEMENT_DATE = re.compile(
    r"\b(?:said|told|reported|announced|stated|published|released|issued|wrote|posted|added|"
    r"statement|report|updated|briefing)\b[^.]{0,12}$|"
    r"(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|نشر|نشرت|بيان|تقرير|صرح)[^.]{0,12}$", re.I)
_PUBLICATION = re.compile(r"(?:published|posted|updated|date|نشر|تاريخ النشر|بتاريخ)\s*:?\s*$",
                          re.I)
_AGENT_BEFORE = re.compile(r"(?:\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|\bat the hands of\s+"
                           r"(?:the\s+)?|(?:على يد|علي يد|من قبل|بايدي|بيد|نفذها|ارتكبها)\s+)$",
                           re.I)
_PATIENT_BEFORE = re.compile(r"(?:\b(?:against|targeting|targeted|ambushed|attacked|killed|"
                             r"killing|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}|(?:ضد|استهداف|استهدفت|"
                             r"استهدف|مقتل|قتل)\s+(?:\S+\s+)?)$", re.I)
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+ly\s+)?$", re.I)
_UNKNOWN_ACTOR = re.compile(
    r"\b(?P<head>gunmen|fighters|militias|militiamen|members|groups?|factions?|forces|men|"
    r"units?)\s+(?P<link>linked|affiliated|loyal|belonging|allied|tied|close|aligned|"
    r"answering)\s+(?:to|with)\s+(?P<x>(?:the\s+)?(?:[A-Z][\w'-]*|al-[\w'-]+|of)(?:\s+(?:[A-Z][\w'-]*"
    r"|al-[\w'-]+|of|the)){0,5})"
    r"|\b(?P<head2>gunmen|fighters|militiamen|militants)\s+from\s+(?P<y>(?:the\s+)?[A-Z][\w'-]*"
    r"(?:\s+(?:[A-Z][\w'-]*|al-[\w'-]+)){0,3})"
    r"|(?P<arhead>مسلحين|مسلحون|عناصر|مقاتلين|مقاتلون|ميليشيات|مليشيات|مجموعات)\s+"
    r"(?P<arlink>تابع\S*|موالي\S*|مرتبط\S*|تتبع|يتبعون|مقرب\S*)\s+(?:ل|لـ)?\s*"
    r"(?P<arx>\S+(?:\s+\S+){0,2}?)(?=[\s،,.]|$)")


def detect_language(text: str) -> str:
    ar = len(re.findall("[\u0600-\u06ff]", text[:200_000]))
    la = len(re.findall("[A-Za-z]", text[:200_000]))
    if ar == 0 and la == 0:
        return "und"
    if ar and la and min(ar, la) / (ar + la) > 0.2:
        return "mixed"
    return "ar" if ar > la else "en"


def extract_document(text: str | bytes, published: date | str | None = None, lang: str = "auto",
                     *, gazetteer: Gazetteer | None = None, lexicons: Lexicons | None = None,
                     gazetteer_dir: Path | None = None, max_chars: int = MAX_CHARS) -> Extraction:
    """Extract claims, events and their parts from one text. Never guesses silently.

    ``published`` anchors missing years and relative dates. ``lang`` is auto, en or ar (the
    lexicons of both languages always run, so mixed documents work; ``lang`` is recorded).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("text is not UTF-8; convert it first (ingest does this)") from exc
    if lang not in ("auto", "en", "ar"):
        raise InputError(f"unknown language {lang!r}: use auto, en or ar")
    if len(text) > max_chars:
        raise TooLargeError(f"text has {len(text):,} characters, more than the extractor's limit "
                            f"of {max_chars:,}; split it into parts", size=len(text))
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError as exc:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD") from exc
    language = detect_language(text) if lang == "auto" else lang
    result = Extraction(extractor_version=EXTRACTOR_VERSION, language=language)
    if not text.strip():
        result.warnings.append("empty text")
        return result
    sample = text[:100_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    if bad > 0.1 * len(sample):
        result.warnings.append("text looks like binary data; nothing extracted")
        return result
    lex = lexicons or load_lexicons()
    gaz = gazetteer or load_gazetteer(gazetteer_dir)
    return _Run(prepare(text), published, lex, gaz, result).run()


class _Run:
    def __init__(self, prep: Prepared, published: date | None, lex: Lexicons, gaz: Gazetteer,
                 result: Extraction) -> None:
        self.p = prep
        self.norm = prep.norm
        self.published = published
        self.lex = lex
        self.gaz = gaz
        self.r = result
        self._raw_sources: list[tuple[str, str, tuple[int, int], str]] = []
        self._role_cache: dict[tuple[str, str, str], tuple[str, bool]] = {}

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def run(self) -> Extraction:
        norm, p, r = self.norm, self.p, self.r
        sentences = split_sentences(norm)
        if not sentences:
            r.warnings.append("no sentences found")
            return r
        self.starts = [s.start for s in sentences]
        published = self.published
        author, author_rule = attr.document_author(norm)

        # 3. whole-text matches
        viol_by_sent: dict[int, list[Violation]] = {}
        for lx in self.lex.violations.values():
            for s, e, entry in lx.finditer(norm):
                vtype = entry.label
                if _NEGATION.search(norm[max(0, s - 40):s]):
                    continue
                si = self.sent_of(s)
                v = Violation(vtype, p.surface(s, e), p.span(s, e),
                              f"violations.yaml:{vtype}:{entry.pattern}", si)
                viol_by_sent.setdefault(si, []).append(v)
        actors = [(s, e, en) for s, e, en in self.lex.actors.finditer(norm)]
        victims = [(s, e, en) for s, e, en in self.lex.victim_groups.finditer(norm)
                   if not any(a < e and s < b for a, b, _ in actors)]
        dates = find_dates(norm, published)
        if published is None:
            # A dateline or "Published:" date anchors relative dates when none was given.
            for d in dates:
                if d.full and (d.start < 80 or _PUBLICATION.search(norm[max(0, d.start - 25):
                                                                        d.start])):
                    published = d.full
                    dates = find_dates(norm, published)
                    break
        blocked = [(s, e) for s, e, _ in actors] + [(d.start, d.end) for d in dates]
        place_raw = find_place_mentions(norm, self.gaz, blocked, self.lex.reserved_words)
        resolved = resolve(place_raw)
        numbers = [n for n in find_numbers(norm)
                   if not any(d.start <= n.start < d.end for d in dates)]

        # 4. per sentence
        last_speaker = ""
        hedge_by_sent: dict[int, list[str]] = {}
        for s, e, _ in self.lex.hedge.finditer(norm):
            hedge_by_sent.setdefault(self.sent_of(s), []).append(norm[s:e])
        disclaimer_sents = {self.sent_of(s) for s, _, _ in self.lex.disclaimer.finditer(norm)}
        acc_by_sent: dict[int, list[tuple[int, int, Entry]]] = {}
        for s, e, en in self.lex.according_to.finditer(norm):
            si = self.sent_of(s)
            acc_by_sent.setdefault(si, []).append((s - sentences[si].start,
                                                   e - sentences[si].start, en))
        verbs_by_sent: dict[int, list[tuple[int, int, Entry]]] = {}
        for s, e, en in self.lex.attribution_verbs.finditer(norm):
            si = self.sent_of(s)
            verbs_by_sent.setdefault(si, []).append((s - sentences[si].start,
                                                     e - sentences[si].start, en))
        claims: list[Claim] = []
        claim_of_sent: dict[int, int] = {}
        figs_by_sent: dict[int, list[Figure]] = {}
        for sent in sentences:
            si = sent.index
            stext = sent.text
            dash = attr.dash_source(stext)
            if dash and claims:
                claims[-1].attributed_to = dash
                claims[-1].attribution_rule = "attribution:dash_source"
                self._raw_sources.append((dash, "", (sent.start, sent.end),
                                          "attribution:dash_source"))
                continue
            a = attr.attribute_sentence(norm, sent.start, sent.end, self.lex, last_speaker,
                                        acc_by_sent.get(si, []), verbs_by_sent.get(si, []))
            cues = list(hedge_by_sent.get(si, []))
            if a is not None:
                speaker, rule = a.speaker, a.rule
                if rule.split(":")[-1].lower() in self.lex.doubting_verbs:
                    cues.append(rule.split(":")[-1])
                if not re.match(r"^(?:he|she|they|it|we|i)$", speaker, re.I):
                    last_speaker = speaker
                    self._raw_sources.append((speaker, a.description, a.speaker_span, rule))
                c_start, c_end, quoted = a.text_start, a.text_end, a.quoted
            else:
                speaker, rule = author, "attribution:" + author_rule
                c_start, c_end, quoted = sent.start, sent.end, False
            words = len(stext.split())
            is_claim = words >= 4 and not stext.rstrip().endswith(("?", "\u061f"))
            if not is_claim:
                continue
            claim = Claim(p.surface(c_start, c_end), p.span(c_start, c_end), speaker, bool(cues),
                          cues, quoted, rule, si)
            claim_of_sent[si] = len(claims)
            claims.append(claim)
        # disclaimers cover the figures / the statement they follow
        for si in claim_of_sent:
            sn = sentences[si]
            if si not in disclaimer_sents:
                continue
            figure_words = re.search(r"figure|toll|number|casualt|death|حصيل|عدد|ارقام|الأرقام",
                                     sn.text, re.I)
            for prev in range(si - 1, max(-1, si - 6), -1):
                if prev not in claim_of_sent or sentences[prev].paragraph < sn.paragraph - 1:
                    continue
                pc = claims[claim_of_sent[prev]]
                if figure_words is None or any(n for n in numbers if
                                               sentences[prev].start <= n.start < sentences[prev].end):
                    if not pc.hedged:
                        pc.hedged = True
                        pc.hedge_cues.append("disclaimer: " + p.surface(sn.start, sn.end)[:80])
                    if figure_words is None:
                        break
        r.claims = claims

        # figures
        for n in numbers:
            si = self.sent_of(n.start)
            sn = sentences[si]
            group, what, rule = classify(norm, n.start, n.end, sn.start, sn.end)
            if not group:
                continue
            if isinstance(n.value, int) and 1900 <= n.value <= 2100 and group == "casualty" and \
                    "," not in norm[n.start:n.end] and rule.endswith("verb_before"):
                continue  # a year after a verb ("killed in 2013" is caught as a date)
            cidx = claim_of_sent.get(si)
            claim_obj = claims[cidx] if cidx is not None else None
            fig = Figure(n.value, n.qualifier, what,
                         claim_obj.attributed_to if claim_obj else author,
                         claim_obj.hedged if claim_obj else False, p.span(n.start, n.end),
                         p.surface(n.start, n.end),
                         f"{n.rule};{rule}" + (";subset" if SUBSET_BEFORE.search(
                             norm[max(0, n.start - 20):n.start]) else ""), si)
            if group == "casualty":
                r.casualty_figures.append(fig)
                figs_by_sent.setdefault(si, []).append(fig)
            else:
                r.other_figures.append(fig)

        event_sents = {si for si in viol_by_sent if si in claim_of_sent} | {
            si for si in figs_by_sent if si in claim_of_sent}

        # dates with roles
        for d in dates:
            si = self.sent_of(d.start)
            role = "event"
            before = norm[max(0, d.start - 30):d.start]
            if d.start < 80 and si == 0 and (re.search(r"[(—–-]|\b[A-Z]{3,}\b", norm[:d.start]) or
                                             d.start < 3):
                role = "dateline"
            elif _PUBLICATION.search(before):
                role = "publication"
            elif _STATEMENT_DATE.search(before):
                role = "statement"
            dm = DateMention(d.date, p.surface(d.start, d.end), p.span(d.start, d.end), role,
                             d.rule, si)
            r.all_dates.append(dm)
        seen_dates: set[str] = set()
        for dm in r.all_dates:
            if dm.role == "event" and dm.sentence in event_sents:
                key = dm.date or dm.surface
                if key not in seen_dates:
                    seen_dates.add(key)
                    r.dates.append(dm)

        # places with roles
        places_by_id: dict[str, Place] = {}
        scene_by_sent: dict[int, list[str]] = {}
        for raw, (gp, why) in zip(place_raw, resolved, strict=True):
            si = self.sent_of(raw.start)
            sn = sentences[si]
            before = norm[max(sn.start, raw.start - 70):raw.start]
            surface = p.surface(raw.start, raw.end)
            if si == 0 and raw.start < 60 and (surface.isupper() or re.match(
                    r"\s*(?:,\s*[A-Za-z ]{2,20})?\s*(?:\(|—|–|-|:|\d|,\s*\w+\s+\d)",
                    norm[raw.end:raw.end + 40])) and raw.start == sn.start:
                role = "dateline"
            elif _ORIGIN.search(before):
                role = "origin"
            elif _DESTINATION.search(before):
                role = "destination"
            elif _BASE.search(before) or re.match(r"-based\b", norm[raw.end:raw.end + 7]):
                role = "base"
            elif si in event_sents:
                role = "scene"
            else:
                role = "mentioned"
            canonical = latin_name(gp)
            r.place_mentions.append(PlaceMention(
                surface, p.span(raw.start, raw.end), role, gp.id, canonical, gp.lat, gp.lon,
                gp.admin1, gp.admin2, gp.country, gp.kind, len(raw.candidates),
                f"{why}; cue: {raw.cue}", si))
            if role != "scene":
                continue
            scene_by_sent.setdefault(si, []).append(canonical)
            if gp.id in places_by_id:
                pl = places_by_id[gp.id]
                if surface not in pl.surface_forms:
                    pl.surface_forms.append(surface)
                pl.spans.append(p.span(raw.start, raw.end))
            else:
                places_by_id[gp.id] = Place(canonical, [surface], gp.lat, gp.lon, gp.admin1,
                                            gp.country, gp.id, gp.kind, why,
                                            [p.span(raw.start, raw.end)])
        r.places = list(places_by_id.values())

        # violations
        for si in sorted(viol_by_sent):
            if si not in claim_of_sent:
                continue
            for v in viol_by_sent[si]:
                r.violation_mentions.append(v)
                if v.type not in r.violations:
                    r.violations.append(v.type)

        # actors: perpetrators and victim groups
        perps: dict[str, Perpetrator] = {}
        perp_by_sent: dict[int, list[str]] = {}
        sent_agents: dict[int, list[tuple[int, int, str, str, str]]] = {}
        for s, e, entry in actors:
            si = self.sent_of(s)
            kind = self.lex.actor_kinds.get(entry.label, "armed_group")
            r.actor_mentions.append(ActorMention(entry.label, p.surface(s, e), p.span(s, e), kind,
                                                 si, f"actors.yaml:{entry.pattern}"))
            if si not in event_sents or si not in viol_by_sent:
                continue
            if self._is_agent(s, e, sentences[si], viol_by_sent[si]):
                sent_agents.setdefault(si, []).append((s, e, entry.label, kind, p.surface(s, e)))
        for m in _UNKNOWN_ACTOR.finditer(norm):
            si = self.sent_of(m.start())
            if si not in event_sents or si not in viol_by_sent:
                continue
            head = m.group("head") or m.group("head2") or m.group("arhead")
            link = m.group("link") or ("from" if m.group("head2") else m.group("arlink"))
            target = (m.group("x") or m.group("y") or m.group("arx") or "").strip()
            if not target:
                continue
            label = f"{head.lower()} {link} {'to ' if m.group('link') else ''}{target}".strip()
            if m.group("link") and m.group("link").lower() in ("affiliated", "aligned"):
                label = label.replace(" to ", " with ")
            if not self._is_agent(m.start(), m.end(), sentences[si], viol_by_sent[si]):
                continue
            sent_agents.setdefault(si, []).append((m.start(), m.end(), label, "unknown",
                                                   p.surface(m.start(), m.end())))
        for si, agents in sent_agents.items():
            specific = [a for a in agents if a[3] != "generic"]
            # "gunmen linked to X" covers the bare "X" and "gunmen" inside it
            chosen = specific or agents
            outer = [a for a in chosen if a[3] == "unknown"]
            chosen = [a for a in chosen if a[3] == "unknown" or not any(
                o[0] <= a[0] and a[1] <= o[1] for o in outer)]
            claim_obj = claims[claim_of_sent[si]]
            for s, e, label, kind, surface in chosen:
                pp = perps.setdefault(label, Perpetrator(label, [], [], False, kind, []))
                if surface not in pp.aliases:
                    pp.aliases.append(surface)
                if claim_obj.attributed_to not in pp.attributed_to:
                    pp.attributed_to.append(claim_obj.attributed_to)
                pp.hedged = pp.hedged or claim_obj.hedged
                pp.spans.append(p.span(s, e))
                perp_by_sent.setdefault(si, []).append(label)
        # hedged only if every claim naming the actor is hedged
        for label, pp in perps.items():
            sis = [si for si, labels in perp_by_sent.items() if label in labels]
            pp.hedged = all(claims[claim_of_sent[si]].hedged for si in sis)
        r.perpetrators = list(perps.values())
        groups: dict[str, VictimGroup] = {}
        vg_by_sent: dict[int, list[str]] = {}
        for s, e, entry in victims:
            si = self.sent_of(s)
            if si not in event_sents:
                continue
            if any(s >= a[0] and e <= a[1] for a in sent_agents.get(si, [])):
                continue
            g = groups.setdefault(entry.label, VictimGroup(entry.label, [], []))
            surface = p.surface(s, e)
            if surface not in g.surface_forms:
                g.surface_forms.append(surface)
            g.spans.append(p.span(s, e))
            vg_by_sent.setdefault(si, []).append(entry.label)
        r.victim_groups = list(groups.values())

        # 6. events
        last_date: tuple[int, str | None] = (-1, None)
        last_place: tuple[int, str | None] = (-1, None)
        date_by_sent: dict[int, str | None] = {}
        for dm in r.all_dates:
            if dm.role == "event" and dm.sentence not in date_by_sent:
                date_by_sent[dm.sentence] = dm.date
        for si in sorted(event_sents):
            para = sentences[si].paragraph
            ci = claim_of_sent[si]
            ev_date: str | None = date_by_sent.get(si)
            d_inh = False
            if si in date_by_sent:
                last_date = (para, ev_date)
            elif last_date[0] == para:
                ev_date, d_inh = last_date[1], True
            pl_list = scene_by_sent.get(si, [])
            ev_place: str | None = pl_list[0] if pl_list else None
            p_inh = False
            if ev_place:
                last_place = (para, ev_place)
            elif last_place[0] >= para - 1 and last_place[1]:
                ev_place, p_inh = last_place[1], True
            figs = [i for i, f in enumerate(r.casualty_figures) if f.sentence == si]
            r.events.append(Event(
                ci, sorted({v.type for v in viol_by_sent.get(si, [])}), ev_date, ev_place,
                sorted(set(perp_by_sent.get(si, []))), sorted(set(vg_by_sent.get(si, []))), figs,
                d_inh, p_inh))
        r.quoted_sources = self._sources()
        return r

    def _is_agent(self, s: int, e: int, sent: object, viols: list[Violation]) -> bool:
        norm = self.norm
        from dalil.extract.text import Sentence

        assert isinstance(sent, Sentence)
        before = norm[max(sent.start, s - 40):s]
        if _AGENT_BEFORE.search(before):
            return True
        if _PATIENT_BEFORE.search(before):
            return False
        arabic = bool(re.search("[\u0600-\u06ff]", norm[s:e]))
        for v in viols:
            vs = self._norm_pos(v.span[0])
            if arabic:
                if abs(vs - s) < 60:
                    return True
                continue
            if vs > e:
                between = norm[e:vs]
                if _PASSIVE.search(between) or len(between) > 120:
                    continue
                if re.search(r"\b(?:said|told|reported|according)\b", between, re.I):
                    continue
                return True
        return False

    def _norm_pos(self, orig_pos: int) -> int:
        # spans are stored in original offsets; for comparisons we need normalised ones
        if not self.p._cuts:
            return orig_pos
        lo, hi = 0, len(self.norm)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.p.orig(mid) < orig_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _sources(self) -> list[QuotedSource]:
        """One quoted source per name; role and pseudonymity from its first telling mention.

        Grouping first means the role lexicons run once per source, not once per mention."""
        groups: dict[str, list[tuple[str, str, tuple[int, int], str]]] = {}
        for raw in self._raw_sources:
            key = name_key(re.sub(r"^(?:the|a|an)\s+", "", raw[0], flags=re.I))
            if not key or re.fullmatch(r"he|she|they|it|we|i|هو|هي", key):
                continue
            groups.setdefault(key, []).append(raw)
        out = []
        for members in groups.values():
            first = self._make_source(*members[0])
            for other in members[1:]:
                if first.role != "other" and first.pseudonymous:
                    break
                more = self._make_source(*other)
                if first.role == "other":
                    first.role = more.role
                first.pseudonymous = first.pseudonymous or more.pseudonymous
            out.append(first)
        return out

    def _make_source(self, name: str, desc: str, span: tuple[int, int], rule: str
                     ) -> QuotedSource:
        context = f"{name} {desc}"
        around = self.norm[span[0]:min(len(self.norm), span[1] + 120)]
        key = (name, desc, around)
        cached = self._role_cache.get(key)
        if cached is None:
            cached = self._role_and_pseudonymity(name, desc, context, around)
            self._role_cache[key] = cached
        role, pseudo = cached
        orig_span = self.p.span(*span) if span[1] > span[0] else (0, 0)
        return QuotedSource(name, role, pseudo, orig_span, rule)

    def _role_and_pseudonymity(self, name: str, desc: str, context: str, around: str
                               ) -> tuple[str, bool]:
        role = "other"
        both = f"{name} | {desc}" if desc else name
        for rname, lx in self.lex.source_roles.items():
            if lx.search(both):
                role = rname
                break
        if role == "other" and self.lex.source_roles["witness"].search(around):
            role = "witness"
        named_anonymous = bool(re.search(r"\bsources?\b|مصدر|مصادر|anonymous|unnamed", context,
                                         re.I))
        if role in ("official", "NGO", "media") and not name.startswith("@") and \
                not named_anonymous:
            return role, False  # institutions speak under their own name
        pseudo = bool(self.lex.pseudonymous.search(name)
                      or self.lex.pseudonymous.search(f"{context} | {around[:200]}"))
        return role, pseudo
