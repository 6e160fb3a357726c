"""Rows of issue #16 on files that are not what they claim: FIFOs, link loops, unreadable
folders, broken or hostile WARCs, file names with control characters, a path given as a string."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hostile_inputs import ARTICLE, warc_bytes, warc_header_bomb

from storyline import api
from storyline.ingest import as_paths, read_inputs
from storyline.ingest.settings import IngestSettings
from storyline.models import Article, Rejection


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], IngestSettings(**kw)))


def write_article(path: Path, n: int = 1) -> Path:
    path.write_text(f"Port fire {n}\n\n" + ARTICLE.format(n=n) * 3, encoding="utf-8")
    return path


def test_fifo_socket_in_a_folder_are_rejected_not_opened(tmp_path):
    write_article(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.jsonl"))
    try:
        found = read(tmp_path)
    finally:
        sock.close()
    rejected = {Path(r.source).name: r for r in found if isinstance(r, Rejection)}
    assert rejected["pipe.txt"].code == "E100" and "FIFO" in rejected["pipe.txt"].reason
    assert "socket" in rejected["sock.jsonl"].reason
    assert [Path(a.source).name for a in found if isinstance(a, Article)] == ["a.txt"]


def test_fifo_named_explicitly_is_rejected(tmp_path):
    os.mkfifo(tmp_path / "feed.jsonl")
    (rej,) = read(tmp_path / "feed.jsonl")
    assert isinstance(rej, Rejection) and rej.code == "E100" and "FIFO" in rej.reason


def test_device_is_rejected():
    (rej,) = read("/dev/null")
    assert isinstance(rej, Rejection) and "device" in rej.reason


def test_symlink_loop_with_follow_symlinks(tmp_path):
    write_article(tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    write_article(tmp_path / "sub" / "b.txt", 2)
    os.symlink(tmp_path, tmp_path / "sub" / "up")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")  # a link to itself
    found = read(tmp_path, follow_symlinks=True)
    articles = sorted(Path(a.source).name for a in found if isinstance(a, Article))
    assert articles == ["a.txt", "b.txt"]
    reasons = [r.reason for r in found if isinstance(r, Rejection)]
    assert any("symbolic link loop" in r for r in reasons)
    assert any("symbolic links" in r for r in reasons)  # self.txt: ELOOP, named, not raised


def test_unreadable_folder_is_a_rejection(tmp_path, monkeypatch):
    write_article(tmp_path / "a.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = read(tmp_path)
    (rej,) = [r for r in found if isinstance(r, Rejection)]
    assert rej.source == str(locked) and rej.code == "E100" and "Permission denied" in rej.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a folder without permissions")
def test_unreadable_folder_for_a_normal_user(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    write_article(locked / "a.txt")
    locked.chmod(0)
    try:
        (rej,) = read(tmp_path)
    finally:
        locked.chmod(0o755)
    assert isinstance(rej, Rejection) and rej.code == "E100"


def test_truncated_plain_warc_rejects_the_cut_record(tmp_path):
    data = warc_bytes(2)
    (tmp_path / "cut.warc").write_bytes(data[:-700])
    first, second = read(tmp_path / "cut.warc")
    assert isinstance(first, Article) and first.source.endswith("cut.warc#1")
    assert isinstance(second, Rejection) and second.code == "E107"
    assert second.source.endswith("#2") and "truncated record" in second.reason


def test_a_warc_that_is_not_a_warc_is_rejected_quietly(tmp_path, capfd):
    (tmp_path / "x.warc").write_bytes(b"hello, this is not a web archive\nat all\n" * 20)
    (rej,) = read(tmp_path / "x.warc")
    assert isinstance(rej, Rejection) and rej.code == "E107" and "not a WARC" in rej.reason
    assert capfd.readouterr().err == ""  # warcio's warnings are not printed raw


def test_corrupt_warc_gz_message_holds_no_raw_bytes(tmp_path):
    data = bytearray(warc_bytes(2, gz=True))
    for i in range(200, 400):
        data[i] ^= 0x5A
    (tmp_path / "bad.warc.gz").write_bytes(bytes(data))
    found = read(tmp_path / "bad.warc.gz")
    (rej,) = [r for r in found if isinstance(r, Rejection)]
    assert rej.code == "E107"
    assert rej.reason.isprintable() and len(rej.reason) < 300


def test_warc_header_bomb_is_refused_without_inflating_it(tmp_path):
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(warc_header_bomb(64 << 20))
    assert bomb.stat().st_size < 1 << 20
    tracemalloc.start()
    try:
        (rej,) = read(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(rej, Rejection) and "header longer than" in rej.reason
    assert peak < 8 << 20, f"{peak} bytes allocated for a refused archive"


def test_warc_record_larger_than_max_bytes_stops_before_reading_it(tmp_path):
    (tmp_path / "a.warc").write_bytes(warc_bytes(2))
    found = read(tmp_path / "a.warc", max_bytes=1000)
    (rej,) = found
    assert rej.code == "E104" and rej.source.endswith("a.warc#1")


def test_file_name_with_newline_forges_no_line(tmp_path):
    forged = tmp_path / "x\nstoryline: rejected everything.txt"
    forged.write_text("", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "storyline.cli", "ingest", str(forged),
                          "--db", str(tmp_path / "s.db")],
                         check=False, capture_output=True, text=True)
    lines = res.stderr.splitlines()
    assert res.returncode == 3, res.stderr
    assert not any(line.startswith("storyline: rejected everything") for line in lines)
    assert any("x\\x0astoryline: rejected everything.txt" in line for line in lines)


def test_a_path_string_is_one_path_not_its_characters(tmp_path, monkeypatch):
    write_article(tmp_path / "ab.txt")
    monkeypatch.chdir(tmp_path)
    assert as_paths("ab.txt") == ["ab.txt"]
    assert as_paths(tmp_path / "ab.txt") == [str(tmp_path / "ab.txt")]
    found = list(read_inputs("ab.txt"))  # type: ignore[arg-type]
    assert [Path(a.source).name for a in found] == ["ab.txt"]


@pytest.mark.slow
def test_api_analyze_with_a_string(tmp_path, monkeypatch):
    write_article(tmp_path / "ab.txt")
    write_article(tmp_path / "other.txt", 2)
    monkeypatch.chdir(tmp_path)
    report = api.analyze("ab.txt")  # type: ignore[arg-type]
    assert [d.article.source for d in report.documents] == ["ab.txt"]


@pytest.mark.parametrize("text", [
    "first line: \x1f\x8b\x08\xa0,y!",           # gzip bytes and a no-break space, as warcio quotes them
    "name\nFAKE: forged line",                 # a newline in a file name
    "left\u202eright", "a\u2028b", "\ud800",    # a bidi override, a line separator, a lone surrogate
])
def test_printable_escapes_everything_a_terminal_would_not_show_as_is(text):
    from storyline.errors import printable

    shown = printable(text)
    assert shown.isprintable() and "\n" not in shown
    assert printable("x" * 1000, limit=50).endswith("\u2026") and len(printable("x" * 1000, 50)) == 50
