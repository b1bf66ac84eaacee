"""A real video through the real ffprobe (CI installs ffmpeg; elsewhere the test needs it too)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dalil.ingest.pipeline import Ingestor
from dalil.vault.sources import show_source
from dalil.workspace import Workspace


def need_ffmpeg() -> str:
    exe = shutil.which("ffmpeg")
    if exe is None or shutil.which("ffprobe") is None:
        if os.environ.get("CI"):
            pytest.fail("ffmpeg/ffprobe missing: .ci/run installs Debian's ffmpeg")
        pytest.skip("ffmpeg not installed (apt-get install ffmpeg)")
    return exe


def test_video_duration_and_codec(workspace: Workspace, tmp_path: Path) -> None:
    ffmpeg = need_ffmpeg()
    clip = tmp_path / "clip_jableh.mp4"
    subprocess.run([ffmpeg, "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10",
                    "-pix_fmt", "yuv420p", str(clip)], check=True)
    [outcome] = Ingestor(workspace).ingest([clip])
    assert outcome.status == "stored" and outcome.kind == "video"
    meta = show_source(workspace, str(outcome.source_id))["meta"]
    video = meta["video"]
    assert abs(video["duration_s"] - 2.0) < 0.2
    assert "mp4" in video["container"]
    assert any(s.get("codec") == "h264" or "h264" in str(s) for s in video.get("streams", [video]))
