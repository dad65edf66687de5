"""Export planning: where each cleaned document goes, and writing them all safely.

The GUI's export dialog produces an `ExportOptions`; the main window turns its documents into
`ExportItem`s. `plan_exports` decides every target path up front (so the user sees collisions and
protected inputs before anything is written) and `export_documents` writes the planned files
atomically, one failure never stopping the others. Qt-free, like the rest of `desktop_app.core`.

Safety rules, in the order they are applied:
  * names come from a pattern such as "{stem}.clean{ext}"; path separators, control characters and
    characters Windows forbids are replaced, so a target is always directly inside the output folder;
  * a target that is one of the inputs is refused unless `overwrite_inputs` is set (the dialog asks
    the user to tick a confirmation);
  * two documents that would get the same name (compared case-insensitively, since macOS and Windows
    file systems are) are a conflict: the later one is skipped, or numbered with `if_exists="rename"`;
  * an existing file that is not an input is replaced, skipped or avoided per `if_exists`.
"""

from __future__ import annotations

import codecs
import json
import string
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.export import ExportError, atomic_write_bytes

# --- options ---------------------------------------------------------------------------------

#: Output encodings offered by the export dialog: (codec name, label). "utf-8-sig" writes a BOM.
EXPORT_ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 with BOM"),
    ("utf-16", "UTF-16 (with BOM)"),
    ("cp932", "Shift_JIS (Windows cp932)"),
    ("euc_jp", "EUC-JP"),
    ("iso2022_jp", "ISO-2022-JP"),
    ("gb18030", "GB18030 (Chinese)"),
    ("big5", "Big5 (Traditional Chinese)"),
    ("cp949", "Korean (cp949)"),
    ("cp1252", "Western (Windows-1252)"),
    ("cp1251", "Cyrillic (Windows-1251)"),
    ("latin-1", "Latin-1 (ISO-8859-1)"),
)

NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
ERROR_POLICIES = ("strict", "replace", "xmlcharrefreplace")
IF_EXISTS = ("replace", "skip", "rename")
PLACEHOLDERS = ("stem", "ext", "name", "n", "encoding")

_FORBIDDEN = set('<>:"/\\|?*')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class ExportOptions:
    """How and where to export. Every option is documented here, with its default.

    output_dir:       folder the files are written to (created if missing).
    scope:            "current" or "all"; which documents the GUI hands over (the plan itself
                      exports whatever items it is given).
    naming:           file-name pattern; placeholders {stem} ("article"), {ext} (".txt"),
                      {name} ("article.txt"), {n} (1-based position) and {encoding} (output codec).
    encoding:         Python codec of the output; "utf-8-sig" writes UTF-8 with a BOM.
    newline:          "lf", "crlf", "cr", or "keep" (the document's own, see ExportItem.newline).
    errors:           characters the encoding cannot represent: "strict" fails that file with a
                      clear reason; "replace" writes "?"; "xmlcharrefreplace" writes "&#12354;".
    overwrite_inputs: allow a target to be one of the input files (the user confirmed it).
    if_exists:        an existing non-input target: "replace" it, "skip" the document, or
                      "rename" (add " (2)", " (3)", … before the extension).
    manifest:         also write a JSONL manifest, one line per document.
    manifest_name:    the manifest's file name inside output_dir.
    """

    output_dir: Path = field(default_factory=Path.cwd)
    scope: str = "current"
    naming: str = "{stem}.clean{ext}"
    encoding: str = "utf-8"
    newline: str = "lf"
    errors: str = "strict"
    overwrite_inputs: bool = False
    if_exists: str = "replace"
    manifest: bool = False
    manifest_name: str = "scrubtext-manifest.jsonl"

    def __post_init__(self) -> None:
        object.__setattr__(self, "output_dir", Path(self.output_dir))
        problems = options_problems(self)
        if problems:
            raise ValueError("; ".join(problems))


def options_problems(o: ExportOptions) -> list[str]:
    """Human-readable problems with `o` (empty when the options are usable)."""
    problems = []
    if o.scope not in ("current", "all"):
        problems.append(f"scope must be 'current' or 'all', not {o.scope!r}")
    err = validate_naming(o.naming)
    if err:
        problems.append(err)
    try:
        codecs.lookup(o.encoding)
    except LookupError:
        problems.append(f"unknown encoding {o.encoding!r}")
    if o.newline not in (*NEWLINES, "keep"):
        problems.append(f"line endings must be one of lf, crlf, cr, keep, not {o.newline!r}")
    if o.errors not in ERROR_POLICIES:
        problems.append(f"errors must be one of {', '.join(ERROR_POLICIES)}, not {o.errors!r}")
    if o.if_exists not in IF_EXISTS:
        problems.append(f"if_exists must be one of {', '.join(IF_EXISTS)}, not {o.if_exists!r}")
    if o.manifest and sanitize_filename(o.manifest_name) != o.manifest_name:
        problems.append(f"manifest name {o.manifest_name!r} is not a plain file name")
    return problems


def naming_problem(pattern: str) -> tuple[str, str] | None:
    """What is wrong with a naming pattern, as (code, detail), or None when it is usable.

    Codes: "empty", "braces" (detail: the parser's message), "placeholder" (detail: the unknown
    placeholder), "folders", "same-name", "format" (a format spec such as {stem:03d} that cannot
    apply; detail: the error). The GUI words each code in the user's language.
    """
    if not pattern.strip():
        return ("empty", "")
    try:
        fields = [f for _, f, spec, conv in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        return ("braces", str(exc))
    for f in fields:
        if f not in PLACEHOLDERS:
            return ("placeholder", "{" + f + "}" if f else "{}")
    if any(sep in pattern for sep in ("/", "\\")):
        return ("folders", "")
    if not ({"stem", "name", "n"} & set(fields)):
        return ("same-name", "")
    try:
        pattern.format(stem="a", ext=".txt", name="a.txt", n=1, encoding="utf-8")
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        return ("format", str(exc))
    return None


def validate_naming(pattern: str) -> str | None:
    """None when `pattern` is a usable naming pattern, else a message saying what is wrong."""
    problem = naming_problem(pattern)
    if problem is None:
        return None
    code, detail = problem
    placeholders = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    return {
        "empty": "The naming pattern is empty.",
        "braces": f"The naming pattern has unbalanced braces ({detail}).",
        "placeholder": f"Unknown placeholder {detail}; use {placeholders}.",
        "folders": "The naming pattern must be a file name, without folders.",
        "same-name": "The naming pattern needs {stem}, {name} or {n}, or every document gets the same name.",
        "format": f"The naming pattern cannot be applied: {detail}.",
    }[code]


# --- items and names -------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportItem:
    """One document to export.

    source:            the file it was loaded from (None for a new, unsaved document).
    name:              its display name, used for naming when there is no source ("article.txt").
    text:              the cleaned text to write.
    detected_encoding: the encoding it was decoded from (for the manifest).
    rules_fired:       rule id -> number of edits applied (for the manifest).
    lines_removed:     lines the accepted edits removed (for the manifest).
    newline:           the document's original line ending ("\\n", "\\r\\n", "\\r"), used by
                       newline="keep"; None keeps the text exactly as it is.
    """

    source: Path | None
    name: str
    text: str
    detected_encoding: str = "utf-8"
    rules_fired: Mapping[str, int] = field(default_factory=dict)
    lines_removed: int = 0
    newline: str | None = None


def sanitize_filename(name: str, fallback: str = "document") -> str:
    """`name` made safe as a single file name on Linux, macOS and Windows.

    Separators, control characters and characters Windows forbids become "_"; leading and
    trailing dots and spaces go (so "..", "." and hidden-file tricks cannot escape the folder);
    reserved Windows device names get a "_" prefix; the result is at most 240 bytes of UTF-8.
    """
    name = unicodedata.normalize("NFC", name)
    out = "".join("_" if (c in _FORBIDDEN or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")) else c
                  for c in name)
    out = out.strip(" .")
    if not out:
        return fallback
    stem = out.split(".", 1)[0]
    if stem.upper() in _WINDOWS_RESERVED:
        out = "_" + out
    # Keep the extension when trimming an over-long name.
    if len(out.encode("utf-8")) > 240:
        p = Path(out)
        ext = p.suffix if len(p.suffix) <= 16 else ""
        stem = out[: len(out) - len(ext)] if ext else out
        while len((stem + ext).encode("utf-8")) > 240:
            stem = stem[:-1]
        out = stem.rstrip(" .") + ext
    return out


def format_name(pattern: str, item: ExportItem, index: int, encoding: str = "utf-8") -> str:
    """The sanitized file name `pattern` gives `item` (index is 0-based)."""
    base = item.source.name if item.source is not None else item.name
    base = base or "document"
    p = Path(base)
    ext = p.suffix if p.suffix and p.stem else ""
    stem = base[: len(base) - len(ext)] if ext else base
    if not ext:
        ext = ".txt"
    name = pattern.format(stem=stem, ext=ext, name=stem + ext, n=index + 1, encoding=encoding)
    return sanitize_filename(name)


# --- plan ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlannedExport:
    """Where one item goes, or why it does not.

    status: "write" (target is free), "replace" (target exists and will be replaced),
            "skip" (not written; reason says why), "conflict" (refused; reason says why).
    reason: the why, in English; `code` says the same for a GUI to word in its own language:
            "outside", "same-name" (`other`: the index of the document with that name),
            "manifest-name", "input", "overwrite-input", "is-folder", "exists", "replace-existing".
    """

    index: int
    item: ExportItem
    target: Path | None
    status: str
    reason: str = ""
    code: str = ""
    other: int | None = None

    @property
    def will_write(self) -> bool:
        return self.status in ("write", "replace")


def _key(p: Path) -> str:
    # Case- and normalization-insensitive, like the file systems of macOS and Windows.
    return unicodedata.normalize("NFC", str(p)).casefold()


def _resolved(p: Path) -> Path:
    try:
        return p.expanduser().resolve()
    except OSError:
        return p.expanduser().absolute()


def _numbered(target: Path, n: int) -> Path:
    return target.with_name(f"{target.stem} ({n}){target.suffix}")


def plan_exports(items: Sequence[ExportItem], options: ExportOptions) -> list[PlannedExport]:
    """Decide the target of every item; nothing is written. See the module docstring for the rules."""
    out_dir = _resolved(options.output_dir)
    inputs = {_key(_resolved(it.source)) for it in items if it.source is not None}
    taken: dict[str, int] = {}
    if options.manifest:
        taken[_key(out_dir / options.manifest_name)] = -1
    plans: list[PlannedExport] = []
    for i, item in enumerate(items):
        name = format_name(options.naming, item, i, options.encoding)
        target = out_dir / name
        # Belt and braces: the sanitized name cannot leave the folder, but check the resolved path.
        if _resolved(target).parent != out_dir:
            plans.append(PlannedExport(i, item, None, "conflict", f"{name!r} would be written outside the folder",
                                       "outside"))
            continue
        key = _key(target)
        if key in taken:
            if options.if_exists == "rename":
                n = 2
                while _key(_numbered(target, n)) in taken or _numbered(target, n).exists():
                    n += 1
                target = _numbered(target, n)
                key = _key(target)
            else:
                other = taken[key]
                what = "the manifest" if other < 0 else f"document {other + 1}"
                plans.append(PlannedExport(i, item, target, "conflict", f"{target.name} is also the name of {what}",
                                           "manifest-name" if other < 0 else "same-name",
                                           None if other < 0 else other))
                continue
        if key in inputs:
            if not options.overwrite_inputs:
                plans.append(PlannedExport(i, item, target, "conflict",
                                           f"{target.name} is an input file; tick the confirmation to overwrite inputs",
                                           "input"))
                continue
            taken[key] = i
            plans.append(PlannedExport(i, item, target, "replace", "overwrites the input file", "overwrite-input"))
            continue
        if target.exists():
            if target.is_dir():
                plans.append(PlannedExport(i, item, target, "conflict", f"{target.name} is a folder", "is-folder"))
                continue
            if options.if_exists == "skip":
                plans.append(PlannedExport(i, item, target, "skip", f"{target.name} already exists", "exists"))
                continue
            if options.if_exists == "rename":
                n = 2
                while _key(_numbered(target, n)) in taken or _numbered(target, n).exists():
                    n += 1
                target = _numbered(target, n)
                taken[_key(target)] = i
                plans.append(PlannedExport(i, item, target, "write"))
                continue
            taken[key] = i
            plans.append(PlannedExport(i, item, target, "replace", f"replaces the existing {target.name}",
                                       "replace-existing"))
            continue
        taken[key] = i
        plans.append(PlannedExport(i, item, target, "write"))
    return plans


# --- writing ---------------------------------------------------------------------------------

@dataclass
class ExportSummary:
    """What an export did.

    written:       paths written, in item order.
    skipped:       (name, reason) of documents deliberately not written (conflicts, cancel, policy).
    failed:        (name, reason) of documents that could not be written (encoding, disk errors).
    manifest_path: the JSONL manifest, when one was written.
    cancelled:     the user cancelled before every document was handled.
    """

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    manifest_path: Path | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


def convert_newlines(text: str, newline: str, original: str | None = None) -> str:
    """`text` with every line ending made `newline` ("lf", "crlf", "cr" or "keep")."""
    if newline == "keep":
        if original is None:
            return text
        want = original
    else:
        want = NEWLINES[newline]
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return unified if want == "\n" else unified.replace("\n", want)


def encode_text(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Encode `text`; an unencodable character raises ValueError naming the character and its place."""
    try:
        return text.encode(encoding, errors)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        line = exc.object.count("\n", 0, exc.start) + 1
        col = exc.start - (exc.object.rfind("\n", 0, exc.start) + 1) + 1
        total = sum(1 for c in text if not _encodable(c, encoding))
        chars = " ".join(f"{c!r} (U+{ord(c):04X})" for c in bad[:3])
        more = f"; {total} characters in all" if total > 1 else ""
        raise ValueError(f"{chars} at line {line}, column {col} cannot be written in {encoding}{more}") from exc


def _encodable(c: str, encoding: str) -> bool:
    try:
        c.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def export_documents(items: Sequence[ExportItem], options: ExportOptions,
                     progress: Callable[[int, int, str], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> ExportSummary:
    """Write every planned item; returns what happened. Never raises for one bad document.

    progress(done, total, name) is called before each document; cancel() is polled between
    documents, and the rest are reported as skipped ("cancelled"). Each file is written atomically
    (temporary file, then rename), so an interrupted export never leaves a half-written file.
    """
    summary = ExportSummary()
    plans = plan_exports(items, options)
    total = len(plans)
    records: list[dict] = []
    try:
        options.output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = f"cannot create the folder {options.output_dir}: {exc.strerror or exc}"
        summary.failed = [(p.item.name, reason) for p in plans]
        return summary
    for k, plan in enumerate(plans):
        label = plan.target.name if plan.target is not None else plan.item.name
        if cancel is not None and cancel():
            summary.cancelled = True
            summary.skipped += [(p.item.name, "cancelled") for p in plans[k:]]
            break
        if progress is not None:
            progress(k, total, label)
        record = {"source": str(plan.item.source) if plan.item.source else None, "name": plan.item.name,
                  "output": str(plan.target) if plan.target else None,
                  "detected_encoding": plan.item.detected_encoding, "output_encoding": options.encoding,
                  "rules_fired": dict(sorted(plan.item.rules_fired.items())),
                  "lines_removed": plan.item.lines_removed}
        if not plan.will_write:
            summary.skipped.append((plan.item.name, plan.reason))
            records.append({**record, "status": "skipped", "reason": plan.reason})
            continue
        assert plan.target is not None
        try:
            text = convert_newlines(plan.item.text, options.newline, plan.item.newline)
            data = encode_text(text, options.encoding, options.errors)
            atomic_write_bytes(plan.target, data)
        except ValueError as exc:
            summary.failed.append((plan.item.name, str(exc)))
            records.append({**record, "status": "failed", "reason": str(exc)})
            continue
        except ExportError as exc:
            summary.failed.append((plan.item.name, exc.message))
            records.append({**record, "status": "failed", "reason": exc.message})
            continue
        except OSError as exc:
            reason = f"cannot write {plan.target.name}: {exc.strerror or exc}"
            summary.failed.append((plan.item.name, reason))
            records.append({**record, "status": "failed", "reason": reason})
            continue
        summary.written.append(plan.target)
        records.append({**record, "status": "written", "bytes": len(data),
                        "lines": text.count("\n") + (1 if text and not text.endswith(("\n", "\r")) else 0)})
    if progress is not None:
        progress(total, total, "")
    if options.manifest and records:
        path = options.output_dir / options.manifest_name
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        try:
            atomic_write_bytes(path, body.encode("utf-8"))
            summary.manifest_path = path
        except OSError as exc:
            why = exc.message if isinstance(exc, ExportError) else (exc.strerror or str(exc))
            summary.failed.append((options.manifest_name, f"cannot write the manifest: {why}"))
    return summary
