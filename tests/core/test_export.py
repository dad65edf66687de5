"""Atomic export and backups: old or new file, never a torn one; backups never overwritten."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from desktop_app.core import export
from desktop_app.core.export import (
    ExportError,
    atomic_write_bytes,
    atomic_write_text,
    backup_path,
    make_backup,
)


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_new_and_replace(tmp_path):
    p = tmp_path / "out.txt"
    assert atomic_write_bytes(p, b"first") == p
    assert p.read_bytes() == b"first"
    atomic_write_bytes(p, b"second, longer")
    assert p.read_bytes() == b"second, longer"
    assert _leftovers(tmp_path) == []


def test_new_file_gets_umask_permissions(tmp_path):
    p = tmp_path / "new.txt"
    atomic_write_bytes(p, b"x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_existing_permissions_are_kept(tmp_path):
    p = tmp_path / "script.txt"
    p.write_bytes(b"old")
    p.chmod(0o640)
    atomic_write_text(p, "new")
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_symlink_is_kept_and_its_target_updated(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_text_encoding_and_newlines(tmp_path):
    p = tmp_path / "t.txt"
    atomic_write_text(p, "東京\nline\n")
    assert p.read_bytes() == "東京\nline\n".encode()
    atomic_write_text(p, "東京\nline\n", newline="\r\n", encoding="cp932")
    assert p.read_bytes() == "東京\r\nline\r\n".encode("cp932")
    atomic_write_text(p, "a\n", encoding="utf-8-sig")
    assert p.read_bytes() == b"\xef\xbb\xbfa\n"
    atomic_write_text(p, "a\r\nb\n", newline="")
    assert p.read_bytes() == b"a\r\nb\n"
    with pytest.raises(ValueError):
        atomic_write_text(p, "a", newline="x")


def test_unencodable_character_is_a_clear_error(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("old")
    with pytest.raises(ExportError) as info:
        atomic_write_text(p, "first line\nprice: 5€ — 東京\n", encoding="latin-1")
    assert "latin-1" in str(info.value) and "line 2" in str(info.value)
    assert p.read_text() == "old"
    atomic_write_text(p, "東京", encoding="latin-1", errors="replace")
    assert p.read_bytes() == b"??"


def test_failure_removes_temp_and_keeps_old_file(tmp_path, monkeypatch):
    p = tmp_path / "t.txt"
    p.write_text("old")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", no_space)
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(p, b"new" * 1000)
    assert "not enough space" in str(info.value)
    assert str(p) in str(info.value)
    assert info.value.errno == errno.ENOSPC
    assert isinstance(info.value, OSError)
    assert p.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_export_error_survives_pickling():
    # Batch workers raise in one process and report in another.
    import pickle

    e = pickle.loads(pickle.dumps(ExportError("cannot write a.txt: no space", "a.txt", errno.ENOSPC)))
    assert (str(e), e.errno, e.strerror, e.path.name) == ("cannot write a.txt: no space", errno.ENOSPC,
                                                          "cannot write a.txt: no space", "a.txt")
    assert isinstance(e, OSError)


def test_failure_in_replace_removes_temp(tmp_path, monkeypatch):
    p = tmp_path / "t.txt"

    def boom(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export.os, "replace", boom)
    with pytest.raises(ExportError, match="permission denied"):
        atomic_write_bytes(p, b"new")
    assert not p.exists()
    assert _leftovers(tmp_path) == []


def test_interrupt_removes_temp(tmp_path, monkeypatch):
    p = tmp_path / "t.txt"

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(export.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(p, b"new")
    assert _leftovers(tmp_path) == []


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write_bytes(tmp_path / "no" / "such" / "t.txt", b"x")
    with pytest.raises(ExportError, match="is a folder"):
        atomic_write_bytes(tmp_path, b"x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            atomic_write_bytes(folder / "t.txt", b"x")
    finally:
        folder.chmod(0o700)


def test_backup_names_never_overwrite(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text("v1")
    assert backup_path(p) == tmp_path / "doc.txt.bak"
    b1 = make_backup(p)
    p.write_text("v2")
    b2 = make_backup(p)
    p.write_text("v3")
    b3 = make_backup(p)
    assert [b1.name, b2.name, b3.name] == ["doc.txt.bak", "doc.txt.bak1", "doc.txt.bak2"]
    assert [b.read_text() for b in (b1, b2, b3)] == ["v1", "v2", "v3"]
    assert backup_path(p) == tmp_path / "doc.txt.bak3"
    assert _leftovers(tmp_path) == []


def test_backup_keeps_metadata_and_survives_atomic_rewrite(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text("original")
    p.chmod(0o604)
    os.utime(p, (1_000_000_000, 1_000_000_000))
    b = make_backup(p)
    assert stat.S_IMODE(b.stat().st_mode) == 0o604
    assert b.stat().st_mtime == 1_000_000_000
    atomic_write_text(p, "cleaned")
    assert b.read_text() == "original"


def test_backup_of_missing_file(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        make_backup(tmp_path / "missing.txt")
    assert _leftovers(tmp_path) == []


def test_backup_race_never_overwrites(tmp_path, monkeypatch):
    # Another process takes "doc.txt.bak" between our choice of the name and our link to it.
    p = tmp_path / "doc.txt"
    p.write_text("mine")
    real = export.backup_path
    calls = []

    def racing(path):
        dest = real(path)
        if not calls:
            dest.write_text("theirs")
        calls.append(dest)
        return dest

    monkeypatch.setattr(export, "backup_path", racing)
    b = make_backup(p)
    assert (tmp_path / "doc.txt.bak").read_text() == "theirs"
    assert b == tmp_path / "doc.txt.bak1" and b.read_text() == "mine"


# --- crash safety: SIGKILL mid-write ----------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import hashlib, sys
    from desktop_app.core.export import atomic_write_bytes
    path = sys.argv[1]
    i = 0
    while True:
        i += 1
        body = (b"%d:" % i) * (600_000 + 50_000 * (i % 7))
        atomic_write_bytes(path, hashlib.sha256(body).hexdigest().encode() + b"\\n" + body)
        if i == 2:
            print("ready", flush=True)
""")


def _is_complete(data: bytes) -> bool:
    digest, _, body = data.partition(b"\n")
    return hashlib.sha256(body).hexdigest().encode() == digest


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_mid_write_leaves_old_or_complete_new(tmp_path):
    target = tmp_path / "export.txt"
    first = b"previous export\n"
    target.write_bytes(hashlib.sha256(first).hexdigest().encode() + b"\n" + first)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for kill_after in (0.02, 0.05, 0.08, 0.13, 0.17, 0.21, 0.26, 0.34):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, env=env)
        try:
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(kill_after)  # the writer is somewhere in a write of ~2 MB: kill it there
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        data = target.read_bytes()
        assert _is_complete(data), f"torn file after SIGKILL at {kill_after}s ({len(data)} bytes)"
    # Leftover temporaries of killed writers are hidden and recognisable, never the target.
    assert all(n.startswith(".export.txt.") for n in _leftovers(tmp_path))


def test_atomic_write_and_backup_keep_the_owner(tmp_path):
    import os

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only root can give files away")
    from desktop_app.core.export import atomic_write_text, make_backup

    f = tmp_path / "owned.txt"
    f.write_text("old\n", encoding="utf-8")
    os.chown(f, 4321, 4322)
    backup = make_backup(f)
    atomic_write_text(f, "new\n")
    assert (os.stat(f).st_uid, os.stat(f).st_gid) == (4321, 4322)
    assert (os.stat(backup).st_uid, os.stat(backup).st_gid) == (4321, 4322)
