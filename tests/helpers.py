"""Small builders for tests: fictional report files written on the fly."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dalil.cli import app

REPORT_EN = """Baniyas, 9 March 2025 - Residents of al-Qusour neighbourhood said armed men went from
house to house on the morning of 7 March. A local teacher, who asked to be identified only as
Abu Fares, said at least 14 people were killed in his street. The figures could not be
independently verified.
"""

REPORT_AR = """بانياس، 10 آذار 2025 - قال سكان في حي القصور إن مسلحين دخلوا المنازل صباح السابع من
آذار. وأفاد شاهد عرّف عن نفسه باسم أبو فارس بمقتل أربعة عشر شخصاً على الأقل في شارعه.
"""


def write_reports(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "wire_baniyas.txt": REPORT_EN.encode("utf-8"),
        "baniyas_ar_cp1256.txt": REPORT_AR.encode("cp1256"),
        "baniyas_ar_utf16.txt": REPORT_AR.encode("utf-16"),
        "notes/second_report.txt": (REPORT_EN.replace("14", "17") + "\nUpdated.\n").encode(),
    }
    out = []
    for name, data in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        out.append(p)
    return out


TESTIMONY_YAML = """pseudonym: Rima
language: en
statement: |
  On the morning of the seventh the men came to our street in al-Qusour. They took my
  neighbour's two sons. My husband Walid Haddad hid with me in the bathroom.
interview: {date: 2025-03-20, place: Beirut, interviewer: K.S.}
consent: {record: true, share_with_investigators: true, share_with_courts: false, publish: false}
identity:
  real_name: Nawal Haddad
  contact: "+961 70 123 456"
  address: 12 Qusour Street, Baniyas
  sensitive: {religion: Zorvanite, ethnicity: Tellurian}
"""

# Values that must never appear in plaintext anywhere (fictional; the sensitive values are made
# up words so that no other file could contain them by chance).
SECRETS = ["Nawal", "Haddad", "+961 70 123 456", "961 70 123", "12 Qusour Street", "Zorvanite",
           "Tellurian"]


def run(cli: CliRunner, *args: str, code: int = 0) -> str:
    """Run `dalil ARGS` and return its output, failing the test on an unexpected exit code."""
    result = cli.invoke(app, list(args))
    assert result.exit_code == code, (result.output, result.exception)
    return result.output
