"""Choosing a parser: content first, the name's extension second; bad names and files refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import make_jpeg, make_pdf, make_xlsx, mp4_header

from dalil.errors import InputError
from dalil.ingest import detect
from dalil.ingest.detect import PARSERS, check_name, detect_kind, parse_file

Write = Callable[[str, bytes], Path]


@pytest.mark.parametrize(
    "name",
    [
        "report.txt",
        "تقرير جبلة.txt",
        "Baniyas...final.txt",
        "photo 2025-03-07 (1).jpg",
        ".hidden-notes",
    ],
)
def test_plain_names_are_accepted(name: str) -> None:
    assert check_name(name) == name


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("../etc/passwd", "path separator"),
        ("reports/a.txt", "path separator"),
        ("C:\\Users\\a.txt", "path separator"),
        ("..", "'.' or '..'"),
        (".", "'.' or '..'"),
        ("line\nbreak.txt", "control characters"),
        ("nul\x00.txt", "control characters"),
        ("tab\there.txt", "control characters"),
        ("photo\u202egpj.exe", "bidirectional"),
        ("a" * 300 + ".txt", "longer than 255 bytes"),
    ],
)
def test_bad_names_are_refused(name: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        check_name(name)


def test_refused_name_is_shown_escaped() -> None:
    with pytest.raises(InputError) as err:
        check_name("evil\nname.txt")
    assert "\n" not in err.value.message
    assert "evil\\nname.txt" in err.value.message


def test_zero_byte_file_is_refused(write: Write) -> None:
    with pytest.raises(InputError, match="empty"):
        detect_kind(write("empty.txt", b""), "empty.txt")


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("notes.txt", bytes(range(256)) * 8, "binary data"),
        ("photo.txt", make_jpeg(), "JPEG image"),
        ("data.json", make_pdf(["Hello"]), "PDF document"),
        ("page.html", b"\x7fELF\x02\x01\x01" + bytes(100), "executable"),
        ("noext", bytes(range(256)) * 8, "binary data"),
    ],
)
def test_binary_under_a_text_name_is_refused(
    write: Write, name: str, data: bytes, what: str
) -> None:
    with pytest.raises(InputError, match=what):
        detect_kind(write(name, data), name)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"A plain report about events in Latakia.", "text"),
        ("a.md", "# تقرير\nنص".encode(), "text"),
        ("saved", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("page.htm", b"<p>fragment</p>", "html"),
        ("r.pdf", make_pdf(["UN briefing"]), "pdf"),
        ("doc", make_pdf(["no extension"]), "pdf"),
        ("p.jpg", make_jpeg(), "photo"),
        ("p.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "photo"),
        ("clip.mp4", mp4_header(), "video"),
        ("clip.mov", b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + bytes(40), "video"),
        ("clip.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm" + bytes(40), "video"),
        ("list.xlsx", make_xlsx([["name"], ["Ali"]]), "spreadsheet"),
        ("list.csv", b"name,age\nAli,34\n", "spreadsheet"),
        ("voice.ogg", b"OggS\x00\x02" + bytes(60), "other"),
        ("bundle.zip", b"PK\x03\x04" + bytes(60), "other"),
        ("result.json", b'{"name": "c", "type": "channel", "messages": []}', "social_export"),
        ("tweets.js", b"window.YTD.tweets.part0 = []", "social_export"),
        ("api.json", b'[{"id_str": "1", "full_text": "x"}]', "social_export"),
        ("other.json", b'{"a": 1}', "text"),
        ("account.js", b"window.YTD.account.part0 = []", "text"),
        ("t.yaml", b"pseudonym: R\nstatement: x\n", "testimony"),
        ("t.json", b'{"pseudonym": "R", "statement": "x"}', "testimony"),
        ("config.yaml", b"key: value\n", "text"),
        ("utf16.txt", "report text".encode("utf-16"), "text"),
        ("utf16.html", "<html><body>x</body></html>".encode("utf-16-le"), "html"),
    ],
)
def test_kind_is_detected(write: Write, name: str, data: bytes, kind: str) -> None:
    assert detect_kind(write(name, data), name) == kind


def test_every_kind_has_a_parser() -> None:
    assert set(PARSERS) == {
        "text", "html", "pdf", "social_export", "photo", "video", "spreadsheet", "testimony",
        "other",
    }


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("wire_baniyas.txt", "text"),
        ("ngo_release.html", "html"),
        ("x_archive/tweets.js", "social_export"),
        ("x_api.json", "social_export"),
        ("telegram/result.json", "social_export"),
        ("victims.csv", "spreadsheet"),
        ("testimony_rima.yaml", "testimony"),
        ("testimony_ar.yaml", "testimony"),
        ("testimony.json", "testimony"),
    ],
)
def test_fixture_files_parse_through_parse_file(fixtures: Path, rel: str, kind: str) -> None:
    path = fixtures / rel
    item = parse_file(path, path.name)
    assert item.kind == kind


def test_parse_file_finds_export_media_in_origin_dir(
    tmp_path: Path, fixtures: Path, write: Write
) -> None:
    # The pipeline may parse a temporary copy: origin_dir says where the export came from.
    export = tmp_path / "export"
    shutil.copytree(fixtures / "telegram", export)
    write("export/photos/photo_1@07-03-2025_09-02-10.jpg", make_jpeg())
    copy = tmp_path / "vault-tmp-1234"
    shutil.copy(export / "result.json", copy)
    item = parse_file(copy, "result.json", origin_dir=export)
    assert item.children[0].attachments == [
        (export / "photos/photo_1@07-03-2025_09-02-10.jpg").resolve()
    ]


def test_other_formats_are_kept_unparsed(write: Write) -> None:
    item = parse_file(write("voice.ogg", b"OggS\x00\x02" + bytes(60)), "voice.ogg")
    assert (item.kind, item.media_type, item.flags) == ("other", "audio/ogg", {"not_parsed": True})


def test_unexpected_library_failure_becomes_input_error(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, name: str) -> None:
        raise ZeroDivisionError("division by zero in a parser")

    monkeypatch.setitem(PARSERS, "text", broken)
    with pytest.raises(InputError, match=r"could not read as text \(ZeroDivisionError"):
        parse_file(write("a.txt", b"some text here"), "a.txt")


def test_unexpected_failure_on_a_testimony_never_quotes_the_library_message(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, name: str) -> None:
        raise ValueError("unexpected value 'Mariam Haddad'")

    monkeypatch.setitem(detect.PARSERS, "testimony", broken)
    with pytest.raises(InputError) as err:
        parse_file(write("t.yaml", b"pseudonym: R\nstatement: x\n"), "t.yaml")
    assert "Mariam" not in str(err.value)
    assert "ValueError" in str(err.value)


def test_many_comments_do_not_stall_html_sniffing(write: Write) -> None:
    # Regression: a comment pattern that could span "-->" made this exponential (2^200 steps).
    data = b"<!-- a -->" * 200 + b"plain words after comments"
    assert detect_kind(write("c.txt", data), "c.txt") == "text"
    data = b"<!-- a -->" * 200 + b"<html><body>x</body></html>"
    assert detect_kind(write("c2.txt", data), "c2.txt") == "html"
