"""Governorates: one name for each first-level unit, whatever spelling or script a list uses.

The units, their Arabic and Latin names and the name Dalil shows come from the gazetteer
(``dalil.gazetteer``: the shipped Syrian data, its display table and whatever countries a user has
imported), so a victim list's "As-Sweida" and "السويداء" stratify as the "Suwayda" shown on the
incident map. Lists also use spellings no gazetteer source has (French "Lattaquié", "Rural
Damascus", "Deraa"); those are kept below, keyed by the unit's gazetteer id. Finer places are
compared by their folded names (see ``names.name_key``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from dalil.gazetteer import load_gazetteer
from dalil.linkage.names import name_key

__all__ = ["EXTRA_SPELLINGS", "canonical_governorate", "governorate_names"]

# gazetteer id -> spellings seen in victim lists that the gazetteer's sources lack
EXTRA_SPELLINGS: dict[str, tuple[str, ...]] = {
    "os:SY01": ("Dimashq", "Damas", "Sham"),
    "os:SY03": ("Rural Damascus", "Reef Dimashq", "Rif Damas", "Rif Dimashq"),
    "os:SY02": ("Halab", "Alep"),
    "os:SY04": ("Hims",),
    "os:SY05": ("Hamah", "Hamat"),
    "os:SY06": ("Lattakia", "Al-Ladhiqiyah", "Lattaquié", "Ladhiqiyah"),
    "os:SY10": ("Tartous", "Tartouss"),
    "os:SY07": ("Idleb", "Edlib"),
    "os:SY11": ("Ar-Raqqa", "Al-Raqqah", "Rakka", "Raqqah"),
    "os:SY09": ("Dayr al-Zawr", "Deir Ezzor", "Deir al-Zour", "Deir ez-Zour", "Deir Ez Zor"),
    "os:SY08": ("Hassakeh", "Al-Hasakeh", "Hasakeh", "Hasake"),
    "os:SY12": ("Deraa", "Darʿa"),
    "os:SY13": ("Sweida", "As-Sweida", "Soueida", "Suwaida"),
    "os:SY14": ("Kuneitra", "Qunaytirah"),
}


# "Homs Governorate", "Governorate of Homs", "محافظة حمص": the unit's name is what remains
_GOVERNORATE_WORD = re.compile(r"^\s*(?:governorate\s+of|muhafazat|محافظة)\s+|\s+governorate\s*$",
                               re.IGNORECASE)


@lru_cache(maxsize=8)
def _by_key(gazetteer_dir: Path | None = None) -> dict[str, str]:
    # one table per gazetteer folder: a workspace that imported another country's units
    # (`dalil gazetteer import`) folds that country's governorates too
    gaz = load_gazetteer(gazetteer_dir)
    by_key: dict[str, str] = {}
    for place in gaz.places:
        if place.kind != "admin1":
            continue
        spellings = (place.name, place.source_name, *place.names,
                     *EXTRA_SPELLINGS.get(place.id, ()))
        for spelling in spellings:
            key = name_key(spelling) if spelling else ""
            if key:
                by_key.setdefault(key, place.name)
    return by_key


def governorate_names(gazetteer_dir: Path | None = None) -> list[str]:
    """Every governorate (first-level unit) name the gazetteer shows, sorted."""
    return sorted(set(_by_key(gazetteer_dir).values()))


@lru_cache(maxsize=4096)
def canonical_governorate(text: str, gazetteer_dir: Path | None = None) -> str | None:
    """The gazetteer's display name of a governorate written in any common spelling, else None
    ("Homs Governorate", "محافظة حمص" too). ``gazetteer_dir`` is a workspace's own gazetteer
    folder (setting ``gazetteer_dir``), loaded beside the shipped data."""
    if not text or not text.strip():
        return None
    by_key = _by_key(gazetteer_dir)
    found = by_key.get(name_key(text))
    if found is None:
        bare = _GOVERNORATE_WORD.sub("", text)
        found = by_key.get(name_key(bare)) if bare.strip() else None
    return found
