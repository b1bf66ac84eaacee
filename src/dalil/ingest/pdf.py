"""PDF: text per page with pypdf.

Refused: files that need a password to open, and truncated or corrupt files (no end-of-file
marker, unreadable structure). Kept and flagged ``scanned``: PDFs with pages but no text layer
(scans), which a later OCR step can read.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ParsedItem

# Fewer non-space characters than this on every page: a scan (page numbers or a stamp only).
SCANNED_MAX_CHARS_PER_PAGE = 10
# pypdf requires %%EOF within the last 1024 bytes in strict mode; we check the same window.
_EOF_WINDOW = 1024

_LIBRARY_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                   RecursionError, OSError, ZeroDivisionError)


def _pdf_date(value: Any) -> str | None:
    """PDF dates look like D:20250314093000+02'00'; keep the ISO date part."""
    if not isinstance(value, str):
        return None
    digits = value.removeprefix("D:")[:8]
    if len(digits) == 8 and digits.isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None


def _tail(path: Path) -> bytes:
    with path.open("rb") as fh:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - _EOF_WINDOW))
        return fh.read()


def parse(path: Path, name: str) -> ParsedItem:
    if b"%%EOF" not in _tail(path):
        raise InputError(
            f"{name}: PDF is truncated or damaged (no end-of-file marker); nothing stored",
            file=name,
        )
    # pypdf logs every recoverable oddity of real-world PDFs as a warning; the outcome is what
    # matters here, so keep the batch output readable.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
        item = ParsedItem(kind="pdf", media_type="application/pdf")
        if reader.is_encrypted:
            # Many PDFs are encrypted with an empty user password (only printing/copying is
            # restricted): they open without a password and are read normally.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise InputError(
                    f"{name}: PDF uses an encryption this installation cannot open ({exc})",
                    file=name,
                ) from exc
            if not opened:
                raise InputError(
                    f"{name}: PDF is encrypted with a password; ask the sender for an "
                    "unprotected copy",
                    file=name,
                )
            item.flags["encrypted_without_password"] = True
        pages = len(reader.pages)
        texts = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except FileNotDecryptedError as exc:
        raise InputError(f"{name}: PDF is encrypted with a password", file=name) from exc
    except InputError:
        raise
    except _LIBRARY_ERRORS as exc:
        raise InputError(
            f"{name}: PDF is corrupt or unreadable ({type(exc).__name__}: {exc})", file=name
        ) from exc
    if pages == 0:
        raise InputError(f"{name}: PDF has no pages", file=name)
    item.meta["pages"] = pages
    if info is not None:
        item.title = (str(info.title).strip() or None) if info.title else None
        item.author = (str(info.author).strip() or None) if info.author else None
        created = _pdf_date(info.get("/CreationDate"))
        if created:
            item.meta["pdf_created"] = created
        if info.producer:
            item.meta["producer"] = str(info.producer)
    texts = [t.replace("\x00", "").strip() for t in texts]
    if all(len("".join(t.split())) <= SCANNED_MAX_CHARS_PER_PAGE for t in texts):
        item.flags["scanned"] = True
        return item
    item.texts = texts
    empty = [i + 1 for i, t in enumerate(texts) if not t]
    if empty:
        item.flags["pages_without_text"] = empty
    item.language = detect_language("\n".join(texts))
    return item
