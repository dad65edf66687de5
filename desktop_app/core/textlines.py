"""Line helpers shared by line-based rules: where each line starts and ends, with its break."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: text[start:end] is its content, text[start:stop] includes its line break."""

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
