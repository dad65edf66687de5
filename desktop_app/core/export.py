"""Export: atomic writes and backups, so that a crash or a full disk never costs the user a file.

A write goes to a temporary file in the target's folder, is flushed to disk (fsync), and then
replaces the target in one step (os.replace), so that the target is at every moment either the old
file or the complete new one, even if the process is killed mid-write. The temporary file is removed
when anything fails. An existing target keeps its permission bits; a symlink keeps pointing at the
file it pointed at, which is the one updated.

Backups (`make_backup`) never overwrite an earlier backup: `name.txt.bak`, then `name.txt.bak1`, ...
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = [
    "ExportError",
    "atomic_write_bytes",
    "atomic_write_text",
    "backup_path",
    "make_backup",
]

# Temporary files are named ".<target name>.<random>.tmp" so that leftovers of a killed process are
# recognisable (and hidden on Unix).
_TMP_SUFFIX = ".tmp"


class ExportError(OSError):
    """Writing failed; `str(exc)` is a clear, user-facing message naming the file and the reason."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None, err: int | None = None):
        super().__init__(err if err is not None else 0, message)
        self.message = message
        self.path = None if path is None else Path(path)
        self.errno = err

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # Batch workers send exceptions between processes; OSError's own pickling would mix the fields.
        return (ExportError, (self.message, self.path, self.errno))


def _explain(exc: OSError, path: Path) -> ExportError:
    """An ExportError with a message for the user, for an OSError raised while writing `path`."""
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        msg = f"cannot write {path}: not enough space on the disk (or quota exceeded)"
    elif code in (errno.EACCES, errno.EPERM):
        msg = f"cannot write {path}: permission denied (is the folder {folder} writable?)"
    elif code == errno.EROFS:
        msg = f"cannot write {path}: the folder {folder} is on a read-only file system"
    elif code == errno.ENOENT:
        msg = f"cannot write {path}: the folder {folder} does not exist"
    elif code == errno.EISDIR:
        msg = f"cannot write {path}: it is a folder"
    elif code == errno.ENOTDIR:
        msg = f"cannot write {path}: a part of the path is not a folder"
    elif code == errno.EFBIG:
        msg = f"cannot write {path}: the file is too large for this file system"
    elif code == errno.ENAMETOOLONG:
        msg = f"cannot write {path}: the name is too long"
    else:
        msg = f"cannot write {path}: {exc.strerror or exc}"
    err = ExportError(msg, path, code)
    err.__cause__ = exc
    return err


def _umask() -> int:
    """The process umask, read without changing it (changing it would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _target(path: str | os.PathLike[str]) -> Path:
    """The file to replace: symlinks are followed so that the link survives and its target changes."""
    p = Path(path)
    if p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible or needed on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_owner(path: str, owner: tuple[int, int] | None) -> None:
    """Give a replacement file the owner and group of the file it replaces (when run as root or as a
    member of the group; otherwise the new file is the writer's, as any editor would leave it)."""
    if owner is None or not hasattr(os, "chown"):
        return
    with contextlib.suppress(OSError):
        os.chown(path, *owner)


def special_file_kind(path: str | os.PathLike[str]) -> str | None:
    """What `path` is if it exists and is neither a regular file nor a folder ("a FIFO", "a character
    device", ...); None otherwise. Symbolic links are followed."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    for test, kind in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a regular file"


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically; returns the path written. Raises ExportError.

    The file at `path` is, at every moment, either its previous content or `data` in full.
    """
    target = _target(path)
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder", target, errno.EISDIR)
    kind = special_file_kind(target)
    if kind:  # renaming over it would replace a device node or a FIFO with a regular file
        raise ExportError(f"cannot write {target}: it is {kind}, not a regular file", target)
    folder = target.parent
    owner = None
    try:
        st = os.stat(target)
        mode = stat.S_IMODE(st.st_mode)
        owner = (st.st_uid, st.st_gid)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise _explain(exc, target) from exc
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise _explain(exc, target) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _keep_owner(tmp, owner)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, ExportError):
            raise _explain(exc, target) from exc
        raise
    _fsync_dir(folder)
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8",
                      newline: str | None = "\n", errors: str = "strict") -> Path:
    """Encode `text` and write it atomically (see atomic_write_bytes); returns the path written.

    newline:  what each "\\n" of `text` becomes, as in open(): "\\n" or "" leave the text alone,
              "\\r\\n" writes Windows line ends, None the platform's.
    encoding, errors: as in str.encode ("utf-8-sig" writes a BOM). A character the encoding cannot
              represent raises ExportError naming it, unless `errors` says otherwise.
    """
    if newline is None:
        newline = os.linesep
    if newline not in ("", "\n", "\r", "\r\n"):
        raise ValueError(f"illegal newline value: {newline!r}")
    if newline not in ("", "\n"):
        text = text.replace("\n", newline)
    try:
        data = text.encode(encoding, errors)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end]
        line = exc.object.count("\n", 0, exc.start) + 1
        raise ExportError(f"cannot write {path}: the encoding {encoding} cannot represent {bad!r} "
                          f"(line {line}); choose UTF-8 or another encoding", path) from exc
    except LookupError as exc:
        raise ExportError(f"cannot write {path}: unknown encoding {encoding!r}", path) from exc
    return atomic_write_bytes(path, data)


def backup_path(path: str | os.PathLike[str]) -> Path:
    """The first free backup name for `path`: "name.txt.bak", then "name.txt.bak1", "name.txt.bak2", ..."""
    p = Path(path)
    candidate = p.with_name(p.name + ".bak")
    n = 0
    while os.path.lexists(candidate):
        n += 1
        candidate = p.with_name(f"{p.name}.bak{n}")
    return candidate


def make_backup(path: str | os.PathLike[str]) -> Path:
    """Copy `path` (content, permissions, times) to a new backup file; returns the backup's path.

    Never overwrites an existing backup, even when two processes back up the same file at once: the
    copy is made under a temporary name and then hard-linked to the backup name, which fails if the
    name was taken meanwhile (then the next name is tried). Raises ExportError.
    """
    src = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{src.name}.", suffix=_TMP_SUFFIX, dir=src.parent)
        os.close(fd)
    except OSError as exc:
        raise _explain(exc, src.with_name(src.name + ".bak")) from exc
    try:
        try:
            shutil.copy2(src, tmp)
            with contextlib.suppress(OSError):
                st = os.stat(src)
                _keep_owner(tmp, (st.st_uid, st.st_gid))
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and not src.exists():
                raise ExportError(f"cannot back up {src}: the file does not exist", src, exc.errno) from exc
            raise _explain(exc, src.with_name(src.name + ".bak")) from exc
        for _ in range(1000):
            dest = backup_path(src)
            try:
                os.link(tmp, dest)
            except FileExistsError:
                continue
            except OSError:
                # No hard links here (some network or FAT file systems): an exclusive create still
                # never overwrites an existing backup.
                try:
                    with open(dest, "xb") as out, open(tmp, "rb") as inp:
                        shutil.copyfileobj(inp, out)
                        out.flush()
                        os.fsync(out.fileno())
                    shutil.copystat(tmp, dest)
                except FileExistsError:
                    continue
                except OSError as exc:
                    raise _explain(exc, dest) from exc
            _fsync_dir(src.parent)
            return dest
        raise ExportError(f"cannot back up {src}: too many backups already exist", src)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
