"""Victim lists as spreadsheets (CSV, XLSX): stored as sources now; reading the people in them is
a later stage's job. Here a file is checked to be a valid table, its shape and header are recorded
in ``meta`` and its cell text is made searchable.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from dalil.errors import InputError
from dalil.ingest.language import detect_language
from dalil.ingest.parsed import ParsedItem
from dalil.ingest.text import charset_label, decode_text

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Header cells longer than this are cut in meta (a header is a column name, not a paragraph).
_MAX_HEADER_CELL = 200


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value).strip()


# csv.Sniffer's quote-guessing regex is quadratic in the sample (about 3 s for 20 KB of hostile
# quotes); the first lines are enough to see the delimiter.
SNIFF_CHARS = 4096


def _sniff_sample(text: str) -> str:
    sample = text[:SNIFF_CHARS]
    cut = sample.rfind("\n")
    return sample[:cut] if cut > 0 else sample


def parse_csv(path: Path, name: str) -> ParsedItem:
    text, encoding = decode_text(path.read_bytes(), name)
    if not text.strip():
        raise InputError(f"{name}: table file is empty", file=name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            _sniff_sample(text), delimiters=",;\t|"
        )
    except csv.Error:
        dialect = csv.excel_tab if name.lower().endswith(".tsv") else csv.excel
    try:
        reader = csv.reader(io.StringIO(text), dialect)
        rows = [row for row in reader if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise InputError(f"{name}: not a valid CSV table ({exc})", file=name) from exc
    header = [c.strip()[:_MAX_HEADER_CELL] for c in rows[0]] if rows else []
    columns = max((len(r) for r in rows), default=0)
    item = ParsedItem(
        kind="spreadsheet",
        media_type=f"text/csv; charset={charset_label(encoding)}",
        texts=[text],
        language=detect_language(text),
        meta={
            "format": "csv",
            "encoding": charset_label(encoding),
            "delimiter": dialect.delimiter,
            "rows": len(rows),
            "columns": columns,
            "header": header,
        },
    )
    if len({len(r) for r in rows}) > 1:
        item.flags["ragged_rows"] = True
    return item


def _read_workbook(fh: BinaryIO, name: str) -> tuple[list[dict[str, Any]], list[str]]:
    sheets: list[dict[str, Any]] = []
    texts: list[str] = []
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"{name}: not a valid XLSX workbook ({type(exc).__name__}: {exc})", file=name
        ) from exc
    try:
        for ws in wb.worksheets:
            lines: list[str] = []
            header: list[str] = []
            n_rows = n_cols = 0
            for row in ws.iter_rows(values_only=True):
                cells = [_cell(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells:
                    continue
                if not header:
                    header = [c[:_MAX_HEADER_CELL] for c in cells]
                n_rows += 1
                n_cols = max(n_cols, len(cells))
                lines.append("\t".join(cells))
            sheets.append({"name": ws.title, "rows": n_rows, "columns": n_cols, "header": header})
            texts.append("\n".join(lines))
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(
            f"{name}: XLSX workbook is damaged ({type(exc).__name__}: {exc})", file=name
        ) from exc
    finally:
        wb.close()
    return sheets, texts


def parse_xlsx(path: Path, name: str) -> ParsedItem:
    # Opened through a file object: given a path, openpyxl refuses any name not ending in
    # .xlsx, and the pipeline hands parsers a staged copy with a temporary name.
    with path.open("rb") as fh:
        sheets, texts = _read_workbook(fh, name)
    if not sheets:
        raise InputError(f"{name}: XLSX workbook has no worksheets", file=name)
    first = sheets[0]
    item = ParsedItem(
        kind="spreadsheet",
        media_type=XLSX_MEDIA_TYPE,
        texts=texts if any(t.strip() for t in texts) else [],
        language=detect_language("\n".join(texts)),
        meta={
            "format": "xlsx",
            "rows": first["rows"],
            "columns": first["columns"],
            "header": first["header"],
            "sheets": sheets,
        },
    )
    return item


def parse(path: Path, name: str) -> ParsedItem:
    with path.open("rb") as fh:
        zipped = fh.read(4) == b"PK\x03\x04"
    return parse_xlsx(path, name) if zipped else parse_csv(path, name)
