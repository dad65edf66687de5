"""Notices report and never change the text."""

from desktop_app.core import analyze_full, clean_text


def test_truncated_last_paragraph_flagged(user_sample):
    notices = analyze_full(user_sample).notices
    [t] = [n for n in notices if n.rule == "notice.truncated"]
    assert user_sample[t.start:t.end].rstrip().endswith("報告していない")


def test_complete_text_not_flagged():
    text = "This is a complete paragraph that ends the way a sentence should end, with a full stop.\n\nMenu\n"
    assert not [n for n in analyze_full(text).notices if n.rule == "notice.truncated"]


def test_english_block_in_japanese_text(user_sample):
    notices = [n for n in analyze_full(user_sample).notices if n.rule == "notice.language"]
    assert len(notices) == 1
    assert "English" in notices[0].message and "Japanese" in notices[0].message
    assert user_sample[notices[0].start:].startswith("Russia and North Korea")


def test_notices_change_nothing():
    text = "これは日本語の段落で、十分な長さのある本文として扱われるはずの文章です。\n\n" \
           "This paragraph is written in English and is long enough to be judged on its own merits here\n"
    assert clean_text(text) == text
    assert analyze_full(text).notices
