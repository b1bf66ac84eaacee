"""Workspace lifecycle, users and roles, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import make_settings

from dalil.errors import ForbiddenError, WorkspaceError
from dalil.settings import Settings
from dalil.vault.verify import verify_workspace
from dalil.workspace import Workspace


def test_init_is_idempotent(workspace: Workspace) -> None:
    first = workspace.workspace_id
    workspace.initialise()
    workspace.initialise()
    assert workspace.workspace_id == first
    report = verify_workspace(workspace)
    assert report.ok, report.problems
    # workspace_created + user_added, and nothing more for repeated inits
    assert report.entries_checked == 2


def test_opening_a_missing_workspace_says_so(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no Dalil workspace"):
        Workspace.open(Settings.load(env={}, home=tmp_path / "nothing"))


def test_unregistered_user_is_refused(workspace: Workspace, settings: Settings) -> None:
    other = Workspace(make_settings(settings.home.parent, settings.database_url, user="mallory"),
                      workspace.db)
    with pytest.raises(ForbiddenError, match="not registered"):
        other.require("evidence.read")


def test_role_limits_and_logging(workspace: Workspace, settings: Settings) -> None:
    workspace.add_user("samir", "analyst")
    analyst = Workspace(make_settings(settings.home.parent, settings.database_url, user="samir"),
                        workspace.db)
    assert analyst.require("evidence.write") == "samir"
    with pytest.raises(ForbiddenError, match="role 'analyst'"):
        analyst.require("identity.reveal")
    with pytest.raises(ForbiddenError):
        analyst.add_user("eve", "admin")
    assert verify_workspace(workspace).ok


def test_unknown_role_is_refused(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="unknown role"):
        workspace.add_user("x", "overlord")
