"""Reading victim lists: header detection, YAML mappings, dates, malformed rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dalil.errors import InputError
from dalil.linkage.records import (
    detect_mapping,
    load_mapping,
    parse_date,
    parse_rows,
    read_table,
)

HEADERS = [
    (["Name", "Sex", "Age", "Date of death", "Place of death"],
     {"full_name": "Name", "sex": "Sex", "age": "Age", "date_of_death": "Date of death",
      "place_of_death": "Place of death"}),
    (["الاسم", "الجنس", "العمر", "تاريخ الوفاة", "مكان الوفاة", "المحافظة"],
     {"full_name": "الاسم", "sex": "الجنس", "age": "العمر", "date_of_death": "تاريخ الوفاة",
      "place_of_death": "مكان الوفاة", "governorate": "المحافظة"}),
    (["First name", "Father's name", "Surname", "Mother name", "Year of birth"],
     {"given_name": "First name", "father_name": "Father's name", "family_name": "Surname",
      "mother_name": "Mother name", "birth_year": "Year of birth"}),
    (["الاسم الأول", "اسم الأب", "اسم الجد", "الكنية", "اسم الأم", "تاريخ الاستشهاد"],
     {"given_name": "الاسم الأول", "father_name": "اسم الأب", "grandfather_name": "اسم الجد",
      "family_name": "الكنية", "mother_name": "اسم الأم", "date_of_death": "تاريخ الاستشهاد"}),
    (["full_name", "Notes", "Unrelated column"], {"full_name": "full_name"}),
]


@pytest.mark.parametrize(("headers", "expected"), HEADERS)
def test_detect_mapping(headers: list[str], expected: dict[str, str]) -> None:
    assert dict(detect_mapping(headers).columns) == expected


DATES = [
    ("2013-04-03", date(2013, 4, 3), "day"),
    ("03/04/2013", date(2013, 4, 3), "day"),
    ("3.4.2013", date(2013, 4, 3), "day"),
    ("2013-04", date(2013, 4, 1), "month"),
    ("04/2013", date(2013, 4, 1), "month"),
    ("2013", date(2013, 1, 1), "year"),
    ("٢٠١٣-٠٤-٠٣", date(2013, 4, 3), "day"),
    ("3 آذار 2013", date(2013, 3, 3), "day"),
    ("نيسان 2013", date(2013, 4, 1), "month"),
    ("12 Mar 2014", date(2014, 3, 12), "day"),
    ("2013-04-03T10:00:00", date(2013, 4, 3), "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), DATES)
def test_parse_date(text: str, value: date, precision: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.value, parsed.precision) == (value, precision)


def test_parse_date_month_first_when_asked() -> None:
    parsed = parse_date("04/03/2013", "MDY")
    assert parsed is not None and parsed.value == date(2013, 4, 3)


@pytest.mark.parametrize("bad", ["yesterday", "31/02/2013", "2013-13"])
def test_parse_date_refuses_non_dates(bad: str) -> None:
    with pytest.raises(InputError):
        parse_date(bad)


def test_empty_date_is_none() -> None:
    assert parse_date("  ") is None


CSV = """Name,Sex,Age,Date of death,Place
Mohammad Ali Hasan,M,34,2013-04-03,Homs
Fatima al-Khatib,female,twenty,2013-04,Hama
,M,40,2013-05-01,Homs
Khaled Omar,X,22,2014-01-01,Idlib
Yousef Darwish,M,51,2015-99-99,Douma
Rana Haddad,F,19,2016,Daraa
"""


def test_malformed_rows_are_reported_and_the_rest_imports(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    headers, rows = read_table(path)
    result = parse_rows("test", headers, rows)
    assert [r.row_number for r in result.records] == [2, 7]
    assert {e.row_number for e in result.errors} == {3, 4, 5, 6}
    messages = {e.row_number: e.message for e in result.errors}
    assert "age" in messages[3]
    assert "no name" in messages[4]
    assert "sex" in messages[5]
    assert "date" in messages[6]
    first = result.records[0]
    assert (first.full_name, first.sex, first.age, first.date_of_death, first.date_precision) == (
        "Mohammad Ali Hasan", "male", 34, "2013-04-03", "day")
    # the original cells are kept exactly as written
    assert first.original == {"Name": "Mohammad Ali Hasan", "Sex": "M", "Age": "34",
                              "Date of death": "2013-04-03", "Place": "Homs"}


def test_arabic_csv_in_windows_encoding(tmp_path: Path) -> None:
    text = "الاسم,الجنس,تاريخ الوفاة\nمحمد علي حسن,ذكر,3/4/2013\nفاطمة الخطيب,أنثى,2013\n"
    path = tmp_path / "ar.csv"
    path.write_bytes(text.encode("cp1256"))
    headers, rows = read_table(path)
    result = parse_rows("ar", headers, rows)
    assert [(r.full_name, r.sex, r.date_of_death) for r in result.records] == [
        ("محمد علي حسن", "male", "2013-04-03"), ("فاطمة الخطيب", "female", "2013")]


def test_xlsx_is_read_with_row_numbers(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Victim name", "Age", "Date of death"])
    ws.append(["Samer Nizar Haddad", 22, "2016-02-01"])
    ws.append([None, None, None])
    ws.append(["Lina Qabbani", "n/a", "2016-02-02"])
    ws.append(["Reem Tlass", 30.0, "2017"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    headers, rows = read_table(path)
    result = parse_rows("x", headers, rows)
    assert [(r.row_number, r.full_name, r.age) for r in result.records] == [
        (2, "Samer Nizar Haddad", 22), (5, "Reem Tlass", 30)]
    assert [e.row_number for e in result.errors] == [4]


def test_yaml_mapping_overrides_detection(tmp_path: Path) -> None:
    headers = ["Deceased", "Date", "Town"]
    mapping_file = tmp_path / "m.yaml"
    mapping_file.write_text(
        "columns:\n  full_name: Deceased\n  place_of_origin: Town\ndate_order: MDY\n",
        encoding="utf-8")
    mapping = load_mapping(mapping_file, headers)
    assert dict(mapping.columns) == {"full_name": "Deceased", "place_of_origin": "Town",
                                     "date_of_death": "Date"}
    result = parse_rows("m", headers, [(2, {"Deceased": "Ali Hasan", "Date": "04/03/2013",
                                            "Town": "Homs"})], mapping)
    assert result.records[0].date_of_death == "2013-04-03"
    assert result.records[0].place_of_origin == "Homs"


@pytest.mark.parametrize(("yaml_text", "problem"), [
    ("columns:\n  nickname: Deceased\n", "unknown field"),
    ("columns:\n  full_name: Missing column\n", "not in the file"),
    ("- just\n- a list\n", "YAML mapping"),
    ("columns:\n  full_name: Deceased\ndate_order: XYZ\n", "date_order"),
])
def test_bad_mappings_are_refused(tmp_path: Path, yaml_text: str, problem: str) -> None:
    mapping_file = tmp_path / "m.yaml"
    mapping_file.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        load_mapping(mapping_file, ["Deceased", "Date"])


def test_a_file_without_a_name_column_is_refused() -> None:
    with pytest.raises(InputError, match="no name column"):
        parse_rows("x", ["Age", "Date"], [(2, {"Age": "3", "Date": "2013"})])
