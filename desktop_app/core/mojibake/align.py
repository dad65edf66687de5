"""Minimal edits between a line and its repaired form, so that each changed run is its own edit.

ftfy and the chain search both produce a whole repaired line; the user reviews *changes*, so the line
pair is aligned character by character (difflib) and every changed run becomes one span. Changed runs
separated by a single non-ASCII character are merged: such a character is usually a coincidental match
inside one mojibake sequence (``Ã©`` vs ``é`` never share one, but ``縺ｧ縺`` vs ``でき`` could).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple

from desktop_app.core.edits import common_affixes


class Span(NamedTuple):
    """Replace before[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


def diff_spans(before: str, after: str) -> list[Span]:
    """The changed runs turning `before` into `after`, in order, non-overlapping."""
    if before == after:
        return []
    # Trim the common prefix and suffix first: cheap, and keeps SequenceMatcher's work small.
    p, q = common_affixes(before, after)
    a = before[p:len(before) - q]
    b = after[p:len(after) - q]
    raw: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if raw:
            last = raw[-1]
            gap = a[last[1]:i1]
            if len(gap) <= 1 and not gap.isascii():
                last[1], last[3] = i2, j2
                continue
        raw.append([i1, i2, j1, j2])
    return [Span(p + i1, p + i2, b[j1:j2]) for i1, i2, j1, j2 in raw]
