"""Testimony files (YAML or JSON): reading, validation and redaction of the statement.

Shape (``identity`` is optional; everything in it is encrypted at rest by the caller)::

    pseudonym: Rima
    language: en
    statement: |
      On the morning of the seventh ...
    interview: {date: 2025-03-20, place: Beirut, interviewer: K.S.}
    consent: {record: true, share_with_investigators: true, share_with_courts: false,
              publish: false}
    identity:
      real_name: ...
      contact: ...
      address: ...
      sensitive: {religion: ..., ethnicity: ...}

Witness safety rules enforced here:
- No error message ever contains a value from the file (only field names and positions), so a
  real name cannot leak through an exception, a log line or a batch summary. ``Identity`` has a
  ``repr`` that hides its values for the same reason.
- Unknown fields are refused: only ``identity`` is encrypted, so a stray field (``phone:``,
  ``home:``) would otherwise be stored in plaintext.
- A testimony whose ``consent.record`` is false is refused: the witness did not agree to it
  being recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ParsedItem
from dalil.ingest.text import decode_text
from dalil.text.arabic import INDIC_DIGITS, LETTER_FOLD, has_arabic, is_diacritic

WITHHELD = "[withheld]"
# Far above any real statement; keeps a hostile file from exhausting memory in YAML.
MAX_TESTIMONY_BYTES = 10 * 1024 * 1024

TOP_LEVEL_FIELDS = ("pseudonym", "language", "statement", "interview", "consent", "identity")
CONSENT_FIELDS = ("record", "share_with_investigators", "share_with_courts", "publish")
IDENTITY_FIELDS = ("real_name", "contact", "address", "sensitive")
INTERVIEW_FIELDS = ("date", "place", "interviewer")

# Name particles that are not identifying on their own (kept when a real name is split in parts).
_NAME_PARTICLES = frozenset(
    {"abu", "abou", "bin", "ibn", "bint", "umm", "abd", "abdel", "abdul", "ben", "bent", "the",
     "ابو", "بن", "ابن", "بنت", "ام", "عبد"}
)
_SAFE_KEY = re.compile(r"^[a-z_]{1,40}$")


@dataclass(frozen=True)
class Consent:
    record: bool
    share_with_investigators: bool
    share_with_courts: bool
    publish: bool


@dataclass(frozen=True)
class Interview:
    date: str | None = None
    place: str | None = None
    interviewer: str | None = None


@dataclass(frozen=True, repr=False)
class Identity:
    """Identifying details of a witness. Its repr never shows values (tracebacks, logs)."""

    real_name: str | None = None
    contact: str | None = None
    address: str | None = None
    sensitive: dict[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        present = [f for f in IDENTITY_FIELDS if getattr(self, f)]
        return f"Identity(<withheld: {', '.join(present) or 'empty'}>)"

    __str__ = __repr__

    def to_json_bytes(self) -> bytes:
        """The plaintext to encrypt: canonical JSON of the identity block."""
        data = {
            "real_name": self.real_name,
            "contact": self.contact,
            "address": self.address,
            "sensitive": dict(self.sensitive),
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json_bytes(cls, data: bytes) -> Identity:
        obj = json.loads(data)
        return cls(
            real_name=obj.get("real_name"),
            contact=obj.get("contact"),
            address=obj.get("address"),
            sensitive=dict(obj.get("sensitive") or {}),
        )


@dataclass(frozen=True, repr=False)
class TestimonyFile:
    pseudonym: str
    language: str | None
    statement: str  # as written; use ``redacted_statement`` for anything stored in plaintext
    interview: Interview
    consent: Consent
    identity: Identity | None

    def __repr__(self) -> str:
        # The raw statement may itself name the witness: never shown in a repr.
        return (
            f"TestimonyFile(pseudonym={self.pseudonym!r}, language={self.language!r}, "
            f"statement=<{len(self.statement)} chars>, identity={self.identity!r})"
        )

    @property
    def redacted_statement(self) -> str:
        return redact(self.statement, self.identity) if self.identity else self.statement


# --- reading ----------------------------------------------------------------------------------


def _fail(name: str, problem: str) -> InputError:
    return InputError(f"{name}: testimony refused: {problem}", file=name)


def _field_label(key: Any) -> str:
    """A key is named in a message only if it looks like a field name, never like a value."""
    return f"'{key}'" if isinstance(key, str) and _SAFE_KEY.match(key) else "(unnamed field)"


def _load_mapping(data: bytes, name: str) -> dict[Any, Any]:
    text, _ = decode_text(data, name)
    is_json = name.lower().endswith(".json") or text.lstrip().startswith("{")
    if is_json:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            # exc.msg is a fixed description; exc.doc (the file) is deliberately not used.
            raise _fail(
                name, f"invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
            ) from None
    else:
        try:
            obj = yaml.safe_load(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            # PyYAML's problem text may quote the offending token; keep only its description.
            problem = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", exc.problem or "syntax error")
            raise _fail(name, f"invalid YAML{where} ({problem})") from None
        except yaml.YAMLError:
            raise _fail(name, "invalid YAML") from None
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:
            # e.g. an impossible date (2025-02-30): PyYAML raises plain Python errors whose
            # text is not shown, in case it quotes the file.
            raise _fail(name, f"YAML could not be read ({type(exc).__name__})") from None
    if not isinstance(obj, dict):
        raise _fail(name, "the file must hold a mapping with pseudonym, statement, consent ...")
    return obj


def _text(value: Any, where: str, name: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _fail(name, f"{where} is missing or empty")
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _fail(name, f"{where} must be text")
    return str(value).strip()


def _identity(raw: Any, name: str) -> Identity | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _fail(name, "identity must be a mapping")
    unknown = [k for k in raw if k not in IDENTITY_FIELDS]
    if unknown:
        # Keys inside identity are never named: they could be values typed in the wrong place.
        raise _fail(
            name,
            f"identity has {len(unknown)} unknown field(s); allowed: {', '.join(IDENTITY_FIELDS)}",
        )
    values: dict[str, str | None] = {}
    for key in ("real_name", "contact", "address"):
        value = raw.get(key)
        if key == "contact" and isinstance(value, list | dict):
            # Several ways to reach a witness (phone, e-mail, messenger) are common.
            parts = list(value.values() if isinstance(value, dict) else value)
            if not all(isinstance(p, str | int) for p in parts):
                raise _fail(name, "identity.contact must be text or a list of texts")
            value = "; ".join(str(p) for p in parts)
        values[key] = _text(value, f"identity.{key}", name)
    sensitive_raw = raw.get("sensitive") or {}
    if not isinstance(sensitive_raw, dict):
        raise _fail(name, "identity.sensitive must be a mapping")
    sensitive: dict[str, str] = {}
    for i, (key, value) in enumerate(sensitive_raw.items()):
        if not isinstance(key, str) or value is None:
            raise _fail(name, f"identity.sensitive entry {i + 1} must be a named text value")
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                raise _fail(
                    name, f"identity.sensitive entry {i + 1} must be text or a list of texts"
                )
            value = ", ".join(value)
        sensitive[key] = _text(value, f"identity.sensitive entry {i + 1}", name) or ""
    return Identity(sensitive=sensitive, **values)


def read_testimony(data: bytes, name: str) -> TestimonyFile:
    """Validate a testimony file's bytes. Raises InputError naming the problem, never a value."""
    if len(data) > MAX_TESTIMONY_BYTES:
        raise _fail(name, f"file is larger than {MAX_TESTIMONY_BYTES // (1024 * 1024)} MiB")
    raw = _load_mapping(data, name)
    unknown = [k for k in raw if k not in TOP_LEVEL_FIELDS]
    if unknown:
        labels = ", ".join(_field_label(k) for k in unknown)
        raise _fail(
            name,
            f"unknown field(s) {labels} (allowed: {', '.join(TOP_LEVEL_FIELDS)}); only "
            "'identity' is encrypted, so identifying details must go there",
        )
    pseudonym = _text(raw.get("pseudonym"), "pseudonym", name, required=True)
    statement = _text(raw.get("statement"), "statement", name, required=True)
    assert pseudonym is not None and statement is not None  # required=True guarantees it
    if len(pseudonym) > 128:
        raise _fail(name, "pseudonym is longer than 128 characters")

    consent_raw = raw.get("consent")
    if not isinstance(consent_raw, dict):
        raise _fail(name, f"consent is missing; it needs {', '.join(CONSENT_FIELDS)} (true/false)")
    for key in consent_raw:
        if key not in CONSENT_FIELDS:
            raise _fail(name, f"consent has unknown field {_field_label(key)}")
    flags: dict[str, bool] = {}
    for key in CONSENT_FIELDS:
        value = consent_raw.get(key)
        if not isinstance(value, bool):
            raise _fail(name, f"consent.{key} must be true or false")
        flags[key] = value
    consent = Consent(**flags)
    if not consent.record:
        raise _fail(name, "consent.record is false: the witness did not agree to be recorded")

    interview_raw = raw.get("interview") or {}
    if not isinstance(interview_raw, dict):
        raise _fail(name, "interview must be a mapping (date, place, interviewer)")
    for key in interview_raw:
        if key not in INTERVIEW_FIELDS:
            raise _fail(name, f"interview has unknown field {_field_label(key)}")
    interview = Interview(
        **{k: _text(interview_raw.get(k), f"interview.{k}", name) for k in INTERVIEW_FIELDS}
    )

    language = _text(raw.get("language"), "language", name)
    if language is not None:
        language = language.lower()
        if not re.fullmatch(r"[a-z]{2}", language):
            raise _fail(name, "language must be a two-letter ISO 639-1 code such as en or ar")
    identity = _identity(raw.get("identity"), name)
    if (
        identity
        and identity.real_name
        and (
            _normalise(pseudonym) == _normalise(identity.real_name)
            or any(_normalise(p) == _normalise(pseudonym) for p in name_parts(identity.real_name))
        )
    ):
        raise _fail(name, "the pseudonym is the witness's real name or part of it")
    testimony = TestimonyFile(
        pseudonym=pseudonym,
        language=language,
        statement=statement,
        interview=interview,
        consent=consent,
        identity=identity,
    )
    return testimony


def load_testimony(path: Path, name: str) -> TestimonyFile:
    if path.stat().st_size > MAX_TESTIMONY_BYTES:
        raise _fail(name, f"file is larger than {MAX_TESTIMONY_BYTES // (1024 * 1024)} MiB")
    return read_testimony(path.read_bytes(), name)


# --- redaction --------------------------------------------------------------------------------

_FOLD = {**LETTER_FOLD, **INDIC_DIGITS}
_PROCLITICS = frozenset("وفبلك")


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Case-folded, Arabic-normalised text and, per output character, its index in ``text``.

    Why hand-written: redaction must find a value in the normalised text and cut it out of
    the original, so it needs the position map that normalising libraries do not return.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if is_diacritic(ch):
            continue
        folded = _FOLD.get(ch)
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch).casefold()
        for piece in folded:
            out.append(piece)
            index.append(i)
    return "".join(out), index


def _normalise(text: str) -> str:
    return _normalise_with_map(text)[0].strip()


def name_parts(real_name: str) -> list[str]:
    """Parts of a name worth withholding alone: 3+ letters, not a particle like "abu" or "bin"."""
    parts = []
    for part in re.split(r"[\s\-_.,'’]+", real_name):
        bare = _normalise(part)
        letters = sum(1 for ch in bare if ch.isalpha())
        if letters >= 3 and bare not in _NAME_PARTICLES:
            parts.append(part)
    return list(dict.fromkeys(parts))


def identity_values(identity: Identity) -> list[str]:
    """The strings withheld from a statement: the real name, its parts, contact and address."""
    values: list[str] = []
    if identity.real_name:
        values.append(identity.real_name)
        values.extend(name_parts(identity.real_name))
    for value in (identity.contact, identity.address):
        if value:
            values.append(value)
            values.extend(v.strip() for v in value.split(";") if v.strip())
    return list(dict.fromkeys(v for v in values if v.strip()))


def _spans(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    start = 0
    while True:
        pos = haystack.find(needle, start)
        if pos < 0:
            return
        yield pos, pos + len(needle)
        start = pos + 1


def _boundary_ok(norm: str, start: int, end: int, arabic: bool) -> bool:
    if end < len(norm) and norm[end].isalnum():
        # English plural of a family name ("the Haddads") is still the name.
        rest = norm[end : end + 3]
        plural = next((p for p in ("es", "s") if rest.startswith(p)), None)
        if arabic or plural is None or (
            end + len(plural) < len(norm) and norm[end + len(plural)].isalnum()
        ):
            return False
    run = start
    while run > 0 and norm[run - 1].isalnum():
        run -= 1
    prefix = norm[run:start]
    # Arabic attaches and/so/with/for/like to the next word: "وأحمد" is "and Ahmad".
    return not prefix or (arabic and len(prefix) <= 2 and all(c in _PROCLITICS for c in prefix))


_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s\-.()/]*\d\)?")


def _phone_spans(norm: str, value: str) -> Iterator[tuple[int, int]]:
    """Phone numbers are written with varying spaces, dashes, leading 0 or country code: a run
    of digits matches when its last 7-9 digits equal the contact's."""
    contact = re.sub(r"\D", "", _normalise(value))
    if len(contact) < 7:
        return
    for match in _NUMBER_RUN.finditer(norm):
        digits = re.sub(r"\D", "", match.group())
        n = min(9, len(digits), len(contact))
        if n >= 7 and digits[-n:] == contact[-n:]:
            yield match.span()


def redact(statement: str, identity: Identity) -> str:
    """Replace every identity value found in ``statement`` with "[withheld]".

    Matching ignores case, Arabic diacritics and letter variants (hamza forms, alef maqsura,
    ta marbuta), accepts Arabic proclitics before a name, and finds phone numbers regardless
    of separators.
    """
    norm, index = _normalise_with_map(statement)
    spans: list[tuple[int, int]] = []
    for value in identity_values(identity):
        needle = _normalise(value)
        if len(needle) < 3:
            continue
        arabic = has_arabic(needle)
        for start, end in _spans(norm, needle):
            if _boundary_ok(norm, start, end, arabic):
                while end < len(norm) and norm[end].isalnum():
                    end += 1  # swallow a plural ending: "[withheld]s" would hint at the name
                spans.append((start, end))
        spans.extend(_phone_spans(norm, value))
    if not spans:
        return statement
    # Back to positions in the original text, then merge overlaps.
    original = sorted((index[s], index[e - 1] + 1) for s, e in spans)
    merged: list[list[int]] = []
    for s, e in original:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, last = [], 0
    for s, e in merged:
        out.append(statement[last:s])
        out.append(WITHHELD)
        last = e
    out.append(statement[last:])
    return "".join(out)


# --- as a parsed item -------------------------------------------------------------------------


def to_parsed_item(testimony: TestimonyFile, media_type: str) -> ParsedItem:
    """What the rest of the system may see: pseudonym, redacted statement, interview, consent.
    Nothing from the identity block is in it."""
    statement = testimony.redacted_statement
    return ParsedItem(
        kind="testimony",
        media_type=media_type,
        texts=[statement],
        title=f"Testimony of {testimony.pseudonym}",
        author=testimony.pseudonym,
        published_at=testimony.interview.date,
        language=testimony.language or detect_language(statement),
        flags={"encrypt": True, "has_identity": testimony.identity is not None},
        meta={
            "pseudonym": testimony.pseudonym,
            "interview": {k: v for k, v in vars(testimony.interview).items() if v is not None},
            "consent": dict(vars(testimony.consent)),
        },
    )


def parse(path: Path, name: str) -> ParsedItem:
    """Parser-contract entry: the testimony as a ParsedItem (kind ``testimony``) without its
    identity. The pipeline must store such a file encrypted (``flags["encrypt"]``) and use
    ``load_testimony`` for the identity block."""
    media_type = "application/json" if name.lower().endswith(".json") else "application/yaml"
    return to_parsed_item(load_testimony(path, name), media_type)
