"""Saved web pages: main text and metadata; hostile pages neither crash nor hang."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dalil.ingest import html

Write = Callable[[str, bytes], Path]


def test_ngo_release_metadata_and_main_text(fixtures: Path) -> None:
    item = html.parse(fixtures / "ngo_release.html", "ngo_release.html")
    assert item.kind == "html"
    assert item.origin_url == "https://coastal-observatory.example.org/releases/2025-03-10-jableh"
    assert item.publisher == "Coastal Rights Observatory"
    assert item.author == "Documentation Unit"
    assert item.published_at == "2025-03-10"
    assert item.title is not None and "Jableh" in item.title
    assert item.language == "en"
    body = item.texts[0]
    assert "at least 31 civilians" in body
    # Boilerplate and scripts are not part of the main text.
    assert "tracking" not in body and "analytics" not in body and "Donate" not in body


def test_declared_legacy_charset_is_honoured(write: Write) -> None:
    page = (
        '<html><head><meta charset="windows-1256"><title>تقرير</title></head><body><article>'
        + "<p>أفاد سكان في بانياس بأن مسلحين دخلوا الحي الجنوبي فجراً وفتشوا المنازل.</p>" * 4
        + "</article></body></html>"
    )
    item = html.parse(write("ar.html", page.encode("cp1256")), "ar.html")
    assert "بانياس" in item.texts[0]
    assert item.language == "ar"
    assert item.meta["encoding"] == "cp1256"


def test_wrong_charset_declaration_falls_back_to_sniffing(write: Write) -> None:
    page = '<html><head><meta charset="us-ascii"></head><body><p>Jableh — جبلة report</p></body>'
    item = html.parse(write("x.html", page.encode("utf-8")), "x.html")
    assert item.meta["encoding"] == "utf-8"


def test_canonical_link_is_origin_when_og_url_is_missing(write: Write) -> None:
    page = (
        '<html><head><link rel="canonical" href="https://news.example.com/a/1"></head>'
        "<body><article><p>" + "Text about the events in Latakia. " * 20 + "</p></article></body>"
    )
    item = html.parse(write("a.html", page.encode()), "a.html")
    assert item.origin_url == "https://news.example.com/a/1"


@pytest.mark.parametrize(
    "page",
    [
        # Deep nesting: lxml stops at its depth limit instead of recursing.
        "<html><body>" + "<div>" * 100_000 + "<p>deep</p>" + "</div>" * 100_000 + "</body></html>",
        # Tag soup: unclosed, misnested, stray closing tags.
        "<html><body>" + "<p><b><i><table><tr><td><span>soup</b></p></td>" * 5_000,
        # Scripts and styles only.
        "<html><head><script>" + "while(true){}" * 1000 + "</script><style>p{}</style></head>"
        "<body><script>document.write('x')</script></body></html>",
        # Not even markup.
        "<<<>>><!-- unterminated comment <![CDATA[ &&&&;;; </html",
        "<html><body>" + "<img src=x onerror=alert(1)>" * 10_000 + "</body></html>",
    ],
)
def test_hostile_pages_are_kept_without_crashing(write: Write, page: str) -> None:
    item = html.parse(write("hostile.html", page.encode()), "hostile.html")
    assert item.kind == "html"
    for text in item.texts:
        assert "while(true)" not in text and "document.write" not in text
    if not item.texts:
        assert item.flags["no_main_text"] is True


def test_oversized_page_is_cut_for_extraction(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html, "MAX_HTML_CHARS", 1000)
    page = "<html><body><article>" + "<p>Report paragraph about Baniyas.</p>" * 200
    item = html.parse(write("big.html", page.encode()), "big.html")
    assert item.flags["truncated_for_extraction"] is True
