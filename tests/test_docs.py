"""The documentation stays true: the rule catalogue is current, examples parse, links resolve.

docs/rules.md is generated from the rule registry (scripts/build_docs.py); the profile examples in
docs/profiles.md are loaded with the real profile loader; every option of the CLI appears in
docs/cli.md; the shortcuts the user guide lists are the ones the main window really has.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _build_docs():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_docs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return build_docs


def md(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def fenced_blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.S | re.M)


# --- the rule catalogue --------------------------------------------------------------------------

def test_rule_catalogue_is_current():
    text, _warnings = _build_docs().render_rules()
    current = md("rules.md")
    assert current == text, "docs/rules.md is out of date: run  python scripts/build_docs.py"


def test_rule_catalogue_lists_every_rule_and_sub_rule():
    from desktop_app.core.rules import load_all

    text = md("rules.md")
    for r in load_all().values():
        assert f"## `{r.id}` ({r.category})" in text
        assert r.summary in text
        for sub in r.sub_rules:
            assert f"`{sub}`" in text


def test_visible_marks_what_cannot_be_seen():
    bd = _build_docs()
    assert bd.visible("end.  \nnext") == "end.··\nnext"
    assert bd.visible("a\u200bb\tc\x07") == "a⟨U+200B⟩b→c⟨U+0007⟩"
    assert bd.visible("全角\u3000空白") == "全角⟨U+3000⟩空白"
    assert bd.visible("“curly” 日本語。") == "“curly” 日本語。"  # ordinary text is untouched
    assert bd.inline(" credit") == "`·credit`"
    assert bd.inline("") == "(nothing)"


def test_code_block_fence_survives_tildes():
    block = _build_docs().code_block("a ~~~ b\n")
    assert block.startswith("~~~~text\n") and block.endswith("\n~~~~\n")
    assert "a ~~~ b" in block


# --- profiles ------------------------------------------------------------------------------------

def test_profile_examples_load(tmp_path):
    """Every TOML example in docs/profiles.md is a valid profile for the real loader."""
    from desktop_app.core.profiles import load_profile

    blocks = fenced_blocks(md("profiles.md"), "toml")
    assert len(blocks) >= 2
    for i, block in enumerate(blocks):
        path = tmp_path / f"example{i}.toml"
        path.write_text(block, encoding="utf-8")
        load_profile(path)


def test_profiles_doc_covers_every_field():
    from dataclasses import fields

    from desktop_app.core.profiles import CATEGORIES, Profile

    text = md("profiles.md")
    toml_keys = {"name": "name", "apply_threshold": "apply_threshold", "thresholds": "[thresholds]",
                 "disabled_categories": "[categories]", "disabled_rules": "[rules]", "phrases": "phrases",
                 "patterns": "patterns", "drop_title": "drop_title", "options": "[options"}
    for f in fields(Profile):
        assert f.name in toml_keys, f"profile field {f.name} is new: document it in docs/profiles.md"
        assert toml_keys[f.name] in text, f"docs/profiles.md does not explain {f.name}"
    for cat in CATEGORIES:
        assert f"`{cat}`" in text


def test_documented_profile_behaves_as_described(tmp_path):
    """The main example's promises, checked against clean_text."""
    from desktop_app.core import clean_text
    from desktop_app.core.profiles import load_profile

    path = tmp_path / "site.toml"
    path.write_text(fenced_blocks(md("profiles.md"), "toml")[0], encoding="utf-8")
    profile = load_profile(path)
    text = "Subscribe to our podcast\nThe story.\nPhoto: Jane Doe\n"
    assert clean_text(text, profile) == "The story.\n"


# --- CLI reference -------------------------------------------------------------------------------

def test_cli_doc_mentions_every_option():
    import argparse

    from desktop_app.cli import build_parser

    text = md("cli.md")
    parser = build_parser()
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in subparsers[0].choices.items():
        assert f"scrubtext {name}" in text
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in text, f"docs/cli.md does not mention `scrubtext {name} {opt}`"


# --- links ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["README.md", *sorted(p.name for p in DOCS.glob("*.md"))])
def test_relative_links_resolve(page):
    path = ROOT / page if page == "README.md" else DOCS / page
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue
        file_part = target.split("#", 1)[0]
        assert (path.parent / file_part).exists(), f"{page} links to missing {target}"


# --- user guide ----------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A main window with its own settings; a message box fails the test instead of blocking it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    monkeypatch.setattr(QMessageBox, "exec", lambda box: refuse(box, box.text()))
    monkeypatch.setattr(QMessageBox, "question", refuse)
    monkeypatch.setattr(QMessageBox, "warning", refuse)
    monkeypatch.setenv("SCRUBTEXT_DATA_DIR", str(tmp_path))
    from desktop_app.gui.main_window import MainWindow

    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield win
    for d in win.documents.documents:  # reviewed but not exported: closing would ask
        d.saved_revision = d.revision
    win.close()
    win.deleteLater()



def guide_shortcuts() -> list[tuple[list[str], list[str]]]:
    """(menu path, shortcuts) from the user guide's shortcut table; platform-dependent rows left out."""
    text = md("user-guide.md")
    table = text.split("## Keyboard shortcuts", 1)[1]
    rows = []
    for action, keys in re.findall(r"^\| (\w[^|]*→[^|]*) \| ([^|]+) \|$", table, flags=re.M):
        if "usually" in keys:
            continue
        rows.append(([p.strip() for p in action.split("→")], [k.strip() for k in keys.split(" or ")]))
    return rows


def test_user_guide_shortcuts_are_the_windows(window):
    """Every shortcut the guide lists is bound to that menu item in the real main window."""
    from PySide6.QtGui import QKeySequence

    menus = {}
    for top in window.menuBar().actions():
        for act in top.menu().actions():
            if not act.isSeparator():
                menus[(top.text().replace("&", ""), act.text().replace("&", ""))] = act
    rows = guide_shortcuts()
    assert len(rows) >= 15
    for (menu, item), keys in rows:
        act = menus.get((menu, item))
        assert act is not None, f"the guide names {menu} → {item}, which the window does not have"
        bound = {s.toString(QKeySequence.SequenceFormat.PortableText) for s in act.shortcuts()}
        for key in keys:
            assert QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) in bound, (
                f"{menu} → {item}: the guide says {key}, the window has {sorted(bound)}")


def test_user_guide_names_only_real_menu_items(window):
    """Menu paths in the guide's prose (**File → Export…**) exist in the window."""
    items = set()
    for top in window.menuBar().actions():
        for act in top.menu().actions():
            items.add((top.text().replace("&", ""), act.text().replace("&", "")))
    for menu, item in re.findall(r"\*\*(File|Edit|Review|View|Tools|Help) → ([^*]+)\*\*", md("user-guide.md")):
        assert (menu, item) in items, f"the guide mentions {menu} → {item}, which the window does not have"


def _wait_settled(qtbot, window) -> None:
    """Until every load and analysis is done and each document's analysis is of its current text."""
    def settled() -> bool:
        return not window.busy and not window._reanalyse_timer.isActive() and all(
            not d.ok or d.analysed_revision == d.revision for d in window.documents.documents)
    qtbot.waitUntil(settled, timeout=30_000)


def _user_sample() -> Path:
    """The user's file, found as tests/conftest.py finds it (beside the checkout, or SCRUBTEXT_SHARED)."""
    for cand in (os.environ.get("SCRUBTEXT_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if cand and (Path(cand) / "samples" / "liveblog-ja-en.txt").exists():
            return Path(cand) / "samples" / "liveblog-ja-en.txt"
    return ROOT.parent / "shared" / "samples" / "liveblog-ja-en.txt"


SAMPLES = [ROOT / "resources" / "samples" / "scraped-ja-en.txt", _user_sample()]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_accept_confident_edits_gives_what_clean_gives(qtbot, window, sample):
    """The guide's promise: Review → Accept Confident Edits leaves the text `scrubtext clean` writes."""
    if not sample.exists():
        pytest.skip(f"{sample} is not on this machine")
    from desktop_app.core import clean_text
    from desktop_app.core.decoding import read_text_file

    window.open_paths([sample])
    _wait_settled(qtbot, window)
    doc = window.current
    for _ in range(4):  # accepting can make room for more (a blank-line run where a line was)
        if not window.accept_confident():
            break
        _wait_settled(qtbot, window)
    assert doc.text == clean_text(read_text_file(sample).text.replace("\r\n", "\n"))
    assert not [e for e in doc.proposals if window.profile.accepts(e)]
