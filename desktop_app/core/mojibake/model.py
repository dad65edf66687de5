"""The plausibility model: how likely a string is as real text, in log10 units.

Character bigrams inside words (with word-start and word-end markers) backed off to unigrams, from a
mixture of 26 languages; a cost per punctuation/symbol character; a penalty for characters that real
text does not contain (C1 controls, private use, U+FFFD) and for case changes inside a word
(``cafÈ``). Built by scripts/build_mojibake_model.py into resources/mojibake/model.json.

Only differences of scores matter: the engine compares a candidate repair with the text it replaces
over the same window.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache

from desktop_app.core.resources import resource_path

BACKOFF = 1.0          # log10 penalty when a bigram is unseen and the scorer falls back to the unigram
UNKNOWN_LETTER = 8.5   # cost of a letter the model has never seen
UNKNOWN_SYMBOL = 6.0   # cost of a symbol with no entry in the symbol table
BAD_CHAR = 9.0         # C1 controls, private use, unassigned
LOST_BYTE = 3.0        # U+FFFD: a byte lost before us (kept when it cannot be repaired)
CASE_FLIP = 3.0        # an upper-case letter right after a lower-case one inside a word
SCRIPT_MIX = 3.0       # a word mixing scripts that real words do not mix (Latin with CJK, kana widths)

UNKNOWN_WORD = 2.5     # penalty for a word with non-ASCII letters that the word list does not know

# English, French, Italian, Catalan and Dutch clitics around an apostrophe.
CLITICS_AFTER = frozenset({"s", "t", "re", "ve", "ll", "d", "m", "n", "em", "ns", "hi", "ho"})
CLITICS_BEFORE = frozenset({"l", "d", "j", "n", "m", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                            "quoiqu", "dell", "all", "dall", "nell", "sull", "un", "po", "o", "rock"})

_ELISION_NEXT = frozenset("aeiouyhàâäáéèêëíìîïóòôöúùûüœæ")
CLITIC = 2.5            # a clitic after or before a word ("minister's", "didn't", "l'été")
WIDTH_FORM = 0.3        # per character in half-width/full-width form
QUESTION_AFTER_CJK = 3.0  # an ASCII '?' right after CJK text or a lost-byte mark
CLAUSE_OPENER = 2.5     # an opening mark right after a letter, or a closing mark right before one
SYMBOL_PAIR = 2.0       # a non-ASCII symbol glued to another symbol
INTRAWORD_SYMBOL = 3.0  # a symbol glued between two letters ("na•ve")
RARE_CAPITAL = 1.5      # an accented capital that is not a word's initial nor in an all-caps word
_INTRAWORD = frozenset("-\u2010\u2011\u2013\u2014'\u2019.\u00b7\u30fb/:&@_+,=")

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


_ASCII_PUNCT = frozenset(".,;:!?")
# Ordinal indicators (Spanish, Portuguese, Italian, Galician): "1.º", "3.ª", "nº". Unicode calls them
# letters, but they are abbreviation marks: scored as a common symbol, not as a one-letter word.
_ORDINALS = frozenset("\u00aa\u00ba")
ORDINAL = 2.0
_CJK = frozenset({"han", "kana", "halfkana", "hangul"})
_OPENERS = frozenset("\u00bf\u00a1\u00ab\u201e")
_CLOSERS = frozenset("\u201d\u00bb\u2026")


def _is_cjk_punct(c: str) -> bool:
    return "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uff65"


def _is_drawing(c: str) -> bool:
    """Box drawing, block elements and geometric shapes: line art glues them together."""
    return "\u2500" <= c <= "\u25ff"


@cache
def script_of(c: str) -> str:
    """A coarse script class, enough to see words that mix what real words never mix."""
    o = ord(c)
    if o < 0x250:
        return "latin"
    if 0x370 <= o < 0x400:
        return "greek"
    if 0x400 <= o < 0x530:
        return "cyrillic"
    if 0x3040 <= o < 0x3100 or 0x31F0 <= o < 0x3200:
        return "kana"
    if 0xFF61 <= o < 0xFFA0:
        return "halfkana"
    if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200 or 0x3130 <= o < 0x3190:
        return "hangul"
    if 0x3400 <= o < 0xA000 or 0xF900 <= o < 0xFB00 or o >= 0x20000:
        return "han"
    return "other"


# Pairs of scripts that share real words: Japanese mixes kana and kanji, Korean can mix hangul and hanja.
_COMPATIBLE = {frozenset({"kana", "han"}), frozenset({"hangul", "han"}), frozenset({"halfkana", "kana"})}


class Model:
    """Scores strings; one shared instance (see `model()`)."""

    def __init__(self, data: dict) -> None:
        self.unigram: dict[str, float] = {c: v / 10 for c, v in data["unigram"].items()}
        self.bigram: dict[str, float] = {k: v / 10 for k, v in data["bigram"].items()}
        self.words: dict[str, float] = {w: v / 10 for w, v in data["words"].items()}
        self.symbols: dict[str, float] = {c: v / 10 for c, v in data["symbols"].items()}
        self.triggers: str = data.get("triggers", "")
        self._cache: dict[str, float] = {}

    # --- per character ------------------------------------------------------------------------
    def char_cost(self, c: str) -> float:
        """Cost of a character outside words (punctuation, symbols, digits, controls)."""
        cost = self.symbols.get(c)
        if cost is not None:
            return cost
        if c in _ORDINALS:
            return ORDINAL
        if c == "\ufffd":
            return LOST_BYTE
        cat = unicodedata.category(c)
        if cat in ("Cc", "Co", "Cn", "Cs") and c not in "\t\n\r":
            return BAD_CHAR
        if cat == "Nd":
            return 1.5
        if cat == "Zs":
            return 2.0
        if cat in ("Sm", "Sc"):
            return 4.5
        if cat[0] in "PS":
            return 5.0
        return UNKNOWN_SYMBOL

    def word_cost(self, word: str) -> float:
        """Cost of one word (a run of letters and marks, apostrophes inside)."""
        # Turkish İ lower-cases to i + dot; Russian writes ё as е more often than not.
        low = word.lower().translate(_APOS).replace("i\u0307", "i").replace("\u0451", "\u0435")
        width = 0.0
        if any("\uff01" <= c <= "\uffef" for c in low):
            # Half-width katakana and full-width Latin are real text: score them as their usual forms.
            folded = unicodedata.normalize("NFKC", low)
            width = WIDTH_FORM * (len(low) - len(folded) + 1)
            low = folded
        cost = self._lexical_cost(low) + width
        prev_lower = False
        scripts = set()
        for c in word:
            if c.isupper() and prev_lower:
                cost += CASE_FLIP
            elif c.isupper() and not c.isascii() and not (len(word) > 2 and word.isupper()) and not (
                    c is word[0] and (len(word) == 1 or word[1:].islower())):
                cost += RARE_CAPITAL
            prev_lower = c.islower()
            scripts.add(script_of(c))
        scripts.discard("other")
        if "latin" in scripts and scripts & _CJK and scripts - {"latin"} <= _CJK and all(
                c.isascii() for c in word if script_of(c) == "latin"):
            scripts.discard("latin")  # CJK text glues ASCII words to its characters ("TV가", "iPhoneの")
        if (len(scripts) > 1 and frozenset(scripts) not in _COMPATIBLE
                and scripts != {"kana", "han", "halfkana"}):
            cost += SCRIPT_MIX * (len(scripts) - 1)
        if "halfkana" in scripts and ("han" in scripts):
            cost += SCRIPT_MIX
        return cost

    def _lexical_cost(self, low: str) -> float:
        """Cost of a lower-cased word from the word list, clitics and character bigrams.

        A known word (``país``, ``привет``) costs what its frequency says; an apostrophe is plausible
        as a clitic (``korea's``, ``didn't``, ``l'été``, ``dell'arte``); an unknown word with
        non-ASCII letters of an alphabetic script (``koreaís``) pays UNKNOWN_WORD on top of its bigrams.
        """
        if "'" in low:
            head, _, tail = low.partition("'")
            if "'" not in tail and head and tail:
                if tail in CLITICS_AFTER and len(head) > 1:
                    return self._part_cost(head) + CLITIC
                if head in CLITICS_BEFORE and tail[0] in _ELISION_NEXT:
                    return CLITIC + self._part_cost(tail)  # elision before a vowel or h: l'été, dell'arte
            known = self.words.get(low)
            if known is not None:
                return known
            return self._bigram_cost(low) + UNKNOWN_WORD
        return self._part_cost(low)

    def _part_cost(self, low: str) -> float:
        bigram = self._bigram_cost(low)
        known = self.words.get(low)
        if known is not None:
            return min(known, bigram)
        if not low.isascii() and script_of(low[0]) in ("latin", "cyrillic", "greek") and len(low) > 1:
            return bigram + UNKNOWN_WORD
        return bigram

    def _bigram_cost(self, low: str) -> float:
        uni = self.unigram
        big = self.bigram
        cost = 0.0
        prev = "^"
        for c in low:
            b = big.get(prev + c)
            if b is None:
                u = uni.get(c)
                b = (UNKNOWN_LETTER if u is None else u) + (BACKOFF if prev != "^" else 0.0)
            cost += b
            prev = c
        b = big.get(prev + "$")
        cost += b if b is not None else BACKOFF
        return cost

    # --- strings ------------------------------------------------------------------------------
    def cost(self, text: str) -> float:
        """Total cost (minus log10 likelihood, roughly) of `text`."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) > 50000:
                self._cache.clear()
            cached = self._cache[text] = self._cost(text)
        return cached

    def _cost(self, text: str) -> float:
        total = 0.0
        word_start = -1
        n = len(text)
        for i, c in enumerate(text):
            if (c.isalpha() and c not in _ORDINALS) or (unicodedata.category(c)[0] == "M" and word_start >= 0) or (
                    c in "'\u2019" and word_start >= 0 and i + 1 < n and text[i + 1].isalpha()):
                if word_start < 0:
                    word_start = i
                continue
            if word_start >= 0:
                total += self.word_cost(text[word_start:i])
                word_start = -1
            total += self.char_cost(c)
            if i > 0 and not c.isspace() and not _is_drawing(c):
                p = text[i - 1]
                if not (p.isalnum() or p.isspace() or _is_drawing(p)) and not (
                        (p.isascii() and c.isascii()) or p in _ASCII_PUNCT or c in _ASCII_PUNCT
                        or (_is_cjk_punct(p) and _is_cjk_punct(c))):
                    total += SYMBOL_PAIR  # symbol soup ("â€", "¿…"): real text rarely glues symbols
            if c == "?" and i > 0 and (text[i - 1] == "\ufffd" or script_of(text[i - 1]) in _CJK):
                total += QUESTION_AFTER_CJK  # CJK text asks with ？; a bare ? there is a lost byte
            if c in _OPENERS and i > 0 and text[i - 1].isalpha():
                total += CLAUSE_OPENER  # opening marks (“ « ¿ ¡) never follow a letter
            if c in "\u00bf\u00a1" and (i + 1 == n or text[i + 1].isspace()):
                total += CLAUSE_OPENER  # ¿ and ¡ open the word after them, with no space between
            elif c in _CLOSERS and i + 1 < n and text[i + 1].isalpha():
                total += CLAUSE_OPENER  # closing marks (” » …) never precede a letter
            if (0 < i < n - 1 and not c.isascii() and c not in _INTRAWORD and text[i - 1].isalpha()
                    and text[i + 1].isalpha()):
                total += INTRAWORD_SYMBOL
        if word_start >= 0:
            total += self.word_cost(text[word_start:])
        return total

    def is_known_word(self, word: str) -> bool:
        """Whether `word` (or each part around an apostrophe) is in the word list or plain ASCII."""
        low = word.lower().translate(_APOS).replace("\u0451", "\u0435")
        return all(not p or p.isascii() or p in self.words for p in low.split("'"))


@lru_cache(maxsize=1)
def model() -> Model:
    """The model built from resources/mojibake/model.json (loaded once)."""
    path = resource_path("mojibake", "model.json")
    return Model(json.loads(path.read_text(encoding="utf-8")))
