"""The fast path: which lines of a text could need a mojibake repair at all, found in a few C-speed scans.

Mojibake is made of characters that clean text rarely holds, or of ordinary characters in places
clean text never puts them (a lower-case letter followed by an accented capital, a Latin letter
glued to a CJK character, a symbol glued to a word). Every pattern here starts with a character
class and looks at the neighbours with lookbehinds and lookaheads: Python's regex engine then skips
every character outside that class in C, so a clean text costs a few nanoseconds per character.
Where both characters of a pair are common in some texts (a Latin letter next to a kanji), the text
decides which side the scan starts from (`_sparse`). A line without a hit never reaches ftfy or the
chain search.

The patterns are the engine's own tests (engine.is_suspicious uses them on single lines), so the
scan of a whole text and the check of one line agree; tests/core/mojibake/test_scan.py checks that
the scan flags every line the per-line checks flag, on the evaluation sets and on random text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ftfy.badness import is_bad

from desktop_app.core.mojibake.ftfy_fixes import MOJIBAKE_PAIR_CLASSES, NEEDS_FTFY_CLASS
from desktop_app.core.mojibake.model import CLITICS_AFTER, CLITICS_BEFORE, Model, model

LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
LAT_HIGH = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
OTHER_SCRIPTS = "\u0370-\u03ff\u0400-\u04ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_KANA_HAN = "\u3040-\u309f\u3400-\u9fff"
_HALF_KANA = "\uff61-\uff9f"
_WORD_CHARS = f"{LAT}'\u2019\u0300-\u036f"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u03ac-\u03ce\u0430-\u045f"
_LOWER_HIGH = "\u00df-\u00f6\u00f8-\u00ff\u03ac-\u03ce\u0430-\u045f"
_UPPER_HIGH = "\u00c0-\u00d6\u00d8-\u00de\u0386-\u03ab\u0400-\u042f"
_GLUED_OK = ("\\s\u2019\u201c\u201d\u201e\u00ab\u00bb\u300d\u3002\u3001\uff0c\u2026\u2014\u2013\u00a0\u00b7"
             "\u0300-\u036f")


def _either(first: str, second: str) -> str:
    """`first` then `second`, or `second` then `first`, matched on the character of class `first`."""
    return f"[{first}](?:(?=[{second}])|(?<=[{second}].))"


# --- The engine's tests, as (first character, what must surround it) --------------------------------
# A word mixing scripts that real words do not mix: a Latin letter next to Greek, Cyrillic, CJK or
# hangul ("d矇cision", "mГ©dicament"), or half-width katakana next to kanji or hiragana.
SCRIPT_MIX = re.compile(_either(OTHER_SCRIPTS, LAT))
_SCRIPT_MIX_BY_LATIN = re.compile(_either(LAT, OTHER_SCRIPTS))
_HALF_KANA_MIX = (_HALF_KANA, f"(?:(?=[{_KANA_HAN}])|(?<=[{_KANA_HAN}].))")
HALF_KANA_MIX = re.compile("[{}]{}".format(*_HALF_KANA_MIX))

# A lower-case letter followed by a non-ASCII capital, or a non-ASCII lower-case letter followed by a
# capital ("mГ©dicament", "РџСЂРёРІРµС‚", "cafÈ"): real words do not change case inside.
_FLIP_TO_HIGH = (_UPPER_HIGH, f"(?<=[{_LOWER}].)")
_FLIP_TO_ASCII = ("A-Z", f"(?<=[{_LOWER_HIGH}].)")
CASE_FLIP = re.compile(f"[{_UPPER_HIGH}A-Z](?:(?<=[{_LOWER}][{_UPPER_HIGH}])|(?<=[{_LOWER_HIGH}][A-Z]))")

# A rare symbol glued to a word ("entrar·", "O˘", "pla”t", "ni–os", "anunci— ayer"): single-byte
# mojibake turns accented letters into punctuation. Clitic apostrophes and Catalan l·l are fine.
_GLUED_FIRST = f"^\\x00-\\x7f\\w{_GLUED_OK}"  # a negated class: any non-ASCII symbol but everyday punctuation
_GLUED = (
    # any such symbol right after a letter
    (_GLUED_FIRST, f"(?<=[{LAT}].)"),
    # a dash or closing quote inside a word, or a dash glued to the end of one
    ("\u2013\u2014\u201d", f"(?<=[{LAT}].)(?:(?=[{LAT}])|(?<=[\u2013\u2014])(?!\\S))"),
    # a middle dot after a letter that no letter follows (l·l is Catalan)
    ("\u00b7", f"(?<=[{LAT}].)(?![{LAT}])"),
    # an apostrophe inside a word that is no clitic ("Koreaís" read back)
    ("\u2019", f"(?<=[{LAT}][{LAT}]\u2019)(?<!\\bqu\u2019)(?!(?:s|t|re|ve|ll|d|m)\\b)(?=[{LAT}])"),
)
_GLUED_AFTER_PUNCT = (",;:!?", f"(?=[{LAT_HIGH}])")  # an accented letter glued after punctuation ("ni,o")
GLUED_SYMBOLS = tuple(re.compile(f"[{first}]{rest}") for first, rest in (*_GLUED, _GLUED_AFTER_PUNCT))

# A word holding a non-ASCII Latin letter (checked against the word list). The lookbehind rejects
# positions inside a word at once, and the possessive runs cannot backtrack.
NONASCII_LATIN_WORD = re.compile(f"(?<![{_WORD_CHARS}])[A-Za-z'\u2019\u0300-\u036f]*+[{LAT_HIGH}][{_WORD_CHARS}]*+")
_LAT_HIGH_CHAR = re.compile(f"[{LAT_HIGH}]")
_WORD_TAIL = re.compile(f"[{_WORD_CHARS}]*")
_WORD_SET = frozenset(chr(c) for c in range(0x2020) if re.match(f"[{_WORD_CHARS}]", chr(c)))


# ftfy: HTML entities it decodes (ftfy.chardata.HTML_ENTITY_RE), and a UTF-8 lead byte followed by a
# continuation byte as one of ftfy's code pages shows them (anchored on the rarer continuation).
_ENTITY = ("&", "#?[0-9A-Za-z]{1,24};")
# The right single quote is MacRoman's lead byte of Armenian (D5): left out, or every elision of
# French, Italian or Catalan ("l’école", "qu’à") would cost a badness check.
_LEAD, _CONT = MOJIBAKE_PAIR_CLASSES
_FTFY_PAIR = re.compile(f"[{_CONT}](?<=[{_LEAD}].)(?<!\u2019.)")


@lru_cache(maxsize=1)
def _engine_triggers() -> str:
    """Characters mojibake produces far more often than real text does (from the model), as a class
    body. U+FFFD is left out: it marks a character lost before us (often by our own repair of lost
    bytes), which only mojibake around it makes a reason to search chains."""
    return re.escape("".join(sorted(set(model().triggers) - {"\ufffd"})))


@lru_cache(maxsize=1)
def engine_trigger_re() -> re.Pattern:
    """Characters mojibake produces far more often than real text does (see `_engine_triggers`)."""
    return re.compile(f"[{_engine_triggers()}]")


def _class_ranges(chars: list[int]) -> str:
    """A character class body for the sorted code points `chars`, as ranges."""
    out = []
    k = 0
    while k < len(chars):
        j = k
        while j + 1 < len(chars) and chars[j + 1] == chars[j] + 1:
            j += 1
        out.append(re.escape(chr(chars[k])) + (f"-{re.escape(chr(chars[j]))}" if j > k else ""))
        k = j + 1
    return "".join(out)


@lru_cache(maxsize=1)
def _glued_first_positive() -> str:
    """The first class of the first glued-symbol test, without negation (a negated class cannot join
    a union): the BMP characters it matches, and astral ones (checked for \\w after the match)."""
    negated = re.compile(f"[{_GLUED_FIRST}]")
    bmp = [c for c in range(0x80, 0x10000) if negated.match(chr(c))]
    return _class_ranges(bmp) + "\U00010000-\U0010ffff"


@lru_cache(maxsize=3)
def _first_scan(mix_from: str = "") -> re.Pattern:
    """One pass for every test whose first character is rare in clean text (or, like a capital or a
    comma, not common enough to be worth a pass of its own): the engine's triggers, what makes ftfy
    change a line (controls, ligatures, surrogates, U+FFFD, HTML entities), glued symbols,
    half-width katakana next to kanji, and case changes inside a word.

    `mix_from`: "latin" or "other" adds the script-mix test started from that side (the side that
    is rare in the text at hand), "" leaves it out.
    """
    rare = _engine_triggers() + NEEDS_FTFY_CLASS + "\ufffd"
    glued = _positive_glued()
    tests = [(rare, ""), _ENTITY, _HALF_KANA_MIX, _FLIP_TO_HIGH, *glued[:-1]]
    if mix_from:
        this, that = (LAT, OTHER_SCRIPTS) if mix_from == "latin" else (OTHER_SCRIPTS, LAT)
        tests.append((this, f"(?:(?=[{that}])|(?<=[{that}].))"))
    return _union(tests, common=(_FLIP_TO_ASCII, glued[-1]))


def _positive_glued() -> list[tuple[str, str]]:
    """The glued-symbol tests with the first one's negated class written out."""
    return [(_glued_first_positive(), "(?<!\\w)" + _GLUED[0][1]), *_GLUED[1:], _GLUED_AFTER_PUNCT]


def _union(tests: list[tuple[str, str]], common: tuple[tuple[str, str], ...] = ()) -> re.Pattern:
    """One pattern for tests given as (first character class, rest): the union of the first classes,
    then each test's rest behind a lookbehind for its own class, so the regex engine can skip in C.
    Tests in `common` start with characters clean text holds often (capitals, commas): they are
    tried first, and the others only behind one lookbehind for all their first characters."""
    rare = "".join(first for first, _ in tests)
    branches = [f"(?<=[{first}]){rest}" for first, rest in common]
    branches.append(f"(?<=[{rare}])(?:" + "|".join(f"(?<=[{first}]){rest}" for first, rest in tests) + ")")
    union = rare + "".join(first for first, _ in common)
    return re.compile(f"[{union}](?:" + "|".join(branches) + ")")


@lru_cache(maxsize=1)
def engine_scan() -> re.Pattern:
    """The engine's tests that need no word list, in one pattern (for single tokens and lines)."""
    triggers = _engine_triggers()
    mix = (OTHER_SCRIPTS, f"(?:(?=[{LAT}])|(?<=[{LAT}].))")
    return _union([(triggers, ""), _HALF_KANA_MIX, _FLIP_TO_HIGH, _FLIP_TO_ASCII, *_positive_glued(), mix])


class _Mix(NamedTuple):
    """What a text is written in, judged on its start (texts are mostly written in one script). Only
    the speed of a scan depends on it, never its result."""

    latin_sparse: bool   # mostly non-Latin (Cyrillic, CJK, …): Latin letters are rare
    accents_sparse: bool  # accented Latin letters are rare (under 1 in 200 characters)

    @classmethod
    def of(cls, text: str) -> _Mix:
        sample = text[:1000]
        # UTF-8 takes 2-3 bytes for Cyrillic, Greek and CJK, 1 for the ASCII most Latin text is.
        latin_sparse = len(sample.encode("utf-8", "surrogatepass")) > 1.5 * len(sample)
        return cls(latin_sparse, len(_LAT_HIGH_CHAR.findall(sample)) * 200 < len(sample))


def _first_per_line(pattern: re.Pattern, text: str, hits: list[int]) -> None:
    """Append the offset of the first match of `pattern` in each line of `text` that has one."""
    pos = 0
    search = pattern.search
    while (x := search(text, pos)) is not None:
        hits.append(x.start())
        pos = text.find("\n", x.end())
        if pos < 0:
            break


_UNKNOWN: dict[str, bool] = {}  # word -> suspicious_word(word), across texts (bounded)
_APOSTROPHE = re.compile("['\u2019]")
_C1_LETTERS = frozenset("\u0160\u0161\u017d\u017e\u0152\u0153\u0178\u0192")  # Windows-1252's 0x80-0x9F letters


def suspicious_word(word: str, m: Model) -> bool:
    """Whether a word with non-ASCII letters looks like single-byte mojibake: the word list does not
    know it, and its accented letters stand where mojibake puts them. The word list holds the
    common words of each language only, so an unknown word is most often just rarer ("agrégation",
    Turkish "güneşli"); MacRoman read back from Windows-1252 punctuation puts a letter where the
    punctuation was (at a word's edge, before a clitic: "Koreaís", "ìtheî"), Windows-1252 read back
    from MacRoman puts the letters of its 0x80-0x9F row in ("Kšln"), and Windows-1251 read as
    Windows-1252 makes words of accented letters only ("Ìîñêâå")."""
    if m.is_known_word(word):
        return False
    for part in _APOSTROPHE.split(word):
        if part.isascii() or m.is_known_word(part):
            continue
        high = [i for i, c in enumerate(part) if not c.isascii()]
        if 2 * len(high) >= len(part) or high[0] == 0 or high[-1] == len(part) - 1:
            return True
        if not _C1_LETTERS.isdisjoint(part):
            return True
        if any(part[i + 1:].lower() in CLITICS_AFTER or part[:i].lower() in CLITICS_BEFORE for i in high):
            return True
    return False


def _unknown_words(text: str, m: Model, mix: _Mix, hits: list[int]) -> None:
    """Offsets of words with a non-ASCII Latin letter that the word list does not know."""
    if len(_UNKNOWN) > 200_000:
        _UNKNOWN.clear()
    unknown = _UNKNOWN
    if mix.accents_sparse:
        # Few accented letters: start from each and find its word (the general pattern would try
        # every position of the text).
        pos = 0
        n = len(text)
        search = _LAT_HIGH_CHAR.search
        tail = _WORD_TAIL.match
        while (x := search(text, pos)) is not None:
            start = x.start()
            while start > 0 and text[start - 1] in _WORD_SET:
                start -= 1
            end = tail(text, x.end()).end()
            word = text[start:end]
            bad = unknown.get(word)
            if bad is None:
                bad = unknown[word] = suspicious_word(word, m)
            if bad:
                hits.append(start)
            pos = end if end > x.start() else n
        return
    # Many accented words: their set (made in C) first; the text is searched again only for the
    # words the word list lacks, which clean text rarely has.
    bad_words = set()
    for word in set(NONASCII_LATIN_WORD.findall(text)):
        bad = unknown.get(word)
        if bad is None:
            bad = unknown[word] = suspicious_word(word, m)
        if bad:
            bad_words.add(word)
    if bad_words:
        hits.extend(w.start() for w in NONASCII_LATIN_WORD.finditer(text) if w.group() in bad_words)


def _context_offsets(text: str, m: Model, hits: list[int], mix: _Mix | None = None) -> None:
    """The engine's tests whose characters are common in some texts, with the scan started from
    the side that is rare in this one (unless `mix` says the caller did it); and words the word
    list lacks."""
    if mix is None:
        mix = _Mix.of(text)
        _first_per_line(_SCRIPT_MIX_BY_LATIN if mix.latin_sparse else SCRIPT_MIX, text, hits)
    _unknown_words(text, m, mix, hits)


def engine_offsets(text: str, m: Model | None = None) -> list[int]:
    """Offsets of everything the chain engine's check (engine.is_suspicious) sees in `text` (every
    hit of `engine_scan`, and the start of every word the word list lacks)."""
    hits: list[int] = []
    if not text.isascii():
        hits.extend(x.start() for x in engine_scan().finditer(text))
        _unknown_words(text, m or model(), _Mix.of(text), hits)
    return hits


def _ftfy_pair_offsets(text: str, hits: list[int]) -> None:
    """Lines ftfy's badness check flags, among those holding a character pair UTF-8 mojibake is
    made of: the badness regex is costly, so it runs on those lines only, once each."""
    pos = 0
    search = _FTFY_PAIR.search
    n = len(text)
    while (x := search(text, pos)) is not None:
        start = text.rfind("\n", 0, x.start()) + 1
        end = text.find("\n", x.start())
        end = n if end < 0 else end
        if is_bad(text[start:end]):
            hits.append(x.start())
        pos = end + 1
        if pos >= n:
            break


def candidate_offsets(text: str) -> list[int]:
    """Sorted offsets, at least one in every line that could need a repair; [] for a clean text."""
    hits: list[int] = []
    if text.isascii():
        _first_per_line(_first_scan(), text, hits)
        return sorted(set(hits))
    mix = _Mix.of(text)
    _first_per_line(_first_scan("latin" if mix.latin_sparse else "other"), text, hits)
    _ftfy_pair_offsets(text, hits)
    _context_offsets(text, model(), hits, mix)
    if not unicodedata.is_normalized("NFC", text):
        pos = 0
        for line in text.split("\n"):
            if not unicodedata.is_normalized("NFC", line):
                hits.append(pos)
            pos += len(line) + 1
    return sorted(set(hits))
