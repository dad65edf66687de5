"""Helpers for driving the main window in tests (no sleeps: everything waits on conditions or signals)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.gui.document import STATUS_LOADING, Document


def drop_files(window, paths, target=None) -> None:
    """Drop file URLs on the window (or on one of its widgets), as a file manager would."""
    target = target or window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    center = target.rect().center()
    # Qt delivers a drop only to the widget that accepted the drag entering it.
    enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    assert event.isAccepted()


def wait_idle(qtbot, window, timeout: int = 20_000) -> None:
    """Until every load and analysis has finished and every document's analysis is current."""
    def done() -> bool:
        docs = window.documents.documents
        return not window.busy and all(
            not d.ok or (d.status != STATUS_LOADING and d.analysed_revision == d.revision) for d in docs) \
            and not window._reanalyse_timer.isActive()
    qtbot.waitUntil(done, timeout=timeout)


def point_of(view, pos: int) -> QPoint:
    """Viewport coordinates of the character at Python offset `pos` of the current document."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.buffer.doc.offsets.to_qt(pos))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    return QPoint(rect.right() + 3, rect.center().y())


def find_doc(window, name: str) -> Document:
    return next(d for d in window.documents.documents if d.name == name)
