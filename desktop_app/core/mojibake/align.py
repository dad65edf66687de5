"""Minimal edits between a line and its repaired form, so that each changed run is its own edit.

ftfy and the chain search both produce a whole repaired line; the user reviews *changes*, so the line
pair is aligned character by character (difflib) and every changed run becomes one span. Changed runs
separated by a single non-ASCII character are merged: such a character is usually a coincidental match
inside one mojibake sequence (``Ã©`` vs ``é`` never share one, but ``縺ｧ縺`` vs ``でき`` could).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from desktop_app.core.edits import common_affixes


class Span(NamedTuple):
    """Replace before[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


# Runs of non-ASCII (with the space after them) and runs of ASCII: mojibake keeps ASCII as it is, so
# a repair changes whole non-ASCII runs and leaves the ASCII between them as anchors.
_TOKEN = re.compile("[^\x00-\x7f]+ ?|[\x00-\x7f]+")
WORD_LEVEL_FROM = 120  # changed middles longer than this are aligned word by word first


ALIGN_LIMIT = 250_000  # SequenceMatcher is quadratic: past len(a) * len(b) this, one changed run


def _char_ops(a: str, b: str, a0: int, b0: int) -> list[list[int]]:
    """Changed runs [a_start, a_end, b_start, b_end] between a and b, shifted by (a0, b0)."""
    if a == b:
        return []
    p, q = common_affixes(a, b)
    if len(a) * len(b) > ALIGN_LIMIT or set(a[p:len(a) - q]).isdisjoint(b[p:len(b) - q]):
        # A long stretch with no ASCII anchor (a whole CJK line decoded back), or nothing in common
        # (a mojibake word and its repair): one run, trimmed.
        return [[a0 + p, a0 + len(a) - q, b0 + p, b0 + len(b) - q]]
    return [[a0 + i1, a0 + i2, b0 + j1, b0 + j2]
            for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal"]


def _ops(a: str, b: str) -> list[list[int]]:
    """Changed runs between a and b. Long strings are aligned on tokens (`_TOKEN`) first (character
    alignment is quadratic), then character by character inside changed tokens."""
    if len(a) + len(b) <= 2 * WORD_LEVEL_FROM:
        return _char_ops(a, b, 0, 0)
    ta = _TOKEN.findall(a)
    tb = _TOKEN.findall(b)
    pa = [0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in tb:
        pb.append(pb[-1] + len(t))
    out: list[list[int]] = []
    if len(ta) == len(tb):
        # As many tokens on both sides (the usual repair: runs replaced one for one): pair them.
        for i, (x, y) in enumerate(zip(ta, tb, strict=True)):
            if x != y:
                out.extend(_char_ops(x, y, pa[i], pb[i]))
        return out
    if len(ta) * len(tb) > ALIGN_LIMIT:
        return _char_ops(a, b, 0, 0)  # too many words to align: one run
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:  # as many words on both sides (a run of words repaired): word by word
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if ta[i] != tb[j]:
                    out.extend(_char_ops(ta[i], tb[j], pa[i], pb[j]))
            continue
        out.extend(_char_ops(a[pa[i1]:pa[i2]], b[pb[j1]:pb[j2]], pa[i1], pb[j1]))
    return out


def diff_spans(before: str, after: str) -> list[Span]:
    """The changed runs turning `before` into `after`, in order, non-overlapping."""
    if before == after:
        return []
    # Trim the common prefix and suffix first: cheap, and keeps the alignment's work small.
    p, q = common_affixes(before, after)
    a = before[p:len(before) - q]
    b = after[p:len(after) - q]
    raw: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    for i1, i2, j1, j2 in _ops(a, b):
        if raw:
            last = raw[-1]
            gap = a[last[1]:i1]
            if len(gap) <= 1 and not gap.isascii():
                last[1], last[3] = i2, j2
                continue
        raw.append([i1, i2, j1, j2])
    return [Span(p + i1, p + i2, b[j1:j2]) for i1, i2, j1, j2 in raw]
