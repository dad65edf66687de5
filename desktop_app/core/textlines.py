"""Lines with their offsets, shared by the line-based rules, and the span that deletes whole lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text.

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
    pos = 0
    n = len(text)
    i = 0
    while pos < n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl + 1
        end = stop - 1 if nl >= 0 else n
        if end > pos and text[end - 1] == "\r":
            end -= 1
        yield Line(i, pos, end, stop, text[pos:end])
        pos = stop
        i += 1


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


def split_lines(text: str) -> list[Line]:
    """Every line of `text`, as a list."""
    return list(iter_lines(text))


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
