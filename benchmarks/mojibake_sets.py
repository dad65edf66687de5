"""Evaluation sets for the mojibake engine: clean sentences, chain families, clean controls.

Sentences were written for this purpose (news-style, with the typography real text has). Each family
pushes the sentences whose characters its source codec can hold through a chain, with and without
lost bytes; controls are clean text (the sentences, pairs of them and tricky correct text) that must
come through unchanged.
"""

from __future__ import annotations

import random

SENTENCES = {
    "en": [
        "The minister’s office said the talks would resume on Monday.",
        "It’s the third time this year that the bridge has been closed for repairs.",
        "“We didn’t expect this,” said the mayor, who’d warned of delays.",
        "Prices rose 4.2% in July — the fastest pace since 1991.",
        "The company’s shares fell after it cut its forecast for the year.",
        "Residents say they’ve waited months for the water to be restored.",
        "Scientists found that the coral reef’s recovery was slower than hoped.",
        "The café on Main Street serves crème brûlée and a naïve little rosé.",
    ],
    "es": [
        "El Gobierno anunció ayer que la reforma entrará en vigor el próximo año.",
        "¿Quién pagará la factura de la electricidad este invierno?",
        "La economía española creció un 2,5 % en el último trimestre, según el INE.",
        "Los niños jugaban en la plaza mientras sus padres conversaban.",
        "El país vecino cerró la frontera durante tres días por la tormenta.",
        "«No habrá más recortes», aseguró la ministra de Educación.",
        "La canción ganó el premio a la mejor interpretación en español.",
        "Según los médicos, el paciente está fuera de peligro.",
    ],
    "fr": [
        "Le président a annoncé mercredi une réforme des retraites très contestée.",
        "À Marseille, les pêcheurs s’inquiètent de la hausse du prix du gazole.",
        "« C’est une décision historique », a déclaré la ministre de la Santé.",
        "Les élèves reprendront les cours lundi après deux semaines de grève.",
        "L’été dernier a été le plus chaud jamais enregistré en Europe.",
        "Il a été élu maire de la ville en 2020 avec 54 % des voix.",
        "Le théâtre rouvrira ses portes après des travaux de rénovation.",
        "Où se trouve la gare la plus proche, s’il vous plaît ?",
    ],
    "de": [
        "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen.",
        "Die Straße in der Nähe des Bahnhofs bleibt bis Ende März gesperrt.",
        "„Wir müssen schneller handeln“, sagte die Ministerin in Berlin.",
        "Die Preise für Lebensmittel sind im Vergleich zum Vorjahr deutlich gestiegen.",
        "Über 3000 Menschen demonstrierten am Samstag in München.",
        "Der Verein hat sein Spiel gegen Köln mit 2:1 gewonnen.",
        "Für die Schüler beginnen die Ferien in zwei Wochen.",
        "Die Größe des Grundstücks überraschte die Käufer.",
    ],
    "ru": [
        "Правительство объявило о новых мерах поддержки малого бизнеса.",
        "В Москве в выходные ожидается сильный снегопад.",
        "«Мы сделаем всё возможное», — заявил министр на пресс-конференции.",
        "Цены на бензин выросли на пять процентов за месяц.",
        "Учёные обнаружили новый вид бабочек в Сибири.",
        "Футбольный клуб подписал контракт с молодым нападающим.",
        "Выставка откроется в Третьяковской галерее в октябре.",
        "Жители города жалуются на плохое состояние дорог.",
    ],
    "ja": [
        "政府は来年度の予算案を閣議決定した。",
        "東京都内では今朝から強い雨が降り続いている。",
        "「できる限りのことをする」と首相は記者団に語った。",
        "新型の電気自動車が来月から販売される予定だ。",
        "この映画は公開から三週間で興行収入が十億円を超えた。",
        "専門家によると、地震の可能性は低いという。",
        "北海道の観光客数は過去最高を記録した。",
        "ロシアと北朝鮮は武器取引の交渉を進めている。",
    ],
    "zh": [
        "国家统计局今天公布了上个月的经济数据。",
        "北京市政府宣布将扩建地铁网络。",
        "专家表示，今年夏天的气温可能创下新高。",
        "这家公司的股价在消息公布后大幅上涨。",
        "学生们将在下周参加全国统一考试。",
        "台北市的捷運系統每天載運超過兩百萬人次。",
        "香港政府宣佈新的房屋政策。",
        "研究人员发现了一种新的治疗方法。",
    ],
    "ko": [
        "정부는 내년 예산안을 국회에 제출했다.",
        "서울에서는 오늘 아침부터 많은 비가 내리고 있다.",
        "대통령은 기자회견에서 경제 회복을 약속했다.",
        "이 영화는 개봉 첫 주에 관객 백만 명을 돌파했다.",
        "전문가들은 금리 인상 가능성이 높다고 말했다.",
        "부산의 관광객 수가 역대 최고를 기록했다.",
        "학생들은 다음 주에 시험을 치를 예정이다.",
        "새로운 스마트폰이 다음 달에 출시된다.",
    ],
}

# (family, true codec, codec it was read as, languages)
FAMILIES = [
    ("UTF-8 → CP1252 (ftfy's own)", "utf-8", "sloppy-windows-1252", ["en", "es", "fr", "de", "ru", "ja", "zh", "ko"]),
    ("CP1252 → MacRoman", "cp1252", "mac_roman", ["en", "es", "fr", "de"]),
    ("MacRoman → CP1252", "mac_roman", "sloppy-windows-1252", ["es", "fr", "de"]),
    ("UTF-8 → CP437", "utf-8", "cp437", ["en", "es", "fr", "de", "ru", "ja", "zh", "ko"]),
    ("UTF-8 → CP1251", "utf-8", "cp1251", ["en", "es", "fr", "de", "ja", "zh", "ko"]),
    ("CP1251 → CP1252", "cp1251", "sloppy-windows-1252", ["ru"]),
    ("UTF-8 → MacRoman", "utf-8", "mac_roman", ["en", "es", "fr", "de", "ru", "ja", "zh", "ko"]),
    # CJK codecs: the languages whose text meets them in practice (Korean read as Shift_JIS is rare).
    ("UTF-8 → CP932", "utf-8", "cp932", ["ja", "zh", "es", "fr", "de"]),
    ("UTF-8 → GBK", "utf-8", "gbk", ["zh", "ja", "ru", "es", "fr", "de"]),
    ("UTF-8 → Big5", "utf-8", "big5", ["zh", "es", "fr", "de"]),
    ("UTF-8 → EUC-KR", "utf-8", "cp949", ["ko", "es", "fr", "de"]),
    ("Shift_JIS → CP1252", "cp932", "sloppy-windows-1252", ["ja"]),
    ("Shift_JIS → Latin-1", "cp932", "latin-1", ["ja"]),
    ("EUC-JP → Shift_JIS", "euc_jp", "cp932", ["ja"]),
    ("GBK → Big5", "gbk", "big5", ["zh"]),
    ("EUC-KR → GBK", "cp949", "gbk", ["ko"]),
]

DOUBLE = [("UTF-8 → CP1252, twice", ["en", "es", "fr", "de", "ru", "ja", "zh", "ko"])]

TRICKY_CONTROLS = [
    "El país celebró el Día de la Hispanidad; ¿quién no estuvo allí?",
    "Luís e João chegaram à estação às três horas.",
    "Die Maßnahme betrifft 12 % der Bürger – laut Statistik.",
    "The proof uses √2 ≈ 1.414, x² ≥ 0 and ∑ 1/n² = π²/6.",
    "┌──────┬──────┐ │ name │ size │ └──────┴──────┘",
    "ｶﾞｲﾄﾞﾌﾞｯｸの価格は1,200円（税込）です。",
    "Mixed: 東京 (Tokyo), Москва (Moscow), Zürich, Kraków and Αθήνα.",
    "Copyright © 2023 Example Inc.™ — all rights reserved. 30 °C.",
    "Naïve coöperation at the café: Beyoncé’s résumé, déjà vu.",
    "ÀÉÎÕÜ are capitals; «guillemets» and „Anführungszeichen“ too.",
    "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ１２３ and 「括弧」『二重』【注意】",
    "Kim Jong Un “warmly welcomed the visit,” according to KCNA.",
]


def chain_apply(text: str, true: str, read_as: str, lost: bool, rng: random.Random) -> str | None:
    """Mojibake of `text`; with `lost`, bytes the wrong codec cannot hold become � or ?."""
    try:
        data = text.encode(true)
    except UnicodeEncodeError:
        return None
    if not lost:
        try:
            return data.decode(read_as)
        except UnicodeDecodeError:
            return None
    return data.decode(read_as, errors="replace").replace("\ufffd", rng.choice(["\ufffd", "?"]))


def family_cases(seed: int = 7):
    """Yield (family, variant, language, clean, mojibake) for every family and sentence."""
    import ftfy.bad_codecs  # noqa: F401

    rng = random.Random(seed)
    for name, true, read_as, langs in FAMILIES:
        for lang in langs:
            for s in SENTENCES[lang]:
                clean = chain_apply(s, true, read_as, False, rng)
                if clean is not None and clean != s:
                    yield name, "exact", lang, s, clean
                elif clean is None:
                    moji = chain_apply(s, true, read_as, True, rng)
                    if moji is not None and moji != s:
                        yield name, "lost bytes", lang, s, moji
    for name, langs in DOUBLE:
        for lang in langs:
            for s in SENTENCES[lang]:
                once = s.encode("utf-8").decode("sloppy-windows-1252")
                yield name, "exact", lang, s, once.encode("utf-8").decode("sloppy-windows-1252")


def controls(seed: int = 7) -> list[str]:
    """Clean texts that must not change: sentences, pairs and triples across languages, tricky ones."""
    rng = random.Random(seed)
    every = [s for ss in SENTENCES.values() for s in ss]
    out = list(every) + list(TRICKY_CONTROLS)
    pool = every + TRICKY_CONTROLS
    while len(out) < 2000:
        k = rng.choice([2, 3])
        out.append(" ".join(rng.sample(pool, k)))
    return out
