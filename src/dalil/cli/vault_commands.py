"""Commands of the foundation: workspace, vault, custody log, ingest, search, testimonies."""

from __future__ import annotations

import typer

from dalil import __version__
from dalil.cli.context import console


def register(app: typer.Typer) -> None:
    @app.command()
    def version() -> None:
        """Print Dalil's version."""
        console.print(__version__)
