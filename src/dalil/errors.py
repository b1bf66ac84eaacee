"""One exception root for everything Dalil raises on purpose.

Each error carries a stable ``code`` (for scripts and the JSON error shape), a message meant for a
person, and optional structured ``details``. Messages never contain identifying details of
witnesses: callers pass pseudonyms, ids and hashes, not names.
"""

from __future__ import annotations

from typing import Any


class DalilError(Exception):
    """Root of all errors Dalil raises deliberately."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class ConfigError(DalilError):
    """A setting is missing or has an invalid value."""

    code = "config"


class WorkspaceError(DalilError):
    """The workspace is missing, not initialised, or needs recovery."""

    code = "workspace"


class InputError(DalilError):
    """An input file or value was refused; nothing was stored."""

    code = "bad_input"


class TooLargeError(InputError):
    code = "too_large"


class NotFoundError(DalilError):
    code = "not_found"


class ForbiddenError(DalilError):
    """The acting user's role does not allow this action."""

    code = "forbidden"
    exit_code = 3


class CryptoKeyError(DalilError):
    """The encryption key is missing, wrong or cannot be read."""

    code = "key"


class VerificationError(DalilError):
    """Stored evidence or the custody log failed verification."""

    code = "integrity"
    exit_code = 2
