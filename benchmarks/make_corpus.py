"""Generate a mixed scraped-text corpus for the throughput benchmark (generated, never committed).

    python benchmarks/make_corpus.py                 # ~100 MB: benchmarks/data/corpus-100mb.jsonl
    python benchmarks/make_corpus.py --mb 5 --txt    # ~5 MB as a folder of .txt files

Documents are articles in English, German, French, Spanish, Russian, Japanese and Chinese, built from
per-language sentence material with a seeded random generator (the same seed gives the same bytes).
Damage is injected at rates chosen to resemble a scraped news corpus:

* page furniture: 60% of documents carry 1-4 lines of site furniture (share bars, "Related Articles",
  cookie banners, "Advertisement"), the same few strings across the corpus, as one site's template;
* metadata: 30% start with a byline and/or a live-blog timestamp; 15% have a photo caption + credit;
* duplicates: 8% repeat a paragraph; 5% repeat a caption with a credit appended;
* mojibake: 4% of documents have 1-3 sentences that went through UTF-8 -> cp1252 (or Latin-1) once;
  1% have the single-byte cp1252 -> MacRoman apostrophe (`Koreaís`);
* spacing: 20% have trailing spaces, 10% runs of blank lines, 3% zero-width spaces; in Japanese
  documents 10% have an ASCII space between sentences or a doubled `。 。`.

The remaining text is clean, as most of a real corpus is. Output is JSONL (`{"id", "url", "lang",
"text"}` per line) or, with --txt, one file per document in nested folders.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def _split(s: str, sep: str | None = None) -> list[str]:
    return s.split(sep)


WORDS = {
    "en": _split("government officials market council city river report season school hospital company "
           "workers energy prices weather election court museum village coast bridge harbour station "
           "research students family garden library festival network policy budget"),
    "de": _split("Regierung Stadt Markt Fluss Bericht Schule Krankenhaus Unternehmen Arbeiter Energie Preise "
           "Wetter Wahl Gericht Museum Dorf Küste Brücke Hafen Bahnhof Forschung Studenten Familie Garten "
           "Bibliothek Straße Größe Grüße Bürger Gemeinde"),
    "fr": _split("gouvernement ville marché rivière rapport école hôpital entreprise ouvriers énergie prix météo "
           "élection tribunal musée village côte pont port gare recherche étudiants famille jardin "
           "bibliothèque été fête réseau budget"),
    "es": _split("gobierno ciudad mercado río informe escuela hospital empresa trabajadores energía precios "
           "tiempo elección tribunal museo pueblo costa puente puerto estación investigación estudiantes "
           "familia jardín biblioteca niño año señal"),
    "ru": _split("правительство город рынок река доклад школа больница компания рабочие энергия цены погода "
           "выборы суд музей деревня побережье мост порт вокзал исследование студенты семья сад "
           "библиотека праздник сеть бюджет"),
}
VERBS = {
    "en": _split("said announced reported expected approved opened rejected visited described planned"),
    "de": _split("sagte meldete erwartete genehmigte eröffnete lehnte besuchte beschrieb plante"),
    "fr": _split("a déclaré|a annoncé|a signalé|attendait|a approuvé|a ouvert|a rejeté|a visité", "|"),
    "es": _split("dijo anunció informó esperaba aprobó abrió rechazó visitó describió"),
    "ru": _split("сообщил объявил ожидал одобрил открыл отклонил посетил описал планировал"),
}
JA_SUBJ = _split("政府 市議会 気象庁 研究チーム 地元の企業 警察 大学 病院 市民団体 鉄道会社 首相 知事")
JA_OBJ = _split("新しい計画 調査結果 予算案 安全対策 詳しい理由 今後の見通し 被害の状況 改善策 協力の方針")
JA_VERB = _split("を発表した を明らかにした について説明した を検討している を決めた を公表した")
ZH_SUBJ = _split("政府 市议会 气象局 研究团队 当地企业 警方 大学 医院 铁路公司 市长")
ZH_OBJ = _split("新计划 调查结果 预算案 安全措施 详细原因 未来展望 受灾情况 改进方案")
ZH_VERB = _split("宣布了 公布了 说明了 正在研究 决定了")

FURNITURE = {
    "en": ["Related Articles", "Share this article", "Follow us on Twitter", "Advertisement",
           "Sign up for our newsletter", "We use cookies to improve your experience. Accept all cookies",
           "Back to top", "Read more:", "Most Popular"],
    "de": ["Ähnliche Artikel", "Artikel teilen", "Anzeige", "Newsletter abonnieren", "Nach oben"],
    "fr": ["Articles connexes", "Partager cet article", "Publicité", "Abonnez-vous à notre newsletter"],
    "es": ["Artículos relacionados", "Compartir", "Publicidad", "Suscríbete a nuestro boletín"],
    "ru": ["Похожие статьи", "Поделиться", "Реклама", "Подписаться на рассылку"],
    "ja": ["関連記事", "ページの先頭へ", "この記事をシェアする", "広告", "ニュースレターに登録"],
    "zh": ["相关文章", "分享到", "广告", "返回顶部"],
}
LANGS = ["en"] * 40 + ["de"] * 10 + ["fr"] * 10 + ["es"] * 10 + ["ru"] * 8 + ["ja"] * 16 + ["zh"] * 6
NAMES = ["Anna Schmidt", "John Carter", "Marie Dubois", "Carlos Ruiz", "Olga Petrova", "Kenji Sato"]


def sentence(rnd: random.Random, lang: str) -> str:
    if lang == "ja":
        return f"{rnd.choice(JA_SUBJ)}は{rnd.randint(2, 30)}日、{rnd.choice(JA_OBJ)}{rnd.choice(JA_VERB)}。"
    if lang == "zh":
        return f"{rnd.choice(ZH_SUBJ)}{rnd.randint(2, 30)}日{rnd.choice(ZH_VERB)}{rnd.choice(ZH_OBJ)}。"
    w = WORDS[lang]
    n = rnd.randint(6, 16)
    words = [rnd.choice(w) for _ in range(n)]
    words.insert(rnd.randint(1, 3), rnd.choice(VERBS[lang]))
    if rnd.random() < 0.3:
        words.insert(rnd.randint(1, len(words)), str(rnd.randint(2, 2024)))
    s = " ".join(words)
    if rnd.random() < 0.15 and lang == "en":
        s = s.replace(" ", " “", 1) + "”"
    return s[0].upper() + s[1:] + rnd.choice([".", ".", ".", "?", "!"] if lang != "en" else [".", "."])


def paragraph(rnd: random.Random, lang: str) -> str:
    sep = "" if lang in ("ja", "zh") else " "
    return sep.join(sentence(rnd, lang) for _ in range(rnd.randint(2, 6)))


def mojibake(s: str, rnd: random.Random) -> str:
    codec = "cp1252" if rnd.random() < 0.8 else "latin-1"
    try:
        return s.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return s.encode("utf-8").decode("latin-1")


def document(rnd: random.Random, i: int, target_chars: int) -> tuple[str, str]:
    lang = rnd.choice(LANGS)
    lines: list[str] = []
    title = sentence(rnd, lang).rstrip(".。!?")
    lines += [title, ""]
    if rnd.random() < 0.3:
        if lang == "ja":
            lines += [f"{rnd.choice(NAMES)}記者", f"2023年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日 午後{rnd.randint(1, 11)}時", ""]
        else:
            lines += [f"By {rnd.choice(NAMES)}", f"Updated {rnd.randint(1, 12)}:{rnd.randint(10, 59)} PM EST, "
                      f"{rnd.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} August {rnd.randint(1, 28)}, 2023", ""]
    furniture = FURNITURE[lang]
    if rnd.random() < 0.6:
        lines += [rnd.choice(furniture), ""]
    size = sum(len(x) for x in lines)
    paras: list[str] = []
    while size < target_chars:
        p = paragraph(rnd, lang)
        paras.append(p)
        size += len(p) + 2
    broken = rnd.random() < 0.04
    for k, p in enumerate(paras):
        if broken and rnd.random() < 0.3:
            p = mojibake(p, rnd)
        if rnd.random() < 0.2 / max(1, len(paras) / 4):
            p += "   "
        lines += [p, ""]
        if rnd.random() < 0.08 / max(1, len(paras) / 4):
            lines += [p, ""]
        if k == len(paras) // 2 and rnd.random() < 0.15:
            cap = sentence(rnd, lang)
            credit = f"{rnd.choice(NAMES)}/AFP/Getty Images"
            if rnd.random() < 0.33:
                lines += [cap, ""]
            lines += [f"{cap} {credit}", ""]
        if k == 0 and rnd.random() < 0.6 and len(furniture) > 1:
            lines += [rnd.choice(furniture), ""]
    if rnd.random() < 0.01 and lang == "en":
        lines.insert(-1, "North Koreaís leader visited the port city.")
    if lang == "ja" and rnd.random() < 0.1:
        j = rnd.randrange(len(lines))
        lines[j] = lines[j].replace("。", "。 ", 1).replace("。 。", "。 。 ")
    if rnd.random() < 0.03:
        j = rnd.randrange(len(lines))
        lines[j] = lines[j].replace(" ", " \u200b", 1)
    if rnd.random() < 0.1:
        lines += ["", "", ""]
    if rnd.random() < 0.4:
        lines += [rnd.choice(furniture), rnd.choice(furniture)]
    return lang, "\n".join(lines).rstrip("\n") + "\n"


def generate(mb: float, out: Path, *, txt: bool = False, seed: int = 20231125, doc_chars: int = 4000) -> Path:
    rnd = random.Random(seed)
    target = int(mb * 1_000_000)
    written = 0
    if txt:
        out.mkdir(parents=True, exist_ok=True)
    stream = None if txt else open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    try:
        i = 0
        while written < target:
            lang, text = document(rnd, i, rnd.randint(doc_chars // 4, doc_chars * 2))
            if txt:
                p = out / f"{i // 1000:03}" / f"{lang}-{i:06}.txt"
                p.parent.mkdir(exist_ok=True)
                data = text.encode("utf-8")
                p.write_bytes(data)
                written += len(data)
            else:
                line = json.dumps({"id": i, "url": f"https://news.example/{lang}/{i}", "lang": lang,
                                   "text": text}, ensure_ascii=False) + "\n"
                stream.write(line)
                written += len(line.encode("utf-8"))
            i += 1
    finally:
        if stream:
            stream.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100, help="approximate size in MB (default 100)")
    ap.add_argument("--txt", action="store_true", help="a folder of .txt files instead of one JSONL file")
    ap.add_argument("--seed", type=int, default=20231125)
    ap.add_argument("--out", type=Path, help="output path (default: benchmarks/data/corpus-<mb>mb[.jsonl])")
    a = ap.parse_args()
    out = a.out or DATA / (f"corpus-{a.mb:g}mb" + ("" if a.txt else ".jsonl"))
    DATA.mkdir(exist_ok=True)
    generate(a.mb, out, txt=a.txt, seed=a.seed)
    print(out)


if __name__ == "__main__":
    main()
