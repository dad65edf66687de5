"""Lines with their offsets, and the span that deletes a whole line with its line break."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text.

    index:  0-based line number.
    start:  offset of the first character; end: offset after the last (line break excluded).
    stop:   offset after the line break (== end for a last line without one).
    text:   the line without its line break.
    """

    index: int
    start: int
    end: int
    stop: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split on \\n (a preceding \\r stays outside `text` but inside the deletion span)."""
    out: list[Line] = []
    pos = 0
    n = len(text)
    i = 0
    while pos < n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl + 1
        end = n if nl < 0 else nl
        if end > pos and text[end - 1] == "\r":
            end -= 1
        out.append(Line(i, pos, end, stop, text[pos:end]))
        pos = stop
        i += 1
    return out


def deletion_span(text: str, line: Line) -> tuple[int, int]:
    """The span that removes `line` entirely.

    Normally the line and its line break. A last line without a line break takes the line break
    before it instead, so that deleting it does not leave a dangling empty line.
    """
    if line.stop > line.end or line.start == 0:
        return line.start, line.stop
    back = line.start - 1
    if back > 0 and text[back - 1] == "\r":
        back -= 1
    return back, line.stop
