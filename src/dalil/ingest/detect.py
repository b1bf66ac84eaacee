"""Choosing the parser for a received file, and the one call the pipeline makes:
``parse_file(path, name)``.

The content decides first (magic numbers, text sniffing); the name's extension only refines the
choice among text formats. A file whose content contradicts a text extension (a JPEG or any
binary named ``.txt``) is refused rather than guessed at, so the sender can check what it is.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from pathlib import Path

from dalil.errors import InputError
from dalil.ingest import text
from dalil.ingest.parsed import ParsedItem, Parser
from dalil.ingest.sniff import Magic, read_head, sniff_magic

__all__ = ["PARSERS", "check_name", "detect_kind", "parse_file", "parse_other"]

TEXT_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".csv", ".tsv", ".json", ".js", ".html", ".htm", ".xhtml",
     ".shtml", ".yaml", ".yml", ".xml", ".log"}
)
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MAX_NAME_BYTES = 255

# Bidirectional overrides and isolates can disguise a name ("gpj.exe" shown as "exe.jpg").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# A comment's body may not contain "-->": otherwise a run of comments can be split in
# exponentially many ways and a hostile file stalls the regex engine.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_X_TWEETS = re.compile(r"^\s*window\.YTD\.(?:tweets?|deleted_tweets)\.part\d+\s*=")
_TELEGRAM = re.compile(r'"(messages|chats)"\s*:\s*[\[{]')
_X_API = re.compile(r'"(full_text|id_str|screen_name|retweeted_status|in_reply_to_status_id_str)"')
_TESTIMONY_JSON = re.compile(r'"pseudonym"\s*:')
_TESTIMONY_YAML = re.compile(r"^pseudonym\s*:", re.M)


def _printable(name: str) -> str:
    """The name as it can be shown in a message: control and bidi characters escaped, cut."""
    shown = "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS
        else ch
        for ch in name[:120]
    )
    return shown + ("..." if len(name) > 120 else "")


def check_name(name: str) -> str:
    """Return ``name`` if it is a plain file name; raise InputError otherwise.

    Refused: empty names, path separators, ``.`` and ``..``, control
    characters (newlines, NUL ...), bidirectional overrides, and names over 255 bytes.
    """
    label = _printable(name)
    if not name or not name.strip():
        raise InputError("file name is empty", file=label)
    if "/" in name or "\\" in name:
        raise InputError(f"file name '{label}' contains a path separator", file=label)
    if set(name.strip()) == {"."}:
        # "." and ".." name folders; dots inside a name ("report...txt") are harmless once
        # separators are refused.
        raise InputError(f"file name '{label}' is '.' or '..'", file=label)
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise InputError(f"file name '{label}' contains control characters", file=label)
    if any(ch in _BIDI_CONTROLS for ch in name):
        raise InputError(
            f"file name '{label}' contains bidirectional override characters", file=label
        )
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise InputError(f"file name '{label}' is longer than {MAX_NAME_BYTES} bytes",
                         file=label)
    return name


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _head_text(head: bytes) -> str:
    """Best-effort decoding of the first bytes, only to sniff the format (the parser decodes
    strictly)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "ignore")
    codec = text.sniff_utf16(head)
    if codec:
        return head.decode(codec, "ignore")
    return head.decode("utf-8", "ignore").lstrip("\ufeff")


def _refuse_mismatch(name: str, ext: str, what: str) -> InputError:
    return InputError(
        f"{name}: content is {what} but the name ends in {ext}; refusing a file whose content "
        "does not match its name (rename it if the content is right)",
        file=name,
    )


def detect(path: Path, name: str) -> tuple[str, Magic | None]:
    """The source kind of a file and, for binary formats, what its magic number says."""
    check_name(name)
    head = read_head(path)
    if not head:
        raise InputError(f"{name}: file is empty (0 bytes)", file=name)
    ext = _extension(name)
    magic = sniff_magic(head)
    if magic is not None:
        if ext in TEXT_EXTENSIONS:
            raise _refuse_mismatch(name, ext, magic.description)
        if magic.kind == "other" and magic.media_type == "application/zip" and ext in {
            ".xlsx", ".xlsm"
        }:
            return "spreadsheet", magic
        return magic.kind, magic
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or text.sniff_utf16(head) is not None
    if not utf16 and text.looks_binary(head):
        if ext in TEXT_EXTENSIONS or not ext:
            raise _refuse_mismatch(name, ext or "(no extension)", "binary data")
        return "other", None
    sample = _head_text(head)
    lowered = name.lower()
    if ext in HTML_EXTENSIONS or _HTML_START.match(sample):
        return "html", None
    if _X_TWEETS.match(sample):
        return "social_export", None
    if ext == ".json" or sample.lstrip().startswith(("{", "[")):
        stripped = sample.lstrip()
        if stripped.startswith("{") and _TESTIMONY_JSON.search(sample) and '"statement"' in sample:
            return "testimony", None
        if stripped.startswith("{") and _TELEGRAM.search(sample):
            return "social_export", None
        if stripped.startswith("[") and _X_API.search(sample):
            return "social_export", None
    if ext in {".yaml", ".yml"} and _TESTIMONY_YAML.search(sample) and "statement" in sample:
        return "testimony", None
    if ext in {".csv", ".tsv"} or lowered.endswith(".csv.txt"):
        return "spreadsheet", None
    return "text", None


def detect_kind(path: Path, name: str) -> str:
    """The source kind (a key of ``PARSERS``) for the file at ``path`` received as ``name``.
    Raises InputError for a bad name, an empty file, or binary content under a text name."""
    return detect(path, name)[0]


def parse_other(path: Path, name: str) -> ParsedItem:
    """Formats we keep but do not read (audio, archives, HEIF photos, Office files)."""
    magic = sniff_magic(read_head(path))
    item = ParsedItem(
        kind="other",
        media_type=magic.media_type if magic else "application/octet-stream",
        meta={"format": magic.description if magic else "unknown binary"},
    )
    item.flags["not_parsed"] = True
    return item


def _parse_video(path: Path, name: str) -> ParsedItem:
    from dalil.ingest import media

    magic = sniff_magic(read_head(path))
    return media.parse_video(path, name, magic.media_type if magic else "video/mp4")


def _lazy(module: str, function: str) -> Parser:
    """A parser imported on first use: trafilatura, Pillow/imagehash (numpy, scipy) and pypdf
    cost about a second of start-up together, which a run that meets no such file should not pay."""

    def call(path: Path, name: str) -> ParsedItem:
        parser: Parser = getattr(importlib.import_module(f"dalil.ingest.{module}"), function)
        return parser(path, name)

    return call


PARSERS: dict[str, Parser] = {
    "text": text.parse,
    "html": _lazy("html", "parse"),
    "pdf": _lazy("pdf", "parse"),
    "social_export": _lazy("social", "parse"),
    "photo": _lazy("media", "parse_photo"),
    "video": _parse_video,
    "spreadsheet": _lazy("spreadsheet", "parse"),
    "testimony": _lazy("testimony_file", "parse"),
    "other": parse_other,
}


def parse_file(path: Path, name: str, *, origin_dir: Path | None = None) -> ParsedItem:
    """Detect the format of the file at ``path`` (received as ``name``) and parse it.

    ``origin_dir`` is the folder the file was received in: social-media exports look up their
    media files there (default: the folder of ``path``). Every failure is an InputError naming
    the file and the problem; the batch can go on with the next file.
    """
    kind = detect_kind(path, name)
    try:
        if kind == "social_export":
            from dalil.ingest import social

            return social.parse(path, name, origin_dir=origin_dir)
        return PARSERS[kind](path, name)
    except InputError:
        raise
    except MemoryError as exc:
        raise InputError(f"{name}: file too large to read in memory as {kind}", file=name) from exc
    except Exception as exc:
        # Safety net for library failures the parsers did not foresee on hostile input: one bad
        # file must become a per-file refusal, not end the batch. The cause stays chained for
        # debugging. A testimony's message names only the exception type: library messages
        # can quote the file's content, and that may be a witness's identity.
        detail = type(exc).__name__ if kind == "testimony" else f"{type(exc).__name__}: {exc}"
        raise InputError(f"{name}: could not read as {kind} ({detail})", file=name) from exc
