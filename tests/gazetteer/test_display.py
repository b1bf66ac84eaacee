"""Display names (gazetteer/data/display.tsv): conventional English spellings as place names.

Reports are fictional; place names are real.
"""

from __future__ import annotations

import gzip
import math
import re
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dalil.cli import app
from dalil.errors import InputError
from dalil.extract import extract_document
from dalil.gazetteer import Place, _rows_to_places, load_gazetteer
from dalil.gazetteer.display import apply_display, read_display

SHIPPED = resources.files("dalil.gazetteer").joinpath("data/display.tsv")


def shipped_rows() -> dict[str, str]:
    rows = read_display(SHIPPED.read_text("utf-8").splitlines(), "display.tsv")
    return {pid: d.name for pid, d in rows.items()}


def source_places() -> dict[str, Place]:
    """The shipped places as the source data names them (before any display table)."""
    data = resources.files("dalil.gazetteer").joinpath("data/syria.tsv.gz").read_bytes()
    return {p.id: p for p in _rows_to_places(gzip.decompress(data).decode().splitlines(), "syria")}


def _km(a: Place, b: Place) -> float:
    dy = math.radians(a.lat - b.lat)
    dx = math.radians(a.lon - b.lon) * math.cos(math.radians(a.lat))
    return 6371 * math.hypot(dx, dy)


def test_every_row_names_a_place_of_the_shipped_data() -> None:
    places = source_places()
    assert [pid for pid in shipped_rows() if pid not in places] == []


def test_no_two_places_of_one_level_and_governorate_share_a_display_name() -> None:
    # Except one town the sources recorded twice (Latakia has three records within 2 km): its
    # records must read the same, whichever one a report resolves to.
    places = source_places()
    seen: dict[tuple[str, str, str], Place] = {}
    clashes = []
    for pid, name in shipped_rows().items():
        p = places[pid]
        key = (p.kind, p.admin1, name)
        other = seen.setdefault(key, p)
        if other is not p and _km(other, p) > 5:
            clashes.append((name, other.id, p.id))
    assert clashes == []


def test_every_administrative_unit_has_a_display_name() -> None:
    rows = shipped_rows()
    units = [p for p in source_places().values() if p.kind != "locality"]
    assert len(units) == 14 + 62 + 272
    assert [p.id for p in units if p.id not in rows] == []


def test_display_names_follow_the_convention() -> None:
    # plain ASCII, the article written "Al-" first and "al-" inside a name
    bad = [n for n in shipped_rows().values()
           if not re.fullmatch(r"[A-Z][A-Za-z]*(?:[ -][A-Za-z]+)*", n)
           or re.search(r"(?:^|[ -])(?:El|Ad|As|Ar|At|Az|An|Ash)[ -]", n)
           or re.search(r" Al-", n)]
    assert bad == []


@pytest.mark.parametrize(("place_id", "source", "shown"), [
    ("wof:890449825", "Tartouss", "Tartus"),
    ("os:SY030200", "Duma", "Douma"),
    ("wof:421197257", "Dar a", "Daraa"),
    ("wof:1141906287", "Al Ladhiqiyah", "Latakia"),
    ("wof:1125967423", "Jablah", "Jableh"),
    ("wof:1360282145", "'Ayn al 'Arab", "Kobani"),
    ("os:SY0702", "Maarrat al-Nu'man", "Maarat al-Numan"),
    ("os:SY08", "Al-Hasakah", "Hasakah"),
    ("wof:421202163", "حلب", "Aleppo"),
])
def test_source_name_stays_a_name_of_the_place(place_id: str, source: str, shown: str) -> None:
    gaz = load_gazetteer()
    place = gaz.by_id()[place_id]
    assert place.name == shown
    assert source in place.names
    assert place_id in {p.id for p in gaz.lookup(source)}
    assert place_id in {p.id for p in gaz.lookup(shown)}


def test_governorate_and_district_names_follow_the_display_names() -> None:
    by_id = load_gazetteer().by_id()
    assert by_id["os:SY080006"].admin1 == "Hasakah"  # al-Hol sub-district
    assert by_id["wof:421192811"].admin1 == "Suwayda"  # Suwayda city
    assert by_id["wof:421192811"].admin2 == "Suwayda"  # the sources spell it "As-Sweida"
    assert by_id["wof:890449833"].admin2 == "Idlib"  # Saraqib: the sources say "Idleb"
    assert by_id["wof:1125968475"].admin2 == "Douma"  # Harasta: the sources say "Duma"


def test_report_places_carry_conventional_names() -> None:
    text = ("Tartouss, 14 March 2025. Residents told a local monitor that gunmen shot dead six "
            "men in the village of Beit Yashout near Jablah on Tuesday. A family from Dar'a "
            "who fled to al-Hasakah said two relatives were detained in Duma.")
    r = extract_document(text, published="2025-03-16").to_dict()
    names = {p["canonical"] for p in r["places"]} | {m["canonical"] for m in r["place_mentions"]}
    assert {"Tartus", "Jableh", "Daraa", "Hasakah", "Douma"} <= names
    assert not names & {"Tartouss", "Jablah", "Dar'a", "Dar a", "Al-Hasakah", "Duma"}
    hasakah = next(m for m in r["place_mentions"] if m["canonical"] == "Hasakah")
    assert hasakah["admin1"] == "Hasakah"


def test_arabic_report_places_carry_conventional_names() -> None:
    r = extract_document("قُتل ثلاثة مدنيين في قصف على مدينة اللاذقية وبلدة جبلة يوم الاثنين.",
                         published="2025-03-16").to_dict()
    assert {p["canonical"] for p in r["places"]} == {"Latakia", "Jableh"}


# -- users' own tables, imports of other countries ---------------------------------------------

def _import_lebanon(folder: Path, tmp_path: Path) -> None:
    dump = tmp_path / "LB.txt"
    dump.write_text(
        "276781\tBeirut\tBeirut\tBeyrouth,بيروت\t33.89\t35.49\tP\tPPLC\tLB\t\t04\t\t\t\t1916100"
        "\t\t30\tAsia/Beirut\t2020-01-01\n"
        "268064\tSaida\tSaida\tSidon,Sayda,صيدا\t33.56\t35.37\tP\tPPLA\tLB\t\t06\t\t\t\t163554"
        "\t\t10\tAsia/Beirut\t2020-01-01\n"
        "278060\tBeqaa\tBeqaa\tBekaa\t33.85\t36.0\tA\tADM1\tLB\t\t04\t\t\t\t0"
        "\t\t\tAsia/Beirut\t2020-01-01\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--dir", str(folder)])
    assert result.exit_code == 0, result.output


def test_import_of_another_country_is_untouched_by_the_syrian_table(tmp_path: Path) -> None:
    folder = tmp_path / "gaz"
    _import_lebanon(folder, tmp_path)
    gaz = load_gazetteer(folder)
    saida = gaz.by_id()["gn:268064"]
    assert (saida.name, saida.admin1) == ("Saida", "LB.06")  # admin codes stay codes
    assert gaz.by_id()["gn:278060"].admin1 == "LB.04"
    assert gaz.by_id()["wof:890449825"].name == "Tartus"


def test_users_table_in_the_gazetteer_folder(tmp_path: Path) -> None:
    folder = tmp_path / "gaz"
    _import_lebanon(folder, tmp_path)
    (folder / "display.tsv").write_text("# ours\ngn:268064\tSidon\nos:SY0405\tTadmur\n",
                                        encoding="utf-8")
    (folder / "coast.display.tsv").write_text("wof:1125967423\tJabla\n", encoding="utf-8")
    load_gazetteer.cache_clear()
    gaz = load_gazetteer(folder)
    by_id = gaz.by_id()
    assert by_id["gn:268064"].name == "Sidon"
    assert "Saida" in by_id["gn:268064"].names
    assert by_id["os:SY0405"].name == "Tadmur"  # overrides the shipped "Palmyra"
    assert by_id["wof:1125967423"].name == "Jabla"
    assert by_id["os:SY0100"].name == "Damascus"  # shipped rows the user left alone stay
    r = extract_document("Gunmen killed two men in Saida on Monday, residents said.",
                         published="2025-03-16", gazetteer=gaz).to_dict()
    assert [p["canonical"] for p in r["places"]] == ["Sidon"]
    load_gazetteer.cache_clear()


@pytest.mark.parametrize(("content", "message"), [
    ("gn:999999\tNowhere\n", "no gazetteer place with id 'gn:999999'"),
    ("wof:890449825 Tartus\n", "expected 'gazetteer id <TAB> display name'"),
    ("wof:890449825\tTartus\nwof:890449825\tTartous\n", "already has a display name"),
])
def test_bad_user_rows_are_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "display.tsv").write_text(content, encoding="utf-8")
    load_gazetteer.cache_clear()
    with pytest.raises(InputError, match=re.escape(message)) as info:
        load_gazetteer(tmp_path)
    assert str(tmp_path / "display.tsv") in str(info.value)
    load_gazetteer.cache_clear()


def test_apply_display_rewrites_only_names_the_data_spells_out() -> None:
    def place(pid: str, kind: str, name: str, admin1: str, admin2: str = "") -> Place:
        return Place(pid, kind, name, "", (), 0.0, 0.0, admin1, admin2, "XX", 0, "")

    places = [place("a", "admin1", "Al-Hasakah", "Al-Hasakah"),
              place("b", "admin2", "Al-Qamishli", "Al-Hasakah", "Al-Qamishli"),
              place("c", "locality", "Amude", "Al-Hasakah", "Qamishli"),
              place("d", "admin1", "Beqaa", "LB.04"),
              place("e", "locality", "Zahle", "LB.04")]
    rows = read_display(["a\tHasakah", "b\tQamishli", "c\tAmuda", "d\tBekaa"], "t")
    out = {p.id: p for p in apply_display(places, rows)}
    assert (out["c"].name, out["c"].admin1, out["c"].admin2) == ("Amuda", "Hasakah", "Qamishli")
    assert out["c"].alt_names == ("Amude",)
    assert (out["b"].admin1, out["b"].admin2) == ("Hasakah", "Qamishli")
    assert (out["d"].name, out["e"].admin1) == ("Bekaa", "LB.04")


def test_cli_lookup_and_info_show_display_names(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    folder = tmp_path / "gaz"
    folder.mkdir()
    (folder / "display.tsv").write_text("wof:890449871\tBanias\n", encoding="utf-8")
    monkeypatch.setenv("DALIL_GAZETTEER_DIR", str(folder))
    load_gazetteer.cache_clear()
    runner = CliRunner()
    found = json.loads(runner.invoke(app, ["gazetteer", "lookup", "Tartouss", "--json"]).output)
    assert "Tartus" in {r["name"] for r in found}
    found = json.loads(runner.invoke(app, ["gazetteer", "lookup", "Izraa", "--json"]).output)
    assert {r["id"] for r in found} >= {"os:SY1203", "os:SY120300"}  # display name only
    info = runner.invoke(app, ["gazetteer", "info", "--dir", str(folder), "--json"])
    assert info.exit_code == 0, info.output
    data = json.loads(info.output)
    assert data["display_tables"] == [str(folder / "display.tsv")]
    assert data["renamed_places"] > 500
    assert load_gazetteer(folder).by_id()["wof:890449871"].name == "Banias"
    load_gazetteer.cache_clear()
