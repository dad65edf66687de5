"""A file with a few undecodable bytes opens, and the loss is shown where the user looks."""

from __future__ import annotations

from gui_helpers import wait_idle


def test_utf8_with_invalid_bytes_opens_and_says_what_was_lost(qtbot, window, tmp_path):
    p = tmp_path / "mostly-utf8.txt"
    body = "東京都は新しい規制を発表した。市長は会見で詳しく説明した。\n" * 20
    p.write_bytes(body.encode("utf-8") + b"The mayor said she didn\x92t agree.\n")
    window.open_paths([p])
    wait_idle(qtbot, window)
    doc = window.documents.documents[0]
    assert doc.ok, doc.error
    assert doc.encoding == "utf-8" and doc.replaced == 1
    assert "didn\ufffdt" in doc.text
    row = window.documents.row_of(doc)
    assert "1 undecodable bytes" in window.documents.data(window.documents.index(row))
    window.select_document(doc)
    assert "bytes lost" in window.encoding_button.text()
    assert "could not be decoded" in window.encoding_button.toolTip()


def test_all_documents_actions_follow_documents_loaded_behind_a_failed_one(qtbot, window, tmp_path):
    binary = tmp_path / "a-image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    good = tmp_path / "b-article.txt"
    good.write_text("A sentence with trailing spaces.   \n\n\n\nAnother one.\n", encoding="utf-8")
    window.open_paths([binary, good])
    wait_idle(qtbot, window)
    assert window.current is not None and not window.current.ok  # the failed file is the one shown
    assert window.act_export_all.isEnabled()
    assert window.act_accept_everywhere.isEnabled()


def test_saved_profile_from_another_version_keeps_the_known_settings(qtbot, window):
    window.settings.setValue("profile", '[profile]\napply_threshold = 0.9\n\n[rules]\n'
                                        'disabled = ["spacing.trailing", "rule.from-a-newer-version"]\n')
    profile = window._saved_profile()
    assert profile is not None and profile.apply_threshold == 0.9
    assert "spacing.trailing" in profile.disabled_rules
