"""Shared CLI plumbing: the workspace handle, consoles and error printing."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from dalil.errors import DalilError

if TYPE_CHECKING:
    from dalil.workspace import Workspace

console = Console()
err_console = Console(stderr=True)


@dataclass
class AppState:
    home: Path | None = None
    user: str | None = None
    _workspace: Workspace | None = field(default=None, repr=False)

    def workspace(self, *, initialise: bool = False) -> Workspace:
        from dalil.settings import Settings
        from dalil.workspace import Workspace

        if self._workspace is None:
            settings = Settings.load(home=self.home, user=self.user)
            self._workspace = Workspace.open(settings, initialise=initialise)
            self._workspace.passphrase_prompt = _ask_passphrase
        return self._workspace


def _ask_passphrase() -> str:
    import typer

    return str(typer.prompt("passphrase of the key file", hide_input=True, err=True))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(exc: DalilError) -> None:
    err_console.print(f"[bold red]error[/] ({exc.code}): {exc.message}", highlight=False)
