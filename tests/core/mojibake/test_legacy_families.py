"""Legacy CJK pages read as Windows-1252/Latin-1, KOI8-R/UTF-8/Windows-1250 mix-ups, and the real
Latin-1, Cyrillic and Central European text those chains must leave alone."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (sloppy-windows-1252: undefined bytes kept, as browsers do)
import pytest

from desktop_app.core.mojibake import repair_line_full, repair_text
from desktop_app.core.mojibake.chains import CHAINS
from desktop_app.core.mojibake.scan import candidate_offsets


def fix(line: str) -> str:
    for r in sorted(repair_line_full(line), key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def families(line: str) -> set[str]:
    return {r.rule for r in repair_line_full(line)}


CASES = [
    ("こんにちは、世界。今日はいい天気ですね。", "euc_jp", "sloppy-windows-1252", "eucjp-cp1252"),
    ("専門家によると、地震の可能性は低いという。", "euc_jp", "latin-1", "eucjp-latin1"),
    ("你好，世界。今天天气很好。", "gbk", "sloppy-windows-1252", "gbk-cp1252"),
    ("国家统计局今天公布了上个月的经济数据。", "gbk", "latin-1", "gbk-latin1"),
    ("你好，世界。今天天氣很好。", "big5", "sloppy-windows-1252", "big5-cp1252"),
    ("颱風預計明天清晨登陸，氣象局發布海上警報。", "big5", "latin-1", "big5-latin1"),
    ("안녕하세요, 만나서 반갑습니다.", "euc_kr", "sloppy-windows-1252", "euckr-cp1252"),
    ("정부는 내년 예산안을 국회에 제출했다.", "euc_kr", "latin-1", "euckr-latin1"),
    ("Привет, как дела? Всё хорошо.", "koi8_r", "cp1251", "koi8r-cp1251"),
    ("Правительство объявило о новых мерах поддержки.", "utf-8", "koi8_r", "utf8-koi8r"),
    ("Rząd przyjął we wtorek projekt ustawy o ochronie środowiska.", "cp1250", "sloppy-windows-1252",
     "cp1250-cp1252"),
    ("Zażółć gęślą jaźń, powiedział.", "cp1250", "sloppy-windows-1252", "cp1250-cp1252"),
    ("Vláda ve středu schválila návrh nového zákona o dani z příjmů.", "cp1250", "sloppy-windows-1252",
     "cp1250-cp1252"),
]


@pytest.mark.parametrize("clean,true,read_as,family", CASES)
def test_family_is_repaired_and_named(clean, true, read_as, family):
    moji = clean.encode(true).decode(read_as)
    assert moji != clean
    assert fix(moji) == clean
    # Text without bytes 80-9F reads the same in Latin-1 and Windows-1252: either name is right.
    true_name = family.split("-")[0]
    assert {r.split(".")[1].split("-")[0] for r in families(moji)} == {true_name}


@pytest.mark.parametrize("clean,true,read_as,family", CASES)
def test_fast_path_sees_every_family(clean, true, read_as, family):
    # The whole-text scan decides which lines reach the chain search: it must not miss these.
    moji = clean.encode(true).decode(read_as)
    assert candidate_offsets(moji)


def test_every_new_family_is_a_registered_chain():
    names = {c.family for c in CHAINS}
    assert {f for *_, f in CASES} <= names


def test_no_half_width_katakana_out_of_korean_or_chinese_mojibake():
    # EUC-KR read as Windows-1252: bytes A1-DF are also Shift_JIS half-width katakana, which must
    # not win over the right chain (nor over the input when no chain fits).
    moji = "안녕하세요, 만나서 반갑습니다.".encode("euc_kr").decode("sloppy-windows-1252")
    out = fix(moji)
    assert not any("\uff61" <= c <= "\uff9f" for c in out)
    assert out == "안녕하세요, 만나서 반갑습니다."
    assert not any("\uff61" <= c <= "\uff9f" for c in fix("ÌìÌì"))  # GBK "天天" read as Windows-1252


@pytest.mark.parametrize("line", [
    "µ = 3,5 µm; σ² = 0,25; x ± 1,96·σ; ¬p ∨ q; ¼ + ½ = ¾.",
    "Price list: tea £2.50, coffee £3.10, ¥500 in Tokyo, ¢50 a cup in the ’50s.",
    "Preisliste: Kaffee ½ l 2,80 €, Tee ¼ l 1,90 €, Kuchen 3,50 € (inkl. 19 % MwSt.).",
    "See § 12 Abs. 3 and §§ 14–16; ¶ 4 of the contract; © 2021, ® and ™ marks.",
    "Tabelle: ¹ vorläufig, ² geschätzt, ³ ohne Berlin; ¤ Währung, ¦ Trenner.",
    "¿Dónde está la estación? ¡Al final de la calle Ñuñoa, 3.º piso!",
    "A 3.ª edição do festival começa às 21h00 no Porto; bilhetes a 12,50 €.",
    "SÃO PAULO É A MAIOR CIDADE DO BRASIL, DIZ O IBGE.",
    "Þór og Ægir fóru til Reykjavíkur á föstudaginn.",
    "ÆØÅ er de sidste bogstaver i det danske alfabet.",
    "ÉCOLE NATIONALE SUPÉRIEURE — DÉPARTEMENT D’ÉCONOMIE, ÎLE-DE-FRANCE",
    "Ceny energií letos výrazně vzrostly, uvedl Český statistický úřad.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy; ŽLUŤOUČKÝ KŮŇ.",
    "Zażółć gęślą jaźń — polskie znaki: ą ć ę ł ń ó ś ź ż, Ą Ć Ę Ł Ń Ó Ś Ź Ż.",
    "Москва и Санкт-Петербург — крупнейшие города России; ООН и НАТО.",
    "ｶﾞｲﾄﾞﾌﾞｯｸの価格は1,200円（税込）です。",
])
def test_real_text_is_left_alone(line):
    assert list(repair_text(line)) == []


def test_bytes_that_are_valid_utf8_stay_utf8():
    # ftfy's case: UTF-8 combining strokes read as Windows-1252, not GBK hanzi ("潭").
    out = fix("hotel $49 $Ì¶6Ì¶3Ì¶ updated 2018")
    assert "潭" not in out and "\u0336" in out


def test_legacy_cjk_runs_are_cjk_text():
    # Two symbols that pair into one Cyrillic letter of a national character set are no repair.
    assert fix("See §§ 14–16 of the contract.") == "See §§ 14–16 of the contract."


@pytest.mark.parametrize("clean,moji", [
    # 佈 is GBK 81 D1: Windows-1252 has no byte 81, so the lead is lost and its trail "Ñ" is left over.
    ("香港政府宣佈新的房屋政策。", "Ïã¸ÛÕþ¸®Ðû\ufffdÑÐÂµÄ·¿ÎÝÕþ²ß¡£"),
    # 漲 is GBK 9D 71: the lost lead leaves an ASCII-looking trail "q".
    ("這家公司的股價在消息公布後大幅上漲。", "ß@¼Ò¹«Ë¾µÄ¹ÉƒrÔÚÏûÏ¢¹«²¼áá´ó·ùÉÏ\ufffdq¡£"),
])
def test_legacy_cjk_with_a_lost_byte_keeps_its_alignment(clean, moji):
    out = fix(moji)
    lost = clean[[a == b for a, b in zip(clean, out, strict=False)].index(False)]
    assert out == clean.replace(lost, "\ufffd")
    (r,) = repair_line_full(moji)
    assert "lost" in r.reason and r.rule == "mojibake.gbk-cp1252"


def test_lost_byte_as_question_mark_in_legacy_cjk():
    out = fix("Ïã¸ÛÕþ¸®Ðû?ÑÐÂµÄ·¿ÎÝÕþ²ß¡£")
    assert out == "香港政府宣\ufffd新的房屋政策。"


def test_polish_word_with_a_symbol_inside_is_repaired_without_the_word_list():
    # "³" for "ł": a symbol glued between letters is no word, so an unknown word may replace it.
    out = fix("potwierdzi³y te informacje w ministerstwie")
    assert out == "potwierdziły te informacje w ministerstwie"


@pytest.mark.parametrize("line", [
    # Real Spanish, Galician, Portuguese, Hungarian, Czech and Slovak: under Windows-1252 read as
    # MacRoman (or the reverse) their ó, í, ñ, á would be dashes, apostrophes and dots glued to words.
    "Se necesita autenticación para abrir el documento.",
    "Descrición do tipo de letra",
    "Uólofe e Letón",
    "Bretón",
    "Rozbalovací menu",
    "Viditelná, když je vodorovná",
    "Nebola zadaná žiadna adresa",
    "Jobb oldali margó",
    "Axuste de liña",
    "Jestli stavová ikona bliká",
    # Serbian Cyrillic is no KOI8-R text read as Windows-1251.
    "Елемент је већ наведен",
])
def test_real_words_are_not_single_byte_mojibake(line):
    assert list(repair_text(line)) == []


def test_single_byte_repairs_still_make_marks_where_text_has_them():
    # Windows-1252 read as MacRoman: apostrophes inside words, quotes at their edges, dashes between words.
    moji = "“We didn’t expect this,” said the mayor — who’d warned of delays.".encode("cp1252").decode("mac_roman")
    assert fix(moji) == "“We didn’t expect this,” said the mayor — who’d warned of delays."


@pytest.mark.parametrize("line", [
    "路径必须以斜杠开头（/）",          # GBK-read UTF-8 would make "·" and "б" out of correct hanzi
    "ラベルの位置 (X方向)",             # ... and EUC-KR-read UTF-8 an Arabic-Indic digit out of 方
    "Република Азербејџан",            # Serbian: no hanzi out of the middle of a Cyrillic word
    "Neerlandés; Holandés; Flamengo",  # no capital inside a word (MacRoman "IslandÈs")
    "Tímor-Leste e um dígito",         # an elided clitic comes before a vowel or h ("d’gito" is none)
])
def test_repairs_keep_words_in_one_script_case_and_shape(line):
    assert list(repair_text(line)) == []


@pytest.mark.parametrize("clean,true,read_as", [
    ("使用iPhone手机拍照的效果很好。", "gbk", "latin-1"),
    ("Apple 公司发布了新款 iPhone 15，售价 5999 元。", "gbk", "sloppy-windows-1252"),
    ("蘋果公司發布了新款 iPhone 15，售價 NT$29,900。", "big5", "latin-1"),
    ("台灣的GDP成長率為3.5%。", "big5", "sloppy-windows-1252"),
    ("東京都の人口は約1400万人（2023年）です。", "euc_jp", "latin-1"),
    ("LG전자의 새 TV가 CES에서 공개됐다.", "euc_kr", "sloppy-windows-1252"),
])
def test_cjk_lines_with_ascii_words_glued_in(clean, true, read_as):
    assert fix(clean.encode(true).decode(read_as)) == clean


def test_accented_letters_glued_to_an_ascii_word_are_not_a_short_cjk_run():
    # Estonian alphabet: "õäöü" would be two GBK or EUC-KR characters.
    assert list(repair_text("abcdefghijkõäöü ABCDEFGHIJKÕÄÖÜ")) == []


def test_an_unknown_word_in_a_flagged_line_is_searched():
    # "Gdañska" alone does not make a line suspicious (an accented letter inside a word the word list
    # lacks is mostly a rarer word), but next to "Ba³tyku" (a symbol glued inside a word) it is the
    # same Windows-1250 text read as Windows-1252, and its repair names the line's chain.
    clean = "Naukowcy z Gdańska odkryli nowy gatunek ryby w Bałtyku."
    moji = clean.encode("cp1250").decode("sloppy-windows-1252")
    assert fix(moji) == clean
    assert fix("Naukowcy z Gdañska odkryli nowy gatunek ryby.") == "Naukowcy z Gdañska odkryli nowy gatunek ryby."
