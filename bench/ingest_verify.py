"""Ingest and verify benchmark.

1. Generates a corpus (default 1 GB) of mixed files: text reports (2-60 KB), JPEG photos
   (0.3-3 MB), and video-sized binaries (5-80 MB), cached in bench/out/corpus-<size>.
2. Times `sha256sum` over the same files (the practical limit: reading and hashing once), and
   `dalil ingest` of the folder into a fresh workspace (hash + copy + fsync + parse + text index +
   custody log), run as the CLI a user would run. Target: ingest >= 70% of sha256sum's throughput.
3. Builds a workspace whose custody log holds 100,000 entries and times `dalil verify`.
   Target: well under 10 seconds.

Run: `.venv/bin/python bench/ingest_verify.py [--size-mb 1024] [--entries 100000]`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
WORDS = tuple(
    "armed men entered the village at dawn residents said the bodies were taken to the hospital "
    "in Jableh according to a local council statement families fled toward the hills the next "
    "morning witnesses described checkpoints and burned shops".split(" ")
)


def make_corpus(folder: Path, size_mb: int, seed: int = 7) -> None:
    from PIL import Image

    rng = random.Random(seed)
    folder.mkdir(parents=True)
    target = size_mb * 1024 * 1024
    total = 0
    i = 0
    while total < target:
        i += 1
        roll = rng.random()
        if roll < 0.80:  # many small reports
            n = rng.randint(2_000, 60_000)
            body = " ".join(rng.choice(WORDS) for _ in range(n // 6))
            data = f"Latakia, {rng.randint(1, 28)} March 2025 - Report {i}.\n{body}\n".encode()
            path = folder / "reports" / f"report_{i:05d}.txt"
        elif roll < 0.97:  # photos
            side = rng.randint(300, 1100)
            img = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
            path = folder / "photos" / f"photo_{i:05d}.jpg"
            path.parent.mkdir(parents=True, exist_ok=True)
            img.save(path, quality=90)
            total += path.stat().st_size
            continue
        else:  # videos: an MP4 header on random payload (ffprobe flags it; bytes are what count)
            n = rng.randint(5, 80) * 1024 * 1024
            header = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
            data = header + rng.randbytes(n - len(header))
            path = folder / "videos" / f"clip_{i:05d}.mp4"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)


def corpus_stats(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def time_sha256sum(folder: Path) -> float:
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    start = time.perf_counter()
    subprocess.run(["xargs", "-0", "sha256sum"], input="\0".join(files).encode(),
                   stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def dalil(home: Path, *args: str) -> float:
    env = {**os.environ, "DALIL_HOME": str(home), "DALIL_USER": "bench",
           "DALIL_KEY_FILE": str(home.parent / f"{home.name}.key")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dalil", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def build_log(home: Path, entries: int) -> None:
    """A workspace with `entries` custody entries: a small corpus plus recorded views."""
    from dalil.settings import Settings
    from dalil.vault import custody
    from dalil.workspace import Workspace

    ws = Workspace.open(Settings.load(home=home, user="bench"), initialise=True)
    try:
        with ws.db.session() as s:
            n = s.query(custody.CustodyEntry).count()
            batch = 0
            while n < entries:
                ws.log(s, "viewed", sha256=None, details={"source_id": n % 97, "by": "bench"})
                n += 1
                batch += 1
                if batch == 5000:
                    s.commit()
                    batch = 0
        ws.sync_anchor()
    finally:
        ws.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--entries", type=int, default=100_000)
    args = ap.parse_args()
    console = Console()
    corpus = OUT / f"corpus-{args.size_mb}"
    if not corpus.exists():
        console.print(f"generating {args.size_mb} MB corpus in {corpus} …")
        make_corpus(corpus, args.size_mb)
    n_files, n_bytes = corpus_stats(corpus)
    mb = n_bytes / 1024 / 1024

    subprocess.run(["cat", *map(str, corpus.rglob("*.mp4"))], stdout=subprocess.DEVNULL)
    t_sha = min(time_sha256sum(corpus) for _ in range(2))  # warm cache, best of two

    home = OUT / "ws-ingest"
    shutil.rmtree(home, ignore_errors=True)
    (OUT / "ws-ingest.key").unlink(missing_ok=True)
    dalil(home, "init")
    t_ingest = dalil(home, "ingest", str(corpus), "--json")
    t_reingest = dalil(home, "ingest", str(corpus), "--json")

    per_kind = []
    for sub in ("reports", "photos", "videos"):
        n_sub, b_sub = corpus_stats(corpus / sub)
        t_sha_sub = min(time_sha256sum(corpus / sub) for _ in range(2))
        khome = OUT / f"ws-{sub}"
        shutil.rmtree(khome, ignore_errors=True)
        (OUT / f"ws-{sub}.key").unlink(missing_ok=True)
        dalil(khome, "init")
        per_kind.append((sub, n_sub, b_sub / 1024 / 1024, t_sha_sub,
                         dalil(khome, "ingest", str(corpus / sub), "--json")))
        shutil.rmtree(khome, ignore_errors=True)

    vhome = OUT / "ws-verify"
    shutil.rmtree(vhome, ignore_errors=True)
    build_log(vhome, args.entries)
    t_verify = dalil(vhome, "verify")
    t_verify_ingested = dalil(home, "verify")

    table = Table(title=f"Ingest and verify: {n_files} files, {mb:,.0f} MB, "
                        f"{os.cpu_count()} cores")
    for col in ("measurement", "seconds", "MB/s", "vs limit", "target"):
        table.add_column(col, justify="right" if col != "measurement" else "left")
    table.add_row("sha256sum (the practical limit)", f"{t_sha:.2f}", f"{mb / t_sha:,.0f}", "1.00",
                  "")
    ratio = t_sha / t_ingest
    table.add_row("dalil ingest (fresh workspace)", f"{t_ingest:.2f}", f"{mb / t_ingest:,.0f}",
                  f"{ratio:.2f}", "≥ 0.70 " + ("[green]met[/]" if ratio >= 0.7 else "[red]missed[/]"))
    table.add_row("dalil ingest again (all re-submissions)", f"{t_reingest:.2f}",
                  f"{mb / t_reingest:,.0f}", f"{t_sha / t_reingest:.2f}", "")
    for sub, n_sub, mb_sub, t_sha_sub, t_sub in per_kind:
        table.add_row(f"  {sub} only: {n_sub} files, {mb_sub:,.0f} MB "
                      f"(sha256sum {t_sha_sub:.2f} s)", f"{t_sub:.2f}", f"{mb_sub / t_sub:,.0f}",
                      f"{t_sha_sub / t_sub:.2f}", f"{n_sub / t_sub:,.0f} files/s")
    table.add_row(f"dalil verify, {args.entries:,} log entries", f"{t_verify:.2f}", "", "",
                  "< 10 s " + ("[green]met[/]" if t_verify < 10 else "[red]missed[/]"))
    table.add_row(f"dalil verify of the ingested corpus ({mb:,.0f} MB re-hashed)",
                  f"{t_verify_ingested:.2f}", f"{mb / t_verify_ingested:,.0f}", "", "")
    console.print(table)


if __name__ == "__main__":
    main()
