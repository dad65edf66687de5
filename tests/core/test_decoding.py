"""Decoding: real encodings, BOM-less UTF-16/32, damaged UTF-8, binaries, short inputs, files."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import random
import zipfile

import pytest

from desktop_app.core.decoding import (
    DecodedText,
    DecodeError,
    candidate_encodings,
    decode_bytes,
    is_binary,
    read_text_file,
)

# Multi-sentence news-style texts, one per language, written for these tests.
TEXTS = {
    "ja": "東京都は二十五日、首都直下地震に備えた新しい防災計画を発表した。計画では、避難所の数を今後五年間で約一・五倍に"
          "増やし、高齢者や外国人住民への情報提供も強化する。\n都の担当者は記者会見で「住民一人ひとりの安全を第一に考えた」と"
          "述べ、来月から区市町村との協議を始める考えを示した。一方、専門家からは財源の確保が課題だとの指摘も出ている。\n",
    "zh_hans": "北京市政府二十五日公布了新的城市交通规划。根据规划，到明年年底，地铁运营里程将增加约二十公里，并新建三个大型"
               "换乘枢纽。\n市交通委员会负责人在新闻发布会上表示，新规划将有效缓解早晚高峰的拥堵问题。不过，也有专家指出，资金"
               "来源和拆迁安置仍是需要解决的难题。\n",
    "zh_hant": "臺北市政府二十五日公布新的都市交通計畫。根據計畫，到明年年底，捷運營運里程將增加約二十公里，並新建三個大型轉乘"
               "樞紐。\n市府交通局負責人在記者會上表示，新計畫將有效緩解上下班尖峰時段的壅塞問題。不過，也有學者指出，經費來源"
               "與徵收補償仍是有待解決的難題。\n",
    "ko": "서울시는 25일 새로운 도시 교통 계획을 발표했다. 계획에 따르면 내년 말까지 지하철 운행 구간이 약 20킬로미터 늘어나고, "
          "대형 환승 센터 세 곳이 새로 들어선다.\n시 교통국 관계자는 기자회견에서 \"이번 계획으로 출퇴근 시간대의 혼잡이 크게 "
          "줄어들 것\"이라고 말했다. 그러나 일부 전문가들은 재원 마련과 주민 보상 문제가 여전히 과제로 남아 있다고 지적했다.\n",
    "ru": "Правительство Москвы в среду представило новый план развития городского транспорта. Согласно документу, к концу "
          "следующего года протяжённость линий метро увеличится примерно на двадцать километров, а в городе появятся три "
          "крупных пересадочных узла.\nПредставитель департамента транспорта заявил журналистам, что новый план позволит "
          "заметно снизить загруженность дорог в часы пик. Однако ряд экспертов считает, что вопрос финансирования "
          "по-прежнему остаётся открытым.\n",
    "fr": "Le gouvernement a présenté mercredi un nouveau plan de transport urbain. Selon le document, le réseau de métro "
          "sera prolongé d’environ vingt kilomètres d’ici la fin de l’année prochaine, et trois grands pôles d’échange "
          "verront le jour.\n« Ce plan permettra de réduire nettement les embouteillages aux heures de pointe », a déclaré "
          "un porte-parole du ministère. Certains économistes estiment toutefois que la question du financement reste "
          "entière — et que les délais sont trop optimistes.\n",
    "de": "Die Landesregierung hat am Mittwoch einen neuen Verkehrsplan vorgestellt. Demnach soll das U-Bahn-Netz bis Ende "
          "nächsten Jahres um rund zwanzig Kilometer verlängert werden; außerdem entstehen drei große Umsteigeknoten.\nEin "
          "Sprecher des Ministeriums sagte, der Plan werde die Staus im Berufsverkehr spürbar verringern. Mehrere Ökonomen "
          "äußerten jedoch Zweifel an der Finanzierung und hielten den Zeitplan für zu ehrgeizig.\n",
    "es": "El gobierno presentó el miércoles un nuevo plan de transporte urbano. Según el documento, la red de metro se "
          "ampliará unos veinte kilómetros antes de finales del próximo año, y se construirán tres grandes "
          "intercambiadores.\nUn portavoz del ministerio afirmó que el plan reducirá notablemente los atascos en las horas "
          "punta. Sin embargo, varios economistas señalan que la financiación todavía no está garantizada.\n",
    "en": "The city council unveiled a new transport plan on Wednesday. Under the plan, the subway network will grow by "
          "about twenty kilometres by the end of next year, and three large interchange hubs will be built.\n“This plan will "
          "noticeably reduce congestion at rush hour,” a spokesperson said. Critics, however, argue that the funding isn’t "
          "secured — and that the timetable is far too optimistic.\n",
    "pl": "Rząd przedstawił w środę nowy plan transportu miejskiego. Zgodnie z dokumentem sieć metra zostanie wydłużona o "
          "około dwadzieścia kilometrów do końca przyszłego roku, a w mieście powstaną trzy duże węzły przesiadkowe.\n"
          "Rzecznik ministerstwa powiedział, że plan znacząco zmniejszy korki w godzinach szczytu.\n",
}

# (language, codec the bytes are written in, codecs the decoder may answer with).
LEGACY_CASES = [
    ("ja", "shift_jis", {"cp932"}),
    ("ja", "cp932", {"cp932"}),
    ("ja", "euc_jp", {"euc_jp"}),
    ("ja", "iso2022_jp", {"iso2022_jp"}),
    ("zh_hans", "gb2312", {"gb18030"}),
    ("zh_hans", "gbk", {"gb18030"}),
    ("zh_hans", "gb18030", {"gb18030"}),
    ("zh_hant", "big5", {"cp950", "big5hkscs"}),
    ("zh_hant", "cp950", {"cp950", "big5hkscs"}),
    ("ko", "euc_kr", {"cp949"}),
    ("ko", "cp949", {"cp949"}),
    ("ru", "cp1251", {"cp1251"}),
    ("ru", "koi8_r", {"koi8-r"}),
    ("ru", "iso8859_5", {"iso8859-5"}),
    ("fr", "cp1252", {"cp1252"}),
    ("en", "cp1252", {"cp1252"}),
    ("de", "latin-1", {"cp1252"}),  # no bytes 0x80-0x9F: cp1252 reads it identically
    ("es", "latin-1", {"cp1252"}),
    ("pl", "cp1250", {"cp1250"}),
    ("pl", "iso8859_2", {"iso8859-2", "cp1250"}),
]


def _first_sentence(text: str) -> str:
    return text.split("\n")[0][:40]


@pytest.mark.parametrize(("lang", "codec", "expected"), LEGACY_CASES,
                         ids=[f"{lang}-{codec}" for lang, codec, _ in LEGACY_CASES])
def test_legacy_encodings_decode_exactly(lang, codec, expected):
    text = TEXTS[lang]
    d = decode_bytes(text.encode(codec))
    assert d.text == text
    assert d.encoding in expected
    assert d.replaced == ()
    assert not d.bom
    assert d.method == "chardet"
    assert d.candidates[0][0] == d.encoding
    assert all(0.0 <= c <= 1.0 for _, c in d.candidates)


@pytest.mark.parametrize(("lang", "codec", "expected"), LEGACY_CASES,
                         ids=[f"{lang}-{codec}" for lang, codec, _ in LEGACY_CASES])
def test_legacy_encodings_one_sentence(lang, codec, expected):
    text = _first_sentence(TEXTS[lang])
    d = decode_bytes(text.encode(codec))
    assert d.text == text


def test_gb18030_four_byte_characters():
    text = "北京今日发布新规定。欧元符号€和罕用字𠀀、㐀也能正确显示。"
    d = decode_bytes((TEXTS["zh_hans"] + text).encode("gb18030"))
    assert d.encoding == "gb18030"
    assert d.text.endswith(text)


def test_shift_jis_nec_extensions_need_cp932():
    # ① and ㈱ exist only in Microsoft's cp932 extension of Shift_JIS.
    text = TEXTS["ja"] + "①会場は㈱東京ビルです。\n"
    d = decode_bytes(text.encode("cp932"))
    assert (d.encoding, d.text) == ("cp932", text)


def test_cp1252_smart_punctuation_is_not_latin1():
    d = decode_bytes(TEXTS["en"].encode("cp1252"))
    assert d.encoding == "cp1252"
    assert "“This plan" in d.text and "isn’t" in d.text


def test_latin1_with_c1_bytes_falls_back_to_latin1():
    # 0x81 is undefined in cp1252: a Latin-1 file containing it must still decode strictly.
    data = TEXTS["de"].encode("latin-1") + b"\x81\n"
    d = decode_bytes(data)
    assert d.replaced == ()
    assert d.encoding in ("iso8859-1", "iso8859-15")  # chardet ties them; both read this text right
    assert d.text == TEXTS["de"] + "\x81\n"


# --- Unicode with and without BOM -----------------------------------------------------------------

@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize(("codec", "expected"), [
    ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"), ("utf-32", "utf-32-le"),
])
def test_bom(lang, codec, expected):
    text = TEXTS[lang]
    d = decode_bytes(text.encode(codec))
    assert (d.text, d.encoding, d.bom, d.method, d.confidence) == (text, expected, True, "bom", 1.0)


def test_only_one_bom_is_removed():
    # Found by tests/core/test_properties.py: "utf-8-sig" on the body swallowed a second U+FEFF.
    d = decode_bytes(codecs.BOM_UTF8 * 2 + b"text")
    assert (d.text, d.encoding, d.bom) == ("\ufefftext", "utf-8-sig", True)
    assert decode_bytes(codecs.BOM_UTF8 * 2, encoding="utf-8-sig").text == "\ufeff"
    assert decode_bytes(codecs.BOM_UTF16_LE * 2).text == "\ufeff"


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-32-be"])
def test_big_endian_bom(codec):
    bom = codecs.BOM_UTF16_BE if "16" in codec else codecs.BOM_UTF32_BE
    d = decode_bytes(bom + TEXTS["ja"].encode(codec))
    assert (d.text, d.encoding, d.bom) == (TEXTS["ja"], codec, True)


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom(lang, codec):
    text = TEXTS[lang]
    d = decode_bytes(text.encode(codec))
    assert (d.text, d.encoding, d.bom, d.method) == (text, codec, False, "no-bom")


@pytest.mark.parametrize("lang", ["ja", "zh_hans", "zh_hant", "ko"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_any_ascii(lang, codec):
    # No line end, no ASCII: no NUL byte at all; recognised by its characters.
    text = _first_sentence(TEXTS[lang])
    d = decode_bytes(text.encode(codec))
    assert (d.text, d.encoding) == (text, codec)


def test_utf16_bom_with_bad_surrogate_reports_replacement():
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00\xd8" + "def".encode("utf-16-le")
    d = decode_bytes(data)
    assert d.encoding == "utf-16-le"
    assert "\ufffd" in d.text and d.replaced == ((8, 10),)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_utf8(lang):
    d = decode_bytes(TEXTS[lang].encode("utf-8"))
    assert (d.text, d.encoding, d.method, d.confidence, d.bom) == (TEXTS[lang], "utf-8", "utf-8", 1.0, False)


def test_ascii_is_utf8():
    d = decode_bytes(b"Plain ASCII text.\nSecond line.\n")
    assert (d.encoding, d.confidence, d.method) == ("utf-8", 1.0, "utf-8")


def test_invalid_utf8_in_the_middle_of_a_large_file():
    good = TEXTS["ja"].encode("utf-8") + TEXTS["en"].encode("utf-8")
    head = good * 200
    data = head + b"\xff\xfe\xc3" + good * 200
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert d.method == "fallback"
    assert d.replaced == ((len(head), len(head) + 3),)
    assert d.text == head.decode() + "\ufffd" * 3 + (good * 200).decode()
    assert 0 < d.confidence <= 1


def test_cp1252_byte_in_english_utf8():
    # A UTF-8 file with curly quotes and one stray cp1252 "é" stays UTF-8 (no mojibake everywhere).
    data = TEXTS["en"].encode("utf-8") + "Caf\xe9 opens at nine.\n".encode("cp1252")
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert d.text.startswith(TEXTS["en"])
    assert len(d.replaced) == 1


def test_damaged_cp932_stays_cp932():
    good = TEXTS["ja"].encode("cp932")
    data = good * 20 + b"\x82" + b"\n" + good * 20  # a lead byte without its trail byte
    d = decode_bytes(data)
    assert d.encoding == "cp932"
    assert d.method == "fallback"
    assert d.replaced and all(b - a <= 2 for a, b in d.replaced)
    assert d.text.count("東京都") == 40


# --- binaries -------------------------------------------------------------------------------------

def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document>hello</w:document>")
    return buf.getvalue()


@pytest.mark.parametrize(("data", "name"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32), "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(32), "JPEG"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (_zip_bytes(), "ZIP"),
    (gzip.compress(b"hello world" * 10), "gzip"),
    (b"\x7fELF\x02\x01\x01" + bytes(57), "ELF"),
    (b"SQLite format 3\x00" + bytes(84), "SQLite"),
])
def test_binary_formats_are_refused_by_name(data, name):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert name in str(info.value)
    assert info.value.reason == str(info.value)
    assert isinstance(info.value, ValueError)
    assert name in is_binary(data)


def test_random_bytes_are_refused():
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(20000))
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(data)
    assert is_binary(data)


def test_nul_laden_text_is_refused():
    data = TEXTS["en"].encode() .replace(b" ", b"\x00 ") + b"\x00" * 500
    with pytest.raises(DecodeError, match="NUL"):
        decode_bytes(data)


def test_a_stray_nul_in_utf8_text_is_kept():
    data = (TEXTS["en"] * 3).encode() + b"\x00" + TEXTS["fr"].encode()
    d = decode_bytes(data)
    assert d.encoding == "utf-8" and "\x00" in d.text
    assert is_binary(data) is None


def test_control_characters_are_refused():
    data = bytes(range(1, 32)) * 10 + b"some text"
    with pytest.raises(DecodeError, match="control"):
        decode_bytes(data)


@pytest.mark.parametrize("start", ["ID3 tags explained", "OggS is a container", "%PDF-files are not text",
                                   "fLaC, wOFF and GIF"])
def test_text_starting_like_a_signature_is_text(start):
    text = start + ". " + TEXTS["en"]
    assert decode_bytes(text.encode()).text == text


def test_text_is_not_binary():
    for lang, codec, _ in LEGACY_CASES:
        assert is_binary(TEXTS[lang].encode(codec)) is None, (lang, codec)
    assert is_binary(TEXTS["ja"].encode("utf-16-le")) is None
    assert is_binary(b"") is None


def test_iso2022_escapes_are_not_control_characters():
    assert is_binary((TEXTS["ja"] * 5).encode("iso2022_jp")) is None


# --- empty and short inputs -----------------------------------------------------------------------

def test_empty_input():
    d = decode_bytes(b"")
    assert d == DecodedText("", "utf-8", 1.0, (("utf-8", 1.0),), False, (), "utf-8")


# (text, codec) for short inputs, where chardet's statistics alone are unreliable. The decoder weighs
# chardet's confidence by how common each encoding is and by signs of a wrong code page (see
# decoding._rank_short). Measured: 36 of 37 correct; the failure is kept below as an xfail.
SHORT = [
    ("日本語", "cp932"), ("ありがとうございます", "cp932"), ("こんにちは", "euc_jp"), ("テスト", "cp932"),
    ("今日は良い天気ですね。", "cp932"), ("今日は良い天気ですね。", "euc_jp"), ("関連記事", "cp932"),
    ("ページの先頭へ", "euc_jp"), ("中文", "gbk"), ("你好，世界", "gbk"), ("今天天气很好。", "gb18030"),
    ("相关文章", "gbk"), ("繁體中文", "big5"), ("今天天氣很好。", "big5"), ("臺灣", "cp950"),
    ("안녕하세요", "euc_kr"), ("서울", "cp949"), ("관련 기사", "euc_kr"), ("Привет", "cp1251"),
    ("Привет, мир!", "cp1251"), ("Москва", "koi8_r"), ("café", "cp1252"), ("Ça va très bien", "cp1252"),
    ("naïve résumé", "latin-1"), ("l’été", "cp1252"), ("Straße", "cp1252"), ("Zürich", "latin-1"),
    ("Grüße aus München", "cp1252"), ("¿Dónde está?", "cp1252"), ("año", "latin-1"), ("São Paulo", "cp1252"),
    ("“Hello” — world", "cp1252"), ("it’s", "cp1252"), ("Łódź", "cp1250"), ("Zażółć gęślą jaźń", "cp1250"),
    ("Příliš žluťoučký kůň", "cp1250"),
]


@pytest.mark.parametrize(("text", "codec"), SHORT, ids=[f"{c}-{t}" for t, c in SHORT])
def test_short_inputs(text, codec):
    assert decode_bytes(text.encode(codec)).text == text


@pytest.mark.xfail(reason="3 kanji in EUC-JP are equally valid GB18030 hanzi (澎叠旁); no statistics can tell",
                   strict=True)
def test_short_euc_jp_kanji_only():
    assert decode_bytes("東京都".encode("euc_jp")).text == "東京都"


def test_single_non_ascii_byte():
    assert decode_bytes(b"caf\xe9").text == "café"
    assert decode_bytes(b"\xe9").text  # something, never an exception


def test_short_valid_utf8_wins_with_lower_confidence():
    d = decode_bytes("é".encode())
    assert (d.text, d.encoding) == ("é", "utf-8")
    assert d.confidence < 1.0
    assert decode_bytes("naïve café résumé élan".encode()).confidence == 1.0


# --- forced encodings and candidates ---------------------------------------------------------------

def test_forced_encoding_reports_replacements():
    data = TEXTS["ja"].encode("cp932")
    d = decode_bytes(data, encoding="utf-8")
    assert d.method == "forced" and d.encoding == "utf-8"
    assert d.replaced and "\ufffd" in d.text
    assert decode_bytes(data, encoding="shift_jis").text == TEXTS["ja"]


def test_forced_encoding_strips_matching_bom():
    d = decode_bytes(TEXTS["en"].encode("utf-8-sig"), encoding="utf-8")
    assert d.text == TEXTS["en"] and d.bom and d.encoding == "utf-8-sig"


def test_forced_unknown_encoding():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode_bytes(b"abc", encoding="no-such-codec")
    with pytest.raises(DecodeError, match="not a text encoding"):
        decode_bytes(b"abc", encoding="rot13")


def test_candidate_encodings():
    data = TEXTS["ja"].encode("cp932")
    cands = candidate_encodings(data)
    assert cands[0][0] == "cp932"
    assert 1 < len(cands) <= 8
    for codec, conf in cands:
        data.decode(codec)  # every candidate decodes strictly
        assert 0.0 <= conf <= 1.0
    assert len(candidate_encodings(data, limit=3)) <= 3


def test_candidate_encodings_for_utf8_offer_alternatives():
    data = TEXTS["fr"].encode("utf-8")
    names = [c for c, _ in candidate_encodings(data)]
    assert names[0] == "utf-8"
    assert "cp1252" in names  # "Reopen with cp1252" is offered (it decodes the bytes, as mojibake)


# --- files ----------------------------------------------------------------------------------------

def test_read_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXTS["ko"].encode("euc_kr"))
    assert read_text_file(p).text == TEXTS["ko"]
    assert read_text_file(str(p), encoding="euc_kr").method == "forced"


def test_read_text_file_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 5000)
    with pytest.raises(DecodeError, match="too large"):
        read_text_file(p, max_bytes=4096)
    assert read_text_file(p, max_bytes=5000).text == "x" * 5000


def test_read_text_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        read_text_file(tmp_path)
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    with pytest.raises(DecodeError, match="PNG"):
        read_text_file(png)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    with pytest.raises(PermissionError):
        read_text_file(p)


def test_large_legacy_file_decoded_from_a_sample():
    # A few MB: chardet sees only a bounded sample, the strict check covers everything.
    data = TEXTS["ja"].encode("euc_jp") * 8000
    d = decode_bytes(data)
    assert d.encoding == "euc_jp" and len(d.text) == len(TEXTS["ja"]) * 8000


def test_user_sample_decodes_as_utf8(user_sample_path):
    d = read_text_file(user_sample_path)
    assert d.encoding in ("utf-8", "utf-8-sig") and d.replaced == ()


@pytest.mark.parametrize("codec", ["cp932", "euc_jp", "iso2022_jp", "utf-16-le", "utf-16-be", "gb18030"])
def test_user_sample_in_other_encodings(user_sample, codec):
    # The real Japanese-English page, as it would arrive from an older site or a Windows export.
    data = user_sample.encode(codec, "replace")
    assert decode_bytes(data).text == data.decode(codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_short_utf16_without_bom_or_any_nul_byte(codec):
    # QA: a 22-character Japanese line without a line end has no NUL byte at all.
    text = "今日は良い天気ですね。明日も晴れるでしょう。"
    decoded = decode_bytes(text.encode(codec))
    assert decoded.encoding == codec and decoded.text == text


@pytest.mark.parametrize("data", [b"caf\xe9 ol\xe9", "こんにちは".encode("cp932"), "テスト".encode("cp932"),
                                  "Grüße aus München!".encode("cp1252"), "こんにちは世界".encode("euc_jp")])
def test_even_length_legacy_bytes_are_not_taken_for_utf16(data):
    assert not decode_bytes(data).encoding.startswith("utf-16")
