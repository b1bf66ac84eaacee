"""Regular expressions tried only where a match can start: at one of the literal words every
match begins with ("fled", "came from", "قرية" ...).

Most extraction patterns are alternations of words searched in a short window of text ("is the
text before this place name "fighters from ..."?"). Python's engine tries every alternative at
every position of the window; finding where the literal starts occur first (one Aho-Corasick pass)
and trying the pattern only there gives the same match several times faster.

Hand-written because no library offers it for Python's own regex dialect: RE2 and Hyperscan
have such prefilters but no lookbehind, which these patterns use. The literal starts are worked
out from the pattern itself (``re._parser``, the standard library's own parser), so editing a
pattern can never leave its prefilter out of date; a pattern whose matches need not begin with
a literal simply runs as it is.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any, cast

import ahocorasick

_c: Any
_p: Any
try:  # the standard library's regex parser: private, so a missing one only costs speed
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Python versions
    _c = _p = None

_MAX_LITERALS = 20000
# Characters whose case-insensitive match is no more than what str.lower() gives: ASCII, Arabic,
# white space and caseless punctuation (« » and the General Punctuation block: quotes, dashes).
# (Under IGNORECASE "s" also matches "ſ" and "i" "ı" and "İ": see _fold.)
_PLAIN = re.compile(r"[\x20-\x7e\u00ab\u00bb\u0600-\u06ff\u2000-\u206f\s]+")
# what "\s" matches in a str pattern
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if re.match(r"\s", ch))


class _Unknown(Exception):
    """The pattern's matches need not begin with a literal."""


class _TooMany(Exception):
    """The starts would run into thousands: the ones found so far are used."""


def _cross(left: set[str], right: set[str]) -> set[str]:
    if len(left) * len(right) > _MAX_LITERALS:
        raise _TooMany
    return {a + b for a in left for b in right}


def _extend(outs: set[str], sub: set[str], whole: bool) -> tuple[set[str], bool]:
    """``outs`` followed by one of ``sub``; when that makes too many, by a shorter start of one
    of them (still a start of every match), and the starts end there."""
    try:
        return _cross(outs, sub), whole
    except _TooMany:
        for k in (8, 5, 3, 2, 1):
            shorter = {x[:k] for x in sub}
            if len(outs) * len(shorter) <= _MAX_LITERALS:
                return _cross(outs, shorter), False
        raise


def _starts(items: Any, marks: bool = False) -> tuple[set[str], bool]:
    """The literal starts of a parsed sequence, and whether they are the whole of it (so that
    what follows the sequence extends them). ``marks`` (see ``_first_word_starts``): white
    space and digits are written as marks, and repeats are gone through."""
    outs = {""}
    items = list(items)
    for i, (op, av) in enumerate(items):
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and (av[1] == 1 or marks):
            # "(?:و|ف)?": a match goes through it or past it
            if av[1] == 1:
                through = _starts([*av[2], *items[i + 1:]], marks)
            else:  # "\\s*": one repetition, after which the starts end
                through = (_starts(av[2], marks)[0], False)
            past = _starts(items[i + 1:], marks)
            try:
                return _extend(outs, through[0] | past[0], through[1] and past[1])
            except _TooMany:
                return outs, False
        if marks and op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            # "\\s+": once, then as "\\s*"
            more = (op, (av[0] - 1, av[1] if av[1] == _c.MAXREPEAT else av[1] - 1, av[2]))
            try:
                return _extend(outs, *_starts([*av[2], more, *items[i + 1:]], marks))
            except _TooMany:
                return outs, False
        try:
            step = _step(outs, op, av, marks)
        except _TooMany:
            return outs, False  # the starts so far still begin every match
        if step is None:
            continue  # zero width: the next literal still starts the match
        outs, whole = step
        if not whole:
            return outs, False
    return outs, True


def _step(outs: set[str], op: Any, av: Any, marks: bool = False
          ) -> tuple[set[str], bool] | None:
    """The starts extended over one item, and whether the item is wholly literal; None for a
    zero-width item."""
    assert _c is not None
    if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
        if op is _c.AT and av not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY,
                                      _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
            return outs, False  # "$": nothing after it is consumed
        return None
    if op is _c.LITERAL:
        return {o + chr(av) for o in outs}, True
    if op is _c.SUBPATTERN:
        _scoped_flags(av)
        return _extend(outs, *_starts(av[3], marks))
    if op is _c.BRANCH:
        alts = [_starts(alt, marks) for alt in av[1]]
        return _extend(outs, set().union(*(a for a, _ in alts)),
                       all(whole for _, whole in alts))
    if marks and op is _c.IN and _digits_only(av):
        return {o + _DIGIT_MARK for o in outs}, False
    if marks and op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]:
        return {o + _SPACE_MARK for o in outs}, True
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av) and len(av) <= 8:
        return _extend(outs, {chr(ch) for _, ch in av}, True)
    if op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]:
        return _extend(outs, set(_SPACES), True)  # "\\s": one of these characters
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        sub, _whole = _starts(av[2], marks)  # at least once: its starts, then unknown
        return _extend(outs, sub, False)
    return outs, False


def _scoped_flags(av: Any) -> None:
    """A group's own flags: "(?i:...)" only widens what its literals match, which the folded
    text (see _folds) covers; any other switch makes the literals unknown."""
    if av[1] & ~re.IGNORECASE or av[2]:
        raise _Unknown


def _folds(pattern: re.Pattern[str], parsed: Any) -> int:
    """The pattern's flags, with IGNORECASE when any part of it ignores case ("(?i:gunmen)"):
    then every literal is looked for in the folded text, a case-sensitive one too (it occurs
    there lower-cased wherever it occurs in the text)."""

    def scoped(items: Any) -> bool:
        for op, av in items:
            if op is _c.SUBPATTERN and (av[1] & re.IGNORECASE or scoped(av[3])):
                return True
            if op is _c.BRANCH and any(scoped(alt) for alt in av[1]):
                return True
            if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and scoped(av[2]):
                return True
            if op in (_c.ASSERT, _c.ASSERT_NOT) and scoped(av[1]):
                return True
        return False

    return pattern.flags | (re.IGNORECASE if scoped(parsed) else 0)


def _parse(pattern: re.Pattern[str]) -> tuple[Any, int] | None:
    """The parsed pattern and the flags its literals are looked for under; None: unknown."""
    if _p is None or pattern.flags & (re.VERBOSE | re.MULTILINE | re.DOTALL):
        return None
    parsed = _p.parse(pattern.pattern, pattern.flags)
    return parsed, _folds(pattern, parsed)


def literal_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with (lower case when the
    pattern ignores case), or None when there are none worth looking for."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    try:
        found, _whole = _starts(parsed[0])
    except (_Unknown, RecursionError):
        return None
    return _usable(found, parsed[1])


# In the starts worked out for a word-start dispatch: a digit, and any white space character.
_DIGIT_MARK = "\x00"
_SPACE_MARK = "\x01"


def _digits_only(av: Any) -> bool:
    """Whether a character set ("\\d", "[2-7]", "[\\d٠-٩]") holds digits only."""
    for o, a in av:
        if o is _c.CATEGORY and a is _c.CATEGORY_DIGIT:
            continue
        if o is _c.LITERAL and chr(a).isdigit():
            continue
        if o is _c.RANGE and all(chr(ch).isdigit() for ch in range(a[0], a[1] + 1)):
            continue
        return False
    return bool(av)


def _first_word_starts(source: str, flags: int) -> tuple[str, ...] | None:
    """What every match of a pattern begins with, as the part before its first white space
    or digit ("the\\s+next" -> "the"), with "" for a match that begins with a digit; None
    when unknown (a match may begin with anything, or a start does not lower-case plainly)."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(source, flags)
        found, _whole = _starts(parsed, marks=True)
    except (_Unknown, RecursionError, re.error):
        return None
    out: set[str] = set()
    for start in found:
        head = start.split(_DIGIT_MARK, 1)[0].split(_SPACE_MARK, 1)[0]
        if head:
            out.add(head.lower())
        elif start[:1] == _DIGIT_MARK:
            out.add("")  # a digit
        elif not start:
            return None  # anything
        # (a match that begins with white space never begins a word)
    if not all(_PLAIN.fullmatch(x) for x in out if x):
        return None
    return tuple(sorted(out))


def _top_alternatives(source: str, at: int) -> tuple[list[str], int] | None:
    """The top-level alternatives of the group "(?:" opening at ``at``, and where it closes."""
    i, depth, start, out, in_class = at + 3, 0, at + 3, [], False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 + (source[i + 1:i + 2] == "^")
            i += source[i:i + 1] == "]"  # "[]...]": a first "]" is a member
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == ")" or (ch == "|" and not depth):
            out.append(source[start:i])
            if ch == ")":
                return out, i
            start = i + 1
        i += 1
    return None


def _zero_width(source: str, flags: int) -> bool:
    """Whether a pattern consumes nothing: lookarounds and anchors only."""
    try:
        parsed = _p.parse(source, flags) if _p is not None else None
    except re.error:
        return False
    return parsed is not None and all(
        op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT) for op, _av in parsed)


class FirstWordDispatch:
    """A pattern of the form ``(?<!...)(?:A|B|C ...)`` tried at the starts of words (the date
    expressions): for a given first word, the same pattern with the alternatives that cannot
    begin with that word made to fail at once (``(?!)A``), so the engine does not try them.

    Same matches, groups and group numbers as the pattern: an alternative is left out only
    when none of its matches can begin with the word (worked out from the alternative itself,
    so an edited pattern stays right); a word that begins with a digit keeps the alternatives
    that may begin with one. Python's engine tries all ~18 alternatives of the date pattern at
    each of ~300 words of a report, where "the" or "in" can begin only two or three."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self._built = False
        self._head = ""
        self._alternatives: list[str] = []
        self._starts: list[tuple[frozenset[str], frozenset[str], int] | None] = []
        self._variants: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._per_word: dict[str, re.Pattern[str]] = {}

    def _build(self) -> None:
        source = self.compiled.pattern
        at = source.find("(?:")
        split = _top_alternatives(source, at) if at >= 0 else None
        if split is not None and split[1] == len(source) - 1 and len(split[0]) > 1 and \
                _zero_width(source[:at], self.compiled.flags) and \
                source[:at] + "(?:" + "|".join(split[0]) + ")" == source:
            # the group is all of the pattern but for lookarounds before it ("(?<![\\w/.])"):
            # its alternatives begin where a match does
            self._head, self._alternatives = source[:at], split[0]
            for alt in self._alternatives:
                heads = _first_word_starts(alt, self.compiled.flags)
                # the heads, and every start of one, for set look-ups (a word is tested once)
                self._starts.append(None if heads is None else (
                    frozenset(heads), frozenset(h[:k] for h in heads for k in range(1, len(h) + 1)),
                    max(map(len, heads), default=0)))
        self._built = True

    def for_word(self, word: str) -> re.Pattern[str]:
        """The pattern to try at a word start whose word (lower case) is ``word``."""
        found = self._per_word.get(word)
        if found is None:
            if not self._built:
                self._build()
            if len(self._per_word) > 200_000:  # a bound on memory
                self._per_word.clear()
            found = self._per_word[word] = self._variant(word)
        return found

    def _variant(self, word: str) -> re.Pattern[str]:
        if not self._alternatives or not word or not _PLAIN.fullmatch(word):
            return self.compiled
        digit = word[0].isdigit()
        # left out: the alternatives none of whose heads is a start of the word or begins
        # with it ("" is a digit)
        out = tuple(k for k, starts in enumerate(self._starts) if starts is not None and not (
            (digit and "" in starts[0]) or word in starts[1] or
            any(word[:n] in starts[0] for n in range(1, min(len(word), starts[2]) + 1))))
        if not out:
            return self.compiled
        variant = self._variants.get(out)
        if variant is None:
            variant = self._variants[out] = re.compile(
                self._head + "(?:" + "|".join(self._failing(alt) if k in out else alt
                                              for k, alt in enumerate(self._alternatives))
                + ")", self.compiled.flags)
        return variant

    def _failing(self, alternative: str) -> str:
        """An alternative that fails at once, with the same groups in the same order (so the
        groups of the whole keep their numbers and names), cheap to compile."""
        assert _p is not None
        state = _p.parse(alternative, self.compiled.flags).state
        names = {index: name for name, index in state.groupdict.items()}
        return "(?!)" + "".join(f"(?P<{names[k]}>)" if k in names else "()"
                                for k in range(1, state.groups))


def _usable(found: set[str] | None, flags: int) -> frozenset[str] | None:
    """Literals as the folded text shows them, or None when they cannot be looked for: empty,
    or (ignoring case) holding characters whose case-insensitive match str.lower() misses."""
    if not found or "" in found:
        return None
    if flags & re.IGNORECASE:
        found = {f.lower() for f in found}
        if not all(_PLAIN.fullmatch(f) for f in found):
            return None
    return frozenset(found)


def _weight(literals: set[str] | frozenset[str]) -> tuple[int, int]:
    """How selective looking for these literals is: the shortest one's length without white
    space at its ends (white space is everywhere: "\\sthat\\s" is no better than "that" and is
    hundreds of literals), then the fewer the better."""
    return min(len(x.strip()) for x in literals), -len(literals)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if a is None or not a or "" in a:
        return b
    if b is None or not b or "" in b:
        return a
    return a if _weight(a) >= _weight(b) else b


def _required(items: Any) -> set[str] | None:
    """Strings one of which occurs in every match of a parsed sequence (anywhere in it, not
    only at its start), the most selective such set found; None when there is none."""
    items = list(items)
    best: set[str] | None = None
    for i, (op, av) in enumerate(items):
        if op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            # what the match of the rest of the sequence starts with is inside the match
            starts, _whole = _starts(items[i:])
            best = _better(best, starts)
        best = _better(best, _required_item(op, av))
    return best


def _required_item(op: Any, av: Any) -> set[str] | None:
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av) and len(av) <= 64:
        return {chr(ch) for _, ch in av}
    if op is _c.SUBPATTERN:
        _scoped_flags(av)
        return _required(av[3])
    if op is _c.BRANCH:
        alts = [_required(alt) for alt in av[1]]
        if any(not a or "" in a for a in alts):
            return None  # an alternative that needs no literal: the branch needs none
        union: set[str] = set().union(*(a for a in alts if a))
        return union if len(union) <= _MAX_LITERALS else None
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _required(av[2])
    return None  # lookarounds look outside the match; anything else may match anything


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which occurs inside every match of ``pattern`` (lower case when the
    pattern ignores case), or None when there are none worth looking for."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    try:
        found = _required(parsed[0])
    except (_Unknown, RecursionError):
        return None
    if found and _weight(found)[0] == 0:
        return None  # white space only: in every text
    return _usable(found, parsed[1])


class Prefiltered:
    """A compiled pattern whose ``search`` and ``finditer`` try it only where one of its
    literal starts occurs, or (when its starts include white space, which is everywhere) only
    in texts holding one of the literals every match contains; same results as the plain
    pattern. Other methods are the pattern's."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        self.match = pattern.match
        self.fullmatch = pattern.fullmatch
        self._fold = bool(pattern.flags & re.IGNORECASE)
        self._auto: Any = None
        # True: the automaton holds literals one of which every match contains, and a text
        # without any of them is not searched at all; False: it holds the literal starts
        self._gate = False
        self._built = False

    def _build(self) -> None:
        # on first use rather than at import: the command line starts faster. Built aside and
        # published last, the automaton made, so another thread sees either no automaton (and
        # runs the plain pattern) or a finished one with its mode.
        parsed = _parse(self.compiled)
        fold = bool(parsed[1] & re.IGNORECASE) if parsed is not None else self._fold
        gate = False
        literals = literal_starts(self.compiled)
        if literals is None or _weight(literals)[0] == 0:
            # no starts, or starts at white space (",?\\s+(?:while|but)"): trying the pattern
            # at every space costs more than running it; a literal it needs is a better filter
            required = required_literals(self.compiled)
            if required is not None and (literals is None or _weight(required) > _weight(
                    literals)):
                literals, gate = required, True
        auto = None
        if literals:
            auto = ahocorasick.Automaton()
            for literal in literals:
                auto.add_word(literal, len(literal))
            auto.make_automaton()
        self._fold, self._gate = fold, gate
        self._auto = auto
        self._built = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)

    def _positions(self, string: str, pos: int, endpos: int) -> list[int] | None:
        """Where a match may start in [pos, endpos): None when the plain pattern must search
        (no literals, odd bounds, a text that cannot be folded, or a gate that lets it pass)."""
        if not self._built:
            self._build()
        auto = self._auto
        if auto is None or not 0 <= pos <= endpos:
            return None  # odd bounds: the plain pattern deals with them
        offset = 0
        text: str | None = string
        if self._fold:
            last = _last_folded  # one read: another thread may replace it meanwhile
            if last[0] is string:
                text = last[1]
            else:
                text, offset = _folded(string, pos, endpos)
            if text is None:
                return None
        if self._gate:
            for _hit in auto.iter(text, pos - offset, endpos - offset):
                return None  # a literal every match needs is there: the pattern decides
            return []
        hits = list(auto.iter(text, pos - offset, endpos - offset))
        if len(hits) < 2:
            return [hits[0][0] - hits[0][1] + 1 + offset] if hits else hits
        return sorted({end - length + 1 + offset for end, length in hits})

    def search(self, string: str, pos: int = 0, endpos: int | None = None
               ) -> re.Match[str] | None:
        # _positions and _folded written out for the common cases: a report makes ~2,000
        # searches, most of them in a window of a few dozen characters where each function
        # call costs as much as the look-up
        global _last_folded
        end = len(string) if endpos is None else min(endpos, len(string))
        auto = self._auto
        if auto is None or end - pos <= 16 or pos < 0:
            if not self._built:
                self._build()
                return self.search(string, pos, endpos)
            # no literals, odd bounds, or a few characters ("the" before a name): the engine
            # is done before a look-up is
            return self.compiled.search(string, pos, end)
        offset = 0
        text: str | None = string
        if self._fold:
            last = _last_folded  # one read: another thread may replace it meanwhile
            if last[0] is string:
                text = last[1]
            elif 4 * (end - pos) < len(string):
                # a short window of a text not folded yet: just the window
                window = string[pos:end]
                text = window.lower()
                offset = pos
                if not text.isascii():
                    text = _fold(window)
            else:
                text = string.lower()
                if not text.isascii():
                    text = _fold(string)
                _last_folded = (string, text)
            if text is None:
                return self.compiled.search(string, pos, end)
        if self._gate:
            for _hit in auto.iter(text, pos - offset, end - offset):
                return self.compiled.search(string, pos, end)  # a needed literal is there
            return None
        hits = list(auto.iter(text, pos - offset, end - offset))
        if not hits:
            return None
        match = self.compiled.match
        if len(hits) == 1:
            return match(string, hits[0][0] - hits[0][1] + 1 + offset, end)
        for start in sorted({e - length + 1 + offset for e, length in hits}):
            m = match(string, start, end)
            if m:
                return m
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        end = len(string) if endpos is None else min(endpos, len(string))
        positions = self._positions(string, pos, end)
        if positions is None:
            # the plain iterator itself, not a generator around it: a pattern without literals
            # (the tokenizer) yields thousands of matches a document
            return self.compiled.finditer(string, pos, end)
        if not positions:
            return iter(())
        return self._finditer(string, positions, pos, end)

    def _finditer(self, string: str, positions: list[int], pos: int, end: int
                  ) -> Iterator[re.Match[str]]:
        match = self.compiled.match
        last = pos
        for start in positions:
            if start < last:
                continue
            m = match(string, start, end)
            if m:
                yield m
                last = m.end()


class Cues:
    """Patterns asked about the words around one place of a text (the ~20 cues before and after
    a date that decide its role): one Aho-Corasick pass over that neighbourhood tells which of
    them can match there at all, and the others are not run (each run costs ~1.5 µs even when
    ``fastre`` finds nothing to try).

    Every match of a pattern contains one of its literal starts, and one of the literals every
    match needs (both worked out by ``fastre``): a pattern with a set of them none of which
    occurs in the neighbourhood matches in no window inside it. Literals are looked for in the
    lower-cased neighbourhood, so only literals that lower-casing keeps as they are (ASCII,
    Arabic, white space) are used; a pattern without such a set is always run."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self._auto: Any = None
        # per pattern, the literal sets it needs (indices; each needs one of its literals)
        self._needs: dict[re.Pattern[str], frozenset[int]] = {}

    def _build(self) -> None:
        # on first use (the command line starts faster); published last, the automaton made
        needs: dict[re.Pattern[str], frozenset[int]] = {}
        sets: dict[str, set[int]] = {}
        count = 0
        for rx in self.patterns:
            mine: list[int] = []
            for found in (literal_starts(rx), required_literals(rx)):
                if found and all(x == x.lower() and all(
                        c.isascii() or "\u0600" <= c <= "\u06ff" or c.isspace() for c in x)
                        for x in found):
                    for x in found:
                        sets.setdefault(x, set()).add(count)
                    mine.append(count)
                    count += 1
            needs[rx] = frozenset(mine)
        auto = ahocorasick.Automaton()
        for literal, which in sets.items():
            auto.add_word(literal, tuple(which))
        if sets:
            auto.make_automaton()
        self._needs = needs
        self._auto = auto

    def near(self, text: str, start: int, end: int) -> Near:
        """What the patterns can find in ``text[start:end]`` (``start`` >= 0), and in any
        window inside it."""
        if self._auto is None:
            self._build()
        window = text[start:end]
        low = window.lower()
        if len(low) != len(window) or "ſ" in low or "ı" in low:
            return Near(self._needs, None)  # ("İ" lower-cases to two characters): run them all
        present: set[int] = set()
        if len(self._auto):
            for _end, which in self._auto.iter(low):
                present.update(which)
        return Near(self._needs, present)


class Near:
    """``search`` and ``match`` of the patterns of a ``Cues`` in windows of one neighbourhood:
    None at once for a pattern with a literal set absent from it."""

    def __init__(self, needs: dict[re.Pattern[str], frozenset[int]], present: set[int] | None
                 ) -> None:
        self.needs = needs
        self.present = present

    def possible(self, rx: re.Pattern[str]) -> bool:
        return self.present is None or self.present.issuperset(self.needs[rx])

    def search(self, rx: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
               ) -> re.Match[str] | None:
        if not self.possible(rx):
            return None
        return rx.search(text, pos) if endpos is None else rx.search(text, pos, endpos)

    def match(self, rx: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
              ) -> re.Match[str] | None:
        if not self.possible(rx):
            return None
        return rx.match(text, pos) if endpos is None else rx.match(text, pos, endpos)


# The last whole text folded: the stages search one normalised text with hundreds of patterns,
# and lower-casing it for each would cost more than the searches. Holding the string itself (not
# its id) means a new text can never be mistaken for it; nothing else is kept across texts.
_last_folded: tuple[str, str | None] = ("", "")


def _folded(string: str, pos: int, endpos: int) -> tuple[str | None, int]:
    """The folded text covering [pos, endpos), and the offset of its first character in
    ``string``: the whole text (folded once, see _last_folded) or, for a short window of a text
    not folded yet, just the window."""
    global _last_folded
    last = _last_folded  # one read: another thread may replace it meanwhile
    if last[0] is string:
        return last[1], 0
    if 4 * (endpos - pos) < len(string):
        return _fold(string[pos:endpos]), pos
    folded = _fold(string)
    _last_folded = (string, folded)
    return folded, 0


def _fold(string: str) -> str | None:
    """The text as an IGNORECASE pattern sees it, character for character (None: cannot)."""
    text = string.lower()
    if text.isascii():
        return text  # (ASCII lower-cases to as many ASCII characters)
    if len(text) != len(string):
        return None  # "İ" lower-cases to two characters: offsets would not line up
    if "ſ" in text:
        text = text.replace("ſ", "s")
    if "ı" in text:
        text = text.replace("ı", "i")
    return text


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile`` with the prefilter: the object behaves as the compiled pattern (its other
    methods and attributes are the pattern's), hence typed as one."""
    return cast("re.Pattern[str]", Prefiltered(re.compile(pattern, flags)))
