"""A profile pattern that cannot be used is named on stderr, and the good ones still apply."""

from __future__ import annotations


def test_bad_profile_pattern_is_named_and_skipped(run, tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[boilerplate]\npatterns = ["(unclosed", \'^Share on .*$\', "x*"]\n', encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("A real sentence stays here.\nShare on Facebook\n", encoding="utf-8")
    r = run("clean", "--profile", str(profile), str(src))
    assert r.code == 0
    assert r.text == "A real sentence stays here.\n"
    assert "'(unclosed' is skipped" in r.err and "Invalid regular expression" in r.err
    assert "'x*' is skipped" in r.err and "empty line" in r.err
    assert "Share on" not in r.err


def test_good_profile_gives_no_warning(run, tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text("[boilerplate]\npatterns = ['^Share on .*$']\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("A real sentence stays here.\n", encoding="utf-8")
    r = run("clean", "--profile", str(profile), str(src))
    assert r.code == 0 and "warning" not in r.err


def test_output_dash_is_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in.txt"
    src.write_text("Text with trailing spaces.   \n", encoding="utf-8")
    r = run("clean", str(src), "-o", "-")
    assert r.code == 0 and r.text == "Text with trailing spaces.\n"
    assert not (tmp_path / "-").exists()
