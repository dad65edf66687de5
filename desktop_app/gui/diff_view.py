"""The diff view: the original text beside the current one, with every change marked.

Side by side, aligned row for row: a removed line faces an empty, hatched filler row; a changed
line faces its new version, with the changed characters marked more strongly. Next/previous change
navigation (Alt+Down / Alt+Up) moves both sides together.

Large texts: the diff is computed by `compute_diff`, a pure function run in a worker thread through
`desktop_app.gui.worker`; a newer `set_texts` drops an older result. The work is bounded: lines are
aligned by a patience diff (anchored on lines unique to both sides, O(n log n)), difflib refines only
the gaps between anchors whose size product is under GAP_DIFF_LIMIT, and a character diff is only
run on line pairs shorter than CHAR_DIFF_MAX_LINE characters that are similar enough to be worth it. Painting is bounded too: highlights (QTextEdit.ExtraSelection) are
made only for the rows on screen and remade on scroll, so a few-MB text costs no more to show
than a short one.
"""

from __future__ import annotations

import difflib
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

from PySide6.QtCore import QSignalBlocker, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Row kinds, one per side of each row.
SAME, CHANGED, SOLO, FILLER = 0, 1, 2, 3  # SOLO: removed (left side) or added (right side)

CHAR_DIFF_MAX_LINE = 4000  # longer changed lines are marked whole
CHAR_DIFF_MIN_RATIO = 0.3  # less similar pairs are marked whole: a character diff would be noise


@dataclass
class DiffResult:
    """An aligned side-by-side diff; row i is line i of both `left_text` and `right_text`.

    left_kinds/right_kinds: SAME, CHANGED, SOLO or FILLER for each row.
    char_spans:  row -> (left spans, right spans) of changed characters, (start, end) in the row.
    hunks:       first row of each change block, in order.
    removed/added/changed: line counts for the summary.
    """

    left_text: str = ""
    right_text: str = ""
    left_kinds: array = field(default_factory=lambda: array("b"))
    right_kinds: array = field(default_factory=lambda: array("b"))
    char_spans: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=dict)
    hunks: list[int] = field(default_factory=list)
    removed: int = 0
    added: int = 0
    changed: int = 0
    documents: tuple = ()  # (left, right) QTextDocuments filled in the worker, adopted by the view

    @property
    def rows(self) -> int:
        return len(self.left_kinds)


def _lines(text: str) -> list[str]:
    # Lines without their ending; a "\r" of CRLF is not part of what is compared or shown.
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def _char_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    if len(a) > CHAR_DIFF_MAX_LINE or len(b) > CHAR_DIFF_MAX_LINE:
        return None
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < CHAR_DIFF_MIN_RATIO or sm.quick_ratio() < CHAR_DIFF_MIN_RATIO:
        return None
    left: list[tuple[int, int]] = []
    right: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            left.append((i1, i2))
        if j2 > j1:
            right.append((j1, j2))
    return left, right


GAP_DIFF_LIMIT = 250_000  # a gap between anchors is diffed by difflib only if len(a) * len(b) is below this


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _loose(line: str) -> str:
    """A line's key for loose anchoring: whitespace runs collapsed, invisible characters dropped."""
    return " ".join(line.translate(_INVISIBLE).split())


def _unique_anchors(a: list, alo: int, ahi: int, b: list, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Patience anchors: keys occurring exactly once in both ranges, longest run in the same order."""
    count: dict = {}
    for i in range(alo, ahi):
        entry = count.get(a[i])
        if entry is None:
            count[a[i]] = [1, i, 0, -1]
        else:
            entry[0] += 1
    for j in range(blo, bhi):
        entry = count.get(b[j])
        if entry is not None:
            entry[2] += 1
            entry[3] = j
    pairs = [(e[1], e[3]) for key, e in count.items() if e[0] == 1 and e[2] == 1 and key != ""]
    if not pairs:
        return []
    pairs.sort()
    # Longest increasing subsequence of the b indices (patience sorting), O(n log n).
    tails: list[int] = []  # tails[k]: index into pairs of the smallest tail of an increasing run of length k+1
    prev = [-1] * len(pairs)
    tail_js: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tail_js, j)
        if pos == len(tail_js):
            tail_js.append(j)
            tails.append(k)
        else:
            tail_js[pos] = j
            tails[pos] = k
        prev[k] = tails[pos - 1] if pos else -1
    out = []
    k = tails[-1]
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    out.reverse()
    return out


def _matching_lines(a: list[str], b: list[str], cancel=None) -> list[tuple[int, int, bool]]:
    """Aligned line pairs (i, j, exact), increasing in both: a patience diff, loosened where needed.

    In each range, after its common head and tail: lines unique to both sides anchor the alignment
    (patience diff; scraped pages are full of repeated furniture lines, on which difflib alone is
    quadratic or, with its "autojunk", blind). Without such a line, lines that are unique and equal
    once whitespace and invisible characters are ignored anchor it as changed pairs (cleaning
    touches exactly those, often on every line). Small ranges left are refined by difflib; a large
    range without any anchor is shown as one replacement.
    """
    matches: list[tuple[int, int, bool]] = []
    loose_a: list[str] | None = None
    loose_b: list[str] | None = None
    stack = [(0, len(a), 0, len(b))]
    steps = 0
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        steps += 1
        if cancel is not None and steps % 256 == 0 and cancel.is_set():
            return []
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            matches.append((alo, blo, True))
            alo += 1
            blo += 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
            matches.append((ahi, bhi, True))
        if alo >= ahi or blo >= bhi:
            continue
        exact = True
        anchors = _unique_anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            if loose_a is None:
                loose_a, loose_b = [_loose(x) for x in a], [_loose(x) for x in b]
            anchors = _unique_anchors(loose_a, alo, ahi, loose_b, blo, bhi)
            exact = False
        if anchors:
            pi, pj = alo, blo
            for i, j in anchors:
                matches.append((i, j, exact))
                stack.append((pi, i, pj, j))
                pi, pj = i + 1, j + 1
            stack.append((pi, ahi, pj, bhi))
        elif (ahi - alo) * (bhi - blo) <= GAP_DIFF_LIMIT:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, n in sm.get_matching_blocks():
                matches.extend((alo + i + k, blo + j + k, True) for k in range(n))
    matches.sort()
    return matches


def _opcodes(matches: list[tuple[int, int, bool]], na: int, nb: int) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes from increasing aligned pairs; a loose pair is a one-line "replace"."""
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    k = 0
    n = len(matches)
    while k <= n:
        mi, mj, exact = matches[k] if k < n else (na, nb, True)
        if mi > i or mj > j:
            tag = "replace" if mi > i and mj > j else ("delete" if mi > i else "insert")
            ops.append((tag, i, mi, j, mj))
        if k == n:
            break
        if not exact:
            ops.append(("replace", mi, mi + 1, mj, mj + 1))
            i, j = mi + 1, mj + 1
            k += 1
            continue
        # Extend a run of consecutive exact matches into one equal block.
        e = k
        while e + 1 < n and matches[e + 1] == (matches[e][0] + 1, matches[e][1] + 1, True):
            e += 1
        size = e - k + 1
        ops.append(("equal", mi, mi + size, mj, mj + size))
        i, j = mi + size, mj + size
        k = e + 1
    return ops


def compute_diff(original: str, current: str, cancel=None) -> DiffResult | None:
    """Align `original` and `current` line by line and mark what changed (Qt-free; runs in a worker).

    `cancel` (a threading.Event) is polled as it goes; a cancelled run returns None.
    """
    a = _lines(original)
    b = _lines(current)
    matches = _matching_lines(a, b, cancel)
    if cancel is not None and cancel.is_set():
        return None
    opcodes = _opcodes(matches, len(a), len(b))

    res = DiffResult()
    left: list[str] = []
    right: list[str] = []
    lk, rk = res.left_kinds, res.right_kinds
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if cancel is not None and n % 64 == 0 and cancel.is_set():
            return None
        if tag == "equal":
            left += a[i1:i2]
            right += b[j1:j2]
            lk.extend([SAME] * (i2 - i1))
            rk.extend([SAME] * (j2 - j1))
            continue
        if not lk or lk[-1] == SAME and rk[-1] == SAME:
            res.hunks.append(len(lk))  # adjacent blocks (a loose pair and a removal) are one change
        na, nb = i2 - i1, j2 - j1
        pairs = min(na, nb) if tag == "replace" else 0
        for k in range(max(na, nb)):
            row = len(lk)
            la = a[i1 + k] if k < na else None
            lb = b[j1 + k] if k < nb else None
            left.append(la if la is not None else "")
            right.append(lb if lb is not None else "")
            if k < pairs:
                lk.append(CHANGED)
                rk.append(CHANGED)
                res.changed += 1
                spans = _char_spans(la, lb)
                if spans is not None:
                    res.char_spans[row] = spans
            else:
                lk.append(SOLO if la is not None else FILLER)
                rk.append(SOLO if lb is not None else FILLER)
                res.removed += la is not None
                res.added += lb is not None
    res.left_text = "\n".join(left)
    res.right_text = "\n".join(right)
    return res


def _utf16(line: str, i: int) -> int:
    """Qt position (UTF-16 units) of Python index `i` in `line`: astral characters count twice."""
    head = line[:i]
    return i + sum(1 for ch in head if ord(ch) > 0xFFFF) if not head.isascii() else i


class _Pane(QPlainTextEdit):
    """One read-only side of the diff."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)


class DiffView(QWidget):
    """Original vs current, side by side, with next/previous change navigation."""

    diff_ready = Signal()  # a diff for the latest set_texts is shown
    change_selected = Signal(int)  # index of the change navigated to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DiffView")
        self.result: DiffResult | None = None
        self._task = None
        self._generation = 0
        self._current = -1
        self._documents: tuple = ()

        self.left = _Pane()
        self.left.setObjectName("diffOriginal")
        self.right = _Pane()
        self.right.setObjectName("diffCurrent")
        self.left_title = QLabel(self.tr("Original"))
        self.right_title = QLabel(self.tr("Current"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("diffSummary")
        self.position_label = QLabel()
        self.position_label.setObjectName("diffPosition")

        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("◀ Previous change"))
        self.prev_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.prev_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up))
        self.prev_button.setToolTip(self.tr("Previous change (Alt+Up)"))
        self.prev_button.clicked.connect(self.previous_change)
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next change ▶"))
        self.next_button.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down))
        self.next_button.setToolTip(self.tr("Next change (Alt+Down)"))
        self.next_button.clicked.connect(self.next_change)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.position_label)
        bar.addStretch(1)
        bar.addWidget(self.summary_label)

        lcol = QWidget()
        ll = QVBoxLayout(lcol)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.left_title)
        ll.addWidget(self.left, 1)
        rcol = QWidget()
        rl = QVBoxLayout(rcol)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.right_title)
        rl.addWidget(self.right, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lcol)
        self.splitter.addWidget(rcol)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        # Both sides scroll together; highlights are remade for the rows on screen after a scroll.
        self._syncing = False
        for src, dst in ((self.left, self.right), (self.right, self.left)):
            src.verticalScrollBar().valueChanged.connect(lambda v, d=dst: self._sync(d.verticalScrollBar(), v))
            src.horizontalScrollBar().valueChanged.connect(
                lambda v, d=dst: self._sync(d.horizontalScrollBar(), v))
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._highlight_visible)
        for pane in (self.left, self.right):
            pane.verticalScrollBar().valueChanged.connect(self._paint_timer.start)
            pane.updateRequest.connect(self._on_update_request)
        self._update_navigation()

    # --- public ----------------------------------------------------------------------------
    def set_texts(self, original: str, current: str) -> None:
        """Show the diff of `original` against `current` (computed in the background)."""
        from desktop_app.gui.worker import run_in_background

        self._generation += 1
        gen = self._generation
        if self._task is not None:
            self._task.cancel()
        self.summary_label.setText(self.tr("Comparing…"))

        fonts = (QFont(self.left.font()), QFont(self.right.font()))
        ui_thread = QThread.currentThread()

        def op(cancel):
            res = compute_diff(original, current, cancel)
            if res is None:
                return None
            # QTextDocument is reentrant: filling it here keeps the UI thread free; the pane only
            # has to adopt the finished document.
            docs = []
            for text, font in ((res.left_text, fonts[0]), (res.right_text, fonts[1])):
                doc = QTextDocument()
                doc.setDefaultFont(font)
                doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
                doc.setUndoRedoEnabled(False)
                doc.setPlainText(text)
                doc.moveToThread(ui_thread)
                docs.append(doc)
            res.documents = tuple(docs)
            return res

        self._task = run_in_background(op, lambda res: self._show(gen, res),
                                       lambda exc, tb: self._failed(gen, exc))

    def is_busy(self) -> bool:
        return self._task is not None

    def change_count(self) -> int:
        return len(self.result.hunks) if self.result else 0

    def current_change(self) -> int:
        """Index of the change navigated to last (-1 before any navigation)."""
        return self._current

    def next_change(self) -> None:
        """Go to the first change below the top of the view (or after the current one)."""
        if not self.change_count():
            return
        hunks = self.result.hunks
        if self._current >= 0:
            target = min(self._current + 1, len(hunks) - 1)
        else:
            top = self.left.firstVisibleBlock().blockNumber()
            target = next((i for i, r in enumerate(hunks) if r >= top), len(hunks) - 1)
        self.go_to_change(target)

    def previous_change(self) -> None:
        if not self.change_count():
            return
        if self._current >= 0:
            target = max(self._current - 1, 0)
        else:
            top = self.left.firstVisibleBlock().blockNumber()
            target = max((i for i, r in enumerate(self.result.hunks) if r < top), default=0)
        self.go_to_change(target)

    def go_to_change(self, index: int) -> None:
        """Scroll both sides to change `index` and select its first row."""
        if not self.change_count():
            return
        index = max(0, min(index, self.change_count() - 1))
        self._current = index
        row = self.result.hunks[index]
        for pane in (self.left, self.right):
            cursor = QTextCursor(pane.document().findBlockByNumber(row))
            pane.setTextCursor(cursor)
        self.left.centerCursor()
        self._sync(self.right.verticalScrollBar(), self.left.verticalScrollBar().value())
        self._update_navigation()
        self._highlight_visible()
        self.change_selected.emit(index)

    # --- internals -------------------------------------------------------------------------
    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._task = None
            self.summary_label.setText(self.tr("The comparison failed: {0}").format(exc))

    def _show(self, gen: int, res: DiffResult | None) -> None:
        if gen != self._generation or res is None:
            return  # a newer set_texts is on its way
        self._task = None
        self.result = res
        self._current = -1
        with QSignalBlocker(self.left.verticalScrollBar()), QSignalBlocker(self.right.verticalScrollBar()):
            if res.documents:
                old = self._documents
                self.left.setDocument(res.documents[0])
                self.right.setDocument(res.documents[1])
                self._documents = res.documents  # the panes do not own documents set on them
                res.documents = ()
                del old
            else:
                self.left.setPlainText(res.left_text)
                self.right.setPlainText(res.right_text)
        if res.hunks:
            self.summary_label.setText(
                self.tr("{0} changes: {1} lines removed, {2} added, {3} changed").format(
                    len(res.hunks), res.removed, res.added, res.changed))
        else:
            self.summary_label.setText(self.tr("No changes."))
        self._update_navigation()
        self._highlight_visible()
        self.diff_ready.emit()

    def _sync(self, bar, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            bar.setValue(value)
        finally:
            self._syncing = False

    def _on_update_request(self, _rect, dy: int) -> None:
        if dy:
            self._paint_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._paint_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._paint_timer.start()

    def _update_navigation(self) -> None:
        n = self.change_count()
        self.prev_button.setEnabled(n > 0 and self._current != 0)
        self.next_button.setEnabled(n > 0 and self._current < n - 1)
        if n == 0:
            self.position_label.setText("")
        elif self._current < 0:
            self.position_label.setText(self.tr("{0} changes").format(n))
        else:
            self.position_label.setText(self.tr("Change {0} of {1}").format(self._current + 1, n))

    def colors(self) -> dict[str, QColor]:
        """Highlight colours: translucent hues that read over light and dark bases alike."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        a_line, a_char = (70, 150) if dark else (45, 110)
        return {
            "removed": QColor(213, 60, 60, a_line), "removed_char": QColor(213, 60, 60, a_char),
            "added": QColor(40, 160, 80, a_line), "added_char": QColor(40, 160, 80, a_char),
            "changed": QColor(230, 159, 0, a_line),
            "filler": self.palette().color(QPalette.ColorRole.Mid),
        }

    def _visible_rows(self, pane: QPlainTextEdit) -> range:
        block = pane.firstVisibleBlock()
        if not block.isValid():
            return range(0)
        first = block.blockNumber()
        height = pane.viewport().height()
        offset = pane.contentOffset().y()
        last = first
        while block.isValid():
            top = pane.blockBoundingGeometry(block).translated(0, offset).top()
            if top > height:
                break
            last = block.blockNumber()
            block = block.next()
        return range(first, last + 1)

    def _highlight_visible(self) -> None:
        """Make the ExtraSelections for the rows on screen only (cost independent of text size)."""
        res = self.result
        if res is None:
            return
        c = self.colors()
        current_rows: set[int] = set()
        if 0 <= self._current < len(res.hunks):
            start = res.hunks[self._current]
            end = res.hunks[self._current + 1] if self._current + 1 < len(res.hunks) else res.rows
            kinds = res.left_kinds
            r = start
            while r < end and (kinds[r] != SAME or res.right_kinds[r] != SAME):
                current_rows.add(r)
                r += 1
        for pane, kinds, side, solo in ((self.left, res.left_kinds, 0, "removed"),
                                        (self.right, res.right_kinds, 1, "added")):
            sels = []
            doc = pane.document()
            for row in self._visible_rows(pane):
                if row >= len(kinds) or kinds[row] == SAME:
                    continue
                kind = kinds[row]
                block = doc.findBlockByNumber(row)
                fmt = QTextCharFormat()
                if kind == FILLER:
                    brush = QBrush(c["filler"], Qt.BrushStyle.BDiagPattern)
                    fmt.setBackground(brush)
                else:
                    color = QColor(c[solo] if kind == SOLO else c["changed"])
                    if row in current_rows:  # the change navigated to stands out
                        color.setAlpha(min(255, color.alpha() * 2))
                    fmt.setBackground(color)
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                sel = QTextEdit.ExtraSelection()
                sel.format = fmt
                sel.cursor = QTextCursor(block)
                sels.append(sel)
                spans = res.char_spans.get(row)
                if kind == CHANGED and spans:
                    cf = QTextCharFormat()
                    cf.setBackground(c["removed_char"] if side == 0 else c["added_char"])
                    line = block.text()
                    for s, e in spans[side]:
                        cur = QTextCursor(block)
                        cur.setPosition(block.position() + _utf16(line, s))
                        cur.setPosition(block.position() + min(_utf16(line, e), block.length() - 1),
                                        QTextCursor.MoveMode.KeepAnchor)
                        csel = QTextEdit.ExtraSelection()
                        csel.format = cf
                        csel.cursor = cur
                        sels.append(csel)
            pane.setExtraSelections(sels)


__all__ = ["CHANGED", "FILLER", "SAME", "SOLO", "DiffResult", "DiffView", "compute_diff"]
