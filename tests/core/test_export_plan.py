"""Export planning and writing: names, conflicts, protected inputs, encodings, manifest bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.export_plan import (
    ExportItem,
    ExportOptions,
    convert_newlines,
    export_documents,
    format_name,
    plan_exports,
    sanitize_filename,
    validate_naming,
)


def item(name: str, text: str = "本文です。\nline two\n", source: Path | None = None, **kw) -> ExportItem:
    return ExportItem(source=source, name=name, text=text, **kw)


# --- names -----------------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, problem", [
    ("{stem}.clean{ext}", None),
    ("{name}", None),
    ("{n:03d}-{stem}{ext}", None),
    ("cleaned_{n}.txt", None),
    ("", "empty"),
    ("{stem", "braces"),
    ("{title}{ext}", "Unknown placeholder {title}"),
    ("{}", "Unknown placeholder {}"),
    ("out/{stem}{ext}", "without folders"),
    ("..\\{stem}{ext}", "without folders"),
    ("fixed.txt", "same name"),
    ("{stem:03d}{ext}", "cannot be applied"),  # a number format on a string
    ("{n:>}{stem}", None),
])
def test_validate_naming(pattern, problem):
    err = validate_naming(pattern)
    if problem is None:
        assert err is None
    else:
        assert err is not None and problem in err


def test_format_name_placeholders():
    it = item("ignored", source=Path("/data/記事 1.txt"))
    assert format_name("{stem}.clean{ext}", it, 0) == "記事 1.clean.txt"
    assert format_name("{n:02d}_{name}", it, 4) == "05_記事 1.txt"
    assert format_name("{stem}.{encoding}{ext}", it, 0, "cp932") == "記事 1.cp932.txt"
    # No source: the display name is used; a name without extension gets ".txt".
    assert format_name("{stem}{ext}", item("Untitled 2"), 0) == "Untitled 2.txt"


@pytest.mark.parametrize("raw, safe", [
    ("../../etc/passwd", "_.._etc_passwd"),
    ("..", "document"),
    ("a:b*c?.txt", "a_b_c_.txt"),
    (" .hidden. ", "hidden"),
    ("CON.txt", "_CON.txt"),
    ("tab\there\n.txt", "tab_here_.txt"),
    ("ok name.txt", "ok name.txt"),
])
def test_sanitize_filename(raw, safe):
    assert sanitize_filename(raw) == safe


def test_long_name_is_trimmed_keeping_extension():
    name = sanitize_filename("あ" * 200 + ".txt")
    assert name.endswith(".txt") and len(name.encode("utf-8")) <= 240


def test_names_never_leave_the_folder(tmp_path):
    items = [item("../escape.txt"), item("/abs/path.txt"), item("..\\win.txt")]
    plans = plan_exports(items, ExportOptions(output_dir=tmp_path, naming="{name}"))
    for p in plans:
        assert p.target is not None and p.target.parent == tmp_path.resolve()


# --- plan ------------------------------------------------------------------------------------

def test_collision_between_documents_is_a_conflict(tmp_path):
    items = [item("a.txt", source=tmp_path / "x" / "a.txt"), item("A.TXT", source=tmp_path / "y" / "A.TXT")]
    plans = plan_exports(items, ExportOptions(output_dir=tmp_path / "out", naming="{stem}.clean{ext}"))
    assert [p.status for p in plans] == ["write", "conflict"]
    assert "document 1" in plans[1].reason and (plans[1].code, plans[1].other) == ("same-name", 0)


def test_collision_renamed_when_asked(tmp_path):
    items = [item("a.txt"), item("a.txt"), item("a.txt")]
    plans = plan_exports(items, ExportOptions(output_dir=tmp_path, naming="{name}", if_exists="rename"))
    assert [p.target.name for p in plans] == ["a.txt", "a (2).txt", "a (3).txt"]


def test_inputs_are_protected_unless_confirmed(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(b"original\n")
    items = [item("in.txt", "cleaned\n", source=src)]
    plans = plan_exports(items, ExportOptions(output_dir=tmp_path, naming="{name}"))
    assert plans[0].status == "conflict" and "input" in plans[0].reason and plans[0].code == "input"
    summary = export_documents(items, ExportOptions(output_dir=tmp_path, naming="{name}"))
    assert summary.written == [] and summary.skipped and src.read_bytes() == b"original\n"

    summary = export_documents(items, ExportOptions(output_dir=tmp_path, naming="{name}", overwrite_inputs=True))
    assert summary.written == [tmp_path.resolve() / "in.txt"] and src.read_bytes() == b"cleaned\n"


def test_existing_output_policies(tmp_path):
    (tmp_path / "a.clean.txt").write_bytes(b"old")
    items = [item("a.txt", "new\n")]
    assert plan_exports(items, ExportOptions(output_dir=tmp_path))[0].status == "replace"
    assert plan_exports(items, ExportOptions(output_dir=tmp_path, if_exists="skip"))[0].status == "skip"
    renamed = plan_exports(items, ExportOptions(output_dir=tmp_path, if_exists="rename"))[0]
    assert renamed.status == "write" and renamed.target.name == "a.clean (2).txt"
    export_documents(items, ExportOptions(output_dir=tmp_path, if_exists="skip"))
    assert (tmp_path / "a.clean.txt").read_bytes() == b"old"
    export_documents(items, ExportOptions(output_dir=tmp_path))
    assert (tmp_path / "a.clean.txt").read_bytes() == b"new\n"


def test_manifest_name_is_reserved(tmp_path):
    items = [item("scrubtext-manifest.jsonl")]
    plans = plan_exports(items, ExportOptions(output_dir=tmp_path, naming="{name}", manifest=True))
    assert plans[0].status == "conflict" and "manifest" in plans[0].reason and plans[0].code == "manifest-name"


def test_bad_options_are_rejected():
    with pytest.raises(ValueError, match="encoding"):
        ExportOptions(encoding="no-such-codec")
    with pytest.raises(ValueError, match="line endings"):
        ExportOptions(newline="dos")
    with pytest.raises(ValueError, match="placeholder"):
        ExportOptions(naming="{bogus}")


# --- bytes -----------------------------------------------------------------------------------

TEXT = "見出し\r\nCafé – “quoted”\n\nend"


@pytest.mark.parametrize("encoding, newline, expected", [
    ("utf-8", "lf", "見出し\nCafé – “quoted”\n\nend".encode()),
    ("utf-8", "crlf", "見出し\r\nCafé – “quoted”\r\n\r\nend".encode()),
    ("utf-8-sig", "lf", b"\xef\xbb\xbf" + "見出し\nCafé – “quoted”\n\nend".encode()),
    ("utf-16", "lf", "見出し\nCafé – “quoted”\n\nend".encode("utf-16")),
    ("gb18030", "crlf", "見出し\r\nCafé – “quoted”\r\n\r\nend".encode("gb18030")),
])
def test_exported_bytes(tmp_path, encoding, newline, expected):
    summary = export_documents([item("t.txt", TEXT)],
                               ExportOptions(output_dir=tmp_path, encoding=encoding, newline=newline))
    assert summary.ok and len(summary.written) == 1
    assert summary.written[0].read_bytes() == expected


def test_keep_uses_the_documents_own_line_ending(tmp_path):
    items = [item("a.txt", "x\ny\n", newline="\r\n"), item("b.txt", "x\r\ny\n")]
    export_documents(items, ExportOptions(output_dir=tmp_path, newline="keep"))
    assert (tmp_path / "a.clean.txt").read_bytes() == b"x\r\ny\r\n"
    assert (tmp_path / "b.clean.txt").read_bytes() == b"x\r\ny\n"  # unknown original: untouched


def test_convert_newlines_handles_lone_cr():
    assert convert_newlines("a\rb\r\nc\n", "lf") == "a\nb\nc\n"
    assert convert_newlines("a\nb", "cr") == "a\rb"


def test_unencodable_text_fails_that_file_only(tmp_path):
    items = [item("ja.txt", "日本語\n"), item("emoji.txt", "ok\nsmile 😀 here\n"), item("ascii.txt", "plain\n")]
    summary = export_documents(items, ExportOptions(output_dir=tmp_path, encoding="cp932"))
    assert [p.name for p in summary.written] == ["ja.clean.txt", "ascii.clean.txt"]
    assert (tmp_path / "ja.clean.txt").read_bytes() == "日本語\n".encode("cp932")
    [(name, reason)] = summary.failed
    assert name == "emoji.txt"
    assert "U+1F600" in reason and "line 2, column 7" in reason and "cp932" in reason
    assert not (tmp_path / "emoji.clean.txt").exists()


def test_errors_policy_replaces_instead_of_failing(tmp_path):
    items = [item("e.txt", "a😀b\n")]
    summary = export_documents(items, ExportOptions(output_dir=tmp_path, encoding="cp1252",
                                                    errors="xmlcharrefreplace"))
    assert summary.ok and (tmp_path / "e.clean.txt").read_bytes() == b"a&#128512;b\n"


def test_manifest_lines(tmp_path):
    src = tmp_path / "in" / "page.txt"
    src.parent.mkdir()
    src.write_bytes(b"x")
    items = [item("page.txt", "clean\n", source=src, detected_encoding="cp932",
                  rules_fired={"spacing.trailing": 3, "boilerplate.phrase": 1}, lines_removed=4),
             item("bad.txt", "😀\n")]
    summary = export_documents(items, ExportOptions(output_dir=tmp_path / "out", encoding="latin-1",
                                                    manifest=True))
    assert summary.manifest_path == tmp_path / "out" / "scrubtext-manifest.jsonl"
    records = [json.loads(line) for line in summary.manifest_path.read_text(encoding="utf-8").splitlines()]
    assert records[0] == {
        "source": str(src), "name": "page.txt", "output": str((tmp_path / "out").resolve() / "page.clean.txt"),
        "detected_encoding": "cp932", "output_encoding": "latin-1",
        "rules_fired": {"boilerplate.phrase": 1, "spacing.trailing": 3}, "lines_removed": 4,
        "status": "written", "bytes": 6, "lines": 1}
    assert records[1]["status"] == "failed" and "U+1F600" in records[1]["reason"]


def test_progress_and_cancel(tmp_path):
    items = [item(f"d{i}.txt", f"{i}\n") for i in range(5)]
    seen = []

    def progress(done, total, name):
        seen.append((done, total))

    summary = export_documents(items, ExportOptions(output_dir=tmp_path), progress=progress,
                               cancel=lambda: len(seen) >= 2)
    assert summary.cancelled and len(summary.written) == 2
    assert [r for _, r in summary.skipped] == ["cancelled"] * 3
    assert seen == [(0, 5), (1, 5), (5, 5)]


def test_unwritable_folder_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file")
    summary = export_documents([item("a.txt")], ExportOptions(output_dir=blocker / "sub"))
    assert summary.written == [] and summary.failed and "cannot create the folder" in summary.failed[0][1]


def test_export_plan_needs_no_qt(tmp_path):
    import subprocess
    import sys

    code = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test')
sys.meta_path.insert(0, Block())
from pathlib import Path
from desktop_app.core.export_plan import ExportItem, ExportOptions, export_documents
s = export_documents([ExportItem(None, 'a.txt', 'x\\n')], ExportOptions(output_dir=Path({str(tmp_path)!r})))
assert s.ok and s.written
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.clean.txt").read_bytes() == b"x\n"
