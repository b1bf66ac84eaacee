"""Commands of the foundation: workspace, users, keys, sources, custody log, verify, bundles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import func, select

from dalil import __version__
from dalil.cli.context import AppState, console, err_console, print_json
from dalil.db.models import CustodyEntry, Source, User
from dalil.protect.roles import ROLES
from dalil.vault import sources as source_ops
from dalil.vault.verify import VerifyReport, verify_bundle, verify_workspace

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _state(ctx: typer.Context) -> AppState:
    state: AppState = ctx.obj
    return state


def print_verify(report: VerifyReport, what: str) -> None:
    if report.ok:
        console.print(f"[bold green]verified[/]: {what}: {report.blobs_checked} files re-hashed, "
                      f"{report.entries_checked} custody entries walked; head "
                      f"{report.head_seq} {report.head_hash[:16]}…")
    else:
        console.print(f"[bold red]verification FAILED[/]: {what}: "
                      f"{len(report.problems)} problem(s)")
        for p in report.problems:
            console.print(f"  [red]✗[/] {p}", highlight=False)
    for n in report.notes:
        console.print(f"  [yellow]note[/]: {n}", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    def version() -> None:
        """Print Dalil's version."""
        console.print(__version__)

    @app.command()
    def init(ctx: typer.Context) -> None:
        """Create or upgrade the workspace, and recover from an interrupted write. Idempotent."""
        ws = _state(ctx).workspace(initialise=True)
        with ws.db.session() as s:
            n = s.scalar(select(func.count()).select_from(Source))
        console.print(f"workspace ready at [bold]{ws.home}[/] ({ws.db.dialect}, schema "
                      f"{ws.db.current_revision()}, {n} sources)")
        rec = ws.recover()
        if rec.orphans_removed or rec.tmp_removed:
            console.print(f"recovered: {len(rec.orphans_removed)} unfinished blob(s) and "
                          f"{rec.tmp_removed} temporary file(s) removed")
        if not ws.key_path.exists():
            console.print("no witness-protection key yet: run `dalil keys init` before adding "
                          "testimonies")

    # -- users --------------------------------------------------------------------------------
    users = typer.Typer(help="People who act on this workspace, and their roles.",
                        no_args_is_help=True)
    app.add_typer(users, name="users")

    @users.command("add")
    def users_add(ctx: typer.Context, name: str,
                  role: Annotated[str, typer.Option(help=f"One of: {', '.join(ROLES)}")]) -> None:
        """Add a user (or change their role)."""
        _state(ctx).workspace().add_user(name, role)
        console.print(f"user {name} has role {role}")

    @users.command("list")
    def users_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        """List users and roles."""
        ws = _state(ctx).workspace()
        ws.require("evidence.read")
        with ws.db.session() as s:
            rows = [{"name": u.name, "role": u.role} for u in s.execute(select(User)).scalars()]
        if as_json:
            print_json(rows)
            return
        t = Table("name", "role", "may")
        for r in rows:
            t.add_row(r["name"], r["role"], ROLES[r["role"]])
        console.print(t)

    # -- keys ---------------------------------------------------------------------------------
    keys = typer.Typer(help="The key that protects witnesses' identities.", no_args_is_help=True)
    app.add_typer(keys, name="keys")

    @keys.command("init")
    def keys_init(ctx: typer.Context,
                  passphrase: Annotated[bool, typer.Option(
                      "--passphrase", help="Protect the key file with a passphrase (asked, or "
                      "DALIL_KEY_PASSPHRASE).")] = False) -> None:
        """Create the key file. Losing it loses every identity it protects: back it up apart."""
        import os

        from dalil.protect.testimony import init_keys

        secret = None
        if passphrase:
            secret = os.environ.get("DALIL_KEY_PASSPHRASE") or typer.prompt(
                "new passphrase", hide_input=True, confirmation_prompt=True, err=True)
        path = init_keys(_state(ctx).workspace(), passphrase=secret)
        console.print(f"key file created at [bold]{path}[/] (mode 600). Back it up somewhere "
                      "other than the workspace: without it, witnesses' identities are lost.")

    @keys.command("rotate")
    def keys_rotate(ctx: typer.Context) -> None:
        """Re-encrypt every identity and testimony under a new key; the old key is dropped."""
        from dalil.protect.testimony import rotate_keys

        r = rotate_keys(_state(ctx).workspace())
        console.print(f"re-encrypted {r['testimonies']} testimonies under key {r['new_key']}; "
                      f"retired {', '.join(r['retired_keys'])}")

    # -- sources ------------------------------------------------------------------------------
    sources = typer.Typer(help="Preserved items and their metadata.", no_args_is_help=True)
    app.add_typer(sources, name="sources")

    @sources.command("list")
    def sources_list(ctx: typer.Context,
                     kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
                     limit: int = 1000, as_json: JsonOpt = False) -> None:
        """List sources."""
        rows = source_ops.list_sources(_state(ctx).workspace(), kind=kind, limit=limit)
        if as_json:
            print_json(rows)
            return
        t = Table("id", "kind", "name", "lang", "grade", "published", "sha256", "status")
        for r in rows:
            t.add_row(str(r["id"]), r["kind"], r["original_name"][:48], r["language"] or "",
                      r["reliability"], r["published_at"] or "", r["sha256"][:12], r["status"])
        console.print(t)

    @sources.command("show")
    def sources_show(ctx: typer.Context, ref: str,
                     text: Annotated[bool, typer.Option("--text", help="Include text.")] = False,
                     as_json: JsonOpt = False) -> None:
        """Show one source (by id or SHA-256 prefix). Logged as a view."""
        d = source_ops.show_source(_state(ctx).workspace(), ref, with_text=text)
        if as_json:
            print_json(d)
            return
        t = Table(show_header=False)
        for k, v in d.items():
            if k != "texts":
                t.add_row(k, json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v))
        console.print(t)
        for i, body in enumerate(d.get("texts", [])):
            console.rule(f"part {i}")
            console.print(body, highlight=False)

    @sources.command("set")
    def sources_set(ctx: typer.Context, ref: str,
                    field: Annotated[list[str], typer.Option("--field", "-f",
                                     help="NAME=VALUE; editable: " +
                                     ", ".join(source_ops.EDITABLE))],
                    reason: Annotated[str, typer.Option(help="Why (kept in the log).")]) -> None:
        """Correct a source's metadata (logged with before and after)."""
        changes: dict[str, str | None] = {}
        for f in field:
            k, sep, v = f.partition("=")
            if not sep:
                raise typer.BadParameter(f"{f!r}: use NAME=VALUE")
            changes[k.strip()] = v.strip() or None
        source_ops.set_metadata(_state(ctx).workspace(), ref, changes, reason=reason)
        console.print("metadata changed and logged")

    @sources.command("delete")
    def sources_delete(ctx: typer.Context, ref: str,
                       reason: Annotated[str, typer.Option(help="The policy that requires it.")]
                       ) -> None:
        """Delete a source's bytes by policy; its row and history stay as a tombstone."""
        source_ops.delete_by_policy(_state(ctx).workspace(), ref, reason=reason)
        console.print("deleted by policy; tombstone and log entry kept")

    @app.command()
    def grade(ctx: typer.Context, source: str,
              grade: Annotated[str, typer.Argument(help="Admiralty reliability grade A-F.")],
              reason: Annotated[str, typer.Option(help="Why this grade.")]) -> None:
        """Set a source's reliability grade (A completely reliable ... F cannot be judged)."""
        source_ops.grade_source(_state(ctx).workspace(), source, grade, reason=reason)
        console.print(f"source {source} graded {grade.upper()}")

    # -- custody log ---------------------------------------------------------------------------
    @app.command("log")
    def log_cmd(ctx: typer.Context,
                source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
                limit: Annotated[int, typer.Option(help="Newest N entries.")] = 50,
                as_json: JsonOpt = False) -> None:
        """Show the custody log, newest last."""
        from dalil.vault.custody import entry_to_dict

        ws = _state(ctx).workspace()
        ws.require("evidence.read")
        with ws.db.session() as s:
            q = select(CustodyEntry).order_by(CustodyEntry.seq.desc()).limit(limit)
            if source:
                q = q.where(CustodyEntry.source_sha256 ==
                            source_ops.resolve_source(s, source).sha256)
            rows = [entry_to_dict(e) for e in reversed(s.execute(q).scalars().all())]
        if as_json:
            print_json(rows)
            return
        t = Table("seq", "at", "actor", "action", "sha256", "details", "hash")
        for r in rows:
            t.add_row(str(r["seq"]), r["at"][:19], r["actor"], r["action"],
                      (r["sha256"] or "")[:12],
                      json.dumps(r["details"], ensure_ascii=False)[:60], r["entry_hash"][:12])
        console.print(t)

    @app.command()
    def verify(ctx: typer.Context,
               bundle: Annotated[Path | None, typer.Option(
                   help="Check an exported bundle (folder or zip) instead, without a database.")
               ] = None,
               as_json: JsonOpt = False) -> None:
        """Re-hash every blob and walk the custody chain; exit non-zero naming any problem."""
        if bundle is not None:
            report = verify_bundle(bundle)
            what = f"bundle {bundle}"
        else:
            ws = _state(ctx).workspace()
            ws.require("evidence.read")
            with ws.db.session() as s:
                total = s.scalar(select(func.count()).select_from(Source)) or 0
            with Progress(TextColumn("verifying"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=err_console, transient=True,
                          disable=as_json) as bar:
                task = bar.add_task("blobs", total=total)
                report = verify_workspace(ws, progress=lambda n: bar.advance(task, n))
            what = f"workspace {ws.home}"
        if as_json:
            print_json(report.to_dict())
        else:
            print_verify(report, what)
        if not report.ok:
            raise typer.Exit(2)

    @app.command("export-bundle")
    def export_bundle_cmd(
        ctx: typer.Context,
        sources_: Annotated[list[str], typer.Argument(metavar="SOURCE...",
                                                      help="Source ids or SHA-256 prefixes.")],
        out: Annotated[Path, typer.Option("--out", help="Folder (or .zip with --zip) to write.")],
        as_zip: Annotated[bool, typer.Option("--zip", help="Write one zip file.")] = False,
        purpose: Annotated[str, typer.Option(help="court | investigators | public: decides "
                                             "which testimonies consent allows.")] = "court",
    ) -> None:
        """Write chosen sources, the custody log and a manifest that verifies on its own."""
        from dalil.vault.bundle import export_bundle

        r = export_bundle(_state(ctx).workspace(), sources_, out, purpose=purpose, as_zip=as_zip)
        console.print(f"bundle written to [bold]{r.path}[/]: {r.sources} sources, "
                      f"{r.testimonies} testimony statements, {r.entries} custody entries; "
                      f"check it with `dalil verify --bundle {r.path}`")


def summary_table(rows: list[dict[str, Any]]) -> Table:
    t = Table("status", "kind", "name", "id", "note")
    t.columns[2].overflow = "fold"
    colours = {"stored": "green", "resubmitted": "cyan", "refused": "red", "skipped": "yellow"}
    for r in rows:
        note = r.get("message") or ""
        if r.get("children"):
            note = f"{r['children']} posts/attachments " + note
        if r.get("warnings"):
            note += " " + "; ".join(r["warnings"])
        t.add_row(f"[{colours.get(r['status'], 'white')}]{r['status']}[/]", r.get("kind") or "",
                  r["name"], str(r.get("source_id") or ""), note)
    return t
