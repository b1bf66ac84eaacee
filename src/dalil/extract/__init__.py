"""Extraction: claims (who says what, how sure) and events (what, when, where, by whom, to whom,
how many) from the text of a report, each tied to the span of the text it came from.

    >>> from dalil.extract import extract_document
    >>> result = extract_document(text, published="2025-03-09")
    >>> result.to_dict()["places"]
"""

from dalil.extract.lexicon import VIOLATION_TYPES, load_lexicons
from dalil.extract.model import Claim, Event, Extraction, Figure, Place, QuotedSource
from dalil.extract.pipeline import EXTRACTOR_VERSION, MAX_CHARS, detect_language, extract_document

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_CHARS",
    "VIOLATION_TYPES",
    "Claim",
    "Event",
    "Extraction",
    "Figure",
    "Place",
    "QuotedSource",
    "detect_language",
    "extract_document",
    "load_lexicons",
]
