"""The repair engine: chains, lost bytes, the plausibility model and the fast path."""

from __future__ import annotations

import re

import pytest

from desktop_app.core.mojibake import repair_line_full, repair_text
from desktop_app.core.mojibake.align import diff_spans
from desktop_app.core.mojibake.chains import CHAINS, LOST, Chain
from desktop_app.core.mojibake.engine import is_suspicious, repair_line
from desktop_app.core.mojibake.model import model


def recovered(out: str, clean: str) -> bool:
    """`out` is `clean` except where a run of U+FFFD marks characters lost before repair."""
    parts = re.split("(\ufffd+)", out)
    pattern = "".join(f".{{1,{2 * len(p) + 1}}}" if p.startswith("\ufffd") else re.escape(p) for p in parts)
    return re.fullmatch(pattern, clean, flags=re.S) is not None


def fix(line: str) -> str:
    for r in sorted(repair_line_full(line), key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def chain(family: str) -> Chain:
    return next(c for c in CHAINS if c.family == family)


# Real sentences pushed through each chain (mojibake made here, from the clean text).
@pytest.mark.parametrize("family,clean", [
    ("utf8-cp932", "東京都内では今朝から強い雨が降り続いている。"),
    ("utf8-gbk", "北京市政府宣布将扩建地铁网络。"),
    ("utf8-big5", "¿Quién pagará la factura de la electricidad este invierno?"),
    ("utf8-cp1251", "Правительство объявило о новых мерах поддержки."),
    ("utf8-cp437", "¿Quién pagará la factura de la electricidad?"),
    ("utf8-macroman", "Die Größe des Grundstücks überraschte die Käufer."),
    ("sjis-cp1252", "政府は来年度の予算案を閣議決定した。"),
    ("eucjp-sjis", "新型の電気自動車が来月から販売される予定だ。"),
    ("cp1251-cp1252", "Жители города жалуются на плохое состояние дорог."),
    ("gbk-big5", "学生们将在下周参加全国统一考试。"),
    ("euckr-gbk", "정부는 내년 예산안을 국회에 제출했다."),
    ("cp1252-macroman", "The minister’s office said “no comment” to the café’s owner."),
    ("macroman-cp1252", "La canción ganó el premio a la mejor interpretación en español."),
])
def test_chain_families_are_repaired(family, clean):
    moji = chain(family).apply(clean)  # bytes the wrong codec cannot read are lost to U+FFFD
    assert moji != clean
    out = fix(moji)
    assert recovered(out, clean), out
    assert out.count("\ufffd") <= moji.count("\ufffd")


def test_utf8_chinese_read_as_big5_with_heavy_loss():
    # About half the bytes are lost: what survived whole is recovered, every lost character marked.
    clean = "臺北市的捷運系統每天載運超過兩百萬人次。"
    out = fix(chain("utf8-big5").apply(clean))
    assert recovered(out, clean) and "系統" in out and "人次" in out


def _lossy(clean: str, true: str, read_as: str, mark: str) -> str:
    """Mojibake whose wrong decoder replaced what it could not read (one mark per bad byte)."""
    return clean.encode(true).decode(read_as, errors="replace").replace("\ufffd", mark)


@pytest.mark.parametrize("clean,true,read_as", [
    ("정부는 내년 예산안을 국회에 제출했다.", "utf-8", "cp949"),
    ("ロシアと北朝鮮は武器取引の交渉を進めている。", "utf-8", "gbk"),
    ("香港政府宣佈新的房屋政策。", "gbk", "big5"),
    ("ロシアと北朝鮮は武器取引の交渉を進めている。", "euc_jp", "cp932"),
    ("Über 3000 Menschen demonstrierten am Samstag in München.", "utf-8", "big5"),
    ("« C’est une décision historique », a déclaré la ministre.", "utf-8", "big5"),
])
@pytest.mark.parametrize("mark", ["\ufffd", "?"])
def test_lost_bytes_whole_line_recovers_what_survived_and_marks_the_rest(clean, true, read_as, mark):
    moji = _lossy(clean, true, read_as, mark)
    assert moji != clean
    out = fix(moji)
    assert recovered(out, clean), out
    assert fix(out) == out  # marked lost characters are not searched again
    if mark == "?":  # question marks turned into lost-character marks: the reason says so
        assert "lost" in " ".join(r.reason for r in repair_line_full(moji))


def test_lossy_decode_keeps_correct_text_next_to_a_lost_mark():
    # ftfy's repair of Serbian leaves one lost character; the letters around it are correct.
    assert fix("Cрп\ufffdки [ћирилицом]") == "Cрп\ufffdки [ћирилицом]"


@pytest.mark.parametrize("line", [
    "Really? Yes. What?? ¿Qué? Où est-il ?",
    "東京都の人口は約1400万人?と聞かれた。",
    "\ufffd marks a character lost before us: 東京\ufffd大阪",
])
def test_question_marks_and_lost_marks_alone_are_not_repaired(line):
    assert [r for r in repair_line_full(line) if r.confidence >= 0.8] == []


def test_reason_names_the_chain_and_confidence_is_high_for_clear_cases():
    moji = chain("utf8-cp932").apply("こんにちは、世界")
    (r,) = repair_line_full(moji)
    assert "UTF-8 read as CP932" in r.reason and r.confidence >= 0.9 and r.rule == "mojibake.utf8-cp932"


def test_lost_bytes_are_marked_and_the_rest_recovered():
    # UTF-8 read as CP932 with errors="replace": bytes CP932 cannot pair were lost to U+FFFD.
    moji = "政府は来年度の予算案を閣議決定した。".encode().decode("cp932", errors="replace")
    assert LOST in moji
    out = fix(moji)
    assert "予算案を閣議決定" in out and LOST in out
    (r,) = repair_line_full(moji)
    assert "lost" in r.reason and r.confidence < 0.99


def test_only_the_broken_run_of_a_line_changes():
    line = "記事「" + chain("utf8-cp932").apply("こんにちは") + "」を読んだ。Привет, мир."
    assert fix(line) == "記事「こんにちは」を読んだ。Привет, мир."


def test_double_mojibake():
    twice = chain("utf8-cp1251").apply(chain("utf8-cp437").apply("¿Qué?"))
    assert fix(twice) == "¿Qué?"


@pytest.mark.parametrize("text", [
    "El país celebró el Día de la Hispanidad; ¿quién no estuvo allí?",
    "Luís e João chegaram à estação às três horas.",
    "Die Maßnahme betrifft 12 % der Bürger – laut Statistik.",
    "The proof uses √2 ≈ 1.414, x² ≥ 0 and ∑ 1/n² = π²/6.",
    "┌──────┬──────┐ │ name │ size │ └──────┴──────┘",
    "ｶﾞｲﾄﾞﾌﾞｯｸの価格は1,200円（税込）です。",
    "Mixed: 東京 (Tokyo), Москва (Moscow), Zürich, Kraków and Αθήνα.",
    "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ１２３ and 「括弧」『二重』【注意】",
    "Connect with Āø on Facebook",
    "OK??:(   `¬´    ):",
    "서울은 대한민국의 수도이며 인구는 약 천만 명이다.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",  # "ódy" is no MacRoman "—dy"
    "Tá sé ag teacht ó Bhaile Átha Cliath inniu.",
    "Llegaron 3 ó 4 personas a la reunión.",
])
def test_correct_text_is_not_repaired(text):
    assert [r for r in repair_line_full(text) if r.confidence >= 0.8] == []


def test_fast_path_skips_clean_lines():
    for line in ["Plain English, nothing to see.", "東京都の人口は約1400万人で、日本の首都です。",
                 "Он сказал, что всё будет хорошо.", "Le président a annoncé une réforme."]:
        assert not is_suspicious(line)
        assert repair_line(line) == []
    assert list(repair_text("ascii only\nlines\n")) == []


def test_model_prefers_real_text():
    m = model()
    assert m.cost("こんにちは") < m.cost("縺薙ｓ縺ｫ縺｡縺ｯ")
    assert m.cost("North Korea’s") < m.cost("North Koreaís")
    assert m.cost("país") < m.cost("pa’s")
    assert m.cost("Привет") < m.cost("Ïðèâåò")


def test_diff_spans_are_minimal():
    spans = diff_spans("cafÃ© crÃ¨me", "café crème")
    assert [(s.start, s.end, s.replacement) for s in spans] == [(3, 5, "é"), (8, 10, "è")]


def test_lost_no_break_space_is_restored():
    # UTF-8 "à" is C3 A0; read as Windows-1251 that is "Г" + no-break space, which became a space.
    line = "faites attention Г bien vous renseigner avant sur le mГ©dicament"
    assert fix(line) == "faites attention à bien vous renseigner avant sur le médicament"
    # ... and where the no-break space was the byte itself, the space goes with it (Vietnamese).
    assert fix("Xem clip hĂ i, phim hĂ i má»›i hay nháşĄt") == "Xem clip hài, phim hài mới hay nhất"


def test_repairs_of_garbage_are_stable():
    # Lines mixing several chains' mojibake, lost bytes and random characters: whatever the engine
    # makes of them, repairing its output again changes nothing (clean_text is idempotent).
    import random

    from desktop_app.core.pipeline import clean_text
    from desktop_app.core.profiles import default_profile

    profile = default_profile().with_categories(only=["encoding"])
    rng = random.Random(3)
    pieces = [chain(f).apply(s) for f, s in [("utf8-cp932", "東京都内では今朝から強い雨"), ("utf8-big5", "北京市政府宣布"),
                                             ("utf8-euckr", "정부는 내년 예산안을"), ("cp1251-cp1252", "Жители города"),
                                             ("utf8-gbk", "研究人员发现了"), ("eucjp-sjis", "ロシアと北朝鮮")]]
    # Inputs a fuzzer once found not to be (a lossy decode that left CJK mojibake behind).
    for text in ["縺ｧñ螻뒗?螻€縺€¿蝗é東 Ð縺螳扈", "?Â螻\x80Ñの扈€ ｮ蝗ｧÌ   溯?\x81ñ젙螳?京Â",
                 "ｧÂ?螳Â螻Ðê縺扈¿ê?\x81ｮ é螳€の螳Ã€ 젙\x80Ñê螳 a ",
                 "のÑ뒗縺젙莉\x80溯뒗a\x80Â溯溯젙?Ã縺젙｡젙? ?Â??젙?莉Ã Ñ 東젙京のの"]:
        once = clean_text(text, profile)
        assert clean_text(once, profile) == once, text
    alphabet = list("?\ufffd aé縺ｧ東京の\x80ÃÂ€™Ð Ñ¿ Ìî螳扈溯ｮ｡젙뒗")
    for _ in range(40):
        parts = [rng.choice(pieces) if rng.random() < 0.6 else "".join(rng.choices(alphabet, k=rng.randint(1, 12)))
                 for _ in range(rng.randint(1, 4))]
        text = rng.choice([" ", ""]).join(parts)
        once = clean_text(text, profile)
        assert clean_text(once, profile) == once, text


# Correct text that a chain maps to other text at high gain: words in capitals (Windows-1252 read
# as MacRoman turns "Ñ" into "„" and "Ú" into "ò") and lone typographic marks (a no-break space,
# "ä" and "à" out of "†", "‰" and "‡").
@pytest.mark.parametrize("text", [
    "EL ÑANDÚ ES UN AVE.",
    "PAPAS Y ÑOQUIS",
    "ÑOQUIS CASEROS",
    "ÑU",
    "CAFÉ ÑOÑO.",
    "LA FÊTE DE NOËL À PARIS",
    "GRÜNE WÄHLER: STRAßE GESPERRT",
    "PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ",
    "Kui TÕENE, siis kasutajad saavad akna suurust muuta",  # Estonian GTK catalogue: "TÕENE" is TRUE
    "See note† below.",
    "Text† and more‡ notes.",
    "‰ †‡ ‹›",
    "Revenue rose 5‰ last year.",
])
def test_capitals_and_lone_marks_are_not_repaired(text):
    assert repair_line(text) == []


# ... while mojibake of text in capitals, and of the same marks inside words, is still repaired.
@pytest.mark.parametrize("broken,clean", [
    ("ESPA—A GANA", "ESPAÑA GANA"),
    ("CAFÃ‰ DE PARIS", "CAFÉ DE PARIS"),
    ("ÃœBER ALLES", "ÜBER ALLES"),
    ("ÌÎÑÊÂÀ ÑÅÃÎÄÍß", "МОСКВА СЕГОДНЯ"),
    ("ÑNEINì, sagte er", "„NEIN“, sagte er"),
    ("voil‡ la carte", "voilà la carte"),
    ("M‰dchen und Jungen", "Mädchen und Jungen"),
])
def test_capitals_and_marks_in_mojibake_are_repaired(broken, clean):
    assert fix(broken) == clean
