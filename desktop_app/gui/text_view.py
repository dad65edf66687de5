"""TextView: the editor, with every proposed edit highlighted in its category's colour.

Only edits intersecting the visible blocks get an ExtraSelection, recomputed after scrolling, resizing
or a change of proposals, so a 20 MB text with a hundred thousand proposals costs what one screen
costs. Clicking a highlight selects that proposal; the context menu is built by the window.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from desktop_app.gui.buffer import DocumentBuffer
from desktop_app.gui.palette import category_color, category_swatch

#: At most this many highlights are drawn at once (a screen rarely shows more than a few dozen).
MAX_VISIBLE_HIGHLIGHTS = 2000


class TextView(QPlainTextEdit):
    """The text of the current document with its proposals highlighted."""

    #: A proposal was clicked (its index in doc.proposals), or -1 when a click hit no proposal.
    proposalClicked = Signal(int)
    #: Right-click: proposal index under the mouse (or -1) and the global position.
    contextMenuWanted = Signal(int, QPoint)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.buffer: DocumentBuffer | None = None
        self.selected_index: int | None = None
        self.passthrough_shortcuts: list[QKeySequence] = []
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.setTabChangesFocus(False)
        self._press_pos: QPoint | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh_highlights)
        self.verticalScrollBar().valueChanged.connect(self.schedule_refresh)
        self.horizontalScrollBar().valueChanged.connect(self.schedule_refresh)
        self.updateRequest.connect(self._on_update_request)
        self.visible_highlights = 0

    # --- document -----------------------------------------------------------------------------
    def set_buffer(self, buffer: DocumentBuffer | None) -> None:
        if self.buffer is not None and shiboken6.isValid(self.buffer):
            self.buffer.documentReplaced.disconnect(self._on_document_replaced)
        self.buffer = buffer
        self.selected_index = None
        if buffer is None:
            self.setPlainText("")
            self.setReadOnly(True)
            return
        buffer.documentReplaced.connect(self._on_document_replaced)
        self.setDocument(buffer.qdoc)
        self.setReadOnly(False)
        self.schedule_refresh()

    def _on_document_replaced(self) -> None:
        """The buffer swapped in a document built in the background: same text, same place on screen."""
        if self.buffer is None:
            return
        cursor = self.textCursor()
        anchor, pos = cursor.anchor(), cursor.position()
        top = self.verticalScrollBar().value()
        left = self.horizontalScrollBar().value()
        self.setDocument(self.buffer.qdoc)
        cursor = self.textCursor()
        last = self.buffer.qdoc.characterCount() - 1
        cursor.setPosition(min(anchor, last))
        cursor.setPosition(min(pos, last), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(top)
        self.horizontalScrollBar().setValue(left)
        self.schedule_refresh()

    def schedule_refresh(self, *_args) -> None:
        if not self._refresh.isActive():
            self._refresh.start()

    def _on_update_request(self, _rect, dy: int) -> None:
        if dy:
            self.schedule_refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.schedule_refresh()  # light/dark switched: highlight colours follow

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.schedule_refresh()

    # --- highlights ---------------------------------------------------------------------------
    def visible_range(self) -> tuple[int, int]:
        """Qt positions of the first and last visible characters (a margin of one screen)."""
        block = self.firstVisibleBlock()
        top = block.position()
        bottom_cursor = self.cursorForPosition(QPoint(self.viewport().width() - 1, self.viewport().height() - 1))
        last = bottom_cursor.block()
        end = last.position() + last.length()
        span = max(end - top, 2000)
        return max(0, top - span), end + span

    def refresh_highlights(self) -> None:
        buffer = self.buffer
        if buffer is None:
            self.setExtraSelections([])
            return
        doc = buffer.doc
        qs, qe = self.visible_range()
        offsets = doc.offsets
        lo, hi = offsets.to_py(qs), offsets.to_py(qe)
        selections = []
        fmt_cache: dict[tuple[str, bool], QTextCharFormat] = {}
        indices = doc.proposals_between(lo, hi)
        if len(indices) > MAX_VISIBLE_HIGHLIGHTS:
            indices = range(indices.start, indices.start + MAX_VISIBLE_HIGHLIGHTS)
        for i in indices:
            e = doc.proposals[i]
            selected = i == self.selected_index
            deletion = e.replacement == "" and e.category in ("boilerplate", "duplicate", "metadata")
            # A one- or two-character fix (a mojibake letter) is easy to miss as a tint alone.
            tiny = e.end - e.start <= 2 and not doc.text[e.start:e.end].isspace()
            key = (e.category, selected, deletion, tiny)
            fmt = fmt_cache.get(key)
            if fmt is None:
                fmt = QTextCharFormat()
                fmt.setBackground(category_color(e.category, selected=selected or tiny, palette=self.palette()))
                if selected or tiny:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(category_swatch(e.category) if not selected else self.palette().text().color())
                if deletion:  # a line or passage that would go: struck through
                    fmt.setFontStrikeOut(True)
                fmt_cache[key] = fmt
            start, end = offsets.to_qt(e.start), offsets.to_qt(e.end)
            if start == end:  # an insertion: mark the character after it
                end = start + 1
            selections.append(self._selection(buffer, start, end, fmt))
        self.visible_highlights = len(selections)
        notice_fmt = QTextCharFormat()
        notice_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        notice_fmt.setUnderlineColor(category_swatch("notice"))
        for n in doc.notices:
            if n.end >= lo and n.start <= hi:
                notice_fmt.setToolTip(n.message)
                selections.append(self._selection(buffer, offsets.to_qt(n.start), offsets.to_qt(max(n.end, n.start + 1)),
                                                  QTextCharFormat(notice_fmt)))
        self.setExtraSelections(selections)

    @staticmethod
    def _selection(buffer: DocumentBuffer, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(buffer.qdoc)
        last = buffer.qdoc.characterCount() - 1
        cursor.setPosition(min(start, last))
        cursor.setPosition(min(end, last), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def select_proposal(self, index: int | None, *, scroll: bool = True) -> None:
        """Mark proposal `index` as the selected one and bring it into view."""
        self.selected_index = index
        if index is not None and self.buffer is not None and 0 <= index < len(self.buffer.doc.proposals):
            e = self.buffer.doc.proposals[index]
            if scroll:
                cursor = self.textCursor()
                cursor.setPosition(self.buffer.doc.offsets.to_qt(e.start))
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
        self.refresh_highlights()

    # --- mouse --------------------------------------------------------------------------------
    def proposal_at_point(self, point: QPoint) -> int | None:
        if self.buffer is None:
            return None
        pos = self.cursorForPosition(point).position()
        doc = self.buffer.doc
        i = doc.proposal_at(doc.offsets.to_py(pos))
        if i is None and pos > 0:  # the click landed just after the last character of an edit
            j = doc.proposal_at(doc.offsets.to_py(pos - 1))
            if j is not None and doc.proposals[j].end == doc.offsets.to_py(pos):
                i = j
        return i

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        point = event.position().toPoint()
        if (point - self._press_pos).manhattanLength() > 4 or self.textCursor().hasSelection():
            return
        i = self.proposal_at_point(point)
        self.proposalClicked.emit(-1 if i is None else i)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        i = self.proposal_at_point(event.pos())
        self.contextMenuWanted.emit(-1 if i is None else i, event.globalPos())

    # --- drops --------------------------------------------------------------------------------
    @staticmethod
    def _has_files(event) -> bool:
        mime = event.mimeData()
        return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._has_files(event):
            event.ignore()  # files dropped on the text are opened by the window, not pasted as paths
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._has_files(event):
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._has_files(event):
            event.ignore()
            return
        super().dropEvent(event)

    # --- keys ---------------------------------------------------------------------------------
    def event(self, event) -> bool:
        # Undo/redo and the review shortcuts belong to the window's actions, not the text control.
        if event.type() == QEvent.Type.ShortcutOverride:
            combo = QKeySequence(event.keyCombination())
            if (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                    or any(combo.matches(s) == QKeySequence.SequenceMatch.ExactMatch
                           for s in self.passthrough_shortcuts)):
                event.ignore()
                return False
        return super().event(event)


