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
    # Traditional Chinese (Big5 cannot hold simplified hanzi), Polish and Czech (Windows-1250).
    "zh_tw": [
        "行政院今天通過了明年度的總預算案。",
        "臺北市的捷運系統每天載運超過兩百萬人次。",
        "颱風預計明天清晨登陸，氣象局發布海上警報。",
        "這家公司的股價在消息公布後大幅上漲。",
        "香港政府宣佈新的房屋政策。",
        "研究團隊發現了一種新的治療方法。",
        "學生們將在下週參加全國統一考試。",
        "「我們會盡一切努力」，市長在記者會上表示。",
    ],
    "pl": [
        "Rząd przyjął we wtorek projekt ustawy o ochronie środowiska.",
        "W Krakowie od rana pada śnieg, a kierowcy skarżą się na korki.",
        "„To była trudna decyzja” – powiedział minister zdrowia.",
        "Ceny żywności wzrosły w ciągu roku o prawie dziesięć procent.",
        "Mieszkańcy czekają na otwarcie nowej linii tramwajowej.",
        "Naukowcy z Gdańska odkryli nowy gatunek ryby w Bałtyku.",
        "Źródła w ministerstwie potwierdziły te informacje.",
        "Wystawa będzie czynna do końca października w Muzeum Narodowym.",
    ],
    "cs": [
        "Vláda ve středu schválila návrh nového zákona o dani z příjmů.",
        "V Praze se kvůli opravám uzavře most na tři měsíce.",
        "„Ať se to už nikdy nestane,“ řekl ministr vnitra.",
        "Ceny energií letos výrazně vzrostly, uvedl Český statistický úřad.",
        "Děti se vrátí do škol po letních prázdninách v pondělí.",
        "Vědci z Brna objevili nový druh brouka na jižní Moravě.",
        "Fotbalisté Sparty zvítězili v neděli nad Plzní 2:1.",
        "Nemocnice hledá nové lékaře a zdravotní sestry.",
    ],
    # CJK text with Latin words, digits and ASCII punctuation glued in, as real pages have it.
    "ja_mixed": [
        "東京都の人口は約1400万人（2023年）です。",
        "新しいiPhoneは9月に発売される予定だ。",
        "「ありがとう」と彼はNHKの取材に答えた。",
        "AIの研究開発に10億円を投資すると発表した。",
    ],
    "zh_mixed": [
        "使用iPhone手机拍照的效果很好。",
        "Apple公司发布了新款手机，售价5999元。",
        "北京时间3月5日，国务院总理作政府工作报告。",
        "今年GDP增长率预计为5%左右。",
    ],
    "zh_tw_mixed": [
        "台灣的GDP成長率為3.5%。",
        "蘋果公司發布了新款iPhone，售價29,900元。",
        "颱風將於週三（9日）登陸花蓮。",
        "台積電（TSMC）第二季營收創新高。",
    ],
    "ko_mixed": [
        "삼성전자는 2024년 1분기 실적을 발표했다 (Samsung).",
        "서울시는 15일 \"대중교통 요금을 인상한다\"고 밝혔다.",
        "LG전자의 새 TV가 CES에서 공개됐다.",
        "코스피 지수가 2.5% 올랐다.",
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
    # Legacy CJK pages read as Windows-1252 (strict: its five undefined bytes are lost to � or ?, as
    # with Python's decoder and errors="replace") or as Latin-1.
    ("EUC-JP → CP1252", "euc_jp", "cp1252", ["ja", "ja_mixed"]),
    ("EUC-JP → Latin-1", "euc_jp", "latin-1", ["ja", "ja_mixed"]),
    ("GBK → CP1252", "gbk", "cp1252", ["zh", "zh_tw", "zh_mixed"]),
    ("GBK → Latin-1", "gbk", "latin-1", ["zh", "zh_tw", "zh_mixed"]),
    ("Big5 → CP1252", "big5", "cp1252", ["zh_tw", "zh_tw_mixed"]),
    ("Big5 → Latin-1", "big5", "latin-1", ["zh_tw", "zh_tw_mixed"]),
    ("EUC-KR → CP1252", "cp949", "cp1252", ["ko", "ko_mixed"]),
    ("EUC-KR → Latin-1", "cp949", "latin-1", ["ko", "ko_mixed"]),
    ("KOI8-R → CP1251", "koi8_r", "cp1251", ["ru"]),
    ("UTF-8 → KOI8-R", "utf-8", "koi8_r", ["ru", "en", "es", "fr", "de"]),
    ("CP1250 → CP1252", "cp1250", "cp1252", ["pl", "cs"]),
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

# Real Latin-1 text full of the characters legacy CJK pages read as Latin-1 turn into (¤ £ ¥ § ¦ ¨ ©
# ª « ¬ ® ¯ ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿, accented capitals), Cyrillic with capitals inside lines,
# and Polish/Czech: these must come through unchanged.
LATIN1_CONTROLS = [
    "SÃO PAULO É A MAIOR CIDADE DO BRASIL, DIZ O IBGE.",
    "NÃO HÁ NADA A FAZER, AFIRMOU O MINISTRO DA SAÚDE.",
    "A 3.ª edição do festival começa às 21h00 no Porto; bilhetes a 12,50 €.",
    "O nº 1 do ranking venceu por 6–4, 7–5 no sábado.",
    "Þór og Ægir fóru til Reykjavíkur á föstudaginn.",
    "ÆØÅ er de sidste bogstaver i det danske alfabet.",
    "ÅÄÖ är bokstäver; Ärger über Öl in Österreich.",
    "Preisliste: Kaffee ½ l 2,80 €, Tee ¼ l 1,90 €, Kuchen 3,50 € (inkl. 19 % MwSt.).",
    "Price list: tea £2.50, coffee £3.10, ¥500 in Tokyo, ¢50 a cup in the ’50s.",
    "Fläche: 120 m², Volumen 3,4 m³, Temperatur ±2 °C, Winkel 45° 30′.",
    "See § 12 Abs. 3 and §§ 14–16; ¶ 4 of the contract; © 2021, ® and ™ marks.",
    "Copyright © 1998–2024 Société Générale. Tous droits réservés.",
    "Área total: 1.234 km² · población: 56.789 hab. · densidad ≈ 46 hab./km².",
    "µ = 3,5 µm; σ² = 0,25; x ± 1,96·σ; ¬p ∨ q; ¼ + ½ = ¾.",
    "¿Dónde está la estación? ¡Al final de la calle Ñuñoa, 3.º piso!",
    "«Ça suffit !», a lancé l’élu. À 18 h, l’Élysée a réagi. ÉTÉ 2023 : ÇA CHAUFFE.",
    "1º lugar: João; 2ª: Inês; 3º: André — prêmios de R$ 1.000,00.",
    "ÉCOLE NATIONALE SUPÉRIEURE — DÉPARTEMENT D’ÉCONOMIE, ÎLE-DE-FRANCE",
    "Tabelle: ¹ vorläufig, ² geschätzt, ³ ohne Berlin; ¤ Währung, ¦ Trenner.",
    "Mapa: 40°26′46″N 79°58′56″W; ángulo de 90°; 1/2 = 0,5.",
    "ÖSTERREICH: ÜBER 10.000 MENSCHEN BEI DEMO IN WIEN",
    "Москва и Санкт-Петербург — крупнейшие города России; ООН и НАТО.",
    "В Кремле заявили, что ВВП России вырос на 3,6 %, сообщает ТАСС.",
    "Zażółć gęślą jaźń — polskie znaki: ą ć ę ł ń ó ś ź ż, Ą Ć Ę Ł Ń Ó Ś Ź Ż.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy; ŽLUŤOUČKÝ KŮŇ.",
    "Ŝ and ŝ, Ğ and ğ, Ş and ş, İ and ı: İstanbul’da ışık var.",
]


# More clean text that must come through unchanged: other Latin-script languages, real-looking
# Russian, Japanese, Chinese and Korean with their own punctuation and width forms, math, symbols,
# line art, emoji. Added after the first 2000 controls so that earlier figures stay comparable.
MORE_CONTROLS = [
    "A população de São Paulo cresceu 0,8% no último ano, segundo o IBGE.",
    "Não há informações sobre feridos; a polícia investiga as causas do acidente.",
    "Ó mar salgado, quanto do teu sal são lágrimas de Portugal!",
    "¡Qué bien! ¿Vienes mañana a la reunión de las 9:30?",
    "El 20 % de los encuestados votaría al PSOE, según el CIS.",
    "Ça m’étonnerait qu’il vienne ; où est-il passé ?",
    "L’œuvre de Gœthe et l’Æneis figurent au programme de l’agrégation.",
    "« Bonjour », dit-elle — « à demain ! »",
    "Grüße aus Köln – das Wetter ist schön: 25 °C und Sonne.",
    "Die Firma Müller & Söhne GmbH ließ verlauten, dass der Umsatz stieg.",
    "Perché è così difficile? Più tardi andrò là con l’università.",
    "Zażółć gęślą jaźń — to zdanie zawiera wszystkie polskie znaki.",
    "Wrocław, Łódź i Gdańsk przyciągają coraz więcej turystów.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "İstanbul’da yağmur yağıyor; Ankara’da hava güneşli ve ılık.",
    "Hà Nội là thủ đô của Việt Nam, với dân số khoảng 8 triệu người.",
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της.",
    "Ещё не всё потеряно, — сказал он. «Жёлтый» цвет ему не шёл.",
    "Объём производства вырос на 3,5 % в I квартале 2024 г.",
    "Київ — столиця України; їжак і ґанок пишуться через ї та ґ.",
    "Dvořák, Škoda, Łukasz, Øresund, Ærø, Þórr, Đorđe and İzmir.",
    "The IPA for “thing” is /θɪŋ/; compare ʃ, ʒ and ə.",
    "ｶﾀｶﾅ（半角）とカタカナ（全角）が混在する文書です。",
    "ソフトウェアのバージョンは「v2.3.1」です。",
    "株式会社ＡＢＣは、２０２４年３月期の決算を発表した。",
    "〒100-0001　東京都千代田区千代田1-1",
    "※詳細は公式サイトをご覧ください。",
    "第１章　はじめに",
    "iPhone 15の発売日は9月22日に決まった。",
    "《人民日报》报道，该项目总投资约５０亿元。",
    "他说：“我们会尽快解决这个问题。”",
    "臺灣的「捷運」與香港的「港鐵」都很方便。",
    "价格：￥１２８．００（含税）",
    "使用Python 3.12和PyTorch进行训练。",
    "삼성전자는 3분기 영업이익이 10조 원을 넘었다고 밝혔다.",
    "“괜찮아요?” 그녀가 물었다.",
    "KBS 뉴스에 따르면 BTS는 내년에 새 앨범을 낸다.",
    "∀ε>0 ∃δ>0: |x−a|<δ ⇒ |f(x)−f(a)|<ε",
    "E = mc², ΔG = ΔH − TΔS, ∫₀¹ x² dx = ⅓",
    "Temperatur: −5 °C … +3 °C; Winkel 45°; 3 × 4 = 12; 10 ÷ 2 = 5",
    "╔════════╗",
    "║ STATUS ║",
    "╚════════╝",
    "├── src/",
    "│   └── main.py",
    "█▓▒░ loading ░▒▓█",
    "Price: €19.99 / £17.50 / ¥2,800 / ₹1,499 / ₩25,000",
    "© 2024 · All rights reserved · Terms ‹ › « »",
    "• bullet ◦ item ▪ square ★ ☆ ✓ ✗ → ← ↑ ↓",
    "Great job 👍🎉 see you tomorrow 😊",
    "Ｆｕｌｌ－ｗｉｄｔｈ ｔｅｘｔ ｉｎ ａ ｔｉｔｌｅ",
    "ﾃﾞｼﾞﾀﾙｶﾒﾗ ｷｬﾉﾝ EOS R5 ﾎﾞﾃﾞｨ",
    "A magyar nyelvben az ő és az ű betű is gyakori: győző, tűz, őszi szél.",
    "Bucureștiul are peste două milioane de locuitori și multe parcuri.",
    "Ísland er eyja í Norður-Atlantshafi; höfuðborgin er Reykjavík.",
    "La col·lecció del museu inclou obres de Miró i Dalí.",
    "Lietuvos sostinė yra Vilnius, o Latvijos – Ryga.",
    "Slovenský jazyk má písmená ä, ľ, ĺ, ŕ a ô.",
    "Hrvatska je članica Europske unije od 2013. godine.",
    "Suomen kielessä on paljon vokaaleja: ä, ö ja y ovat yleisiä.",
    "Göteborg och Malmö är Sveriges näst största städer.",
    "Blåbærsyltetøy er godt på vafler, sier nordmenn.",
    "De ruïne van het kasteel is geïnventariseerd door de gemeente.",
    "Ĉu vi parolas Esperanton? Ĝi estas facila lingvo.",
    "Mae’r Gymraeg yn defnyddio ŵ ac ŷ mewn geiriau fel dŵr a tŷ.",
    "Tá sé ag teacht ó Bhaile Átha Cliath inniu.",
    "Llegaron 3 ó 4 personas a la reunión.",
    "Roma è bella, ma Milano è più moderna.",
    "Il est à Paris depuis lundi.",
    "Ele foi à praia às 10h e voltou à tarde.",
    "Straße, Maß, Fuß, Gruß — ß steht nach langem Vokal.",
    "Ålesund, Ærøskøbing og Øresund ligger i Norden.",
    "Señor Núñez ganó el Óscar en 2019.",
    "ÉCOLE NATIONALE SUPÉRIEURE — PARIS",
    "ÜBER UNS | KONTAKT | IMPRESSUM",
    "Œuvres complètes, tome Ⅱ, p. 132–145.",
    "Die Temperatur lag bei −3 °C; der Luftdruck bei 1013 hPa.",
    "He scored 9½ out of 10 — not bad for a beginner!",
    "Ratio 3:2 · aspect 16∶9 · 1‰ · 5‱",
    "Тел.: +7 (495) 123-45-67, e-mail: info@example.ru",
    "Ул. Тверская, д. 7, кв. 15 — Москва, 125009",
    "ＳＯＮＹ、ＰａｎａｓｏｎｉｃなどのメーカーがＣＥＳに出展。",
    "ｱﾝｹｰﾄにご協力ください（所要時間：約５分）",
    "午後３時〜５時まで営業しております。",
    "「はい」と「いいえ」で答えてください。",
    "北京時間２０２４年１０月１日（星期二）",
    "新华社北京１０月１日电（记者张三）",
    "대한민국 헌법 제1조 ① 대한민국은 민주공화국이다.",
    "가격: ₩12,000 (부가세 포함)",
    "Ελληνικά: «Καλημέρα» — είπε η Μαρία.",
    "עברית: שלום עולם",
    "العربية: مرحبا بالعالم",
    "हिन्दी: नमस्ते दुनिया",
    "ไทย: สวัสดีชาวโลก",
    "→ Weiter ← Zurück ↑ Oben ↓ Unten",
    "Note¹ and note² refer to the appendix³.",
    "Chapter 3 – “The Return” (pp. 45–67)",
    "He said: ‘It’s “fine”, isn’t it?’",
    "Caffè, perché, così, però, già, più, può.",
    "naïve café résumé fiancée déjà-vu",
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
    """Clean texts that must not change: sentences, pairs and triples across languages, tricky ones;
    then MORE_CONTROLS and combinations with them (3000 in all), then CAPITALS_AND_MARKS_CONTROLS."""
    rng = random.Random(seed)
    every = [s for ss in SENTENCES.values() for s in ss]
    out = list(every) + list(TRICKY_CONTROLS) + list(LATIN1_CONTROLS)
    pool = every + TRICKY_CONTROLS + LATIN1_CONTROLS
    while len(out) < 2000:
        k = rng.choice([2, 3])
        out.append(" ".join(rng.sample(pool, k)))
    out.extend(MORE_CONTROLS)
    pool = every + TRICKY_CONTROLS + MORE_CONTROLS
    while len(out) < 3000:
        out.append(" ".join(rng.sample(pool, rng.choice([2, 3]))))
    out.extend(CAPITALS_AND_MARKS_CONTROLS)  # appended last: the controls before keep their places
    return out


# Correct text a code-page chain can map to other text: headlines in capitals (MacRoman reads
# Windows-1252's "„" as "Ñ" and "ò" as "Ú") and lone typographic marks (†, ‡, ‰, ‹, ›, •), which
# Windows-1252 read as MacRoman would turn into a no-break space or a letter.
CAPITALS_AND_MARKS_CONTROLS = [
    "EL ÑANDÚ ES UN AVE.",
    "PAPAS Y ÑOQUIS",
    "CAFÉ ÑOÑO.",
    "ÑOQUIS CASEROS PARA EL DÍA 29",
    "ÚLTIMA HORA: EL ÑU ESCAPÓ DEL ZOOLÓGICO",
    "ESPAÑA Y PORTUGAL FIRMAN UN ACUERDO HISTÓRICO",
    "¿QUÉ PASÓ EN LA REUNIÓN? ¡NADIE LO SABE!",
    "SÃO PAULO ELEGE NOVO PREFEITO; CORAÇÃO DA CIDADE EM FESTA",
    "GOVERNO ANUNCIA REFORMA DA PREVIDÊNCIA E DO ENSINO MÉDIO",
    "LA FÊTE DE NOËL À PARIS : ÇA VA ÊTRE UNE ÉTÉ CHAUDE",
    "L'ÉCONOMIE FRANÇAISE RALENTIT AU DEUXIÈME TRIMESTRE",
    "GRÜNE WÄHLER IN MÜNCHEN: STRAßE GESPERRT",
    "ÖFFENTLICHER DIENST: EINIGUNG IM TARIFSTREIT ÜBER LÖHNE",
    "ŁÓDŹ: ŻÓŁW UCIEKŁ Z OGRODU ZOOLOGICZNEGO",
    "PREZYDENT PODPISAŁ USTAWĘ O ŚRODKACH NA SŁUŻBĘ ZDROWIA",
    "PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY",
    "VLÁDA SCHVÁLILA ROZPOČET NA PŘÍŠTÍ ROK",
    "İSTANBUL'DA ŞİDDETLİ YAĞMUR: ÖĞRENCİLER OKULA GİDEMEDİ",
    "Kui TÕENE, siis aknal puudub minimaalne suurus. Sättides selle TÕESEKS on see halb idee.",
    "See note† below.",
    "Text† and more‡ notes.",
    "‰ †‡ ‹›",
    "Revenue rose 5‰ last year; see the footnote‡ for details.",
    "† died 1999",
    "Growth was 3 ‰ of GDP • Inflation 2 %",
    "He said ‹yes› and left.",
]
