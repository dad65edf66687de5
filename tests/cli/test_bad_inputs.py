"""Issue 7's bad-input matrix for the command line: one test per row.

For each: a clear message naming the file and the reason, the right exit code, every other input still
processed, no traceback on the terminal (details go to the log file). The 200 MB single line and the
10,000-file folder run at full size in benchmarks/bad_inputs.py; here they run scaled down.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import zipfile
import zlib
from pathlib import Path

import pytest

from desktop_app.core import batch, clean_text

GOOD = "A perfectly ordinary paragraph of text.   \nRelated Articles\n"

# Tests that patch a function the workers run need the workers to be forked from this process.
FORK_ONLY = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="patches reach pool workers only when they are forked")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def png_bytes() -> bytes:
    raw = b"".join(b"\x00" + bytes([x, y, 0] * 1) for y in range(8) for x in range(8))
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (8).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Length 44 >>\nstream\n" + bytes(range(256)) + b"\nendstream\nendobj\n%%EOF\n")


def zip_bytes(tmp_path: Path) -> bytes:
    p = tmp_path / "tmp.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    data = p.read_bytes()
    p.unlink()
    return data


def assert_clean_failure(r, name: str | Path, *words: str) -> None:
    assert r.code == 1, r.err
    line = next((x for x in r.err.splitlines() if str(name) in x), None)
    assert line is not None, r.err
    for w in words:
        assert w.lower() in line.lower(), line
    assert "Traceback" not in r.err


def assert_logged(log_dir: Path, name: str | Path) -> None:
    log = (log_dir / "scrubtext.log").read_text(encoding="utf-8")
    assert str(name) in log


def test_empty_file_gives_empty_output(run, tmp_path):
    f = write(tmp_path / "empty.txt", b"")
    out = tmp_path / "out.txt"
    r = run("clean", str(f), "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_bytes() == b""


@pytest.mark.parametrize("kind,word", [("png", "PNG"), ("pdf", "PDF"), ("zip", "ZIP")])
def test_binaries_named_explicitly_are_refused(run, tmp_path, log_dir, kind, word):
    data = {"png": png_bytes, "pdf": pdf_bytes, "zip": lambda: zip_bytes(tmp_path)}[kind]()
    bad = write(tmp_path / f"file.{kind}", data)
    good = write(tmp_path / "good.txt", GOOD)
    out = tmp_path / "out"
    r = run("clean", str(bad), str(good), "-o", str(out))
    assert_clean_failure(r, bad, "binary", word)
    assert (out / "good.txt").read_text(encoding="utf-8") == clean_text(GOOD, corpus=batch.corpus_of_texts([GOOD]))
    assert not (out / f"file.{kind}").exists()
    assert_logged(log_dir, bad)


def test_binaries_found_in_a_folder_are_skipped_with_a_note(run, tmp_path):
    src = tmp_path / "in"
    write(src / "photo.jpg", png_bytes())
    write(src / "story.txt", GOOD)
    r = run("clean", str(src), "-o", str(tmp_path / "out"))
    assert r.code == 0, r.err
    assert "photo.jpg skipped" in r.err and "PNG" in r.err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["story.txt"]


def test_random_bytes(run, tmp_path):
    rnd = random.Random(7)
    bad = write(tmp_path / "random.bin", bytes(rnd.getrandbits(8) for _ in range(20_000)))
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"))
    assert_clean_failure(r, bad, "refused")
    assert (tmp_path / "out" / "good.txt").exists()


def test_nul_laden_text(run, tmp_path):
    bad = write(tmp_path / "nuls.txt", b"Some text\x00 with\x00 NULs\x00 inside.\n" * 200)
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"))
    assert_clean_failure(r, bad, "refused")
    assert (tmp_path / "out" / "good.txt").exists()


def test_utf16_without_bom(run, tmp_path):
    text = "An English paragraph that is long enough to recognise.\nそして日本語の文もあります。\n" * 20
    f = write(tmp_path / "u16.txt", text.encode("utf-16-le"))
    out = tmp_path / "out.txt"
    r = run("clean", str(f), "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_bytes().decode("utf-8") == clean_text(text)


def test_invalid_utf8_in_the_middle_of_a_large_file(run, tmp_path):
    # Distinct lines (identical ones would be removed as duplicates): ~40 KB here, 50 MB in
    # benchmarks/bad_inputs.py (the rules' speed, not the CLI, bounds the size a unit test can afford).
    words = ["Grüße", "Köln", "Straße", "schön", "Brücke", "東京", "天気", "晴れ", "Fluss", "Abend"]
    data = "".join(f"Absatz {i}: Grüße aus Köln, {words[i % 10]} {words[i * 7 % 10]} {words[i * 3 % 9]}.\n"
                   for i in range(600)).encode("utf-8")
    mid = len(data) // 2
    data = data[:mid] + b"\xff\xfe\xc3" + data[mid:]
    f = write(tmp_path / "big.txt", data)
    out = tmp_path / "out.txt"
    rep = tmp_path / "r.json"
    r = run("clean", str(f), "-o", str(out), "--report", str(rep))
    assert r.code == 0, r.err
    got = out.read_text(encoding="utf-8")
    assert got.count("Grüße aus Köln") >= 599  # nothing lost but the broken bytes' neighbourhood
    entry = json.loads(rep.read_text())["inputs"][0]
    assert entry["encoding"].replace("_", "-") in ("utf-8", "utf8")
    assert entry["replaced_bytes"]  # the broken bytes are reported


def test_long_single_line(run, tmp_path):
    # 1 MB on one line (benchmarks/bad_inputs.py runs the 200 MB case).
    line = ("word " * 200_000 + "end.").encode("ascii")
    f = write(tmp_path / "line.txt", line)
    out = tmp_path / "out.txt"
    r = run("clean", str(f), "-o", str(out), "--jobs", "1")
    assert r.code == 0, r.err
    assert out.stat().st_size >= len(line) - 1


def test_folder_of_many_small_files(run, tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    n = 400  # 10,000 in benchmarks/bad_inputs.py
    words = ["north", "south", "garden", "library", "harbour", "station", "market", "bridge", "tower"]
    for i in range(n):
        note = f"Note {i}: the {words[i % 9]} meeting moved to the {words[i * 5 % 7]} {words[i % 4 + 2]}.  \n"
        (src / f"{i:05}.txt").write_text(note, encoding="utf-8")
    out = tmp_path / "out"
    r = run("clean", str(src), "-o", str(out), "--jobs", "2", "--quiet")
    assert r.code == 0, r.err
    files = sorted(out.iterdir())
    assert len(files) == n
    assert files[3].read_text(encoding="utf-8") == "Note 3: the library meeting moved to the south station.\n"


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 1)() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(run, tmp_path):
    bad = write(tmp_path / "secret.txt", GOOD)
    bad.chmod(0)
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"))
    assert_clean_failure(r, bad, "permission denied")
    assert (tmp_path / "out" / "good.txt").exists()


def test_unreadable_file(run, tmp_path, monkeypatch, log_dir):
    bad = write(tmp_path / "secret.txt", GOOD)
    good = write(tmp_path / "good.txt", GOOD)
    import desktop_app.core.decoding as decoding

    real = decoding.read_text_file

    def guarded(path, **kw):
        if Path(path).name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, **kw)

    monkeypatch.setattr(decoding, "read_text_file", guarded)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert_clean_failure(r, bad, "permission denied")
    assert (tmp_path / "out" / "good.txt").exists()
    assert_logged(log_dir, bad)


def test_file_deleted_between_listing_and_reading(run, tmp_path, monkeypatch):
    src = tmp_path / "in"
    gone = write(src / "gone.txt", GOOD)
    write(src / "stays.txt", GOOD)
    real = batch.discover

    def discover_then_delete(*a, **kw):
        found = real(*a, **kw)
        gone.unlink()
        return found

    monkeypatch.setattr(batch, "discover", discover_then_delete)
    r = run("clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert_clean_failure(r, gone, "no such file")
    assert (tmp_path / "out" / "stays.txt").exists()


def test_missing_path(run, tmp_path):
    good = write(tmp_path / "good.txt", GOOD)
    missing = tmp_path / "nope.txt"
    r = run("clean", str(missing), str(good), "-o", str(tmp_path / "out"))
    assert_clean_failure(r, missing, "no such file")
    assert (tmp_path / "out" / "good.txt").exists()


def test_symlink_loop(run, tmp_path):
    src = tmp_path / "in"
    write(src / "good.txt", GOOD)
    (src / "loop").symlink_to(src / "loop")
    (src / "dirloop").symlink_to(src)  # a folder symlink back to the root: not followed
    explicit = tmp_path / "self"
    explicit.symlink_to(explicit)
    r = run("clean", str(src), str(explicit), "-o", str(tmp_path / "out"))
    assert_clean_failure(r, explicit, "symbolic link loop")
    assert_clean_failure(r, src / "loop", "symbolic link loop")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.txt"]


def test_output_folder_not_usable(run, tmp_path):
    good = write(tmp_path / "good.txt", GOOD)
    other = write(tmp_path / "other.txt", GOOD)
    blocker = write(tmp_path / "afile", b"x")
    r = run("clean", str(good), str(other), "-o", str(blocker / "out"))
    assert r.code == 1
    assert str(blocker / "out") in r.err and "output folder" in r.err
    assert "Traceback" not in r.err


def test_output_not_writable_or_disk_full(run, tmp_path, monkeypatch):
    from desktop_app.core import export

    src = tmp_path / "in"
    write(src / "a.txt", GOOD)
    write(src / "b.txt", GOOD + "More.\n")
    real = export.atomic_write_text

    def full_disk(path, text, **kw):
        if Path(path).name == "a.txt":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, text, **kw)

    monkeypatch.setattr(export, "atomic_write_text", full_disk)
    rep = tmp_path / "report.json"
    r = run("clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--report", str(rep))
    assert_clean_failure(r, src / "a.txt", "no space")
    assert r.err.count("cannot write") == 1
    assert (tmp_path / "out" / "b.txt").exists()
    entries = json.loads(rep.read_text(encoding="utf-8"))["inputs"]
    assert [e["status"] for e in entries] == ["failed", "ok"]
    assert "no space" in entries[0]["error"] and entries[0]["applied"]  # the edits are still reported


def test_two_inputs_same_output_name(run, tmp_path):
    a = write(tmp_path / "x" / "same.txt", GOOD)
    b = write(tmp_path / "y" / "same.txt", "Other text.  \n")
    out = tmp_path / "out"
    rep = tmp_path / "report.json"
    r = run("clean", str(a), str(b), "-o", str(out), "--report", str(rep))
    assert_clean_failure(r, b, "already the output of", str(a))
    assert (out / "same.txt").read_text(encoding="utf-8").startswith("A perfectly ordinary")
    entries = {e["path"]: e for e in json.loads(rep.read_text(encoding="utf-8"))["inputs"]}
    assert entries[str(b)]["status"] == "failed" and "already the output" in entries[str(b)]["error"]
    assert entries[str(a)]["status"] == "ok" and entries[str(a)]["output"] == str(out / "same.txt")


def test_output_onto_an_input_is_refused(run, tmp_path):
    src = tmp_path / "in"
    a = write(src / "a.txt", GOOD)
    r = run("clean", str(a), "-o", str(a))
    assert r.code == 1 and "overwrite an input" in r.err
    assert a.read_text(encoding="utf-8") == GOOD


def test_jsonl_broken_lines_and_non_string_fields(run, tmp_path):
    lines = [b'{"text": "fine record"}', b'{"text": ', b'{"text": null}', b'{"text": ["a"]}', b"[1, 2]",
             b'{"text": "caf\xe9 latin-1 bytes"}', b'{"text": "last one"}']
    f = write(tmp_path / "c.jsonl", b"\n".join(lines) + b"\n")
    out = tmp_path / "o.jsonl"
    r = run("clean", str(f), "--format", "jsonl", "-o", str(out))
    assert r.code == 1
    for n, word in [(2, "not valid JSON"), (3, "field 'text' is null, not a string"),
                    (4, "field 'text' is list, not a string"), (5, "a JSON list, not an object"), (6, "not valid UTF-8")]:
        assert f"{f}:{n}: {word}" in r.err, r.err
    assert "Traceback" not in r.err
    kept = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert kept[0] == {"text": "fine record"} and kept[-1] == {"text": "last one"}
    assert len(kept) == 5


def test_names_are_sanitized_and_stay_inside_the_output_folder(run, tmp_path):
    src = tmp_path / "in"
    write(src / "tab\there.txt", GOOD)
    write(src / "sub" / "a.txt", GOOD)
    out = tmp_path / "out"
    (out).mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "sub").symlink_to(outside)  # traps: a symlinked folder and a symlinked file in the output
    victim = write(tmp_path / "victim.txt", "precious\n")
    write(src / "file.txt", GOOD)
    (out / "file.txt").symlink_to(victim)
    r = run("clean", str(src), "-o", str(out))
    assert r.code == 1
    assert (out / "tab_here.txt").exists()
    assert r.err.count("outside the output folder") == 2
    assert list(outside.iterdir()) == []
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_sanitize_part():
    assert batch.sanitize_part("..") == "_"
    assert batch.sanitize_part(".") == "_"
    assert batch.sanitize_part("a/b") == "a_b"
    assert batch.sanitize_part("new\nline\x00.txt") == "new_line_.txt"
    assert batch.sanitize_part("ok name.txt") == "ok name.txt"


def test_file_over_the_size_limit_is_refused(run, tmp_path):
    big = write(tmp_path / "big.txt", "x" * 300_000 + "\n")
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(big), str(good), "-o", str(tmp_path / "out"), "--max-size", "0.25")
    assert_clean_failure(r, big, "too large")
    assert (tmp_path / "out" / "good.txt").exists()


@FORK_ONLY
def test_worker_killed_is_a_clear_error(run, tmp_path, monkeypatch):
    import signal

    monkeypatch.setattr(batch, "FILE_CHUNK_COUNT", 1)  # one file per task, so the pool is used
    real = batch.clean_files_task

    def killer(items):
        if any(s.rel[-1] == "kill.txt" for _, s in items):
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return real(items)

    monkeypatch.setattr(batch, "clean_files_task", killer)
    src = tmp_path / "in"
    for name in ("a.txt", "kill.txt", "z.txt"):
        write(src / name, GOOD + name + "\n")
    r = run("clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert_clean_failure(r, src / "kill.txt", "worker process died")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "z.txt"]  # the others go on


@FORK_ONLY
def test_worker_killed_on_a_jsonl_record(run, tmp_path, monkeypatch):
    import signal

    monkeypatch.setattr(batch, "JSONL_CHUNK_BYTES", 10)  # one record per task, so the pool is used
    real = batch.clean_jsonl_task

    def killer(chunk):
        if any("KILL" in line for line in chunk.lines):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(chunk)

    monkeypatch.setattr(batch, "clean_jsonl_task", killer)
    texts = ["First story.  \n", "KILL this worker.\n", "Third story.  \n"]
    f = write(tmp_path / "c.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in texts))
    out = tmp_path / "o.jsonl"
    r = run("clean", str(f), "--format", "jsonl", "-o", str(out), "--jobs", "2")
    assert_clean_failure(r, f"{f}:2", "worker process died")
    got = [json.loads(x)["text"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert got == ["First story.\n", "KILL this worker.\n", "Third story.\n"]  # kept, not lost


@FORK_ONLY
def test_a_huge_file_is_isolated_even_with_one_job(run, tmp_path, monkeypatch):
    import signal

    monkeypatch.setattr(batch, "ISOLATE_BYTES", 1000)  # "huge" for this test
    real = batch.clean_files_task

    def out_of_memory(items):
        if any(s.size >= 1000 for _, s in items):
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return real(items)

    monkeypatch.setattr(batch, "clean_files_task", out_of_memory)
    huge = write(tmp_path / "huge.txt", "A line of a huge file.\n" * 100)
    small = write(tmp_path / "small.txt", GOOD)
    r = run("clean", str(huge), str(small), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert_clean_failure(r, huge, "worker process died")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["small.txt"]


def test_plan_jobs():
    small = [batch.Source(f"{i}", f"{i}", (f"{i}",), True, 100) for i in range(3)]
    assert batch.plan_jobs(small, "txt", 8) == (1, True)
    many = [batch.Source(f"{i}", f"{i}", (f"{i}",), True, 100) for i in range(5 * batch.FILE_CHUNK_COUNT)]
    assert batch.plan_jobs(many, "txt", 8) == (5, False)  # 5 chunks: no more than 5 workers
    big = [batch.Source("b", "b", ("b",), True, batch.ISOLATE_BYTES)]
    assert batch.plan_jobs(big, "txt", 8) == (1, False)
    assert batch.plan_jobs([batch.Source("j", "j", ("j",), True, 3 * batch.JSONL_CHUNK_BYTES)], "jsonl", 8) == (3, False)


def test_a_bug_in_a_rule_fails_that_input_only_and_is_logged(run, tmp_path, monkeypatch, log_dir):
    real = batch.analyze_and_clean

    def buggy(text, *a, **kw):
        if "TRIGGER" in text:
            raise IndexError("string index out of range")
        return real(text, *a, **kw)

    monkeypatch.setattr(batch, "analyze_and_clean", buggy)
    bad = write(tmp_path / "bad.txt", "TRIGGER\n")
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert_clean_failure(r, bad, "internal error", "IndexError")
    assert (tmp_path / "out" / "good.txt").exists()
    log = (log_dir / "scrubtext.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "buggy" in log  # the details are in the log, not on the terminal


def test_a_bug_in_decoding_fails_that_input_only(run, tmp_path, monkeypatch):
    import desktop_app.core.decoding as decoding

    real = decoding.read_text_file

    def buggy(path, **kw):
        if Path(path).name == "bad.txt":
            raise ZeroDivisionError("division by zero")
        return real(path, **kw)

    monkeypatch.setattr(decoding, "read_text_file", buggy)
    bad = write(tmp_path / "bad.txt", GOOD)
    good = write(tmp_path / "good.txt", GOOD)
    r = run("clean", str(bad), str(good), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert_clean_failure(r, bad, "internal error while decoding", "ZeroDivisionError")
    assert (tmp_path / "out" / "good.txt").exists()


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 1)() == 0, reason="root writes into read-only folders")
def test_output_folder_read_only(run, tmp_path):
    good = write(tmp_path / "in" / "good.txt", GOOD)
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        r = run("clean", str(good.parent), "-o", str(out))
    finally:
        out.chmod(0o755)
    assert r.code == 1
    assert str(out) in r.err and "permission denied" in r.err and "Traceback" not in r.err


def test_sigterm_stops_at_once_and_leaves_nothing_behind(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    f = write(tmp_path / "c.jsonl", "".join(json.dumps({"text": f"Record {i}.  \n"}) + "\n" for i in range(40)))
    out = tmp_path / "out"
    code = (
        "import sys, time\n"
        "from desktop_app.core import batch\n"
        "batch.JSONL_CHUNK_BYTES = 100\n"
        "def slow(chunk):\n"
        "    time.sleep(60)\n"
        "batch.clean_jsonl_task = slow\n"
        "from desktop_app.cli import main\n"
        f"sys.exit(main(['clean', {str(f)!r}, '--format', 'jsonl', '-o', {str(out / 'c.jsonl')!r}, '--jobs', '2',"
        f" '--report', {str(out / 'r.json')!r}]))\n"
    )
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(tmp_path / "logs")}
    p = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)
    log = tmp_path / "logs" / "scrubtext.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "corpus pass" not in (log.read_text() if log.exists() else ""):
        time.sleep(0.05)  # the corpus pass is over: the cleaning workers are starting their 60 s tasks
    time.sleep(0.5)
    started = time.monotonic()
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert time.monotonic() - started < 10  # the workers' 60 s tasks are not waited for
    assert sorted(x.name for x in out.iterdir()) == []  # no partial output, no partial report


def test_export_error_message_is_not_repeated(run, tmp_path, monkeypatch):
    from desktop_app.core import export

    def refuse(path, text, **kw):
        raise export.ExportError(f"cannot write {path}: no space left on the disk", path, errno.ENOSPC)

    monkeypatch.setattr(export, "atomic_write_text", refuse)
    f = write(tmp_path / "a.txt", GOOD)
    r = run("clean", str(f), "-o", str(tmp_path / "out.txt"))
    assert_clean_failure(r, f, "no space")
    assert r.err.count("cannot write") == 1


def test_stdin_over_the_size_limit_is_refused(run):
    r = run("clean", "-", "--max-size", "0.001", stdin=b"x" * 5000)
    assert r.code == 1 and "<stdin>: refused: too large" in r.err and r.out == b""
