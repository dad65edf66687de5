"""DocumentBuffer: the Python text and the QTextDocument stay in step; big texts group lines into blocks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from desktop_app.gui import buffer as buffer_module
from desktop_app.gui.buffer import DocumentBuffer, group_lines
from desktop_app.gui.document import Document, Loaded


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n", max_size=300), st.integers(4, 40))
def test_group_lines_keeps_every_offset_and_only_joins_lines(text, size):
    grouped = group_lines(text, size)
    assert len(grouped) == len(text)
    assert grouped.replace("\u2028", "\n") == text
    for block in grouped.split("\n"):
        # A block is at most `size` long, unless it is one line longer than that.
        assert len(block) <= size or "\u2028" not in block


def test_a_big_text_has_far_fewer_blocks_than_lines(qtbot):
    text = "".join(f"Paragraph {i} of a long scraped page.\n\n" for i in range(40_000))
    assert len(text) >= buffer_module.GROUP_MIN_CHARS
    doc = Document("big")
    doc.set_loaded(Loaded(text, "utf-8", 1.0, "\n"))
    buf = DocumentBuffer(doc)
    buf.ensure_filled()
    assert buf.grouped
    assert buf.qdoc.blockCount() < text.count("\n") // 20
    assert buf.qdoc.characterCount() - 1 == len(text)
    assert buf.shown_text() == text


@pytest.fixture
def grouped_buffer(qtbot, monkeypatch):
    monkeypatch.setattr(buffer_module, "GROUP_MIN_CHARS", 10)
    monkeypatch.setattr(buffer_module, "GROUP_CHARS", 40)
    text = "".join(f"line {i} with some words\n" for i in range(30)) + "odd\u2028separator kept\nend"
    doc = Document("g")
    doc.set_loaded(Loaded(text, "utf-8", 1.0, "\n"))
    buf = DocumentBuffer(doc)
    assert buf.grouped and buf.qdoc.blockCount() < text.count("\n")
    return buf


def _edit(buf: DocumentBuffer, pos: int, remove: int, insert: str) -> None:
    cursor = QTextCursor(buf.qdoc)
    cursor.setPosition(pos)
    cursor.setPosition(pos + remove, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(insert)


def test_typing_in_a_grouped_text_mirrors_it_exactly(grouped_buffer):
    buf, doc = grouped_buffer, grouped_buffer.doc
    line3 = doc.text.index("line 3 ")
    _edit(buf, line3, 0, "NEW ")  # typing inside a block
    assert doc.text[line3:line3 + 10] == "NEW line 3"
    joint = doc.text.index("\nline 5 ")
    _edit(buf, joint, 1, "")  # deleting a line break shown as U+2028 joins two lines
    assert "wordsline 5" in doc.text
    _edit(buf, doc.text.index("line 7 ") + 4, 0, "\n")  # Enter splits a line
    assert "line\n 7" in doc.text
    _edit(buf, doc.text.index("line 9"), 6, "a\nb")  # pasting lines over a selection
    assert "a\nb with" in doc.text
    assert "odd\u2028separator" in doc.text  # the text's own U+2028 is untouched
    assert buf.shown_text().replace("odd\n", "odd\u2028") == doc.text
    assert buf.undo_stack.count() >= 3


def test_accepting_and_undoing_in_a_grouped_text(grouped_buffer):
    from desktop_app.core.edits import Edit

    buf, doc = grouped_buffer, grouped_buffer.doc
    before = doc.text
    doc.proposals = [Edit(m, m + 5, "", "r", "spacing", "why", 0.9)
                     for m in (doc.text.index("with", k) for k in (0, 200, 400))]
    expected = before
    for e in reversed(doc.proposals):
        expected = expected[:e.start] + expected[e.end:]
    buf.accept(list(doc.proposals), "accept")
    assert doc.text == expected and not doc.proposals
    assert buf.shown_text().replace("odd\n", "odd\u2028") == expected
    buf.undo_stack.undo()
    assert doc.text == before and doc.text is doc.original and len(doc.proposals) == 3
    assert buf.shown_text().replace("odd\n", "odd\u2028") == before


def test_stale_or_copied_edits_resolve_to_the_documents_own(grouped_buffer):
    from desktop_app.core.edits import Edit

    buf, doc = grouped_buffer, grouped_buffer.doc
    doc.proposals = [Edit(0, 4, "LINE", "r", "spacing", "why", 0.9), Edit(30, 31, "", "r", "spacing", "why", 0.9)]
    copy = Edit(0, 4, "LINE", "r", "spacing", "why", 0.9)
    stale = Edit(1, 4, "X", "r", "spacing", "why", 0.9)
    assert buf._still_proposed([copy, stale]) == [doc.proposals[0]]
    assert buf._still_proposed([copy])[0] is doc.proposals[0]


def test_a_document_built_elsewhere_is_adopted_only_if_nothing_changed(qtbot):
    from PySide6.QtCore import QThread

    from desktop_app.gui.buffer import prepare_document

    text = "".join(f"Paragraph {i} of a long scraped page.\n\n" for i in range(40_000))
    for typed in (False, True):
        doc = Document("big")
        doc.set_loaded(Loaded(text, "utf-8", 1.0, "\n"))
        buf = DocumentBuffer(doc)
        assert buf.hold_fill() and buf.filling
        prepared = prepare_document(text, QThread.currentThread())
        if typed:  # the user typed on the first screen meanwhile: the built document is stale
            _edit(buf, 0, 0, "X")
        assert buf.adopt(prepared) is (not typed)
        qtbot.waitUntil(lambda b=buf: not b.filling)
        assert buf.shown_text() == doc.text == ("X" if typed else "") + text
