"""Reports: what a cleaning run did or would do to each input, as replayable JSON.

One report *entry* describes one document (a file, stdin, or one JSONL record): where it came from,
how it was decoded, a SHA-256 of the decoded text, and every edit, split into `applied` (what
`scrubtext clean` applies with the profile) and `proposed` (left for review), plus the notices.
Each edit keeps its exact `Edit` fields (offsets are Python string indices into the decoded text) and
adds `line`, `col` (1-based) and `before` for people. `replay(entry, text)` re-applies the edits,
after checking that `text` is the text the report was made from, and returns the cleaned text:
the report is enough to reproduce the output without running the rules again.

Report file layout (`scrubtext clean --report FILE.json`, `scrubtext check --json`)::

    {"format": "scrubtext-report", "version": 1, "scrubtext": "0.1.0",
     "profile": {"name": ..., "apply_threshold": ..., "thresholds": {...}, "disabled_categories": [...]},
     "inputs": [entry, ...],
     "summary": {"inputs": n, "failed": n, "applied": n, "proposed": n, "notices": n}}

A failed input has `"status": "failed"` and an `error` string instead of edits; a binary file found
inside a folder has `"status": "skipped"` and the reason in `error` (counted under summary.skipped).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from desktop_app.core.edits import Edit, Notice, apply_edits

REPORT_FORMAT = "scrubtext-report"
REPORT_VERSION = 1


class ReplayError(ValueError):
    """The text given to `replay` is not the text the report entry was made from."""


def text_digest(text: str) -> str:
    """SHA-256 (hex) of the text encoded as UTF-8 (surrogates escaped), to pair a report with its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class LineIndex:
    """Maps string offsets to 1-based (line, column); columns count code points."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def edit_entry(edit: Edit, text: str, index: LineIndex) -> dict[str, Any]:
    entry = edit.to_dict()
    line, col = index.line_col(edit.start)
    entry.update(line=line, col=col, before=text[edit.start:edit.end])
    return entry


def notice_entry(notice: Notice, index: LineIndex) -> dict[str, Any]:
    entry = notice.to_dict()
    line, col = index.line_col(notice.start)
    entry.update(line=line, col=col)
    return entry


def document_entry(path: str, text: str, applied: Iterable[Edit], proposed: Iterable[Edit],
                   notices: Iterable[Notice], *, decoding: dict[str, Any] | None = None,
                   record: int | None = None, output: str | None = None) -> dict[str, Any]:
    """The report entry for one successfully analysed document."""
    index = LineIndex(text)
    entry: dict[str, Any] = {"path": path}
    if record is not None:
        entry["record"] = record
    entry["status"] = "ok"
    entry.update(decoding or {})
    entry.update(
        output=output,
        sha256=text_digest(text),
        length=len(text),
        applied=[edit_entry(e, text, index) for e in applied],
        proposed=[edit_entry(e, text, index) for e in proposed],
        notices=[notice_entry(n, index) for n in notices],
    )
    return entry


def failure_entry(path: str, error: str, *, record: int | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": path}
    if record is not None:
        entry["record"] = record
    entry.update(status="failed", error=error)
    return entry


def entry_edits(entry: dict[str, Any], *, include_proposed: bool = False) -> list[Edit]:
    """The `Edit`s of a report entry (the applied ones, plus the proposed ones if asked)."""
    items = list(entry.get("applied", ()))
    if include_proposed:
        items += entry.get("proposed", ())
    return [Edit.from_dict(d) for d in items]


def replay(entry: dict[str, Any], text: str, *, include_proposed: bool = False) -> str:
    """Re-apply a report entry's edits to `text` (the decoded original), checked by its digest."""
    if entry.get("status") != "ok":
        raise ReplayError(f"{entry.get('path')}: the report holds no edits ({entry.get('error')})")
    if text_digest(text) != entry["sha256"]:
        raise ReplayError(f"{entry.get('path')}: the text differs from the one the report was made from")
    return apply_edits(text, entry_edits(entry, include_proposed=include_proposed))


def _short(s: str, limit: int = 60) -> str:
    r = repr(s)
    return r if len(r) <= limit else r[:limit - 4] + "…" + r[-3:]


def _reason(reason: str) -> str:
    """A reason followed by ": 'before' -> 'after'": without its own final period (no ".:")."""
    return reason[:-1] if reason.endswith(".") and not reason.endswith("..") else reason


def format_entry(entry: dict[str, Any]) -> list[str]:
    """Human lines for `scrubtext check`: `path:line:col rule (confidence) reason: 'before' -> 'after'`.

    JSONL records are named `path[N]` with N the record's line number in the file.
    """
    where = entry["path"] if entry.get("record") is None else f"{entry['path']}[{entry['record']}]"
    if entry.get("status") == "skipped":
        return [f"{where}: skipped: {entry.get('error')}"]
    if entry.get("status") != "ok":
        return [f"{where}: error: {entry.get('error')}"]
    rows = []
    for kind, items in (("", entry["applied"]), (" [review]", entry["proposed"])):
        for e in items:
            rows.append((e["start"], e["end"], f"{where}:{e['line']}:{e['col']} {e['rule']} ({e['confidence']:.2f})"
                         f"{kind} {_reason(e['reason'])}: {_short(e['before'])} -> {_short(e['replacement'])}"))
    for n in entry["notices"]:
        rows.append((n["start"], n["end"], f"{where}:{n['line']}:{n['col']} {n['rule']} (notice) {n['message']}"))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [f"{where}: warning: {w}" for w in entry.get("warnings", ())] + [r[2] for r in rows]


def profile_summary(profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "apply_threshold": profile.apply_threshold,
        "thresholds": dict(profile.thresholds),
        "disabled_categories": sorted(profile.disabled_categories),
        "disabled_rules": sorted(profile.disabled_rules),
    }


def dumps_utf8(obj: Any) -> str:
    """JSON text that always encodes as valid UTF-8: an unpaired surrogate (a file name that is not
    UTF-8, held by Python as "\udce9" through surrogateescape, or a "\ud800" escape from JSONL) is
    written as its JSON escape, so os.fsencode(json.loads(...)["path"]) gives back the name's bytes."""
    text = json.dumps(obj, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # surrogates only occur inside strings, where \uXXXX is their escape
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class ReportWriter:
    """Streams report entries into a JSON file, so a corpus-sized report never sits in memory.

    The file appears atomically on `close()` (temporary file in the same folder, then os.replace);
    `abort()` removes the temporary file. `path=None` streams to an open text stream instead (stdout).
    """

    def __init__(self, path: str | Path | None, profile, *, stream: IO[str] | None = None) -> None:
        from desktop_app import __version__

        self.path = Path(path) if path is not None else None
        self._tmp: str | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                             dir=self.path.parent if str(self.path.parent) else ".")
            self._out: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        else:
            assert stream is not None
            self._out = stream
        self.counts = {"inputs": 0, "failed": 0, "applied": 0, "proposed": 0, "notices": 0}
        head = {"format": REPORT_FORMAT, "version": REPORT_VERSION, "scrubtext": __version__,
                "profile": profile_summary(profile)}
        self._out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "inputs": [')
        self._first = True

    def add(self, entry: dict[str, Any]) -> None:
        self.counts["inputs"] += 1
        if entry.get("status") == "skipped":
            self.counts["skipped"] = self.counts.get("skipped", 0) + 1
        elif entry.get("status") != "ok":
            self.counts["failed"] += 1
        else:
            for key in ("applied", "proposed", "notices"):
                self.counts[key] += len(entry[key])
        self._out.write(("\n" if self._first else ",\n") + dumps_utf8(entry))
        self._first = False

    def close(self) -> None:
        self._out.write('\n], "summary": ' + json.dumps(self.counts) + "}\n")
        if self.path is None:
            self._out.flush()
            return
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self.path is not None and self._tmp is not None:
            self._out.close()
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)
            self._tmp = None


def load_report(path: str | Path) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("format") != REPORT_FORMAT:
        raise ValueError(f"{path} is not a Scrubtext report")
    return data
