"""The repair engine: find suspicious runs in a line, search chains, keep repairs the model prefers.

1. Fast path (scan.py, which runs the same tests over whole texts): a line is looked at only if it
   has a character that mojibake produces far more often than real text does (`triggers`, built
   with the model), a word mixing scripts or changing case inside, a glued symbol, or a word with
   non-ASCII letters that the word list does not know placed where mojibake puts them
   (scan.suspicious_word). Only such tokens are searched.
2. Runs: each chain re-encodes a token and decodes it; the runs whose bytes decode cleanly are the
   candidate repairs (correct text next to them is kept). A run is tried whole and, when its changes
   are far apart, change by change, so a line where only some runs are broken gets only those fixed.
3. Score: the model's cost of the word around the run, before minus after (log10 units), with the
   evidence of the line around it (a run that turns into the script its neighbours are written in).
   A repair is proposed from a gain of MIN_GAIN; its confidence grows with the gain, and a repair
   that keeps a lost character (``�``) is less sure. The repaired line is searched again (double
   mojibake), up to MAX_ROUNDS.
4. Lost bytes (`_lossy_decode`): a CJK decoder that met bytes it could not read left ``�`` or ``?``
   and cut the line's characters apart, so words are no unit any more. The whole line is decoded
   back through each lossy chain (chains.py: every character whose bytes survived is recovered,
   each lost one is one ``�``), and the best decode replaces the word-by-word repairs when it
   gains LOSSY_LINE_GAIN and reads better than them.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.mojibake.align import diff_spans
from desktop_app.core.mojibake.chains import (
    CHAINS,
    LOST,
    Chain,
    _encoded,
    _high_chars,
    undo_double_byte_lossy,
)
from desktop_app.core.mojibake.model import _INTRAWORD, Model, model, script_of
from desktop_app.core.mojibake.scan import (
    CASE_FLIP,
    LAT,
    LAT_HIGH,
    engine_offsets,
    engine_scan,
    suspicious_word,
)

STRICT_GAIN = 6.0       # a whole token repaired this convincingly ends the search for that token
MIN_GAIN = 1.5          # below this gain (log10) a repair is not even proposed
GAIN_MID = 1.8          # confidence = logistic((gain - GAIN_MID) * GAIN_SLOPE): 0.8 at a gain of 2.5
GAIN_SLOPE = 2.0
ISOLATED_PENALTY = 2.0  # extra gain a short repair needs when no letter is near it
SYMBOLS_ONLY_PENALTY = 5.0  # ... and when symbols turn into symbols with no letter near (line art, faces)
CONTEXT_BONUS = 1.5     # per neighbouring word (max 2) already in the script the repair produces
MAX_AVG_COST = 4.5      # a repaired window must look like real text: at most this cost per character
LATER_ROUND_GAIN = 3.0  # a repair found only after others were applied needs this much gain
LINE_CHAIN_GAIN = 2.5   # a chain that repaired a word this well is preferred in its line
LINE_CHAIN_BONUS = 3.0  # ... by this much
UNKNOWN_WORD_MAX_COST = 2.5  # per letter, for a word outside the word list that a repair may produce
UNKNOWN_WORD_MAX_COST_LINE = 4.0  # ... out of an impossible word, in a line the same chain repaired
UNKNOWN_WORD_GAIN = 8.0  # ... when the line gives no support: only out of a word this much less plausible
DOUBTED_PENALTY = 1.5   # a single-byte chain that would break one correct accented word of the line
BREAK_MARGIN = 3.0      # ... or a word outside the word list, into something this much less plausible
SINGLE_LETTER_MAX_COST = 3.5  # a one-letter word a repair may produce ("à", "y"): this common at least
SHORT_CJK_PENALTY = 3.0  # a one-character CJK repair needs the line's chain or context behind it
MAX_ROUNDS = 3          # repairs of repairs (text mojibaked twice or thrice)
MAX_TOKEN = 400         # longer tokens are cut into pieces of this size
MAX_SPLIT_RUN = 80      # a run longer than this is tried whole only, not change by change
LOSSY_LINE_GAIN = 12.0  # a line decoded whole through a lossy chain must gain this much at least
LOSSY_CONFIDENCE = 0.9  # at most this sure of a whole-line repair that marks lost characters
LONG_LINE = 1000        # a lossy line longer than this is decoded whole without the word-by-word search

# A no-break space between two non-ASCII characters stays in the token: it can be a byte of the
# mojibake (GBK's trail byte A0 read as Latin-1).
_TOKEN = regex.compile(r"(?:\S|(?<=[^\x00-\x7f\s])\xa0(?=[^\x00-\x7f\s]))+")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*")
_LATIN_WORD = regex.compile(r"[\p{Latin}\p{M}]+(?:['\u2019][\p{Latin}\p{M}]+)*")
_LAT = LAT
_LAT_HIGH = LAT_HIGH
# What the punctuation of one Western code page becomes in another (quotes, dashes, bullets, …).
_TYPOGRAPHIC = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u2039\u203a"
                         "\u00bf\u00a1\u2022\u00b7\u00a0.,;:!?'\"()-")
# (“ is left out: German closes quotes with it.)
_MISPLACED_MARK = regex.compile(r"\p{L}[\u00bf\u00a1\u00ab\u201e]|[\u201d\u00bb]\p{L}")
# A run of '?' that stands for lost bytes: next to a non-ASCII character, or glued to the start of
# a word (a question mark ends a sentence, it never starts a word: "??ber" is "Über").
_QUESTION_RUN = re.compile(r"(?<=[^\x00-\x7f])\?+|\?+(?=[^\W\d_])")
# In a line known to have lost bytes, also a run that opens the line ("?? Marseille": no sentence
# starts with ?) and two or more glued to a word ("handeln???," is „handeln“,": three lost bytes).
_LINE_QUESTIONS = re.compile(r"\A\?+(?=[^\x00-\x7f]| |\Z)|(?<=\w)\?{2,}|\?{2,}(?=\w)")
_LEAD_THEN_SPACE = re.compile(f"[{_LAT_HIGH}\u0400-\u04ff](?= )")
_NBSP_CHAINS = tuple(Chain("utf-8", enc, "utf8-nbsp") for enc in
                     ("sloppy-windows-1252", "cp1251", "cp1250", "cp1258", "iso-8859-2"))
_CJK_SCRIPTS = frozenset({"han", "kana", "halfkana", "hangul"})
_QUOTES = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a'\"")
_CJK_CHAR = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff\uf900-\ufaff\uff61-\uff9f\uac00-\ud7af"
                       "\u1100-\u11ff\u3130-\u318f\U00020000-\U0010ffff]")  # script_of's CJK classes
_DOUBLE_BYTE = frozenset({"cp932", "shift_jis", "euc_jp", "gbk", "big5", "cp949", "euc_kr"})
_ALPHABETS = frozenset({"latin", "greek", "cyrillic"})
_SINGLE_BYTE_CHAINS = tuple(c for c in CHAINS if not c.multibyte_read)
_LEGACY = frozenset(c for c in _SINGLE_BYTE_CHAINS if c.true in _DOUBLE_BYTE)  # legacy CJK read as Latin


@dataclass(frozen=True)
class ChainRepair:
    """Replace line[start:end] with `replacement`, undoing `chains` (outermost first)."""

    start: int
    end: int
    replacement: str
    chains: tuple[Chain, ...]
    gain: float
    confidence: float

    @property
    def label(self) -> str:
        return ", then ".join(c.label for c in self.chains)

    @property
    def family(self) -> str:
        return self.chains[0].family if len(self.chains) == 1 else "double"


def confidence_for(gain: float, lost: bool) -> float:
    conf = 1.0 / (1.0 + math.exp(-(gain - GAIN_MID) * GAIN_SLOPE))
    if lost:
        conf *= 0.92
    return round(min(conf, 0.99), 3)


def _token_suspicious(token: str, m: Model) -> bool:
    """Whether a token (or a line) holds anything mojibake leaves: a trigger character, a case
    change or script mix inside a word, a glued symbol, a non-ASCII Latin word the word list lacks."""
    cached = _SUSPICIOUS.get(token)
    if cached is None:
        if len(_SUSPICIOUS) > 100_000:
            _SUSPICIOUS.clear()
        cached = _SUSPICIOUS[token] = bool(engine_scan().search(token)) or any(
            not w.isascii() and suspicious_word(w, m) for w in _LATIN_WORD.findall(token))
    return cached


_SUSPICIOUS: dict[str, bool] = {}


def _token_wanted(token: str, m: Model) -> bool:
    """Whether a token of a line the fast path flagged is searched: a suspicious one, or one with a
    non-ASCII Latin word the word list lacks wherever its accented letters stand. Inside a line that
    shows mojibake elsewhere, such a word is likely the same mojibake ("Gdañska" next to "Ba³tyku":
    Polish read as Windows-1252), though on its own it would not make the line suspicious."""
    return _token_suspicious(token, m) or any(
        not w.isascii() and not m.is_known_word(w) for w in _LATIN_WORD.findall(token))


def is_suspicious(line: str, m: Model | None = None) -> bool:
    """The fast path: False means no chain can improve the line enough to matter."""
    if line.isascii():
        return False
    m = m or model()
    return _token_suspicious(line, m)


def _near_letter(s: str, start: int, end: int) -> bool:
    """Whether a letter touches s[start:end], or is one punctuation mark away from it."""
    for k in (start - 1, start - 2, end, end + 1):
        if 0 <= k < len(s) and s[k].isalpha():
            if k in (start - 2, end + 1):
                mid = s[k + 1] if k == start - 2 else s[k - 1]
                if mid.isspace():
                    continue
            return True
    return False


def _touches_letter(s: str, start: int, end: int) -> bool:
    return (start > 0 and s[start - 1].isalpha()) or (end < len(s) and s[end].isalpha())


def _word_bounds(s: str, start: int, end: int) -> tuple[int, int]:
    """Extend [start, end) to the word around it (letters and apostrophes), at most 12 chars each way."""
    a = start
    while a > 0 and start - a < 12 and (s[a - 1].isalpha() or s[a - 1] in "'\u2019"):
        a -= 1
    b = end
    while b < len(s) and b - end < 12 and (s[b].isalpha() or s[b] in "'\u2019"):
        b += 1
    return a, b


@lru_cache(maxsize=65536)
def _scripts(text: str) -> frozenset[str]:
    return frozenset(script_of(c) for c in text if c.isalpha()) - {"other"}


def _valid_utf8(text: str, codec: str) -> bool:
    try:
        text.encode(codec).decode("utf-8")
    except UnicodeError:
        return False
    return True


def _chain_allows(chain: Chain, before: str, after: str, preferred: bool = False) -> bool:
    """Script evidence a chain's mojibake always leaves (cheap, and it prunes most wrong chains).

    `preferred`: the chain repaired other words of the line, so a short run of its mojibake whose
    bytes are all lost may be marked as lost ("handeln鈥?" with the rest of the line in GBK mojibake).
    """
    if chain.read_as in _DOUBLE_BYTE and not (_scripts(before) & _CJK_SCRIPTS):
        return False  # bytes read with a CJK codec turn into kanji/hanzi/kana/hangul
    if (chain.true in _DOUBLE_BYTE and not chain.multibyte_read and not preferred
            and not before.isascii() and _valid_utf8(before, chain.read_as)):
        return False  # bytes that make valid UTF-8 are UTF-8 (ftfy's domain) unless the line says otherwise
    if chain.true in _DOUBLE_BYTE and chain.read_as in _DOUBLE_BYTE and not (_scripts(after) & _CJK_SCRIPTS):
        return False  # CJK text read with another CJK codec: the repair is CJK text again
    # Judge the changed middle only.
    while before and after and before[0] == after[0]:
        before, after = before[1:], after[1:]
    while before and after and before[-1] == after[-1]:
        before, after = before[:-1], after[:-1]
    if not after and len(before) == 1 and chain.true == "utf-8" and chain.read_as not in _DOUBLE_BYTE:
        lead = _encoded(before, chain.read_as)
        # A UTF-8 lead byte merged into the character after it ("В«" is "«" read as Windows-1251).
        return lead is not None and len(lead) == 1 and 0xC2 <= lead[0] <= 0xF4
    recovered = after.replace(LOST, "")
    if not recovered and preferred and after == LOST and 0 < len(before.replace(LOST, "").replace("?", "")) <= 2:
        return _scripts(before) <= _CJK_SCRIPTS
    if not recovered or recovered == before.replace(LOST, ""):
        return False  # nothing recovered: only lost-byte markers moved
    lost = after.count(LOST)
    # A run may end in a character whose bytes broke off (one more �); otherwise new lost-byte
    # markers mean the chain broke correct text, or the run is not this chain's mojibake.
    if lost > before.count(LOST) + before.count("?") + (len(recovered) >= 4):
        return False
    if len(before) > 4 * len(recovered) + 3 * lost:
        return False  # more characters vanished than any lost byte can explain
    return not any(unicodedata.category(c) in ("Co", "Cn", "Cc", "Cs") and c not in before for c in after)


class _LineContext:
    """Scripts of the plausible words of a line, to tell which script the line is written in."""

    def __init__(self, line: str, m: Model) -> None:
        self.words: list[tuple[int, int, str]] = []
        self.line = line
        self._letters: set[str] | None = None
        self._vote_words: list[str] | None = None
        self._against: dict[Chain, int] = {}
        hits = sorted(engine_offsets(line, m))
        for w in _WORD.finditer(line):
            text = w.group()
            k = bisect_left(hits, w.start())
            if text.isascii() or not (k < len(hits) and hits[k] < w.end()):
                sc = _scripts(text)
                if len(sc) == 1:
                    self.words.append((w.start(), w.end(), next(iter(sc))))
        self.japanese = any(w[2] == "kana" for w in self.words)

    def against(self, chain: Chain) -> int:
        """Evidence of the line against a single-byte-read chain: 2 rules it out, 1 casts doubt.

        Text read with a single-byte code page is made of that code page's characters only: a line
        holding a letter or Latin-1 symbol it cannot produce (Czech "výrazně" for MacRoman) is not
        its mojibake. And words with non-ASCII letters that the chain would make worse ("está" would
        read "est‡" undone as Windows-1252 read as MacRoman) vote against it. (Words vote only on
        single-byte to single-byte chains: a UTF-8 or CJK character's bytes straddle the words of
        its mojibake.)
        """
        n = self._against.get(chain)
        if n is not None:
            return n
        if self._letters is None:
            self._letters = {c for c in self.line if not c.isascii() and (
                ("\u00a1" <= c < "\u0530" and not c.isspace() and c != "\u00ad")
                or (c.isalpha() and script_of(c) in _ALPHABETS))}
        high = _high_chars(chain.read_as)
        if any(c not in high for c in self._letters):
            n = 2
        elif chain.multibyte_true:
            n = 0
        else:
            if self._vote_words is None:
                self._vote_words = [w for w in _WORD.findall(self.line) if len(w) > 1 and not w.isascii()]
            n = _votes(chain, self._vote_words)
        self._against[chain] = n
        return n

    def signature(self, start: int, end: int) -> tuple:
        """The scripts of the two plausible words on either side of [start, end), and whether the
        line holds kana."""
        left = [w[2] for w in self.words if w[1] <= start][-2:]
        right = [w[2] for w in self.words if w[0] >= end][:2]
        return (*left, "|", *right, self.japanese)

    def bonus(self, start: int, end: int, before: str, after: str) -> float:
        """Gain from the line: neighbours already written in the script the repair produces."""
        target = _scripts(after)
        source = _scripts(before)
        if len(target) != 1 or not source or target == source:
            return 0.0
        script = next(iter(target))
        left = [w for w in self.words if w[1] <= start][-2:]
        right = [w for w in self.words if w[0] >= end][:2]
        same = sum(1 for w in left + right if w[2] == script)
        other = sum(1 for w in left + right if w[2] != script)
        # Neighbours in another script may be mojibake of the same kind still waiting for repair:
        # they count against the repair only beyond the neighbours that support it.
        return CONTEXT_BONUS * (min(same, 2) - min(max(other - same, 0), 2))


def _votes(chain: Chain, words: list[str]) -> int:
    """Evidence of a line's words against a single-byte chain: 2 when at least two words would get
    worse under it and more get worse than better, 1 when as many get worse as better."""
    worse = better = 0
    for w in words:
        v = _vote(chain, w)
        worse += v < 0
        better += v > 0
    if worse >= 2 and worse > better:
        return 2
    return 1 if worse and worse >= better else 0


@lru_cache(maxsize=65536)
def _vote(chain: Chain, word: str) -> int:
    """-1 when undoing `chain` turns `word` into something less plausible (a known word into
    anything worse, another word into something clearly worse), 1 when clearly better, else 0."""
    undone = chain.undo(word)
    if undone == word:
        return 0
    m = model()
    d = m.cost(undone) - m.cost(word)
    if d > (0.0 if m.is_known_word(word) else BREAK_MARGIN):
        return -1
    return 1 if d < -BREAK_MARGIN else 0


def _high_pair(token: str, chain: Chain) -> bool:
    """Two adjacent characters of the code page's upper half: a CJK character's bytes, at least one
    of which is a lead byte (>= 0x81), read with a single-byte code page."""
    high = _high_chars(chain.read_as)
    return any(a in high and b in high for a, b in zip(token, token[1:], strict=False))


def _candidates(token: str, m: Model, ctx: _LineContext | None, base: int,
                prefer: frozenset[Chain] = frozenset(), bonus: float = 0.0) -> list[tuple[int, int, str, Chain, float]]:
    """Every (start, end, replacement, chain, gain) over `token` with gain >= MIN_GAIN.

    Chains in `prefer` (the one that clearly repaired other words of the line) get `bonus`.
    """
    chains = [c for c in CHAINS if c.could_apply(token) and (c not in _LEGACY or c in prefer or _high_pair(token, c))]
    # Fast path: mojibake that lost nothing round-trips exactly through its chain. When some chain
    # repairs the whole token cleanly and convincingly, the other chains need not be searched.
    strict = []
    for chain in chains:
        try:
            repl = token.encode(chain.read_as).decode(chain.true)
        except UnicodeError:
            continue
        if repl != token:
            gain = _with_bonus(_gain(token, 0, len(token), repl, chain, m, ctx, base, chain in prefer), chain, prefer, bonus)
            if gain >= STRICT_GAIN:
                strict.append((0, len(token), repl, chain, gain))
    if strict:
        return strict
    out = []
    variants = [token]
    if "?" in token:
        variants.append(_question_marks_as_lost(token))
    for chain in chains:
        seen: set[tuple[int, int, str]] = set()
        for variant in variants:
            if variant is not token and not chain.multibyte_true:
                continue
            for rs, re_, repl in chain.undo_runs(variant):
                whole = _with_bonus(_gain(token, rs, re_, repl, chain, m, ctx, base, chain in prefer), chain, prefer, bonus)
                if whole >= MIN_GAIN:
                    out.append((rs, re_, repl, chain, whole))
                if whole >= STRICT_GAIN or re_ - rs < 3 or re_ - rs > MAX_SPLIT_RUN:
                    continue  # (a long run's changes one by one would cost minutes on a long line)
                # The run as a whole is no repair: maybe only parts of it are broken.
                inner = diff_spans(token[rs:re_], repl)
                if len(inner) < 2:
                    continue
                for sp in inner:
                    start, end, replacement = rs + sp.start, rs + sp.end, sp.replacement
                    key = (start, end, replacement)
                    if key in seen:
                        continue
                    seen.add(key)
                    gain = _with_bonus(_gain(token, start, end, replacement, chain, m, ctx, base,
                                             chain in prefer), chain, prefer,
                                       bonus)
                    if gain >= MIN_GAIN:
                        out.append((start, end, replacement, chain, gain))
    return out


def _with_bonus(gain: float, chain: Chain, prefer: frozenset[Chain], bonus: float) -> float:
    """The line's preferred chain tips the balance for a repair that is plausible on its own (or,
    for punctuation the model cannot rank, such as ´ against «, no less plausible)."""
    return gain + bonus if gain >= 0 and chain in prefer else gain


def _gain(token: str, start: int, end: int, replacement: str, chain: Chain, m: Model,
          ctx: _LineContext | None, base: int, preferred: bool = False) -> float:
    """How much more plausible `token` is with token[start:end] replaced; -1 when the repair is ruled out."""
    orig = token[start:end]
    if not _chain_allows(chain, orig, replacement, preferred):
        return -1.0
    # The changed middle (a whole run often starts or ends with characters the chain kept).
    ts, te, trep = start, end, replacement
    while ts < te and trep and token[ts] == trep[0]:
        ts, trep = ts + 1, trep[1:]
    while te > ts and trep and token[te - 1] == trep[-1]:
        te, trep = te - 1, trep[:-1]
    single_byte = not (chain.multibyte_true or chain.multibyte_read)
    if chain.true in _DOUBLE_BYTE and not chain.multibyte_read:
        # A legacy CJK page read with a single-byte code page: undone, the run is CJK text of some
        # length (two symbols or letters that happen to pair into one hanzi, Greek or Cyrillic letter
        # of the national character set are no evidence).
        cjk = sum(script_of(c) in _CJK_SCRIPTS for c in trep)
        marks = sum("\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uff65" for c in trep)  # 。、「」，（）
        others = sum(c.isalpha() and not c.isascii() and script_of(c) not in _CJK_SCRIPTS
                     and not "\uff00" <= c <= "\uffef" for c in trep)  # (ASCII words glued to CJK are real)
        # Glued to an ASCII word, a short run is more likely letters of that word's language ("õäöü").
        glued = (any(c.isascii() and c.isalpha() for c in trep) or (ts > 0 and token[ts - 1].isascii()
                 and token[ts - 1].isalpha()) or (te < len(token) and token[te].isascii() and token[te].isalpha()))
        need = 1 if preferred else 3 if glued else 2
        if cjk + marks < need or (not cjk and not preferred) or 3 * others > cjk + marks:
            return -1.0
    if not preferred and any("\uff61" <= c <= "\uff9f" for c in trep) and not (
            any(script_of(c) in ("kana", "han") for c in trep) or (ctx is not None and ctx.japanese)):
        return -1.0  # half-width katakana is real only in Japanese text: the repair or its line holds kana
    if all(unicodedata.category(c) == "Cc" for c in token[ts:te]) and not _touches_letter(token, ts, te):
        return -1.0  # lone control characters are ftfy's call (fix_c1_controls), not ours
    if (single_byte and not preferred and token[ts:te].isalpha() and trep
            and not any(c.isalpha() or c in _QUOTES for c in trep)
            and not (ts > 0 and te < len(token) and token[ts - 1].isalpha() and token[te].isalpha())):
        # A letter at the edge of a word turned into a dash or symbol ("ódy" into "—dy", a lone "ó"
        # into "—"): an unknown word of a language the word list lacks reads like this, so only the
        # line's own chain is evidence enough. Inside a word ("Koreaís") the letter is no word's,
        # and quotes belong at a word's edge ("ìthe best dayî").
        return -1.0
    weak = 0.0
    if preferred:
        pass  # the line's own chain: a short run is as likely as the others it repaired
    elif chain.read_as in _DOUBLE_BYTE and chain.true in _DOUBLE_BYTE and len(orig) < 2:
        weak = SHORT_CJK_PENALTY  # one CJK character read with another CJK codec: any hanzi maps to some hanzi
    elif chain.read_as in _DOUBLE_BYTE and not (_scripts(replacement) & _CJK_SCRIPTS) and not (
            _touches_letter(token, start, end) or end - start > 1):
        weak = SHORT_CJK_PENALTY  # one CJK character alone, repaired into another script
    if any(not (c.isalnum() or c.isspace() or c == LOST or c in m.symbols or "\u3000" <= c <= "\u30ff"
                or "\uff00" <= c <= "\uffef") for c in replacement):
        return -1.0  # a repair produces letters and everyday punctuation, not rare symbols
    if not chain.multibyte_true and any(not (c.isalnum() or c.isspace() or c in _TYPOGRAPHIC)
                                        for c in replacement):
        return -1.0  # single-byte mix-ups swap letters and typographic punctuation, nothing else
    if single_byte:
        fixed = token[:ts] + trep + token[te:]
        if _MISPLACED_MARK.search(fixed):
            return -1.0  # the repair would put an opening mark after a letter or a closing one before
        for k in range(ts, ts + len(trep)):
            c = fixed[k]
            if (not c.isalpha() and c not in "\u2019'-\u2010\u2013\u2014" and 0 < k < len(fixed) - 1
                    and fixed[k - 1].isalpha() and fixed[k + 1].isalpha()):
                return -1.0  # a letter inside a word turned into a symbol ("Coatlán" into "Coatl·n")
            if k < te and token[k].isalpha() and not c.isalpha() and _stray_mark(fixed, k):
                return -1.0  # ... or at its edge into a mark that is not written there ("Bretón" into "Bret—")
            if c == "\xa0" and (k == 0 or k == len(fixed) - 1 or fixed[k + 1] in ".,;)"):
                return -1.0  # a no-break space glued to a word on one side only ("note†" into "note\xa0")
    if m.cost(replacement) > MAX_AVG_COST * max(len(replacement), 1.4):
        return -1.0  # the repair is no text either (real text averages 1-4 per character)
    if (chain.read_as in _DOUBLE_BYTE and trep and not (_scripts(trep) & _CJK_SCRIPTS)
            and ((ts > 0 and script_of(token[ts - 1]) in _CJK_SCRIPTS)
                 or (te < len(token) and script_of(token[te]) in _CJK_SCRIPTS))):
        return -1.0  # CJK glued to correct CJK text is that text, not mojibake of another script ("路径")
    a, b = _word_bounds(token, start, end)
    before = token[a:b]
    after = token[a:start] + replacement + token[end:b]
    if _mixes_scripts(after) and not _mixes_scripts(before):
        return -1.0  # a word in one script does not become a word mixing scripts ("Азербејџан")
    if len(CASE_FLIP.findall(after)) > len(CASE_FLIP.findall(before)):
        return -1.0  # nor does a repair put a capital inside a word ("Islandés" into "IslandÈs")
    if _breaks_capitals(before, after):
        return -1.0  # ... or a small letter or a mark into a word in capitals ("ÑANDÚ" into "„ANDò")
    context = ctx.bonus(base + a, base + b, before, after) if ctx is not None else 0.0
    # Out of a word no language writes ("potwierdzi³y": a symbol glued between letters) or one far
    # less plausible, a repair may produce a word the word list does not know.
    clear = m.cost(before) - m.cost(after) >= UNKNOWN_WORD_GAIN or (
        _glued_symbols(before) > _glued_symbols(after))
    # With the line's chain and a word no language writes behind it, a rarer word will do ("jaźń").
    cap = UNKNOWN_WORD_MAX_COST_LINE if preferred and clear else UNKNOWN_WORD_MAX_COST
    if single_byte and not all(_real_word(w, m) or ((context > 0 or preferred or clear)
                                                    and m.cost(w) <= cap * len(w))
                               for w in _WORD.findall(after)):
        # Single-byte code pages map every byte to something: a repair must make known words, or
        # (with the line's script or chain behind it, or out of a word no language writes) words
        # that read like the language.
        return -1.0
    gain = m.cost(before) - m.cost(after) + context - weak
    if te - ts <= 2 and not _touches_letter(token, ts, te) and not preferred:
        # A lone character swapped for another (√ for Ã, ™ for ô, Õ for ’): code pages map almost
        # every byte, so with no word around it there is little evidence either way.
        if not _near_letter(token, ts, te) and not any(c.isalpha() for c in token[ts:te] + trep):
            return -1.0  # symbols for symbols with no word near (faces, math, line art)
        if ctx is not None and not ctx.words and not any(c.isalpha() for c in token[ts:te]):
            return -1.0  # ... or for a letter in a line with no word at all ("‰ †‡ ‹›": marks, not text)
        gain -= ISOLATED_PENALTY
    return gain


def _breaks_capitals(before: str, after: str) -> bool:
    """Whether a repair gives a word written in Latin capitals (two cased letters at least, no small
    one) a small letter, or turns one of its letters into a mark. Code pages keep capitals and small
    letters apart, so mojibake of a headline in capitals repairs into capitals ("ESPA—A" into
    "ESPAÑA"); a repair that breaks the capitals is reading correct text ("ÑOQUIS") as mojibake.
    (Another script's repair, as KOI8-R Russian read as Latin capitals, and "ß", which has no
    capital of its own, are no evidence.)"""
    cased = [c for c in before if c.isupper() or c.islower()]
    if len(cased) < 2 or any(c.islower() for c in cased) or not _scripts(after) <= {"latin"}:
        return False
    if sum(not c.isalpha() for c in after) > sum(not c.isalpha() for c in before):
        return True
    return any(c.islower() and len(c.upper()) == 1 for c in after)


def _mixes_scripts(word: str) -> bool:
    """Whether the non-ASCII letters of `word` mix scripts that words do not mix. Japanese mixes kana
    and kanji, and CJK text glues ASCII words to its characters ("使用iPhone"); hanja glued to
    hangul are rare enough in modern Korean to count as a mix (a GBK run read as EUC-KR makes them)."""
    sc = _scripts("".join(c for c in word if not c.isascii()))
    return len(sc) > 1 and not sc <= {"kana", "han", "halfkana"}


def _stray_mark(s: str, k: int) -> bool:
    """Whether the mark s[k], which a repair made out of a letter, sits where real text never has it:
    a bullet or middle dot, or a dash, glued to a word on one side only; an en dash between two
    lower-case letters, or an em dash next to a one-letter piece; a closing quote or apostrophe at
    the end of a word, except a plural possessive ("players’") or inside a quotation opened before
    it; an apostrophe at the start of a word."""
    c = s[k]
    left = k > 0 and s[k - 1].isalpha()
    right = k + 1 < len(s) and s[k + 1].isalpha()
    if c in "\u00b7\u2022\u2013\u2014" and left != right:
        return True
    if c == "\u2013" and left and right and s[k - 1].islower() and s[k + 1].islower():
        return True
    if c == "\u2014" and left and right and not (k > 1 and s[k - 2].isalpha() and k + 2 < len(s) and s[k + 2].isalpha()):
        return True  # "word—word" joins words, not a single letter ("autenticaci—n", "U—lofe")
    if c == "\u2019" and left and not right:
        return s[k - 1] not in "sS" and "\u2018" not in s[:k]
    return c == "\u2019" and right and not left


def _glued_symbols(s: str) -> int:
    """Symbols glued between two letters that real words do not hold (not apostrophes, hyphens, ...)."""
    return sum(1 for k in range(1, len(s) - 1) if not (s[k].isalpha() or s[k].isdecimal()) and s[k] not in _INTRAWORD
               and s[k - 1].isalpha() and s[k + 1].isalpha())


def _real_word(word: str, m: Model) -> bool:
    """A word a single-byte repair may produce: ASCII or known, and one letter only if common."""
    if len(word) == 1:
        return word.isascii() or m.word_cost(word) <= SINGLE_LETTER_MAX_COST
    return word.isascii() or m.is_known_word(word)


def _question_marks_as_lost(token: str, line_start: bool = False) -> str:
    """`token` with each run of '?' that stands for lost bytes as U+FFFD (see `_QUESTION_RUN`);
    `line_start`: `token` is a whole line, and where it has lost bytes, `_LINE_QUESTIONS` are too."""
    token = _QUESTION_RUN.sub(lambda mt: LOST * len(mt.group()), token)
    if line_start and LOST in token:
        token = _LINE_QUESTIONS.sub(lambda mt: LOST * len(mt.group()), token)
    return token


def repair_token(token: str, m: Model | None = None, ctx: _LineContext | None = None,
                 base: int = 0, prefer: frozenset[Chain] = frozenset(), bonus: float = 0.0) -> list[ChainRepair]:
    """Non-overlapping repairs of one token; the highest gain wins (cached per token and context)."""
    m = m or model()
    key = (token, ctx.signature(base, base + len(token)) if ctx is not None else (), prefer, bonus)
    cands = _TOKEN_CACHE.get(key)
    if cands is None:
        if len(_TOKEN_CACHE) > 20000:
            _TOKEN_CACHE.clear()
        cands = _TOKEN_CACHE[key] = _candidates(token, m, ctx, base, prefer, bonus)
    if ctx is not None and cands:
        cands = _weigh_line_evidence(cands, ctx, prefer)
    return _choose(token, cands)


_TOKEN_CACHE: dict[tuple, list[tuple[int, int, str, Chain, float]]] = {}


def _weigh_line_evidence(cands: list[tuple[int, int, str, Chain, float]], ctx: _LineContext,
                         prefer: frozenset[Chain]) -> list[tuple[int, int, str, Chain, float]]:
    """Drop the candidates of a single-byte-read chain the line rules out; doubt costs gain."""
    out = []
    for cand in cands:
        chain = cand[3]
        against = 0 if chain.multibyte_read or chain in prefer else ctx.against(chain)
        if against >= 2:
            continue  # the line holds characters this chain's mojibake cannot contain, or words it would break
        if against:
            if cand[4] - DOUBTED_PENALTY < MIN_GAIN:
                continue
            cand = (*cand[:4], cand[4] - DOUBTED_PENALTY)
        out.append(cand)
    return out


def _choose(token: str, cands: list[tuple[int, int, str, Chain, float]]) -> list[ChainRepair]:
    if not cands:
        return []
    cands = sorted(cands, key=lambda c: (-c[4], c[0]))
    chosen: list[ChainRepair] = []
    for start, end, repl, chain, gain in cands:
        if any(start < r.end and r.start < end for r in chosen):
            continue
        # Report the changed middle only.
        orig = token[start:end]
        while orig and repl and orig[0] == repl[0]:
            orig, repl, start = orig[1:], repl[1:], start + 1
        while orig and repl and orig[-1] == repl[-1]:
            orig, repl, end = orig[:-1], repl[:-1], end - 1
        chosen.append(ChainRepair(start, end, repl, (chain,), gain, confidence_for(gain, LOST in repl)))
    chosen.sort(key=lambda r: r.start)
    return chosen


def repair_line(line: str, m: Model | None = None) -> list[ChainRepair]:
    """Repairs over `line` (offsets in the line), empty on the fast path.

    The repaired line is searched again (text mojibaked twice, and words whose script only shows
    once their neighbours are repaired); repairs of later rounds that touch earlier ones are merged
    into one repair naming every chain, outermost first.
    """
    m = m or model()
    if not is_suspicious(line, m):
        return []
    lossy = _lossy_decode(line, m)
    if lossy is not None and len(line) > LONG_LINE:
        return _lossy_repairs(line, *lossy)  # the word-by-word search of a long lossy line costs minutes
    by_words = _repair_words(line, m)
    if lossy is not None and _lossy_beats_words(line, m, lossy, by_words):
        return _lossy_repairs(line, *lossy)
    return by_words


def _lossy_decode(line: str, m: Model) -> tuple[float, Chain, str] | None:
    """(gain, chain, decoded line): the whole line decoded back through the lossy chain that makes it
    most plausible, if that gains LOSSY_LINE_GAIN and leaves no CJK mojibake behind.

    Bytes lost to a CJK decoder leave a line whose words are no longer cut where the characters were:
    decoding the whole line recovers every character whose bytes all survived and marks each lost
    one with U+FFFD. A clean line decoded this way turns into a few random characters and stray bytes
    (its gain stays far below LOSSY_LINE_GAIN); mojibake turns into text.
    """
    if not _cjk_hit(line):
        return None  # a CJK decoder's mojibake is made of kanji, kana or hangul, and some look it
    variant = _question_marks_as_lost(line, line_start=True)
    if LOST not in variant:
        return None  # nothing was lost: the word-by-word search handles exact mojibake
    before = m.cost(line)
    best: tuple[float, Chain, str] | None = None
    for chain in CHAINS:
        if not chain.multibyte_true or chain.read_as not in _DOUBLE_BYTE or not chain.could_apply(line):
            continue
        candidate = chain.undo(variant) if chain.true == "utf-8" else undo_double_byte_lossy(variant, chain, m)
        if candidate == line or not all(_cjk_mojibake(line[sp.start:sp.end]) for sp in diff_spans(line, candidate)):
            continue
        gain = before - m.cost(candidate)
        if best is None or gain > best[0]:
            best = (gain, chain, candidate)
    if best is None or best[0] < LOSSY_LINE_GAIN or _cjk_hit(best[2]):
        return None  # too little gain, or the decode leaves CJK mojibake behind: no explanation
    return best


def _lossy_beats_words(line: str, m: Model, lossy: tuple[float, Chain, str], by_words: list[ChainRepair]) -> bool:
    """The word-by-word repairs win when they agree with the line's chain and read at least as well
    (their '?' that stand for lost bytes counted as such). Repairs by other chains, or by this one
    applied twice, are what the cut words of a lossy line produce by accident."""
    _, chain, candidate = lossy
    agree = all(r.chains == (chain,) for r in by_words)
    words = _question_marks_as_lost(_apply(line, by_words), line_start=True)
    return not (agree and m.cost(candidate) >= m.cost(words))


def _lossy_repairs(line: str, gain: float, chain: Chain, candidate: str) -> list[ChainRepair]:
    confidence = min(confidence_for(gain, True), LOSSY_CONFIDENCE)
    return [ChainRepair(sp.start, sp.end, sp.replacement, (chain,), gain, confidence)
            for sp in diff_spans(line, candidate)]


def _cjk_hit(line: str) -> bool:
    """Whether the engine's check (scan.engine_scan) sees mojibake on or next to a CJK character."""
    return any(_CJK_CHAR.search(line, max(x.start() - 1, 0), x.start() + 2) for x in engine_scan().finditer(line))


def _cjk_mojibake(source: str) -> bool:
    """Whether `source` can be what a CJK decoder made of bytes: it holds kanji, kana or hangul, or
    nothing but lost bytes ('?', U+FFFD). Letters of other scripts are correct text (or another
    chain's mojibake) that a lossy decode would only destroy."""
    return bool(_scripts(source) & _CJK_SCRIPTS) or not source.strip("?" + LOST)


def _repair_words(line: str, m: Model) -> list[ChainRepair]:
    """Word-by-word repairs of a suspicious line, searched again after each round (see repair_line)."""
    first, prior = _repair_once(line, m)
    if not first:
        return first
    # tags[i]: the repairs that produced character i of the current text (for the final report).
    applied: list[ChainRepair] = []
    tags: list[frozenset[int]] = [frozenset()] * len(line)
    current = line
    batch = first
    focus: list[tuple[int, int]] = []
    for round_no in range(MAX_ROUNDS):
        if round_no:
            found, prior = _repair_once(current, m, focus, prior)
            # Text an earlier round produced is repaired again only while it still looks like
            # mojibake (text mojibaked twice), never just because a chain can map it elsewhere.
            # A repair that the inverse chain would undo with some gain (Big5 read as GBK, then GBK
            # read as Big5) made the text no more plausible: garbage (most often with lost bytes,
            # which such a pair eats round after round). The first round's repairs there are
            # dropped, and the line left as it was; its other repairs stay.
            undone = {i for r in found if r.gain >= MIN_GAIN and any(tags[r.start:r.end])
                      and _undoes(r, tags[r.start:r.end], applied) for ids in tags[r.start:r.end] for i in ids}
            if undone:
                dropped = {id(applied[i]) for i in undone}
                return [r for r in first if id(r) not in dropped]
            batch = [r for r in found if r.gain >= LATER_ROUND_GAIN and not (
                any(tags[r.start:r.end]) and not _token_suspicious(_token_at(current, r.start), m))]
            if not batch:
                break
        for r in sorted(batch, key=lambda r: -r.start):
            idx = len(applied)
            applied.append(r)
            joined = frozenset().union(*tags[r.start:r.end]) | {idx}
            current = current[:r.start] + r.replacement + current[r.end:]
            tags[r.start:r.end] = [joined] * len(r.replacement) if r.replacement else []
            if not r.replacement and r.start < len(tags):
                tags[r.start] = tags[r.start] | joined
        # The next round looks at the line's other words again, now that their neighbours are repaired.
        focus = [(t.start(), t.end()) for t in _TOKEN.finditer(current)]
    if len(applied) == len(first):
        return first
    out = []
    delta = 0
    for span in diff_spans(line, current):
        fs = span.start + delta
        fe = fs + len(span.replacement)
        delta += len(span.replacement) - (span.end - span.start)
        ids = frozenset().union(*tags[max(0, fs - (fs == fe)):max(fe, fs + 1)])
        used = [applied[i] for i in sorted(ids)] or applied
        chains = tuple(dict.fromkeys(c for r in reversed(used) for c in r.chains))
        out.append(ChainRepair(span.start, span.end, span.replacement, chains, sum(r.gain for r in used),
                               min(r.confidence for r in used)))
    return out


@lru_cache(maxsize=64)
def _codec_name(name: str) -> str:
    return codecs.lookup(name.removeprefix("sloppy-")).name


def _inverse(a: Chain, b: Chain) -> bool:
    """Whether chain `b` reads back what chain `a` read (a's true codec is b's misreading, and back)."""
    return (_codec_name(a.true) == _codec_name(b.read_as)) and (_codec_name(a.read_as) == _codec_name(b.true))


def _undoes(r: ChainRepair, tags: list[frozenset[int]], applied: list[ChainRepair]) -> bool:
    """Whether repair `r` of text that `applied` repairs produced (their indices in `tags`) undoes one
    of them with the inverse chain."""
    earlier = {c for ids in tags for i in ids for c in applied[i].chains}
    return any(_inverse(c, e) for c in r.chains for e in earlier)


def _token_at(line: str, pos: int) -> str:
    start = line.rfind(" ", 0, pos) + 1
    end = line.find(" ", pos)
    return line[start:end if end >= 0 else len(line)]


def _apply(line: str, repairs: list[ChainRepair]) -> str:
    for r in sorted(repairs, key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def _repair_once(line: str, m: Model, focus: list[tuple[int, int]] | None = None,
                 prior: tuple[frozenset[Chain], float] = (frozenset(), 0.0)
                 ) -> tuple[list[ChainRepair], tuple[frozenset[Chain], float]]:
    """One round over a line: its suspicious tokens, and the tokens in `focus` (later rounds).

    Returns the repairs and the line's preferred chain with its bonus (for the next round).
    """
    ctx = _LineContext(line, m)
    out = _search_tokens(line, m, ctx, lambda tm: _token_wanted(tm.group(), m) or bool(focus and any(
        tm.start() < b and a < tm.end() for a, b in focus)), *prior)
    nbsp = _lost_nbsp_repairs(line, m, ctx)
    out += [r for r in nbsp if not any(r.start < o.end and o.start < r.end for o in out)]
    # Mojibake comes line by line from one wrong decoding: a chain that clearly repaired some words
    # is the likely explanation of the line's weaker cases too ("gan—" next to "canci—n").
    totals: dict[Chain, float] = {}
    counts: dict[Chain, int] = {}
    for r in out:
        c = r.chains[0]
        if r.gain >= LINE_CHAIN_GAIN and len(r.chains) == 1:
            totals[c] = totals.get(c, 0.0) + r.gain
            counts[c] = counts.get(c, 0) + 1
    if not totals:
        return out, prior
    best = max(totals, key=lambda c: totals[c])
    prefer = (frozenset([best]), LINE_CHAIN_BONUS + min(counts[best] - 1, 3))  # more words, more evidence
    if prefer != prior:
        out = _search_tokens(line, m, ctx, lambda tm: True, *prefer)
        out += [r for r in nbsp if not any(r.start < o.end and o.start < r.end for o in out)]
    return out, prefer


def _lost_nbsp_repairs(line: str, m: Model, ctx: _LineContext | None) -> list[ChainRepair]:
    """UTF-8 "à" (C3 A0) read with a single-byte code page ends in a no-break space (Latin-1 "Ã\xa0",
    Windows-1251 "Г\xa0"), which HTML and editors often turn into a plain space or drop. Try the
    lead byte with its A0 restored, keeping or absorbing the space, and keep what reads better.
    """
    out: list[ChainRepair] = []
    for mt in _LEAD_THEN_SPACE.finditer(line):
        i = mt.start()
        best: tuple[float, int, str, Chain] | None = None
        for chain in _NBSP_CHAINS:
            lead = _encoded(line[i], chain.read_as)
            if lead is None or len(lead) != 1 or not 0xC2 <= lead[0] <= 0xDF:
                continue
            ch = (lead + b"\xa0").decode("utf-8")
            if not ch.isalnum():
                continue
            a = i
            while a > 0 and line[a - 1].isalpha():
                a -= 1
            b = i + 2
            while b < len(line) and line[b].isalpha():
                b += 1
            before = line[a:b]
            for end in (i + 1, i + 2):  # the space kept, or the space was the no-break space
                after = line[a:i] + ch + line[end:b]
                if not all(_real_word(w, m) for w in _WORD.findall(after)):
                    continue
                if ctx is None:
                    ctx = _LineContext(line, m)  # built only for a line that gets this far
                gain = m.cost(before) - m.cost(after) - ISOLATED_PENALTY + ctx.bonus(a, b, before, after)
                if gain >= MIN_GAIN and (best is None or gain > best[0]):
                    best = (gain, end, ch, chain)
        if best is not None:
            gain, end, ch, chain = best
            out.append(ChainRepair(i, end, ch, (chain,), gain, confidence_for(gain, True)))
    return out


def lost_nbsp_repairs(line: str, m: Model | None = None) -> list[ChainRepair]:
    """Public form of `_lost_nbsp_repairs` for lines that pass the fast path's check."""
    m = m or model()
    if not _LEAD_THEN_SPACE.search(line) or not is_suspicious(line, m):
        return []
    return _lost_nbsp_repairs(line, m, None)


def _search_tokens(line: str, m: Model, ctx: _LineContext, wanted, prefer: frozenset[Chain] = frozenset(),
                   bonus: float = 0.0) -> list[ChainRepair]:
    out: list[ChainRepair] = []
    for tm in _TOKEN.finditer(line):
        token = tm.group()
        if token.isascii() or not wanted(tm):
            continue
        for piece_start in range(0, len(token), MAX_TOKEN):
            piece = token[piece_start:piece_start + MAX_TOKEN]
            base = tm.start() + piece_start
            for r in repair_token(piece, m, ctx, base, prefer, bonus):
                out.append(ChainRepair(r.start + base, r.end + base, r.replacement, r.chains, r.gain,
                                       r.confidence))
    return out
