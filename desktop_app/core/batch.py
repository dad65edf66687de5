"""Batch cleaning: many files or JSONL records on all cores, in bounded memory, same output for any --jobs.

The unit of work is `clean_document(text, profile, corpus)`: pure, picklable arguments and result,
usable from a process pool, Dask or anything else that ships functions to workers.

A batch runs in two passes over its sources (files, stdin, JSONL records):

1. *corpus pass* (only when there is more than one document): every document is decoded and its
   normalized lines counted into a `CorpusStats`, in chunks on the worker pool; the partial counts are
   merged in input order, so the statistics do not depend on the number of workers;
2. *cleaning pass*: each document is analysed with `analyze_full(text, profile, corpus=stats)`.

Work is cut into chunks (a group of up to 16 small files or ~256 KB, or ~256 KB of JSONL lines) whose
boundaries depend only on the input; at most a few chunks per worker are in flight, and results come
back in input order (`ordered_map`), so memory stays bounded by the chunk size, not the corpus size,
and the caller can stream outputs as they arrive. Per-document failures (unreadable, vanished,
binary, a bug in a rule) are returned as results, never raised, so one bad input stops nothing. A
worker that dies (the out-of-memory killer) fails only the input it held: the work in flight is
retried alone in fresh processes. Files over ISOLATE_BYTES run in a worker even with one job, so a
huge document cannot take the main process down with it. Ctrl-C and SIGTERM kill the workers at once.

Beyond one machine: `clean_document`, `clean_record`, `Profile` and `CorpusStats` are picklable and
pure, so any distributed executor can run them. With Dask (tested in tests/core/test_batch.py on a
`LocalCluster`; point `Client` at a real scheduler for a cluster)::

    import json, dask.bag as db
    from distributed import Client
    from desktop_app.core.batch import clean_record, count_lines, prune_singletons
    from desktop_app.core.profiles import load_profile

    client = Client("scheduler:8786")
    profile = load_profile("my-profile.toml")             # or default_profile()
    records = db.read_text("s3://bucket/corpus-*.jsonl").map(json.loads)
    # Optional corpus pass (cross-document furniture): partial stats per partition, merged.
    stats = prune_singletons(records.map_partitions(lambda rs: [count_lines(r["text"] for r in rs)])
                             .fold(lambda a, b: (a.merge(b), a)[1]).compute())
    cleaned = records.map(lambda r: clean_record(r, profile, stats)[0]).map(json.dumps)
    cleaned.to_textfiles("s3://bucket/clean/*.jsonl")
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
import traceback
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.corpus import CorpusStats
from desktop_app.core.edits import Edit, Notice
from desktop_app.core.pipeline import analyze_and_clean
from desktop_app.core.profiles import Profile
from desktop_app.core.textlines import MAX_LINE_CHARS, has_line_longer_than

log = logging.getLogger(__name__)

# Chunks are small enough to balance two or more workers on a few MB, large enough that the per-task
# overhead (pickling, scheduling: about a millisecond) stays under 1% of the rules' time.
FILE_CHUNK_BYTES = 256 << 10
FILE_CHUNK_COUNT = 16
JSONL_CHUNK_BYTES = 256 << 10
JSONL_CHUNK_RECORDS = 500
IN_FLIGHT_PER_JOB = 3
ISOLATE_BYTES = 16 << 20   # a file this large is cleaned in a worker process even with one job


def plan_jobs(sources: Sequence[Source], fmt: str, jobs: int) -> tuple[int, bool]:
    """(worker count, inline) for a batch: no more workers than chunks of work; in this process when
    there is one worker and no file large enough to risk exhausting memory."""
    if fmt == "jsonl":
        chunks = sum(max(1, -(-s.size // JSONL_CHUNK_BYTES)) for s in sources)
    else:
        chunks = sum(1 for _ in file_chunks(enumerate(sources)))
    jobs = max(1, min(jobs, chunks))
    big = fmt != "jsonl" and any(s.size >= ISOLATE_BYTES for s in sources)
    return jobs, jobs == 1 and not big


# --- the unit of work --------------------------------------------------------------------------

@dataclass(frozen=True)
class DocumentSummary:
    """What cleaning one document did: the edits applied, those left for review, and the notices."""

    applied: tuple[Edit, ...] = ()
    proposed: tuple[Edit, ...] = ()
    notices: tuple[Notice, ...] = ()


class LineTooLong(ValueError):
    """A text with a line longer than MAX_LINE_CHARS: refused rather than cleaned for minutes."""


def clean_document(text: str, profile: Profile, corpus: CorpusStats | None = None, *,
                   notices: bool = True) -> tuple[str, DocumentSummary]:
    """Clean one text: (cleaned text, summary). Pure; equal to `clean_text(text, profile, corpus)`.

    Raises LineTooLong for a text with a line over MAX_LINE_CHARS characters.
    """
    if has_line_longer_than(text, MAX_LINE_CHARS):
        raise LineTooLong(f"a line is longer than {MAX_LINE_CHARS:,} characters: not text that can be "
                          f"reviewed line by line (a minified or binary dump?)")
    analysis, cleaned = analyze_and_clean(text, profile, corpus, notices=notices)
    applied = tuple(e for e in analysis.edits if profile.accepts(e))
    proposed = tuple(e for e in analysis.edits if not profile.accepts(e))
    return cleaned, DocumentSummary(applied, proposed, tuple(analysis.notices))


class RecordError(ValueError):
    """A JSONL record whose text field cannot be cleaned (reported with its line number)."""


def parse_record(line: str, text_field: str) -> tuple[dict[str, Any], str]:
    """Parse one JSONL line: (record, text). Raises RecordError with a short reason."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"not valid JSON ({exc.args[0] if exc.args else exc})") from None
    except RecursionError:
        raise RecordError("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise RecordError(f"a JSON {type(record).__name__}, not an object")
    if text_field not in record:
        raise RecordError(f"no {text_field!r} field")
    text = record[text_field]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        raise RecordError(f"field {text_field!r} is {kind}, not a string")
    return record, text


def clean_record(record: dict[str, Any], profile: Profile, corpus: CorpusStats | None = None, *,
                 text_field: str = "text") -> tuple[dict[str, Any], DocumentSummary]:
    """Clean the text field of one JSON record, keeping its other fields (for Dask bags and the like)."""
    text = record.get(text_field)
    if not isinstance(text, str):
        raise RecordError(f"field {text_field!r} is not a string")
    cleaned, summary = clean_document(text, profile, corpus, notices=False)
    return {**record, text_field: cleaned}, summary


def count_lines(texts: Iterable[str]) -> CorpusStats:
    """Partial corpus statistics over some texts, to be merged with others (nothing pruned)."""
    stats = CorpusStats()
    for text in texts:
        stats.add_document(text)
    return stats


def corpus_of_texts(texts: Iterable[str]) -> CorpusStats:
    """Corpus statistics over all the texts, as the batch's corpus pass makes them (one process)."""
    return prune_singletons(count_lines(texts))


def prune_singletons(stats: CorpusStats) -> CorpusStats:
    """Drop the lines seen in only one document (in place; returns `stats`).

    They cannot be cross-document evidence (CorpusStats drops them first when it outgrows max_keys), and
    without them what every worker receives grows with the repeated lines, not with the corpus.
    """
    stats.line_docs = type(stats.line_docs)({k: n for k, n in stats.line_docs.items() if n > 1})
    return stats


# --- sources -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """One input: a file (found directly or by walking a folder) or standard input.

    display: how messages name it (the path as given, or "<stdin>").
    rel:     the output's path relative to the output folder, as sanitized parts.
    explicit: named on the command line (a binary named explicitly is an error; found by walking a
             folder it is skipped with a note).
    data:    the bytes, for stdin (read once, up front).
    """

    path: str | None
    display: str
    rel: tuple[str, ...]
    explicit: bool = True
    size: int = 0
    data: bytes | None = None


@dataclass(frozen=True)
class Problem:
    """An input that cannot be processed at all (missing, unreadable folder, ...)."""

    display: str
    reason: str


_UNSAFE = {'"', "*", ":", "<", ">", "?", "|", "\\"}


def sanitize_part(part: str) -> str:
    """A file-name component safe to create anywhere: control and reserved characters become "_".

    "." and ".." (and names made only of dots) cannot escape the output folder: they become "_".
    """
    cleaned = "".join("_" if (unicodedata.category(ch).startswith("C") or ch in _UNSAFE or ch == "/")
                      else ch for ch in part)
    cleaned = cleaned.strip()
    if not cleaned or set(cleaned) == {"."}:
        return "_"
    return cleaned


def is_backup_name(name: str) -> bool:
    """`x.bak`, `x.bak1`, ... (what `--in-place` leaves behind; never cleaned again)."""
    stem, dot, suffix = name.rpartition(".")
    if not (dot and stem):
        return False
    return suffix == "bak" or (suffix.startswith("bak") and suffix[3:].isdigit())


def discover(paths: Sequence[str], *, exclude: Iterable[str | os.PathLike] = (),
             stdin_bytes: Callable[[], bytes] | None = None, stdin_file: str | None = None,
             max_bytes: int | None = None) -> tuple[list[Source], list[Problem]]:
    """Expand command-line paths into sources, in a deterministic order.

    Folders are walked recursively in sorted order; hidden files and folders (".name"), backups
    (`*.bak*`) and the `exclude` folders (the output folder) are skipped; symlinked folders are not
    followed (no loops). Which files are text is decided by content, by the worker that reads them.
    "-" is standard input: read once via `stdin_bytes` (which should stop after max_bytes + 1 bytes:
    more is refused), or already spooled to `stdin_file` (JSONL, which is read twice and must not
    sit in memory).
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    excluded = set()
    for ex in exclude:
        with contextlib.suppress(OSError, ValueError):
            excluded.add(os.path.realpath(ex))
    stdin_seen = False
    for arg in paths:
        if arg == "-":
            if stdin_seen:
                problems.append(Problem("<stdin>", "standard input given more than once"))
                continue
            stdin_seen = True
            if stdin_file is not None:
                sources.append(Source(stdin_file, "<stdin>", ("stdin",), True, os.path.getsize(stdin_file)))
                continue
            data = stdin_bytes() if stdin_bytes else b""
            if max_bytes is not None and len(data) > max_bytes:
                problems.append(Problem("<stdin>", f"refused: too large (more than {max_bytes / 2**20:g} MB; "
                                                   "see --max-size)"))
                continue
            sources.append(Source(None, "<stdin>", ("stdin",), True, len(data), data))
            continue
        try:
            st = os.stat(arg)
        except OSError as exc:
            problems.append(Problem(arg, _os_reason(exc)))
            continue
        except ValueError as exc:  # embedded NUL
            problems.append(Problem(arg, str(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            found: list[Source] = []
            _walk(arg, found, problems, excluded)
            sources += sorted(found, key=lambda s: s.rel)
        else:
            sources.append(Source(arg, arg, (sanitize_part(os.path.basename(arg.rstrip(os.sep)) or arg),),
                                  True, st.st_size))
    return sources, problems


def _walk(root: str, sources: list[Source], problems: list[Problem], excluded: set[str]) -> None:
    def onerror(exc: OSError) -> None:
        problems.append(Problem(exc.filename or root, _os_reason(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and os.path.realpath(os.path.join(dirpath, d)) not in excluded)
        rel_dir = os.path.relpath(dirpath, root)
        parts = () if rel_dir == os.curdir else tuple(rel_dir.split(os.sep))
        for name in sorted(filenames):
            if name.startswith(".") or is_backup_name(name):
                continue
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)
            except OSError as exc:
                problems.append(Problem(full, _os_reason(exc)))
                continue
            if not stat.S_ISREG(st.st_mode):
                continue  # sockets, FIFOs, devices: never read them by walking
            rel = tuple(sanitize_part(p) for p in (*parts, name))
            sources.append(Source(full, full, rel, False, st.st_size))


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOENT:
        return "no such file or folder (it may have been deleted)"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder"
    return exc.strerror or str(exc)


# --- work items and results --------------------------------------------------------------------

@dataclass(frozen=True)
class BatchConfig:
    """Everything a worker needs besides the work item (sent once per worker)."""

    profile: Profile
    fmt: str = "txt"                 # "txt" or "jsonl"
    text_field: str = "text"
    encoding: str | None = None      # force the input codec
    details: bool = False            # build report entries (offsets, line/col, before)
    notices: bool = False
    max_bytes: int | None = None


@dataclass
class FileResult:
    """The outcome of one text source (a whole file) in the cleaning pass."""

    index: int
    status: str                      # "ok", "failed", "skipped"
    message: str = ""
    text: str | None = None          # the cleaned text
    same_bytes: bool = False         # writing `text` as UTF-8 would reproduce the input bytes
    changed: bool = False
    applied: int = 0
    proposed: int = 0
    notices: int = 0
    size: int = 0
    entry: dict[str, Any] | None = None
    detail: str = ""                 # traceback for the log


@dataclass
class RecordProblem:
    line: int
    reason: str
    dropped: bool                    # the line is not valid JSON and is left out of the output


@dataclass
class JsonlChunkResult:
    """The outcome of one chunk of JSONL lines: output lines in order, problems, counts."""

    index: int
    first_line: int
    lines: list[str] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    entries: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    changed: int = 0
    applied: int = 0
    proposed: int = 0
    notices: int = 0
    size: int = 0
    detail: str = ""


@dataclass(frozen=True)
class JsonlChunk:
    index: int                       # the source index
    display: str                     # the source's name in messages and reports
    first_line: int                  # 1-based line number of lines[0]
    lines: tuple[str, ...]           # raw lines, with their terminators
    size: int


_STATE: dict[str, Any] = {}


def init_worker(config: BatchConfig, corpus: CorpusStats | None) -> None:
    """Pool initializer: the profile, options and corpus statistics, once per worker process."""
    _STATE["config"] = config
    _STATE["corpus"] = corpus


def _decoding_info(decoded) -> dict[str, Any]:
    return {"encoding": decoded.encoding, "confidence": round(float(decoded.confidence), 4),
            "bom": bool(decoded.bom), "method": decoded.method,
            "replaced_bytes": [list(r) for r in decoded.replaced]}


def _read(source: Source, config: BatchConfig):
    from desktop_app.core.decoding import decode_bytes, read_text_file

    if source.data is not None:
        return decode_bytes(source.data, encoding=config.encoding)
    return read_text_file(source.path, encoding=config.encoding, max_bytes=config.max_bytes)


def clean_file_task(item: tuple[int, Source]) -> FileResult:
    """Cleaning pass for one text source (runs in a worker; never raises)."""
    from desktop_app.core.decoding import DecodeError
    from desktop_app.core.report import document_entry, failure_entry

    index, source = item
    config: BatchConfig = _STATE["config"]
    try:
        decoded = _read(source, config)
    except DecodeError as exc:
        status = "failed" if source.explicit else "skipped"
        return FileResult(index, status, f"refused: {exc}", size=source.size,
                          entry=failure_entry(source.display, f"refused: {exc}") if config.details else None)
    except OSError as exc:
        reason = _os_reason(exc)
        return FileResult(index, "failed", reason, size=source.size,
                          entry=failure_entry(source.display, reason) if config.details else None)
    except Exception as exc:  # a bug in decoding must not stop the batch either
        reason = f"internal error while decoding ({type(exc).__name__}: {exc})"
        return FileResult(index, "failed", reason, size=source.size, detail=traceback.format_exc(),
                          entry=failure_entry(source.display, reason) if config.details else None)
    try:
        cleaned, summary = clean_document(decoded.text, config.profile, _STATE.get("corpus"),
                                          notices=config.notices)
    except LineTooLong as exc:
        return FileResult(index, "failed", f"refused: {exc}", size=source.size,
                          entry=failure_entry(source.display, f"refused: {exc}") if config.details else None)
    except Exception as exc:  # a bug in a rule must not stop the batch
        reason = f"internal error while cleaning ({type(exc).__name__}: {exc})"
        return FileResult(index, "failed", reason, size=source.size, detail=traceback.format_exc(),
                          entry=failure_entry(source.display, reason) if config.details else None)
    same = (cleaned == decoded.text and not decoded.bom and not decoded.replaced
            and decoded.encoding.replace("_", "-").lower() in ("utf-8", "utf8", "ascii"))
    entry = None
    if config.details:
        entry = document_entry(source.display, decoded.text, summary.applied, summary.proposed,
                               summary.notices, decoding=_decoding_info(decoded))
    return FileResult(index, "ok", text=cleaned, same_bytes=same, changed=cleaned != decoded.text,
                      applied=len(summary.applied), proposed=len(summary.proposed),
                      notices=len(summary.notices), size=source.size, entry=entry)


def clean_files_task(items: list[tuple[int, Source]]) -> list[FileResult]:
    return [clean_file_task(it) for it in items]


def clean_jsonl_task(chunk: JsonlChunk) -> JsonlChunkResult:
    """Cleaning pass for a chunk of JSONL lines (runs in a worker; never raises)."""
    from desktop_app.core.report import document_entry

    config: BatchConfig = _STATE["config"]
    corpus = _STATE.get("corpus")
    result = JsonlChunkResult(chunk.index, chunk.first_line, size=chunk.size)
    for offset, raw in enumerate(chunk.lines):
        line_no = chunk.first_line + offset
        body = raw.rstrip("\r\n")
        ending = raw[len(body):]
        if not body.strip():
            result.lines.append(raw)
            continue
        try:
            record, text = parse_record(body, config.text_field)
        except RecordError as exc:
            dropped = str(exc).startswith("not valid JSON")
            result.problems.append(RecordProblem(line_no, str(exc), dropped))
            if not dropped:
                result.lines.append(raw)
            continue
        result.records += 1
        try:
            cleaned, summary = clean_document(text, config.profile, corpus, notices=config.notices)
        except LineTooLong as exc:
            result.problems.append(RecordProblem(line_no, f"refused: {exc}", False))
            result.lines.append(raw)
            continue
        except Exception as exc:
            result.problems.append(RecordProblem(
                line_no, f"internal error while cleaning ({type(exc).__name__}: {exc})", False))
            result.detail += traceback.format_exc()
            result.lines.append(raw)
            continue
        result.applied += len(summary.applied)
        result.proposed += len(summary.proposed)
        result.notices += len(summary.notices)
        if cleaned != text:
            result.changed += 1
            record[config.text_field] = cleaned
            out = json.dumps(record, ensure_ascii=False)
            try:
                out.encode("utf-8")
            except UnicodeEncodeError:  # an unpaired surrogate (from a "\ud800" escape): keep it escaped
                out = json.dumps(record, ensure_ascii=True)
            result.lines.append(out + (ending or "\n"))
        else:
            result.lines.append(raw)
        if config.details:
            result.entries.append(document_entry(chunk.display, text, summary.applied, summary.proposed,
                                                 summary.notices, record=line_no,
                                                 decoding={"encoding": "utf-8"}))
    return result


def corpus_files_task(items: list[tuple[int, Source]]) -> CorpusStats:
    """Corpus pass over a chunk of text sources (unreadable ones are left to the cleaning pass)."""
    config: BatchConfig = _STATE["config"]
    stats = CorpusStats()
    for _, source in items:
        try:
            stats.add_document(_read(source, config).text)
        except Exception:  # reported by the cleaning pass
            continue
    return stats


def corpus_jsonl_task(chunk: JsonlChunk) -> CorpusStats:
    config: BatchConfig = _STATE["config"]
    stats = CorpusStats()
    for raw in chunk.lines:
        if not raw.strip():
            continue
        try:
            _, text = parse_record(raw.rstrip("\r\n"), config.text_field)
        except RecordError:
            continue
        stats.add_document(text)
    return stats


# --- chunking ------------------------------------------------------------------------------------

def file_chunks(items: Iterable[tuple[int, Source]]) -> Iterator[list[tuple[int, Source]]]:
    """Group small files (up to FILE_CHUNK_BYTES or FILE_CHUNK_COUNT files per chunk); boundaries depend
    only on the input."""
    chunk: list[tuple[int, Source]] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item[1].size
        if size >= FILE_CHUNK_BYTES or len(chunk) >= FILE_CHUNK_COUNT:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def jsonl_lines(source: Source) -> Iterator[tuple[int, str | None, int]]:
    """(line number, decoded line or None if not UTF-8, byte size), streamed from a JSONL source."""
    if source.data is not None:
        import io

        stream = io.BytesIO(source.data)
    else:
        stream = open(source.path, "rb")  # noqa: SIM115 (closed below)
    with stream:
        for n, raw in enumerate(stream, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield n, raw.decode("utf-8"), len(raw)
            except UnicodeDecodeError:
                yield n, None, len(raw)


def jsonl_chunks(index: int, source: Source, bad_lines: list[int] | None = None) -> Iterator[JsonlChunk]:
    """Chunks of consecutive JSONL lines. Lines that are not UTF-8 are noted in `bad_lines`, and the
    chunk is cut there so every chunk holds consecutive lines."""
    lines: list[str] = []
    first = 1
    size = 0
    for n, line, nbytes in jsonl_lines(source):
        if line is None:
            if bad_lines is not None:
                bad_lines.append(n)
            if lines:
                yield JsonlChunk(index, source.display, first, tuple(lines), size)
            lines, size, first = [], 0, n + 1
            continue
        if not lines:
            first = n
        lines.append(line)
        size += nbytes
        if size >= JSONL_CHUNK_BYTES or len(lines) >= JSONL_CHUNK_RECORDS:
            yield JsonlChunk(index, source.display, first, tuple(lines), size)
            lines, size = [], 0
    if lines:
        yield JsonlChunk(index, source.display, first, tuple(lines), size)


# --- the pool --------------------------------------------------------------------------------------

def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class WorkerDied(RuntimeError):
    """A pool worker was killed (e.g. by the out-of-memory killer); the batch cannot go on."""


def ordered_map(func: Callable[[Any], Any], items: Iterable[Any], *, jobs: int,
                initializer: Callable[..., None] | None = None, initargs: tuple = (),
                in_flight: int | None = None,
                on_crash: Callable[[Any, Callable[[Any], tuple[bool, Any]]], Any] | None = None,
                inline: bool | None = None) -> Iterator[Any]:
    """`map(func, items)` on `jobs` processes, results in input order, at most `in_flight` pending.

    `inline` (default: jobs == 1) runs everything in this process: no pickling, and monkeypatching
    works in tests. `inline=False` with jobs == 1 still uses one worker process, which isolates this
    process from a document that exhausts memory. Items are consumed lazily, so an unbounded stream
    of items needs bounded memory.

    A worker that dies (killed, out of memory) breaks the pool. Without `on_crash` that raises
    `WorkerDied`. With it, the items that were in flight are retried one by one, each in a fresh
    process: `on_crash(item, run_isolated)` returns the item's result, where `run_isolated(x)` gives
    (True, func(x)) or (False, None) if the process died again; then a new pool takes the rest.
    """
    if inline is None:
        inline = jobs <= 1
    if inline:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield func(item)
        return
    jobs = max(1, jobs)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def run_isolated(item: Any) -> tuple[bool, Any]:
        with ProcessPoolExecutor(max_workers=1, initializer=_worker_start,
                                 initargs=(initializer, initargs)) as solo:
            try:
                return True, solo.submit(func, item).result()
            except BrokenProcessPool:
                return False, None

    limit = in_flight or jobs * IN_FLIGHT_PER_JOB
    stream = iter(items)
    while True:
        leftovers: list[tuple[Any, Any]] = []
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start,
                                 initargs=(initializer, initargs)) as pool:
            pending: deque = deque()
            try:
                for item in stream:
                    try:
                        pending.append((item, pool.submit(func, item)))
                    except BrokenProcessPool:
                        pending.append((item, None))
                        raise
                    if len(pending) >= limit:
                        result = pending[0][1].result()
                        pending.popleft()
                        yield result
                while pending:
                    result = pending[0][1].result()
                    pending.popleft()
                    yield result
                return
            except BrokenProcessPool as exc:
                if on_crash is None:
                    raise WorkerDied("a worker process died (killed, or out of memory); the inputs not yet "
                                     "processed were not cleaned") from exc
                leftovers = list(pending)
                pending.clear()
            except BaseException:  # Ctrl-C, the consumer stopped early, an error: do not wait for workers
                _terminate(pool)
                raise
            finally:
                for _, fut in pending:
                    if fut is not None:
                        fut.cancel()
        for item, fut in leftovers:
            if fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None:
                yield fut.result()
            else:
                yield on_crash(item, run_isolated)


def _terminate(pool) -> None:
    """Stop a process pool now: cancel queued work and kill the workers (their results are unwanted)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    _quiet_dying_pool()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        with contextlib.suppress(Exception):
            proc.kill()


def _quiet_dying_pool() -> None:
    """Once a pool is being killed, its management thread may trip over the futures just cancelled
    (InvalidStateError): that goes to the log, not to the user's terminal as a traceback."""
    import threading

    previous = threading.excepthook

    def hook(args) -> None:
        if args.exc_type is not None and issubclass(args.exc_type, (InvalidStateError, BrokenProcessPool)):
            log.debug("process pool shut down: %s", args.exc_value)
            return
        previous(args)

    threading.excepthook = hook


def _worker_start(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Pool workers leave Ctrl-C to the main process (which stops the batch and reports it), and die
    on SIGTERM whatever handler the main process installed before forking."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)


def build_corpus(sources: Sequence[Source], config: BatchConfig, *, jobs: int,
                 on_progress: Callable[[int], None] | None = None, inline: bool | None = None) -> CorpusStats:
    """The corpus pass: CorpusStats over every document of every source, merged in input order.

    Lines found in only one document are dropped from the result (doc_count 0 instead of 1).
    """
    def tasks() -> Iterator[tuple[Callable, Any]]:
        if config.fmt == "jsonl":
            for i, s in enumerate(sources):
                for chunk in jsonl_chunks(i, s):
                    yield corpus_jsonl_task, chunk
        else:
            for chunk in file_chunks(enumerate(sources)):
                yield corpus_files_task, chunk

    def on_crash(task: tuple[Callable, Any], run_isolated: Callable) -> tuple[CorpusStats, int]:
        ok, result = run_isolated(task)
        return result if ok else (CorpusStats(), 0)  # the cleaning pass reports those inputs

    stats = CorpusStats()
    results = ordered_map(_run_sized, tasks(), jobs=jobs, initializer=init_worker, initargs=(config, None),
                          on_crash=on_crash, inline=inline)
    with contextlib.closing(results):  # on Ctrl-C, stop the workers now, not at interpreter exit
        for partial, size in results:
            _merge_partial(stats, partial, size, on_progress)
    return prune_singletons(stats)


def _merge_partial(stats: CorpusStats, partial: CorpusStats, size: int,
                   on_progress: Callable[[int], None] | None) -> None:
    stats.merge(partial)  # (which keeps it within max_keys)
    if on_progress:
        on_progress(size)


def _run_sized(task: tuple[Callable, Any]) -> tuple[Any, int]:
    func, arg = task
    size = arg.size if isinstance(arg, JsonlChunk) else sum(s.size for _, s in arg)
    return func(arg), size


@dataclass
class JsonlEnd:
    """Marks the end of one JSONL source in the cleaning stream (after all its chunks)."""

    index: int
    error: str | None = None         # the file could not be read to the end
    bad_lines: list[int] = field(default_factory=list)   # lines that are not UTF-8 (left out)
    size: int = 0


def _dispatch(task: tuple[str, Any]) -> Any:
    kind, arg = task
    if kind == "files":
        return clean_files_task(arg)
    if kind == "jsonl":
        return clean_jsonl_task(arg)
    return arg  # a JsonlEnd marker, passed through in order


def _cleaning_tasks(sources: Sequence[Source], config: BatchConfig) -> Iterator[tuple[str, Any]]:
    if config.fmt != "jsonl":
        for chunk in file_chunks(enumerate(sources)):
            yield "files", chunk
        return
    for i, source in enumerate(sources):
        end = JsonlEnd(i)
        try:
            for chunk in jsonl_chunks(i, source, end.bad_lines):
                yield "jsonl", chunk
        except OSError as exc:
            end.error = _os_reason(exc)
        yield "end", end


WORKER_DIED = "the worker process died while cleaning it (killed, or out of memory)"


def _on_crash(task: tuple[str, Any], run_isolated: Callable) -> Any:
    """A task whose worker died: retry it alone (file by file), so only the culprit fails."""
    kind, arg = task
    if kind == "files":
        results = []
        for item in arg:
            ok, result = run_isolated(("files", [item]))
            index, source = item
            results += result if ok else [FileResult(index, "failed", WORKER_DIED, size=source.size)]
        return results
    ok, result = run_isolated(task)
    if ok:
        return result
    if kind == "jsonl":  # keep every line unchanged and name each record
        out = JsonlChunkResult(arg.index, arg.first_line, list(arg.lines), size=arg.size)
        out.problems = [RecordProblem(arg.first_line + k, WORKER_DIED, False)
                        for k, line in enumerate(arg.lines) if line.strip()]
        return out
    return arg  # a JsonlEnd marker never runs rules


_WARM_UP_TEXT = ("Related Articles\nCafÃ© owners said on Tuesday that prices rose.  \n\n\n\n"
                 "東京では雨が降った。 。明日は晴れるでしょう。\nBy Anna Schmidt\n")


def warm_up(profile: Profile) -> None:
    """Load every rule's data (models, phrase lists) in this process before forking workers.

    With the "fork" start method the workers then share it copy-on-write instead of each loading it
    (about 0.7 s per worker); with other start methods this only costs the one call.
    """
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return
    with contextlib.suppress(Exception):
        clean_document(_WARM_UP_TEXT, profile, None, notices=True)


def run_cleaning(sources: Sequence[Source], config: BatchConfig, corpus: CorpusStats | None, *,
                 jobs: int, inline: bool | None = None) -> Iterator[FileResult | JsonlChunkResult | JsonlEnd]:
    """The cleaning pass as an ordered stream of results.

    For text sources: one `FileResult` per source, in order. For JSONL sources: each source's
    `JsonlChunkResult`s in order, then its `JsonlEnd`. Identical whatever `jobs` is.
    """
    if not (inline if inline is not None else jobs <= 1):
        warm_up(config.profile)
    results = ordered_map(_dispatch, _cleaning_tasks(sources, config), jobs=jobs, initializer=init_worker,
                          initargs=(config, corpus), on_crash=_on_crash, inline=inline)
    with contextlib.closing(results):  # closing this generator stops the workers at once
        for result in results:
            if isinstance(result, list):
                yield from result
            else:
                yield result
