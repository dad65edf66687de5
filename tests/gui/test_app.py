"""`run_gui`: what `scrubtext` and `scrubtext FILE…` call."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop_app.gui.app import run_gui, ui_font
from desktop_app.gui.main_window import MainWindow


def _windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_gui_opens_the_files_and_returns_on_close(qtbot, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("hello   \n", encoding="utf-8")
    seen = []

    def check_and_close():
        wins = _windows()
        if not wins or not wins[-1].documents.documents:
            QTimer.singleShot(20, check_and_close)
            return
        w = wins[-1]
        seen.append([d.name for d in w.documents.documents])
        w.close()

    QTimer.singleShot(0, check_and_close)
    assert run_gui([str(p)]) == 0
    assert seen == [["a.txt"]]


def test_run_gui_without_files_shows_the_empty_state(qtbot):
    seen = []

    def check_and_close():
        w = _windows()[-1]
        seen.append(w.stack.currentWidget() is w.empty)
        w.close()

    QTimer.singleShot(0, check_and_close)
    assert run_gui([]) == 0
    assert seen == [True]


def test_ui_font_has_a_cjk_fallback_when_one_is_installed():
    from PySide6.QtGui import QFontDatabase

    font = ui_font(QFont("DejaVu Sans"))
    cjk = [f for f in QFontDatabase.families() if "CJK" in f or f.endswith(" JP")]
    if cjk:
        assert len(font.families()) > 1
    assert font.families()[0] == "DejaVu Sans"
