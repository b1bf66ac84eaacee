"""Neighbourhoods, camps and regions the shipped gazetteer lacks (``data/neighbourhoods.tsv``).

Reports place events in city quarters (Baba Amr in Homs, Sheikh Maqsoud in Aleppo, حي القصور in
Baniyas) that neither OpenSyria nor Who's On First lists. We have no surveyed coordinates for
them, and inventing some would put a false point on a map used as evidence; so each gets the
coordinates of its city (a region those of its main town, a village missing from the sources those
of the nearest town listed) and says so in ``coordinates_of``.
"""

from __future__ import annotations

from collections.abc import Iterable

from dalil.errors import InputError

from . import Gazetteer, Place


def neighbourhood_places(gaz: Gazetteer, lines: Iterable[str], origin: str = "neighbourhoods.tsv"
                         ) -> list[Place]:
    by_id = {p.id: p for p in gaz.places}
    out: list[Place] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 5:
            raise InputError(f"{origin}:{lineno}: expected 5 tab-separated columns "
                             f"(name, Arabic name, spellings, city id, relation), got {len(cols)}")
        name, name_ar, alts, parent_id, relation = (c.strip() for c in cols)
        parent = by_id.get(parent_id)
        if parent is None:
            raise InputError(f"{origin}:{lineno}: no gazetteer place with id {parent_id!r}")
        # "city": a quarter; "main town": a region; "nearby town": a village the sources lack
        village = relation == "nearby town"
        region = relation != "city" and not village
        spellings = [a for a in alts.split("|") if a]
        if relation == "city" and name_ar:
            spellings.append("حي " + name_ar)  # "حي القصور": how Arabic reports name a quarter
        out.append(Place(
            f"nbh:{parent_id}:{name}", "locality", name, name_ar,
            tuple(spellings), parent.lat, parent.lon, parent.admin1,
            parent.admin2, parent.country, 0, "RGN" if region else "PPL" if village else "PPLX",
            coordinates_of=f"{relation}: {_display(parent)} ({parent.id})"))
    return out


def _display(p: Place) -> str:
    latin = next((n for n in (p.name, *p.alt_names) if n and not ("\u0600" <= n[0] <= "\u06ff")),
                 p.name)
    return latin
