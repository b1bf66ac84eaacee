"""What the attribution rounds' tests read of a document: its claims and its quoted sources."""

from __future__ import annotations

from typing import Any

from dalil.extract import extract_document


def run(text: str) -> dict[str, Any]:
    return extract_document(text, published="2025-06-10").to_dict()


def claim(text: str, piece: str) -> dict[str, Any]:
    return next(c for c in run(text)["claims"] if piece in c["text"])


def sources(text: str) -> dict[str, tuple[str, bool]]:
    return {s["name"]: (s["role"], s["pseudonymous"]) for s in run(text)["quoted_sources"]}
