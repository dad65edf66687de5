"""QA findings on input and output: JSONL never loses data, outputs never replace special files,
reports stay valid JSON, undecodable bytes are announced, profiles are checked, typos are usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.core import batch

DIRTY = "Hello world.   \nThe mayor spoke on Tuesday about the budget.\n\n\n\n\nShe left.\n"


def _jsonl(path: Path, records: list[str], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(records) + "\n").encode(encoding))
    return path


# --- JSONL ---------------------------------------------------------------------------------------

def test_jsonl_in_place_keeps_invalid_lines(run, tmp_path):
    rec = json.dumps({"id": 1, "text": DIRTY})
    f = _jsonl(tmp_path / "c.jsonl", [rec, "{broken", '{"id": 3, "text": "fine."}'])
    r = run("clean", str(f), "--format", "jsonl", "--in-place")
    assert r.code == 1 and f"{f}:2: not valid JSON" in r.err
    lines = f.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "{broken" and len(lines) == 3
    assert json.loads(lines[0])["text"] != DIRTY  # the good record was cleaned


def test_jsonl_other_fields_round_trip_exactly(run, tmp_path):
    line = '{"id": 7,  "big": 1e400, "price": 1.10, "n": 10000000000000000000001, "text": %s, "z": [1.0]}'
    f = _jsonl(tmp_path / "n.jsonl", [line % json.dumps(DIRTY)])
    out = tmp_path / "o.jsonl"
    r = run("clean", str(f), "--format", "jsonl", "-o", str(out))
    assert r.code == 0, r.err
    got = out.read_text(encoding="utf-8").rstrip("\n")
    cleaned = json.loads(got)["text"]
    assert cleaned != DIRTY
    assert got == line % json.dumps(cleaned, ensure_ascii=False)  # 1e400 and 1.10 untouched
    assert "Infinity" not in got


def test_splice_text_takes_the_last_duplicate_key_and_nested_values():
    line = '{"text": "a", "meta": {"text": "inner"}, "text" : "b" }'
    assert batch.splice_text(line, "text", "X") == '{"text": "a", "meta": {"text": "inner"}, "text" : "X" }'
    assert batch.splice_text("[1]", "text", "X") is None


def test_jsonl_encoding_option_and_detection(run, tmp_path):
    recs = [json.dumps({"text": "東京の天気は晴れ。   \n明日も晴れるでしょう。"}, ensure_ascii=False)] * 3
    sjis = _jsonl(tmp_path / "s.jsonl", recs, "shift_jis")
    r = run("clean", str(sjis), "--format", "jsonl", "--encoding", "shift_jis")
    assert r.code == 0, r.err
    assert [json.loads(x)["text"] for x in r.text.splitlines()] == ["東京の天気は晴れ。\n明日も晴れるでしょう。"] * 3
    r = run("clean", str(sjis), "--format", "jsonl")  # detected like a text file
    assert r.code == 0, r.err
    assert len(r.text.splitlines()) == 3
    u16 = tmp_path / "u.jsonl"
    u16.write_bytes(("\n".join(recs) + "\n").encode("utf-16"))
    r = run("clean", str(u16), "--format", "jsonl")
    assert r.code == 0, r.err
    assert json.loads(r.text.splitlines()[0])["text"].startswith("東京の天気")


def test_jsonl_no_output_when_no_record_could_be_read(run, tmp_path):
    u16 = tmp_path / "u.jsonl"
    u16.write_bytes(json.dumps({"text": "café"}).encode("utf-16-le") + "\n".encode("utf-16-le"))
    out = tmp_path / "o.jsonl"
    r = run("clean", str(u16), "--format", "jsonl", "--encoding", "ascii", "-o", str(out))
    assert r.code == 1 and "nothing written" in r.err
    assert not out.exists()


def test_jsonl_folder_takes_only_jsonl_files(run, tmp_path):
    d = tmp_path / "d"
    _jsonl(d / "a.jsonl", [json.dumps({"text": DIRTY})])
    _jsonl(d / "b.ndjson", [json.dumps({"text": DIRTY})])
    readme = d / "README.txt"
    readme.write_text("Read me.\n\nThis folder holds data.\n", encoding="utf-8")
    r = run("clean", str(d), "--format", "jsonl", "--in-place")
    assert r.code == 0, r.err
    assert readme.read_text(encoding="utf-8") == "Read me.\n\nThis folder holds data.\n"
    assert not (d / "README.txt.bak").exists()
    assert (d / "a.jsonl.bak").exists() and (d / "b.ndjson.bak").exists()


# --- outputs and reports -------------------------------------------------------------------------

def test_report_onto_an_input_or_the_output_is_a_usage_error(run, tmp_path):
    f = tmp_path / "rin.txt"
    f.write_text(DIRTY, encoding="utf-8")
    out = tmp_path / "out.txt"
    r = run("clean", str(f), "-o", str(out), "--report", str(f))
    assert r.code == 2 and "one of the inputs" in r.err
    assert f.read_text(encoding="utf-8") == DIRTY and not out.exists()
    r = run("clean", str(f), "-o", str(out), "--report", str(out))
    assert r.code == 2 and "output" in r.err and not out.exists()
    d = tmp_path / "d"
    r = run("clean", str(f), str(tmp_path / "rin.txt"), "-o", str(d), "--report", str(d / "rin.txt"))
    assert r.code == 2 and not (d / "rin.txt").exists()


def test_output_onto_a_fifo_is_written_as_a_stream_never_replaced(run, tmp_path):
    import os
    import stat
    import threading

    f = tmp_path / "in.txt"
    f.write_text(DIRTY, encoding="utf-8")
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = run("clean", str(f), "-o", str(fifo))
    reader.join(10)
    assert r.code == 0, r.err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].decode("utf-8").startswith("Hello world.\n")


def test_output_onto_a_character_device_keeps_the_node(run, tmp_path):
    # A private copy of /dev/full (never the real one: a regression would replace the system's node).
    import errno
    import os
    import stat

    import pytest

    node = tmp_path / "full"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError:
        pytest.skip("cannot create a device node here (not root)")
    f = tmp_path / "in.txt"
    f.write_text(DIRTY, encoding="utf-8")
    r = run("clean", str(f), "-o", str(node))
    assert stat.S_ISCHR(os.stat(node).st_mode)  # still the device, whatever the write did
    try:
        with open(node, "wb") as probe:
            probe.write(b"x")
    except OSError as exc:  # ENOSPC like /dev/full, or EACCES on a file system mounted nodev
        assert r.code == 1 and (exc.errno != errno.ENOSPC or "no space" in r.err)


def test_special_files_are_never_replaced_by_atomic_writes(tmp_path):
    import os

    import pytest

    from desktop_app.core.export import ExportError, atomic_write_text

    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="FIFO"):
        atomic_write_text(fifo, "x")


def test_output_folder_under_a_file_is_named(run, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(DIRTY, encoding="utf-8")
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    r = run("clean", str(a), str(a), "-o", str(afile / "out"))
    assert r.code == 1 and f"{afile} is a file, not a folder" in r.err


# --- file names that are not UTF-8 -----------------------------------------------------------------

def test_non_utf8_file_names_keep_report_valid_and_name_kept(run, tmp_path):
    import os

    src = tmp_path / "fn"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), "wb") as f:
        f.write(DIRTY.encode())
    (src / "z.txt").write_text(DIRTY, encoding="utf-8")
    out = tmp_path / "out"
    report = tmp_path / "r.json"
    r = run("clean", str(src), "-o", str(out), "--report", str(report))
    assert r.code == 0, r.err
    assert sorted(os.listdir(os.fsencode(out))) == [b"caf\xe9.txt", b"z.txt"]  # the bytes, not caf_.txt
    data = json.loads(report.read_bytes().decode("utf-8"))  # valid UTF-8 JSON
    paths = [e["path"] for e in data["inputs"]]
    assert os.fsencode(paths[0]).endswith(b"caf\xe9.txt") and data["inputs"][1]["status"] == "ok"
    r = run("check", "--json", str(src))
    assert r.code == 0
    assert len(json.loads(r.out.decode("utf-8"))["inputs"]) == 2


# --- undecodable bytes -------------------------------------------------------------------------------



def test_replaced_bytes_are_announced(run, tmp_path):
    f = tmp_path / "m.txt"
    f.write_bytes("東京都は新しい規制を発表した。\n".encode() + b"The mayor said she didn\x92t agree.\n")
    r = run("clean", str(f))
    assert r.code == 0
    assert f"warning: {f}: 1 byte could not be decoded as utf-8 and became U+FFFD (at byte 69)" in r.err
    r = run("check", str(f))
    assert "could not be decoded" in r.text
    report = tmp_path / "r.json"
    run("clean", str(f), "-o", str(tmp_path / "o.txt"), "--report", str(report))
    entry = json.loads(report.read_text(encoding="utf-8"))["inputs"][0]
    assert "could not be decoded" in entry["warnings"][0]


def test_in_place_refuses_to_lose_undecodable_bytes_unless_forced(run, tmp_path):
    raw = "東京都は新しい規制を発表した。\n".encode() + b"She didn\x92t agree.   \n\n\n\n\nEnd.\n"
    f = tmp_path / "m.txt"
    f.write_bytes(raw)
    r = run("clean", str(f), "--in-place")
    assert r.code == 1 and "not overwritten" in r.err
    assert f.read_bytes() == raw and not (tmp_path / "m.txt.bak").exists()
    r = run("clean", str(f), "--in-place", "--force")
    assert r.code == 0 and (tmp_path / "m.txt.bak").read_bytes() == raw


def test_in_place_without_edits_leaves_the_file_alone(run, tmp_path):
    f = tmp_path / "cp.txt"
    raw = "Le café est ouvert. Déjà vu à l'hôtel.\n".encode("cp1252")
    f.write_bytes(raw)
    r = run("clean", str(f), "--in-place")
    assert r.code == 0, r.err
    assert f.read_bytes() == raw and not (tmp_path / "cp.txt.bak").exists()


# --- small CLI items ---------------------------------------------------------------------------------

def test_mistyped_command_is_a_usage_error_not_the_gui(run, tmp_path, monkeypatch):
    import desktop_app.cli as cli

    monkeypatch.setattr(cli, "open_gui", lambda paths: pytest_fail("the GUI was opened"))
    monkeypatch.chdir(tmp_path)
    r = run("chek", "page.txt")
    assert r.code == 2 and "did you mean `scrubtext check`" in r.err


def pytest_fail(message: str):
    raise AssertionError(message)


def test_binary_in_a_folder_is_skipped_in_the_report_too(run, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_text(DIRTY, encoding="utf-8")
    (d / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    report = tmp_path / "r.json"
    r = run("clean", str(d), "-o", str(tmp_path / "out"), "--report", str(report))
    assert r.code == 0 and "skipped" in r.err
    data = json.loads(report.read_text(encoding="utf-8"))
    statuses = {Path(e["path"]).name: e["status"] for e in data["inputs"]}
    assert statuses == {"a.txt": "ok", "img.png": "skipped"}
    assert data["summary"]["failed"] == 0 and data["summary"]["skipped"] == 1


def test_same_name_from_two_folders_keeps_both(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "p.txt").write_text(f"From {d}.  \n", encoding="utf-8")
    r = run("clean", "x/p.txt", "y/p.txt", "-o", "out")
    assert r.code == 0, r.err
    assert (tmp_path / "out" / "x" / "p.txt").read_text(encoding="utf-8") == "From x.\n"
    assert (tmp_path / "out" / "y" / "p.txt").read_text(encoding="utf-8") == "From y.\n"


def test_utf16_jsonl_bad_line_is_kept_and_the_others_cleaned(run, tmp_path):
    recs = [json.dumps({"text": "東京の天気は晴れ。   \n次", "n": i}, ensure_ascii=False) for i in range(3)]
    body = [(r + "\n").encode("utf-16-le") for r in recs]
    body[1] = body[1][:10] + b"\x00\xd8" + body[1][10:]  # an unpaired surrogate inside record 2
    f = tmp_path / "w.jsonl"
    f.write_bytes(b"\xff\xfe" + b"".join(body))
    out = tmp_path / "o.jsonl"
    r = run("clean", str(f), "--format", "jsonl", "-o", str(out))
    assert r.code == 1 and f"{f}:2: not valid utf-16-le (line kept unchanged)" in r.err
    first, rest = out.read_bytes().split(b"\n", 1)
    assert json.loads(first) == {"text": "東京の天気は晴れ。\n次", "n": 0}
    assert rest.startswith(body[1])  # the broken record's own bytes
    assert json.loads(rest[len(body[1]):]) == {"text": "東京の天気は晴れ。\n次", "n": 2}


def test_check_lines_have_no_period_before_the_colon():
    from desktop_app.core.report import format_entry

    entry = {"path": "p.txt", "status": "ok", "notices": [], "proposed": [],
             "applied": [{"start": 0, "end": 1, "line": 1, "col": 1, "rule": "spacing.trailing",
                          "confidence": 0.99, "reason": "Trailing spaces.", "before": " ", "replacement": ""}]}
    assert format_entry(entry) == ["p.txt:1:1 spacing.trailing (0.99) Trailing spaces: ' ' -> ''"]
