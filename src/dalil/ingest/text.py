"""Plain text: decode UTF-8 (with or without BOM), UTF-16 (LE/BE, with or without BOM) and the
legacy encodings reports from the region arrive in (Windows-1256 Arabic; Windows-1252 and
ISO-8859-6 as the other plausible legacy encodings), and refuse binary or undecodable content.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path

from charset_normalizer import from_bytes

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ParsedItem

# Legacy single-byte encodings charset-normalizer may choose between when the bytes are neither
# UTF-8 nor UTF-16. Restricting the list avoids confident guesses of exotic code pages (Big5,
# KOI8 ...) for what is really garbage, which would turn binary noise into "text".
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "cp1252")

# How much of the start of a file is looked at to decide "text or binary".
SNIFF_BYTES = 64 * 1024

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\r\f\v\x1b")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    # The Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; a regex counts them
    # ~30x faster than unicodedata.category per character.
    return len(_CONTROLS.findall(text)) / len(text)


def sniff_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less UTF-16 text, or None.

    Why hand-written: charset-normalizer does not detect BOM-less UTF-16 reliably. In real text
    the high byte of most code units takes very few values (0x00 for Latin, 0x06 and 0x00 for
    Arabic), while the low bytes vary; binary data and UTF-8 show no such pattern.
    """
    sample = data[: SNIFF_BYTES - (SNIFF_BYTES % 2)]
    if len(sample) % 2:
        sample = sample[:-1]
    if len(sample) < 8:
        return None
    units = len(sample) // 2
    for codec, high_index in (("utf-16-le", 1), ("utf-16-be", 0)):
        # Quick rejection on the first 1 KB: UTF-8 and binary data fail it at once, and a full
        # count over 64 KB for every file was a noticeable part of ingest time.
        head = Counter(sample[high_index:2048:2])
        if sum(n for _, n in head.most_common(2)) < 0.8 * max(1, len(sample[high_index:2048:2])):
            continue
        highs = Counter(sample[high_index::2])
        lows = Counter(sample[1 - high_index :: 2])
        top_two = sum(n for _, n in highs.most_common(2))
        if top_two / units < 0.95 or len(lows) < 4 or len(lows) <= len(highs):
            continue
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) < 0.01:
            return codec
    return None


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding we read: NUL bytes or many controls.

    Call only after UTF-16 was ruled out (UTF-16 text is full of NUL bytes).
    """
    sample = data[:SNIFF_BYTES]
    if not sample:
        return False
    if sample.count(0) > max(1, len(sample) // 1000):
        return True
    controls = sum(sample.count(b) for b in _BINARY_CONTROLS)
    return controls / len(sample) > 0.02


_LABELS = {
    "utf-8-sig": "utf-8",
    "utf_8": "utf-8",
    "utf-16": "utf-16",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
    "cp1256": "windows-1256",
    "cp1252": "windows-1252",
    "iso8859_6": "iso-8859-6",
}


def charset_label(encoding: str) -> str:
    """The IANA charset name of a Python codec name, as used in a media type."""
    return _LABELS.get(encoding, encoding)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode the bytes of a text file; return ``(text, encoding)``. Raise InputError if the
    content is binary or cannot be decoded as any plausible encoding."""
    text: str | None = None
    encoding: str
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        encoding = "utf-16"
    else:
        encoding = sniff_utf16(data) or ""
        if not encoding:
            if looks_binary(data):
                raise InputError(
                    f"{name}: content is binary (NUL or control bytes), not text", file=name
                )
            try:
                text = data.decode("utf-8")
                encoding = "utf-8"
            except UnicodeDecodeError:
                best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
                if best is None:
                    raise InputError(
                        f"{name}: text could not be decoded: not UTF-8, UTF-16 or a plausible "
                        f"legacy encoding ({', '.join(LEGACY_ENCODINGS)})",
                        file=name,
                    ) from None
                encoding = best.encoding
                text = str(best)
    if text is None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: text could not be decoded as {encoding}: invalid bytes at offset "
                f"{exc.start}",
                file=name,
            ) from None
    if _control_ratio(text[:SNIFF_BYTES]) > 0.02:
        raise InputError(f"{name}: content is binary (control characters), not text", file=name)
    # One newline convention for later stages; the original bytes stay in the vault.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def parse(path: Path, name: str) -> ParsedItem:
    text, encoding = decode_text(path.read_bytes(), name)
    item = ParsedItem(
        kind="text",
        media_type=f"text/plain; charset={charset_label(encoding)}",
        texts=[text] if text.strip() else [],
        language=detect_language(text),
        meta={"encoding": charset_label(encoding)},
    )
    if not text.strip():
        item.flags["empty_text"] = True
    return item
