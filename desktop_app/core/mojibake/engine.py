"""The repair engine: find suspicious runs in a line, search chains, keep repairs the model prefers.

1. Fast path: a line is looked at only if it has a character that mojibake produces far more often
   than real text does (`triggers`, built with the model), a word mixing scripts, or an accented
   Latin word the word list does not know. Clean English, Japanese, … lines cost one regex search.
2. Runs: whitespace-separated tokens with a non-ASCII character. Every chain is tried on each token;
   the repaired token is aligned with the original and each changed run is scored on its own (with
   the rest of its word as context), so a line where only some runs are broken gets only those fixed.
3. Score: the model's cost of the window before minus after (log10 units). A repair is proposed when
   the gain is at least MIN_GAIN; its confidence grows with the gain, and a repair that had to keep a
   lost character (``�``) is less sure. Repaired runs are searched again (double mojibake).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.mojibake.align import diff_spans
from desktop_app.core.mojibake.chains import CHAINS, LOST, Chain
from desktop_app.core.mojibake.model import Model, model

MIN_GAIN = 1.5      # below this gain (log10) a repair is not even proposed
GAIN_SLOPE = 2.0    # confidence = logistic((gain - GAIN_MID) * GAIN_SLOPE): 0.8 at a gain of 2.5
GAIN_MID = 1.8
ISOLATED_PENALTY = 2.0  # extra gain a single-byte repair needs when no letter touches it
MAX_ROUNDS = 3      # repairs of repairs (text mojibaked twice or thrice)
MAX_TOKEN = 400     # longer tokens are cut into pieces of this size

_TOKEN = regex.compile(r"\S+")
_LATIN_ACCENTED_WORD = regex.compile(r"[\p{Latin}\p{M}'\u2019]*[\u00c0-\u024f][\p{Latin}\p{M}'\u2019]*")
_SCRIPT_MIX = regex.compile(r"\p{Latin}[\p{Cyrillic}\p{Greek}\p{Han}\p{Hangul}]|"
                            r"[\p{Cyrillic}\p{Greek}\p{Han}\p{Hangul}]\p{Latin}|[\p{Han}\p{Hiragana}][\uff61-\uff9f]"
                            r"|[\uff61-\uff9f][\p{Han}\p{Hiragana}]")


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


@lru_cache(maxsize=1)
def _trigger_re() -> regex.Pattern:
    chars = model().triggers
    return regex.compile("[" + regex.escape(chars) + "]") if chars else regex.compile(r"(?!)")


def confidence_for(gain: float, lost: bool) -> float:
    conf = 1.0 / (1.0 + math.exp(-(gain - GAIN_MID) * GAIN_SLOPE))
    if lost:
        conf *= 0.92
    return round(min(conf, 0.99), 3)


def is_suspicious(line: str, m: Model | None = None) -> bool:
    """The fast path: False means no chain can improve the line enough to matter."""
    if line.isascii():
        return False
    if _trigger_re().search(line) or _SCRIPT_MIX.search(line):
        return True
    m = m or model()
    return any(not m.is_known_word(w) for w in _LATIN_ACCENTED_WORD.findall(line))


def _word_bounds(s: str, start: int, end: int) -> tuple[int, int]:
    """Extend [start, end) to the word around it (letters and apostrophes), at most 12 chars each way."""
    a = start
    while a > 0 and start - a < 12 and (s[a - 1].isalpha() or s[a - 1] in "'\u2019"):
        a -= 1
    b = end
    while b < len(s) and b - end < 12 and (s[b].isalpha() or s[b] in "'\u2019"):
        b += 1
    return a, b


def _candidates(token: str, m: Model) -> list[tuple[int, int, str, Chain, float]]:
    """Every (start, end, replacement, chain, gain) over `token` with gain >= MIN_GAIN."""
    out = []
    for chain in CHAINS:
        fixed = chain.undo(token)
        if fixed == token:
            continue
        if "?" in token and LOST in fixed:
            # '?' may itself be a lost byte (saved through a codec that could not hold it).
            alt = chain.undo(_question_marks_as_lost(token))
            if alt.count(LOST) < fixed.count(LOST) + token.count("?"):
                fixed = alt if m.cost(alt) < m.cost(fixed) else fixed
        for span in diff_spans(token, fixed):
            a, b = _word_bounds(token, span.start, span.end)
            before = token[a:b]
            after = token[a:span.start] + span.replacement + token[span.end:b]
            if after.count(LOST) > before.count(LOST):
                continue  # the chain broke correct text (or the run is not this chain's mojibake)
            gain = m.cost(before) - m.cost(after)
            if (span.end - span.start <= 2 or not (chain.multibyte_true or chain.multibyte_read)) and not (
                    (span.start > 0 and token[span.start - 1].isalpha())
                    or (span.end < len(token) and token[span.end].isalpha())):
                # A lone symbol swapped for another (√ for Ã): code pages map almost every byte, so
                # without letters around it there is little evidence either way.
                gain -= ISOLATED_PENALTY
            if gain >= MIN_GAIN:
                out.append((span.start, span.end, span.replacement, chain, gain))
    return out


def _question_marks_as_lost(token: str) -> str:
    chars = list(token)
    for i, c in enumerate(chars):
        if c == "?" and ((i > 0 and not chars[i - 1].isascii()) or (i + 1 < len(chars) and not chars[i + 1].isascii())):
            chars[i] = LOST
    return "".join(chars)


def repair_token(token: str, m: Model | None = None) -> list[ChainRepair]:
    """Non-overlapping repairs of one token, best gain first wins."""
    m = m or model()
    cands = _candidates(token, m)
    if not cands:
        return []
    cands.sort(key=lambda c: (-c[4], c[0]))
    chosen: list[ChainRepair] = []
    for start, end, repl, chain, gain in cands:
        if any(start < r.end and r.start < end for r in chosen):
            continue
        chosen.append(ChainRepair(start, end, repl, (chain,), gain, confidence_for(gain, LOST in repl)))
    chosen.sort(key=lambda r: r.start)
    return chosen


def repair_line(line: str, m: Model | None = None) -> list[ChainRepair]:
    """Repairs over `line` (offsets in the line), empty on the fast path.

    The repaired line is searched again (text mojibaked twice); repairs of later rounds that touch
    earlier ones are merged into one repair naming every chain, outermost first.
    """
    m = m or model()
    first = _repair_once(line, m)
    if not first:
        return first
    rounds = [first]
    current = _apply(line, first)
    for _ in range(MAX_ROUNDS - 1):
        more = _repair_once(current, m)
        if not more:
            break
        rounds.append(more)
        current = _apply(current, more)
    if len(rounds) == 1:
        return first
    out = []
    every = [r for rs in rounds for r in rs]
    for span in diff_spans(line, current):
        chains = tuple(dict.fromkeys(c for r in reversed(every) for c in r.chains))
        gain = sum(r.gain for r in every)
        out.append(ChainRepair(span.start, span.end, span.replacement, chains, gain,
                               min(r.confidence for r in every)))
    return out


def _apply(line: str, repairs: list[ChainRepair]) -> str:
    for r in sorted(repairs, key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def _repair_once(line: str, m: Model) -> list[ChainRepair]:
    if not is_suspicious(line, m):
        return []
    out: list[ChainRepair] = []
    for tm in _TOKEN.finditer(line):
        token = tm.group()
        if token.isascii():
            continue
        for piece_start in range(0, len(token), MAX_TOKEN):
            piece = token[piece_start:piece_start + MAX_TOKEN]
            base = tm.start() + piece_start
            for r in repair_token(piece, m):
                out.append(ChainRepair(r.start + base, r.end + base, r.replacement, r.chains, r.gain,
                                       r.confidence))
    return out
