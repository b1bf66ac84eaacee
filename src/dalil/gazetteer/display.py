"""Display names: the spelling Dalil shows for a place (``data/display.tsv``).

The source data names places as their compilers transliterated them ("Tartouss", "Duma",
"Dar'a", "Al Ladhiqiyah"); documentation groups, journalists and courts expect the spelling
used by the UN and major media (Tartus, Douma, Daraa, Latakia). A display table maps a gazetteer
id to that spelling. Applying it makes the display name the place's ``name`` (the name every
consumer reads: the extractor's ``canonical``, maps, dossiers, exports) and keeps the source
name as an alternate spelling, so every name that matched before still matches. Reports are
still matched against the source spellings only (``Place.matched_names``): a display spelling
the sources lack is found by ``Gazetteer.lookup`` but does not change which place a text is
read as naming (add it to ``aliases.tsv`` for that). The names of
governorates and districts that other places carry in ``admin1``/``admin2`` are rewritten the
same way, so a town's governorate reads as the governorate itself does.

A user's own table is loaded the way imported gazetteers are: ``display.tsv`` and
``*.display.tsv`` in the gazetteer folder (setting ``gazetteer_dir``), after the shipped table,
each row overriding an earlier one for the same id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from dalil.errors import InputError
from dalil.gazetteer.names import has_arabic, name_key

from . import Place


@dataclass(frozen=True)
class DisplayName:
    name: str
    origin: str  # "file:line", for the error naming a row whose id no place has


def read_display(lines: Iterable[str], origin: str) -> dict[str, DisplayName]:
    """The rows of one display table: gazetteer id -> display name."""
    out: dict[str, DisplayName] = {}
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise InputError(f"{origin}:{lineno}: expected 'gazetteer id <TAB> display name', "
                             f"got {line.rstrip()!r}")
        pid, name = cols[0].strip(), cols[1].strip()
        if pid in out:
            raise InputError(f"{origin}:{lineno}: {pid} already has a display name "
                             f"({out[pid].name!r}, {out[pid].origin})")
        out[pid] = DisplayName(name, f"{origin}:{lineno}")
    return out


def display_files(folder: Path | None) -> list[Path]:
    """A user's display tables in the gazetteer folder, in the order they are applied."""
    if folder is None or not folder.is_dir():
        return []
    named = [folder / "display.tsv"] if (folder / "display.tsv").is_file() else []
    return named + sorted(folder.glob("*.display.tsv"))


def apply_display(places: Iterable[Place], names: Mapping[str, DisplayName]) -> list[Place]:
    """The places with their display names, and their governorate/district names to match.

    ``admin1``/``admin2`` are rewritten only where the data names the unit rather than coding it
    (a GeoNames import writes "LB.04"): the string must be the unit's own source name, or for a
    district one of its spellings within the same governorate ("Idleb", "Duma" for the Idlib and
    Douma districts in Who's On First's localities).
    """
    places = list(places)
    admin1: dict[str, str] = {}
    admin2: dict[tuple[str, str], str] = {}
    admin2_keys: dict[tuple[str, str], set[str]] = {}
    for p in places:
        shown = names.get(p.id)
        if shown is None:
            continue
        if p.kind == "admin1" and p.admin1 == p.name:
            admin1[p.admin1] = shown.name
        elif p.kind == "admin2" and p.admin2 == p.name:
            admin2[(p.admin1, p.admin2)] = shown.name
            for n in p.names:
                if not has_arabic(n):
                    admin2_keys.setdefault((p.admin1, name_key(n)), set()).add(shown.name)
    out = []
    for p in places:
        new_admin1 = admin1.get(p.admin1, p.admin1)
        district = admin2.get((p.admin1, p.admin2))
        if district is None:
            spelled = admin2_keys.get((p.admin1, name_key(p.admin2)), set())
            # a spelling two districts share names neither
            district = next(iter(spelled)) if len(spelled) == 1 else p.admin2
        shown = names.get(p.id)
        if shown is None or shown.name == p.name:
            if (new_admin1, district) != (p.admin1, p.admin2):
                p = replace(p, admin1=new_admin1, admin2=district)
            out.append(p)
            continue
        alts = p.alt_names
        if p.name not in p.names[1:]:
            alts = (p.name, *alts)  # the source's spelling stays a name of the place
        out.append(replace(p, name=shown.name, alt_names=alts, admin1=new_admin1,
                           admin2=district, source_name=p.source_name or p.name))
    return out


def check_display_ids(names: Mapping[str, DisplayName], known: Iterable[str]) -> None:
    """Every display row must name a place that was loaded (a typo would silently do nothing)."""
    missing = set(names) - set(known)
    if missing:
        pid = min(missing, key=lambda i: names[i].origin)
        raise InputError(f"{names[pid].origin}: no gazetteer place with id {pid!r}"
                         + (f" (and {len(missing) - 1} more rows)" if len(missing) > 1 else ""))
