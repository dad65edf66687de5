"""The open document: a plain object holding a file's text, its proposals and its review state.

Qt-free on purpose (the GUI's models and commands wrap it): offsets are Python `str` indices into
`text`, the current text. `proposals` are the pending edits (sorted, non-overlapping) in those
offsets; `rejected` are the edits the user declined, kept in the same coordinates so that a later
analysis does not propose them again. Every change of `text` bumps `revision`, so a background
result computed for an older revision is recognised and dropped.
"""

from __future__ import annotations

import dataclasses
import gc
import heapq
import itertools
import os
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from desktop_app.core.edits import Edit, Notice, overlaps, resolve_overlaps
from desktop_app.core.textlines import has_line_longer_than

# Characters outside the BMP take two UTF-16 units in Qt but one index in Python.
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_NEWLINE = regex.compile(r"\r\n?")

#: Files above this size are listed with a reason instead of being opened in the editor (the CLI
#: cleans them in bounded memory; the editor needs about 10-20x the file size).
MAX_EDITOR_BYTES = 100 * 1000 * 1000
#: A line longer than this cannot be laid out interactively by a text editor widget.
MAX_LINE_CHARS = 1_000_000


STATUS_LOADING = "loading"
STATUS_ANALYSING = "analysing"
STATUS_READY = "ready"
STATUS_ERROR = "error"

_ids = itertools.count(1)


class LoadError(Exception):
    """A file that cannot be opened, with a reason a person can read."""


@dataclass
class Loaded:
    """What the loader returns from a worker thread: decoded, newline-normalized text."""

    text: str
    encoding: str
    confidence: float
    newline: str
    candidates: tuple = ()
    replaced: int = 0
    size: int = 0


def detect_newline(text: str) -> str:
    """The file's dominant line ending: "\\r\\n", "\\r" or "\\n"."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf and crlf >= lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def load_file(path: str | os.PathLike, encoding: str | None = None) -> Loaded:
    """Read and decode one file (runs in a worker). Raises LoadError with a readable reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError("the file no longer exists") from exc
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise LoadError("this is a folder")
    if size > MAX_EDITOR_BYTES:
        raise LoadError(f"too large for the editor ({size / 1e6:.0f} MB, the limit is "
                        f"{MAX_EDITOR_BYTES / 1e6:.0f} MB); clean it with `scrubtext clean`")
    try:
        from desktop_app.core import decoding
    except ImportError:  # the decoding module is being written; plain UTF-8 until it lands
        decoding = None
    try:
        if decoding is not None:
            try:
                decoded = decoding.read_text_file(path, encoding=encoding)
            except decoding.DecodeError as exc:
                raise LoadError(str(exc)) from exc
            text, enc = decoded.text, decoded.encoding
            conf = float(getattr(decoded, "confidence", 1.0) or 0.0)
            cands = tuple(getattr(decoded, "candidates", ()) or ())
            replaced = sum(b - a for a, b in decoded.replaced)  # bytes that became U+FFFD
        else:
            data = path.read_bytes()
            if b"\x00" in data[:8192] and encoding is None:
                raise LoadError("binary file (NUL bytes)")
            enc = encoding or "utf-8"
            text = data.decode(enc, errors="replace")
            conf, cands, replaced = 1.0, (), text.count("\ufffd")
    except FileNotFoundError as exc:
        raise LoadError("the file no longer exists") from exc
    except PermissionError as exc:
        raise LoadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise LoadError("this is a folder") from exc
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}") from exc
    except (LookupError, UnicodeError) as exc:
        raise LoadError(f"cannot decode: {exc}") from exc
    newline = detect_newline(text)
    if "\r" in text:
        text = _NEWLINE.sub("\n", text)
    if has_line_longer_than(text, MAX_LINE_CHARS):
        raise LoadError(f"a line longer than {MAX_LINE_CHARS:,} characters, which the editor cannot lay out; "
                        "clean it with `scrubtext clean`")
    return Loaded(text, enc, conf, newline, cands, replaced, size)


class OffsetMap:
    """Maps Python string indices to Qt (UTF-16) positions and back for one text."""

    def __init__(self, text: str = "") -> None:
        self.astral: list[int] = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._qt: list[int] | None = None

    def _qt_after(self) -> list[int]:
        if self._qt is None:
            self._qt = [p + k + 1 for k, p in enumerate(self.astral)]
        return self._qt

    def to_qt(self, i: int) -> int:
        return i + bisect_left(self.astral, i) if self.astral else i

    def to_py(self, q: int) -> int:
        return q - bisect_left(self._qt_after(), q) if self.astral else q

    def splice(self, start: int, end: int, new: str) -> None:
        """Update for text[start:end] = new."""
        added = [start + m.start() for m in _ASTRAL.finditer(new)] if not new.isascii() else []
        if not self.astral and not added:
            return
        lo, hi = bisect_left(self.astral, start), bisect_left(self.astral, end)
        delta = len(new) - (end - start)
        self.astral[lo:] = added + [p + delta for p in self.astral[hi:]]
        self._qt = None


Splice = tuple[int, int, str]  # (start, end, replacement) in the coordinates of the text before


class SpliceArray(Sequence):
    """Sorted, disjoint splices stored compactly (an undo step of accept-all holds ~70,000 of them).

    Behaves as a read-only sequence of (start, end, replacement) tuples; offsets live in two
    arrays and equal replacement strings are one object, ~25 bytes a splice instead of ~150.
    """

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, splices: Iterable[Splice] = ()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.texts: list[str] = []
        shared: dict[str, str] = {}
        for s, t, r in splices:
            self.starts.append(s)
            self.ends.append(t)
            self.texts.append(shared.setdefault(r, r) if len(r) <= 200 else r)

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], self.texts[i], strict=True))
        return self.starts[i], self.ends[i], self.texts[i]

    def __iter__(self) -> Iterator[Splice]:
        return zip(self.starts, self.ends, self.texts, strict=True)


#: splice_text joins pieces into a string of about this many characters before the final join (big
#: enough that the string is served by mmap, not the heap: see app.tune_malloc).
_SPLICE_GROUP_CHARS = 1 << 20


def splice_text(text: str, splices: list[Splice]) -> str:
    """Apply sorted, disjoint splices in one pass.

    Many splices (accept-all) are joined group by group: the small slices of one group are freed
    before the next is cut, so they reuse the same bit of heap instead of leaving a text's worth of
    fragmented heap behind (glibc keeps it); the group strings are big blocks that go back to the
    system once the result is joined.
    """
    if len(splices) == 1:
        s, t, r = splices[0]
        return "".join((text[:s], r, text[t:]))
    groups: list[str] = []
    parts: list[str] = []
    pos = size = 0
    for s, t, r in splices:
        parts.append(text[pos:s])
        parts.append(r)
        size += s - pos + len(r)
        pos = t
        if size >= _SPLICE_GROUP_CHARS:
            groups.append("".join(parts))
            parts.clear()
            size = 0
    parts.append(text[pos:])
    groups.append("".join(parts))
    return groups[0] if len(groups) == 1 else "".join(groups)


def iter_inverse_splices(text: str, splices: Iterable[Splice]) -> Iterator[Splice]:
    """The splices that undo `splices` (which apply to `text`), in the coordinates of the result."""
    delta = 0
    for s, t, r in splices:
        yield s + delta, s + delta + len(r), text[s:t]
        delta += len(r) - (t - s)


def inverse_splices(text: str, splices: list[Splice]) -> list[Splice]:
    """iter_inverse_splices as a list."""
    return list(iter_inverse_splices(text, splices))


def _touches(e: Edit, start: int, end: int) -> bool:
    """Whether edit e is affected by replacing [start, end) (an insertion strictly inside e counts)."""
    if e.start == e.end:
        return start <= e.start <= end
    if start == end:
        return e.start < start < e.end
    return e.start < end and start < e.end


class _StartView:
    """Edit starts as a sequence, for bisect without building a list."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits = edits

    def __len__(self) -> int:
        return len(self.edits)

    def __getitem__(self, i: int) -> int:
        return self.edits[i].start


class _EndView(_StartView):
    def __getitem__(self, i: int) -> int:
        return self.edits[i].end


# Setters of Edit's slots: a moved copy is built without the frozen dataclass's __init__ (which sets
# each field through object.__setattr__), several times faster. One keystroke in a 20 MB text moves
# every proposal after it (tens of thousands).
_EDIT_FIELDS = ("start", "end", "replacement", "rule", "category", "reason", "confidence")
assert tuple(f.name for f in dataclasses.fields(Edit)) == _EDIT_FIELDS, "update moved() for Edit's fields"
_set_start, _set_end, _set_rep, _set_rule, _set_cat, _set_reason, _set_conf = (
    Edit.__dict__[name].__set__ for name in _EDIT_FIELDS)
_new_object = object.__new__


def moved(e: Edit, delta: int) -> Edit:
    """The same as e.shifted(delta), built faster (a new object; e is untouched)."""
    o = _new_object(Edit)
    _set_start(o, e.start + delta)
    _set_end(o, e.end + delta)
    _set_rep(o, e.replacement)
    _set_rule(o, e.rule)
    _set_cat(o, e.category)
    _set_reason(o, e.reason)
    _set_conf(o, e.confidence)
    return o


def shift_edits(edits: list[Edit], splices: list[Splice], *, disjoint: bool = True) -> list[Edit]:
    """Edits after sorted, disjoint splices: those a splice touches are dropped, the rest move.

    `edits` is sorted by start; when it is `disjoint` (resolved proposals) ends are sorted too, so the
    untouched prefix is found by bisection and one keystroke in a big document costs little.
    """
    if not splices:
        return list(edits)
    if len(edits) > 10_000 and gc.isenabled():
        # Tens of thousands of new objects would set off the cyclic collector dozens of times, each
        # time walking every tracked object (Edits have no cycles).
        gc.disable()
        try:
            return shift_edits(edits, splices, disjoint=disjoint)
        finally:
            gc.enable()
    lo = bisect_left(_EndView(edits), splices[0][0]) if disjoint else 0
    out = edits[:lo]
    j, m, delta = 0, len(splices), 0
    for e in itertools.islice(edits, lo, None):
        while j < m and (splices[j][1] < e.start or (
                splices[j][1] == e.start and not _touches(e, splices[j][0], splices[j][1]))):
            s, t, r = splices[j]
            delta += len(r) - (t - s)
            j += 1
        k, hit = j, False
        while k < m and splices[k][0] <= e.end:
            if _touches(e, splices[k][0], splices[k][1]):
                hit = True
                break
            k += 1
        if not hit:
            out.append(moved(e, delta) if delta else e)
    return out


class _Shared:
    """One string object per distinct reason or replacement across a document's proposals.

    Rules format a reason (and often a replacement) per edit; a big text has tens of thousands of
    proposals with a few dozen distinct reasons, so sharing them saves most of the proposals' memory.
    """

    LIMIT = 200_000

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def __call__(self, s: str) -> str:
        if len(s) > 200:
            return s
        got = self._strings.get(s)
        if got is None:
            if len(self._strings) >= self.LIMIT:
                self._strings.clear()
            got = self._strings[s] = s
        return got

    def edit(self, e: Edit, delta: int = 0) -> Edit:
        return Edit(e.start + delta, e.end + delta, self(e.replacement), e.rule, e.category, self(e.reason),
                    e.confidence)


def edits_to_splices(edits: list[Edit], *, compact: bool = False) -> list[Splice] | SpliceArray:
    """Sorted, disjoint splices for edits (overlaps resolved as apply_edits does); a SpliceArray
    when `compact` (no list of tuples on the way). Pending proposals are already disjoint, which
    resolve_overlaps confirms in linear time (accept-all of a big file: ~70,000 of them).
    """
    splices = ((e.start, e.end, e.replacement) for e in resolve_overlaps(edits))
    return SpliceArray(splices) if compact else list(splices)


@dataclass
class ReviewState:
    """What undo restores besides the text: pending proposals, rejections, accepted counts."""

    proposals: list[Edit]
    rejected: list[Edit]
    accepted: Counter


@dataclass(eq=False)
class Document:
    """One file (or sample) in the window."""

    name: str
    path: Path | None = None
    status: str = STATUS_LOADING
    error: str = ""
    encoding: str = ""
    confidence: float = 0.0
    candidates: tuple = ()
    replaced: int = 0
    newline: str = "\n"
    original: str = ""
    text: str = ""
    proposals: list[Edit] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    rejected: list[Edit] = field(default_factory=list)
    accepted: Counter = field(default_factory=Counter)  # rule id -> edits accepted
    revision: int = 0
    analysed_revision: int = -1
    saved_revision: int = 0
    uid: int = field(default_factory=lambda: next(_ids))
    offsets: OffsetMap = field(default_factory=OffsetMap)
    restore: object = None  # autosaved state to put back once the file is loaded again
    dirty: tuple[int, int] | None = None  # span changed since the last analysis was scheduled
    shared: _Shared = field(default_factory=_Shared, repr=False)
    _counts: tuple | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status != STATUS_ERROR

    @property
    def modified(self) -> bool:
        """The text differs from what was loaded (accepted edits or typing)."""
        return self.ok and self.text != self.original

    def set_loaded(self, loaded: Loaded) -> None:
        self.original = self.text = loaded.text
        self.encoding, self.confidence, self.newline = loaded.encoding, loaded.confidence, loaded.newline
        self.candidates, self.replaced = loaded.candidates, loaded.replaced
        self.offsets = OffsetMap(loaded.text)
        self.proposals, self.notices, self.rejected = [], [], []
        self.accepted = Counter()
        self.error = ""
        self.status = STATUS_ANALYSING
        self.revision += 1

    def replace_text(self, text: str) -> None:
        """Replace the whole text (restore): proposals are recomputed by a new analysis."""
        self.text = text
        self.offsets = OffsetMap(text)
        self.proposals, self.notices = [], []
        self.revision += 1

    def set_error(self, reason: str) -> None:
        self.status, self.error = STATUS_ERROR, reason
        self.revision += 1

    def review_state(self) -> ReviewState:
        return ReviewState(self.proposals, self.rejected, Counter(self.accepted))

    def restore_review_state(self, state: ReviewState) -> None:
        self.proposals, self.rejected, self.accepted = state.proposals, state.rejected, Counter(state.accepted)

    def apply_splices(self, splices: list[Splice], review: ReviewState | None = None,
                      result: str | None = None) -> None:
        """Apply sorted, disjoint splices; proposals and rejections follow, those touched disappear.

        `review`: the review state after the change, already computed (an undo command's), installed
        instead of moving every proposal. `result`: the text the splices give, when the caller knows
        it (an undo back to the loaded text: no second copy is built, even for a moment).
        """
        if not splices:
            if review is not None:
                self.restore_review_state(review)
            return
        self.text = result if result is not None else splice_text(self.text, splices)
        if len(splices) == 1:
            self.offsets.splice(*splices[0])
        else:
            self.offsets = OffsetMap(self.text)
        if len(self.text) == len(self.original) and self.text is not self.original and self.text == self.original:
            self.text = self.original  # back to what was loaded (an undo): one copy, not two
        if review is not None:
            self.restore_review_state(review)
        else:
            old, cached = self.proposals, self._counts
            self.proposals = shift_edits(self.proposals, splices)
            if cached is not None and cached[0] is old and len(self.proposals) == len(old):
                self._counts = (self.proposals, cached[1])  # none dropped (typing between proposals)
            self.rejected = shift_edits(self.rejected, splices, disjoint=False)
        if self.notices:
            as_edits = sorted((Edit(n.start, n.end, "", n.rule, n.category, n.message, 0.0) for n in self.notices),
                              key=lambda e: (e.start, e.end))
            self.notices = [Notice(e.start, e.end, e.rule, e.category, e.reason)
                            for e in shift_edits(as_edits, splices, disjoint=False)]
        self.revision += 1
        delta = sum(len(r) - (t - s) for s, t, r in splices)
        lo = splices[0][0]
        hi = splices[-1][0] + len(splices[-1][2]) + (delta - (len(splices[-1][2]) - (splices[-1][1] - splices[-1][0])))
        if self.dirty is not None:
            old_lo, old_hi = self.dirty
            lo = min(lo, old_lo)
            hi = max(hi, old_hi + delta if old_hi >= splices[0][0] else old_hi)
        self.dirty = (max(0, lo), min(len(self.text), max(hi, lo)))

    def set_analysis(self, edits: list[Edit], notices: list[Notice]) -> None:
        """Install a fresh analysis of the current text, minus what the user rejected."""
        if self.rejected:
            declined = {(e.start, e.end, e.rule, e.replacement) for e in self.rejected}
            edits = [e for e in edits if (e.start, e.end, e.rule, e.replacement) not in declined]
        self.proposals = [self.shared.edit(e) for e in edits]
        self.notices = list(notices)
        self.analysed_revision = self.revision
        if self.status != STATUS_ERROR:
            self.status = STATUS_READY

    def merge_section_analysis(self, a: int, b: int, edits: list[Edit], notices: list[Notice], *,
                               complete: bool) -> None:
        """Install the analysis of text[a:b] (edits in section offsets) in place of what was there."""
        shifted = [self.shared.edit(e, a) for e in edits]
        if self.rejected:
            declined = {(e.start, e.end, e.rule, e.replacement) for e in self.rejected}
            shifted = [e for e in shifted if (e.start, e.end, e.rule, e.replacement) not in declined]
        lo = bisect_left(_StartView(self.proposals), a)
        hi = bisect_left(_StartView(self.proposals), b)
        kept_before = self.proposals[:lo]
        # An edit found by the section before and reaching into this one stays (that analysis saw this
        # section's start as context); new edits under it go.
        while kept_before and shifted and shifted[0].start < kept_before[-1].end:
            shifted.pop(0)
        after = self.proposals[hi:]
        end = shifted[-1].end if shifted else a
        while after and after[0].start < end:
            after = after[1:]
        old, cached = self.proposals, self._counts
        self.proposals = kept_before + shifted + after
        if cached is not None and cached[0] is old:  # category counts follow without a full recount
            counts = cached[1] + Counter(e.category for e in shifted)
            counts.subtract(e.category for e in old[len(kept_before):len(old) - len(after)])
            self._counts = (self.proposals, +counts)
        self.notices = [n for n in self.notices if not a <= n.start < b] + [
            Notice(n.start + a, n.end + a, n.rule, n.category, n.message) for n in notices]
        if complete:
            self.analysed_revision = self.revision
            self.status = STATUS_READY

    def add_proposals(self, edits: list[Edit]) -> int:
        """Add edits (sorted) to the pending proposals, except those declined before or overlapping a
        pending proposal (which wins). Returns how many were added."""
        if self.rejected:
            declined = {(e.start, e.end, e.rule, e.replacement) for e in self.rejected}
            edits = [e for e in edits if (e.start, e.end, e.rule, e.replacement) not in declined]
        props = self.proposals
        starts = _StartView(props)
        fresh = []
        for e in edits:
            i = bisect_right(starts, e.start)
            if any(overlaps(e, props[j]) for j in (i - 1, i) if 0 <= j < len(props)):
                continue
            if fresh and overlaps(fresh[-1], e):
                continue
            fresh.append(self.shared.edit(e))
        if fresh:
            self.proposals = list(heapq.merge(props, fresh, key=lambda e: (e.start, e.end)))
        return len(fresh)

    def proposal_at(self, pos: int) -> int | None:
        """Index of the proposal covering Python offset `pos` (or starting there), if any."""
        i = bisect_right(_StartView(self.proposals), pos) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.proposals):
                e = self.proposals[j]
                if e.start <= pos < e.end or e.start == pos:
                    return j
        return None

    def proposals_between(self, start: int, end: int) -> range:
        """Indices of proposals that intersect [start, end]."""
        lo = bisect_left(_EndView(self.proposals), start)
        hi = bisect_right(_StartView(self.proposals), end)
        return range(lo, max(lo, hi))

    def counts(self) -> Counter:
        """Proposals per category (cached until the list of proposals is replaced)."""
        cached = self._counts
        if cached is None or cached[0] is not self.proposals:
            cached = self._counts = (self.proposals, Counter(e.category for e in self.proposals))
        return Counter(cached[1])

    def lines_removed(self) -> int:
        return max(0, self.original.count("\n") - self.text.count("\n"))
