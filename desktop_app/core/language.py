"""A small, explainable language guess for paragraphs: script first, then stopwords for Latin text.

Enough to tell that a paragraph is English in a Japanese article, or German in a French one; not a
general language identifier. Stopword lists live in resources/lang/stopwords.json.
"""

from __future__ import annotations

import json
from functools import lru_cache

import regex

from desktop_app.core.resources import resource_path

LANGUAGE_NAMES = {
    "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian (Cyrillic)", "ar": "Arabic",
    "he": "Hebrew", "el": "Greek", "th": "Thai", "hi": "Devanagari", "en": "English", "es": "Spanish",
    "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "latin": "a Latin-script language",
}

_SCRIPTS = [
    ("kana", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("han", regex.compile(r"\p{Han}")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("el", regex.compile(r"\p{Greek}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
    ("latin", regex.compile(r"\p{Latin}")),
]
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("lang", "stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items()}


def guess_language(text: str) -> tuple[str | None, int]:
    """(language code or None when unsure, number of letters the guess rests on)."""
    counts = {name: len(rx.findall(text)) for name, rx in _SCRIPTS}
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
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < 5:
        return "latin", n
    scores = {lang: sum(w in sw for w in words) for lang, sw in _stopwords().items()}
    best, hits = max(scores.items(), key=lambda kv: kv[1])
    if hits >= max(2, 0.08 * len(words)) and sorted(scores.values())[-2] < hits:
        return best, n
    return "latin", n
