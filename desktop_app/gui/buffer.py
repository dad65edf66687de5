"""DocumentBuffer: keeps a Document's text and its QTextDocument in step, and owns its undo stack.

Every change of text is a list of splices applied to both sides at once, so the Python string the
engine analyses and the text the user sees never drift apart. The QTextDocument's own undo is off;
the buffer's QUndoStack holds one command per user step (typing, accepting, rejecting), each
restoring text and review state together.

Big texts are put into the QTextDocument in chunks from the event loop (a 20 MB file shows its
first screen at once and the UI never stalls for the whole load); anything that must touch a
complete document calls `ensure_filled()` first.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPlainTextDocumentLayout

from desktop_app.core.edits import Edit
from desktop_app.gui.document import (
    Document,
    ReviewState,
    Splice,
    edits_to_splices,
    inverse_splices,
    shift_edits,
    splice_text,
)

#: Characters put into the QTextDocument per event-loop turn while filling it.
FILL_CHUNK = 200_000
#: Up to this many splices are applied to the QTextDocument with cursors; more replace its text.
MAX_CURSOR_SPLICES = 300


class DocumentBuffer(QObject):
    """The GUI side of one Document: its QTextDocument, undo stack and typing capture."""

    #: The user typed (the text changed outside of review commands); carries the Document.
    textEdited = Signal(object)
    #: Text and/or proposals changed through a command (accept, reject, undo, redo); carries the Document.
    reviewChanged = Signal(object)
    #: The QTextDocument now holds the whole text.
    filled = Signal()

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.qdoc = QTextDocument(self)
        self.qdoc.setDocumentLayout(QPlainTextDocumentLayout(self.qdoc))
        self.qdoc.setUndoRedoEnabled(False)
        self.undo_stack = QUndoStack(self)
        self._programmatic = 0
        self._pending = ""  # text still to be put into qdoc
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.timeout.connect(self._fill_step)
        self.qdoc.contentsChange.connect(self._on_contents_change)
        self.set_text(doc.text)

    # --- filling ------------------------------------------------------------------------------
    @property
    def filling(self) -> bool:
        return bool(self._pending)

    def set_text(self, text: str) -> None:
        """Show `text` (already the Document's text): small at once, big in chunks."""
        self._programmatic += 1
        try:
            self.qdoc.clear()
            if len(text) <= FILL_CHUNK * 2:
                self.qdoc.setPlainText(text)
                self._pending = ""
            else:
                cut = self._cut(text, FILL_CHUNK)
                QTextCursor(self.qdoc).insertText(text[:cut])
                self._pending = text[cut:]
        finally:
            self._programmatic -= 1
        self.qdoc.setModified(False)
        if self._pending:
            self._fill_timer.start(0)
        else:
            self.filled.emit()

    @staticmethod
    def _cut(text: str, n: int) -> int:
        """A cut point near n that does not split a surrogate-free line too eagerly."""
        nl = text.rfind("\n", n // 2, n)
        return nl + 1 if nl > 0 else n

    def _fill_step(self) -> None:
        if not self._pending:
            return
        cut = self._cut(self._pending, FILL_CHUNK)
        chunk, self._pending = self._pending[:cut], self._pending[cut:]
        self._append(chunk)
        if self._pending:
            self._fill_timer.start(0)
        else:
            self.filled.emit()

    def _append(self, chunk: str) -> None:
        self._programmatic += 1
        try:
            cursor = QTextCursor(self.qdoc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(chunk)
        finally:
            self._programmatic -= 1

    def ensure_filled(self) -> None:
        """Put the rest of the text into the QTextDocument now."""
        if self._pending:
            self._fill_timer.stop()
            rest, self._pending = self._pending, ""
            self._append(rest)
            self.filled.emit()

    # --- applying changes ---------------------------------------------------------------------
    def apply(self, splices: list[Splice]) -> None:
        """Apply splices (Python offsets, sorted, disjoint) to the Document and the QTextDocument."""
        if not splices:
            return
        self.ensure_filled()
        if len(splices) > MAX_CURSOR_SPLICES:
            self.doc.apply_splices(splices)
            self.set_text(self.doc.text)
            return
        qt = [(self.doc.offsets.to_qt(s), self.doc.offsets.to_qt(t), r) for s, t, r in splices]
        self.doc.apply_splices(splices)
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
        # Qt sometimes reports a wider range than what changed: trim the common ends.
        p = 0
        n = min(len(old), len(new))
        while p < n and old[p] == new[p]:
            p += 1
        q = 0
        while q < n - p and old[len(old) - 1 - q] == new[len(new) - 1 - q]:
            q += 1
        old, new = old[p:len(old) - q], new[p:len(new) - q]
        start += p
        if not old and not new:
            return
        splice = (start, start + len(old), new)
        doc.apply_splices([splice])
        self.undo_stack.push(TypingCommand(self, splice, old))
        self.textEdited.emit(self.doc)

    # --- review operations --------------------------------------------------------------------
    def _still_proposed(self, edits: list[Edit]) -> list[Edit]:
        """Only edits still proposed: a stale edit (from before a change) must never be applied."""
        current = set(self.doc.proposals)
        return [e for e in edits if e in current]

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
        self.splices = edits_to_splices(list(accept))
        accepted = Counter(e.rule for e in accept)
        accepted_set = set(accept)
        declined = set(reject)
        # The state after: computed once here, restored on every redo.
        proposals = [e for e in doc.proposals if e not in accepted_set and e not in declined]
        rejected = sorted([*doc.rejected, *reject], key=lambda e: (e.start, e.end))
        self.after = ReviewState(shift_edits(proposals, self.splices),
                                 shift_edits(rejected, self.splices, disjoint=False),
                                 doc.accepted + accepted)
        self.inverse = inverse_splices(doc.text, self.splices)

    def redo(self) -> None:
        self.buffer.apply(self.splices)
        self.buffer.doc.restore_review_state(self.after)
        self.buffer.reviewChanged.emit(self.buffer.doc)

    def undo(self) -> None:
        self.buffer.apply(self.inverse)
        self.buffer.doc.restore_review_state(self.before)
        self.buffer.reviewChanged.emit(self.buffer.doc)


__all__ = ["DocumentBuffer", "ReviewCommand", "TypingCommand", "splice_text"]
