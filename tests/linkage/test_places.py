"""Governorate names in victim lists fold to the gazetteer's display names."""

from __future__ import annotations

import pytest

from dalil.gazetteer import load_gazetteer
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
