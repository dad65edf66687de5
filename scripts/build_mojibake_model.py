"""Build resources/mojibake/model.json: the plausibility model of the mojibake repair engine.

The model says how likely a string is as real text, so that a re-decoded candidate can be compared
with the text it would replace. It holds, for a mixture of languages weighted equally:

- ``unigram``: log10 P(char) for letters (and CJK characters), as integer tenths;
- ``bigram``: log10 P(next | char) inside words, with ``^``/``$`` for word start and end, as tenths,
  kept only above a frequency floor (the scorer backs off to the unigram);
- ``words``: common words of Latin-script languages that contain a non-ASCII letter (``país``,
  ``Straße``), so that a correct accented word is never "repaired" into a lookalike;
- ``symbols``: a cost per punctuation/symbol class (written below: wordfreq strips punctuation).

Source: the word-frequency lists of the `wordfreq` package (rspeer, the author of ftfy), which ships
frequencies for every language we care about; traditional Chinese is derived from the simplified list
with `zhconv`. Both are needed only to run this script::

    pip install wordfreq zhconv
    python scripts/build_mojibake_model.py

Python's own codecs add a prior: characters in the first (frequent) level of JIS X 0208, GB2312, Big5
and the KS X 1001 hangul block get a floor probability, since a real text's rare characters are still
drawn mostly from those sets while mojibake lands in the second levels.
"""

from __future__ import annotations

import contextlib
import json
import math
import unicodedata
from collections import defaultdict
from pathlib import Path

import wordfreq
import zhconv

OUT = Path(__file__).resolve().parents[1] / "resources" / "mojibake" / "model.json"

# Equal-weight mixture. Latin-script languages beyond the evaluation set keep their accents plausible.
LANGS = ["en", "es", "fr", "de", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "sl", "sh", "tr",
         "hu", "ro", "ca", "lv", "lt", "is", "ru", "uk", "bg", "el", "ja", "zh", "zh-hant", "ko", "vi"]
NO_WORD_LIST = ("ja", "zh", "zh-hant", "ko")  # no spaces between words, or too many word forms
WORDS_PER_LANG = 60000
BIGRAM_FLOOR = -4.5      # keep P(b|a) above 10**-4.5 ...
BIGRAM_MIN_MASS = 2e-7   # ... for pairs with at least this much mixture mass
WORDS_WITH_ACCENTS_PER_LANG = 4000
WORD_MIXTURE_PENALTY = 0.5  # a known word's cost is -log10(its frequency in its language) plus this

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def lang_words(lang: str) -> list[tuple[str, float]]:
    if lang == "zh-hant":
        return [(zhconv.convert(w, "zh-tw"), f) for w, f in lang_words("zh")]
    items = list(wordfreq.get_frequency_dict(lang, "best").items())[:WORDS_PER_LANG]
    if lang == "de":
        # wordfreq case-folds, which turns "straße" into "strasse"; give the ß spelling part of the mass
        # so that German's ß is plausible (the stray "waßer" this also adds only protects text).
        items = [(w.replace("ss", "\u00df") if i == 1 else w, f * (0.4 if i == 1 else 1.0))
                 for w, f in items for i in range(1 + ("ss" in w))]
    total = sum(f for _, f in items)
    return [(unicodedata.normalize("NFC", w.translate(APOSTROPHES)), f / total) for w, f in items]


def is_wordchar(c: str) -> bool:
    return unicodedata.category(c)[0] in "LM" or c == "'"


def common_cjk() -> set[str]:
    """Characters of the frequent first levels of the CJK national character sets."""
    out: set[str] = set()

    def grab(codec: str, leads: range, trails) -> None:
        for a in leads:
            for b in trails:
                with contextlib.suppress(UnicodeDecodeError):
                    out.add(bytes([a, b]).decode(codec))

    grab("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF))   # JIS X 0208 level 1 kanji
    grab("euc_jp", range(0xA4, 0xA6), range(0xA1, 0xFF))   # hiragana, katakana
    grab("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))   # GB2312 level 1 hanzi
    grab("big5", range(0xA4, 0xC6), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])  # Big5 frequent hanzi
    grab("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF))   # KS X 1001 hangul
    return {c for c in out if len(c) == 1}


def symbol_costs() -> dict[str, int]:
    """Cost (tenths of log10) of non-letter characters; the rest get the scorer's default."""
    costs: dict[str, int] = {}
    tiers = [
        (10, " .,;:!?'\"()-/0123456789"),
        (20, "\u00b4`"),  # acute accent and backtick, typed as apostrophes
        (20, "\u201e\u201c\u201d\u2018\u2019\u2013\u2014\u2026%&$@#*+=_[]\u3002\u3001\u300c\u300d\uff08\uff09"
             "\uff01\uff1f\uff1a\uff1b\u30fb\uff0c\u300e\u300f\u3010\u3011\u00ab\u00bb\u00bf\u00a1\u20ac"
             "\u00a3\u00b7\u00b0\u2022\u300a\u300b\u301c\uff5e\u3000\u00a0\uff0e\u2212\u00d7"),
        (40, "\u00a9\u00ae\u2122\u00b1\u00f7\u00a7\u00b6\u221a\u221e\u2264\u2265\u2260\u2248\u2192\u2190"
             "\u2191\u2193\u00bd\u00bc\u00be\u00b2\u00b3\u00b5\u00a2\u00a5<>{}|\\~^`\u2500\u2502\u250c\u2510"
             "\u2514\u2518\u251c\u2524\u252c\u2534\u253c\u2550\u2551\u2554\u2557\u255a\u255d\u2588\u2591"
             "\u2592\u2593\u25a0\u25a1\u25cf\u25cb\u2605\u2606\u203b\u3005\u30fc\u2032\u2033\u201e\u2039\u203a"),
    ]
    for cost, chars in tiers:
        for c in chars:
            costs.setdefault(c, cost)
    return costs


def sample_text(words: list[tuple[str, float]], n: int = 4000) -> str:
    """Pseudo-text from a language's top words, with typographic punctuation and apostrophes."""
    punct = ["\u201c", "\u201d", "\u2019", "\u2014", "\u2013", "\u2026", ",", ".", "\u3001", "\u3002",
             "\u300c", "\u300d", "\u00a0", "\u2022", "\u00ab", "\u00bb"]
    parts = []
    for i, (w, _) in enumerate(words[:n]):
        parts.append(w.replace("'", "\u2019"))
        if i % 7 == 3:
            parts.append(punct[i % len(punct)])
    return " ".join(parts)


def triggers(unigram_p: dict[str, float], samples: dict[str, str], common_symbols: set[str]) -> str:
    """Characters that mojibake (of our chains) produces far more often than real text contains them."""
    from desktop_app.core.mojibake.chains import CHAINS

    real_floor = 1e-7
    found: set[str] = set()
    for chain in CHAINS:
        counts: dict[str, int] = defaultdict(int)
        total = 0
        for text in samples.values():
            words = []
            for w in text.split(" "):
                try:
                    w.encode(chain.true)
                    words.append(w)
                except UnicodeEncodeError:
                    pass
            if not words:
                continue
            moji = chain.apply(" ".join(words))
            for c in moji:
                if not c.isascii():
                    counts[c] += 1
                    total += 1
        for c, k in counts.items():
            p_moji = k / total
            p_real = max(unigram_p.get(c.lower(), 0.0), real_floor)
            if p_moji >= 2e-4 and p_moji / p_real >= 30 and p_real < 3e-5 and c not in common_symbols:
                found.add(c)
    return "".join(sorted(found))


def main() -> None:
    uni: dict[str, float] = defaultdict(float)
    uni_max: dict[str, float] = defaultdict(float)  # the highest frequency in any one language
    pair: dict[str, float] = defaultdict(float)
    known_words: dict[str, float] = {}
    samples: dict[str, str] = {}
    for lang in LANGS:
        words = lang_words(lang)
        samples[lang] = sample_text(words)
        weight = 1.0 / len(LANGS)
        lu: dict[str, float] = defaultdict(float)
        lp: dict[str, float] = defaultdict(float)
        for w, f in words:
            chars = [c for c in w if is_wordchar(c)]
            if not chars:
                continue
            for c in chars:
                lu[c] += f
            seq = ["^", *chars, "$"]
            for a, b in zip(seq, seq[1:], strict=False):
                lp[a + b] += f
        tu = sum(lu.values())
        for c, v in lu.items():
            uni[c] += weight * v / tu
            uni_max[c] = max(uni_max[c], v / tu)
        tp = sum(lp.values())
        for k, v in lp.items():
            pair[k] += weight * v / tp
        if lang not in NO_WORD_LIST:
            n = 0
            for w, f in words:
                if not w.isascii() and all(is_wordchar(c) for c in w):
                    cost = -math.log10(f) + WORD_MIXTURE_PENALTY
                    known_words[w] = min(cost, known_words.get(w, 99.0))
                    n += 1
                    if n >= WORDS_WITH_ACCENTS_PER_LANG:
                        break
    # Conditional probabilities P(b | a), with the left marginals taken from the pair mass.
    left: dict[str, float] = defaultdict(float)
    for k, v in pair.items():
        left[k[0]] += v
    bigram = {}
    for k, v in pair.items():
        if v < BIGRAM_MIN_MASS:
            continue
        lp_ = math.log10(v / left[k[0]])
        if lp_ >= BIGRAM_FLOOR:
            bigram[k] = round(-lp_ * 10)
    common = common_cjk()
    floor = math.log10(1e-6)
    unigram = {}
    for c, v in uni.items():
        lp_ = math.log10(v)
        if c in common:
            lp_ = max(lp_, floor)
        if lp_ >= -8:
            unigram[c] = round(-lp_ * 10)
    for c in common:
        unigram.setdefault(c, round(-floor * 10))
    model = {
        "version": 1,
        "source": "wordfreq " + wordfreq.__version__ if hasattr(wordfreq, "__version__") else "wordfreq",
        "languages": LANGS,
        "unigram": dict(sorted(unigram.items())),
        "bigram": dict(sorted(bigram.items())),
        "words": {w: round(c * 10) for w, c in sorted(known_words.items())},
        "symbols": symbol_costs(),
        "triggers": triggers(dict(uni_max), samples, {c for c, v in symbol_costs().items() if v <= 20}),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(unigram)} unigrams, {len(bigram)} bigrams, {len(known_words)} words, "
          f"{OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
