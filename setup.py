"""Optional compiled build of the extraction pipeline (mypyc); everything else is in pyproject.toml.

Which build you get:

* ``pip install -e .`` (editable, what ``make setup`` and CI use): always pure Python, so an edit
  to a module is what runs; a compiled module beside its source would shadow the edit.
* ``pip install .`` or ``python -m build --wheel``: the modules in ``COMPILED`` are compiled with
  mypyc (about 1.2x faster extraction; needs a C compiler and the Python headers, and takes several
  minutes). ``DALIL_COMPILE=0`` builds pure Python instead. Without a usable compiler the build
  warns and falls back to pure Python; ``DALIL_COMPILE=1`` makes that an error instead.

The wheel records the SHA-256 of each compiled module's source (``dalil/_compiled.json``);
``dalil.compiled`` refuses compiled modules whose source beside them differs, and
``dalil extract --version`` says which build runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent

# The modules of the extraction pipeline's hot loops. Keep in step with dalil/compiled.py's docs;
# a module added here must type-check under mypy strict (mypyc compiles from the types).
COMPILED = [
    "dalil/extract/actors.py",
    "dalil/extract/attribution.py",
    "dalil/extract/date_roles.py",
    "dalil/extract/dates.py",
    "dalil/extract/fastre.py",
    "dalil/extract/figures.py",
    "dalil/extract/lexicon.py",
    "dalil/extract/model.py",
    "dalil/extract/numbers.py",
    "dalil/extract/pipeline.py",
    "dalil/extract/places.py",
    "dalil/extract/text.py",
    "dalil/gazetteer/names.py",
]

MODE = os.environ.get("DALIL_COMPILE", "auto").strip().lower()
if MODE not in ("auto", "1", "0"):
    sys.exit(f"DALIL_COMPILE must be 0, 1 or unset, not {MODE!r}")

# setuptools' PEP 517 backend runs this file once per hook with the command as argument:
# bdist_wheel for `pip install .` and wheels, editable_wheel for `pip install -e .`, egg_info /
# dist_info / sdist for metadata and source archives, which need no C code.
COMMANDS = set(sys.argv[1:])
EDITABLE = "editable_wheel" in COMMANDS or "develop" in COMMANDS
WANT = MODE != "0" and "bdist_wheel" in COMMANDS and not EDITABLE
if MODE == "1" and EDITABLE:
    sys.exit("DALIL_COMPILE=1: editable installs are never compiled (a compiled module beside its "
             "source would run instead of your edits); build a wheel or `pip install .` instead")


def _fall_back(why: object) -> None:
    if MODE == "1":
        raise SystemExit(f"DALIL_COMPILE=1 but the compiled build failed: {why}")
    print(f"\nWARNING: dalil's compiled extraction could not be built ({why}); installing pure "
          "Python instead (same results, about 1.2x slower). Set DALIL_COMPILE=0 to skip trying.\n",
          file=sys.stderr)


ext_modules: list[Any] = []
if WANT:
    try:
        from mypyc.build import mypycify
        from mypyc.primitives import registry

        # mypyc's own str.lower (CPyStr_Lower, mypy 2.4.1) maps characters one by one on Python
        # < 3.13 and so misses CPython's one contextual rule (a final capital sigma becomes "ς":
        # "ΚΑΣ".lower() == "κας"). Without the primitive, .lower() calls CPython's method, so
        # the compiled build lower-cases exactly as pure Python does.
        lower = registry.method_call_ops.get("lower", [])
        if not any(op.c_function_name == "CPyStr_Lower" for op in lower):
            raise RuntimeError("mypyc no longer has CPyStr_Lower: check str.lower before building")
        registry.method_call_ops["lower"] = [op for op in lower
                                             if op.c_function_name != "CPyStr_Lower"]

        # mypy reads [tool.mypy] of pyproject.toml (strict, mypy_path = src); the paths are
        # relative to src so that the modules are named dalil.extract.*.
        os.chdir(HERE / "src")
        try:
            ext_modules = mypycify(["--config-file", str(HERE / "pyproject.toml"), *COMPILED],
                               opt_level="3", target_dir=str(HERE / "build" / "mypyc"))
        finally:
            os.chdir(HERE)
        for ext in ext_modules:  # the C sources were written relative to src
            ext.sources = [s if os.path.isabs(s) else str(HERE / "src" / s) for s in ext.sources]
            ext.include_dirs = [d if os.path.isabs(d) else str(HERE / "src" / d)
                                for d in ext.include_dirs]
    except (Exception, SystemExit) as e:  # mypy errors exit; any failure means pure Python
        if MODE == "1":
            raise
        os.chdir(HERE)
        ext_modules = []
        _fall_back(e)


class BuildExt(build_ext):
    """Builds the mypyc extensions; a failing C compiler falls back to pure Python (see above)."""

    def run(self) -> None:
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1
        try:
            super().run()
        except Exception as e:  # compiler, linker or missing headers: pure Python
            if MODE == "1":
                raise
            for out in self.get_outputs():
                Path(out).unlink(missing_ok=True)
            (Path(self.build_lib) / "dalil" / "_compiled.json").unlink(missing_ok=True)
            self.distribution.ext_modules = []
            _fall_back(e)


class BuildPy(build_py):
    """Writes dalil/_compiled.json beside the package when the modules are compiled."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "dalil" / "_compiled.json"
        if not self.distribution.ext_modules or self.editable_mode:
            target.unlink(missing_ok=True)
            return
        sources = {
            p[:-3].replace("/", "."): hashlib.sha256((HERE / "src" / p).read_bytes()).hexdigest()
            for p in COMPILED
        }
        target.write_text(json.dumps({"compiler": "mypyc", "modules": sources}, indent=1) + "\n",
                          encoding="utf-8")


setup(ext_modules=ext_modules, cmdclass={"build_ext": BuildExt, "build_py": BuildPy})
