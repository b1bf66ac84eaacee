"""Photos (EXIF, perceptual hash, corruption) and videos (size, ffprobe when present)."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

import imagehash
import pytest
from ingest_builders import make_jpeg, mp4_header, scene
from PIL import Image

from dalil.errors import InputError
from dalil.ingest import media
from dalil.ingest.detect import parse_file

Write = Callable[[str, bytes], Path]


def test_photo_exif_and_phash(write: Write) -> None:
    data = make_jpeg(gps=(35.1417, -35.9402), when="2025:03:07 09:14:02",
                     device=("FieldCam", "FC-1"))
    item = media.parse_photo(write("p.jpg", data), "p.jpg")
    assert item.kind == "photo" and item.media_type == "image/jpeg"
    exif = item.meta["exif"]
    assert exif["make"] == "FieldCam" and exif["model"] == "FC-1"
    assert exif["captured_at"] == "2025-03-07T09:14:02"
    assert exif["gps"]["lat"] == pytest.approx(35.1417, abs=1e-4)
    assert exif["gps"]["lon"] == pytest.approx(-35.9402, abs=1e-4)
    assert item.meta["width"] == 320 and item.meta["height"] == 240
    assert len(item.meta["phash"]) == 16


def test_photo_without_exif_has_no_exif_meta(write: Write) -> None:
    out = io.BytesIO()
    scene().save(out, "PNG")
    item = media.parse_photo(write("p.png", out.getvalue()), "p.png")
    assert item.media_type == "image/png"
    assert "exif" not in item.meta


def test_recompressed_copy_has_a_near_identical_phash(write: Write) -> None:
    original = media.parse_photo(write("a.jpg", make_jpeg(quality=90)), "a.jpg")
    smaller = scene().resize((256, 192))
    copy = media.parse_photo(write("b.jpg", make_jpeg(smaller, quality=40)), "b.jpg")
    other_img = Image.new("RGB", (320, 240), (255, 255, 255))
    for x in range(0, 320, 20):
        other_img.paste((0, 0, 0), (x, 0, x + 10, 240))
    other = media.parse_photo(write("c.jpg", make_jpeg(other_img)), "c.jpg")

    def distance(a: str, b: str) -> int:
        return int(imagehash.hex_to_hash(a) - imagehash.hex_to_hash(b))

    assert distance(original.meta["phash"], copy.meta["phash"]) <= 4
    assert distance(original.meta["phash"], other.meta["phash"]) > 12


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.8])
def test_truncated_jpeg_is_refused(write: Write, keep: float) -> None:
    data = make_jpeg()
    with pytest.raises(InputError, match=r"corrupt or truncated|not a readable image"):
        parse_file(write("cut.jpg", data[: int(len(data) * keep)]), "cut.jpg")


def test_png_with_damaged_chunk_is_refused(write: Write) -> None:
    out = io.BytesIO()
    scene().save(out, "PNG")
    data = bytearray(out.getvalue())
    data[40:60] = b"\xff" * 20  # inside IHDR/IDAT: checksum no longer matches
    with pytest.raises(InputError):
        media.parse_photo(write("bad.png", bytes(data)), "bad.png")


def test_jpeg_magic_with_garbage_is_refused(write: Write) -> None:
    with pytest.raises(InputError):
        parse_file(write("fake.jpg", b"\xff\xd8\xff" + os.urandom(2000)), "fake.jpg")


def test_decompression_bomb_is_refused(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(InputError, match="not a readable image"):
        media.parse_photo(write("big.jpg", make_jpeg()), "big.jpg")


def test_video_without_ffprobe_is_kept_and_flagged(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    data = mp4_header()
    item = parse_file(write("clip.mp4", data), "clip.mp4")
    assert item.kind == "video" and item.media_type == "video/mp4"
    assert item.meta == {"size": len(data)}
    assert item.flags == {"no_ffprobe": True}


def _fake_ffprobe(folder: Path, output: str, code: int = 0) -> None:
    script = folder / "ffprobe"
    script.write_text(f"#!/bin/sh\ncat <<'JSON'\n{output}\nJSON\nexit {code}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_video_duration_and_codecs_from_ffprobe(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_ffprobe(bin_dir, """{"streams": [
      {"codec_type": "video", "codec_name": "h264", "width": 1280, "height": 720},
      {"codec_type": "audio", "codec_name": "aac"}],
      "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "42.480000",
                 "tags": {"creation_time": "2025-03-07T08:01:00.000000Z"}}}""")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.defpath}")
    item = parse_file(write("clip.mp4", mp4_header()), "clip.mp4")
    video = item.meta["video"]
    assert video["duration_s"] == 42.48
    assert (video["video_codec"], video["audio_codec"]) == ("h264", "aac")
    assert (video["width"], video["height"]) == (1280, 720)
    assert video["created_at"] == "2025-03-07T08:01:00.000000Z"
    assert item.flags == {}


def test_ffprobe_failure_is_flagged_not_fatal(
    tmp_path: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_ffprobe(bin_dir, "", code=1)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.defpath}")
    item = parse_file(write("clip.webm", b"\x1a\x45\xdf\xa3webm" + bytes(50)), "clip.webm")
    assert item.media_type == "video/webm"
    assert "ffprobe_failed" in item.flags
