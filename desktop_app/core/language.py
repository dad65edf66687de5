"""A small, explainable language guess for paragraphs: script first, then stopwords for Latin text.

Enough to tell that a paragraph is English in a Japanese article, or German in a French one; not a
general language identifier. Stopword lists live in resources/lang/stopwords.json.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache

import regex

from desktop_app.core.resources import resource_path

LANGUAGE_NAMES = {
    "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian (Cyrillic)", "ar": "Arabic",
    "he": "Hebrew", "el": "Greek", "th": "Thai", "hi": "Devanagari", "en": "English", "es": "Spanish",
    "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "latin": "a Latin-script language",
}

_SCRIPTS = [
    ("kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]+")),
    ("han", regex.compile(r"\p{Han}+")),
    ("ko", regex.compile(r"\p{Hangul}+")),
    ("ru", regex.compile(r"\p{Cyrillic}+")),
    ("ar", regex.compile(r"\p{Arabic}+")),
    ("he", regex.compile(r"\p{Hebrew}+")),
    ("el", regex.compile(r"\p{Greek}+")),
    ("th", regex.compile(r"\p{Thai}+")),
    ("hi", regex.compile(r"\p{Devanagari}+")),
    ("latin", regex.compile(r"\p{Latin}+")),
]
_LATIN = _SCRIPTS[-1][1]
# A character of one of the other scripts: when a text has none (most European text), only the Latin
# letters need counting.
_OTHER_SCRIPT = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}\p{Hangul}\p{Cyrillic}\p{Arabic}\p{Hebrew}"
                              r"\p{Greek}\p{Thai}\p{Devanagari}]")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("lang", "stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items()}


def scripts_present(text: str) -> frozenset[str]:
    """The scripts of _SCRIPTS that occur in `text` (one search each: call once per document and pass
    the result to guess_language for each of its paragraphs)."""
    if text.isascii():
        return frozenset(("latin",))
    if not _OTHER_SCRIPT.search(text):
        return frozenset(("latin",))
    return frozenset(name for name, rx in _SCRIPTS if rx.search(text))


def script_counts(text: str, present: frozenset[str] | None = None) -> dict[str, int]:
    """How many letters of `text` belong to each script of _SCRIPTS (by runs, at C speed). `present`:
    the scripts that can occur at all (from scripts_present over a text containing this one)."""
    counts = dict.fromkeys((name for name, _ in _SCRIPTS), 0)
    if text.isascii():
        raw = text.encode("ascii")
        counts["latin"] = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        return counts
    if present is None:
        present = scripts_present(text)
    for name, rx in _SCRIPTS:
        if name in present:
            counts[name] = sum(map(len, rx.findall(text)))
    return counts


def guess_language(text: str, present: frozenset[str] | None = None) -> tuple[str | None, int]:
    """(language code or None when unsure, number of letters the guess rests on). `present`: see
    script_counts (a shortcut for the paragraphs of one document)."""
    counts = script_counts(text, present)
    total = sum(counts.values())
    if total == 0:
        return None, 0
    kana, han = counts.pop("kana"), counts.pop("han")
    if kana + han >= 0.5 * total:
        # Kana is the mark of Japanese; Han alone is Chinese.
        return ("ja" if kana >= 0.05 * (kana + han) else "zh"), kana + han
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 0.6 * total:
        return None, total
    if script != "latin":
        return script, n
    words = list(map(str.casefold, _WORD.findall(text)))
    if len(words) < 5:
        return "latin", n
    # Stopword hits per language, counting repeats: each distinct word is looked up once.
    freq = Counter(words)
    scores = {lang: sum(map(freq.__getitem__, sw.intersection(freq))) for lang, sw in _stopwords().items()}
    best, hits = max(scores.items(), key=lambda kv: kv[1])
    if hits >= max(2, 0.08 * len(words)) and sorted(scores.values())[-2] < hits:
        return best, n
    return "latin", n
