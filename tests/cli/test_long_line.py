"""A line too long to review is refused with a clear reason; the other inputs are still cleaned."""

import json
import subprocess
import sys

from desktop_app.core import textlines


def test_giant_line_refused_others_cleaned(tmp_path):
    # A small limit through a tiny wrapper keeps the test fast; the CLI path is the real one.
    big = tmp_path / "in" / "dump.txt"
    big.parent.mkdir()
    big.write_text("x" * 3000, encoding="utf-8")
    ok = tmp_path / "in" / "page.txt"
    ok.write_text("A normal line.   \n", encoding="utf-8")
    code = (f"import desktop_app.core.textlines as t, desktop_app.core.batch as b; t.MAX_LINE_CHARS = 1000; "
            f"b.MAX_LINE_CHARS = 1000; import sys; from desktop_app.cli import main; "
            f"sys.exit(main(['clean', '--jobs', '1', {str(big.parent)!r}, '-o', {str(tmp_path / 'out')!r}, "
            f"'--report', {str(tmp_path / 'r.json')!r}]))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "dump.txt" in r.stderr and "longer than 1,000 characters" in r.stderr
    assert "Traceback" not in r.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == "A normal line.\n"
    assert not (tmp_path / "out" / "dump.txt").exists()
    assert "dump.txt" in json.dumps(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")))


def test_limit_check_is_exact():
    assert not textlines.has_line_longer_than("a" * 10 + "\n" + "b" * 10, 10)
    assert textlines.has_line_longer_than("a" * 10 + "\n" + "b" * 11, 10)
