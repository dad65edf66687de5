"""Duplicate rule: repeated lines and paragraphs, extended repeats, legitimate repeats kept."""

from desktop_app.core import analyze, clean_text

CAPTION = "2023年1月10日に撮影されたこの写真には、キエフで記者会見に応じる大統領補佐官が写っている。"


def test_caption_repeated_with_credit_kept_once():
    text = f"前の段落。\n\n{CAPTION}\n{CAPTION} 山田一郎/サンプル通信/ゲッティイメージズ\n本文が続く。\n"
    out = clean_text(text)
    assert out.count(CAPTION) == 1
    assert "本文が続く。" in out and "前の段落。" in out
    [e] = [e for e in analyze(text) if e.rule == "duplicate.extended"]
    assert "山田一郎" in e.reason


def test_adjacent_repeated_line_removed():
    line = "Officials urged residents in low-lying areas to move to higher ground before nightfall."
    assert clean_text(f"{line}\n{line}\nThe storm moved on.\n") == f"{line}\nThe storm moved on.\n"


def test_repeated_paragraph_removed_with_its_blank_line():
    para = "The storm made landfall near the city.\nWinds reached 150 km/h, the agency said."
    text = f"{para}\n\nOther news here, unrelated to the storm at all.\n\n{para}\n\nClosing line.\n"
    out = clean_text(text)
    assert out.count(para) == 1
    assert out.endswith("Other news here, unrelated to the storm at all.\n\nClosing line.\n")


def test_last_line_without_newline():
    line = "A substantial sentence that repeats at the very end of the file."
    assert clean_text(f"{line}\n{line}") == line


def test_short_lines_repeat_legitimately():
    text = "Q: Is it safe?\nYes.\nQ: Will it rain?\nYes.\n"
    assert clean_text(text) == text


def test_distinct_but_similar_lines_kept():
    text = ("The ministry said 12 people were injured in Osaka.\n"
            "The ministry said 15 people were injured in Kyoto.\n")
    assert clean_text(text) == text


def test_line_keys_of_a_whole_text_equal_each_lines_key():
    import sys

    from desktop_app.core.rules.duplicates import _key, line_keys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    samples = ["", "\n", " a  b \n", "A\u3000B\t\r\nÄ\xa0ｂ \n\n", " x", "y ", "İ ß\x85z\u2028w"]
    samples += [f"{s}Word{s}{s}more{s}\n{s}" for s in spaces]
    for text in samples:
        assert line_keys(text)[: text.count("\n") + 1] == [_key(p.rstrip("\r")) for p in text.split("\n")], text
