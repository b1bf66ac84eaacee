"""`dalil incidents build|list|show|split|merge|move|verify`, `dalil review`, `dalil verify-claim`.

Source grades are `dalil grade SOURCE A-F` (vault commands); this module does not duplicate it.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dalil.cli.context import AppState, console, print_json

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (recorded in the custody log).")]
EvidenceOpt = Annotated[list[str] | None, typer.Option(
    "--evidence", help="A link to the evidence behind the decision (repeatable).")]

incidents_app = typer.Typer(help="Incidents: events from all sources grouped, with independent "
                                 "corroboration, contradictions and review.", no_args_is_help=True)


def _state(ctx: typer.Context) -> AppState:
    state: AppState = ctx.obj
    return state


def _print_build(report: dict[str, Any]) -> None:
    console.print(
        f"{report['incidents']} incidents from {report['events']} events in {report['sources']} "
        f"sources; {report['origin_groups']} origin groups ({report['edges']} derivation edges); "
        f"{report['pairs_compared']} event pairs compared; {report['decisions_applied']} review "
        f"decisions applied; {report['new_incidents']} new, {report['retired_incidents']} retired"
        + (f"; {report['ungrouped_events']} events without place or date left out"
           if report["ungrouped_events"] else ""))


@incidents_app.command("build")
def build_cmd(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Recompute origins, incidents, corroboration and contradictions from all sources."""
    from dalil.incidents import build

    ws = _state(ctx).workspace()
    with Progress(TextColumn("extracting new text parts"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=as_json) as bar:
        task = bar.add_task("parts", total=None)
        report = build(ws, progress=lambda done, total: bar.update(
            task, completed=done, total=total)).to_dict()
    if as_json:
        print_json(report)
    else:
        _print_build(report)


@incidents_app.command("list")
def list_cmd(
    ctx: typer.Context,
    place: Annotated[str | None, typer.Option(help="Place, district or governorate name.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From date YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="To date YYYY-MM-DD.")] = None,
    violation: Annotated[str | None, typer.Option(help="Violation type, e.g. killing.")] = None,
    status: Annotated[str | None, typer.Option(help="Status, e.g. corroborated.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List incidents (newest build), with their independent-origin counts and status."""
    from dalil.incidents import list_incidents

    out = list_incidents(_state(ctx).workspace(), place=place, date_from=date_from,
                         date_to=date_to, violation=violation, status=status)
    if as_json:
        print_json(out)
        return
    if out["sources_since_build"] == -1:
        console.print("[yellow]no incidents yet: run `dalil incidents build`[/]")
    elif out["sources_since_build"]:
        console.print(f"[yellow]{out['sources_since_build']} source(s) arrived since the last "
                      "build: run `dalil incidents build` to recompute corroboration[/]")
    table = Table(title=f"{len(out['incidents'])} incidents")
    for col in ("id", "title", "violations", "origins", "sources", "contradictions", "status"):
        table.add_column(col)
    for r in out["incidents"]:
        table.add_row(str(r["id"]), r["title"], ", ".join(r["violations"]),
                      str(r["independent_origins"]), str(r["sources"]), str(r["contradictions"]),
                      r["status"])
    console.print(table)


@incidents_app.command("show")
def show_cmd(ctx: typer.Context, incident: int, as_json: JsonOpt = False) -> None:
    """One incident: claims by origin, the derivation graph, the figures table, the history."""
    from dalil.incidents import show_incident

    out = show_incident(_state(ctx).workspace(), incident)
    if as_json:
        print_json(out)
        return
    summ = out["summary"]
    console.print(f"[bold]#{out['id']} {out['title']}[/]  status: [bold]{out['status']}[/]  "
                  f"independent origins: {out['independent_origins']} "
                  f"(of {out['sources']} sources)")
    console.print("places: " + "; ".join(
        f"{p['name']} ({p['lat']:.3f}, {p['lon']:.3f}; {p['admin2'] or p['admin1']})"
        for p in summ["places"]))
    for p in summ["perpetrators"]:
        console.print(f"perpetrator alleged: {p['name']} by {', '.join(p['alleged_by'])}"
                      + (" (hedged)" if p["hedged"] else ""))
    for v in summ["victim_groups"]:
        console.print(f"victims: {v['name']} (per {', '.join(v['alleged_by'])})")
    for what, fig in summ["figures"].items():
        t = Table(title=f"{what}: min {fig['min']}, best {fig['best']:g}, max {fig['max']}")
        for col in ("origin", "figures", "low", "high"):
            t.add_column(col)
        for row in fig["by_origin"]:
            t.add_row(row["origin"], "; ".join(f"{f['surface']} (#{f['source_id']})"
                                               for f in row["figures"]),
                      str(row["low"]), str(row["high"]))
        console.print(t)
    for c in summ["contradictions"]:
        positions = "; ".join(
            f"{p['origin']}: " + (", ".join(p["perpetrators"]) if "perpetrators" in p
                                  else f"{p['low']}-{p['high']}") for p in c["positions"])
        console.print(f"[red]contradiction[/] ({c['kind']}): {escape(c.get('detail') or '')}; "
                      f"{escape(positions)}", highlight=False)
    for group in out["claims_by_origin"]:
        console.print(f"\n[bold]origin {escape(group['label'])}[/]")
        for c in group["claims"]:
            grade = f", credibility {c['credibility']}" if c["credibility"] else ""
            console.print(escape(f"  {c['claim']} [{c['status']}{grade}] src #{c['source_id']} "
                                 f"({c['source']}, reliability {c['reliability']}): "
                                 f"{c['text'][:160]}"), highlight=False)
    console.print("\n[bold]derivation[/] (why sources share an origin)")
    for e in out["derivation"]["edges"]:
        console.print(escape(f"  #{e['source_id']} -> {e['node']}: {e['rule']} ({e['reason']})"),
                      highlight=False)
    if out["history"]:
        console.print("\n[bold]history[/]")
        for h in out["history"]:
            console.print(escape(f"  {h['at']} {h['actor']} {h['action']}: {h['details']}"),
                          highlight=False)


@incidents_app.command("origin")
def origin_cmd(ctx: typer.Context,
               source: Annotated[str, typer.Argument(help="Source id or SHA-256 prefix.")],
               other: Annotated[str | None, typer.Argument(
                   help="Another source: show why the two are (or are not) one origin.")] = None,
               as_json: JsonOpt = False) -> None:
    """A source's origin group and why its members depend on each other."""
    from dalil.incidents.review import source_origin

    out = source_origin(_state(ctx).workspace(), source, other)
    if as_json:
        print_json(out)
        return
    console.print(escape(f"source #{out['source_id']}: origin {out['origin']} "
                         f"({len(out['members'])} sources: "
                         + ", ".join(f"#{m}" for m in out["members"]) + ")"), highlight=False)
    if other is not None:
        if not out["same_origin"]:
            console.print(f"#{out['other']} is an independent origin (no derivation connects them)")
        else:
            console.print(f"#{out['source_id']} and #{out['other']} are one origin because:")
            for e in out["path"]:
                console.print(escape(f"  #{e['source_id']} -> {e['node']}: {e['rule']} "
                                     f"({e['reason']})"), highlight=False)
        return
    for e in out["edges"]:
        console.print(escape(f"  #{e['source_id']} -> {e['node']}: {e['rule']} ({e['reason']})"),
                      highlight=False)


@incidents_app.command("split")
def split_cmd(ctx: typer.Context, incident: int,
              events: Annotated[list[str], typer.Argument(help="Claims or events to split off.")],
              reason: ReasonOpt) -> None:
    """Split the named claims/events off into a new incident (kept by every later build)."""
    from dalil.incidents import split_incident

    _print_build(split_incident(_state(ctx).workspace(), incident, events, reason=reason))


@incidents_app.command("merge")
def merge_cmd(ctx: typer.Context,
              incidents: Annotated[list[int], typer.Argument(help="Two or more incident ids.")],
              reason: ReasonOpt) -> None:
    """Merge incidents into one (kept by every later build)."""
    from dalil.incidents import merge_incidents

    _print_build(merge_incidents(_state(ctx).workspace(), incidents, reason=reason))


@incidents_app.command("move")
def move_cmd(ctx: typer.Context, event: str,
             from_incident: Annotated[int, typer.Option("--from", help="Incident it is in.")],
             to_incident: Annotated[int, typer.Option("--to", help="Incident it belongs to.")],
             reason: ReasonOpt) -> None:
    """Move one claim/event to another incident (kept by every later build)."""
    from dalil.incidents import move_event

    _print_build(move_event(_state(ctx).workspace(), event, from_incident, to_incident,
                            reason=reason))


@incidents_app.command("verify")
def verify_cmd(ctx: typer.Context, incident: int,
               status: Annotated[str, typer.Argument(
                   help="unverified, under_review, verified, disputed or false.")],
               reason: ReasonOpt, evidence: EvidenceOpt = None) -> None:
    """Set an incident's verification status."""
    from dalil.incidents import set_incident_status

    out = set_incident_status(_state(ctx).workspace(), incident, status, reason=reason,
                              evidence=evidence)
    console.print(f"incident #{incident}: {out['before']} -> {out['after']}")


def review_cmd(ctx: typer.Context,
               limit: Annotated[int, typer.Option(help="Longest list shown.")] = 20,
               as_json: JsonOpt = False) -> None:
    """The review queue: incidents and claims awaiting review, most corroborated and most
    disputed first."""
    from dalil.incidents import review_queue

    out = review_queue(_state(ctx).workspace(), limit=limit)
    if as_json:
        print_json(out)
        return
    t = Table(title="incidents awaiting review")
    for col in ("id", "title", "origins", "contradictions", "status"):
        t.add_column(col)
    for r in out["incidents"]:
        t.add_row(str(r["id"]), r["title"], str(r["independent_origins"]),
                  str(r["contradictions"]), r["status"])
    console.print(t)
    t = Table(title="claims awaiting review")
    for col in ("claim", "incident", "origins", "text"):
        t.add_column(col)
    for c in out["claims"]:
        t.add_row(c["claim"], str(c["incident"]), str(c["independent_origins"]),
                  escape(c["text"][:100]))
    console.print(t)


def verify_claim_cmd(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="Claim id SOURCE:PART:START-END (from `incidents show`).")],
    status: Annotated[str | None, typer.Argument(
        help="unverified, under_review, verified, disputed or false.")] = None,
    reason: ReasonOpt = "",
    credibility: Annotated[int | None, typer.Option(
        help="Information credibility 1-6 (1 confirmed ... 6 cannot be judged).")] = None,
    evidence: EvidenceOpt = None,
) -> None:
    """Set a claim's verification status and/or credibility grade, with a reason."""
    from dalil.incidents import verify_claim

    out = verify_claim(_state(ctx).workspace(), claim, status, reason=reason,
                       credibility=credibility, evidence=evidence)
    console.print(f"claim {claim}: "
                  + ", ".join(f"{k} {v}" for k, v in out.items() if k != "claim" and v is not None))


def register(app: typer.Typer) -> None:
    app.add_typer(incidents_app, name="incidents")
    app.command("review")(review_cmd)
    app.command("verify-claim")(verify_claim_cmd)
