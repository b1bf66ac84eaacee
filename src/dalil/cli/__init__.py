"""The `dalil` command. Each stage registers its own sub-commands from a module in this package.

Global options (--home, --user) go before the command: `dalil --home ./case1 ingest reports/`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dalil.cli.context import AppState, console, fail
from dalil.errors import DalilError

app = typer.Typer(
    name="dalil",
    help="Dalil: preserve evidence, protect witnesses, corroborate reports, count the dead honestly.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _global(
    ctx: typer.Context,
    home: Annotated[
        Path | None, typer.Option("--home", envvar="DALIL_HOME", help="Workspace folder.")
    ] = None,
    user: Annotated[
        str | None, typer.Option("--user", envvar="DALIL_USER", help="Who is acting (custody log).")
    ] = None,
) -> None:
    ctx.obj = AppState(home=home, user=user)


def _register() -> None:
    # Imported here so that `import dalil.cli` stays cheap and each stage owns its commands.
    from dalil.cli import ingest_commands, vault_commands

    vault_commands.register(app)
    ingest_commands.register(app)
    for name in ("extract", "incidents", "victims", "estimate"):
        try:
            module = __import__(f"dalil.cli.{name}_commands", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"dalil.cli.{name}_commands":
                raise
            continue
        module.register(app)


_register()


def main() -> None:
    try:
        app()
    except DalilError as exc:
        fail(exc)
        sys.exit(exc.exit_code)


__all__ = ["app", "console", "main"]
