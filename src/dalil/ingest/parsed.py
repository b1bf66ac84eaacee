"""What a format parser returns: the reading of one received file, before anything is stored.

Parsers are pure: ``parse(path, name) -> ParsedItem`` reads the file at ``path`` (the vault's
temporary copy of the received bytes; ``name`` is the original file name), and either returns a
``ParsedItem`` or raises ``dalil.errors.InputError`` with a message naming the problem. They never
touch the database or the vault; the ingest pipeline (``dalil.ingest.pipeline``) does that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass
class ParsedItem:
    kind: str  # one of dalil.db.models.SOURCE_KINDS
    media_type: str
    # Extracted UTF-8 text, one entry per part (PDF page); empty list when the item has no text.
    texts: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime, may be partial
    origin_url: str | None = None
    language: str | None = None  # ISO 639-1, detected from the text when not given
    flags: dict[str, Any] = field(default_factory=dict)  # e.g. {"scanned": True}
    meta: dict[str, Any] = field(default_factory=dict)  # format-specific: exif, phash, links ...
    # Items carried inside this file that become sources of their own (one per social-media post).
    children: list[ChildItem] = field(default_factory=list)


@dataclass
class ChildItem:
    """A source carried inside another file, such as one post of a social-media export."""

    data: bytes  # the exact bytes stored for it (canonical JSON of the post record)
    name: str  # a readable name, e.g. "tweets.js#1897...": never used as a path
    parsed: ParsedItem
    external_id: str | None = None
    # Media files the item refers to, found beside the export; ingested as sources whose parent is
    # this item. Paths are already checked to stay inside the export folder.
    attachments: list[Path] = field(default_factory=list)


class Parser(Protocol):
    def __call__(self, path: Path, name: str) -> ParsedItem: ...
