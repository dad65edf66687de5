"""The diff view: the original text against the current one, with every change marked.

Two modes (remembered in QSettings "diff/mode"). Inline, the default: one wrapped text, each changed
line showing its removed characters struck through in red next to the inserted ones in green;
scraped text is mostly long one-line paragraphs, which read best wrapped. Side by side: aligned
row for row, a removed line facing an empty, hatched filler row and a changed line facing its new
version with the changed characters marked more strongly. Next/previous change navigation
(Alt+Down / Alt+Up) puts the cursor on the first changed character, scrolling long lines to it.

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

import shiboken6
from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QThread, QTimer, Signal
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
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextDocumentLayout,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# Row kinds, one per side of each row.
SAME, CHANGED, SOLO, FILLER = 0, 1, 2, 3  # SOLO: removed (left side) or added (right side)
# Span kinds of the inline view.
DELETED, INSERTED = 1, 2

CHAR_DIFF_MAX_LINE = 4000  # longer changed lines are marked whole
CHAR_DIFF_MIN_RATIO = 0.3  # less similar pairs are marked whole: a character diff would be noise


@dataclass
class DiffResult:
    """An aligned side-by-side diff; row i is line i of both `left_text` and `right_text`.

    left_kinds/right_kinds: SAME, CHANGED, SOLO or FILLER for each row.
    char_spans:  row -> (left spans, right spans) of changed characters, (start, end) in the row.
    hunks:       first row of each change block, in order.
    removed/added/changed: line counts for the summary.
    inline_text: the inline view: row i shows row i of both sides in one line, deleted characters
                 and inserted ones next to each other; inline_spans: row -> [(start, end, kind)].
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
    inline_text: str = ""
    inline_spans: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)
    documents: tuple = ()  # (left, right, inline) QTextDocuments filled in the worker, adopted by the view

    @property
    def rows(self) -> int:
        return len(self.left_kinds)


def _lines(text: str) -> list[str]:
    # Lines without their ending; a "\r" of CRLF is not part of what is compared or shown.
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def _char_opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]] | None:
    """difflib's character opcodes for a changed line pair, or None when not worth it (see the limits)."""
    if len(a) > CHAR_DIFF_MAX_LINE or len(b) > CHAR_DIFF_MAX_LINE:
        return None
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < CHAR_DIFF_MIN_RATIO or sm.quick_ratio() < CHAR_DIFF_MIN_RATIO:
        return None
    return sm.get_opcodes()


PAIR_SEARCH_LIMIT = 2_500  # replace blocks up to this many line pairs look for the most similar pairs
PAIR_MIN_RATIO = 0.5


def _pair_lines(a: list[str], i1: int, i2: int, b: list[str], j1: int, j2: int) -> list[tuple[int | None, int | None]]:
    """Rows for a replaced block: (i, j) pairs a changed line with its new version, (i, None) is
    removed and (None, j) added. Like difflib.Differ, the most similar pair is matched first and the
    parts before and after it are paired the same way; big blocks are paired in order."""
    rows: list[tuple[int | None, int | None]] = []
    stack: list[tuple[int, int, int, int] | tuple[int, int]] = [(i1, i2, j1, j2)]
    while stack:
        item = stack.pop()
        if len(item) == 2:  # an already decided pair
            rows.append(item)
            continue
        lo_a, hi_a, lo_b, hi_b = item
        na, nb = hi_a - lo_a, hi_b - lo_b
        if na == 0 or nb == 0:
            rows.extend((i, None) for i in range(lo_a, hi_a))
            rows.extend((None, j) for j in range(lo_b, hi_b))
            continue
        if na == nb or na * nb > PAIR_SEARCH_LIMIT:
            n = min(na, nb)
            rows.extend((lo_a + k, lo_b + k) for k in range(n))
            rows.extend((i, None) for i in range(lo_a + n, hi_a))
            rows.extend((None, j) for j in range(lo_b + n, hi_b))
            continue
        best, best_i, best_j = PAIR_MIN_RATIO, -1, -1
        sm = difflib.SequenceMatcher(autojunk=False)
        for j in range(lo_b, hi_b):
            sm.set_seq2(b[j])
            for i in range(lo_a, hi_a):
                sm.set_seq1(a[i])
                if sm.real_quick_ratio() > best and sm.quick_ratio() > best and sm.ratio() > best:
                    best, best_i, best_j = sm.ratio(), i, j
        if best_i < 0:  # nothing alike: removed lines, then added ones
            rows.extend((i, None) for i in range(lo_a, hi_a))
            rows.extend((None, j) for j in range(lo_b, hi_b))
            continue
        # Process in order: before the pair, the pair, after it (the stack is LIFO).
        stack.append((best_i + 1, hi_a, best_j + 1, hi_b))
        stack.append((best_i, best_j))
        stack.append((lo_a, best_i, lo_b, best_j))
    return rows


def _inline_row(a: str, b: str, ops) -> tuple[str, list[tuple[int, int, int]]]:
    """One line showing the change from `a` to `b`: (text, [(start, end, DELETED or INSERTED)])."""
    if ops is None:  # marked whole: the old line, then the new one
        return a + b, [(0, len(a), DELETED), (len(a), len(a) + len(b), INSERTED)]
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            parts.append(a[i1:i2])
            pos += i2 - i1
            continue
        if i2 > i1:
            parts.append(a[i1:i2])
            spans.append((pos, pos + i2 - i1, DELETED))
            pos += i2 - i1
        if j2 > j1:
            parts.append(b[j1:j2])
            spans.append((pos, pos + j2 - j1, INSERTED))
            pos += j2 - j1
    return "".join(parts), spans


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
    inline: list[str] = []
    lk, rk = res.left_kinds, res.right_kinds
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if cancel is not None and n % 64 == 0 and cancel.is_set():
            return None
        if tag == "equal":
            left += a[i1:i2]
            right += b[j1:j2]
            inline += b[j1:j2]
            lk.extend([SAME] * (i2 - i1))
            rk.extend([SAME] * (j2 - j1))
            continue
        if not lk or lk[-1] == SAME and rk[-1] == SAME:
            res.hunks.append(len(lk))  # adjacent blocks (a loose pair and a removal) are one change
        for ia, jb in _pair_lines(a, i1, i2, b, j1, j2):
            row = len(lk)
            la = a[ia] if ia is not None else None
            lb = b[jb] if jb is not None else None
            left.append(la if la is not None else "")
            right.append(lb if lb is not None else "")
            if la is not None and lb is not None:
                lk.append(CHANGED)
                rk.append(CHANGED)
                res.changed += 1
                ops = _char_opcodes(la, lb)
                if ops is not None:
                    res.char_spans[row] = ([(i1_, i2_) for t, i1_, i2_, _, _ in ops if t != "equal" and i2_ > i1_],
                                           [(j1_, j2_) for t, _, _, j1_, j2_ in ops if t != "equal" and j2_ > j1_])
                text, spans = _inline_row(la, lb, ops)
                inline.append(text)
                res.inline_spans[row] = spans
            else:
                lk.append(SOLO if la is not None else FILLER)
                rk.append(SOLO if lb is not None else FILLER)
                res.removed += la is not None
                res.added += lb is not None
                inline.append(la if la is not None else lb)
    res.left_text = "\n".join(left)
    res.right_text = "\n".join(right)
    res.inline_text = "\n".join(inline)
    return res


#: A diff whose inline text is longer than this builds the documents of the mode shown only; the other
#: mode's are built when it is chosen. Each pane's document costs ~4x its text (Qt keeps ~130 bytes
#: per line, and ~370 more once the pane is laid out): for a 20 MB file, ~250 MB per pane not shown.
LAZY_DOCUMENT_CHARS = 1_000_000


def _make_document(text: str, font: QFont, ui_thread) -> QTextDocument:
    """A plain-text document for a pane, filled on the calling (worker) thread, handed to the UI thread.

    QTextDocument is reentrant: filling it in the worker keeps the UI thread free; a pane only has to
    adopt the finished document.
    """
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setUndoRedoEnabled(False)
    doc.setPlainText(text)
    doc.moveToThread(ui_thread)
    return doc


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
    """Original vs current, inline (wrapped, the default) or side by side, with change navigation."""

    diff_ready = Signal()  # a diff for the latest set_texts is shown
    change_selected = Signal(int)  # index of the change navigated to

    MODE_INLINE, MODE_SIDE_BY_SIDE = "inline", "side-by-side"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DiffView")
        self.result: DiffResult | None = None
        self._task = None
        self._generation = 0
        self._current = -1
        self._documents: tuple = ()  # per pane (left, right, inline): its document, None if not built
        self._doc_task = None

        self.left = _Pane()
        self.left.setObjectName("diffOriginal")
        self.right = _Pane()
        self.right.setObjectName("diffCurrent")
        self.inline = _Pane()
        self.inline.setObjectName("diffInline")
        self.inline.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
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
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("diffMode")
        self.mode_combo.addItem(self.tr("Inline"), self.MODE_INLINE)
        self.mode_combo.addItem(self.tr("Side by side"), self.MODE_SIDE_BY_SIDE)
        self.mode_combo.setToolTip(self.tr("Inline: one wrapped text, removed characters struck through in red, "
                                           "added ones in green. Side by side: the original beside the current "
                                           "text, line for line."))

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addWidget(self.position_label)
        bar.addStretch(1)
        bar.addWidget(self.summary_label)
        bar.addWidget(self.mode_combo)

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
        self.stack = QStackedWidget()
        self.stack.addWidget(self.inline)
        self.stack.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

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
        for pane in (self.left, self.right, self.inline):
            pane.verticalScrollBar().valueChanged.connect(self._paint_timer.start)
            pane.updateRequest.connect(self._on_update_request)
        mode = QSettings().value("diff/mode", self.MODE_INLINE)
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))
        self.stack.setCurrentIndex(self.mode_combo.currentIndex())
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self._update_navigation()

    # --- public ----------------------------------------------------------------------------
    def mode(self) -> str:
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        """Show the diff inline (MODE_INLINE) or side by side (MODE_SIDE_BY_SIDE); remembered."""
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))

    def set_texts(self, original: str, current: str) -> None:
        """Show the diff of `original` against `current` (computed in the background)."""
        from desktop_app.gui.worker import run_in_background

        self._generation += 1
        gen = self._generation
        if self._task is not None:
            self._task.cancel()
        self.summary_label.setText(self.tr("Comparing…"))

        fonts = (QFont(self.left.font()), QFont(self.right.font()), QFont(self.inline.font()))
        ui_thread = QThread.currentThread()
        shown = self._mode_panes(self.mode())

        def op(cancel):
            res = compute_diff(original, current, cancel)
            if res is None:
                return None
            lazy = len(res.inline_text) > LAZY_DOCUMENT_CHARS
            texts = (res.left_text, res.right_text, res.inline_text)
            res.documents = tuple(_make_document(text, font, ui_thread) if not lazy or i in shown else None
                                  for i, (text, font) in enumerate(zip(texts, fonts, strict=True)))
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
            top = self._main_pane().firstVisibleBlock().blockNumber()
            target = next((i for i, r in enumerate(hunks) if r >= top), len(hunks) - 1)
        self.go_to_change(target)

    def previous_change(self) -> None:
        if not self.change_count():
            return
        if self._current >= 0:
            target = max(self._current - 1, 0)
        else:
            top = self._main_pane().firstVisibleBlock().blockNumber()
            target = max((i for i, r in enumerate(self.result.hunks) if r < top), default=0)
        self.go_to_change(target)

    def go_to_change(self, index: int) -> None:
        """Scroll to change `index` and put the cursor on its first changed character."""
        if not self.change_count():
            return
        index = max(0, min(index, self.change_count() - 1))
        self._current = index
        res = self.result
        row = res.hunks[index]
        panes = (self.left, self.right, self.inline)
        firsts = (res.char_spans.get(row, ([], []))[0], res.char_spans.get(row, ([], []))[1],
                  res.inline_spans.get(row, []))
        for pane, spans in zip(panes, firsts, strict=True):
            if not self._pane_ready(pane):
                continue  # its document is being built (the other mode's, for a big diff)
            block = pane.document().findBlockByNumber(row)
            cursor = QTextCursor(block)
            if spans:  # the first changed character, so that a long line scrolls to it
                cursor.setPosition(block.position() + _utf16(block.text(), spans[0][0]))
            pane.setTextCursor(cursor)
        with QSignalBlocker(self.right.horizontalScrollBar()), QSignalBlocker(self.left.horizontalScrollBar()):
            self.left.centerCursor()
            self.right.centerCursor()
        self._sync(self.right.verticalScrollBar(), self.left.verticalScrollBar().value())
        self.inline.centerCursor()
        # A long line is laid out only when painted; scroll to the cursor again once it has been.
        QTimer.singleShot(0, self._ensure_cursors_visible)
        self._update_navigation()
        self._highlight_visible()
        self.change_selected.emit(index)

    # --- internals -------------------------------------------------------------------------
    def _ensure_cursors_visible(self) -> None:
        for pane in (self.left, self.inline):
            pane.ensureCursorVisible()

    def _main_pane(self) -> QPlainTextEdit:
        return self.inline if self.mode() == self.MODE_INLINE else self.left

    def _mode_panes(self, mode: str) -> tuple[int, ...]:
        """Indexes (0 left, 1 right, 2 inline) of the panes a mode shows."""
        return (2,) if mode == self.MODE_INLINE else (0, 1)

    def _pane_ready(self, pane: QPlainTextEdit) -> bool:
        """Whether `pane` shows the current diff (a row per block), not a placeholder."""
        return self.result is None or pane.document().blockCount() >= self.result.rows

    def documents_ready(self) -> bool:
        """Whether the panes of the current mode show the diff (a big diff builds them per mode)."""
        panes = (self.left, self.right, self.inline)
        return all(self._pane_ready(panes[i]) for i in self._mode_panes(self.mode()))

    def _ensure_documents(self) -> None:
        """Build the current mode's documents in the background if the diff was shown in the other mode."""
        res = self.result
        if res is None or self.documents_ready() or self._doc_task is not None:
            return
        from desktop_app.gui.worker import run_in_background

        panes = (self.left, self.right, self.inline)
        missing = [i for i in self._mode_panes(self.mode()) if not self._pane_ready(panes[i])]
        texts = (res.left_text, res.right_text, res.inline_text)
        jobs = [(i, texts[i], QFont(panes[i].font())) for i in missing]
        ui_thread = QThread.currentThread()
        self.summary_label.setText(self.tr("Comparing…"))

        def op():
            return [(i, _make_document(text, font, ui_thread)) for i, text, font in jobs]

        def done(built, r=res) -> None:
            if not shiboken6.isValid(self):
                return
            self._doc_task = None
            if self.result is not r:
                return  # a newer diff came meanwhile
            docs = list(self._documents)
            for i, doc in built:
                docs[i] = doc
                panes[i].setDocument(doc)
            self._documents = tuple(docs)
            self._release_texts(r, [i for i, _doc in built])
            self._show_summary()
            if self._current >= 0:
                self.go_to_change(self._current)
            self._highlight_visible()
            self._ensure_documents()  # the mode may have changed again meanwhile

        def failed(exc, _tb) -> None:
            if shiboken6.isValid(self):
                self._doc_task = None
                self.summary_label.setText(self.tr("The comparison failed: {0}").format(exc))

        self._doc_task = run_in_background(op, done, failed)

    def _on_mode(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        QSettings().setValue("diff/mode", self.mode())
        self._ensure_documents()
        if self._current >= 0 and self.documents_ready():
            self.go_to_change(self._current)
        self._paint_timer.start()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if gen == self._generation:
            self._task = None
            self.summary_label.setText(self.tr("The comparison failed: {0}").format(exc))

    def _show(self, gen: int, res: DiffResult | None) -> None:
        if not shiboken6.isValid(self):
            return  # the view was closed while the diff was computed
        if gen != self._generation or res is None:
            return  # a newer set_texts is on its way
        self._task = None
        self.result = res
        self._current = -1
        panes = (self.left, self.right, self.inline)
        # A new diff of the same document (after an accept) keeps the place the user was looking at.
        keep = [(p.verticalScrollBar().value(), p.horizontalScrollBar().value()) for p in panes]
        if self._doc_task is not None:  # documents for the previous diff: not wanted any more
            self._doc_task.cancel()
            self._doc_task = None
        with QSignalBlocker(self.left.verticalScrollBar()), QSignalBlocker(self.right.verticalScrollBar()):
            if res.documents:
                old = self._documents
                for pane, doc in zip(panes, res.documents, strict=True):
                    pane.setDocument(doc if doc is not None else self._empty_document(pane))
                self._documents = res.documents  # the panes do not own documents set on them
                if None in res.documents:  # a big diff: a text is only kept until its document is built
                    self._release_texts(res, [i for i, d in enumerate(res.documents) if d is not None])
                res.documents = ()
                del old
            else:
                for pane, text in zip(panes, (res.left_text, res.right_text, res.inline_text), strict=True):
                    pane.setPlainText(text)
            for pane, (v, h) in zip(panes, keep, strict=True):
                pane.verticalScrollBar().setValue(v)
                pane.horizontalScrollBar().setValue(h)
        self._show_summary()
        self._update_navigation()
        self._highlight_visible()
        self._ensure_documents()
        self.diff_ready.emit()

    def _show_summary(self) -> None:
        res = self.result
        if res is not None and res.hunks:
            self.summary_label.setText(
                self.tr("{0} changes: {1} lines removed, {2} added, {3} changed").format(
                    len(res.hunks), res.removed, res.added, res.changed))
        else:
            self.summary_label.setText(self.tr("No changes."))

    @staticmethod
    def _release_texts(res: DiffResult, built: list[int]) -> None:
        """Drop the texts whose documents exist (each a copy of a big text; the panes hold them now)."""
        for i in built:
            setattr(res, ("left_text", "right_text", "inline_text")[i], "")

    def _empty_document(self, pane: QPlainTextEdit) -> QTextDocument:
        """A placeholder for a pane whose document is not built yet (see LAZY_DOCUMENT_CHARS)."""
        doc = QTextDocument(pane)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        return doc

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

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switched: colours follow
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

    def _current_rows(self) -> set[int]:
        res = self.result
        rows: set[int] = set()
        if res is not None and 0 <= self._current < len(res.hunks):
            r = res.hunks[self._current]
            while r < res.rows and (res.left_kinds[r] != SAME or res.right_kinds[r] != SAME):
                rows.add(r)
                r += 1
        return rows

    @staticmethod
    def _line_selection(block, color) -> QTextEdit.ExtraSelection:
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        sel = QTextEdit.ExtraSelection()
        sel.format = fmt
        sel.cursor = QTextCursor(block)
        return sel

    @staticmethod
    def _span_selection(block, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        line = block.text()
        cur = QTextCursor(block)
        cur.setPosition(block.position() + _utf16(line, start))
        cur.setPosition(block.position() + min(_utf16(line, end), block.length() - 1),
                        QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.format = fmt
        sel.cursor = cur
        return sel

    def _highlight_visible(self) -> None:
        """Make the ExtraSelections for the rows on screen only (cost independent of text size)."""
        res = self.result
        if res is None:
            return
        c = self.colors()
        current_rows = self._current_rows()

        def line_color(name: str, row: int) -> QColor:
            color = QColor(c[name])
            if row in current_rows:  # the change navigated to stands out
                color.setAlpha(min(255, color.alpha() * 2))
            return color

        if self.mode() == self.MODE_INLINE:
            deleted = QTextCharFormat()
            deleted.setBackground(c["removed_char"])
            deleted.setFontStrikeOut(True)
            inserted = QTextCharFormat()
            inserted.setBackground(c["added_char"])
            sels = []
            doc = self.inline.document()
            if not self._pane_ready(self.inline):
                return
            for row in self._visible_rows(self.inline):
                if row >= res.rows or (res.left_kinds[row] == SAME and res.right_kinds[row] == SAME):
                    continue
                block = doc.findBlockByNumber(row)
                if res.left_kinds[row] == CHANGED:
                    sels.append(self._line_selection(block, line_color("changed", row)))
                    for s, e, kind in res.inline_spans.get(row, ()):
                        sels.append(self._span_selection(block, s, e, deleted if kind == DELETED else inserted))
                else:
                    removed = res.left_kinds[row] == SOLO
                    sels.append(self._line_selection(block, line_color("removed" if removed else "added", row)))
                    if removed and block.length() > 1:
                        sels.append(self._span_selection(block, 0, block.length(), deleted))
            self.inline.setExtraSelections(sels)
            return

        for pane, kinds, side, solo in ((self.left, res.left_kinds, 0, "removed"),
                                        (self.right, res.right_kinds, 1, "added")):
            sels = []
            doc = pane.document()
            if not self._pane_ready(pane):
                continue
            for row in self._visible_rows(pane):
                if row >= len(kinds) or kinds[row] == SAME:
                    continue
                kind = kinds[row]
                block = doc.findBlockByNumber(row)
                if kind == FILLER:
                    sels.append(self._line_selection(block, QBrush(c["filler"], Qt.BrushStyle.BDiagPattern)))
                    continue
                sels.append(self._line_selection(block, line_color(solo if kind == SOLO else "changed", row)))
                spans = res.char_spans.get(row)
                if kind == CHANGED and spans:
                    cf = QTextCharFormat()
                    cf.setBackground(c["removed_char"] if side == 0 else c["added_char"])
                    for s, e in spans[side]:
                        sels.append(self._span_selection(block, s, e, cf))
            pane.setExtraSelections(sels)


__all__ = ["CHANGED", "DELETED", "FILLER", "INSERTED", "SAME", "SOLO", "DiffResult", "DiffView", "compute_diff"]
