"""DocumentBuffer: keeps a Document's text and its QTextDocument in step, and owns its undo stack.

Every change of text is a list of splices applied to both sides at once, so the Python string the
engine analyses and the text the user sees never drift apart. The QTextDocument's own undo is off;
the buffer's QUndoStack holds one command per user step (typing, accepting, rejecting), each
restoring text and review state together.

Big texts are put into the QTextDocument in chunks from the event loop (the first screen shows at
once and the UI never stalls for the whole load); anything that must touch a complete document calls
`ensure_filled()` first. A file just opened is better still: `prepare_document` builds its
QTextDocument in the loading worker in one insertion, which also sizes Qt's text buffer exactly
(appending chunks leaves it up to half empty: 13 MB more for a 20 MB file), and the buffer adopts it.

Memory of big texts: a QTextDocument costs ~130 bytes per block (paragraph) besides the text, and
every change of the view's width gives each block a QTextLayout of ~370 bytes (Qt's plain-text
layout walks all blocks), so one block per line would cost a 20 MB scraped text ~120 MB more than its
characters. A big text is therefore shown with several lines per block: lines are joined by
U+2028 LINE SEPARATOR, which Qt draws as a line break and which, like "\n", is one UTF-16 unit, so
every offset stays the same. Only the mapping back of what the user typed needs to know it
(`GROUP_MIN_CHARS`, `group_lines`).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPlainTextDocumentLayout

from desktop_app.core.edits import Edit
from desktop_app.gui.document import (
    Document,
    ReviewState,
    Splice,
    SpliceArray,
    edits_to_splices,
    iter_inverse_splices,
    shift_edits,
    splice_text,
)

#: Characters put into the QTextDocument per event-loop turn while filling it.
FILL_CHUNK = 200_000
#: Up to this many splices are applied to the QTextDocument with cursors; more replace its text.
MAX_CURSOR_SPLICES = 300
#: Texts at least this long are shown with lines grouped into blocks of about GROUP_CHARS characters.
GROUP_MIN_CHARS = 1_000_000
GROUP_CHARS = 2_000
_LINE_SEPARATOR = "\u2028"


def group_lines(text: str, size: int = GROUP_CHARS) -> str:
    """`text` with its line breaks inside blocks of about `size` characters made U+2028 (same length).

    A block ends at a line break (a blank line when there is one in the second half of the block);
    a line longer than `size` is a block of its own. The last line break of `text` stays a break.
    """
    if "\n" not in text:
        return text
    parts: list[str] = []
    pos, n = 0, len(text)
    while pos < n:
        end = pos + size
        if end >= n:
            end = n
        else:
            br = text.rfind("\n\n", pos + size // 2, end)
            if br >= 0:
                end = br + 2
            else:
                br = text.rfind("\n", pos, end)
                if br < 0:
                    br = text.find("\n", end)
                end = br + 1 if br >= 0 else n
        piece = text[pos:end]
        if piece.endswith("\n"):
            parts.append(piece[:-1].replace("\n", _LINE_SEPARATOR))
            parts.append("\n")
        else:
            parts.append(piece.replace("\n", _LINE_SEPARATOR))
        pos = end
    return "".join(parts)


def _new_qdoc(parent: QObject | None = None) -> QTextDocument:
    qdoc = QTextDocument(parent)
    qdoc.setDocumentLayout(QPlainTextDocumentLayout(qdoc))
    qdoc.setUndoRedoEnabled(False)
    return qdoc


def prepare_document(text: str, ui_thread: QThread) -> QTextDocument | None:
    """A QTextDocument holding a big `text` as a DocumentBuffer shows it, built on the calling (worker)
    thread and handed to `ui_thread` (for DocumentBuffer.adopt); None for a text quick to show anyway.

    QTextDocument is reentrant, and nothing is laid out until a view shows it (the diff view fills
    its documents the same way).
    """
    if len(text) < GROUP_MIN_CHARS:
        return None
    qdoc = _new_qdoc()
    qdoc.setPlainText(group_lines(text))
    qdoc.setModified(False)
    qdoc.moveToThread(ui_thread)
    return qdoc


class DocumentBuffer(QObject):
    """The GUI side of one Document: its QTextDocument, undo stack and typing capture."""

    #: The user typed (the text changed outside of review commands); carries the Document.
    textEdited = Signal(object)
    #: Text and/or proposals changed through a command (accept, reject, undo, redo); carries the Document.
    reviewChanged = Signal(object)
    #: The QTextDocument now holds the whole text.
    filled = Signal()
    #: `qdoc` is another QTextDocument now (one built in the background was adopted): views re-attach.
    documentReplaced = Signal()

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.qdoc = _new_qdoc(self)
        self.undo_stack = QUndoStack(self)
        self._held = False  # filling paused: a complete document is being built in the background
        self._programmatic = 0
        self._source = ""  # the text being put into qdoc, from _filled on (a reference, not a copy)
        self._filled = 0
        #: Lines are grouped into blocks (U+2028 inside a block): see the module's docstring.
        self.grouped = False
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.timeout.connect(self._fill_step)
        self.qdoc.contentsChange.connect(self._on_contents_change)
        self.set_text(doc.text)

    # --- filling ------------------------------------------------------------------------------
    @property
    def filling(self) -> bool:
        return self._filled < len(self._source)

    def set_text(self, text: str) -> None:
        """Show `text` (already the Document's text): small at once, big in chunks."""
        self._held = False
        self.grouped = len(text) >= GROUP_MIN_CHARS
        self._programmatic += 1
        try:
            self.qdoc.clear()
            if len(text) <= FILL_CHUNK * 2:
                self.qdoc.setPlainText(group_lines(text) if self.grouped else text)
                self._source, self._filled = "", 0
            else:
                cut = self._cut(text, 0, FILL_CHUNK)
                QTextCursor(self.qdoc).insertText(self._shown(text[:cut]))
                self._source, self._filled = text, cut
        finally:
            self._programmatic -= 1
        self.qdoc.setModified(False)
        if self.filling:
            self._fill_timer.start(0)
        else:
            self._source = ""
            self.filled.emit()

    def _shown(self, chunk: str) -> str:
        return group_lines(chunk) if self.grouped else chunk

    @staticmethod
    def _cut(text: str, pos: int, n: int) -> int:
        """The end of a chunk of about n characters from pos, just after a line break if one is near."""
        end = pos + n
        if end >= len(text):
            return len(text)
        nl = text.rfind("\n", pos + n // 2, end)
        return nl + 1 if nl >= 0 else end

    def hold_fill(self) -> bool:
        """Pause filling in a grouped text (its first screen is shown) while `prepare_document` builds
        the whole QTextDocument elsewhere; `adopt` or `resume_fill` ends the pause. Returns whether
        there was anything to pause."""
        if not (self.filling and self.grouped):
            return False
        self._held = True
        self._fill_timer.stop()
        return True

    def resume_fill(self) -> None:
        if self._held:
            self._held = False
            if self.filling:
                self._fill_timer.start(0)

    def adopt(self, qdoc: QTextDocument | None) -> bool:
        """Take `qdoc` (from prepare_document for the text being filled) as the document shown, if
        nothing changed meanwhile; otherwise drop it and go on filling. Returns whether it was taken."""
        usable = (qdoc is not None and self._held and self.filling and self.doc.text is self._source
                  and qdoc.characterCount() - 1 == len(self._source))
        if not usable:
            if qdoc is not None:
                qdoc.deleteLater()
            self.resume_fill()
            return False
        self._held = False
        old = self.qdoc
        old.contentsChange.disconnect(self._on_contents_change)
        qdoc.setParent(self)
        self.qdoc = qdoc
        qdoc.contentsChange.connect(self._on_contents_change)
        self._source, self._filled = "", 0
        self.documentReplaced.emit()
        old.deleteLater()
        self.filled.emit()
        return True

    def _fill_step(self) -> None:
        if not self.filling or self._held:
            return
        cut = self._cut(self._source, self._filled, FILL_CHUNK)
        self._append(self._source[self._filled:cut])
        self._filled = cut
        if self.filling:
            self._fill_timer.start(0)
        else:
            self._source, self._filled = "", 0
            self.filled.emit()

    def _append(self, chunk: str) -> None:
        self._programmatic += 1
        try:
            cursor = QTextCursor(self.qdoc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(self._shown(chunk))
        finally:
            self._programmatic -= 1

    def ensure_filled(self) -> None:
        """Put the rest of the text into the QTextDocument now (chunk by chunk: no copy of the rest)."""
        if self.filling:
            self._fill_timer.stop()
            self._held = False
            while self.filling:
                cut = self._cut(self._source, self._filled, FILL_CHUNK * 5)
                self._append(self._source[self._filled:cut])
                self._filled = cut
            self._source, self._filled = "", 0
            self.filled.emit()

    def shown_text(self) -> str:
        """The QTextDocument's text as the Document's text (tests; costs a copy)."""
        raw = self.qdoc.toRawText().replace("\u2029", "\n")
        return raw.replace(_LINE_SEPARATOR, "\n") if self.grouped else raw

    # --- applying changes ---------------------------------------------------------------------
    def apply(self, splices: list[Splice], review: ReviewState | None = None, result: str | None = None) -> None:
        """Apply splices (Python offsets, sorted, disjoint) to the Document and the QTextDocument.

        `review`, `result`: see Document.apply_splices.
        """
        if not splices:
            if review is not None:
                self.doc.restore_review_state(review)
            return
        self.ensure_filled()
        if len(splices) > MAX_CURSOR_SPLICES:
            self.doc.apply_splices(splices, review, result)
            self.set_text(self.doc.text)
            return
        qt = [(self.doc.offsets.to_qt(s), self.doc.offsets.to_qt(t), r) for s, t, r in splices]
        self.doc.apply_splices(splices, review, result)
        self._programmatic += 1
        try:
            cursor = QTextCursor(self.qdoc)
            cursor.beginEditBlock()
            for qs, qe, r in reversed(qt):
                cursor.setPosition(qs)
                cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(r)
            cursor.endEditBlock()
        finally:
            self._programmatic -= 1

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        """The user typed, pasted or deleted: mirror it in the Document and push an undo step."""
        if self._programmatic:
            return
        # While a big text is still being filled in, the user can only edit the part already shown,
        # whose offsets are the Document's own: the change is mirrored as usual and the rest of the
        # text keeps being appended after it.
        doc = self.doc
        offsets = doc.offsets
        start = offsets.to_py(pos)
        end = min(len(doc.text), offsets.to_py(pos + removed))
        cursor = QTextCursor(self.qdoc)
        limit = self.qdoc.characterCount() - 1
        cursor.setPosition(min(pos, limit))
        cursor.setPosition(min(pos + added, limit), QTextCursor.MoveMode.KeepAnchor)
        new = cursor.selectedText().replace("\u2029", "\n")
        old = doc.text[start:end]
        # Qt sometimes reports a wider range than what changed: trim the common ends. In a grouped
        # text a U+2028 shown stands for a line break of the text (or for itself).
        grouped = self.grouped

        def same(a: str, b: str) -> bool:
            return a == b or (grouped and a == "\n" and b == _LINE_SEPARATOR)

        p = 0
        n = min(len(old), len(new))
        while p < n and same(old[p], new[p]):
            p += 1
        q = 0
        while q < n - p and same(old[len(old) - 1 - q], new[len(new) - 1 - q]):
            q += 1
        old, new = old[p:len(old) - q], new[p:len(new) - q]
        if grouped:
            new = new.replace(_LINE_SEPARATOR, "\n")  # what the user typed or pasted
        start += p
        if not old and not new:
            return
        splice = (start, start + len(old), new)
        doc.apply_splices([splice])
        self.undo_stack.push(TypingCommand(self, splice, old))
        self.textEdited.emit(self.doc)

    # --- review operations --------------------------------------------------------------------
    def _still_proposed(self, edits: list[Edit]) -> list[Edit]:
        """Only edits still proposed (as the Document's own objects): a stale edit (from before a
        change) must never be applied."""
        proposals = self.doc.proposals
        if edits is proposals or (len(edits) == len(proposals) and all(
                a is b for a, b in zip(edits, proposals, strict=True))):
            return list(edits)  # accept-all: no hashing of tens of thousands of edits
        ids = {id(e) for e in proposals}
        if all(id(e) in ids for e in edits):
            return list(edits)
        by_value = {e: e for e in proposals}
        return [by_value[e] for e in edits if e in by_value]

    def accept(self, edits: list[Edit], label: str) -> None:
        """Apply `edits` (pending proposals) as one undo step."""
        edits = self._still_proposed(edits)
        if edits:
            self.undo_stack.push(ReviewCommand(self, label, accept=edits))

    def reject(self, edits: list[Edit], label: str) -> None:
        """Decline `edits` as one undo step: they disappear and are not proposed again."""
        edits = self._still_proposed(edits)
        if edits:
            self.undo_stack.push(ReviewCommand(self, label, reject=edits))


class TypingCommand(QUndoCommand):
    """Typing already applied by the editor; consecutive keystrokes merge into one step."""

    ID = 1001

    def __init__(self, buffer: DocumentBuffer, splice: Splice, old: str) -> None:
        super().__init__(buffer.tr("Typing"))
        self.buffer = buffer
        self.steps: list[tuple[Splice, str]] = [(splice, old)]  # (splice applied, text it replaced)
        self._first = True

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingCommand) or other.buffer is not self.buffer:
            return False
        (s, t, r), old = self.steps[-1]
        (s2, t2, r2), old2 = other.steps[0]
        contiguous = s2 == s + len(r) or (t2 == s and not r2)  # typing on, or backspacing
        if not contiguous or "\n" in r2 or len(self.steps) > 200:
            return False
        self.steps.extend(other.steps)
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        for splice, _old in self.steps:
            self.buffer.apply([splice])
        self.buffer.reviewChanged.emit(self.buffer.doc)

    def undo(self) -> None:
        for (s, _t, r), old in reversed(self.steps):
            self.buffer.apply([(s, s + len(r), old)])
        self.buffer.reviewChanged.emit(self.buffer.doc)


class ReviewCommand(QUndoCommand):
    """Accept and/or reject proposals: one step however many edits (accept-all of a big file too)."""

    def __init__(self, buffer: DocumentBuffer, label: str, accept: list[Edit] = (),
                 reject: list[Edit] = ()) -> None:
        super().__init__(label)
        self.buffer = buffer
        doc = buffer.doc
        self.before: ReviewState = doc.review_state()
        self.splices = edits_to_splices(list(accept), compact=True)
        accepted = Counter(e.rule for e in accept)
        # `accept` and `reject` are the Document's own proposal objects (DocumentBuffer._still_proposed).
        gone = {id(e) for e in accept}
        gone.update(id(e) for e in reject)
        # The state after: computed once here, restored on every redo.
        proposals = [e for e in doc.proposals if id(e) not in gone]
        rejected = sorted([*doc.rejected, *reject], key=lambda e: (e.start, e.end))
        self.after = ReviewState(shift_edits(proposals, self.splices),
                                 shift_edits(rejected, self.splices, disjoint=False),
                                 doc.accepted + accepted)
        self.inverse = SpliceArray(iter_inverse_splices(doc.text, self.splices))
        self.from_original = doc.text is doc.original  # then undo gives back the loaded text itself

    def redo(self) -> None:
        self.buffer.apply(self.splices, self.after)
        self.buffer.reviewChanged.emit(self.buffer.doc)

    def undo(self) -> None:
        doc = self.buffer.doc
        self.buffer.apply(self.inverse, self.before, doc.original if self.from_original else None)
        self.buffer.reviewChanged.emit(doc)


__all__ = ["DocumentBuffer", "ReviewCommand", "TypingCommand", "splice_text"]
