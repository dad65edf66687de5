"""Qt models over plain objects: the document list and the review table of the current document."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core.edits import Edit
from desktop_app.gui.document import STATUS_ANALYSING, STATUS_ERROR, STATUS_LOADING, Document
from desktop_app.gui.palette import category_swatch

_Index = QModelIndex | QPersistentModelIndex


def visible_whitespace(s: str, limit: int = 80) -> str:
    """A one-line preview of s where line breaks, tabs and edge spaces can be seen."""
    if len(s) > limit:
        s = s[: limit // 2] + " … " + s[-limit // 2:]
    s = s.replace("\n", "⏎").replace("\t", "→").replace("\u3000", "□").replace("\u00a0", "⍽")
    stripped = s.strip(" ")
    if stripped != s:
        lead = len(s) - len(s.lstrip(" "))
        trail = len(s) - len(s.rstrip(" "))
        s = "·" * lead + stripped + "·" * trail
    return s


def swatch_icon(category: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(0, 0, 0, 0))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(category_swatch(category))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pix)


class DocumentListModel(QAbstractListModel):
    """The open documents: name, status (loading, analysing, proposals pending, error reason)."""

    DocumentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.documents: list[Document] = []
        self._rows: dict[int, int] | None = None  # uid -> row, rebuilt after insertions and removals

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.documents)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.documents):
            return None
        doc = self.documents[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "• " if doc.modified else ""
            return f"{mark}{doc.name}\n{self.status_text(doc)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = str(doc.path) if doc.path else self.tr("(sample)")
            lines = [where, self.status_text(doc)]
            if doc.ok and doc.encoding:
                lines.append(self.tr("Encoding: {0} ({1:.0%} sure)").format(doc.encoding, doc.confidence))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            style = QApplication.style()
            if doc.status == STATUS_ERROR:
                return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if doc.status in (STATUS_LOADING, STATUS_ANALYSING):
                return style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
            return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if role == Qt.ItemDataRole.ForegroundRole and doc.status == STATUS_ERROR:
            return QBrush(QColor(200, 60, 40))
        if role == self.DocumentRole:
            return doc
        return None

    def status_text(self, doc: Document) -> str:
        if doc.status == STATUS_ERROR:
            return self.tr("Cannot open: {0}").format(doc.error)
        if doc.status == STATUS_LOADING:
            return self.tr("Loading…")
        if doc.status == STATUS_ANALYSING and doc.analysed_revision < 0:
            return self.tr("Analysing…")
        n = len(doc.proposals)
        done = sum(doc.accepted.values())
        parts = [self.tr("{0} to review").format(n) if n else self.tr("nothing to review")]
        if done:
            parts.append(self.tr("{0} accepted").format(done))
        if doc.encoding:
            parts.append(doc.encoding)
        if doc.replaced:
            parts.append(self.tr("{0} undecodable bytes").format(doc.replaced))
        return " · ".join(parts)

    # --- changes ------------------------------------------------------------------------------
    def add(self, docs: list[Document]) -> None:
        if not docs:
            return
        n = len(self.documents)
        self.beginInsertRows(QModelIndex(), n, n + len(docs) - 1)
        self.documents.extend(docs)
        self._rows = None
        self.endInsertRows()

    def remove(self, doc: Document) -> None:
        row = self.row_of(doc)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.documents[row]
            self._rows = None
            self.endRemoveRows()

    def row_of(self, doc: Document) -> int:
        """The document's row, or -1 once it is closed (O(1): thousands of files may be open)."""
        if self._rows is None:
            self._rows = {d.uid: i for i, d in enumerate(self.documents)}
        row = self._rows.get(doc.uid, -1)
        return row if row >= 0 and self.documents[row] is doc else -1

    def refresh(self, doc: Document) -> None:
        row = self.row_of(doc)
        if row >= 0:
            ix = self.index(row)
            self.dataChanged.emit(ix, ix)


class ReviewTableModel(QAbstractTableModel):
    """The current document's pending proposals: rule, reason, confidence, before → after."""

    COLUMNS = (QT_TRANSLATE_NOOP("ReviewTableModel", "Rule"), QT_TRANSLATE_NOOP("ReviewTableModel", "Before → After"),
               QT_TRANSLATE_NOOP("ReviewTableModel", "Confidence"), QT_TRANSLATE_NOOP("ReviewTableModel", "Reason"))
    EditRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self._edits: list[Edit] = []

    def set_document(self, doc: Document | None) -> None:
        self.beginResetModel()
        self.doc = doc
        self._edits = doc.proposals if doc is not None else []
        self.endResetModel()

    def refresh(self) -> None:
        """Proposals changed (accept, reject, new analysis): show the new list."""
        self.set_document(self.doc)

    def edit_at(self, row: int) -> Edit | None:
        return self._edits[row] if 0 <= row < len(self._edits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._edits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._edits) or self.doc is None:
            return None
        e = self._edits[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return e.rule
            if col == 1:
                before = visible_whitespace(self.doc.text[e.start:e.end], 60)
                after = visible_whitespace(e.replacement, 60) if e.replacement else self.tr("(delete)")
                return f"{before}  →  {after}"
            if col == 2:
                return f"{e.confidence:.0%}"
            if col == 3:
                return e.reason
        if role == Qt.ItemDataRole.ToolTipRole:
            before = self.doc.text[e.start:e.end]
            return self.tr("{0} ({1})\n{2}\n\nBefore: {3}\nAfter: {4}").format(
                e.rule, e.category, e.reason, visible_whitespace(before, 400),
                visible_whitespace(e.replacement, 400) if e.replacement else self.tr("(deleted)"))
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return swatch_icon(e.category)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.EditRole:
            return e
        return None
