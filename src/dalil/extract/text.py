"""Preparing text for matching, and splitting it into sentences and paragraphs.

All matching runs on a *normalised copy* of the text: Arabic letters unified, Arabic-Indic digits
made ASCII, control and bidi characters blanked. Replacements keep the length; only Arabic
diacritics and tatweel are removed, and then an offset map takes spans back to the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from dalil.text.arabic import (
    BIDI_CONTROLS_CLASS,
    DIACRITICS,
    INDIC_DIGITS,
    LETTER_FOLD,
    OTHER_SCRIPT_LETTERS,
    PERSIAN_LETTERS,
)

_REMOVED = DIACRITICS
# Bidi controls, zero-width characters and C0/C1 controls other than tab and newline.
_BLANKED = re.compile(f"[{BIDI_CONTROLS_CLASS}\u00ad"
                      "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SAME_MAP: dict[str, str] = {
    **LETTER_FOLD, **PERSIAN_LETTERS, **OTHER_SCRIPT_LETTERS, **INDIC_DIGITS,
    "\r": "\n", "\u060c": ",", "\u061b": ";", "\u066b": ".", "\u066c": ",", "\u2019": "'",
    "\u2018": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
# str.translate with a dict looks up every character (~0.3 ms for a 1,000-word report); one
# str.replace per mapped character that occurs is ~8x faster. Equal to translate because no
# replacement is itself a mapped character.
_SAME_ITEMS = tuple(_SAME_MAP.items())
assert not set(_SAME_MAP.values()) & set(_SAME_MAP)


def _same_length(text: str) -> str:
    for old, new in _SAME_ITEMS:
        if old in text:
            text = text.replace(old, new)
    return text


@dataclass
class Prepared:
    original: str
    norm: str
    # Sorted positions in ``norm`` where characters were removed, and how many before each.
    _cuts: list[int]
    _shift: list[int]

    def orig(self, pos: int) -> int:
        if not self._cuts:
            return pos
        i = bisect_right(self._cuts, pos)
        return pos + (self._shift[i - 1] if i else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        # orig() written out: every mention, claim and figure takes its span here
        cuts = self._cuts
        if not cuts:
            return start, end if end > start else start
        shift = self._shift
        i = bisect_right(cuts, start)
        a = start + (shift[i - 1] if i else 0)
        if end <= start:
            return a, a
        j = bisect_right(cuts, end - 1)
        return a, end + (shift[j - 1] if j else 0)

    def surface(self, start: int, end: int) -> str:
        if not self._cuts:
            return self.original[start:end]
        a, b = self.span(start, end)
        return self.original[a:b]


def prepare(text: str) -> Prepared:
    norm = _same_length(_BLANKED.sub(" ", text))
    if not _REMOVED.search(norm):
        return Prepared(text, norm, [], [])
    cuts: list[int] = []
    shift: list[int] = []
    parts: list[str] = []
    removed = 0
    last = 0
    for m in _REMOVED.finditer(norm):
        parts.append(norm[last:m.start()])
        removed += 1
        last = m.end()
        # position in the new text where later characters have shifted by `removed`
        cuts.append(m.start() - removed + 1)
        shift.append(removed)
    parts.append(norm[last:])
    # Collapse runs of removals at the same new position: keep the largest shift.
    c2: list[int] = []
    s2: list[int] = []
    for c, s in zip(cuts, shift, strict=True):
        if c2 and c2[-1] == c:
            s2[-1] = s
        else:
            c2.append(c)
            s2.append(s)
    return Prepared(text, "".join(parts), c2, s2)


_WORD = re.compile(r"\w+")
_WORDS_CACHE: dict[tuple[int, int, int], tuple[str, list[tuple[int, int, str]]]] = {}


def word_tokens(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int, str]]:
    """The words (``\\w+``) of text[start:stop] as (start, end, lower-cased word).

    Remembered for the last few texts: dates, numbers and the word-indexed lexicons all walk the
    words of the same document, and splitting it is a third of what each of them costs."""
    stop = len(text) if stop is None else stop
    key = (id(text), start, stop)
    hit = _WORDS_CACHE.get(key)
    if hit is not None and hit[0] is text:
        return hit[1]
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        # Lower-casing the whole text keeps every word where it was (no character changes its
        # length or its \\w class; only Greek capital sigma depends on its neighbours).
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low, start, stop)]
    else:
        toks = [(m.start(), m.end(), m.group().lower())
                for m in _WORD.finditer(text, start, stop)]
    if len(_WORDS_CACHE) > 64:
        _WORDS_CACHE.clear()
    _WORDS_CACHE[key] = (text, toks)
    return toks


@dataclass
class Sentence:
    index: int
    start: int  # in the normalised text
    end: int
    paragraph: int
    text: str  # normalised text of the sentence


_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
    "co", "corp", "u.s", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "govt", "sheikh",
    "prof", "rev", "fig", "al", "op", "cit", "ibid",
    # ranks before a name ("Brig. Gen. X")
    "brig", "cmdr", "cpl", "pvt", "lieut", "adm",
}
_BOUNDARY = re.compile(r"[.!?\u061f\u06d4]+[\"'”’»)\]]*(?=\s)")
_PARA = re.compile(r"\n[ \t]*\n+")
_MAX_SENTENCE = 1500
_LAST_WORD = re.compile(r"([\w.]+)[.!?\u061f]*[\"'”’»)\]]*$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_ANY_WORD = re.compile(r"\w")


def split_sentences(norm: str) -> list[Sentence]:
    """Rule-based splitter: terminal punctuation, line structure, abbreviations.

    Hand-written because the only offline alternative (spaCy's sentencizer) splits on every
    period ("Gen. Ali", "U.N."), knows nothing of Arabic "؟" and would make spaCy a hard
    dependency for one regex-sized job.
    """
    sentences: list[Sentence] = []
    para_starts = [0] + [m.end() for m in _PARA.finditer(norm)]
    for p_index, p_start in enumerate(para_starts):
        p_end = para_starts[p_index + 1] if p_index + 1 < len(para_starts) else len(norm)
        for start, end in _split_block(norm, p_start, p_end):
            sentences.append(Sentence(len(sentences), start, end, p_index, norm[start:end]))
    return sentences


def _split_block(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    line_start = start
    pieces: list[tuple[int, int]] = []
    # Lines: a newline ends a sentence when the line is short (heading, dateline, list item)
    # or ends in punctuation; otherwise it is wrapped prose and the line continues.
    while line_start < end:
        nl = norm.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        pieces.append((line_start, line_end))
        line_start = line_end + 1
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        line = norm[a:b].strip()
        if merged and line:
            prev = norm[merged[-1][0]:merged[-1][1]].rstrip()
            wrapped = (len(prev) >= 60 and not re.search(r"[.!?:\u061f\"”»]$", prev)
                       and line[:1] not in "-*•–—")
            if wrapped:
                merged[-1] = (merged[-1][0], b)
                continue
        merged.append((a, b))
    for a, b in merged:
        spans.extend(_split_line(norm, a, b))
    return spans


def _split_line(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(norm, start, end):
        stop = m.end()
        # the last word before the boundary; it holds no space, so look only after the last one
        w0 = max(cur, norm.rfind(" ", cur, stop) + 1, norm.rfind("\n", cur, stop) + 1,
                 norm.rfind("\t", cur, stop) + 1)
        word = _LAST_WORD.search(norm, w0, stop)
        token = word.group(1).rstrip(".").lower() if word else ""
        if m.group().startswith(".") and (token in _ABBREV or (len(token) == 1 and token.isalpha()
                                                                 and token.isupper() is False)):
            continue
        if m.group().startswith(".") and word and len(word.group(1).rstrip(".")) == 1 \
                and word.group(1)[0].isupper():
            continue  # an initial: "A. Hassan"
        nxt = _NEXT_CHAR.match(norm, stop, end)
        if nxt and nxt.group(1).islower() and nxt.group(1).isascii():
            continue  # "p.m. on" / "approx. 40": the next word is lower case
        out.append((cur, stop))
        cur = stop
    out.append((cur, end))
    result: list[tuple[int, int]] = []
    for a, b in out:
        # trim whitespace; drop empty pieces
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        while b - a > _MAX_SENTENCE:  # very long runs without punctuation: cut at a space
            cut = norm.rfind(" ", a, a + _MAX_SENTENCE)
            cut = cut if cut > a else a + _MAX_SENTENCE
            result.append((a, cut))
            a = cut
            while a < b and norm[a].isspace():
                a += 1
        if b > a and _ANY_WORD.search(norm, a, b):
            result.append((a, b))
    return result
