"""PDF: text per page; encrypted, truncated and corrupt files refused; scans flagged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import encrypt_pdf, make_pdf, make_scanned_pdf

from dalil.errors import InputError
from dalil.ingest import pdf
from dalil.ingest.detect import parse_file

Write = Callable[[str, bytes], Path]

PAGES = [
    "Briefing to the Security Council. Between 6 and 10 March 2025 the Office received "
    "credible reports of killings of civilians in the coastal governorates of Latakia and Tartus.",
    "In Baniyas, families reported that men were separated from women and children and shot.",
]


def test_text_per_page_and_metadata(write: Write) -> None:
    data = make_pdf(PAGES, title="Coastal briefing", author="Office of the Envoy")
    item = pdf.parse(write("b.pdf", data), "b.pdf")
    assert item.kind == "pdf" and item.media_type == "application/pdf"
    assert len(item.texts) == 2
    assert "Security Council" in item.texts[0] and "Baniyas" in item.texts[1]
    assert item.meta["pages"] == 2
    assert item.title == "Coastal briefing" and item.author == "Office of the Envoy"
    assert item.language == "en"
    assert "scanned" not in item.flags


def test_scanned_pdf_is_kept_and_flagged(write: Write) -> None:
    item = pdf.parse(write("scan.pdf", make_scanned_pdf()), "scan.pdf")
    assert item.flags["scanned"] is True
    assert item.texts == []
    assert item.meta["pages"] == 1


def test_pdf_with_a_user_password_is_refused(write: Write) -> None:
    data = encrypt_pdf(make_pdf(PAGES), user_password="s3cret")
    with pytest.raises(InputError, match="encrypted with a password"):
        pdf.parse(write("locked.pdf", data), "locked.pdf")


def test_pdf_encrypted_with_empty_user_password_is_read(write: Write) -> None:
    data = encrypt_pdf(make_pdf(PAGES), user_password="")
    item = pdf.parse(write("restricted.pdf", data), "restricted.pdf")
    assert "Security Council" in item.texts[0]
    assert item.flags["encrypted_without_password"] is True


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused(write: Write, keep: float) -> None:
    data = make_pdf(PAGES)
    cut = data[: int(len(data) * keep)]
    with pytest.raises(InputError, match="truncated or damaged"):
        parse_file(write("cut.pdf", cut), "cut.pdf")


def test_corrupt_pdf_body_is_refused(write: Write) -> None:
    data = b"%PDF-1.7\n" + b"\x00garbage that is not a PDF structure\n" * 50 + b"%%EOF\n"
    with pytest.raises(InputError, match=r"corrupt or unreadable|no pages"):
        pdf.parse(write("bad.pdf", data), "bad.pdf")
