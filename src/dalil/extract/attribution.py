"""Who asserts each sentence, whether it is quoted, and whether it is hedged."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dalil.extract.lexicon import Entry, Lexicons

_QUOTE = re.compile(r"[\"“«„]([^\"“”«»„]{8,})[\"”»]")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|the (?:man|woman|spokes\w+|official|witness|"
                      r"resident|source|group|monitor|ministry|agency|observatory|organi[sz]ation)"
                      r")$", re.I)
_AR_PRONOUN_VERB = re.compile(r"^\s*(?:و|ف)?(?:قال|قالت|اضاف|اضافت|تابع|تابعت|اكد|اكدت|"
                              r"اوضح|اوضحت|روى|روت)\s*(?::|،|,|ان|إن|ان)")
_NP_STOP = re.compile(r"\s(?:that|who|which|whose|on|in a|in an|in its|in his|in her|"
                      r"after|when|as)\s|[,;:(\"“«]", re.I)
_AR_NP_STOP = re.compile(r"\s(?:ان|إن|أن|في|عن|خلال|الى|إلى|لـ|ل(?=\S)|بان|بأن)\s|[،,:;(\"“«]|"
                         r"\s(?:ان|إن|أن|بان|بأن)$")
_BYLINE = re.compile(
    r"^\s*(?:by|بقلم|الكاتب|كتب)\s*:?\s+(?P<name>[^\n,|]{3,60}?)\s*(?:,|\||\n|$)"
    r"|^\s*(?:testimony|statement|account|interview)\s+(?:of|by|from|with)\s+(?P<t>[^\n]{2,80}?)\s*$"
    r"|^\s*(?:witness|source|author|posted by|channel|account|from|الشاهد|الشاهدة|المصدر|القناة|"
    r"شهادة|الحساب|الناشر)\s*:?\s*(?P<h>[^\n]{2,80}?)\s*$"
    r"|^\s*(?P<handle>@\w{2,40})\b",
    re.I | re.M)
_DASH_SOURCE = re.compile(r"^\s*[—–]\s*(?P<name>[^\n]{2,60}?)\s*$")
_APPOSITIVE_START = re.compile(r"^\s*(?:a|an|the|who|aged|\d|one of|أحد|احد|وهو|وهي)\b", re.I)


@dataclass
class Attribution:
    speaker: str
    description: str
    quoted: bool
    text_start: int
    text_end: int
    rule: str
    speaker_span: tuple[int, int]


def document_author(norm: str) -> tuple[str, str]:
    """The author named in the header (byline, testimony header, channel handle), or "author"."""
    head = norm[:400]
    m = _BYLINE.search(head)
    if m:
        name = next(g for g in (m.group("name"), m.group("t"), m.group("h"), m.group("handle"))
                    if g)
        return name.strip(), "header"
    return "author", "default_author"


def _clean_np(np: str) -> tuple[str, str]:
    """Split "Rami H., a 34-year-old farmer" into (name, description)."""
    np = np.strip(" ,.;:-—–\"“”«»")
    np = re.sub(r"^(?:and|but|while|as|و)\s+", "", np, flags=re.I)
    parts = [p.strip() for p in re.split(r"\s*[,،]\s*", np) if p.strip()]
    if not parts:
        return "", ""
    name = parts[0]
    desc = ", ".join(parts[1:])
    return name, desc


Match = tuple[int, int, Entry]


def attribute_sentence(norm: str, s_start: int, s_end: int, lex: Lexicons, last_speaker: str,
                       according: list[Match] | None = None, verbs: list[Match] | None = None
                       ) -> Attribution | None:
    """``according``/``verbs``: matches of those lexicons in the sentence (sentence offsets),
    when the caller has already run them over the whole document."""
    sent = norm[s_start:s_end]
    if according is None:
        according = lex.according_to.finditer(sent)
    if verbs is None:
        verbs = lex.attribution_verbs.finditer(sent)
    quoted = None
    for q in _QUOTE.finditer(sent):
        if (q.end() - q.start()) >= 0.3 * len(sent.strip()) or q.start() == 0:
            quoted = q
            break
    # 1. "according to X", "بحسب X"
    acc = according[0] if according else None
    if acc is not None:
        _a_s, a_e, _ = acc
        rest = sent[a_e:]
        ar = bool(re.search("[\u0600-\u06ff]", rest[:5]))
        stop = (_AR_NP_STOP if ar else _NP_STOP).search(rest)
        np = rest[: stop.start() if stop else 80][:80]
        name, desc = _clean_np(np)
        if name:
            return Attribution(name, desc, quoted is not None,
                               s_start + (quoted.start(1) if quoted else 0),
                               s_start + (quoted.end(1) if quoted else len(sent)),
                               "attribution:according_to", (s_start + a_e, s_start + a_e + len(np)))
    # 2. speaker beside a quote
    if quoted is not None:
        tail = sent[quoted.end():]
        head = sent[:quoted.start()]
        spk = _speaker_after_quote(tail, lex) or _speaker_before(head, lex)
        if spk:
            name, desc, rel = spk
            base = quoted.end() if spk[2] >= 0 else 0
            if name and _PRONOUN.match(name) and last_speaker:
                name = last_speaker
            return Attribution(name, desc, True, s_start + quoted.start(1),
                               s_start + quoted.end(1), "attribution:quote_speaker",
                               (s_start + base + abs(rel), s_start + base + abs(rel) + len(name)))
    # 3. "X said ..." / "..., X said." / "قال X إن ..."
    for v_s, v_e, _entry in verbs:
        verb = sent[v_s:v_e]
        if re.search("[\u0600-\u06ff]", verb):
            rest = sent[v_e:]
            stop = _AR_NP_STOP.search(rest)
            np = rest[: stop.start() if stop else 60][:60]
            if not np.strip() or len(np.split()) > 7:
                continue
            name, desc = _clean_np(np)
            if name:
                return Attribution(name, desc, quoted is not None, s_start, s_end,
                                   "attribution:verb_subject:" + verb,
                                   (s_start + v_e, s_start + v_e + len(np)))
            continue
        before = sent[:v_s]
        chunks = re.split(r"([,;:\"”])", before)
        # take the last clause before the verb
        seg = chunks[-1] if chunks else ""
        seg_start = len(before) - len(seg)
        name, desc = _clean_np(seg)
        if seg.strip() and _APPOSITIVE_START.match(seg) and len(chunks) >= 3 and \
                len(chunks[-3].split()) <= 4 and chunks[-3].strip()[:1].isupper():
            # "Rami, a farmer from Dalia, said": the name is before the appositive.
            prev = chunks[-3]
            name, desc = _clean_np(prev)[0], seg.strip()
            seg_start = len(before) - len(seg) - len(prev) - 1
        if not name or len(name.split()) > 9:
            # inverted: "..., said Rami Haddad, a farmer."
            after = sent[v_e:]
            m = re.match(r"\s+([A-Z][\w.'-]*(?:\s+(?:al-|el-|bin\s|ibn\s)?[A-Z][\w.'-]*){0,4}"
                         r"|(?:a|an|the)\s+[\w\s-]{2,40}?)(?=[,.;]|$)", after)
            if m and before.rstrip().endswith((",", "\"", "”")):
                name, desc = _clean_np(m.group(1))
                seg_start = v_e + m.start(1)
            else:
                continue
        if re.search(r"\b(?:killed|were|was|had|have|has|been)\b", name, re.I):
            continue
        if _PRONOUN.match(name) and last_speaker:
            name = last_speaker
        return Attribution(name, desc, quoted is not None, s_start, s_end,
                           "attribution:verb_subject:" + verb.lower(),
                           (s_start + seg_start, s_start + seg_start + len(seg)))
    if quoted is not None and last_speaker and _AR_PRONOUN_VERB.match(sent):
        return Attribution(last_speaker, "", True, s_start + quoted.start(1),
                           s_start + quoted.end(1), "attribution:continued_speaker", (0, 0))
    return None


def _speaker_after_quote(tail: str, lex: Lexicons) -> tuple[str, str, int] | None:
    m = re.match(r"\s*[,،]?\s*(?P<verb>said|says|told|added|wrote|posted|recalled|explained|"
                 r"insisted|claimed|قال|قالت|اضاف|اضافت|روى|روت|تقول|يقول)\s+(?P<np>[^.;:!?]{2,80})",
                 tail, re.I)
    if m:
        np = m.group("np")
        if re.match(r"(?:to|on|in)\b", np, re.I):
            return None
        name, desc = _clean_np(re.split(r"\s(?:who|in an?|on|at)\s", np)[0])
        return (name, desc, m.start("np")) if name else None
    m = re.match(r"\s*[,،]?\s*(?P<np>[^.;:!?\"“«]{2,80}?)\s+(?P<verb>said|says|told|added|wrote|"
                 r"posted|recalled|explained|insisted|claimed)\b", tail, re.I)
    if m:
        name, desc = _clean_np(m.group("np"))
        return (name, desc, m.start("np")) if name and len(name.split()) <= 8 else None
    return None


def _speaker_before(head: str, lex: Lexicons) -> tuple[str, str, int] | None:
    m = re.search(r"(?P<np>[^.;!?\"“«]{2,80}?)\s+(?P<verb>said|says|told [^:,]{1,40}|added|wrote|"
                  r"posted|recalled|explained|insisted|claimed|قال|قالت|كتب|كتبت|نشر|نشرت|"
                  r"روى|روت)\s*[:,،]?\s*$", head, re.I)
    if m:
        name, desc = _clean_np(m.group("np"))
        return (name, desc, -m.start("np")) if name and len(name.split()) <= 8 else None
    m = re.search(r"(?:قال|قالت|كتب|كتبت|نشر|نشرت|روى|روت|اضاف|اضافت)\s+(?P<np>[^:،,\"“«]{2,60})"
                  r"\s*[:،,]\s*$", head)
    if m:
        name, desc = _clean_np(m.group("np"))
        return (name, desc, -m.start("np")) if name else None
    return None


def dash_source(sentence: str) -> str | None:
    """A line "— Outlet" that names the source of the quote or post above it."""
    m = _DASH_SOURCE.match(sentence)
    return m.group("name").strip() if m else None


def hedge_cues(norm: str, start: int, end: int, lex: Lexicons) -> list[str]:
    return [norm[s:e] for s, e, _ in lex.hedge.finditer(norm, start, end)]


def is_disclaimer(norm: str, start: int, end: int, lex: Lexicons) -> bool:
    return bool(lex.disclaimer.finditer(norm, start, end))
