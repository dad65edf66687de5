"""GUI test fixtures: settings and autosave isolated per test, and a main window to drive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the autosave folder point into the test's tmp_path (the user's are never touched)."""
    QCoreApplication.setOrganizationName("ScrubtextTests")
    QCoreApplication.setApplicationName("ScrubtextTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("SCRUBTEXT_DATA_DIR", str(tmp_path / "data"))
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """Offscreen, a modal message box would wait forever: an unexpected one fails the test instead.

    Tests that expect a box patch QMessageBox.exec themselves (their patch wins).
    """
    def refuse(box):
        raise AssertionError(f"unexpected modal message box: {box.text()!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def window(qtbot):
    """The real main window, shown; no unsaved-changes prompt when the test ends."""
    from desktop_app.gui.main_window import MainWindow

    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    yield w
    for d in w.documents.documents:
        d.saved_revision = d.revision
    w.close()
    w.deleteLater()
