"""Who may do what. Roles are deliberately few; each permission names the roles that hold it.

The CLI runs on the machine of whoever holds the workspace, so roles here record and enforce
intent (and every privileged read is logged); the key file is the hard boundary for identities.
"""

from __future__ import annotations

ROLES = {
    "admin": "Manages users and keys; may do everything.",
    "protection_officer": "Looks after witnesses; may read their identities.",
    "investigator": "Ingests, reviews and grades evidence; exports bundles.",
    "analyst": "Ingests and reads evidence; no identities, no exports.",
    "viewer": "Reads evidence only.",
}

PERMISSIONS: dict[str, frozenset[str]] = {
    "evidence.read": frozenset(ROLES),
    "evidence.write": frozenset({"admin", "protection_officer", "investigator", "analyst"}),
    "evidence.grade": frozenset({"admin", "investigator"}),
    "evidence.export": frozenset({"admin", "investigator"}),
    "evidence.delete": frozenset({"admin"}),
    "testimony.write": frozenset({"admin", "protection_officer", "investigator"}),
    "identity.reveal": frozenset({"admin", "protection_officer"}),
    "keys.manage": frozenset({"admin"}),
    "users.manage": frozenset({"admin"}),
}
