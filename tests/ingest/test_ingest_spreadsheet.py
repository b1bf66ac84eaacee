"""Victim lists as CSV and XLSX: validated, shape and header recorded, not parsed into people."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import make_xlsx

from dalil.errors import InputError
from dalil.ingest import spreadsheet
from dalil.ingest.detect import parse_file

Write = Callable[[str, bytes], Path]


def test_csv_shape_and_header(fixtures: Path) -> None:
    item = spreadsheet.parse(fixtures / "victims.csv", "victims.csv")
    assert item.kind == "spreadsheet"
    assert item.media_type == "text/csv; charset=utf-8"
    assert item.meta["rows"] == 4 and item.meta["columns"] == 8
    assert item.meta["header"][:3] == ["no", "name_ar", "name_latin"]
    assert "علي حسن إبراهيم" in item.texts[0]


def test_semicolon_csv_in_windows_1256(write: Write) -> None:
    data = "الاسم;العمر\nعلي حسن;34\nفاطمة ديب;61\n".encode("cp1256")
    item = parse_file(write("list.csv", data), "list.csv")
    assert item.meta["delimiter"] == ";"
    assert item.meta["header"] == ["الاسم", "العمر"]
    assert item.meta["encoding"] == "windows-1256"


def test_xlsx_is_opened_and_described(write: Write) -> None:
    rows: list[list[object]] = [
        ["الاسم", "Name", "Age", "Town"],
        ["علي حسن إبراهيم", "Ali Hasan Ibrahim", 34, "Baniyas"],
        ["سمير خليل محمود", "Samir Khalil Mahmud", 19, "Jableh"],
    ]
    item = parse_file(write("list.xlsx", make_xlsx(rows)), "list.xlsx")
    assert item.kind == "spreadsheet"
    assert item.meta["format"] == "xlsx"
    assert (item.meta["rows"], item.meta["columns"]) == (3, 4)
    assert item.meta["header"] == ["الاسم", "Name", "Age", "Town"]
    assert item.meta["sheets"][0]["name"] == "Victims"
    assert "Samir Khalil Mahmud" in item.texts[0]


def test_xlsx_staged_under_a_temporary_name_is_read(write: Write) -> None:
    # The pipeline parses a staged copy ("<hash>.part"): the name, not the path, says .xlsx.
    path = write("staged-3f9c.part", make_xlsx([["name", "age"], ["Ali", 34]]))
    item = parse_file(path, "list.xlsx")
    assert (item.kind, item.meta["rows"], item.meta["columns"]) == ("spreadsheet", 2, 2)


@pytest.mark.parametrize("keep", [0.3, 0.7])
def test_truncated_xlsx_is_refused(write: Write, keep: float) -> None:
    data = make_xlsx([["name"], ["Ali"]])
    with pytest.raises(InputError, match="XLSX"):
        parse_file(write("cut.xlsx", data[: int(len(data) * keep)]), "cut.xlsx")


def test_zip_that_is_not_a_workbook_is_refused(write: Write) -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    with pytest.raises(InputError, match="not a valid XLSX"):
        parse_file(write("fake.xlsx", out.getvalue()), "fake.xlsx")


def test_empty_csv_is_refused(write: Write) -> None:
    with pytest.raises(InputError, match="empty"):
        spreadsheet.parse_csv(write("e.csv", b"\n\n  \n"), "e.csv")


@pytest.mark.parametrize("junk", ['"a,' * 30_000, ',"' * 40_000])
def test_hostile_quoting_is_read_as_a_one_row_table(write: Write, junk: str) -> None:
    # The dialect sniffer only sees the first 4 KB (its regex is quadratic in the sample).
    item = spreadsheet.parse_csv(write("junk.csv", junk.encode()), "junk.csv")
    assert item.meta["rows"] == 1
