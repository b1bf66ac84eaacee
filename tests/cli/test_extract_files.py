"""`dalil extract FILE` on what reports really come as: saved web pages and PDFs are read for
their text with ingest's own readers; other kinds are refused by name. Reports are fictional."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF
from typer.testing import CliRunner

from dalil.cli import app
from dalil.errors import InputError

ARTICLE = ("Gunmen killed four farmers in the village of Tell Kalakh on Tuesday, relatives told "
           "the Levant Ledger. Residents said the men were taken from their fields at dawn and "
           "shot near the main road.")

PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>Four farmers killed near Homs | The Levant Ledger</title>
<meta property="article:published_time" content="2025-04-10T09:30:00+03:00">
<meta property="og:site_name" content="The Levant Ledger">
<script>var tracker = "Aleppo Damascus Idlib 500 killed";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/syria">Syria</a> <a href="/idlib">Idlib news</a></nav>
<article><h1>Four farmers killed near Homs</h1>
<p>{ARTICLE}</p>
<p>Nobody has claimed responsibility, and the account could not be independently verified.</p>
</article>
<footer>Most read: 300 killed in Raqqa in 2017, a look back. Subscribe to our newsletter.</footer>
</body></html>"""


def _run(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(app, ["extract", *args, "--json"])
    out = json.loads(result.stdout) if result.exit_code == 0 else {}
    return result.exit_code, out, result.stderr


def test_a_saved_web_page_is_read_for_its_main_text(tmp_path: Path) -> None:
    f = tmp_path / "farmers.html"
    f.write_text(PAGE, encoding="utf-8")
    code, out, err = _run(str(f))
    assert code == 0, err
    places = {p["canonical"] for p in out["places"]}
    assert "Tal Kalakh" in places
    # the script, the menu and the footer's teaser are not the report
    assert not places & {"Aleppo", "Damascus", "Idlib", "Raqqa"}
    assert [(c["value"], c["what"]) for c in out["casualty_figures"]] == [(4, "killed")]
    # Tuesday before the date the page states (Thursday 10 April 2025)
    dates = [d["date"] for d in out["dates"]]
    assert "2025-04-08" in dates and not any(d.startswith("2017") for d in dates)
    assert "web page" in err and "published 2025-04-10" in err


def test_an_explicit_publication_date_wins(tmp_path: Path) -> None:
    f = tmp_path / "farmers.htm"
    f.write_text(PAGE, encoding="utf-8")
    code, out, _err = _run(str(f), "--published", "2025-04-17")
    assert code == 0
    assert "2025-04-15" in [d["date"] for d in out["dates"]]


def test_page_without_main_text_is_refused_clearly(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>",
                 encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(f), "--json"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "no main text" in str(result.exception)
    assert not result.stdout.strip()


def _pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def test_a_pdf_is_read_for_its_pages_text(tmp_path: Path) -> None:
    f = tmp_path / "report.pdf"
    f.write_bytes(_pdf(["Monthly report of the Homs Monitoring Group, May 2025.", ARTICLE]))
    code, out, err = _run(str(f), "--published", "2025-04-10")
    assert code == 0, err
    assert "Tal Kalakh" in {p["canonical"] for p in out["places"]}
    assert [(c["value"], c["what"]) for c in out["casualty_figures"]] == [(4, "killed")]
    # spans count in the pages' text joined by a blank line: the claim's span holds its text
    claim = next(c for c in out["claims"] if "Gunmen killed" in c["text"])
    start, end = claim["span"]
    assert end - start == len(claim["text"])
    assert "PDF" in err and "2 page(s)" in err


def test_a_scanned_pdf_says_it_needs_ocr(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    f = tmp_path / "scan.pdf"
    f.write_bytes(bytes(pdf.output()))
    result = CliRunner().invoke(app, ["extract", str(f), "--json"])
    assert result.exit_code != 0
    assert "OCR" in str(result.exception)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("list.csv", "name,age\nRami Haddad,34\n", "dalil victims import"),
    ("empty.txt", "", "file is empty"),
])
def test_other_kinds_are_refused_by_name(tmp_path: Path, name: str, content: str,
                                         message: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(f), "--json"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert message in str(result.exception)
    assert not result.stdout.strip()
