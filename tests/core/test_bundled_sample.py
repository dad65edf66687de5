"""The bundled sample: every kind of damage is fixed and no line of body text is lost."""

from desktop_app.core import analyze_full, clean_text
from desktop_app.core.decoding import read_text_file

BODY = [
    "気象庁によると、大型で強い台風10号は", "同庁は土砂災害や河川の氾濫に警戒するよう呼びかけた。",
    "東海道新幹線は午後から一部区間で運転を見合わせている。JR東海によると",
    "静岡市内の避難所に身を寄せる住民たち。", "近くの小学校に避難した",
    "Japan’s weather agency latest bulletin warned that the storm’s outer bands",
    "Evacuation centres opened in Shizuoka’s coastal towns, including a café turned into",
    "Officials urged residents in low-lying areas to move to higher ground before nightfall.",
    "市の担当者は「夜間の避難は危険が伴うため",
]
FURNITURE = ["関連記事", "この記事をシェアする", "Share this article", "Sign up for our newsletter",
             "Advertisement", "ページの先頭へ", "Back to top button"]


def test_bundled_sample_cleaned(bundled_sample_path):
    text = read_text_file(bundled_sample_path).text
    out = clean_text(text)
    for body in BODY:
        assert body in out, body
    for line in FURNITURE:
        assert line not in out.splitlines(), line
    assert out.count("静岡市内の避難所に身を寄せる住民たち。") == 1
    assert out.count("Officials urged residents") == 1
    assert "。 。" not in out and "。 、" not in out and "\u200b" not in out
    assert "Ã" not in out and "í" not in out


def test_bundled_sample_proposes_metadata_and_flags_truncation(bundled_sample_path):
    text = read_text_file(bundled_sample_path).text
    analysis = analyze_full(text)
    rules = {e.rule for e in analysis.edits}
    assert "metadata.byline" in rules
    assert any(n.rule == "notice.truncated" for n in analysis.notices)
