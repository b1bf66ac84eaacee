"""Victim records from CSV and XLSX lists: column mapping, parsing, row-level error reports.

A list's columns are mapped to the fields below, either detected from common English and Arabic
headers or given in a small YAML file::

    columns:
      full_name: "Name of the deceased"
      date_of_death: "تاريخ الوفاة"
    date_order: DMY        # how to read 03/04/2013 (DMY default, or MDY, YMD)

Each parsed record keeps its row number and the original cell values untouched; a malformed row
is reported with its row number and the import of the other rows goes on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from dalil.errors import InputError
from dalil.linkage.names import normalise_arabic

__all__ = [
    "FIELDS",
    "ColumnMapping",
    "ImportResult",
    "ParsedDate",
    "RowError",
    "VictimRecord",
    "detect_mapping",
    "load_mapping",
    "parse_date",
    "parse_rows",
    "read_table",
]

# field -> header spellings that mean it (compared after folding case, spaces and punctuation)
FIELDS: dict[str, tuple[str, ...]] = {
    "list_record_id": ("id", "record id", "record_id", "ref", "reference", "no", "number", "#",
                       "case id", "victim id", "الرقم", "رقم", "الرقم التسلسلي", "المعرف", "رقم السجل"),
    "full_name": ("name", "full name", "full_name", "victim", "victim name", "name of victim",
                  "الاسم", "الاسم الكامل", "اسم الضحية", "الاسم الثلاثي", "اسم الشهيد", "الاسم والكنية",
                  # Lists that give the name twice, in Arabic script and in Latin letters: the
                  # first such column found is used, the other stays in the original values.
                  "name ar", "name arabic", "arabic name", "name in arabic", "الاسم بالعربية",
                  "name en", "name latin", "latin name", "english name", "name in english",
                  "الاسم بالانكليزية", "الاسم بالإنجليزية"),
    "given_name": ("given name", "first name", "first_name", "given", "forename", "الاسم الاول",
                   "الاسم الأول"),
    "father_name": ("father", "father name", "father's name", "fathers name", "father_name",
                    "اسم الاب", "اسم الأب", "الاب", "الأب"),
    "grandfather_name": ("grandfather", "grandfather name", "grandfather's name",
                         "grandfather_name", "اسم الجد", "الجد"),
    "family_name": ("family name", "last name", "surname", "family", "last_name", "family_name",
                    "الكنية", "اللقب", "اسم العائلة", "العائلة", "الشهرة"),
    "mother_name": ("mother", "mother name", "mother's name", "mothers name", "mother_name",
                    "اسم الام", "اسم الأم", "الام", "الأم"),
    "sex": ("sex", "gender", "الجنس"),
    "age": ("age", "العمر", "السن"),
    "birth_year": ("birth year", "year of birth", "yob", "born", "birth_year", "date of birth",
                   "dob", "سنة الولادة", "تاريخ الولادة", "المواليد", "مواليد", "التولد"),
    "date_of_death": ("date of death", "date", "death date", "date_of_death", "date of incident",
                      "date of disappearance", "died", "تاريخ الوفاة", "تاريخ الاستشهاد",
                      "التاريخ", "تاريخ الاختفاء", "تاريخ الحادثة", "تاريخ الفقدان"),
    "place_of_death": ("place of death", "place", "location", "place_of_death",
                       "place of incident", "مكان الوفاة", "مكان الاستشهاد", "المكان",
                       "مكان الحادثة", "مكان الاختفاء"),
    "place_of_origin": ("place of origin", "origin", "hometown", "home town", "place_of_origin",
                        "from", "residence", "مكان الاقامة", "مكان الإقامة", "البلدة", "القرية",
                        "المنطقة", "محل القيد", "الاصل", "من"),
    "governorate": ("governorate", "province", "muhafaza", "المحافظة"),
    "manner_of_death": ("manner of death", "manner", "manner_of_death", "type", "violation",
                        "طريقة الوفاة", "طريقة القتل", "نوع الانتهاك"),
    "cause_of_death": ("cause of death", "cause", "cause_of_death", "سبب الوفاة", "السبب"),
    "status": ("status", "civilian", "civilian/combatant", "combatant", "civilian status",
               "الصفة", "مدني/عسكري", "مدني او عسكري", "الوضع"),
}

SEX_VALUES = {
    "m": "male", "male": "male", "man": "male", "boy": "male", "ذكر": "male", "رجل": "male",
    "f": "female", "female": "female", "woman": "female", "girl": "female", "انثى": "female",
    "أنثى": "female", "امراه": "female", "امرأة": "female",
}
STATUS_VALUES = {
    "civilian": "civilian", "c": "civilian", "مدني": "civilian", "مدنية": "civilian",
    "combatant": "combatant", "fighter": "combatant", "military": "combatant", "عسكري": "combatant",
    "مقاتل": "combatant", "unknown": "unknown", "غير معروف": "unknown",
}


def _fold_header(text: str) -> str:
    t = normalise_arabic(text) if re.search(r"[\u0600-\u06FF]", text) else text.lower()
    return re.sub(r"[\s_\-'’:./()]+", " ", t).strip()


_HEADER_INDEX: dict[str, str] = {}
for _field, _names in FIELDS.items():
    for _n in _names:
        _HEADER_INDEX.setdefault(_fold_header(_n), _field)


@dataclass(frozen=True)
class ColumnMapping:
    """Which header holds which field, plus how to read ambiguous dates."""

    columns: Mapping[str, str]  # field -> header
    date_order: str = "DMY"


def detect_mapping(headers: Iterable[str]) -> ColumnMapping:
    """Map known English and Arabic header spellings to fields; unknown headers are kept only
    in the record's original values."""
    columns: dict[str, str] = {}
    for header in headers:
        fld = _HEADER_INDEX.get(_fold_header(str(header)))
        if fld and fld not in columns:
            columns[fld] = header
    return ColumnMapping(columns=columns)


def load_mapping(path: Path, headers: Iterable[str]) -> ColumnMapping:
    """Read a YAML mapping; fields it does not name are still auto-detected."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the column mapping {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"the column mapping {path} must be a YAML mapping")
    cols = data.get("columns", {})
    if not isinstance(cols, dict):
        raise InputError(f"'columns' in {path} must map field names to headers")
    unknown = sorted(set(cols) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field(s) in {path}: {', '.join(unknown)}; "
                         f"known fields: {', '.join(FIELDS)}")
    header_list = [str(h) for h in headers]
    missing = sorted(str(h) for h in cols.values() if str(h) not in header_list)
    if missing:
        raise InputError(f"the mapping {path} names columns not in the file: {', '.join(missing)}")
    order = str(data.get("date_order", "DMY")).upper()
    if order not in {"DMY", "MDY", "YMD"}:
        raise InputError(f"date_order in {path} must be DMY, MDY or YMD, not {order}")
    detected = dict(detect_mapping(h for h in header_list if h not in cols.values()).columns)
    detected.update({k: str(v) for k, v in cols.items()})
    return ColumnMapping(columns=detected, date_order=order)


# --- reading files ---------------------------------------------------------------------------

def read_table(path: Path | None = None, data: bytes | None = None, *, name: str = "") -> tuple[
    list[str], list[tuple[int, dict[str, str]]]
]:
    """Headers and (row number, {header: text}) for a CSV or XLSX file.

    Row numbers are those a person sees in a spreadsheet program: the header is row 1.
    """
    if data is None:
        if path is None:
            raise InputError("read_table needs a path or bytes")
        data = path.read_bytes()
        name = name or path.name
    suffix = Path(name).suffix.lower()
    if suffix in {".xlsx", ".xlsm"} or data[:2] == b"PK":
        return _read_xlsx(data)
    if suffix in {".csv", ".tsv", ".txt", ""}:
        return _read_csv(data)
    raise InputError(f"{name}: victim lists must be CSV or XLSX, not {suffix}")


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1256"):  # cp1256: Arabic Windows exports
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding of this CSV file")
    return str(best)


def _read_csv(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    text = _decode(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = list(reader)
    if not rows:
        raise InputError("the file is empty")
    headers = [h.strip() for h in rows[0]]
    out: list[tuple[int, dict[str, str]]] = []
    for i, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = {h: (row[j].strip() if j < len(row) else "") for j, h in enumerate(headers)}
        if len(row) > len(headers):
            cells["__extra__"] = "|".join(row[len(headers):])
        out.append((i, cells))
    return headers, out


def _read_xlsx(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types for a damaged workbook
        raise InputError(f"not a readable XLSX workbook: {exc}") from exc
    ws = wb.worksheets[0]
    rows_iter = ws.iter_rows(values_only=True)
    first = next(rows_iter, None)
    if first is None:
        raise InputError("the workbook's first sheet is empty")
    headers = [str(h).strip() if h is not None else f"column {j + 1}" for j, h in enumerate(first)]
    out: list[tuple[int, dict[str, str]]] = []
    for i, row in enumerate(rows_iter, start=2):
        if row is None or all(c is None or str(c).strip() == "" for c in row):
            continue
        cells = {h: _cell_text(row[j] if j < len(row) else None) for j, h in enumerate(headers)}
        out.append((i, cells))
    wb.close()
    return headers, out


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- values ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParsedDate:
    """A date with its precision: 'day', 'month' or 'year'. ``value`` is the first day covered."""

    value: date
    precision: str

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Levantine (Syriac) and Egyptian month names
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}


def parse_date(text: str, order: str = "DMY") -> ParsedDate | None:
    """Read a date of death as written in lists: 2013-04-03, 3/4/2013, 04/2013, 2013, 3 آذار 2013.

    Returns None for an empty cell; raises InputError for text that is not a date.
    """
    t = text.strip().translate(_AR_DIGITS)
    if not t:
        return None
    t = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2})?.*$", "", t) if re.match(r"^\d{4}-\d", t) else t
    try:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", t)
        if m:
            return ParsedDate(date(int(m[1]), int(m[2]), int(m[3])), "day")
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", t)
        if m:
            a, b, y = int(m[1]), int(m[2]), int(m[3])
            d, mo = (b, a) if order == "MDY" else (a, b)
            return ParsedDate(date(y, mo, d), "day")
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", t) or None
        if m:
            return ParsedDate(date(int(m[1]), int(m[2]), 1), "month")
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", t)
        if m:
            return ParsedDate(date(int(m[2]), int(m[1]), 1), "month")
        m = re.fullmatch(r"(\d{4})", t)
        if m:
            return ParsedDate(date(int(m[1]), 1, 1), "year")
        # alef forms only: normalise_arabic would also drop the digits
        low = re.sub("[آأإ]", "ا", t).lower()
        for month_name, mo in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
            if month_name in low:
                rest = low.replace(month_name, " ")
                nums = re.findall(r"\d+", rest)
                years = [int(n) for n in nums if len(n) == 4]
                days = [int(n) for n in nums if len(n) <= 2]
                if years:
                    if days:
                        return ParsedDate(date(years[0], mo, days[0]), "day")
                    return ParsedDate(date(years[0], mo, 1), "month")
    except ValueError as exc:
        raise InputError(f"not a valid date: {text!r}") from exc
    raise InputError(f"not a date: {text!r}")


def _parse_int(text: str, what: str, lo: int, hi: int) -> int | None:
    t = text.strip().translate(_AR_DIGITS)
    if not t:
        return None
    m = re.fullmatch(r"~?\s*(\d+(?:\.0+)?)\s*(?:y|yrs|years|years old|سنة|عام|عاما)?", t.lower())
    if not m:
        raise InputError(f"{what} is not a number: {text!r}")
    value = int(float(m[1]))
    if not lo <= value <= hi:
        raise InputError(f"{what} {value} is out of range {lo}-{hi}")
    return value


# --- records ---------------------------------------------------------------------------------

@dataclass
class VictimRecord:
    """One entry about a person in one list, as read; ``original`` is the row exactly as written."""

    list_name: str
    row_number: int
    original: dict[str, str]
    list_record_id: str = ""
    full_name: str = ""
    given_name: str = ""
    father_name: str = ""
    grandfather_name: str = ""
    family_name: str = ""
    mother_name: str = ""
    sex: str = ""
    age: int | None = None
    birth_year: int | None = None
    date_of_death: str = ""  # ISO, as precise as the list: 2013, 2013-04 or 2013-04-03
    date_precision: str = ""
    place_of_death: str = ""
    place_of_origin: str = ""
    governorate: str = ""
    manner_of_death: str = ""
    cause_of_death: str = ""
    status: str = ""

    def as_row(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "original"}
        return d


@dataclass(frozen=True)
class RowError:
    row_number: int
    message: str


@dataclass
class ImportResult:
    records: list[VictimRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    mapping: ColumnMapping | None = None


def parse_rows(
    list_name: str,
    headers: list[str],
    rows: Iterable[tuple[int, dict[str, str]]],
    mapping: ColumnMapping | None = None,
) -> ImportResult:
    """Turn table rows into victim records; a bad row becomes a RowError, the rest go on."""
    mapping = mapping or detect_mapping(headers)
    cols = mapping.columns
    has_name = any(f in cols for f in ("full_name", "given_name", "family_name"))
    if not has_name:
        raise InputError(
            "no name column found; headers were: " + ", ".join(headers)
            + ". Give a mapping file (--mapping) naming the name column(s)."
        )
    result = ImportResult(mapping=mapping)
    for row_number, cells in rows:
        try:
            result.records.append(_parse_row(list_name, row_number, cells, mapping))
        except InputError as exc:
            result.errors.append(RowError(row_number, exc.message))
    return result


def _get(cells: Mapping[str, str], cols: Mapping[str, str], fld: str) -> str:
    header = cols.get(fld)
    return cells.get(header, "").strip() if header else ""


def _parse_row(
    list_name: str, row_number: int, cells: dict[str, str], mapping: ColumnMapping
) -> VictimRecord:
    cols = mapping.columns
    if "__extra__" in cells:
        raise InputError("the row has more cells than the header")
    rec = VictimRecord(list_name=list_name, row_number=row_number, original=dict(cells))
    for fld in ("list_record_id", "full_name", "given_name", "father_name", "grandfather_name",
                "family_name", "mother_name", "place_of_death", "place_of_origin", "governorate",
                "manner_of_death", "cause_of_death"):
        setattr(rec, fld, _get(cells, cols, fld))
    if not (rec.full_name or rec.given_name or rec.family_name):
        raise InputError("no name in this row")
    sex = _get(cells, cols, "sex")
    if sex:
        key = normalise_arabic(sex) if re.search(r"[\u0600-\u06FF]", sex) else sex.lower()
        rec.sex = SEX_VALUES.get(key, SEX_VALUES.get(sex.lower(), ""))
        if not rec.sex:
            raise InputError(f"sex is not understood: {sex!r} (use male/female, ذكر/أنثى)")
    status = _get(cells, cols, "status")
    if status:
        key = normalise_arabic(status) if re.search(r"[\u0600-\u06FF]", status) else status.lower()
        rec.status = STATUS_VALUES.get(key, STATUS_VALUES.get(status.strip().lower(), "unknown"))
    rec.age = _parse_int(_get(cells, cols, "age"), "age", 0, 120)
    birth = _get(cells, cols, "birth_year")
    if birth:
        m = re.search(r"(1[89]\d\d|20\d\d)", birth.translate(_AR_DIGITS))
        if not m:
            raise InputError(f"birth year is not understood: {birth!r}")
        rec.birth_year = int(m[1])
    death = _get(cells, cols, "date_of_death")
    parsed = parse_date(death, mapping.date_order)
    if parsed is not None:
        if not 1900 <= parsed.value.year <= date.today().year + 1:
            raise InputError(f"date of death {death!r} is out of range")
        rec.date_of_death, rec.date_precision = parsed.iso(), parsed.precision
    return rec
