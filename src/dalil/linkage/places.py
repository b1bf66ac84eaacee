"""Syrian governorates: one canonical name for the spellings lists use (Arabic and Latin).

The fourteen first-level units are public facts; finer places are compared by their folded names
(see ``names.name_key``) until the gazetteer stage resolves them to P-codes.
"""

from __future__ import annotations

from functools import lru_cache

from dalil.linkage.names import name_key

__all__ = ["GOVERNORATES", "canonical_governorate"]

# canonical English name -> other spellings (Arabic first)
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "Damascus": ("دمشق", "Dimashq", "Damas", "Sham"),
    "Rif Dimashq": ("ريف دمشق", "Rural Damascus", "Damascus Countryside", "Reef Dimashq",
                    "Rif Damas", "Rif-Dimashq"),
    "Aleppo": ("حلب", "Halab", "Alep"),
    "Homs": ("حمص", "Hims"),
    "Hama": ("حماة", "Hamah", "Hamat"),
    "Lattakia": ("اللاذقية", "Latakia", "Al-Ladhiqiyah", "Lattaquié", "Ladhiqiyah"),
    "Tartous": ("طرطوس", "Tartus", "Tartous"),
    "Idlib": ("إدلب", "Idleb", "Edlib"),
    "Raqqa": ("الرقة", "Ar-Raqqa", "Al-Raqqah", "Rakka"),
    "Deir ez-Zor": ("دير الزور", "Deir ez-Zor", "Dayr al-Zawr", "Deir Ezzor", "Deir al-Zour"),
    "Al-Hasakah": ("الحسكة", "Hasakah", "Hassakeh", "Al-Hasakeh"),
    "Daraa": ("درعا", "Deraa", "Dar'a", "Darʿa"),
    "As-Sweida": ("السويداء", "Suwayda", "Sweida", "As-Suwayda", "Soueida"),
    "Quneitra": ("القنيطرة", "Al-Qunaytirah", "Kuneitra"),
}

_BY_KEY: dict[str, str] = {}
for _canon, _variants in GOVERNORATES.items():
    for _v in (_canon, *_variants):
        _BY_KEY.setdefault(name_key(_v), _canon)


@lru_cache(maxsize=4096)
def canonical_governorate(text: str) -> str | None:
    """The canonical name of a governorate written in any common spelling, else None."""
    if not text or not text.strip():
        return None
    return _BY_KEY.get(name_key(text))
