"""Governorate names in victim lists fold to the gazetteer's display names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from dalil.cli import app
from dalil.gazetteer import load_gazetteer
from dalil.linkage.features import prepare
from dalil.linkage.overlap import capture_histories_from_records
from dalil.linkage.places import EXTRA_SPELLINGS, canonical_governorate, governorate_names


@pytest.mark.parametrize(("written", "shown"), [
    ("As-Sweida", "Suwayda"), ("السويداء", "Suwayda"), ("Soueida", "Suwayda"),
    ("Tartous", "Tartus"), ("طرطوس", "Tartus"),
    ("Lattaquié", "Latakia"), ("Lattakia", "Latakia"),
    ("Rural Damascus", "Rif Dimashq"), ("ريف دمشق", "Rif Dimashq"),
    ("Al-Hasakah", "Hasakah"), ("الحسكة", "Hasakah"),
    ("محافظة حمص", "Homs"), ("Homs Governorate", "Homs"), ("Governorate of Idlib", "Idlib"),
    ("دير الزور", "Deir ez-Zor"),
])
def test_spellings_fold_to_the_display_name(written: str, shown: str) -> None:
    assert canonical_governorate(written) == shown


@pytest.mark.parametrize("written", ["", "  ", "Jableh", "Aleppo city", "Governorate"])
def test_not_a_governorate(written: str) -> None:
    assert canonical_governorate(written) is None


def test_names_are_the_gazetteers_first_level_units() -> None:
    gaz = load_gazetteer()
    admin1 = {p.name for p in gaz.places if p.kind == "admin1"}
    assert set(governorate_names()) == admin1
    assert len(admin1) == 14
    # every extra spelling belongs to a unit the gazetteer has
    assert set(EXTRA_SPELLINGS) <= set(gaz.by_id())


# -- a workspace's own gazetteer folder (another country imported) -----------------------------

def _lebanon_folder(tmp_path: Path) -> Path:
    """A gazetteer folder with two Lebanese governorates, imported as a user would."""
    dump = tmp_path / "LB.txt"
    dump.write_text(
        "278060\tBeqaa\tBeqaa\tBekaa,Bekaa Governorate,البقاع\t33.85\t36.0\tA\tADM1\tLB\t\t04"
        "\t\t\t\t0\t\t\tAsia/Beirut\t2020-01-01\n"
        "268063\tSouth Governorate\tSouth Governorate\tJanoub,الجنوب\t33.27\t35.37\tA\tADM1\tLB"
        "\t\t06\t\t\t\t0\t\t\tAsia/Beirut\t2020-01-01\n", encoding="utf-8")
    folder = tmp_path / "gaz"
    result = CliRunner().invoke(app, ["gazetteer", "import", str(dump), "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def test_a_workspace_gazetteer_folds_its_own_governorates(tmp_path: Path) -> None:
    folder = _lebanon_folder(tmp_path)
    assert canonical_governorate("Bekaa", folder) == "Beqaa"
    assert canonical_governorate("البقاع", folder) == "Beqaa"
    assert canonical_governorate("Bekaa") is None  # the shipped data alone has no Lebanon
    assert canonical_governorate("As-Sweida", folder) == "Suwayda"  # Syria stays
    assert "Beqaa" in governorate_names(folder)


def test_linkage_features_and_strata_use_that_folder(tmp_path: Path) -> None:
    folder = _lebanon_folder(tmp_path)
    records = pd.DataFrame({
        "record_id": ["1", "2", "3"], "victim_id": ["v1", "v1", "v2"],
        "list_name": ["A", "B", "A"], "full_name": ["Rami Haddad"] * 2 + ["Nour Saab"],
        "governorate": ["Bekaa", "البقاع", "Beqaa"],
    })
    keys = prepare(records, folder)["governorate_key"].tolist()
    assert keys[0] == keys[1] == keys[2]
    table = capture_histories_from_records(records, ["governorate"], folder)
    assert set(table["governorate"]) == {"Beqaa"}
    assert int(table["count"].sum()) == 2
    # without the folder the two spellings stay apart
    apart = capture_histories_from_records(records, ["governorate"])
    assert set(apart["governorate"]) == {"Bekaa", "Beqaa"}
