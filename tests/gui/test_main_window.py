"""Drive the real main window: drop files, review by clicking, undo, type, reopen, export."""

from __future__ import annotations

import threading

import pytest
from gui_helpers import drop_files, point_of, wait_idle
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.edits import apply_edits
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.worker import run_in_background

ARTICLE = ("Storm nears the coast   \n"
           "The weather agency warned of heavy rain.\n\n\n\n"
           "Officials urged residents to move to higher ground.  \n"
           "Trains were suspended in the afternoon.\n")


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """A modal message box would hang an offscreen test: fail instead (tests that expect one patch it)."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal message box: {args[1:3]}")
    monkeypatch.setattr(QMessageBox, "exec", lambda self: refuse(self, self.text()))
    monkeypatch.setattr(QMessageBox, "question", refuse)
    monkeypatch.setattr(QMessageBox, "warning", refuse)


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def trailing(doc):
    return [e for e in doc.proposals if e.rule == "spacing.trailing"]


def test_empty_state_then_drop_files(qtbot, window, article, tmp_path):
    assert window.stack.currentWidget() is window.empty
    second = tmp_path / "second.txt"
    second.write_text("Another text   \nwith a line.\n", encoding="utf-8")
    drop_files(window, [article, second])
    wait_idle(qtbot, window)
    assert [d.name for d in window.documents.documents] == ["article.txt", "second.txt"]
    doc = window.current
    assert doc.name == "article.txt"
    assert window.stack.currentWidget() is window.tabs
    assert window.view.toPlainText() == ARTICLE
    assert len(trailing(doc)) == 2
    assert window.review_model.rowCount() == len(doc.proposals)
    assert window.view.visible_highlights == len(doc.proposals)
    assert "utf" in window.encoding_button.text().lower()
    assert "to review" in window.review_summary.text()


def test_drop_folder_opens_its_files(qtbot, window, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Article {i}   \nShared footer line\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Nested   \n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("secret\n", encoding="utf-8")
    drop_files(window, [folder])
    wait_idle(qtbot, window)
    names = sorted(d.name for d in window.documents.documents)
    assert names == ["a0.txt", "a1.txt", "a2.txt", "b.txt"]
    assert window.corpus is not None and window.corpus.documents == 4


def test_click_highlight_then_accept_undo_redo(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    target = trailing(doc)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window.view, target.start))
    assert window.selected_edit() == target
    assert window.review_table.selectionModel().selectedRows()[0].row() == doc.proposals.index(target)
    accept_button = next(b for b, label in window._review_buttons if label == "Accept")
    qtbot.mouseClick(accept_button, Qt.MouseButton.LeftButton)
    expected = ARTICLE.replace("coast   \n", "coast\n")
    assert doc.text == expected
    assert window.view.toPlainText() == expected
    assert target not in doc.proposals
    assert doc.accepted["spacing.trailing"] == 1
    window.act_undo.trigger()
    assert doc.text == ARTICLE and window.view.toPlainText() == ARTICLE
    assert target in doc.proposals
    window.act_redo.trigger()
    assert window.view.toPlainText() == expected
    wait_idle(qtbot, window)
    assert all(e.start != target.start or e.rule != target.rule for e in doc.proposals)


def test_reject_from_review_table_is_not_proposed_again(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    row = doc.proposals.index(trailing(doc)[1])
    rejected = doc.proposals[row]
    rect = window.review_table.visualRect(window.review_model.index(row, 1))
    qtbot.mouseClick(window.review_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_edit() == rejected
    qtbot.keyClick(window.review_table, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert rejected not in doc.proposals
    assert doc.text == ARTICLE  # rejecting changes nothing
    # Type at the start; the new analysis must not bring the rejected edit back.
    window.view.setFocus()
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.view, "Live: ")
    assert doc.text.startswith("Live: Storm")
    wait_idle(qtbot, window)
    assert len(trailing(doc)) == 1
    assert all(e.start != rejected.start + 6 for e in trailing(doc))
    window.act_undo.trigger()  # the typing (one step)
    assert doc.text == ARTICLE
    window.act_undo.trigger()  # the rejection
    assert rejected in doc.proposals


def test_typing_is_analysed_and_stale_proposals_disappear(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    first = trailing(doc)[0]
    # Delete the trailing spaces by hand: the proposal over them goes at once.
    cursor = window.view.textCursor()
    cursor.setPosition(first.end)
    window.view.setTextCursor(cursor)
    window.view.setFocus()
    for _ in range(first.end - first.start):
        qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert first not in doc.proposals and len(trailing(doc)) == 1
    # Type a new line ending in spaces: after the pause it is proposed.
    cursor.movePosition(cursor.MoveOperation.End)
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.view, "New line   ")
    with qtbot.waitSignal(window.documentAnalysed, timeout=10_000):
        pass
    wait_idle(qtbot, window)
    assert doc.text.endswith("New line   ")
    assert any(doc.text[e.start:e.end] == "   " and e.end == len(doc.text) for e in trailing(doc))
    assert window.view.toPlainText() == doc.text


def test_accept_all_is_one_undo_step(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    proposals = list(doc.proposals)
    stack = window.buffers[doc.uid].undo_stack
    before = stack.count()
    window.act_accept_doc.trigger()
    assert stack.count() == before + 1
    assert doc.text == apply_edits(ARTICLE, proposals)
    assert window.view.toPlainText() == doc.text
    window.act_undo.trigger()
    assert doc.text == ARTICLE and window.view.toPlainText() == ARTICLE
    assert doc.proposals == proposals


def test_accept_rule_in_all_documents(qtbot, window, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Line one   \nLine two\t\n", encoding="utf-8")
    window.open_paths([article, other])
    wait_idle(qtbot, window)
    n = window.accept_all(everywhere=True, rule="spacing.trailing")
    assert n == 4
    for d in window.documents.documents:
        assert not trailing(d)
        assert not any(line != line.rstrip(" \t") for line in d.text.split("\n"))


def test_context_menu_offers_accept_and_bulk(qtbot, window, article, monkeypatch):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    target = trailing(doc)[0]
    menu = window._proposal_menu(doc.proposals.index(target))
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Accept" in texts and "Reject" in texts and "All Like This" in texts
    assert window.selected_edit() == target


def test_keyboard_navigation_and_shortcuts(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    first = window.selected_edit()
    assert first is not None
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert first not in doc.proposals
    assert doc.accepted[first.rule] == 1
    assert window.view.toPlainText() == doc.text
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.text == ARTICLE


def test_bad_inputs_are_listed_with_reasons(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    gone = tmp_path / "gone.txt"
    gone.write_text("soon deleted\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("fine text   \n", encoding="utf-8")
    # Hold every worker thread so that the file can vanish between listing and reading.
    gate = threading.Event()
    pool = QThreadPool.globalInstance()
    started = [threading.Event() for _ in range(pool.maxThreadCount())]
    blockers = [run_in_background(lambda ev=ev: (ev.set(), gate.wait(30))) for ev in started]
    qtbot.waitUntil(lambda: all(ev.is_set() for ev in started))
    window.open_paths([png, empty, gone, good, tmp_path / "never-existed.txt"])
    gone.unlink()
    gate.set()
    qtbot.waitUntil(lambda: all(b.finished.is_set() for b in blockers))
    wait_idle(qtbot, window)
    docs = {d.name: d for d in window.documents.documents}
    assert set(docs) == {"image.png", "empty.txt", "gone.txt", "good.txt", "never-existed.txt"}
    assert not docs["image.png"].ok and docs["image.png"].error
    assert not docs["gone.txt"].ok and "exist" in docs["gone.txt"].error
    assert not docs["never-existed.txt"].ok
    assert docs["good.txt"].ok and trailing(docs["good.txt"])
    # An empty file is a document with nothing to review, not a failure.
    assert docs["empty.txt"].ok and docs["empty.txt"].text == ""
    row = window.documents.row_of(docs["image.png"])
    assert "Cannot open" in window.documents.data(window.documents.index(row))
    window.select_document(docs["image.png"])
    assert window.stack.currentWidget() is window.message
    assert "could not be opened" in window.message.label.text()
    assert shown == []  # no modal dialogs


def test_export_writes_the_reviewed_text(qtbot, window, article, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs import export_dialog

    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    window.accept_all(rule="spacing.trailing")
    out = tmp_path / "out"

    def fake_exec(dlg):
        dlg.folder_edit.setText(str(out))
        dlg.naming_combo.setCurrentText("{stem}.clean{ext}")
        dlg.encoding_combo.setCurrentIndex(dlg.encoding_combo.findData("utf-8"))
        dlg.newline_combo.setCurrentIndex(dlg.newline_combo.findData("crlf"))
        dlg.accept()
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    with qtbot.waitSignal(window.exportFinished, timeout=10_000) as sig:
        window.act_export.trigger()
    summary = sig.args[0]
    assert summary is not None and not summary.failed
    expected = ARTICLE.replace("coast   \n", "coast\n").replace("ground.  \n", "ground.\n")
    assert (out / "article.clean.txt").read_bytes() == expected.replace("\n", "\r\n").encode("utf-8")
    assert article.read_text(encoding="utf-8") == ARTICLE  # the input is untouched
    assert doc.saved_revision == doc.revision
    assert window.unsaved_documents() == []


def test_reopen_with_another_encoding(qtbot, window, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs import encoding_dialog

    text = "Café crème, naïve façade — déjà vu.\n" * 3
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    window.open_paths([p])
    wait_idle(qtbot, window)
    doc = window.current
    offered = []
    monkeypatch.setattr(encoding_dialog, "choose_encoding",
                        lambda parent, data, current: offered.append((data, current)) or "latin-1")
    window.act_reopen.trigger()
    wait_idle(qtbot, window)
    assert offered and offered[0][0] == p.read_bytes()
    assert doc.encoding in ("latin-1", "iso8859-1", "latin_1")
    assert doc.text == p.read_bytes().decode("latin-1")
    assert window.view.toPlainText() == doc.text
    assert window.buffers[doc.uid].undo_stack.count() == 0


def test_unsaved_changes_prompt_on_close(qtbot, window, article, monkeypatch):
    window.open_paths([article])
    wait_idle(qtbot, window)
    window.accept_all()
    asked = []

    def cancel(box):
        asked.append(box.text())
        box.setProperty("_clicked", "cancel")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.button(QMessageBox.StandardButton.Cancel))
    assert window.close() is False
    assert asked and "not exported" in asked[0]
    assert window.isVisible()


def test_find_bar(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    window.act_find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, "residents")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.view.textCursor().selectedText() == "residents"


def test_recent_files_are_remembered(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    assert window.recent_files()[0] == str(article.absolute())
    window._fill_recent_menu()
    assert any(a.text() == "article.txt" for a in window.recent_menu.actions())


def test_emoji_offsets_stay_aligned(qtbot, window, tmp_path):
    p = tmp_path / "emoji.txt"
    p.write_text("😀 smile   \n🎉 party  \n", encoding="utf-8")
    window.open_paths([p])
    wait_idle(qtbot, window)
    doc = window.current
    assert len(trailing(doc)) == 2
    window.accept_all(rule="spacing.trailing")
    assert doc.text == "😀 smile\n🎉 party\n"
    assert window.view.toPlainText() == doc.text
    # Typing after an astral character lands where the user put the cursor.
    cursor = window.view.textCursor()
    cursor.setPosition(2)  # after 😀 (two UTF-16 units)
    window.view.setTextCursor(cursor)
    window.view.setFocus()
    qtbot.keyClicks(window.view, "!")
    assert doc.text == "😀! smile\n🎉 party\n"
    assert window.view.toPlainText() == doc.text


def test_point_of_helper_inside_viewport(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    p = point_of(window.view, 0)
    assert window.view.viewport().rect().contains(p) or p == QPoint()


def test_rules_dialog_profile_reanalyses_every_document(qtbot, window, article, tmp_path, monkeypatch):
    from desktop_app.gui.dialogs import rules_dialog

    other = tmp_path / "other.txt"
    other.write_text("Line one   \nLine two\n", encoding="utf-8")
    window.open_paths([article, other])
    wait_idle(qtbot, window)
    assert all(trailing(d) for d in window.documents.documents)

    def fake_exec(dlg):
        return 1

    monkeypatch.setattr(rules_dialog.RulesDialog, "exec", fake_exec)
    monkeypatch.setattr(rules_dialog.RulesDialog, "result_profile",
                        lambda dlg: window.profile.replace(disabled_rules=frozenset({"spacing.trailing"})))
    window.act_rules.trigger()
    wait_idle(qtbot, window)
    assert "spacing.trailing" in window.profile.disabled_rules
    assert not any(trailing(d) for d in window.documents.documents)
    # The profile is remembered for the next start.
    again = MainWindow()
    assert again.profile.disabled_rules == window.profile.disabled_rules
    again.close()
    again.deleteLater()


def test_folder_of_many_small_files(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"f{i:04d}.txt").write_text(f"Article {i}   \nBody {i}.\nShare this article\n", encoding="utf-8")
    window.open_paths([folder])
    assert len(window.documents.documents) == 300  # listed at once, loaded in the background
    wait_idle(qtbot, window, timeout=60_000)
    assert all(d.ok and d.analysed_revision == d.revision for d in window.documents.documents)
    assert all(trailing(d) for d in window.documents.documents)
    assert window.recent_files()[0] == str(folder.absolute())  # the folder, not 300 entries


def test_files_dropped_on_the_text_are_opened_not_pasted(qtbot, window, article, tmp_path):
    window.open_paths([article])
    wait_idle(qtbot, window)
    second = tmp_path / "second.txt"
    second.write_text("Second file   \n", encoding="utf-8")
    drop_files(window, [second], target=window.view.viewport())
    wait_idle(qtbot, window)
    assert [d.name for d in window.documents.documents] == ["article.txt", "second.txt"]
    assert window.documents.documents[0].text == ARTICLE  # no path pasted into the first text


def test_single_keys_in_the_review_list(qtbot, window, article):
    window.open_paths([article])
    wait_idle(qtbot, window)
    doc = window.current
    n = len(doc.proposals)
    window.review_table.setFocus()
    window._select_index(0)
    first = window.selected_edit()
    qtbot.keyClick(window.review_table, Qt.Key.Key_A)
    assert first not in doc.proposals and sum(doc.accepted.values()) == 1
    second = window.selected_edit()  # the selection moved on to the next proposal
    assert second is not None and second != first
    qtbot.keyClick(window.review_table, Qt.Key.Key_R)
    assert second not in doc.proposals and second in doc.rejected
    assert len(doc.proposals) == n - 2


def test_typing_while_a_big_text_is_still_filling_in(qtbot, window, tmp_path):
    from desktop_app.gui.buffer import FILL_CHUNK

    p = tmp_path / "big.txt"
    p.write_text("Paragraph of text.\n\n" * (FILL_CHUNK // 8), encoding="utf-8")  # filled in chunks
    with qtbot.waitSignal(window.documentLoaded, timeout=20_000):
        window.open_paths([p])
    buf = window.buffers[window.current.uid]
    assert buf.filling
    window.view.setFocus()
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.view, "New start. ")
    qtbot.waitUntil(lambda: not buf.filling)
    doc = window.current
    assert doc.text.startswith("New start. Paragraph")
    assert buf.shown_text() == doc.text
    window.cancel_background()


def test_accepting_confident_edits_gives_what_the_cli_writes(qtbot, window):
    """The GUI's "Accept Confident Edits" (repeated until nothing is left) equals `clean_text`."""
    from desktop_app.core import clean_text
    from desktop_app.core.resources import resource_path

    samples = sorted(resource_path("samples").glob("*.txt"))
    if not samples:
        pytest.skip("no bundled sample")
    window.open_paths(samples[:1])
    wait_idle(qtbot, window)
    doc = window.current
    for _ in range(6):
        if not window.accept_confident():
            break
        wait_idle(qtbot, window)
    assert doc.text == clean_text(doc.original, window.profile)
    assert all(0 <= n.start <= n.end <= len(doc.text) for n in doc.notices)


def test_a_line_repeated_in_another_section_of_a_big_text_is_proposed(qtbot, window, tmp_path):
    """Big texts are analysed section by section; repeats across sections are found afterwards."""
    from desktop_app.gui.main_window import SECTION_CHARS

    repeated = "The agency said the storm would weaken after making landfall on Tuesday night.\n\n"
    filler = "".join(f"Paragraph {i} about something else entirely, numbered to stay unique.\n\n"
                      for i in range(2 * SECTION_CHARS // 60))
    p = tmp_path / "big.txt"
    p.write_text(repeated + filler + repeated + "The end of the page.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documentAnalysed, timeout=60_000):
        window.open_paths([p])
    doc = window.current
    assert len(doc.text) > 2 * SECTION_CHARS
    second = doc.text.rindex(repeated)
    dup = [e for e in doc.proposals if e.category == "duplicate"]
    assert [(e.start, e.rule) for e in dup] == [(second, "duplicate.line")]
    assert "repeats line 1 " in dup[0].reason
    assert doc.text[dup[0].start:dup[0].end] == repeated[:-1]  # the line and its line break


def test_a_big_file_shows_its_first_screen_then_a_document_built_in_the_background(qtbot, window, tmp_path):
    from desktop_app.gui import buffer as buffer_module

    p = tmp_path / "big.txt"
    text = "".join(f"Line {i} of a big scraped page with trailing spaces   \n" for i in range(25_000))
    assert len(text) >= buffer_module.GROUP_MIN_CHARS
    p.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(window.documentLoaded, timeout=30_000):
        window.open_paths([p])
    doc = window.current
    buf = window.buffers[doc.uid]
    first = buf.qdoc
    assert buf.grouped and buf.filling  # the first screen only, while the rest is built elsewhere
    with qtbot.waitSignal(buf.documentReplaced, timeout=30_000):
        pass
    assert buf.qdoc is not first and not buf.filling
    assert buf.qdoc.thread() is window.thread() and buf.qdoc.parent() is buf
    assert buf.qdoc.blockCount() < 25_000 // 10
    assert buf.shown_text() == doc.text == text
    assert window.view.document() is buf.qdoc
    window.view.setFocus()
    cursor = window.view.textCursor()
    cursor.setPosition(doc.text.index("Line 20000 "))
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.view, "New ")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert "New \nLine 20000 of" in doc.text
    assert buf.shown_text() == doc.text
    window.cancel_background()


def test_section_edges_of_a_big_text_are_not_taken_for_the_texts_edges(qtbot, window, tmp_path):
    """Each section is analysed with context: no "blank lines at the end of the text" at every boundary."""
    from desktop_app.gui.main_window import SECTION_CHARS

    paragraphs = [f"Paragraph {i}: the weather agency said the storm would weaken after landfall."
                  for i in range(3 * SECTION_CHARS // 70)]
    p = tmp_path / "big.txt"
    p.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.documentAnalysed, timeout=90_000):
        window.open_paths([p])
    doc = window.current
    assert len(doc.text) > 2 * SECTION_CHARS
    edge = [e for e in doc.proposals if "end of the text" in e.reason or "start of the text" in e.reason]
    assert edge == []
    assert not [n for n in doc.notices if doc.text[n.start:n.end].strip() and n.end < len(doc.text) - 100]
    # Nothing proposed would join two paragraphs.
    assert all("\n\n" not in doc.text[e.start:e.end] for e in doc.proposals)


def test_keep_section_keeps_what_starts_inside_the_section():
    from desktop_app.core.edits import Edit, Notice
    from desktop_app.gui.main_window import keep_section, section_context

    text = "".join(f"para {i}\n\n" for i in range(2000))
    a, b = text.index("para 500\n"), text.index("para 900\n")
    lo, hi = section_context(text, a, b, size=300)
    assert lo < a and hi > b and text[lo - 2:lo] == "\n\n" and text[hi - 2:hi] == "\n\n"
    assert section_context(text, 0, b, size=300)[0] == 0 and section_context(text, a, len(text))[1] == len(text)
    e = [Edit(x, x + 1, "", "r", "spacing", "why", 0.9) for x in (a - lo - 1, a - lo, b - lo - 1, b - lo)]
    n = [Notice(b - lo, b - lo + 1, "r", "notice", "m")]
    kept, notices = keep_section(e, n, a - lo, b - lo, at_end=False)
    assert [k.start for k in kept] == [0, b - a - 1] and notices == []
    kept, notices = keep_section(e, n, a - lo, b - lo, at_end=True)
    assert [k.start for k in kept] == [0, b - a - 1, b - a] and len(notices) == 1
