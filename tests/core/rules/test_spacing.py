"""Spacing rule on real-looking text."""

import pytest

from desktop_app.core import analyze, clean_text


@pytest.mark.parametrize(("before", "after"), [
    ("最新の例である。 。 これは最も詳細な証拠でもある。", "最新の例である。これは最も詳細な証拠でもある。"),
    ("兆候となっている。 、新たに発表された情報によると。", "兆候となっている。新たに発表された情報によると。"),
    ("と発表した。 潜在的な取引。", "と発表した。潜在的な取引。"),
    ("と述べた。 「これらの交渉を受けて」", "と述べた。「これらの交渉を受けて」"),
    ("Line one.   \nLine two.\t\n", "Line one.\nLine two.\n"),
    ("Para one.\n\n\n\n\nPara two.\n", "Para one.\n\nPara two.\n"),
    ("\n\n\nStart.\n", "Start.\n"),
    ("End.\n\n\n", "End.\n"),
    ("Zero\u200bwidth and soft\u00adhyphen", "Zerowidth and softhyphen"),
    ("bell\x07 and\x00 nul", "bell and nul"),
    ("CRLF line.  \r\nSecond line.\r\n\r\n\r\n\r\nLast.\r\n", "CRLF line.\r\nSecond line.\r\n\r\nLast.\r\n"),
])
def test_fixes(before, after):
    assert clean_text(before) == after


@pytest.mark.parametrize("text", [
    "「本当ですか？」「はい。」",            # quoted dialogue: no space to remove
    "Amb. リンダ・トーマス・グリーンフィールド国連米国代表は",  # a Latin abbreviation, not 。
    "待って……。それから！？",             # ellipsis and ！？ are real punctuation
    "He said: “Don’t.”  She left.",      # double space between English sentences is left alone
    "Emoji 👨\u200d👩\u200d👧 family and Persian می\u200cخواهم",  # ZWJ / ZWNJ carry meaning
    "Tabs\tinside\tlines stay.",
])
def test_leaves_correct_text_alone(text):
    assert clean_text(text) == text


def test_space_before_a_credit_is_only_proposed():
    text = "避難所に身を寄せる住民たち。 山田一郎/サンプル通信\n"
    edits = [e for e in analyze(text) if e.rule == "spacing.cjk-space"]
    assert edits and all(e.confidence < 0.8 for e in edits)
    assert clean_text(text) == text


def test_user_sample_debris_fixed(user_sample):
    out = clean_text(user_sample)
    assert "。 。" not in out and "。 、" not in out
    assert "最新の例である。これは" in out
