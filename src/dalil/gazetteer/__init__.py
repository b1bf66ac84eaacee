"""Places with coordinates and administrative hierarchy, looked up by any spelling.

The package ships a Syrian gazetteer (``data/syria.tsv.gz``, built by ``scripts/build_gazetteer.py``
from OpenSyria, OCHA COD-AB and Who's On First; see ``ATTRIBUTION``). Users add other countries
with ``dalil gazetteer import FILE`` (GeoNames dump format), which converts the file into the same
format in the gazetteer folder (setting ``gazetteer_dir``); every ``*.tsv.gz`` there is loaded too.
A place is shown under its conventional English name from ``data/display.tsv`` (Tartus, not the
source's "Tartouss"; see ``display.py``), and users add their own in that folder.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dalil.errors import InputError
from dalil.gazetteer.names import has_arabic, name_key, skeleton_key, spelling_key

COLUMNS = ("id", "kind", "name", "name_ar", "alt_names", "lat", "lon", "admin1", "admin2",
           "country", "population", "feature_code")
KINDS = ("admin1", "admin2", "admin3", "locality")

ATTRIBUTION = (
    "Administrative units: OpenSyria Data Geography (CC BY 4.0), incorporating UN OCHA COD-AB / "
    "populated places (CC BY 3.0 IGO), geoBoundaries, GeoNames (CC BY 4.0), Wikidata (CC0) and "
    "U.S. Census Bureau data. Administrative boundaries © UN OCHA, Syrian Arab Republic COD-AB "
    "(HDX), CC BY 3.0 IGO. Localities: data from Who's On First (whosonfirst.org), including "
    "GeoNames (CC BY 4.0)."
)


@dataclass(frozen=True)
class Place:
    id: str
    kind: str
    name: str
    name_ar: str
    alt_names: tuple[str, ...]
    lat: float
    lon: float
    admin1: str
    admin2: str
    country: str
    population: int
    feature_code: str
    # "" when the coordinates are the place's own; else whose they are ("city: Homs (wof:...)"):
    # a neighbourhood without surveyed coordinates carries its city's.
    coordinates_of: str = ""
    # the source data's name when a display table (display.py) renamed the place, else ""
    source_name: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.name_ar, *self.alt_names) if n)

    @property
    def matched_names(self) -> tuple[str, ...]:
        """The names reports are matched against: the source data's (the source name stays an
        alternate). A display name the sources lack is shown and looked up, not matched in
        text, so renaming a place never changes which place a report is read as naming."""
        if not self.source_name:
            return self.names
        return tuple(n for n in (self.name_ar, *self.alt_names) if n)

    @property
    def is_city(self) -> bool:
        return self.kind == "locality" and (
            self.population > 0 or self.feature_code.startswith(("PPLA", "PPLC")))

    def describe(self) -> str:
        parts = [self.name, self.admin2 if self.admin2 != self.name else "", self.admin1,
                 self.country]
        return ", ".join(p for p in parts if p)


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    # Index tuples, not lists: tuples of ints are not tracked by the garbage collector, which
    # otherwise walks these ~85,000 containers on every full collection while extracting.
    _by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _by_skeleton: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _by_spelling: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # keys of display names that are no source spelling of their place (``lookup`` only)
    _by_display: dict[str, tuple[int, ...]] = field(default_factory=dict)
    preferred: dict[str, int] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    _ids: dict[str, Place] = field(default_factory=dict)
    # bumped by every change, so callers may cache lookups made against this gazetteer
    revision: int = 0

    def add(self, places: Iterable[Place]) -> None:
        self.revision += 1
        by_key: dict[str, list[int]] = {}
        by_skeleton: dict[str, list[int]] = {}
        by_spelling: dict[str, list[int]] = {}
        for place in places:
            index = len(self.places)
            self.places.append(place)
            keys = {name_key(n) for n in place.matched_names}
            keys |= {_joined(k) for k in keys if has_arabic(k)}
            shown = name_key(place.name)
            if shown and shown not in keys:
                self._by_display[shown] = (*self._by_display.get(shown, ()), index)
            for key in keys:
                if key:
                    by_key.setdefault(key, []).append(index)
                    if " " in key:
                        self.first_words.add(key.split(" ")[0])
            for sk in {skeleton_key(n) for n in place.matched_names if not has_arabic(n)}:
                if len(sk.replace(" ", "")) >= 3:
                    by_skeleton.setdefault(sk, []).append(index)
            for sp in {spelling_key(n) for n in place.matched_names if not has_arabic(n)}:
                if len(sp) >= 5:
                    by_spelling.setdefault(sp, []).append(index)
        for new, index_of in ((by_key, self._by_key), (by_skeleton, self._by_skeleton),
                              (by_spelling, self._by_spelling)):
            for key, found in new.items():
                index_of[key] = (*index_of.get(key, ()), *found)

    def add_aliases(self, rows: Iterable[list[str]]) -> None:
        """Extra spellings for existing places; the aliased place is listed first for its key."""
        self.revision += 1
        by_id = {p.id: i for i, p in enumerate(self.places)}
        for row in rows:
            if len(row) != 2 or row[1].strip() not in by_id:
                raise InputError(f"bad gazetteer alias row: {row!r}")
            key, index = name_key(row[0]), by_id[row[1].strip()]
            if " " in key:
                self.first_words.add(key.split(" ")[0])
            current = [i for i in self._by_key.get(key, ()) if i != index]
            self._by_key[key] = (index, *current)
            self.preferred[key] = index

    def lookup(self, name: str) -> list[Place]:
        """Every place with this name under any spelling (exact key match), display names too."""
        key = name_key(name)
        found = self._by_key.get(key, ())
        found += tuple(i for i in self._by_display.get(key, ()) if i not in found)
        return [self.places[i] for i in found]

    def lookup_key(self, key: str) -> list[Place]:
        return [self.places[i] for i in self._by_key.get(key, [])]

    def lookup_skeleton(self, name: str) -> list[Place]:
        return [self.places[i] for i in self._by_skeleton.get(skeleton_key(name), [])]

    def lookup_skeleton_key(self, key: str) -> list[Place]:
        return [self.places[i] for i in self._by_skeleton.get(key, [])]

    def has_skeleton_key(self, key: str) -> bool:
        return key in self._by_skeleton

    def lookup_spelling_key(self, key: str) -> list[Place]:
        """Places with a Latin name that differs from the key's only in its vowels."""
        return [self.places[i] for i in self._by_spelling.get(key, [])]

    def has_spelling_key(self, key: str) -> bool:
        return key in self._by_spelling

    def preferred_for(self, key: str) -> Place | None:
        i = self.preferred.get(key)
        return self.places[i] if i is not None else None

    def by_id(self) -> dict[str, Place]:
        """Every place by its id (built once)."""
        if len(self._ids) != len(self.places):
            self._ids = {p.id: p for p in self.places}
        return self._ids

    def has_key(self, key: str) -> bool:
        return key in self._by_key

    def __len__(self) -> int:
        return len(self.places)


def _rows_to_places(lines: Iterable[str], origin: str) -> Iterator[Place]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != len(COLUMNS) or cols[1] not in KINDS:
            raise InputError(f"{origin}:{lineno}: not a Dalil gazetteer row "
                             f"({len(cols)} columns, expected {len(COLUMNS)})")
        try:
            yield Place(cols[0], cols[1], cols[2], cols[3],
                        tuple(a for a in cols[4].split("|") if a), float(cols[5]),
                        float(cols[6]), cols[7], cols[8], cols[9],
                        int(float(cols[10])) if cols[10] else 0, cols[11])
        except ValueError as exc:
            raise InputError(f"{origin}:{lineno}: bad number in gazetteer row: {exc}") from exc


def read_places(path: Path) -> list[Place]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(_rows_to_places(fh, str(path)))


# Arabic village names that begin with one of these words are often written as one word
# (كفرنبل for كفر نبل, ديرالزور, تلبيسة is already one word): both spellings are keys.
_JOINED_PREFIXES = tuple(name_key(w) + " " for w in (
    "كفر", "دير", "عين", "بيت", "تل", "أم", "أبو", "خان", "معرة", "خربة", "رأس", "جسر"))


def _joined(key: str) -> str:
    for prefix in _JOINED_PREFIXES:
        if key.startswith(prefix) and " " not in key[len(prefix):]:
            return prefix[:-1] + key[len(prefix):]
    return key


@lru_cache(maxsize=4)
def load_gazetteer(extra_dir: Path | None = None) -> Gazetteer:
    """The shipped gazetteer plus every ``*.tsv.gz`` in ``extra_dir`` (cached per folder).

    Places are named by the display tables (``data/display.tsv``, then ``display.tsv`` and
    ``*.display.tsv`` in ``extra_dir``); the source data's names stay alternate spellings.
    """
    from dalil.gazetteer.display import (
        apply_display,
        check_display_ids,
        display_files,
        read_display,
    )
    from dalil.gazetteer.neighbourhoods import neighbourhood_places

    shipped = resources.files("dalil.gazetteer").joinpath("data/display.tsv")
    display = read_display(shipped.read_text("utf-8").splitlines(), "display.tsv")
    for path in display_files(extra_dir):
        display.update(read_display(path.read_text("utf-8").splitlines(), str(path)))
    gaz = Gazetteer()
    data = resources.files("dalil.gazetteer").joinpath("data/syria.tsv.gz").read_bytes()
    with gzip.open(io.BytesIO(data), "rt", encoding="utf-8") as fh:
        gaz.add(apply_display(_rows_to_places(fh, "syria.tsv.gz"), display))
    aliases = resources.files("dalil.gazetteer").joinpath("data/aliases.tsv").read_text("utf-8")
    gaz.add_aliases(line.split("\t") for line in aliases.splitlines()
                    if line.strip() and not line.startswith("#"))
    quarters = resources.files("dalil.gazetteer").joinpath("data/neighbourhoods.tsv")
    gaz.add(apply_display(neighbourhood_places(gaz, quarters.read_text("utf-8").splitlines()),
                          display))
    if extra_dir is not None and extra_dir.is_dir():
        for path in sorted(extra_dir.glob("*.tsv.gz")):
            gaz.add(apply_display(read_places(path), display))
    check_display_ids(display, gaz.by_id())
    return gaz


_GEONAMES_KIND = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}


def convert_geonames(source: Path, dest: Path, *, min_population: int = 0) -> int:
    """Convert a GeoNames dump (``SY.txt``, ``allCountries.txt`` ...) to a gazetteer file.

    Keeps populated places (class P) and administrative units (ADM1-3). Admin codes stay codes
    (``SY.04``) unless the dump's names are given by the user later; returns the number kept.
    """
    if not source.is_file():
        raise InputError(f"no such file: {source}")
    kept = 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".part")
    with source.open(encoding="utf-8", errors="replace", newline="") as fh, \
            tmp.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        out = io.TextIOWrapper(gz, encoding="utf-8", newline="\n")
        for lineno, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < 15:
                raise InputError(f"{source}:{lineno}: not a GeoNames row ({len(row)} columns, "
                                 "expected 19)")
            fclass, fcode = row[6], row[7]
            kind = "locality" if fclass == "P" else _GEONAMES_KIND.get(fcode) if fclass == "A" \
                else None
            if kind is None:
                continue
            try:
                pop = int(row[14] or 0)
                lat, lon = float(row[4]), float(row[5])
            except ValueError as exc:
                raise InputError(f"{source}:{lineno}: bad number: {exc}") from exc
            if kind == "locality" and pop < min_population:
                continue
            alts = [a for a in row[3].split(",") if a and a != row[1]]
            name_ar = next((a for a in alts if has_arabic(a)), "")
            country = row[8]
            cols = [f"gn:{row[0]}", kind, row[1], name_ar,
                    "|".join(a.replace("|", " ").replace("\t", " ") for a in alts[:40]),
                    f"{lat:.5f}", f"{lon:.5f}", f"{country}.{row[10]}" if row[10] else "",
                    f"{country}.{row[10]}.{row[11]}" if row[11] else "", country, str(pop), fcode]
            out.write("\t".join(cols) + "\n")
            kept += 1
        out.flush()
        out.detach()
    if kept == 0:
        tmp.unlink()
        raise InputError(f"{source}: no populated places or admin units found (is it GeoNames?)")
    tmp.replace(dest)
    load_gazetteer.cache_clear()
    return kept


__all__ = ["ATTRIBUTION", "COLUMNS", "Gazetteer", "Place", "convert_geonames", "load_gazetteer",
           "read_places"]
