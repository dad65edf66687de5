"""`scrubtext clean` and `scrubtext check`: outputs, formats, options, reports and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.core import batch, clean_text, default_profile
from desktop_app.core.report import replay

ROOT = Path(__file__).resolve().parents[2]

DIRTY = (
    "Markets rallied on Tuesday as investors weighed new data.   \n"
    "Related Articles\n"
    "\n\n\n\n"
    "Analysts said the move was expected.  \n"
    "Back to top\n"
)
DIRTY_JA = "東京では雨が降った。 明日は晴れるでしょう。\n\n\n\n関連記事\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# --- one input ---------------------------------------------------------------------------------

def test_clean_one_file_to_stdout_equals_library(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    r = run("clean", str(f))
    assert r.code == 0, r.err
    assert r.text == clean_text(DIRTY)
    assert r.text != DIRTY
    assert "Related Articles" not in r.text and "   \n" not in r.text
    assert f.read_text(encoding="utf-8") == DIRTY  # the input is never touched


def test_clean_user_sample(run, user_sample_path, user_sample):
    r = run("clean", str(user_sample_path))
    assert r.code == 0, r.err
    assert r.text == clean_text(user_sample)
    assert "Related Articles" not in r.text and "Back to top button" not in r.text
    assert "。 。" not in r.text


def test_stdin_dash(run):
    r = run("clean", "-", stdin=DIRTY_JA.encode("utf-8"))
    assert r.code == 0, r.err
    assert r.text == clean_text(DIRTY_JA)


def test_legacy_encoding_is_decoded_and_written_as_utf8(run, tmp_path):
    text = "東京では昨日から雨が降り続いている。気象庁によると、明日には晴れる見込みだという。\n" * 8
    f = write(tmp_path / "sjis.txt", text, "cp932")
    out = tmp_path / "out.txt"
    r = run("clean", str(f), "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_bytes().decode("utf-8") == clean_text(text)


def test_crlf_line_endings_preserved(run, tmp_path):
    f = write(tmp_path / "crlf.txt", "First line.\r\nSecond line.\r\n")
    r = run("clean", str(f))
    assert r.code == 0
    assert r.out == b"First line.\r\nSecond line.\r\n"


def test_output_file_for_one_input(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    out = tmp_path / "new" / "clean.txt"
    r = run("clean", str(f), "-o", str(out), "--quiet")
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8") == clean_text(DIRTY)
    assert r.out == b"" and r.err == ""


# --- folders -----------------------------------------------------------------------------------

def test_folder_keeps_relative_paths_and_skips_hidden(run, tmp_path):
    src = tmp_path / "corpus"
    write(src / "a.txt", DIRTY)
    write(src / "sub" / "deeper" / "b.md", DIRTY_JA)
    write(src / "sub" / "README", "Plain text without a suffix.  \n")
    write(src / ".hidden.txt", DIRTY)
    write(src / ".git" / "config.txt", DIRTY)
    out = tmp_path / "out"
    r = run("clean", str(src), "-o", str(out))
    assert r.code == 0, r.err
    got = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert got == ["a.txt", "sub/README", "sub/deeper/b.md"]
    assert (out / "sub" / "deeper" / "b.md").read_text(encoding="utf-8") == clean_text(DIRTY_JA, corpus=_corpus(
        [DIRTY, DIRTY_JA, "Plain text without a suffix.  \n"]))


def _corpus(texts):
    return batch.corpus_of_texts(texts)


def test_batch_uses_cross_document_statistics(run, tmp_path):
    texts = [f"Story number {i} begins here with its own words.\nShare this story on social media\n"
             f"It ends with a distinct sentence {i * 7}.\n" for i in range(6)]
    src = tmp_path / "in"
    for i, t in enumerate(texts):
        write(src / f"{i}.txt", t)
    r = run("clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert r.code == 0, r.err
    corpus = _corpus(texts)
    for i, t in enumerate(texts):
        assert (tmp_path / "out" / f"{i}.txt").read_text(encoding="utf-8") == clean_text(t, corpus=corpus)


def test_output_identical_whatever_jobs(run, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "FILE_CHUNK_COUNT", 3)  # several chunks, so the pool really runs
    monkeypatch.setattr(batch, "FILE_CHUNK_BYTES", 200)
    src = tmp_path / "in"
    for i in range(12):
        write(src / f"doc{i:02}.txt", (DIRTY if i % 2 else DIRTY_JA) + f"Paragraph {i} of the story.\n")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        r = run("clean", str(src), "-o", str(out), "--jobs", jobs, "--report", str(tmp_path / f"r{jobs}.json"))
        assert r.code == 0, r.err
        outs[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert outs["1"] == outs["2"] and len(outs["1"]) == 12
    r1 = json.loads((tmp_path / "r1.json").read_text())
    r2 = json.loads((tmp_path / "r2.json").read_text())
    for e in r1["inputs"] + r2["inputs"]:
        e.pop("output")
    assert r1["inputs"] == r2["inputs"]


def test_several_inputs_without_output_is_usage_error(run, tmp_path):
    a = write(tmp_path / "a.txt", DIRTY)
    b = write(tmp_path / "b.txt", DIRTY)
    r = run("clean", str(a), str(b))
    assert r.code == 2
    assert "-o" in r.err


# --- JSONL ---------------------------------------------------------------------------------------

def test_jsonl_cleans_field_keeps_others_and_reports_bad_lines(run, tmp_path):
    lines = [
        json.dumps({"id": 1, "text": DIRTY, "url": "https://example.com/1"}),
        "{not json",
        json.dumps({"id": 3, "text": 42}),
        json.dumps({"id": 4, "body": "no text field"}),
        "",
        json.dumps({"id": 6, "text": DIRTY_JA}, ensure_ascii=False),
    ]
    f = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    r = run("clean", str(f), "--format", "jsonl", "-o", str(out))
    assert r.code == 1
    assert f"{f}:2: not valid JSON" in r.err
    assert f"{f}:3: field 'text' is int, not a string" in r.err
    assert f"{f}:4: no 'text' field" in r.err
    assert "Traceback" not in r.err
    out_lines = out.read_text(encoding="utf-8").splitlines()
    assert out_lines[1] == "{not json"  # the broken line is written through unchanged, never dropped
    records = [json.loads(x) for x in out_lines if x.strip() and x != "{not json"]
    assert [rec["id"] for rec in records] == [1, 3, 4, 6]
    assert records[0] == {"id": 1, "text": clean_text(DIRTY, corpus=_corpus([DIRTY, DIRTY_JA])),
                          "url": "https://example.com/1"}
    assert records[1] == {"id": 3, "text": 42}


def test_jsonl_text_field_option_and_stdout(run, tmp_path):
    f = write(tmp_path / "in.jsonl", json.dumps({"body": DIRTY, "n": 1}) + "\n")
    r = run("clean", str(f), "--format", "jsonl", "--text-field", "body")
    assert r.code == 0, r.err
    rec = json.loads(r.text)
    assert rec["n"] == 1 and rec["body"] == clean_text(DIRTY, corpus=_corpus([DIRTY]))


def test_jsonl_unchanged_records_are_byte_identical(run, tmp_path):
    words = ["apples", "rivers", "clocks"]
    lines = "".join(f'{{"text":"Already clean: {w}.\\n","k":  [1, 2]}}\n' for w in words)
    f = write(tmp_path / "in.jsonl", lines)
    r = run("clean", str(f), "--format", "jsonl")
    assert r.code == 0, r.err
    assert r.text == lines


# --- categories and profiles ------------------------------------------------------------------

def test_only_and_skip(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    only = run("clean", str(f), "--only", "spacing").text
    assert "Related Articles" in only and "   \n" not in only
    skip = run("clean", str(f), "--skip", "spacing,encoding").text
    assert "Related Articles" not in skip and "   \n" in skip
    p = default_profile().with_categories(only=["spacing"])
    assert only == clean_text(DIRTY, p)


def test_unknown_category_is_usage_error(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    r = run("clean", str(f), "--only", "spacing,colour")
    assert r.code == 2 and "colour" in r.err


def test_profile_file(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    prof = write(tmp_path / "p.toml", '[categories]\ndisabled = ["boilerplate"]\n')
    r = run("clean", str(f), "--profile", str(prof))
    assert r.code == 0, r.err
    assert "Related Articles" in r.text


@pytest.mark.parametrize("content", ["[profile\nname=", '[profile]\napply_threshold = 3\n'])
def test_bad_profile_is_usage_error(run, tmp_path, content):
    f = write(tmp_path / "a.txt", DIRTY)
    prof = write(tmp_path / "p.toml", content)
    r = run("clean", str(f), "--profile", str(prof))
    assert r.code == 2
    assert "p.toml" in r.err or "apply_threshold" in r.err
    assert "Traceback" not in r.err


def test_missing_profile_is_usage_error(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    r = run("clean", str(f), "--profile", str(tmp_path / "nope.toml"))
    assert r.code == 2 and "nope.toml" in r.err


# --- reports and check -----------------------------------------------------------------------

def test_report_has_every_input_and_replays(run, tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", DIRTY)
    write(src / "b.txt", DIRTY_JA, "euc_jp")
    write(src / "c.png", "")
    (src / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    rep = tmp_path / "report.json"
    r = run("clean", str(src), "-o", str(tmp_path / "out"), "--report", str(rep))
    assert r.code == 0, r.err
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["format"] == "scrubtext-report" and data["scrubtext"] == __version__
    by_path = {Path(e["path"]).name: e for e in data["inputs"]}
    assert set(by_path) == {"a.txt", "b.txt", "c.png"}
    assert by_path["c.png"]["status"] == "skipped" and "PNG" in by_path["c.png"]["error"]
    a = by_path["a.txt"]
    assert a["encoding"] in ("utf-8", "ascii") and 0 <= a["confidence"] <= 1
    assert a["applied"] and all({"rule", "reason", "confidence", "start", "end", "line", "col", "before",
                                 "category", "replacement"} <= set(e) for e in a["applied"])
    assert replay(a, DIRTY) == (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    assert by_path["b.txt"]["encoding"].replace("-", "_") in ("euc_jp", "euc_jis_2004", "euc_jisx0213")
    assert data["summary"]["inputs"] == 3


def test_check_lists_edits_and_changes_nothing(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    before = f.stat().st_mtime_ns
    r = run("check", str(f))
    assert r.code == 0, r.err
    lines = r.text.splitlines()
    assert lines
    pat = re.compile(re.escape(str(f)) + r":\d+:\d+ [\w.-]+ \((\d\.\d\d|notice)\)( \[review\])? .+")
    assert all(pat.match(x) for x in lines), lines
    assert any("Related Articles" in x for x in lines)
    assert f.stat().st_mtime_ns == before and f.read_text(encoding="utf-8") == DIRTY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_check_json_is_replayable(run, user_sample_path, user_sample):
    r = run("check", "--json", str(user_sample_path))
    assert r.code == 0, r.err
    data = json.loads(r.text)
    (entry,) = data["inputs"]
    assert replay(entry, user_sample) == clean_text(user_sample)
    everything = replay(entry, user_sample, include_proposed=True)
    assert len(everything) <= len(clean_text(user_sample))
    rules = {e["rule"].split(".")[0] for e in entry["proposed"]}
    assert "metadata" in rules
    assert any(n["rule"].startswith("notice.truncated") for n in entry["notices"])


def test_check_jsonl_names_records(run, tmp_path):
    f = write(tmp_path / "in.jsonl", json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": DIRTY}) + "\n")
    r = run("check", str(f), "--format", "jsonl")
    assert r.code == 0, r.err
    assert r.text and all(x.startswith(f"{f}[2]:") for x in r.text.splitlines())


# --- in place ---------------------------------------------------------------------------------

def test_in_place_keeps_backup_and_skips_unchanged(run, tmp_path):
    src = tmp_path / "in"
    dirty = write(src / "dirty.txt", DIRTY)
    write(src / "clean.txt", "Nothing to fix here.\n")
    r = run("clean", str(src), "--in-place")
    assert r.code == 0, r.err
    assert dirty.read_text(encoding="utf-8") != DIRTY
    backups = sorted(p.name for p in src.iterdir() if p.name.startswith("dirty.txt."))
    assert len(backups) == 1 and (src / backups[0]).read_text(encoding="utf-8") == DIRTY
    assert not any(p.name.startswith("clean.txt.") for p in src.iterdir())
    # A second run finds nothing to change and leaves the backup alone (backups are never inputs).
    r = run("clean", str(src), "--in-place")
    assert r.code == 0
    assert sorted(p.name for p in src.iterdir() if p.name.startswith("dirty.txt.")) == backups


def test_in_place_with_output_is_usage_error(run, tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    assert run("clean", str(f), "--in-place", "-o", str(tmp_path / "o")).code == 2
    assert run("clean", "-", "--in-place").code == 2


# --- version, help, GUI ------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"], ["check", "--help"]])
def test_help(run, args):
    r = run(*args)
    assert r.code == 0
    assert "usage: scrubtext" in r.text


def test_version(run):
    r = run("--version")
    assert r.code == 0 and r.text.strip() == f"scrubtext {__version__}"


def test_no_paths_is_usage_error(run):
    assert run("clean").code == 2
    assert run("--frobnicate").code == 2


def test_no_subcommand_opens_gui(run, monkeypatch):
    calls = []
    fake = types.ModuleType("desktop_app.gui.app")
    fake.run_gui = lambda paths: calls.append(list(paths)) or 0
    monkeypatch.setitem(sys.modules, "desktop_app.gui.app", fake)
    assert run().code == 0
    assert run("some.txt", "other.txt").code == 0
    assert calls == [[], ["some.txt", "other.txt"]]


def test_gui_unavailable_is_a_clear_message(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "desktop_app.gui.app", None)
    r = run("file.txt")
    assert r.code == 2 and "desktop app" in r.err and "Traceback" not in r.err


def test_clean_works_with_pyside6_blocked(tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    code = (
        "import sys\n"
        "for name in ('PySide6', 'PySide6.QtCore', 'PySide6.QtWidgets', 'PySide6.QtGui'):\n"
        "    sys.modules[name] = None\n"
        "from desktop_app.cli import main\n"
        f"rc = main(['clean', {str(f)!r}, '-o', {str(tmp_path / 'o.txt')!r}, '--quiet'])\n"
        "assert not any(m.startswith('PySide6') and sys.modules[m] is not None for m in sys.modules)\n"
        "sys.exit(rc)\n"
    )
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(tmp_path / "logs")}
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == clean_text(DIRTY)


def test_console_script_runs(tmp_path):
    f = write(tmp_path / "a.txt", DIRTY)
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(tmp_path / "logs")}
    p = subprocess.run([sys.executable, "-m", "desktop_app", "clean", str(f)], cwd=ROOT, env=env,
                       capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode("utf-8") == clean_text(DIRTY)
    assert b"\x1b[" not in p.stderr  # no progress bar when stderr is not a terminal


def test_jsonl_from_stdin(run):
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate([DIRTY, DIRTY_JA])]
    r = run("clean", "-", "--format", "jsonl", stdin=("\n".join(lines) + "\n").encode("utf-8"))
    assert r.code == 0, r.err
    corpus = _corpus([DIRTY, DIRTY_JA])
    assert [json.loads(x)["text"] for x in r.text.splitlines()] == [clean_text(DIRTY, corpus=corpus),
                                                                   clean_text(DIRTY_JA, corpus=corpus)]


def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty

    src = tmp_path / "in"
    for i in range(3):
        write(src / f"{i}.txt", DIRTY + f"Line {i}.\n")
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(tmp_path / "logs")}
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    try:
        p = subprocess.run([sys.executable, "-m", "desktop_app", "clean", str(src), "-o", str(tmp_path / "o")],
                           cwd=ROOT, env=env, stderr=slave, stdout=subprocess.DEVNULL, timeout=60)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert p.returncode == 0
    assert "cleaning" in err and "%" in err  # tqdm's bar
    quiet = subprocess.run([sys.executable, "-m", "desktop_app", "clean", str(src), "-o", str(tmp_path / "o2")],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert "cleaning" not in quiet.stderr and "%|" not in quiet.stderr


def test_scrubtext_file_opens_the_real_gui(tmp_path):
    pytest.importorskip("PySide6.QtWidgets")
    f = write(tmp_path / "article.txt", DIRTY)
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen",
           "SCRUBTEXT_SMOKE_TEST": "0.5", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state")}
    p = subprocess.run([sys.executable, "-m", "desktop_app", str(f)], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "main window shown" in p.stderr and "article.txt" in p.stderr


def test_output_folder_inside_the_input_folder_is_not_read_back(run, tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", DIRTY)
    for _ in range(2):
        r = run("clean", str(src), "-o", str(src / "clean"))
        assert r.code == 0, r.err
    assert sorted(p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()) == ["a.txt", "clean/a.txt"]


def test_jsonl_in_place_and_report(run, tmp_path):
    recs = [{"id": 1, "text": DIRTY}, {"id": 2, "text": "Nothing to do.\n"}]
    f = write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in recs))
    original = f.read_bytes()
    rep = tmp_path / "r.json"
    r = run("clean", str(f), "--format", "jsonl", "--in-place", "--report", str(rep))
    assert r.code == 0, r.err
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("c.jsonl.")]
    assert len(backups) == 1 and backups[0].read_bytes() == original
    corpus = _corpus([DIRTY, "Nothing to do.\n"])
    got = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines()]
    assert got == [{"id": 1, "text": clean_text(DIRTY, corpus=corpus)}, recs[1]]
    entries = json.loads(rep.read_text(encoding="utf-8"))["inputs"]
    assert [(e["path"], e["record"]) for e in entries] == [(str(f), 1), (str(f), 2)]
    assert replay(entries[0], DIRTY) == got[0]["text"]


def test_report_inside_a_new_output_folder(run, tmp_path):
    src = tmp_path / "scraped"
    write(src / "a.txt", DIRTY)
    write(src / "b.txt", DIRTY_JA)
    out = tmp_path / "cleaned"
    r = run("clean", str(src), "-o", str(out), "--report", str(out / "report.json"))
    assert r.code == 0, r.err
    assert len(json.loads((out / "report.json").read_text(encoding="utf-8"))["inputs"]) == 2


def test_jsonl_output_identical_whatever_jobs(run, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "JSONL_CHUNK_BYTES", 300)  # many chunks, so the pool really runs
    recs = [{"id": i, "text": (DIRTY if i % 3 else DIRTY_JA) + f"Paragraph {i}, which is its own.\n"}
            for i in range(30)]
    f = write(tmp_path / "c.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}.jsonl"
        r = run("clean", str(f), "--format", "jsonl", "-o", str(out), "--jobs", jobs)
        assert r.code == 0, r.err
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    corpus = _corpus([r["text"] for r in recs])
    assert [json.loads(x)["text"] for x in outs[0].decode().splitlines()] == [
        clean_text(r["text"], corpus=corpus) for r in recs]
