"""The diff view: alignment of the pure diff, and the widget's navigation, highlights and staleness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop_app.gui.diff_view import (
    CHANGED,
    DELETED,
    FILLER,
    INSERTED,
    SAME,
    SOLO,
    DiffView,
    _utf16,
    compute_diff,
)


def side_lines(text: str, kinds) -> list[str]:
    """The real (non-filler) lines of one side of a diff."""
    return [line for line, k in zip(text.split("\n"), kinds, strict=True) if k != FILLER]


# --- compute_diff ----------------------------------------------------------------------------

def test_removed_line_faces_a_filler_row():
    res = compute_diff("title\nShare this article\nbody text\n", "title\nbody text\n")
    assert res.left_text.split("\n") == ["title", "Share this article", "body text", ""]
    assert res.right_text.split("\n") == ["title", "", "body text", ""]
    assert list(res.left_kinds) == [SAME, SOLO, SAME, SAME]
    assert list(res.right_kinds) == [SAME, FILLER, SAME, SAME]
    assert res.hunks == [1] and (res.removed, res.added, res.changed) == (1, 0, 0)


def test_changed_line_marks_the_changed_characters():
    res = compute_diff("intro\nCafÃ© au lait   \nend", "intro\nCafé au lait\nend")
    assert list(res.left_kinds) == [SAME, CHANGED, SAME]
    left, right = res.char_spans[1]
    row_l, row_r = res.left_text.split("\n")[1], res.right_text.split("\n")[1]
    assert "".join(row_l[s:e] for s, e in left) == "Ã©   "
    assert "".join(row_r[s:e] for s, e in right) == "é"
    assert res.changed == 1


def test_dissimilar_lines_are_marked_whole():
    res = compute_diff("a\nxxxxxxxxxxxx\nb", "a\n東京の天気は晴れです\nb")
    assert list(res.left_kinds) == [SAME, CHANGED, SAME] and 1 not in res.char_spans
    # Inline: the old line struck through, then the new one.
    assert res.inline_text.split("\n")[1] == "xxxxxxxxxxxx東京の天気は晴れです"
    assert res.inline_spans[1] == [(0, 12, DELETED), (12, 22, INSERTED)]


def test_crlf_is_not_a_change():
    res = compute_diff("one\r\ntwo\r\n", "one\ntwo\n")
    assert res.hunks == [] and "\r" not in res.left_text


def test_whitespace_fixes_on_every_line_still_align():
    # No line survives unchanged (trailing spaces removed everywhere) and furniture repeats: loose
    # anchors pair each line with its cleaned self instead of pairing lines in order.
    original = "".join(f"Menu\nPage {k}: 本文です。 \nShare this\n" for k in range(200))
    current = "".join(f"Page {k}: 本文です。\n" for k in range(200))
    res = compute_diff(original, current)
    left, right = res.left_text.split("\n"), res.right_text.split("\n")
    for row in range(res.rows):
        if res.left_kinds[row] == CHANGED:
            assert left[row].rstrip() == right[row]
    assert res.changed == 200 and res.removed == 400 and res.hunks == [0]  # every row changed: one block


def test_repetitive_text_stays_aligned():
    # Scraped pages repeat furniture lines; anchoring on unique lines keeps each page's removal local.
    pages = [f"Home | News | Sport\nArticle {k} body, unique text.\nShare this\n" for k in range(300)]
    cleaned = [f"Article {k} body, unique text.\n" for k in range(300)]
    res = compute_diff("".join(pages), "".join(cleaned))
    assert res.removed == 600 and res.added == 0 and res.changed == 0
    assert len(res.hunks) == 301  # one per page boundary, plus the first menu


def test_cancel_returns_none():
    import threading

    ev = threading.Event()
    ev.set()
    assert compute_diff("a\n" * 10_000, "b\n" * 10_000, ev) is None


def test_utf16_positions():
    assert _utf16("ab", 2) == 2
    assert _utf16("😀x", 1) == 2 and _utf16("日本😀語", 4) == 5


lines = st.lists(st.sampled_from(["", "a", "b", "Share", "本文です。", "x y", "😀"]), max_size=30)


@settings(max_examples=150, deadline=None)
@given(lines, lines)
def test_both_sides_are_reconstructed_and_aligned(a, b):
    original, current = "\n".join(a), "\n".join(b)
    res = compute_diff(original, current)
    assert res.left_text.count("\n") == res.right_text.count("\n") == res.rows - 1
    assert side_lines(res.left_text, res.left_kinds) == original.split("\n")
    assert side_lines(res.right_text, res.right_kinds) == current.split("\n")
    inline = res.inline_text.split("\n")
    left_rows, right_rows = res.left_text.split("\n"), res.right_text.split("\n")
    for row in range(res.rows):
        spans = res.inline_spans.get(row)
        if spans is not None:  # a changed row: dropping inserted spans gives the old line, deleted the new
            keep_old = "".join(inline[row][s:e] for s, e in _complement(spans, INSERTED, len(inline[row])))
            keep_new = "".join(inline[row][s:e] for s, e in _complement(spans, DELETED, len(inline[row])))
            assert (keep_old, keep_new) == (left_rows[row], right_rows[row])
        same = res.left_kinds[row] == SAME
        assert same == (res.right_kinds[row] == SAME)
        if same:
            assert res.left_text.split("\n")[row] == res.right_text.split("\n")[row]


def _complement(spans, drop_kind, length):
    """Ranges of a row outside the spans of `drop_kind`."""
    out, pos = [], 0
    for s, e, kind in spans:
        if kind == drop_kind:
            out.append((pos, s))
            pos = e
    out.append((pos, length))
    return out


# --- the widget ------------------------------------------------------------------------------

def make_texts(n_pages: int = 40) -> tuple[str, str]:
    original = "".join(f"Menu\nPage {k}: 東京で展示会が開かれました。 \nShare this\n\n" for k in range(n_pages))
    current = "".join(f"Page {k}: 東京で展示会が開かれました。\n\n" for k in range(n_pages))
    return original, current


def test_widget_shows_the_diff_and_navigates(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(DiffView.MODE_SIDE_BY_SIDE)
    view.resize(900, 400)
    view.show()
    original, current = make_texts()
    with qtbot.waitSignal(view.diff_ready, timeout=10_000):
        view.set_texts(original, current)
    res = view.result
    assert view.change_count() == len(res.hunks) > 10
    assert view.left.toPlainText() == res.left_text and view.right.toPlainText() == res.right_text
    assert f"{len(res.hunks)} changes" in view.summary_label.text()
    assert view.left.extraSelections() and view.right.extraSelections()

    view.next_change()
    assert view.current_change() == 0 and "Change 1 of" in view.position_label.text()
    view.go_to_change(20)
    row = res.hunks[20]
    assert view.left.textCursor().blockNumber() == row == view.right.textCursor().blockNumber()
    assert view.left.verticalScrollBar().value() == view.right.verticalScrollBar().value() > 0
    view.previous_change()
    assert view.current_change() == 19
    assert view.next_button.shortcut() == QKeySequence("Alt+Down")
    assert view.prev_button.shortcut() == QKeySequence("Alt+Up")
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current_change() == 20
    view.go_to_change(10_000)
    assert view.current_change() == len(res.hunks) - 1 and not view.next_button.isEnabled()


@pytest.mark.parametrize("mode", [DiffView.MODE_SIDE_BY_SIDE, DiffView.MODE_INLINE])
def test_highlights_are_made_for_visible_rows_only(qtbot, mode):
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(mode)
    pane = view.left if mode == DiffView.MODE_SIDE_BY_SIDE else view.inline
    view.resize(900, 300)
    view.show()
    original, current = make_texts(3000)  # 12,000 lines, 6,000+ changes
    with qtbot.waitSignal(view.diff_ready, timeout=20_000):
        view.set_texts(original, current)
    visible = len(view._visible_rows(pane))
    n = len(pane.extraSelections())
    assert 0 < n <= 3 * visible < 300
    # Scrolling far down re-highlights what is now on screen.
    view.go_to_change(view.change_count() - 5)

    def first_highlighted_row() -> int:
        sels = pane.extraSelections()  # keep the list: its cursors live as long as it does
        return sels[0].cursor.blockNumber() if sels else -1

    qtbot.waitUntil(lambda: first_highlighted_row() > 10_000)


def test_inline_mode_marks_deleted_and_inserted_characters(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(DiffView.MODE_INLINE)
    view.resize(500, 300)
    view.show()
    long = "A very long paragraph of scraped text that goes on and on. " * 20
    with qtbot.waitSignal(view.diff_ready):
        view.set_texts(f"Menu\n{long}CafÃ©\n", f"{long}Café\n")
    assert view.inline.lineWrapMode() == view.inline.LineWrapMode.WidgetWidth
    rows = view.inline.toPlainText().split("\n")
    # The long line is paired with its new version, not with "Menu" (the most similar pair wins).
    assert rows[0] == "Menu" and rows[1] == long + "CafÃ©é"
    view.next_change()
    sels = view.inline.extraSelections()
    struck = [s_.cursor.selectedText() for s_ in sels if s_.format.fontStrikeOut()]
    assert "Menu" in struck and "Ã©" in struck
    inserted = [s_.cursor.selectedText() for s_ in sels
                if s_.cursor.hasSelection() and not s_.format.fontStrikeOut()]
    assert inserted == ["é"]
    # The mode is remembered for the next view.
    again = DiffView()
    qtbot.addWidget(again)
    assert again.mode() == DiffView.MODE_INLINE
    again.set_mode(DiffView.MODE_SIDE_BY_SIDE)
    assert DiffView().mode() == DiffView.MODE_SIDE_BY_SIDE


def test_navigation_scrolls_a_long_line_to_its_change(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(DiffView.MODE_SIDE_BY_SIDE)
    view.resize(500, 300)
    view.show()
    long = "word " * 400
    with qtbot.waitSignal(view.diff_ready):
        view.set_texts(long + "end  \n", long + "end\n")
    view.next_change()
    qtbot.waitUntil(lambda: view.left.horizontalScrollBar().value() > 0)
    left_bar, right_bar = view.left.horizontalScrollBar(), view.right.horizontalScrollBar()
    assert right_bar.value() == min(left_bar.value(), right_bar.maximum())  # scrolled together


def test_a_newer_text_wins_over_an_older_result(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    big_a, big_b = make_texts(2000)
    view.set_texts(big_a, big_b)
    with qtbot.waitSignal(view.diff_ready, timeout=20_000):
        view.set_texts("old line\n", "new line\n")
    assert view.left.toPlainText() == "old line\n" and view.change_count() == 1
    qtbot.wait(50)  # a late result of the first call must not replace it
    from desktop_app.gui.worker import wait_for_idle

    wait_for_idle()
    qtbot.wait(20)
    assert view.left.toPlainText() == "old line\n"


def test_identical_texts(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.diff_ready):
        view.set_texts("same\ntext", "same\ntext")
    assert view.change_count() == 0 and view.summary_label.text() == "No changes."
    assert not view.next_button.isEnabled() and not view.prev_button.isEnabled()
    view.next_change()  # harmless
    assert view.current_change() == -1


def test_a_new_diff_keeps_the_scroll_position(qtbot):
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(DiffView.MODE_INLINE)
    view.resize(600, 300)
    view.show()
    original, current = make_texts(300)
    with qtbot.waitSignal(view.diff_ready):
        view.set_texts(original, current)
    view.go_to_change(200)
    top = view.inline.verticalScrollBar().value()
    assert top > 100
    # The user accepts one more edit: the diff is recomputed, the view stays where it was.
    with qtbot.waitSignal(view.diff_ready):
        view.set_texts(original, current.replace("Page 3:", "Page three:"))
    assert view.inline.verticalScrollBar().value() == top


def test_closing_the_view_during_a_diff_is_harmless(qtbot):
    from desktop_app.gui.worker import wait_for_idle

    view = DiffView()
    original, current = make_texts(2000)
    view.set_texts(original, current)
    view.deleteLater()
    qtbot.wait(1)  # the C++ object goes; the worker's late result must be dropped quietly
    wait_for_idle()
    qtbot.wait(20)


def test_colours_follow_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    view = DiffView()
    qtbot.addWidget(view)
    light = view.colors()["removed"].alpha()
    pal = view.palette()
    pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    view.setPalette(pal)
    assert view.colors()["removed"].alpha() > light  # stronger over a dark base, to stay visible


def test_a_big_diff_builds_the_documents_of_the_mode_shown_only(qtbot, monkeypatch):
    from desktop_app.gui import diff_view

    monkeypatch.setattr(diff_view, "LAZY_DOCUMENT_CHARS", 10)
    view = DiffView()
    qtbot.addWidget(view)
    view.set_mode(DiffView.MODE_INLINE)
    view.resize(900, 400)
    view.show()
    original, current = make_texts(200)
    with qtbot.waitSignal(view.diff_ready, timeout=10_000):
        view.set_texts(original, current)
    res = view.result
    expected = compute_diff(original, current)
    assert view.inline.toPlainText() == expected.inline_text and view.inline.extraSelections()
    assert res.inline_text == ""  # the pane's document holds it now
    assert view.left.document().blockCount() == 1 == view.right.document().blockCount()  # not built
    view.go_to_change(5)  # harmless on the panes not built
    view.set_mode(DiffView.MODE_SIDE_BY_SIDE)
    assert not view.documents_ready()
    qtbot.waitUntil(view.documents_ready, timeout=10_000)
    assert view.left.toPlainText() == expected.left_text and view.right.toPlainText() == expected.right_text
    assert view.left.textCursor().blockNumber() == res.hunks[5]  # the change navigated to, now shown
    qtbot.waitUntil(lambda: bool(view.left.extraSelections()))
    view.set_mode(DiffView.MODE_INLINE)
    assert view.documents_ready() and view.inline.toPlainText() == expected.inline_text
