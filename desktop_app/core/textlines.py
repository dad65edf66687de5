"""Lines with their offsets, shared by the line-based rules, and the span that deletes whole lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple


class Line(NamedTuple):
    """One line of a text (a tuple: cheap to make by the thousand).

    index:  0-based line number.
    start:  offset of the first character; end: offset after the last (line break excluded).
    stop:   offset after the line break (== end for a last line without one).
    text:   the line without its line break (a \r before the \n stays outside it).
    """

    index: int
    start: int
    end: int
    stop: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of `text` (\\n or \\r\\n breaks), with offsets."""
    return iter(split_lines(text))


# The lines of the text last split: the rules of one pass all split the same text object.
_last_split: tuple[str, list[Line]] = ("", [])
_SHARE_MAX_CHARS = 1 << 20


def split_lines(text: str) -> list[Line]:
    """Every line of `text`, as a new list (\\n or \\r\\n breaks; a \\r ending the text is outside its
    last line too). One str.split and one tuple per line; the rules of a pass share the work."""
    global _last_split
    last_text, last_lines = _last_split
    if last_text is text:
        return list(last_lines)
    pieces = text.split("\n")
    n = len(text)
    if text.endswith("\n") or not text:
        pieces.pop()  # nothing after the last line break
    lines: list[Line] = []
    new = tuple.__new__
    pos = 0
    for i, piece in enumerate(pieces):
        stop = pos + len(piece) + 1
        body = piece[:-1] if piece.endswith("\r") else piece
        lines.append(new(Line, (i, pos, pos + len(body), min(stop, n), body)))
        pos = stop
    if n <= _SHARE_MAX_CHARS:  # a huge text (the GUI's) is not kept alive with its lines after use
        _last_split = (text, lines)
    return list(lines)


def lines_matching(text: str, pattern: re.Pattern, lines: list[Line] | None = None) -> list[Line]:
    """The lines of `text` (from split_lines, or `lines` if given) in which `pattern` finds a match,
    in order: one C-speed search per matching line over the whole text instead of a Python call per
    line. The fast path of a rule whose triggers are rare: a pattern of what any line it could touch
    must contain (a character class, a word list), then the expensive work on those lines only.
    A match belongs to the line it starts in; patterns should not span line breaks."""
    if lines is None:
        lines = split_lines(text)
    out: list[Line] = []
    m = pattern.search(text)
    if m is None or not lines:
        return out
    starts = [ln.start for ln in lines]
    while m is not None:
        line = lines[bisect_right(starts, m.start()) - 1]
        out.append(line)
        if line.stop >= len(text):
            break
        m = pattern.search(text, line.stop)
    return out


# Longer lines are not text a person could review, and line-based rules would spend minutes and
# gigabytes on them (a 20 MB line: 81 s, 1.3 GB): such inputs are refused with this reason.
MAX_LINE_CHARS = 5_000_000


def has_line_longer_than(text: str, limit: int) -> bool:
    """Whether any line of `text` exceeds `limit` characters (one bounded find per line)."""
    pos, n = 0, len(text)
    if n <= limit:
        return False
    while pos < n:
        nl = text.find("\n", pos, pos + limit + 1)
        if nl < 0:
            return n - pos > limit
        pos = nl + 1
    return False


def deletion_span(text: str, first: Line, last: Line | None = None) -> tuple[int, int]:
    """The span that removes lines first..last (default: just `first`) entirely.

    Normally the lines and the last one's line break. A last line without a line break takes the
    line break before the first instead, so that deleting it leaves no dangling empty line.
    """
    last = last or first
    if last.stop > last.end or first.start == 0:
        return first.start, last.stop
    back = first.start - 1
    if back > 0 and text[back - 1] == "\r":
        back -= 1
    return back, last.stop


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs separated by blank lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for line in lines:
        if line.blank:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append(cur)
    return out
