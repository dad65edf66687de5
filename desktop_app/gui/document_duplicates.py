"""Duplicates across the sections of a big text (Qt-free; runs in a worker after a sectioned analysis).

The window analyses a big text section by section (see MainWindow._schedule_analysis), so the
duplicate rule only sees repeats within one section; the command line, which analyses the whole
text, also finds a paragraph or line repeated from an earlier section. This pass finds those: it walks
the text in paragraph-aligned chunks, remembers each substantial line and multi-line paragraph by its
hash (the first occurrence's offset, line number and size; a hash match is confirmed by comparing the
keys), and proposes the later copies as the duplicate rule words them, skipping any copy that an
existing proposal already covers (the section analysis found it, or another rule claims that text).
Memory is one small entry per distinct substantial line, never a copy of the text's lines.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from desktop_app.core.edits import Edit
from desktop_app.core.rules.duplicates import is_substantial_key, line_keys
from desktop_app.core.textlines import Line, deletion_span

#: The text is read in paragraph-aligned chunks of about this many characters.
CHUNK_CHARS = 200_000


def split_sections(text: str, lo: int, hi: int, size: int) -> list[tuple[int, int]]:
    """Paragraph-aligned pieces covering text[lo:hi] (widened to paragraph boundaries)."""
    lo = max(0, lo)
    hi = min(len(text), hi)
    if lo > 0:
        p = text.rfind("\n\n", max(0, lo - size), lo)
        lo = p + 2 if p >= 0 else max(0, text.rfind("\n", 0, lo) + 1)
    if hi < len(text):
        p = text.find("\n\n", hi, hi + size)
        hi = p + 2 if p >= 0 else len(text)
    out: list[tuple[int, int]] = []
    a = lo
    while a < hi:
        b = min(hi, a + size)
        if b < hi:
            p = text.rfind("\n\n", a + size // 2, b)
            if p < 0:
                p = text.rfind("\n", a + size // 2, b)
                b = p + 1 if p >= 0 else b
            else:
                b = p + 2
        out.append((a, b))
        a = b
    return out or [(lo, hi)]


def _preview(s: str, n: int = 40) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def _line_bounds(chunk: str, base: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, stop) of each line of `chunk` in text offsets (`base` = the chunk's offset)."""
    pos, n = 0, len(chunk)
    while pos < n:
        nl = chunk.find("\n", pos)
        stop = n if nl < 0 else nl + 1
        end = stop - 1 if nl >= 0 else n
        if end > pos and chunk[end - 1] == "\r":
            end -= 1
        yield base + pos, base + end, base + stop
        pos = stop


class _Occupied:
    """Whether a span is free of the existing proposals (sorted, disjoint) and of the edits added."""

    def __init__(self, proposals: list[Edit]) -> None:
        self.spans = [(e.start, e.end) for e in proposals]

    def free(self, start: int, stop: int) -> bool:
        # Sorted and disjoint: only the last span starting at or before `start` and the first one
        # after it can overlap.
        i = bisect_right(self.spans, (start, float("inf")))
        for j in (i - 1, i):
            if 0 <= j < len(self.spans):
                s, e = self.spans[j]
                if (s < stop and start < e) or (s == e and start <= s < stop):
                    return False
        return True

    def add(self, start: int, stop: int) -> None:
        self.spans.insert(bisect_right(self.spans, (start, stop)), (start, stop))


def cross_section_duplicates(text: str, proposals: list[Edit], *, profile=None, cancel=None,
                             chunk_chars: int = CHUNK_CHARS) -> list[Edit]:
    """Deletions of substantial lines and paragraphs that repeat an earlier part of `text`, sorted,
    none overlapping `proposals` (the text's pending proposals, sorted and disjoint).

    `profile`: a Profile whose disabled rules are respected; `cancel`: a threading.Event polled per chunk.
    """
    want_para = profile is None or profile.rule_enabled("duplicate.paragraph", "duplicate")
    want_line = profile is None or profile.rule_enabled("duplicate.line", "duplicate")
    if not text or not (want_para or want_line):
        return []
    occupied = _Occupied(proposals)
    seen_lines: dict[int, int] = {}  # hash(key) -> offset << 32 | line number of the first occurrence
    seen_paras: dict[int, tuple[int, int, int]] = {}  # hash(key) -> (offset, line number, lines)
    substantial: dict[str, bool] = {}
    out: list[Edit] = []
    line_no = 0

    def is_substantial(key: str) -> bool:
        found = substantial.get(key)
        if found is None:
            if len(substantial) > 50_000:
                substantial.clear()
            found = substantial[key] = is_substantial_key(key)
        return found

    def key_at(offset: int, lines: int) -> str:
        end = offset
        for _ in range(lines):
            nl = text.find("\n", end)
            end = len(text) if nl < 0 else nl + 1
        keys = line_keys(text[offset:end])
        return "\n".join(keys[:lines])

    for a, b in split_sections(text, 0, len(text), chunk_chars):
        if cancel is not None and cancel.is_set():
            return []
        chunk = text[a:b]
        bounds = list(_line_bounds(chunk, a))
        keys = line_keys(chunk)[:len(bounds)]
        removed: set[int] = set()

        # Paragraphs of two or more lines first (as the rule does).
        i = 0
        while want_para and i < len(keys):
            if not keys[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(keys) and keys[j + 1]:
                j += 1
            if j > i:
                key = "\n".join(keys[i:j + 1])
                h = hash(key)
                first = seen_paras.get(h)
                if first is None:
                    seen_paras[h] = (bounds[i][0], line_no + i, j - i + 1)
                elif key_at(first[0], first[2]) == key and is_substantial(key):
                    nxt = next((k for k in range(j + 1, len(keys)) if keys[k]), None)
                    if nxt is not None:
                        start, stop = bounds[i][0], bounds[nxt][0]
                    elif b < len(text):
                        start, stop = bounds[i][0], b
                    else:
                        start, stop = deletion_span(text, Line(line_no + i, *bounds[i], ""),
                                                    Line(line_no + j, *bounds[j], ""))
                    reason = (f"This paragraph repeats the one at line {first[1] + 1} "
                              f"(“{_preview(text[bounds[i][0]:bounds[i][1]])}”).")
                    if occupied.free(start, stop):
                        spans = [(start, stop)]
                    else:  # part of it is proposed already (a line of it repeats its neighbour): the rest
                        spans = [deletion_span(text, Line(line_no + k, *bounds[k], "")) for k in range(i, j + 1)]
                    for s, t in spans:
                        if occupied.free(s, t):
                            out.append(Edit(s, t, "", "duplicate.paragraph", "duplicate", reason, 0.92))
                            occupied.add(s, t)
                    removed.update(range(i, j + 1))
            i = j + 1

        # Then single substantial lines seen before.
        for i, key in enumerate(keys):
            if not key or i in removed or not is_substantial(key):
                continue
            h = hash(key)
            first = seen_lines.get(h)
            if first is None:
                seen_lines[h] = bounds[i][0] << 32 | (line_no + i)
                continue
            if not want_line or key_at(first >> 32, 1) != key:
                continue
            start, stop = deletion_span(text, Line(line_no + i, *bounds[i], ""))
            if occupied.free(start, stop):
                out.append(Edit(start, stop, "", "duplicate.line", "duplicate",
                                f"This line repeats line {(first & 0xFFFFFFFF) + 1} "
                                f"(“{_preview(text[bounds[i][0]:bounds[i][1]])}”).", 0.85))
                occupied.add(start, stop)
        line_no += len(bounds)
    out.sort(key=lambda e: (e.start, e.end))
    return out


__all__ = ["cross_section_duplicates", "split_sections"]
