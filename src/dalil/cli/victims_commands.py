"""`dalil victims ...`: import victim lists, link them into unique victims, review, overlap."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dalil.cli.context import AppState, console, err_console, print_json
from dalil.errors import InputError

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]

victims_app = typer.Typer(help="Victim records: import lists, link them into unique victims, "
                          "review uncertain pairs, and the overlap table for estimation.",
                          no_args_is_help=True)


def _state(ctx: typer.Context) -> AppState:
    state: AppState = ctx.obj
    return state


def _band(text: str) -> tuple[float, float]:
    try:
        lo, hi = (float(x) for x in text.split(","))
    except ValueError as exc:
        raise InputError(f"--band must be two probabilities like 0.5,0.97, not {text!r}") from exc
    if not 0 <= lo < hi <= 1:
        raise InputError("--band needs 0 <= low < high <= 1")
    return lo, hi


@victims_app.command("import")
def import_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV or XLSX victim list.")],
    list_name: Annotated[str, typer.Option("--list", help="Name of the list (its organisation).")],
    mapping: Annotated[Path | None, typer.Option("--mapping", help="YAML column mapping.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Preserve the list in the vault, then read its rows into victim records."""
    from dalil.linkage.service import import_list

    ws = _state(ctx).workspace()
    report = import_list(ws, file, list_name, mapping)
    if as_json:
        print_json(report.to_dict())
        return
    console.print(f"list [bold]{report.list_name}[/]: source #{report.source_id} "
                  f"({report.source_status}); {report.imported} records imported, "
                  f"{report.already_present} already present, "
                  f"{len(report.errors)} malformed row(s)")
    console.print("columns: " + ", ".join(f"{k} <- {v!r}" for k, v in report.mapping.items()),
                  highlight=False)
    for e in report.errors:
        err_console.print(f"  [yellow]row {e.row_number}[/]: {e.message}", highlight=False)


@victims_app.command("add")
def add_cmd(
    ctx: typer.Context,
    source_id: Annotated[int, typer.Argument(help="The testimony (or other source) naming them.")],
    name: Annotated[str, typer.Option("--name", help="Full name as the source gives it.")],
    sex: Annotated[str | None, typer.Option()] = None,
    age: Annotated[int | None, typer.Option()] = None,
    date_of_death: Annotated[str | None, typer.Option("--date")] = None,
    place: Annotated[str | None, typer.Option("--place")] = None,
    list_name: Annotated[str, typer.Option("--list")] = "testimonies",
) -> None:
    """Record a victim named in a testimony or other source (linked to that source)."""
    from dalil.linkage.service import add_named_victim

    rid = add_named_victim(_state(ctx).workspace(), source_id, {
        "full_name": name, "sex": sex, "age": age, "date_of_death": date_of_death,
        "place_of_death": place}, list_name)
    console.print(f"victim record #{rid} added from source #{source_id} to list {list_name}")


@victims_app.command("link")
def link_cmd(
    ctx: typer.Context,
    engine: Annotated[str, typer.Option("--engine", help="duckdb (embedded) or spark.")] = "duckdb",
    threshold: Annotated[float, typer.Option(help="Merge pairs at or above this probability.")]
    = 0.9,
    band: Annotated[str, typer.Option("--band", help="Uncertain band sent to review.")]
    = "0.5,0.97",
    as_json: JsonOpt = False,
) -> None:
    """Link all records into victims (respects every review decision)."""
    from dalil.linkage.service import link_workspace

    if engine not in ("duckdb", "spark"):
        raise InputError(f"--engine must be duckdb or spark, not {engine!r}")
    ws = _state(ctx).workspace()
    with console.status("linking…") as status:
        report = link_workspace(ws, engine=engine,  # type: ignore[arg-type]
                                threshold=threshold, review_band=_band(band),
                                progress=lambda m: status.update(m))
    if as_json:
        print_json(report.to_dict())
        return
    console.print(f"{report.records} records -> [bold]{report.victims}[/] victims "
                  f"({report.kept_ids} ids kept from the last run, {report.new_ids} new); "
                  f"{report.pairs} candidate pairs, {report.to_review} to review "
                  f"(`dalil victims review`)")


def _side_by_side(item: dict[str, object]) -> Table:
    a, b = item["a"], item["b"]
    assert isinstance(a, dict) and isinstance(b, dict)
    t = Table(title=f"records #{item['record_a']} and #{item['record_b']}: "
                    f"probability {float(item['match_probability']):.3f}, "  # type: ignore[arg-type]
                    f"weight {float(item['match_weight']):.2f}")  # type: ignore[arg-type]
    t.add_column("field")
    t.add_column(f"#{item['record_a']}")
    t.add_column(f"#{item['record_b']}")
    for k in sorted(set(a) | set(b)):
        if k in {"id"}:
            continue
        t.add_row(k, str(a.get(k, "")), str(b.get(k, "")))
    expl = item.get("explanation") or {}
    assert isinstance(expl, dict)
    for k, w in sorted(expl.items(), key=lambda kv: -abs(kv[1])):
        t.add_row(f"[dim]weight {k}[/]", f"{w:+.2f}", "")
    return t


@victims_app.command("review")
def review_cmd(
    ctx: typer.Context,
    band: Annotated[str, typer.Option("--band", help="Probability band to review.")]
    = "0.5,0.97",
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 50,
    decide: Annotated[
        tuple[int, int, str] | None,
        typer.Option("--decide", help="Record a decision without prompting: A B accept|reject."),
    ] = None,
    interactive: Annotated[bool, typer.Option(
        "--interactive/--no-interactive", help="Prompt even when input is not a terminal.")]
    = False,
    as_json: JsonOpt = False,
) -> None:
    """Review uncertain pairs: accept (same victim), reject (different), skip."""
    from dalil.linkage import service

    ws = _state(ctx).workspace()
    if decide is not None:
        a, b, what = decide
        service.decide(ws, a, b, what)
        console.print(f"recorded: #{a} and #{b} {what}ed; run `dalil victims link` to apply")
        return
    queue = service.review_queue(ws, _band(band), limit)
    if as_json or not (interactive or sys.stdin.isatty()):
        print_json(queue)
        return
    if not queue:
        console.print("nothing to review")
        return
    decided = 0
    for item in queue:
        console.print(_side_by_side(item))
        answer = typer.prompt("[a]ccept / [r]eject / [s]kip / [q]uit", default="s").strip().lower()
        if answer.startswith("q"):
            break
        if answer.startswith("a") or answer.startswith("r"):
            service.decide(ws, int(str(item["record_a"])), int(str(item["record_b"])),
                           "accept" if answer.startswith("a") else "reject")
            decided += 1
    console.print(f"{decided} decision(s) saved; run `dalil victims link` to apply them")


@victims_app.command("list")
def list_cmd(ctx: typer.Context, limit: Annotated[int, typer.Option()] = 1000,
             as_json: JsonOpt = False) -> None:
    """Unique victims with their number of records and lists."""
    from dalil.linkage.service import list_victims

    rows = list_victims(_state(ctx).workspace(), limit)
    if as_json:
        print_json(rows)
        return
    t = Table("victim", "name", "date of death", "records", "lists")
    for r in rows:
        t.add_row(r["victim_id"], r["name"], r["date_of_death"] or "", str(r["records"]),
                  ", ".join(r["lists"]))
    console.print(t)


@victims_app.command("show")
def show_cmd(ctx: typer.Context, victim_id: str, as_json: JsonOpt = False) -> None:
    """One victim: its records side by side and the match weights that linked them."""
    from dalil.linkage.service import show_victim

    data = show_victim(_state(ctx).workspace(), victim_id)
    if as_json:
        print_json(data)
        return
    t = Table(title=f"victim {victim_id}")
    t.add_column("field")
    for r in data["records"]:
        t.add_column(f"#{r['id']} {r['list']} row {r['row']}")
    keys: list[str] = []
    for r in data["records"]:
        keys += [k for k in r if k not in keys and k not in {"id", "list", "row", "victim_id"}]
    for k in keys:
        t.add_row(k, *[str(r.get(k, "")) for r in data["records"]])
    console.print(t)
    for link in data["links"]:
        parts = ", ".join(f"{k} {v:+.1f}" for k, v in sorted(
            link["explanation"].items(), key=lambda kv: -abs(kv[1])))
        console.print(f"#{link['record_a']} ~ #{link['record_b']}: p={link['match_probability']:.3f}"
                      f" weight {link['match_weight']:.1f} ({parts})", highlight=False)
    for d in data["decisions"]:
        console.print(f"reviewer {d['by']}: #{d['record_a']} / #{d['record_b']} {d['decision']}")


@victims_app.command("stats")
def stats_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Counts of records, victims, lists and review decisions."""
    from dalil.linkage.service import stats

    data = stats(_state(ctx).workspace())
    if as_json:
        print_json(data)
        return
    console.print(f"{data['records']} records in {len(data['records_per_list'])} lists -> "
                  f"{data['victims']} victims ({data['unlinked_records']} records not yet linked)")
    for name, n in sorted(data["records_per_list"].items()):
        console.print(f"  {name}: {n}")
    console.print(f"decisions: {data['decisions']}")


@victims_app.command("overlap")
def overlap_cmd(
    ctx: typer.Context,
    strata: Annotated[str, typer.Option("--strata", help="Comma-separated, e.g. governorate,year")]
    = "",
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """The capture-history table: one 0/1 column per list, the strata, and a count."""
    from dalil.linkage.overlap import capture_histories

    fields = [s.strip() for s in strata.split(",") if s.strip()]
    table = capture_histories(_state(ctx).workspace(), fields)
    if as_json:
        print_json(table.to_dict("records"))
    elif as_csv:
        sys.stdout.write(table.to_csv(index=False))
    else:
        t = Table(*[str(c) for c in table.columns])
        for row in table.itertuples(index=False):
            t.add_row(*[str(v) for v in row])
        console.print(t)


def _read_key(path: Path) -> bytes:
    try:
        key = path.read_bytes().strip()
    except OSError as exc:
        raise InputError(f"cannot read the key file {path}: {exc}") from exc
    if len(key) < 16:
        raise InputError(f"the key in {path} is shorter than 16 bytes")
    return key


@victims_app.command("encode")
def encode_cmd(
    ctx: typer.Context,
    key_file: Annotated[Path, typer.Option("--key-file", help="The secret shared by both sides.")],
    out: Annotated[Path, typer.Option("--out", help="Encoded list to write (JSON lines).")],
    list_name: Annotated[str | None, typer.Option("--list", help="A list in this workspace.")]
    = None,
    file: Annotated[Path | None, typer.Option("--file", help="Or a CSV/XLSX file directly.")]
    = None,
    mapping: Annotated[Path | None, typer.Option("--mapping")] = None,
) -> None:
    """Write a list as keyed Bloom-filter encodings (no plain names leave the machine)."""
    import pandas as pd

    from dalil.linkage.encode import encode_features, write_encoded
    from dalil.linkage.features import prepare
    from dalil.linkage.records import detect_mapping, load_mapping, parse_rows, read_table
    from dalil.settings import Settings

    key = _read_key(key_file)
    if (list_name is None) == (file is None):
        raise InputError("give either --list NAME (from the workspace) or --file PATH")
    if file is not None:
        headers, rows = read_table(file)
        m = load_mapping(mapping, headers) if mapping else detect_mapping(headers)
        parsed = parse_rows(file.stem, headers, rows, m)
        records = pd.DataFrame([{**r.as_row(), "record_id": f"{r.row_number}"}
                                for r in parsed.records])
        name = file.stem
        gazetteer_dir = Settings.load().gazetteer_dir
        for e in parsed.errors:
            err_console.print(f"  [yellow]row {e.row_number}[/]: {e.message}", highlight=False)
    else:
        from dalil.linkage.service import records_frame

        ws = _state(ctx).workspace()
        gazetteer_dir = ws.settings.gazetteer_dir
        all_records = records_frame(ws)
        records = all_records[all_records["list_name"] == list_name]
        if records.empty:
            raise InputError(f"no records in a list named {list_name!r}")
        name = str(list_name)
    encoded = encode_features(prepare(records, gazetteer_dir), key)
    write_encoded(encoded, out, name)
    console.print(f"{len(encoded)} records of {name} encoded to {out}")


@victims_app.command("link-encoded")
def link_encoded_cmd(
    a: Annotated[Path, typer.Argument(help="Encoded list A.")],
    b: Annotated[Path, typer.Argument(help="Encoded list B.")],
    threshold: Annotated[float, typer.Option()] = 0.9,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv")] = False,
) -> None:
    """Link two encoded lists without their plain names: pairs of record ids."""
    from dalil.linkage.encode import link_encoded, read_encoded

    name_a, frame_a = read_encoded(a)
    name_b, frame_b = read_encoded(b)
    if name_a == name_b:
        name_b = f"{name_b} (2)"
    pairs = link_encoded(frame_a, frame_b, threshold=threshold)
    pairs = pairs.rename(columns={"id_a": f"id_{name_a}", "id_b": f"id_{name_b}"})
    if as_json:
        print_json(pairs.to_dict("records"))
    elif as_csv:
        sys.stdout.write(pairs.to_csv(index=False))
    else:
        console.print(f"{len(frame_a)} records in {name_a}, {len(frame_b)} in {name_b}: "
                      f"{len(pairs)} linked pairs")


def register(app: typer.Typer) -> None:
    app.add_typer(victims_app, name="victims")
