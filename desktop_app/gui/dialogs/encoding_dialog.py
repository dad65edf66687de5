"""The "Reopen with encoding…" dialog: pick the encoding a file was really written in.

It lists the encodings that decode the bytes (the decoder's candidates, likeliest first) and offers
every common encoding besides, with a live preview of the first lines decoded with the selected one
and the number of bytes that encoding cannot decode (they would become U+FFFD).

Detecting the candidates and counting undecodable bytes decode the whole file (seconds for a file of
tens of MB): above BACKGROUND_BYTES both run on the background pool (`desktop_app.gui.worker`) and
fill the table in as they finish, so the dialog opens at once and never freezes the window; the
preview decodes only the head of the file.
Usage::

    enc = choose_encoding(parent, data, current="utf-8")
    if enc:
        reopen(path, encoding=enc)
"""

from __future__ import annotations

import codecs
import re

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.decoding import DecodeError, candidate_encodings, decode_bytes
from desktop_app.gui.dialogs._common import error_color, ok_color

#: Encodings offered besides the candidates: (codec, label). Labels are translated at display time.
COMMON_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-8)")),
    ("utf-8-sig", QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-8 with BOM)")),
    ("utf-16", QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-16 with BOM)")),
    ("utf-16-le", QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-16 LE)")),
    ("utf-16-be", QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-16 BE)")),
    ("cp932", QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (Shift_JIS / cp932)")),
    ("euc_jp", QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (EUC-JP)")),
    ("iso2022_jp", QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (ISO-2022-JP)")),
    ("gb18030", QT_TRANSLATE_NOOP("EncodingDialog", "Chinese Simplified (GB18030)")),
    ("big5", QT_TRANSLATE_NOOP("EncodingDialog", "Chinese Traditional (Big5)")),
    ("cp950", QT_TRANSLATE_NOOP("EncodingDialog", "Chinese Traditional (cp950)")),
    ("euc_kr", QT_TRANSLATE_NOOP("EncodingDialog", "Korean (EUC-KR)")),
    ("cp949", QT_TRANSLATE_NOOP("EncodingDialog", "Korean (cp949)")),
    ("cp1252", QT_TRANSLATE_NOOP("EncodingDialog", "Western (Windows-1252)")),
    ("latin-1", QT_TRANSLATE_NOOP("EncodingDialog", "Western (ISO-8859-1)")),
    ("iso8859-15", QT_TRANSLATE_NOOP("EncodingDialog", "Western (ISO-8859-15)")),
    ("mac-roman", QT_TRANSLATE_NOOP("EncodingDialog", "Western (Mac Roman)")),
    ("cp1250", QT_TRANSLATE_NOOP("EncodingDialog", "Central European (Windows-1250)")),
    ("cp1251", QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic (Windows-1251)")),
    ("koi8-r", QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic (KOI8-R)")),
    ("cp1253", QT_TRANSLATE_NOOP("EncodingDialog", "Greek (Windows-1253)")),
    ("cp1254", QT_TRANSLATE_NOOP("EncodingDialog", "Turkish (Windows-1254)")),
    ("cp1255", QT_TRANSLATE_NOOP("EncodingDialog", "Hebrew (Windows-1255)")),
    ("cp1256", QT_TRANSLATE_NOOP("EncodingDialog", "Arabic (Windows-1256)")),
    ("cp874", QT_TRANSLATE_NOOP("EncodingDialog", "Thai (cp874)")),
    ("cp1258", QT_TRANSLATE_NOOP("EncodingDialog", "Vietnamese (Windows-1258)")),
)

PREVIEW_LINES = 60
PREVIEW_CHARS = 8000
PREVIEW_BYTES = 64 * 1024
#: Files larger than this are examined (candidates, byte counts) in the background.
BACKGROUND_BYTES = 256 * 1024
_ESCAPED = re.compile("[\udc80-\udcff]")  # what "surrogateescape" makes of an undecodable byte


def detect_candidates(data: bytes) -> list[tuple[str, float]]:
    """The decoder's candidate encodings for `data` (empty when detection fails; runs in a worker)."""
    try:
        return list(candidate_encodings(data))
    except Exception:  # noqa: BLE001 - detection trouble must not stop a manual choice
        return []


def count_replaced(data: bytes, codec: str) -> int:
    """How many bytes of `data` `codec` cannot decode. Raises DecodeError for an unusable codec.

    Decodes with "surrogateescape", whose undecodable bytes become one lone surrogate each, at C
    speed (a Python error handler takes seconds on a few MB of wrong guesses); when that handler
    cannot represent an error (ASCII bytes inside a bad sequence), the exact slow path is used.
    """
    try:
        text = data.decode(codec, "surrogateescape")
    except UnicodeDecodeError:
        d = decode_bytes(data, encoding=codec)
        return sum(b - a for a, b in d.replaced)
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {codec!r}") from exc
    return len(_ESCAPED.findall(text))


def _same(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return a == b


class EncodingDialog(QDialog):
    """Choose an encoding for `data`, seeing each choice's result before reopening."""

    def __init__(self, data: bytes, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen with Encoding"))
        self.setObjectName("EncodingDialog")
        self._data = bytes(data)
        self._current = current
        self._heads: dict[str, tuple[str, str | None]] = {}  # codec -> (preview, error)
        self._counts: dict[str, int] = {}  # codec -> bytes replaced (-1: unusable)
        self._counting: dict[str, object] = {}  # codec -> background Task
        self._tasks: list = []
        self._selected = current
        self._background = len(self._data) > BACKGROUND_BYTES
        self._detect_pending = True  # until the candidates are listed

        intro = QLabel(self.tr("The file was read as <b>{0}</b>. If the text looks wrong, choose the encoding "
                               "it was written in; the preview shows the result.").format(current))
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Encoding"), self.tr("Likelihood"),
                                              self.tr("Bytes replaced")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.table.itemDoubleClicked.connect(lambda *_: self.accept())

        self.combo = QComboBox()
        self.combo.setObjectName("otherEncodings")
        self.combo.addItem(self.tr("Other encoding…"), None)
        for codec, label in COMMON_ENCODINGS:
            self.combo.addItem(f"{self.tr(label)} — {codec}", codec)
        self.combo.activated.connect(self._on_combo)
        other = QHBoxLayout()
        other_label = QLabel(self.tr("&All encodings:"))
        other_label.setBuddy(self.combo)
        other.addWidget(other_label)
        other.addWidget(self.combo, 1)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.replaced_label = QLabel()
        self.replaced_label.setObjectName("replacedLabel")
        self.replaced_label.setWordWrap(True)
        self.detect_label = QLabel()
        self.detect_label.setObjectName("detectLabel")

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 1)
        left_lay.addWidget(self.detect_label)
        left_lay.addLayout(other)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("&Preview:"))
        preview_label.setBuddy(self.preview)
        right_lay.addWidget(preview_label)
        right_lay.addWidget(self.preview, 1)
        right_lay.addWidget(self.replaced_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setSizes([340, 560])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Reopen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

        # Counting replaced bytes decodes the whole file: for a small file one row per event-loop
        # turn; a big one is counted in the background.
        self._pending_rows: list[int] = []
        self._count_timer = QTimer(self)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_next)
        if self._background:
            from desktop_app.gui.worker import run_in_background

            self._add_row(current, -1.0)
            self.detect_label.setText(self.tr("Detecting the likeliest encodings…"))
            data = self._data
            self._tasks.append(run_in_background(lambda: detect_candidates(data), self._set_candidates,
                                                 lambda _exc, _tb: self._set_candidates([])))
        else:
            self.detect_label.hide()
            self._set_candidates(detect_candidates(self._data))
        self.select_encoding(current)
        self.resize(920, 560)

    # --- public ----------------------------------------------------------------------------
    def selected_encoding(self) -> str:
        """The encoding currently chosen (a Python codec name)."""
        return self._selected

    def select_encoding(self, codec: str) -> None:
        """Choose `codec` (selecting its row, or adding it), and preview it."""
        for row in range(self.table.rowCount()):
            if _same(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole), codec):
                self.table.selectRow(row)
                self._preview(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
                return
        self.table.clearSelection()
        self._preview(codec)

    def replaced_bytes(self, codec: str) -> int:
        """How many bytes `codec` cannot decode (they become U+FFFD); -1 for an unusable codec.

        Computed now if no count is known yet (on the calling thread)."""
        if codec not in self._counts:
            self._store_count(codec, self._count(codec))
        return self._counts[codec]

    def detecting(self) -> bool:
        """Whether candidates or byte counts are still being worked out in the background."""
        return self._detect_pending or bool(self._counting) or bool(self._pending_rows)

    def done(self, result: int) -> None:
        for task in self._tasks:
            task.cancel()  # their results would arrive after the dialog is gone
        self._count_timer.stop()
        super().done(result)

    # --- internals -------------------------------------------------------------------------
    def _codecs_listed(self) -> list[str]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())]

    def _set_candidates(self, candidates: list[tuple[str, float]]) -> None:
        """Rows for the candidates (likeliest first), the current encoding first when not among them."""
        if not shiboken6.isValid(self):
            return
        self._detect_pending = False
        self.detect_label.hide()
        listed = self._codecs_listed()
        if not any(_same(c, self._current) for c, _ in candidates) and not any(
                _same(c, self._current) for c in listed):
            candidates = [(self._current, -1.0), *candidates]
        for codec, conf in candidates:
            row = next((r for r, c in enumerate(listed) if _same(c, codec)), None)
            if row is None:
                self._add_row(codec, conf)
            elif conf >= 0:
                self.table.item(row, 1).setText(f"{conf:.0%}")
        rows = [r for r in range(self.table.rowCount()) if self.table.item(r, 2).text() == "…"]
        if self._background:
            for r in rows:
                self._count_in_background(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole))
        else:
            self._pending_rows = rows
            self._count_timer.start()

    def _count_in_background(self, codec: str) -> None:
        if codec in self._counts or codec in self._counting:
            return
        from desktop_app.gui.worker import run_in_background

        data = self._data
        task = run_in_background(lambda: self._count_or_unusable(data, codec),
                                 lambda n: self._on_counted(codec, n),
                                 lambda _exc, _tb: self._on_counted(codec, -1))
        self._counting[codec] = task
        self._tasks.append(task)

    @staticmethod
    def _count_or_unusable(data: bytes, codec: str) -> int:
        try:
            return count_replaced(data, codec)
        except DecodeError:
            return -1

    def _on_counted(self, codec: str, n: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._counting.pop(codec, None)
        self._store_count(codec, n)
        if _same(codec, self._selected):
            self._preview(self._selected)

    def _store_count(self, codec: str, n: int) -> None:
        self._counts[codec] = n
        for row, c in enumerate(self._codecs_listed()):
            if c == codec:
                self.table.item(row, 2).setText(self.tr("unusable") if n < 0 else f"{n:,}")

    def _add_row(self, codec: str, conf: float) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(codec + ("  " + self.tr("(current)") if _same(codec, self._current) else ""))
        name.setData(Qt.ItemDataRole.UserRole, codec)
        if _same(codec, self._current):
            f = QFont(name.font())
            f.setBold(True)
            name.setFont(f)
        likely = QTableWidgetItem("—" if conf < 0 else f"{conf:.0%}")
        likely.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        count = QTableWidgetItem("…")
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, likely)
        self.table.setItem(row, 2, count)

    def _count_next(self) -> None:
        if not self._pending_rows:
            self._count_timer.stop()
            return
        row = self._pending_rows.pop(0)
        self.replaced_bytes(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def _head(self, codec: str) -> tuple[str, str | None]:
        """(preview text, error) for `codec`, cached: only the head of the file (PREVIEW_BYTES) is decoded."""
        if codec not in self._heads:
            try:
                head = decode_bytes(self._data[:PREVIEW_BYTES], encoding=codec).text
                if len(self._data) > PREVIEW_BYTES and "\n" in head:
                    head = head[:head.rindex("\n")]  # the cut may split a character: drop that line
                self._heads[codec] = (head, None)
            except DecodeError as exc:
                self._heads[codec] = ("", str(exc))
        return self._heads[codec]

    def _count(self, codec: str) -> int:
        try:
            return count_replaced(self._data, codec)
        except DecodeError:
            return -1

    def _preview(self, codec: str) -> None:
        self._selected = codec
        text, error = self._head(codec)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if error:
            self.preview.setPlainText("")
            self._set_message(self.tr("{0} cannot be used: {1}").format(codec, error), bad=True)
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        head = text[:PREVIEW_CHARS]
        lines = head.split("\n")[:PREVIEW_LINES]
        self.preview.setPlainText("\n".join(lines))
        if codec not in self._counts:
            if self._background:
                self._count_in_background(codec)
                self._set_message(self.tr("Counting the bytes {0} cannot decode…").format(codec), bad=False)
                return
            self._store_count(codec, self._count(codec))
        replaced = self._counts[codec]
        if replaced < 0:
            self._set_message(self.tr("{0} cannot decode this file.").format(codec), bad=True)
        elif replaced:
            self._set_message(self.tr("{0} bytes cannot be decoded as {1} and would be replaced by �.")
                              .format(f"{replaced:,}", codec), bad=True)
        else:
            self._set_message(self.tr("Every byte decodes as {0}.").format(codec), bad=False)

    def _set_message(self, text: str, bad: bool) -> None:
        color = error_color(self) if bad else ok_color(self)
        from html import escape

        self.replaced_label.setText(f'<span style="color:{color.name()}">{escape(text)}</span>')

    def _on_table_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.combo.setCurrentIndex(0)
            self._preview(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _on_combo(self, index: int) -> None:
        codec = self.combo.itemData(index)
        if codec:
            self.table.blockSignals(True)
            self.table.clearSelection()
            self.table.blockSignals(False)
            self._preview(codec)


def choose_encoding(parent: QWidget | None, data: bytes, current: str) -> str | None:
    """Ask which encoding to reopen `data` with: the chosen codec, or None when cancelled."""
    dlg = EncodingDialog(data, current, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.selected_encoding()


__all__ = ["COMMON_ENCODINGS", "EncodingDialog", "choose_encoding"]
