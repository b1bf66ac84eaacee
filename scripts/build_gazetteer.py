"""Build the compact Syrian gazetteer that ships inside the package.

Reads the openly licensed copy in ``/work/shared/data/gazetteer`` (or the folder given as the first
argument): OpenSyria governorates/districts/sub-districts and the Who's On First locality table, and
writes ``src/dalil/gazetteer/data/syria.tsv.gz`` in Dalil's gazetteer format (see
``dalil.gazetteer.COLUMNS``). Only Latin- and Arabic-script names are kept, which is what reports
use; the other scripts would triple the file for nothing. Run again when the sources change:

    python scripts/build_gazetteer.py [SOURCE_DIR]
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/gazetteer")
OUT = Path(__file__).resolve().parent.parent / "src/dalil/gazetteer/data/syria.tsv.gz"

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'`ʿʾ‘’ .\-()]+$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F ]+$")
_SKIP = re.compile(r"governate|governorate|subdistrict|district|nahiyat|nāḩiyat|muḩāfaz|muhafaz|nahyt|mrkz|mntqt|mhafzt",
                   re.I)


def keep(name: str) -> bool:
    name = name.strip()
    if not name or _SKIP.search(name):
        return False
    return bool(_LATIN.match(name) or _ARABIC.match(name))


def admin_rows() -> list[list[str]]:
    rows: list[list[str]] = []
    govs = json.loads((SOURCE / "opensyria/governorates.json").read_text("utf-8"))
    dists = json.loads((SOURCE / "opensyria/districts.json").read_text("utf-8"))
    subs = json.loads((SOURCE / "opensyria/subdistricts.json").read_text("utf-8"))
    gov_name = {g["id"]: g["name"]["en"] for g in govs}
    dist_name = {d["id"]: d["name"]["en"] for d in dists}
    for kind, records in (("admin1", govs), ("admin2", dists), ("admin3", subs)):
        for rec in records:
            names = [a["value"] for a in rec.get("aliases", [])]
            alts = sorted({n for n in names if keep(n)} - {rec["name"]["en"], rec["name"]["ar"]})
            pop = (rec.get("population") or {}).get("value") or ""
            admin1 = rec["name"]["en"] if kind == "admin1" else gov_name[rec["governorateId"]]
            admin2 = {"admin1": "", "admin2": rec["name"]["en"]}.get(
                kind, dist_name.get(rec.get("districtId", ""), ""))
            rows.append([
                "os:" + rec["externalIds"].get("ochaPcode", rec["id"]), kind, rec["name"]["en"],
                rec["name"]["ar"], "|".join(alts), f"{rec['centroid']['latitude']:.5f}",
                f"{rec['centroid']['longitude']:.5f}", admin1, admin2, "SY", str(pop), "",
            ])
    return rows


def locality_rows(admin1_by_pcode: dict[str, str]) -> list[list[str]]:
    rows: list[list[str]] = []
    path = SOURCE / "whosonfirst/wof_syria_places.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec["placetype"] not in ("locality", "neighbourhood"):
                continue
            if rec["is_current"] == "0" or rec["deprecated"] or rec["superseded_by"]:
                continue
            names = rec["names_ar_all"].split("|") + rec["names_other_all"].split("|")
            alts = sorted({n.strip() for n in names if keep(n)} - {rec["name"], rec["name_ar"]})
            admin1 = admin1_by_pcode.get(rec["ocha_adm1_pcode"], rec["ocha_adm1_en"])
            rows.append([
                "wof:" + rec["wof_id"], "locality", rec["name"], rec["name_ar"], "|".join(alts),
                f"{float(rec['latitude']):.5f}", f"{float(rec['longitude']):.5f}", admin1,
                rec["wof_county_pip_name"] or rec["wof_county_name"], "SY",
                rec["gn_population"] or "", rec["gn_feature_code"],
            ])
    return rows


def main() -> None:
    admin = admin_rows()
    govs = json.loads((SOURCE / "opensyria/governorates.json").read_text("utf-8"))
    by_pcode = {g["externalIds"]["ochaPcode"]: g["name"]["en"] for g in govs}
    rows = admin + locality_rows(by_pcode)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip byte-identical between builds of the same data.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        text = "\n".join("\t".join(r) for r in rows) + "\n"
        gz.write(text.encode("utf-8"))
    print(f"wrote {len(rows)} places to {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
