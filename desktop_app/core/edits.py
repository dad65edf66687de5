"""Edits: the one currency of change in Scrubtext.

Every change the tool makes is an `Edit` over the text it was computed on: replace
`text[start:end]` with `replacement`, because of `rule`, explained by `reason`, with a `confidence`.
Report-only findings (a truncated paragraph, a paragraph in another language) are `Notice`s.
Applying edits is a pure function; overlapping proposals are resolved deterministically.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement`.

    start, end:   offsets (Python str indices) into the text the edit was computed on.
    replacement:  the new text ("" deletes).
    rule:         stable id, e.g. "mojibake.cp1252-macroman" or "boilerplate.phrase".
    category:     family shown to users and used by --only/--skip: encoding, boilerplate, metadata,
                  duplicate, spacing.
    reason:       one human sentence saying why.
    confidence:   0..1; the profile decides from which confidence an edit is applied unattended.
    """

    start: int
    end: int
    replacement: str
    rule: str
    category: str
    reason: str
    confidence: float

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Edit:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["replacement"]),
            str(data["rule"]),
            str(data["category"]),
            str(data["reason"]),
            float(data["confidence"]),
        )

    def shifted(self, delta: int) -> Edit:
        """The same edit moved by `delta` characters."""
        return Edit(self.start + delta, self.end + delta, self.replacement, self.rule, self.category,
                    self.reason, self.confidence)


@dataclass(frozen=True, slots=True)
class Notice:
    """A finding that changes nothing (e.g. a truncated last paragraph)."""

    start: int
    end: int
    rule: str
    category: str
    message: str

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Notice:
        return cls(int(data["start"]), int(data["end"]), str(data["rule"]), str(data["category"]),
                   str(data["message"]))


def common_affixes(a: str, b: str) -> tuple[int, int]:
    """Lengths (p, q) of the longest common prefix and, in what remains, the longest common suffix of
    a and b: a[p:len(a) - q] -> b[p:len(b) - q] is the changed middle."""
    p = 0
    n = min(len(a), len(b))
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[-1 - q] == b[-1 - q]:
        q += 1
    return p, q


# Higher wins when two edits overlap and neither contains the other's whole effect.
CATEGORY_PRIORITY = {"boilerplate": 5, "duplicate": 5, "metadata": 4, "encoding": 3, "spacing": 1}


def overlaps(a: Edit, b: Edit) -> bool:
    """True when a and b touch the same characters (two insertions at one point also clash)."""
    if a.start == a.end or b.start == b.end:
        return a.start < b.end and b.start < a.end or a.start == b.start
    return a.start < b.end and b.start < a.end


def _rank(e: Edit) -> tuple:
    # Category first (a removed line beats fixes inside it), then the wider edit, then confidence,
    # then position, rule id and replacement so that the order is total and deterministic.
    return (-CATEGORY_PRIORITY.get(e.category, 2), -(e.end - e.start), -e.confidence, e.start, e.end, e.rule,
            e.replacement)


def resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Keep a non-overlapping subset of `edits`, sorted by position.

    Deterministic: the result depends only on the set of edits, not their order. Ranking: category
    priority (line removals beat fixes inside the line), then the wider edit, then confidence.
    Exact duplicates collapse to one. Runs in O(n log n) for n edits.
    """
    edits = [e for e in edits if e.start != e.end or e.replacement]
    # Common case (a GUI's tens of thousands of proposals): nothing clashes, so every edit is kept.
    # In start order, a clash anywhere implies one between neighbours (see overlaps()).
    by_pos = sorted(edits, key=_position)
    for a, b in zip(by_pos, by_pos[1:], strict=False):
        if overlaps(a, b):
            return _resolve_clashing(edits)
    return by_pos


def _position(e: Edit) -> tuple[int, int]:
    return e.start, e.end


def _resolve_clashing(edits: list[Edit]) -> list[Edit]:
    starts: list[int] = []  # kept edits, sorted by start, parallel lists
    kept: list[Edit] = []
    for e in sorted(set(edits), key=_rank):
        i = bisect_right(starts, e.start)
        # Only the neighbours on either side of the insertion point can overlap e.
        if (i > 0 and overlaps(e, kept[i - 1])) or (i < len(kept) and overlaps(e, kept[i])):
            continue
        if i > 1 and kept[i - 2].start == e.start and overlaps(e, kept[i - 2]):
            continue
        starts.insert(i, e.start)
        kept.insert(i, e)
    return kept


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to `text` (overlaps are resolved first)."""
    parts: list[str] = []
    pos = 0
    for e in resolve_overlaps(edits):
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)
