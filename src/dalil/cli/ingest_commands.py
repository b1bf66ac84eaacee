"""Commands that bring evidence in: ingest, testimonies, search, and the demo."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dalil.cli.context import AppState, console, err_console, print_json
from dalil.cli.vault_commands import JsonOpt, print_verify, summary_table


def _state(ctx: typer.Context) -> AppState:
    state: AppState = ctx.obj
    return state


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(ctx: typer.Context,
               paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
               extract: Annotated[bool, typer.Option(
                   "--extract/--no-extract",
                   help="Extract claims and events from the new sources (and recompute incidents "
                        "once built) right after preserving them; `dalil extract --all` can do "
                        "it later.")] = True,
               as_json: JsonOpt = False) -> None:
        """Preserve files as sources: hash, store, extract text and metadata, log custody."""
        from dalil.ingest.pipeline import Ingestor, expand

        for p in paths:
            if not p.exists():
                raise typer.BadParameter(f"{p}: no such file or folder")
        ws = _state(ctx).workspace()
        ingestor = Ingestor(ws)
        total = len(expand(paths))
        with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), TextColumn("{task.description}"),
                      console=err_console, transient=True, disable=as_json) as bar:
            task = bar.add_task("", total=total)
            outcomes = ingestor.ingest(paths, progress=lambda name: bar.update(
                task, advance=1, description=name[-40:]))
        # Extraction runs right after ingest (dalil.extract.store; `dalil extract --all` redoes it).
        from dalil.extract.store import extract_sources

        stored = [o.source_id for o in outcomes if o.status == "stored" and o.source_id]
        if stored and extract:
            with err_console.status("extracting claims and events", spinner="dots"):
                extract_sources(ws, stored)
            # Corroboration is recomputed when sources arrive, once incidents have been built.
            from sqlalchemy import func, select

            from dalil.incidents.build import build
            from dalil.incidents.tables import Incident

            with ws.db.read_session() as s:
                built = (s.scalar(select(func.count()).select_from(Incident)) or 0) > 0
            if built:
                with err_console.status("recomputing incidents and corroboration"):
                    build(ws)
        rows = [o.to_dict() for o in outcomes]
        counts = Counter(o.status for o in outcomes)
        if as_json:
            print_json({"outcomes": rows, "counts": dict(counts)})
        else:
            console.print(summary_table(rows))
            console.print(f"{counts['stored']} stored, {counts['resubmitted']} re-submitted, "
                          f"{counts['refused']} refused"
                          + (f", {counts['skipped']} skipped" if counts["skipped"] else ""))
        if counts["refused"]:
            raise typer.Exit(1)

    @app.command()
    def search(ctx: typer.Context, query: str,
               limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
               as_json: JsonOpt = False) -> None:
        """Full-text search over all extracted text (Arabic-aware)."""
        from dalil.search import search as run_search

        hits = run_search(_state(ctx).workspace(), query, limit=limit)
        if as_json:
            print_json([h.__dict__ for h in hits])
            return
        t = Table("source", "part", "kind", "name", "match")
        for h in hits:
            t.add_row(str(h.source_id), str(h.part), h.kind, h.original_name[:40], h.snippet)
        console.print(t)
        console.print(f"{len(hits)} hit(s)")

    testimony = typer.Typer(help="Witness testimonies: pseudonymous statements, sealed "
                            "identities.", no_args_is_help=True)
    app.add_typer(testimony, name="testimony")

    @testimony.command("add")
    def testimony_add(ctx: typer.Context, file: Path) -> None:
        """Add a testimony (YAML or JSON); its identity block is encrypted at rest."""
        from dalil.errors import InputError
        from dalil.protect.testimony import add_testimony

        if not file.is_file():
            raise InputError(f"{file.name}: no such file")
        r = add_testimony(_state(ctx).workspace(), file.read_bytes(), file.name)
        console.print(f"testimony #{r.testimony_id} of {r.pseudonym}: {r.status}" +
                      (f" ({r.redactions} identity mention(s) withheld from the statement)"
                       if r.redactions else ""))

    @testimony.command("list")
    def testimony_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """List testimonies by pseudonym (never identities)."""
        from dalil.protect.testimony import list_testimonies

        rows = list_testimonies(_state(ctx).workspace())
        if as_json:
            print_json(rows)
            return
        t = Table("id", "pseudonym", "lang", "interviewed", "record", "investigators", "courts",
                  "publish")
        yes = {True: "yes", False: "no"}
        for r in rows:
            c = r["consent"]
            t.add_row(str(r["id"]), r["pseudonym"], r["language"] or "",
                      str(r["interview_date"] or ""), yes[c["record"]],
                      yes[c["share_with_investigators"]], yes[c["share_with_courts"]],
                      yes[c["publish"]])
        console.print(t)

    @testimony.command("show")
    def testimony_show(ctx: typer.Context, testimony_id: int, as_json: JsonOpt = False) -> None:
        """Show a testimony's pseudonymous statement and consent. Logged as a view."""
        from dalil.protect.testimony import show_testimony

        d = show_testimony(_state(ctx).workspace(), testimony_id)
        if as_json:
            print_json(d)
            return
        console.print(f"[bold]{d['pseudonym']}[/] (#{d['id']}, {d['language']}), consent: "
                      f"{d['consent']}")
        console.print(d["statement"], highlight=False)

    @testimony.command("reveal")
    def testimony_reveal(ctx: typer.Context, testimony_id: int,
                         reason: Annotated[str, typer.Option(help="Why (kept in the log).")],
                         as_json: JsonOpt = False) -> None:
        """Decrypt a witness's identity (protection officers and admins; logged)."""
        from dalil.protect.testimony import reveal_identity

        identity = reveal_identity(_state(ctx).workspace(), testimony_id, reason=reason)
        if as_json:
            print_json(identity)
            return
        t = Table(show_header=False, title="identity (handle with care)")
        for k, v in identity.items():
            t.add_row(k, str(v))
        console.print(t)

    @app.command()
    def demo(ctx: typer.Context) -> None:
        """Create a workspace, ingest the bundled fictional corpus, extract, build incidents, verify."""
        from dalil.demo import run_demo

        state = _state(ctx)
        home = state.home or Path("dalil-demo")
        result = run_demo(home, user=state.user)
        console.print(summary_table(result.rows))
        console.print(f"workspace: [bold]{home}[/]; "
                      f"{result.sources} sources, {result.testimonies} testimonies")
        ex, inc = result.extraction, result.incidents
        console.print(f"extracted {ex['claims']} claims and {ex['events']} events; "
                      f"{inc['incidents']} incidents from {inc['origin_groups']} independent "
                      f"origin groups")
        print_verify(result.verify, f"workspace {home}")
        hits = result.search_hits
        console.print(f"search for {result.search_query!r}: {hits} hit(s)")
        console.print(f"try: dalil --home {home} incidents list | sources list | "
                      "search Baniyas | testimony list | log")
        if not result.verify.ok:
            raise typer.Exit(2)
