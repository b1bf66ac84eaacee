"""The same text gives the same extraction in every process (reproducible for a court)."""

from __future__ import annotations

import os
import subprocess
import sys

TEXT = (
    "IDLIB, 3 February 2024 - Fighters of Hayat Tahrir al Sham detained at least 12 men in "
    "Sarmada on Thursday, residents said. Hayat Tahrir al-Sham denied the arrests."
)

SCRIPT = (
    "import json, sys\n"
    "from dalil.extract import extract_document\n"
    "print(json.dumps(extract_document(sys.argv[1], published='2024-02-03').to_dict(), "
    "sort_keys=True))\n"
)


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT, TEXT], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout


def test_output_does_not_depend_on_the_hash_seed() -> None:
    # Aliases of one actor that match the same words once came out in set order, which changes
    # with the hash seed: the `rule` that named the match differed between runs.
    outputs = {_run(seed) for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1
    assert "Hayat Tahrir al-Sham" in next(iter(outputs))
