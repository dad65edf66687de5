"""Autosave of review state and the offer to restore it after a crash."""

from __future__ import annotations

import pytest
from gui_helpers import wait_idle
from PySide6.QtWidgets import QMessageBox

from desktop_app.gui.autosave import autosave_root, crashed_sessions, read_session
from desktop_app.gui.main_window import MainWindow

TEXT = "Headline   \nBody text here.\n\n\n\nMore body  \nEnd.\n"


@pytest.fixture
def make_window(qtbot):
    windows = []

    def make():
        w = MainWindow()
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        for d in w.documents.documents:
            d.saved_revision = d.revision
        w.close()
        w.deleteLater()


def test_crash_then_restore(qtbot, make_window, tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    w = make_window()
    w.open_paths([p])
    wait_idle(qtbot, w)
    doc = w.current
    def trailing():
        return [e for e in doc.proposals if e.rule == "spacing.trailing"]

    stale = trailing()[1]
    w.buffer_for(doc).accept([trailing()[0]], "accept")
    w.buffer_for(doc).reject([stale], "reject")  # moved by the accept: no longer a proposal, ignored
    assert not doc.rejected
    w.buffer_for(doc).reject([trailing()[0]], "reject")
    wait_idle(qtbot, w)
    with qtbot.waitSignal(w.autosave.saved, timeout=5000):
        w.autosave.save_now()
    saved = read_session(w.autosave.folder)
    assert saved[0].path == p and saved[0].text == doc.text
    assert saved[0].accepted["spacing.trailing"] == 1
    assert [e.rule for e in saved[0].rejected] == ["spacing.trailing"]
    # A crash: the process dies holding nothing, the folder stays behind.
    w.autosave._lock.unlock()
    w.autosave.enabled = False
    assert crashed_sessions(autosave_root()) == [w.autosave.folder]

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    w2 = make_window()
    assert w2.autosave.offer_restore() == 1
    assert asked and "did not close properly" in asked[0]
    wait_idle(qtbot, w2)
    d2 = w2.current
    assert d2.text == doc.text
    assert d2.original == TEXT
    assert d2.modified
    assert all(e.rule != "spacing.trailing" for e in d2.proposals)  # one accepted, one rejected
    assert d2.accepted["spacing.trailing"] == 1
    assert crashed_sessions(autosave_root()) == []


def test_clean_exit_leaves_nothing_to_restore(qtbot, make_window, tmp_path):
    p = tmp_path / "b.txt"
    p.write_text(TEXT, encoding="utf-8")
    w = make_window()
    w.open_paths([p])
    wait_idle(qtbot, w)
    w.accept_all()
    with qtbot.waitSignal(w.autosave.saved, timeout=5000):
        w.autosave.save_now()
    assert (w.autosave.folder / "manifest.json").exists()
    w.autosave.finish()
    assert not w.autosave.folder.exists()
    assert crashed_sessions(autosave_root()) == []


def test_live_session_is_not_offered(qtbot, make_window, tmp_path):
    p = tmp_path / "c.txt"
    p.write_text(TEXT, encoding="utf-8")
    w = make_window()
    w.open_paths([p])
    wait_idle(qtbot, w)
    w.accept_all()
    with qtbot.waitSignal(w.autosave.saved, timeout=5000):
        w.autosave.save_now()
    assert crashed_sessions(autosave_root()) == []  # its lock is held by a running window
