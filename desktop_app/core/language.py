"""A small, explainable language guess for paragraphs: script first, then stopwords for Latin text.

Enough to tell that a paragraph is English in a Japanese article, or German in a French one; not a
general language identifier. Stopword lists live in resources/lang/stopwords.json.
"""

from __future__ import annotations

import json
import re
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
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resource_path("lang", "stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items()}


def _non_ascii(text: str) -> str:
    """The characters of `text` outside ASCII, in order (one C-speed scan)."""
    return "".join(_NON_ASCII_RUN.findall(text))


def _ascii_letters(text: str) -> int:
    raw = text.encode("ascii", "ignore")
    return len(raw) - len(raw.translate(None, _ASCII_LETTERS))


def scripts_present(text: str) -> frozenset[str]:
    """The scripts of _SCRIPTS that may occur in `text` (a superset; call once per document and pass
    the result to guess_language for each of its paragraphs). Few scans: the letters of the other
    scripts are gathered once from the non-ASCII characters, kana and Han looked for among them, the
    rest among what is neither."""
    if text.isascii():
        return _ALL_LETTERS_LATIN
    rest = _non_ascii(text)
    others = _OTHER_SCRIPT_RUN.findall(rest)
    if not others:
        return _LATIN_ONLY if _LETTER_XOR_LATIN.search(rest) else _ALL_LETTERS_LATIN
    letters = "".join(others)
    present = {"latin"}
    present.update(name for name, rx in _SCRIPTS[:2] if rx.search(letters))
    rest = "".join(_NOT_KANA_HAN_RUN.findall(letters))
    if rest:
        present.update(name for name, rx in _SCRIPTS[2:-1] if rx.search(rest))
    return frozenset(present)


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LATIN_ONLY = frozenset(("latin",))
# The same set, for a text whose letters are exactly its Latin-script characters (no letter of another
# script, no Latin-script character that is not a letter, like Roman numerals): recognised by identity.
_ALL_LETTERS_LATIN = frozenset(("latin",))
_LETTER_XOR_LATIN = regex.compile(r"[[\p{L}--\p{Latin}][\p{Latin}--\p{L}]]", regex.V1)
# Letters of the scripts other than Latin: when a text has none (most European text), only the Latin
# letters need counting.
_OTHER_SCRIPT_RUN = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}\p{Hangul}\p{Cyrillic}\p{Arabic}\p{Hebrew}"
                                  r"\p{Greek}\p{Thai}\p{Devanagari}]+")
_NOT_KANA_HAN_RUN = regex.compile(r"[^\p{Hiragana}\p{Katakana}\p{Han}]+")


def script_counts(text: str, present: frozenset[str] | None = None) -> dict[str, int]:
    """How many letters of `text` belong to each script of _SCRIPTS that can occur in it (by runs, at
    C speed); scripts left out have none. `present`: the scripts that can occur at all (from
    scripts_present over a text containing this one). ASCII letters are all Latin: only the
    non-ASCII characters need the Unicode script tables."""
    if text.isascii():
        return {"latin": _ascii_letters(text)}
    if present is None:
        present = scripts_present(text)
    rest = _non_ascii(text)
    counts = {name: sum(map(len, rx.findall(rest))) for name, rx in _SCRIPTS if name in present}
    counts["latin"] = counts.get("latin", 0) + _ascii_letters(text)
    return counts


def guess_language(text: str, present: frozenset[str] | None = None) -> tuple[str | None, int]:
    """(language code or None when unsure, number of letters the guess rests on). `present`: see
    script_counts (a shortcut for the paragraphs of one document)."""
    if present is _ALL_LETTERS_LATIN:
        # Every letter is Latin: the words give the count, and the guess rests on stopwords.
        found = _WORD.findall(text)
        n = sum(map(len, found))
        return _by_stopwords(found, n) if n else (None, 0)
    counts = script_counts(text, present)
    total = sum(counts.values())
    if total == 0:
        return None, 0
    kana, han = counts.pop("kana", 0), counts.pop("han", 0)
    if kana + han >= 0.5 * total:
        # Kana is the mark of Japanese; Han alone is Chinese.
        return ("ja" if kana >= 0.05 * (kana + han) else "zh"), kana + han
    # (Scripts left out of counts have no letters: the first script with the most letters, in
    # _SCRIPTS order, is the same as over all of them.)
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 0.6 * total:
        return None, total
    if script != "latin":
        return script, n
    return _by_stopwords(_WORD.findall(text), n)


def _by_stopwords(found: list[str], n: int) -> tuple[str, int]:
    """The language of Latin-script words (`found`, as in the text) whose stopwords stand out, else
    "latin"; n: the letters the guess rests on."""
    if len(found) < 5:
        return "latin", n
    # Stopword hits per language, counting repeats: each distinct word that is a stopword somewhere
    # is looked up once.
    langs, index = _stopword_index()
    freq = Counter(map(str.casefold, found))
    scores = [0] * len(langs)
    for word in freq.keys() & index.keys():
        count = freq[word]
        for k in index[word]:
            scores[k] += count
    hits = max(scores)
    best = langs[scores.index(hits)]  # the first language with the most hits
    if hits >= max(2, 0.08 * len(found)) and sorted(scores)[-2] < hits:
        return best, n
    return "latin", n


@lru_cache(maxsize=1)
def _stopword_index() -> tuple[list[str], dict[str, tuple[int, ...]]]:
    """(languages, {stopword: indexes of the languages listing it})."""
    lists = _stopwords()
    langs = list(lists)
    index: dict[str, list[int]] = {}
    for k, lang in enumerate(langs):
        for word in lists[lang]:
            index.setdefault(word, []).append(k)
    return langs, {w: tuple(ks) for w, ks in index.items()}
