"""`dalil extract FILE` (works anywhere, no workspace needed) and `dalil gazetteer import`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from dalil.cli.context import console, print_json
from dalil.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from dalil.settings import Settings

gazetteer_app = typer.Typer(help="Places: the shipped Syrian gazetteer and imported countries.",
                            no_args_is_help=True)


def _settings() -> Settings:
    from dalil.settings import Settings

    return Settings.load()


def _gazetteer_dir() -> Path:
    folder = _settings().gazetteer_dir
    return folder if folder is not None else Path.home() / ".local/share/dalil/gazetteers"


# Kinds whose text belongs to a workspace's own handling, with the command to use instead.
_NOT_HERE = {
    "testimony": "a testimony holds a witness's identity: add it to a workspace with "
                 "`dalil testimony add` (it is extracted there, identity sealed)",
    "spreadsheet": "a table, not a report: victim lists go in with `dalil victims import`",
    "social_export": "an export of many posts: `dalil ingest` it into a workspace, where each post "
                     "becomes a source and is extracted",
}


def _read_for_extraction(file: Path) -> tuple[str, str | None]:
    """The text to extract from ``file`` and the publication date the file itself states.

    A text file is decoded as ingest decodes it; a saved web page is read for its main text and
    a PDF for its pages' text (ingest's own readers, so that what `dalil extract` shows is what
    a workspace would store), and spans then count characters of that text. Everything else is
    refused by name, with the command that does handle it."""
    from dalil.cli.context import err_console
    from dalil.ingest.detect import detect_kind, parse_file

    kind = detect_kind(file, file.name)  # refuses empty files and binary under a text name
    if kind == "text":
        data = file.read_bytes()
        try:
            return data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            # Arabic reports still come in Windows-1256 or ISO-8859-6: read them as ingest does
            # (spans then count characters of the decoded text, with its newlines as "\n")
            from dalil.ingest.text import decode_text

            text, encoding = decode_text(data, str(file))
            err_console.print(f"{file.name}: not UTF-8; read as {encoding}", highlight=False)
            return text, None
    if kind in _NOT_HERE:
        raise InputError(f"{file.name}: {_NOT_HERE[kind]}", file=file.name)
    if kind not in {"html", "pdf"}:
        raise InputError(f"{file.name}: a {kind} file has no text to extract", file=file.name)
    item = parse_file(file, file.name)
    if item.flags.get("scanned"):
        raise InputError(f"{file.name}: a scanned PDF with no text layer; nothing to extract "
                         "until it is read by OCR", file=file.name)
    text = "\n\n".join(t for t in item.texts if t.strip())
    if not text.strip():
        raise InputError(f"{file.name}: no main text found in this {kind}", file=file.name)
    from dalil.extract.store import published_day

    published = published_day(item.published_at)
    what = "web page: its main text" if kind == "html" else f"PDF: the text of {len(item.texts)} page(s)"
    note = f"{file.name}: {what}, {len(text):,} characters; spans count in that text"
    if published:
        note += f"; published {published} (stated by the file)"
    err_console.print(note, highlight=False)
    return text, published


def extract(
    ctx: typer.Context,
    file: Annotated[Path | None, typer.Argument(
        help="A report: text (UTF-8, UTF-16, Windows-1256), a saved web page or a PDF; "
             "works without a workspace.")] = None,
    all_sources: Annotated[bool, typer.Option(
        "--all", help="Extract every ingested source of the workspace whose stored extraction "
                      "is missing or from another extractor version.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="With --all: recompute even up-to-date extractions.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD: anchors missing years and "
                            "relative dates (default: the date a web page or PDF states).")]
    = None,
    lang: Annotated[str, typer.Option("--lang", help="auto, en or ar.")] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the full JSON object.")] = False,
    version: Annotated[bool, typer.Option(
        "--version", help="Print the extractor's version and whether its compiled build (mypyc) "
                          "or pure Python runs, then exit.")] = False,
) -> None:
    """Extract claims, events, places, dates, figures and actors from a file or the workspace."""
    from dalil.extract import EXTRACTOR_VERSION, extract_document

    if version:
        from dalil import __version__, compiled

        line = f"dalil {__version__}, extractor {EXTRACTOR_VERSION}, {compiled.describe()}"
        if as_json:
            print_json({"dalil": __version__, "extractor": EXTRACTOR_VERSION,
                        "build": compiled.describe(),
                        "compiled_modules": sorted(compiled.compiled_modules())})
        else:
            console.print(line, highlight=False)
        return

    if all_sources:
        if file is not None:
            raise InputError("give either FILE or --all, not both")
        _extract_all(ctx, force=force, as_json=as_json)
        return
    if file is None:
        raise InputError("give a FILE to extract, or --all for the workspace's sources")
    if not file.is_file():
        raise NotFoundError(f"no such file: {file}")
    text, page_published = _read_for_extraction(file)
    if published is None and page_published is not None:
        published = page_published
    from dalil.extract.proposer import load_proposer
    from dalil.extract.statistical import load_entity_model

    settings = _settings()
    model_name = settings.extract_model
    result = extract_document(text, published=published, lang=lang,
                              gazetteer_dir=_gazetteer_dir(),
                              entity_model=load_entity_model(model_name) if model_name else None,
                              proposer=load_proposer() if settings.extract_proposer else None)
    out = result.to_dict()
    if as_json:
        print_json(out)
        return
    table = Table(title=f"{file.name}: {len(out['claims'])} claims, {len(out['events'])} events")
    table.add_column("field")
    table.add_column("values")
    table.add_row("places", ", ".join(p["canonical"] for p in out["places"]))
    table.add_row("dates", ", ".join(str(d["date"] or d["surface"]) for d in out["dates"]))
    table.add_row("violations", ", ".join(out["violations"]))
    table.add_row("perpetrators", ", ".join(p["canonical"] for p in out["perpetrators"]))
    table.add_row("victim groups", ", ".join(v["canonical"] for v in out["victim_groups"]))
    table.add_row("casualty figures", ", ".join(
        f"{f['surface']} {f['what']}" + (" (hedged)" if f["hedged"] else "")
        for f in out["casualty_figures"]))
    table.add_row("sources", ", ".join(f"{s['name']} ({s['role']})" for s in out["quoted_sources"]))
    console.print(table)
    for w in out["warnings"]:
        console.print(f"[yellow]warning:[/] {w}")


def _extract_all(ctx: typer.Context, *, force: bool, as_json: bool) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from dalil.cli.context import AppState, err_console
    from dalil.extract.store import extract_sources

    state = ctx.find_root().obj
    assert isinstance(state, AppState)
    ws = state.workspace()
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                  console=err_console, transient=True, disable=as_json) as bar:
        task = bar.add_task("", total=None)
        report = extract_sources(ws, force=force, progress=lambda done, total: bar.update(
            task, completed=done, total=total))
    if as_json:
        print_json(report.to_dict())
        return
    console.print(f"{report.extracted} parts extracted ({report.claims} claims, "
                  f"{report.events} events), {report.up_to_date} up to date, "
                  f"{len(report.failed)} failed")
    for f in report.failed:
        console.print(f"[yellow]source {f['source_id']} part {f['part']}:[/] {f['error']}")


def gazetteer_import(
    file: Annotated[Path, typer.Argument(help="GeoNames dump (e.g. LB.txt, allCountries.txt).")],
    name: Annotated[str | None, typer.Option(help="Name of the imported set.")] = None,
    min_population: Annotated[int, typer.Option(help="Skip smaller populated places.")] = 0,
    directory: Annotated[Path | None, typer.Option("--dir", help="Gazetteer folder.")] = None,
) -> None:
    """Import a GeoNames-format file so its places are found in reports (offline afterwards)."""
    from dalil.gazetteer import convert_geonames

    target_dir = directory or _gazetteer_dir()
    dest = target_dir / f"{name or file.stem}.tsv.gz"
    kept = convert_geonames(file, dest, min_population=min_population)
    console.print(f"imported {kept:,} places into {dest}")


def gazetteer_info(
    directory: Annotated[Path | None, typer.Option("--dir", help="Gazetteer folder.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """How many places are loaded, from where, and the attribution the data requires."""
    from dalil.gazetteer import ATTRIBUTION, load_gazetteer
    from dalil.gazetteer.display import display_files

    target_dir = directory or _gazetteer_dir()
    gaz = load_gazetteer(target_dir)
    files = sorted(str(p) for p in target_dir.glob("*.tsv.gz")) if target_dir.is_dir() else []
    tables = [str(p) for p in display_files(target_dir)]
    renamed = sum(1 for p in gaz.places if p.source_name)
    info = {"places": len(gaz), "imported_files": files, "display_tables": tables,
            "renamed_places": renamed, "attribution": ATTRIBUTION}
    if as_json:
        print_json(info)
        return
    console.print(f"{len(gaz):,} places; imported files: {', '.join(files) or 'none'}")
    console.print(f"{renamed:,} places shown under a display name; your display tables: "
                  f"{', '.join(tables) or 'none'}")
    console.print(ATTRIBUTION)


def gazetteer_lookup(
    place: Annotated[str, typer.Argument(help="A place name in any spelling or script.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List the gazetteer entries for a name."""
    from dalil.gazetteer import load_gazetteer

    rows = [
        {"id": p.id, "kind": p.kind, "name": p.name, "name_ar": p.name_ar, "lat": p.lat,
         "lon": p.lon, "admin1": p.admin1, "admin2": p.admin2, "population": p.population}
        for p in load_gazetteer(_gazetteer_dir()).lookup(place)
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(title=place)
    for col in ("id", "kind", "name", "name_ar", "admin1", "admin2", "population"):
        table.add_column(col)
    for r in rows:
        table.add_row(*(str(r[c]) for c in ("id", "kind", "name", "name_ar", "admin1", "admin2",
                                            "population")))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    gazetteer_app.command("import")(gazetteer_import)
    gazetteer_app.command("info")(gazetteer_info)
    gazetteer_app.command("lookup")(gazetteer_lookup)
    app.add_typer(gazetteer_app, name="gazetteer")
