"""Saved web pages: main text and metadata with trafilatura (the pipeline keeps the original bytes).

Hostile pages (scripts, absurd nesting, tag soup, huge files) must neither crash nor hang: lxml
caps nesting depth on its own, only the first ``MAX_HTML_CHARS`` are handed to the extractor, and
a page with no extractable main text is kept and flagged rather than refused.
"""

from __future__ import annotations

import codecs
import re
from html import unescape
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ParsedItem
from dalil.ingest.text import decode_text

# Saved article pages are well under this; beyond it extraction time grows with no gain in text.
MAX_HTML_CHARS = 5_000_000

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode a page: a BOM first, then the charset the page declares, then text sniffing."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            try:
                codec = codecs.lookup(declared).name
            except LookupError:
                codec = ""
            # A page that says UTF-16 but was found with a one-byte-readable <meta> is lying.
            if codec and not codec.startswith("utf-16"):
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError:
                    pass  # wrong declaration (common in saved pages): sniff instead
    return decode_text(data, name)


def _head_meta(html: str) -> dict[str, str]:
    """og:* / article:* / canonical values from the head, which trafilatura does not all return."""
    found: dict[str, str] = {}
    try:
        doc = lxml.html.document_fromstring(html[:500_000])
    except (lxml.etree.ParserError, ValueError):
        return found
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    for link in doc.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            found.setdefault("canonical", str(link.get("href")).strip())
    return found


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def parse(path: Path, name: str) -> ParsedItem:
    html, encoding = decode_html(path.read_bytes(), name)
    item = ParsedItem(kind="html", media_type="text/html", meta={"encoding": encoding})
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
        item.flags["truncated_for_extraction"] = True
    if not html.strip():
        item.flags["no_main_text"] = True
        return item
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Only dates the page states about itself; an extensive search picks up any date
            # mentioned in the article, which would be a wrong publication date for evidence.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError) as exc:
        raise InputError(
            f"{name}: web page could not be read ({type(exc).__name__}: {exc})", file=name
        ) from exc

    head = _head_meta(html)
    fields: dict[str, Any] = {}
    if doc is not None:
        fields = doc if isinstance(doc, dict) else doc.as_dict()
    text = str(fields.get("text") or "").strip()
    item.title = _clean(fields.get("title"))
    item.author = _clean(fields.get("author"))
    item.published_at = _clean(fields.get("date"))
    item.publisher = _clean(fields.get("sitename"))
    item.origin_url = _clean(fields.get("url"))
    if fields.get("description"):
        item.meta["description"] = _clean(fields["description"])
    item.origin_url = _clean(head.get("og:url")) or _clean(head.get("canonical")) or item.origin_url
    item.publisher = item.publisher or _clean(head.get("og:site_name"))
    item.title = item.title or _clean(head.get("og:title"))
    item.author = item.author or _clean(head.get("author"))
    item.published_at = item.published_at or _clean(head.get("article:published_time"))
    if not item.title:
        title = re.search(r"<title[^>]*>(.*?)</title>", html[:200_000], re.I | re.S)
        item.title = _clean(unescape(title.group(1))) if title else None
    if text:
        item.texts = [text]
        item.language = detect_language(text)
    else:
        item.flags["no_main_text"] = True
    return item
