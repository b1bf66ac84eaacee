"""The bundled demo corpus: every file parses as what it is meant to show."""

from __future__ import annotations

import shutil
from pathlib import Path

import imagehash
import pytest

from dalil.ingest.detect import parse_file
from dalil.ingest.parsed import ParsedItem
from dalil.ingest.testimony_file import load_testimony

CORPUS = Path(__file__).resolve().parents[2] / "src" / "dalil" / "demo" / "corpus"


def _parse(rel: str) -> ParsedItem:
    path = CORPUS / rel
    return parse_file(path, path.name)


def test_corpus_is_small_and_every_file_parses() -> None:
    files = [p for p in CORPUS.rglob("*") if p.is_file()]
    assert 15 <= len(files) <= 30
    assert sum(p.stat().st_size for p in files) < 2 * 1024 * 1024
    for path in files:
        parse_file(path, path.name, origin_dir=path.parent)


def test_every_file_parses_the_same_from_a_staged_copy(tmp_path: Path) -> None:
    # The pipeline parses a temporary copy whose path has no meaningful name or extension.
    for path in (p for p in CORPUS.rglob("*") if p.is_file()):
        staged = tmp_path / "staged.part"
        shutil.copyfile(path, staged)
        direct = parse_file(path, path.name, origin_dir=path.parent)
        copied = parse_file(staged, path.name, origin_dir=path.parent)
        assert copied == direct, path.name


@pytest.mark.parametrize(
    ("rel", "kind", "language"),
    [
        ("reports/2025-03-08_levant-wire_baniyas.txt", "text", "en"),
        ("reports/2025-03-10_coastal-rights-observatory_release.html", "html", "en"),
        ("reports/2025-03-09_sahel-today_security-operation.html", "html", "en"),
        ("reports/2025-03-14_briefing-coastal-governorates.pdf", "pdf", "en"),
        ("reports/2025-03-11_sahel-rights-network_jableh_ar.txt", "text", "ar"),
        ("reports/2025-03-12_latakia-families-committee_ar.txt", "text", "ar"),
        ("victims/coastal-observatory_victims_2025-03-15.csv", "spreadsheet", None),
        ("victims/families-network_list_2025-03-16.xlsx", "spreadsheet", "ar"),
        ("testimonies/rima.yaml", "testimony", "en"),
        ("testimonies/um-yusuf_ar.yaml", "testimony", "ar"),
    ],
)
def test_reports_kinds_and_languages(rel: str, kind: str, language: str | None) -> None:
    item = _parse(rel)
    assert item.kind == kind
    if language:
        assert item.language == language


def test_arabic_reports_in_legacy_encodings() -> None:
    cp1256 = _parse("reports/2025-03-11_sahel-rights-network_jableh_ar.txt")
    utf16 = _parse("reports/2025-03-12_latakia-families-committee_ar.txt")
    assert cp1256.meta["encoding"] == "windows-1256" and "ريف جبلة" in cp1256.texts[0]
    assert utf16.meta["encoding"] == "utf-16" and "اللاذقية" in utf16.texts[0]


def test_partisan_article_keeps_its_hedges_and_attributions() -> None:
    item = _parse("reports/2025-03-09_sahel-today_security-operation.html")
    assert item.publisher == "Sahel Today" and item.published_at == "2025-03-09"
    body = item.texts[0]
    for phrase in ("the state broadcaster", "reportedly", "Critics say", "anonymous account"):
        assert phrase in body
    assert "Advertisement" not in body


def test_briefing_pdf_pages() -> None:
    item = _parse("reports/2025-03-14_briefing-coastal-governorates.pdf")
    assert item.meta["pages"] == 3
    assert "111 civilians" in item.texts[0]
    assert item.author == "Office for Humanitarian Monitoring"


def test_x_archive_has_reposts_quotes_and_media() -> None:
    path = CORPUS / "x-archive/data/tweets.js"
    item = parse_file(path, "tweets.js")
    assert item.author == "@coastwatch_sy" and item.meta["posts"] == 6
    posts = {c.external_id: c for c in item.children}
    assert posts["1898004000000000202"].parsed.meta["repost_of"]["handle"] == "@sahel_voice"
    assert posts["1898620000000000608"].parsed.meta["repost_of"]["handle"] == "@levantwire"
    assert posts["1898130000000000304"].parsed.meta["quote_of"]["handle"] == "@newsdesk_coast"
    assert len(posts["1897989000000000101"].attachments) == 1
    assert posts["1898480000000000507"].parsed.language == "ar"


def test_telegram_export_photo_has_exif_position() -> None:
    path = CORPUS / "telegram/ChatExport_2025-03-12/result.json"
    item = parse_file(path, "result.json")
    assert item.meta["posts"] == 5 and item.meta["skipped_service_messages"] == 1
    first = item.children[0]
    (photo_path,) = first.attachments
    photo = parse_file(photo_path, photo_path.name)
    assert photo.meta["exif"]["captured_at"] == "2025-03-07T09:11:47+02:00"
    assert photo.meta["exif"]["gps"]["lat"] == pytest.approx(35.1749, abs=1e-4)
    forwards = [c.parsed.meta["repost_of"]["name"] for c in item.children
                if "repost_of" in c.parsed.meta]
    assert forwards == ["Jableh Now", "State News Relay"]


def test_the_two_photos_are_near_duplicates() -> None:
    original = _parse("photos/IMG_20250307_091402.jpg")
    resent = _parse("photos/IMG-20250308-WA0004.jpg")
    assert "gps" in original.meta["exif"] and "exif" not in resent.meta
    distance = imagehash.hex_to_hash(original.meta["phash"]) - imagehash.hex_to_hash(
        resent.meta["phash"]
    )
    assert distance <= 4


def test_victim_lists_overlap_in_two_scripts() -> None:
    csv_item = _parse("victims/coastal-observatory_victims_2025-03-15.csv")
    xlsx_item = _parse("victims/families-network_list_2025-03-16.xlsx")
    assert csv_item.meta["header"][:3] == ["no", "name_ar", "name_en"]
    assert xlsx_item.meta["header"][1] == "الاسم الكامل"
    assert "Nizar Khoury" in csv_item.texts[0] and "Nizar Khouri" in xlsx_item.texts[0]


@pytest.mark.parametrize("rel", sorted(p.name for p in (CORPUS / "testimonies").iterdir()))
def test_testimonies_redact_their_identities(rel: str) -> None:
    path = CORPUS / "testimonies" / rel
    testimony = load_testimony(path, rel)
    assert testimony.identity is not None and testimony.identity.real_name
    item = parse_file(path, rel)
    text = item.texts[0]
    assert "[withheld]" in text
    flat = repr(item)
    for value in (testimony.identity.real_name, testimony.identity.contact,
                  testimony.identity.address, *testimony.identity.sensitive.values()):
        assert value and value not in flat
