"""Plain text in the encodings reports arrive in, and the refusals."""

from __future__ import annotations

import codecs
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from dalil.errors import InputError
from dalil.ingest import text
from dalil.ingest.language import detect_language

ARABIC = (
    "أفاد شهود عيان في مدينة جبلة بأن مسلحين اقتحموا الحي الشرقي صباح يوم الجمعة "
    "وأحرقوا عدداً من المنازل، فيما لا يزال مصير عدد من الرجال مجهولاً."
)
ENGLISH = (
    "Residents of Baniyas said armed men entered the southern district at dawn and "
    "searched homes one by one, according to three accounts gathered on Saturday."
)
Write = Callable[[str, bytes], Path]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ENGLISH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC.encode("utf-8"), "utf-8"),
        (ARABIC.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16le"),  # no BOM
        (ARABIC.encode("utf-16-be"), "utf-16be"),
        (ENGLISH.encode("utf-16-le"), "utf-16le"),
        (ENGLISH.encode("utf-16-be"), "utf-16be"),
        (ARABIC.encode("cp1256"), "windows-1256"),
    ],
)
def test_text_is_decoded_from_every_supported_encoding(
    write: Write, data: bytes, encoding: str
) -> None:
    item = text.parse(write("report.txt", data), "report.txt")
    expected = ARABIC if "أفاد" in item.texts[0] else ENGLISH
    assert item.kind == "text"
    assert item.texts == [expected]
    assert item.meta["encoding"] == encoding
    assert item.media_type == f"text/plain; charset={encoding}"
    assert item.language == ("ar" if expected == ARABIC else "en")


def test_crlf_is_normalised(write: Write) -> None:
    item = text.parse(write("a.txt", b"line one of the report\r\nline two\rline three"), "a.txt")
    assert item.texts == ["line one of the report\nline two\nline three"]


def test_binary_content_is_refused(write: Write) -> None:
    data = b"PK\x00\x01" + bytes(range(256)) * 20
    with pytest.raises(InputError, match="binary"):
        text.parse(write("notes.txt", data), "notes.txt")


def test_control_heavy_content_is_refused(write: Write) -> None:
    data = b"\x01\x02\x03\x04\x05\x06text\x07\x08" * 200
    with pytest.raises(InputError, match="binary"):
        text.parse(write("x.txt", data), "x.txt")


def test_undecodable_bytes_are_refused(write: Write) -> None:
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(InputError, match="could not be decoded"):
        text.parse(write("garbled.txt", noise), "garbled.txt")


def test_broken_utf16_after_bom_is_refused(write: Write) -> None:
    data = codecs.BOM_UTF16_LE + "تقرير".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(InputError, match="utf-16"):
        text.parse(write("x.txt", data), "x.txt")


def test_whitespace_only_text_is_kept_and_flagged(write: Write) -> None:
    item = text.parse(write("blank.txt", b"  \n\n  "), "blank.txt")
    assert item.texts == []
    assert item.flags == {"empty_text": True}


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (ARABIC, "ar"),
        (ENGLISH, "en"),
        (
            "Des habitants de Baniyas affirment que des hommes armés sont entrés dans le "
            "quartier sud à l'aube et ont fouillé les maisons une par une.",
            "fr",
        ),
        ("ok", None),
        ("https://example.org/a/very/long/link/without/words #Baniyas @someone", None),
        ("", None),
    ],
)
def test_language_detection(sample: str, expected: str | None) -> None:
    assert detect_language(sample) == expected


def test_language_detection_is_stable() -> None:
    sample = "Gunmen entered the village and people fled towards the hills, residents said."
    assert {detect_language(sample) for _ in range(5)} == {"en"}
