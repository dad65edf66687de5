"""`scrubtext`: clean and check files from the command line; no subcommand opens the desktop app.

    scrubtext clean PATH... [-o OUT] [--format txt|jsonl] [--only/--skip CATS] [--profile FILE]
                            [--report FILE.json] [--in-place] [--jobs N] [--quiet]
    scrubtext check PATH... [--json]
    scrubtext [FILE...]            open the desktop app (with those files)

Exit codes: 0 ok; 1 some inputs failed (every other input was still processed; each failure is named
with its reason on stderr, details go to the log file); 2 usage error. This module never imports Qt:
the GUI is imported only when it is asked for.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop_app import __version__

COMMANDS = ("clean", "check")
CATEGORY_CHOICES = ("encoding", "boilerplate", "metadata", "duplicate", "spacing", "notice")

log = logging.getLogger("scrubtext.cli")


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


# --- argument parsing ----------------------------------------------------------------------------

def _categories(value: str) -> list[str]:
    cats = [c.strip().lower() for c in value.split(",") if c.strip()]
    unknown = [c for c in cats if c not in CATEGORY_CHOICES]
    if unknown or not cats:
        raise argparse.ArgumentTypeError(
            f"unknown category {', '.join(unknown) or value!r} (choose from {', '.join(CATEGORY_CHOICES)})")
    return cats


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _megabytes(value: str) -> int | None:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if mb < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return int(mb * 1024 * 1024) or None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrubtext",
        description="Clean scraped text: repair mojibake, strip page furniture and duplicates, "
                    "with every change explained. Without a command, opens the desktop app "
                    "(`scrubtext FILE...` opens it with those files).",
        epilog="Exit codes: 0 ok, 1 some inputs failed (the others were processed), 2 usage error.")
    parser.add_argument("--version", action="version", version=f"scrubtext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (folders are searched recursively; hidden files are skipped); "
                             "'-' reads standard input")
    common.add_argument("--format", choices=("txt", "jsonl"), default="txt",
                        help="txt: each file is one text (default); jsonl: one JSON object per line (in a "
                             "folder, only *.jsonl and *.ndjson files are taken; lines that are not valid "
                             "JSON are written through unchanged)")
    common.add_argument("--text-field", default="text", metavar="NAME",
                        help="with --format jsonl, the field to clean (default: text); other fields are kept")
    common.add_argument("--only", type=_categories, metavar="CATS",
                        help="run only these categories (comma-separated: encoding, boilerplate, metadata, "
                             "duplicate, spacing)")
    common.add_argument("--skip", type=_categories, metavar="CATS", help="do not run these categories")
    common.add_argument("--profile", metavar="FILE", help="a profile (TOML) to use instead of the default")
    common.add_argument("--encoding", metavar="CODEC",
                        help="decode inputs with this codec instead of detecting it")
    common.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    common.add_argument("--max-size", type=_megabytes, default="1024", metavar="MB",
                        help="refuse text files larger than this (default: 1024 MB; 0: no limit)")
    common.add_argument("--no-corpus", action="store_true",
                        help="do not gather cross-document statistics before cleaning a batch")
    common.add_argument("--quiet", "-q", action="store_true", help="no progress bar, notes or summary")

    clean = sub.add_parser(
        "clean", parents=[common], help="clean files and write the results",
        description="Clean files, folders or standard input. With one input and no -o, the result goes "
                    "to standard output. Output is UTF-8; line endings are kept.")
    clean.add_argument("-o", "--output", metavar="OUT",
                       help="output file (one input file; - for standard output) or folder (several inputs or a folder; each "
                            "output keeps its relative path and name)")
    clean.add_argument("--in-place", action="store_true",
                       help="overwrite each input that changes, keeping a backup (name.bak); a file with bytes "
                            "that cannot be decoded is not overwritten (see --force)")
    clean.add_argument("--force", action="store_true",
                       help="with --in-place, overwrite even files whose undecodable bytes became U+FFFD")
    clean.add_argument("--report", metavar="FILE.json",
                       help="write a JSON report: every input, its encoding, the edits applied and proposed, "
                            "the notices")

    check = sub.add_parser(
        "check", parents=[common], help="list the edits and notices clean would make; changes nothing",
        description="List proposed edits and notices, one per line "
                    "(path:line:col rule (confidence) reason: 'before' -> 'after'). Changes nothing.")
    check.add_argument("--json", action="store_true",
                       help="print a replayable JSON report instead (same format as clean --report)")
    return parser


# --- entry point -----------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") and not os.path.lexists(argv[0]):
        import difflib

        # A word that is no file and looks like a mistyped command ("chek", "cleen", "lint"): a usage
        # error, not the desktop app (which cannot even start on a headless machine). A missing
        # "page.txt" still goes to the app, which says so.
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1, cutoff=0.5)
        if close or not any(c in argv[0] for c in ("." + os.sep + "/")):
            hint = f"; did you mean `scrubtext {close[0]}`?" if close else " (commands: clean, check)"
            _err(f"error: {argv[0]!r} is neither a command nor an existing file{hint}")
            return 2
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return open_gui(argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return int(exc.code or 0)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return 2
    from desktop_app.logs import setup_logging

    log_path = setup_logging()
    log.info("scrubtext %s: %s", __version__, " ".join(argv))
    _stop_on_sigterm()
    try:
        return Run(args, log_path).execute()
    except UsageError as exc:
        _err(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except Exception as exc:  # a bug: no traceback on the terminal, all of it in the log
        from desktop_app.core.batch import WorkerDied

        if isinstance(exc, WorkerDied):
            log.exception("worker died")
            _err(f"error: {exc}{_log_hint(log_path)}")
            return 1
        log.exception("internal error")
        _err(f"internal error: {type(exc).__name__}: {exc}{_log_hint(log_path)}")
        return 1


def _stop_on_sigterm() -> None:
    """SIGTERM stops a run like Ctrl-C: partial outputs are removed, nothing half-written remains."""
    import signal
    import threading

    def stop(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def open_gui(paths: list[str]) -> int:
    """`scrubtext [FILE...]`: the desktop app, imported only now (the CLI never needs Qt)."""
    try:
        from desktop_app.gui.app import run_gui
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("desktop_app.gui"):
            _err("the desktop app is not available in this installation; use `scrubtext clean` or "
                 "`scrubtext check` (see scrubtext --help)")
        else:
            _err(f"the desktop app needs {exc.name or 'PySide6'}, which is not installed ({exc}); "
                 "the command line (scrubtext clean/check) works without it")
        return 2
    except ImportError as exc:
        _err(f"the desktop app cannot start: {exc}")
        return 2
    return int(run_gui(paths) or 0)


def _err(message: str) -> None:
    try:
        from tqdm import tqdm

        tqdm.write(f"scrubtext: {message}", file=sys.stderr)
    except Exception:
        print(f"scrubtext: {message}", file=sys.stderr)


def _log_hint(log_path: Path | None) -> str:
    return f" (details in {log_path})" if log_path else ""


# --- outputs -------------------------------------------------------------------------------------

class StreamingFile:
    """A file written piece by piece that appears atomically when committed (temp + fsync + rename)."""

    def __init__(self, target: Path, errors: str = "strict") -> None:
        if target.is_symlink():  # like export.atomic_write_*: the link survives, its target changes
            target = Path(os.path.realpath(target))
        self.target = target
        fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        self.out: IO[str] = os.fdopen(fd, "w", encoding="utf-8", errors=errors, newline="")

    def write(self, s: str) -> None:
        self.out.write(s)

    def commit(self) -> None:
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        with contextlib.suppress(OSError):
            os.chmod(self.tmp, self.target.stat().st_mode & 0o7777)
        if not self.target.exists():
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.tmp, 0o666 & ~umask)
        os.replace(self.tmp, self.target)

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.out.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _write_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write there (permission denied or read-only)"
    return str(exc) if not exc.strerror else exc.strerror


@dataclass
class Totals:
    documents: int = 0
    changed: int = 0
    failed: int = 0
    skipped: int = 0
    applied: int = 0
    proposed: int = 0
    notices: int = 0
    bytes: int = 0
    written: int = 0


class Run:
    """One `clean` or `check` invocation."""

    def __init__(self, args: argparse.Namespace, log_path: Path | None) -> None:
        self.args = args
        self.log_path = log_path
        self.is_check = args.command == "check"
        self.totals = Totals()
        self.failures = 0
        self.bar = None
        self.report = None  # ReportWriter when a report is asked for
        self.early: list[dict[str, Any]] | None = None

    # --- messages
    def fail(self, name: str, reason: str, detail: str = "", *, record: int | None = None,
             in_report: bool = True) -> None:
        """Name a failed input (or JSONL record) and its reason on stderr, in the log and the report."""
        self.failures += 1
        self.totals.failed += 1
        where = name if record is None else f"{name}:{record}"
        log.error("%s: %s%s", where, reason, ("\n" + detail) if detail else "")
        _err(f"{where}: {reason}")
        if in_report and (self.report is not None or self.early is not None):
            from desktop_app.core.report import failure_entry

            entry = failure_entry(name, reason, record=record)
            if self.report is not None:
                self.report.add(entry)
            else:
                self.early.append(entry)  # failures found before the report was opened

    def warn(self, message: str) -> None:
        """A warning: always shown (even with --quiet), never an error."""
        log.warning("%s", message)
        _err(f"warning: {message}")

    def note(self, message: str) -> None:
        log.info("%s", message)
        if not self.args.quiet:
            _err(f"note: {message}")

    # --- setup
    def profile(self):
        from desktop_app.core.profiles import ProfileError, load_profile

        try:
            profile = load_profile(self.args.profile)
        except ProfileError as exc:
            raise UsageError(str(exc)) from None
        from desktop_app.core.boilerplate.user_rules import validate_pattern

        for pattern in profile.patterns:
            problem = validate_pattern(pattern)
            if problem:
                _err(f"warning: profile pattern {pattern!r} is skipped: {problem}")
        if self.args.only or self.args.skip:
            profile = profile.with_categories(only=self.args.only, skip=self.args.skip)
        return profile

    def execute(self) -> int:
        from desktop_app.core import batch

        a = self.args
        if a.encoding:
            import codecs

            try:
                codecs.lookup(a.encoding)
            except LookupError:
                raise UsageError(f"unknown encoding {a.encoding!r}") from None
        out = getattr(a, "output", None)
        if out == "-":  # the usual spelling of standard output
            a.output = out = None
        in_place = getattr(a, "in_place", False)
        if in_place and out:
            raise UsageError("--in-place and -o cannot be used together")
        if in_place and "-" in a.paths:
            raise UsageError("--in-place cannot write back to standard input")
        profile = self.profile()
        jobs = a.jobs or batch.default_jobs()
        want_entries = self.is_check or bool(getattr(a, "report", None))
        config = batch.BatchConfig(profile=profile, fmt=a.format, text_field=a.text_field,
                                   encoding=a.encoding, details=want_entries, notices=want_entries,
                                   max_bytes=a.max_size)

        stdin_file = None
        if a.format == "jsonl" and "-" in a.paths:
            stdin_file = self.spool_stdin()
        sources, problems = batch.discover(
            a.paths, exclude=[out] if out else (), stdin_file=stdin_file, max_bytes=a.max_size,
            suffixes=batch.JSONL_SUFFIXES if a.format == "jsonl" else None,
            stdin_bytes=lambda: sys.stdin.buffer.read(-1 if a.max_size is None else a.max_size + 1))
        folder_given = any(os.path.isdir(p) for p in a.paths if p != "-")
        if not self.is_check and out is None and not in_place and (len(sources) > 1 or folder_given):
            raise UsageError("several inputs (or a folder) need -o FOLDER, or --in-place")

        from desktop_app.core.report import ReportWriter

        self.early = []
        for p in problems:
            self.fail(p.display, p.reason)
        targets: list[Any] = [None] * len(sources)  # Path, "stdout", StreamTarget, or None (check)
        if not self.is_check:
            targets = self.plan_outputs(sources, out, in_place, folder_given)
        if getattr(a, "report", None):
            self.check_report_path(a.report, sources, targets, out)
            try:
                self.report = ReportWriter(a.report, profile)
            except OSError as exc:
                raise UsageError(f"cannot write the report {a.report}: {_write_reason(exc)}") from None
        elif self.is_check and a.json:
            self.report = ReportWriter(None, profile, stream=sys.stdout)
        report = self.report
        early, self.early = self.early, None
        if report:
            for entry in early:
                report.add(entry)

        active = [i for i, t in enumerate(targets) if t is not False]
        todo = [sources[i] for i in active]
        if not todo:
            if report:
                report.close()
            if not sources and not problems:
                self.note("no input files found")
            return 1 if self.failures else 0

        total_bytes = sum(s.size for s in todo)
        jobs, inline = batch.plan_jobs(todo, a.format, jobs)
        log.info("%d inputs, %d bytes, %d worker(s)%s", len(todo), total_bytes, jobs, " (in process)" if inline else "")
        started = time.perf_counter()
        corpus = None
        several = len(todo) > 1 or a.format == "jsonl"
        try:
            if several and not a.no_corpus:
                with self.progress(total_bytes, "scanning") as bar:
                    corpus = batch.build_corpus(todo, config, jobs=jobs, on_progress=bar.update, inline=inline)
                log.info("corpus pass: %d documents, %d repeated lines", corpus.documents, len(corpus.line_docs))
            with self.progress(total_bytes, "checking" if self.is_check else "cleaning") as bar:
                self.bar = bar
                self.consume(batch.run_cleaning(todo, config, corpus, jobs=jobs, inline=inline),
                             todo, [targets[i] for i in active], in_place, report)
        except BaseException:
            if report:
                report.abort()
            raise
        finally:
            self.bar = None
        if report:
            report.close()
        self.summary(time.perf_counter() - started)
        return 1 if self.failures else 0

    def check_report_path(self, path: str, sources, targets, out: str | None) -> None:
        """The report must not replace an input or an output (UsageError, before anything is written)."""
        kind = _export().special_file_kind(path)
        if kind:
            raise UsageError(f"--report {path} is {kind}; give a regular file")
        real = os.path.normcase(os.path.realpath(path))

        def same(p) -> bool:
            return os.path.normcase(os.path.realpath(p)) == real

        for s in sources:
            if s.path and same(s.path):
                raise UsageError(f"--report {path} is one of the inputs; it would be overwritten")
        for t in targets:
            if isinstance(t, Path) and same(t):
                raise UsageError(f"--report {path} is also an output file; choose another name")
        if out and not os.path.isdir(out) and same(out):
            raise UsageError(f"--report {path} is also the output file; choose another name")

    def spool_stdin(self) -> str:
        """Copy standard input to a temporary file (removed at exit): JSONL is read twice, in bounded memory."""
        import atexit
        import shutil

        fd, path = tempfile.mkstemp(prefix="scrubtext-stdin-", suffix=".jsonl")
        atexit.register(lambda: os.path.exists(path) and os.unlink(path))
        with os.fdopen(fd, "wb") as f:
            shutil.copyfileobj(sys.stdin.buffer, f, 1 << 20)
        return path

    def plan_outputs(self, sources, out: str | None, in_place: bool, folder_given: bool) -> list[Any]:
        """Each source's target (Path or "stdout"), or False when it cannot be written (reported)."""
        from desktop_app.core.batch import sanitize_part

        if in_place:
            return [Path(s.path) for s in sources]
        if out is None:
            return ["stdout"] * len(sources)  # at most one (checked before)
        out_path = Path(out)
        single_file = len(self.args.paths) == 1 and not folder_given and not out_path.is_dir() \
            and not out.endswith(("/", os.sep))
        kind = _export().special_file_kind(out)
        if kind:
            if single_file and ("FIFO" in kind or "character" in kind):
                self.out_root = None
                return [StreamTarget(out)]  # /dev/stdout, a named pipe, /dev/null: written as a stream
            self.fail(out, f"output {out} is {kind}; not written (give a regular file or a folder)")
            return [False] * len(sources)
        if single_file:
            root = out_path.parent
        else:
            root = out_path
        blocker = _file_in_the_way(root)
        if blocker is not None:
            self.fail(str(root), f"output folder cannot be used: {blocker} is a file, not a folder")
            return [False] * len(sources)
        try:
            root.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=root):
                pass
        except OSError as exc:
            self.fail(str(root), f"output folder cannot be used: {_write_reason(exc)}")
            return [False] * len(sources)
        if single_file:
            targets = [out_path]
        else:
            targets = [root.joinpath(*[sanitize_part(p) for p in s.rel]) for s in sources]
        inputs = {os.path.realpath(s.path): s for s in sources if s.path}
        seen: dict[str, str] = {}
        result: list[Any] = []
        for s, t in zip(sources, targets, strict=True):
            key = os.path.normcase(os.path.realpath(t)).casefold()
            if os.path.realpath(t) in inputs:
                self.fail(s.display, f"output {t} would overwrite an input; use --in-place to clean in place")
                result.append(False)
            elif key in seen:
                self.fail(s.display, f"output {t} is already the output of {seen[key]}; not overwritten")
                result.append(False)
            else:
                seen[key] = s.display
                result.append(t)
        # In folder mode every write must stay inside the folder; a single -o file is the user's choice.
        self.out_root = None if single_file else os.path.realpath(root)
        return result

    @contextlib.contextmanager
    def progress(self, total: int, what: str):
        from tqdm import tqdm

        enabled = not self.args.quiet and sys.stderr.isatty()
        tqdm.monitor_interval = 0
        bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc=what, file=sys.stderr,
                   disable=not enabled, leave=False, dynamic_ncols=True)
        try:
            yield bar
        finally:
            bar.close()

    # --- the cleaning stream
    def consume(self, results, sources, targets, in_place: bool, report) -> None:
        """Write, report and count the cleaning pass's results as they arrive, in input order."""
        streams: dict[int, Any] = {}
        try:
            self._consume(results, sources, targets, in_place, report, streams)
        finally:
            results.close()  # interrupted: stop the workers now, not at interpreter exit
            for stream in streams.values():  # and leave no half-written output behind
                stream.abort()

    def _consume(self, results, sources, targets, in_place: bool, report, streams: dict[int, Any]) -> None:
        from desktop_app.core.batch import FileResult, JsonlChunkResult, JsonlEnd

        state: dict[int, dict[str, int]] = {}
        for res in results:
            if isinstance(res, FileResult):
                self.bar.update(res.size)
                self.file_result(res, sources[res.index], targets[res.index], in_place, report)
            elif isinstance(res, JsonlChunkResult):
                self.bar.update(res.size)
                src = sources[res.index]
                st = state.setdefault(res.index, {"changed": 0, "problems": 0, "records": 0, "broken": False})
                if res.index not in streams and not st["broken"]:
                    streams[res.index] = self.open_stream(src, targets[res.index], st)
                stream = streams.get(res.index)
                if stream is not None and not st["broken"]:
                    try:
                        stream.write("".join(res.lines))
                    except OSError as exc:
                        st["broken"] = True
                        self.fail(src.display, f"cannot write {targets[res.index]}: {_write_reason(exc)}")
                for p in res.problems:
                    self.fail(src.display, f"{p.reason} (line kept unchanged)",
                              res.detail if "internal error" in p.reason else "", record=p.line)
                    st["problems"] += 1
                for entry in res.entries:
                    if report:
                        report.add(entry)
                    elif self.is_check:
                        from desktop_app.core.report import format_entry

                        for line in format_entry(entry):
                            _out_line(line)
                st["changed"] += res.changed
                st["records"] += res.records
                self.totals.documents += res.records
                self.totals.changed += res.changed
                self.totals.applied += res.applied
                self.totals.proposed += res.proposed
                self.totals.notices += res.notices
                self.totals.bytes += res.size
            elif isinstance(res, JsonlEnd):
                src = sources[res.index]
                st = state.setdefault(res.index, {"changed": 0, "problems": 0, "records": 0, "broken": False})
                stream = streams.pop(res.index, None)
                if stream is None and not st["broken"] and res.error is None:
                    stream = self.open_stream(src, targets[res.index], st)  # an empty file
                if res.error is not None:
                    self.fail(src.display, res.error)
                    if stream is not None:
                        self.finish_stream(stream, src, targets[res.index], in_place, False)
                    continue
                if stream is not None and not st["records"] and st["problems"]:
                    # not one record could be read (a wrong --encoding? not JSONL?): no output at all
                    self.fail(src.display, "no record could be read; nothing written")
                    stream.abort()
                    continue
                if stream is not None:
                    self.finish_stream(stream, src, targets[res.index], in_place, not st["broken"],
                                       bool(st["changed"]))

    def open_stream(self, src, target, st):
        if self.is_check:
            return None
        if target == "stdout":
            return _StdoutStream()
        try:
            if isinstance(target, StreamTarget):
                return _StdoutStream(open(target.path, "wb"))  # noqa: SIM115 (closed by flush/abort)
            kind = _export().special_file_kind(target)
            if kind:
                raise UsageError(f"it is {kind}, not a regular file")
            target.parent.mkdir(parents=True, exist_ok=True)
            self.check_inside(target)
            return StreamingFile(target, errors="surrogateescape")  # undecodable lines go back as they were
        except (OSError, UsageError) as exc:
            st["broken"] = True
            reason = _write_reason(exc) if isinstance(exc, OSError) else str(exc)
            self.fail(src.display, f"cannot write {target}: {reason}")
            return None

    def finish_stream(self, stream, src, target, in_place: bool, ok: bool, dirty: bool = True) -> None:
        if isinstance(stream, _StdoutStream):
            try:
                stream.close()
            except OSError as exc:
                self.fail(src.display, f"cannot write {getattr(target, 'path', target)}: {_write_reason(exc)}")
            return
        if not ok or (in_place and not dirty):
            stream.abort()
            return
        try:
            if in_place:
                self.backup(target)
            stream.commit()
            self.totals.written += 1
        except OSError as exc:
            stream.abort()
            self.fail(src.display, f"cannot write {target}: {_write_reason(exc)}")

    def check_inside(self, target: Path) -> None:
        """Refuse to write outside the output folder (e.g. through a symlink inside it)."""
        root = getattr(self, "out_root", None)
        if root is None:
            return
        real = os.path.realpath(target)  # through symlinked folders and a symlinked file alike
        if not real.startswith(root.rstrip(os.sep) + os.sep):
            raise UsageError(f"{target} would be outside the output folder")

    def backup(self, path: Path) -> Path:
        return _export().make_backup(path)

    def file_result(self, res, src, target, in_place: bool, report) -> None:
        written = self.file_output(res, src, target, in_place)
        if report and res.entry is not None:
            if written is not None:
                res.entry["output"] = written
            report.add(res.entry)

    def file_output(self, res, src, target, in_place: bool) -> str | None:
        """Report, count and write one file's result; the path written, if any."""
        if res.status == "skipped":
            self.totals.skipped += 1
            self.note(f"{src.display} skipped: {res.message}")
            return None
        if res.status == "failed":
            self.fail(src.display, res.message, res.detail, in_report=False)
            return None
        t = self.totals
        if res.replaced:
            from desktop_app.core.batch import replaced_warning

            self.warn(f"{src.display}: {replaced_warning(res.encoding, res.replaced)}"
                      + ("" if self.is_check or self.args.encoding else "; try --encoding CODEC"))
        t.documents += 1
        t.changed += res.changed
        t.applied += res.applied
        t.proposed += res.proposed
        t.notices += res.notices
        t.bytes += res.size
        if self.is_check:
            if not self.args.json:
                from desktop_app.core.report import format_entry

                for line in format_entry(res.entry):
                    _out_line(line)
            return None
        if target == "stdout":
            try:
                data = res.text.encode("utf-8")
            except UnicodeEncodeError as exc:
                self.write_failed(res, src, f"cannot write: the text holds an unpaired surrogate ({exc.reason})")
                return None
            buf = getattr(sys.stdout, "buffer", None)
            if buf is not None:
                sys.stdout.flush()
                buf.write(data)
                buf.flush()
            else:
                sys.stdout.write(res.text)
            return None
        if in_place and (res.same_bytes or not res.changed):
            return None  # nothing to change: the file is left as it is (no re-encoding, no backup)
        if in_place and res.replaced and not getattr(self.args, "force", False):
            self.write_failed(res, src, "not overwritten: the cleaned text would lose the undecodable bytes "
                                        "(give the right --encoding, or --force to overwrite anyway)")
            return None
        if isinstance(target, StreamTarget):
            try:
                with open(target.path, "wb") as f:
                    f.write(res.text.encode("utf-8"))
                t.written += 1
                return target.path
            except UnicodeEncodeError as exc:
                self.write_failed(res, src, f"cannot write: the text holds an unpaired surrogate ({exc.reason})")
            except OSError as exc:
                self.write_failed(res, src, f"cannot write {target.path}: {_write_reason(exc)}")
            return None
        atomic_write_text = _export().atomic_write_text
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.check_inside(target)
            if in_place:
                self.backup(target)
            atomic_write_text(target, res.text, encoding="utf-8", newline="\n")
            t.written += 1
            return str(target)
        except UsageError as exc:
            self.write_failed(res, src, str(exc))
        except UnicodeEncodeError as exc:
            self.write_failed(res, src, f"cannot write {target}: the text holds an unpaired surrogate ({exc.reason})")
        except OSError as exc:  # export's ExportError already names the file and says why
            reason = str(exc) if type(exc).__name__ == "ExportError" else f"cannot write {target}: {_write_reason(exc)}"
            self.write_failed(res, src, reason)
        return None

    def write_failed(self, res, src, reason: str) -> None:
        """The text was cleaned but not written: the report entry keeps its edits and says why."""
        self.totals.documents -= 1  # counted as failed, not as cleaned
        self.totals.changed -= res.changed
        self.totals.applied -= res.applied
        self.fail(src.display, reason, in_report=False)
        if res.entry is not None:
            res.entry.update(status="failed", error=reason)


    def summary(self, seconds: float) -> None:
        t = self.totals
        mb = t.bytes / 1e6
        verb = "checked" if self.is_check else "cleaned"
        unit = "records" if self.args.format == "jsonl" else "files"
        parts = [f"{t.documents} {unit} {verb} ({mb:.1f} MB in {seconds:.1f} s)",
                 f"{t.applied} edits applied" if not self.is_check else f"{t.applied} edits to apply",
                 f"{t.proposed} left for review", f"{t.notices} notices" if t.notices else ""]
        if t.skipped:
            parts.append(f"{t.skipped} skipped")
        if self.failures:
            parts.append(f"{self.failures} failed{_log_hint(self.log_path)}")
        message = ", ".join(p for p in parts if p)
        log.info("%s", message)
        if not self.args.quiet:
            _err(message)


def _export():
    """desktop_app.core.export (atomic writes, backups); imported when the first file is written."""
    from desktop_app.core import export

    return export


@dataclass(frozen=True)
class StreamTarget:
    """An output that is written to as it is (a FIFO, /dev/stdout, a terminal), never replaced."""

    path: str

    def __str__(self) -> str:
        return self.path


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest existing ancestor of `folder` (or itself) when it is not a folder, else None."""
    p = folder
    while True:
        if p.exists() or p.is_symlink():
            return None if p.is_dir() else p
        if p.parent == p:
            return None
        p = p.parent


class _StdoutStream:
    """Standard output, or an opened special file (`raw`), written as a stream of UTF-8."""

    def __init__(self, raw: IO[bytes] | None = None) -> None:
        self.raw = raw

    def write(self, s: str) -> None:
        if self.raw is not None:
            try:
                self.raw.write(s.encode("utf-8", "surrogateescape"))
            except UnicodeEncodeError:
                self.raw.write(s.encode("utf-8", "backslashreplace"))
            return
        buf = getattr(sys.stdout, "buffer", None)
        if buf is not None:
            sys.stdout.flush()
            try:
                data = s.encode("utf-8", "surrogateescape")  # undecodable JSONL lines: their own bytes
            except UnicodeEncodeError:
                data = s.encode("utf-8", "backslashreplace")
            buf.write(data)
        else:
            sys.stdout.write(s)

    def flush(self) -> None:
        if self.raw is not None:
            self.raw.flush()
            return
        sys.stdout.flush()
        buf = getattr(sys.stdout, "buffer", None)
        if buf is not None:
            buf.flush()

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()
        else:
            self.flush()

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.close()


def _out_line(line: str) -> None:
    try:
        print(line)
    except UnicodeEncodeError:
        print(line.encode("ascii", "backslashreplace").decode("ascii"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
