"""The dialogs, driven offscreen: rules/profile round trip, encoding preview, export options, About."""

from __future__ import annotations

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.pipeline import clean_text
from desktop_app.core.profiles import Profile, _frozen_map, default_profile, load_profile
from desktop_app.gui.dialogs import AboutDialog, EncodingDialog, ExportDialog, RulesDialog
from desktop_app.gui.dialogs.rules_dialog import _SAME


def ok_button(dlg):
    return dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)


# --- rules dialog ----------------------------------------------------------------------------

CUSTOM = Profile(
    name="news-ja",
    apply_threshold=0.7,
    thresholds=_frozen_map({"metadata": 0.9, "boilerplate": 0.85}),
    disabled_categories=frozenset({"notice"}),
    disabled_rules=frozenset({"spacing.cjk-space", "duplicate", "future.rule"}),
    phrases=("この記事をシェアする", "Subscribe to our newsletter"),
    patterns=(r"^Photo: .*$", r"^関連記事[:：]"),
    drop_title=True,
    options=_frozen_map({"duplicate": {"min_chars": 40}}),
)


def test_rules_dialog_round_trips_a_profile_through_the_dialog_and_the_file(qtbot, tmp_path):
    dlg = RulesDialog(CUSTOM)
    qtbot.addWidget(dlg)
    assert dlg.result_profile() == CUSTOM  # unknown rule ids and options are kept
    path = tmp_path / "news.toml"
    assert dlg.save_to(path)
    assert load_profile(path) == CUSTOM

    fresh = RulesDialog(default_profile())
    qtbot.addWidget(fresh)
    assert fresh.load_from(path)
    assert fresh.result_profile() == CUSTOM


def test_rules_dialog_widgets_change_the_profile(qtbot, tmp_path):
    dlg = RulesDialog(default_profile())
    qtbot.addWidget(dlg)
    dlg._category_items["metadata"].setCheckState(0, Qt.CheckState.Unchecked)
    dlg._rule_items["spacing.trailing"].setCheckState(0, Qt.CheckState.Unchecked)
    dlg.apply_spin.setValue(0.9)
    dlg.category_spins["boilerplate"].setValue(0.6)
    dlg.category_spins["metadata"].setValue(_SAME)  # "same as general"
    qtbot.keyClicks(dlg.phrases_edit, "Read more stories")
    dlg.drop_title_check.setChecked(True)
    p = dlg.result_profile()
    assert p.disabled_categories == {"metadata"}
    assert p.disabled_rules == {"spacing.trailing"}
    assert p.apply_threshold == 0.9 and p.threshold_for("boilerplate") == 0.6
    # "Same as general" survives the built-in default's metadata override when read back from a file.
    assert dlg.save_to(tmp_path / "p.toml")
    assert load_profile(tmp_path / "p.toml").threshold_for("metadata") == 0.9
    assert p.phrases == ("Read more stories",) and p.drop_title
    # Rules under a switched-off category are greyed out, the others are not.
    meta = dlg._category_items["metadata"]
    assert meta.childCount() and all(meta.child(i).isDisabled() for i in range(meta.childCount()))
    assert not dlg._rule_items["spacing"].isDisabled()
    # ... and a rule's sub-rules when the rule is off.
    assert dlg._rule_items["spacing.trailing"].parent() is dlg._rule_items["spacing"]


def test_saved_profile_drives_the_engine(qtbot, tmp_path):
    dlg = RulesDialog(default_profile())
    qtbot.addWidget(dlg)
    dlg.phrases_edit.setPlainText("Share this story")
    dlg.patterns_edit.setPlainText(r"^Advertisement \d+$")
    assert dlg.save_to(tmp_path / "mine.toml")
    text = "First paragraph of the story.\nShare this story\nAdvertisement 12\nSecond paragraph.\n"
    cleaned = clean_text(text, load_profile(tmp_path / "mine.toml"))
    assert "Share this story" not in cleaned and "Advertisement" not in cleaned
    assert "First paragraph of the story." in cleaned and "Second paragraph." in cleaned


def test_bad_pattern_gets_an_inline_error(qtbot):
    dlg = RulesDialog(default_profile())
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.tabs.setCurrentIndex(2)
    qtbot.keyClicks(dlg.patterns_edit, "^Photo: .*$")
    qtbot.keyClick(dlg.patterns_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.patterns_edit, "(unclosed")
    qtbot.waitUntil(lambda: "Line 2" in dlg.pattern_error_label.text())
    assert [n for n, _ in dlg.pattern_errors()] == [1]
    assert not ok_button(dlg).isEnabled() and not dlg.save_button.isEnabled()
    assert len(dlg.patterns_edit.extraSelections()) == 1
    dlg.accept()  # refused while a pattern is bad
    assert dlg.result() == 0 and dlg.isVisible()
    # Fix it: the error disappears and OK comes back.
    qtbot.keyClicks(dlg.patterns_edit, ")")
    qtbot.waitUntil(lambda: dlg.pattern_error_label.text() == "")
    assert ok_button(dlg).isEnabled()
    assert dlg.result_profile().patterns == ("^Photo: .*$", "(unclosed)")


def test_pattern_matching_everything_is_refused(qtbot):
    dlg = RulesDialog(default_profile())
    qtbot.addWidget(dlg)
    dlg.patterns_edit.setPlainText(".*")
    assert not dlg.validate_patterns()
    assert "Line 1" in dlg.pattern_error_label.text()


def test_load_of_a_broken_file_is_reported_inline(qtbot, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[profile\napply_threshold = 2", encoding="utf-8")
    dlg = RulesDialog(CUSTOM)
    qtbot.addWidget(dlg)
    assert not dlg.load_from(bad)
    assert "TOML" in dlg.status_label.text()
    assert dlg.result_profile() == CUSTOM  # unchanged


def test_rules_tree_lists_registered_rules_with_examples(qtbot):
    from desktop_app.core.rules import load_all

    dlg = RulesDialog(default_profile())
    qtbot.addWidget(dlg)
    for rid, r in load_all().items():
        item = dlg._rule_items[rid]
        assert item.text(1) == r.summary  # English UI
        for sub in r.sub_rules:
            assert sub in dlg._rule_items
    with_examples = next(r for r in load_all().values() if r.examples)
    dlg.tree.setCurrentItem(dlg._rule_items[with_examples.id])
    assert with_examples.id in dlg.details.toPlainText() and "→" in dlg.details.toPlainText()


# --- encoding dialog -------------------------------------------------------------------------

JA = "ニュース速報：東京で新しい展示会が開かれました。\n入場は無料です。\n" * 20


def test_encoding_dialog_previews_each_candidate(qtbot):
    data = JA.encode("cp932")
    dlg = EncodingDialog(data, "cp1252")  # detection went wrong
    qtbot.addWidget(dlg)
    listed = [dlg.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(dlg.table.rowCount())]
    assert "cp932" in listed and listed[0] in ("cp932", "cp1252")
    dlg.select_encoding("cp932")
    assert dlg.selected_encoding() == "cp932"
    assert dlg.preview.toPlainText().startswith("ニュース速報：東京で")
    assert "Every byte decodes" in dlg.replaced_label.text()
    # The counts column fills in without blocking.
    qtbot.waitUntil(lambda: all(dlg.table.item(r, 2).text() != "…" for r in range(dlg.table.rowCount())))


def test_encoding_dialog_counts_replaced_bytes(qtbot):
    data = JA.encode("cp932")
    expected = 0
    pos = 0
    while True:  # independent count: the bytes a strict utf-8 decode rejects
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            expected += exc.end - exc.start
            pos += exc.end
    dlg = EncodingDialog(data, "cp932")
    qtbot.addWidget(dlg)
    idx = dlg.combo.findData("utf-8")
    dlg.combo.setCurrentIndex(idx)
    dlg.combo.activated.emit(idx)
    assert dlg.selected_encoding() == "utf-8"
    assert dlg.replaced_bytes("utf-8") == expected > 0
    assert f"{expected:,} bytes cannot be decoded" in dlg.replaced_label.text()
    assert "\ufffd" in dlg.preview.toPlainText()
    assert ok_button(dlg).isEnabled()


def test_encoding_dialog_preview_is_bounded(qtbot):
    data = ("line of text\n" * 200_000).encode("ascii")
    dlg = EncodingDialog(data, "utf-8")
    qtbot.addWidget(dlg)
    assert dlg.preview.document().blockCount() <= 60


# --- export dialog ---------------------------------------------------------------------------

def test_export_dialog_options_and_inline_naming_error(qtbot, tmp_path):
    dlg = ExportDialog(None, 3, True, sample_name="記事.txt")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    dlg.naming_combo.setCurrentText("{stem}.{encoding}{ext}")
    dlg.encoding_combo.setCurrentIndex(dlg.encoding_combo.findData("cp932"))
    assert "記事.cp932.txt" in dlg.name_preview.text()
    dlg.naming_combo.setCurrentText("{title}.txt")
    assert not ok_button(dlg).isEnabled() and "Unknown placeholder" in dlg.name_preview.text()
    dlg.naming_combo.setCurrentText("sub/{stem}{ext}")
    assert not ok_button(dlg).isEnabled()
    dlg.naming_combo.setCurrentText("{stem:03d}{ext}")  # would fail when formatting: refused up front
    assert not ok_button(dlg).isEnabled() and "cannot be applied" in dlg.name_preview.text()
    dlg.naming_combo.setCurrentText("{stem}{ext}")
    assert ok_button(dlg).isEnabled()
    dlg.all_radio.setChecked(True)
    dlg.newline_combo.setCurrentIndex(dlg.newline_combo.findData("crlf"))
    dlg.manifest_check.setChecked(True)
    o = dlg.options()
    assert (o.output_dir, o.scope, o.naming, o.encoding, o.newline, o.manifest, o.overwrite_inputs) == (
        tmp_path, "all", "{stem}{ext}", "cp932", "crlf", True, False)


def test_export_dialog_remembers_choices_but_not_the_overwrite_confirmation(qtbot, tmp_path):
    dlg = ExportDialog(None, 2, True)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    dlg.encoding_combo.setCurrentIndex(dlg.encoding_combo.findData("utf-8-sig"))
    dlg.newline_combo.setCurrentIndex(dlg.newline_combo.findData("keep"))
    dlg.if_exists_combo.setCurrentIndex(dlg.if_exists_combo.findData("rename"))
    dlg.manifest_check.setChecked(True)
    dlg.overwrite_check.setChecked(True)
    dlg.accept()
    first = dlg.options()

    again = ExportDialog(None, 2, True)
    qtbot.addWidget(again)
    o = again.options()
    assert o.output_dir == tmp_path and o.encoding == "utf-8-sig" and o.newline == "keep"
    assert o.if_exists == "rename" and o.manifest
    assert first.overwrite_inputs and not o.overwrite_inputs


def test_export_dialog_without_a_current_document_exports_all(qtbot):
    dlg = ExportDialog(None, 4, False)
    qtbot.addWidget(dlg)
    assert not dlg.current_radio.isEnabled() and dlg.options().scope == "all"


def test_export_dialog_refuses_a_file_as_folder(qtbot, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("x")
    dlg = ExportDialog(None, 1, True)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(f))
    assert not ok_button(dlg).isEnabled() and "not a folder" in dlg.name_preview.text()


# --- about -----------------------------------------------------------------------------------

def test_about_lists_versions_and_licences(qtbot):
    import chardet
    import ftfy
    import PySide6

    import desktop_app

    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    text = dlg.browser.toPlainText()
    for needle in (qVersion(), PySide6.__version__, chardet.__version__, ftfy.__version__, "LGPL", "Apache-2.0",
                   "MIT"):
        assert needle in text
    from PySide6.QtWidgets import QLabel

    assert f"Scrubtext {desktop_app.__version__}" in dlg.findChild(QLabel, "aboutHead").text()


def test_save_failure_is_reported_inline(qtbot, tmp_path):
    dlg = RulesDialog(CUSTOM)
    qtbot.addWidget(dlg)
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    assert not dlg.save_to(folder)
    assert "Could not save" in dlg.status_label.text() and "folder" in dlg.status_label.text()


def test_export_dialog_shows_the_plan_before_writing(qtbot, tmp_path):
    from desktop_app.core.export_plan import ExportItem

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text("x", encoding="utf-8")
    items = [ExportItem(a, "a.txt", "A\n"), ExportItem(b, "b.txt", "B\n")]
    dlg = ExportDialog(None, 2, True, items=items, current_index=1)
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    dlg.naming_combo.setCurrentText("{name}")  # the inputs' own names, in their own folder
    dlg.all_radio.setChecked(True)
    assert [p.status for p in dlg.planned()] == ["conflict", "conflict"]
    text = dlg.plan_label.text()
    assert "0 file(s) will be written" in text and "2 will not be written" in text and "a.txt" in text
    dlg.overwrite_check.setChecked(True)
    assert "2 input file(s) will be overwritten" in dlg.plan_label.text()
    dlg.current_radio.setChecked(True)
    assert [p.item.name for p in dlg.planned()] == ["b.txt"]
    dlg.naming_combo.setCurrentText("{stem}.clean{ext}")
    assert "1 file(s) will be written" in dlg.plan_label.text() and "overwritten" not in dlg.plan_label.text()
    assert "b.clean.txt" in dlg.name_preview.text()  # the sample name is the current document's


def test_fast_replaced_count_agrees_with_the_decoder(qtbot):
    from desktop_app.core.decoding import decode_bytes

    data = (JA + "Café “quoted” 😀\n").encode("cp932", "replace") + "é".encode() + b"\x81\x20ok"
    dlg = EncodingDialog(data, "cp932")
    qtbot.addWidget(dlg)
    for codec in ("utf-8", "euc_jp", "gb18030", "cp932", "big5", "utf-16-le", "iso2022_jp"):
        slow = sum(b - a for a, b in decode_bytes(data, encoding=codec).replaced)
        assert dlg.replaced_bytes(codec) == slow, codec


def test_switching_a_rule_back_on_restores_its_sub_rules(qtbot):
    dlg = RulesDialog(default_profile().replace(disabled_rules=frozenset({"spacing", "duplicate.line"})))
    qtbot.addWidget(dlg)
    spacing, trailing = dlg._rule_items["spacing"], dlg._rule_items["spacing.trailing"]
    assert spacing.checkState(0) == Qt.CheckState.Unchecked
    assert trailing.checkState(0) == Qt.CheckState.Checked and trailing.isDisabled()
    assert dlg._rule_items["duplicate.line"].checkState(0) == Qt.CheckState.Unchecked
    spacing.setCheckState(0, Qt.CheckState.Checked)
    assert not trailing.isDisabled()
    assert dlg.result_profile().disabled_rules == {"duplicate.line"}


def _answer_modal(qtbot, action):
    """Run `action(dialog)` on the next modal dialog, once it is shown (helpers call exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def attempt():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, attempt)
            return
        action(dlg)

    QTimer.singleShot(0, attempt)


def test_choose_encoding_returns_the_choice_or_none(qtbot):
    from desktop_app.gui.dialogs import choose_encoding

    data = JA.encode("cp932")

    def pick_euc(dlg):
        dlg.select_encoding("euc_jp")
        dlg.accept()

    _answer_modal(qtbot, pick_euc)
    assert choose_encoding(None, data, "cp932") == "euc_jp"
    _answer_modal(qtbot, lambda dlg: dlg.reject())
    assert choose_encoding(None, data, "cp932") is None


def test_edit_rules_and_ask_export_options_helpers(qtbot, tmp_path):
    from desktop_app.gui.dialogs import ask_export_options, edit_rules

    def disable_spacing(dlg):
        dlg._category_items["spacing"].setCheckState(0, Qt.CheckState.Unchecked)
        dlg.accept()

    _answer_modal(qtbot, disable_spacing)
    assert edit_rules(None, default_profile()).disabled_categories == {"spacing"}

    def set_folder(dlg):
        dlg.folder_edit.setText(str(tmp_path))
        dlg.accept()

    _answer_modal(qtbot, set_folder)
    assert ask_export_options(None, 1, True).output_dir == tmp_path


def test_encoding_dialog_examines_a_big_file_in_the_background(qtbot, monkeypatch):
    from desktop_app.gui.dialogs import encoding_dialog

    monkeypatch.setattr(encoding_dialog, "BACKGROUND_BYTES", 1000)
    started = []
    real = encoding_dialog.detect_candidates
    monkeypatch.setattr(encoding_dialog, "detect_candidates", lambda data: started.append(1) or real(data))
    data = JA.encode("cp932")
    dlg = EncodingDialog(data, "utf-8")  # detection went wrong
    qtbot.addWidget(dlg)
    # The dialog is up before detection is done: the current encoding is listed, the rest fills in.
    assert dlg.table.rowCount() >= 1 and dlg._codecs_listed()[0] == "utf-8"
    qtbot.waitUntil(lambda: not dlg.detecting(), timeout=20_000)
    assert started and "cp932" in dlg._codecs_listed()
    counts = {c: dlg.table.item(r, 2).text() for r, c in enumerate(dlg._codecs_listed())}
    assert "…" not in counts.values()
    expected = sum(b - a for a, b in encoding_dialog.decode_bytes(data, encoding="utf-8").replaced)
    assert counts["utf-8"] == f"{expected:,}" and expected > 0
    dlg.select_encoding("cp932")
    assert dlg.preview.toPlainText().startswith("ニュース速報")
    qtbot.waitUntil(lambda: "bytes" in dlg.replaced_label.text() or "Every" in dlg.replaced_label.text())
    dlg.reject()  # pending work is dropped with the dialog
