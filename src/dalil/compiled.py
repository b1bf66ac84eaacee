"""Which build of the extraction pipeline runs: pure Python or compiled with mypyc.

A wheel or ``pip install .`` compiles the pipeline's hot modules (see ``setup.py``) and records the
SHA-256 of each compiled module's source in ``dalil/_compiled.json``; an editable install never
compiles. Python imports a compiled module (``pipeline.cpython-311-x86_64-linux-gnu.so``) in
preference to the source beside it, so a compiled module left in a source checkout would run
instead of later edits. :func:`check` refuses that: a compiled module whose source differs from
the recorded one, or that no build recorded, stops the import with :class:`CompiledBuildError`.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from dalil.errors import DalilError

PACKAGE_DIR = Path(__file__).resolve().parent
RECORD = PACKAGE_DIR / "_compiled.json"


class CompiledBuildError(DalilError):
    """A compiled module does not match its source: it would run instead of the source."""

    code = "stale_compiled_build"


def _module_name(folder: Path, file_name: str) -> str | None:
    for suffix in EXTENSION_SUFFIXES:
        if file_name.endswith(suffix):
            parts = folder.relative_to(PACKAGE_DIR).parts
            return ".".join(("dalil", *parts, file_name[: -len(suffix)]))
    return None


@cache
def compiled_modules() -> dict[str, Path]:
    """The modules of the package present as compiled extensions, by dotted name."""
    found: dict[str, Path] = {}
    # The package's own folders only (a handful of scandirs, no data folders walked): a
    # compiled module sits beside its source.
    folders = [PACKAGE_DIR, *(p.parent for p in PACKAGE_DIR.glob("*/__init__.py"))]
    for folder in folders:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = _module_name(folder, entry.name)
                if name is not None:
                    found[name] = Path(entry.path)
    return found


@cache
def check() -> None:
    """Raise :class:`CompiledBuildError` if a compiled module would run other code than its
    source. Called when ``dalil.extract`` and ``dalil.gazetteer`` are imported; cheap without
    compiled modules (a few directory listings), a few milliseconds of hashing with them."""
    found = compiled_modules()
    if not found:
        return
    import hashlib  # only with compiled modules: `import dalil` stays cheap
    import json

    try:
        recorded: dict[str, str] = json.loads(RECORD.read_text("utf-8"))["modules"]
    except (OSError, ValueError, KeyError) as e:
        raise CompiledBuildError(
            f"compiled modules without a build record ({RECORD.name}: {e}): "
            f"{', '.join(sorted(found))}; delete them (they shadow the source beside them) or "
            "reinstall with `pip install .`", modules=sorted(found)) from e
    stale = []
    for name, path in sorted(found.items()):
        source = path.parent / (name.rsplit(".", 1)[1] + ".py")
        digest = hashlib.sha256(source.read_bytes()).hexdigest() if source.is_file() else None
        if recorded.get(name) != digest:
            stale.append(name)
    if stale:
        raise CompiledBuildError(
            f"compiled modules differ from their source (edited after the build?): "
            f"{', '.join(stale)}; reinstall (`pip install .`, or `DALIL_COMPILE=0 pip install .` for "
            "pure Python) or use an editable install, which is never compiled", modules=stale)


def describe() -> str:
    """One line for ``dalil extract --version`` and the speed bench."""
    found = compiled_modules()
    if not found:
        return "pure Python"
    return f"compiled (mypyc): {len(found)} modules"
