"""Autosave of review state, and the offer to restore it after a crash.

Each running window owns a session folder under the user's data directory
(`<data>/autosave/session-<pid>-<time>/`), guarded by a QLockFile. A few seconds after any change the
session is written in the background: one `manifest.json` (documents, encodings, accepted counts,
rejected edits) and one `doc-<n>.txt` per document whose text differs from its file. A clean exit
deletes the folder; a folder whose lock is stale at start-up belongs to a session that crashed, and
the window offers to restore it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.edits import Edit
from desktop_app.gui.worker import run_in_background

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 3000
MANIFEST = "manifest.json"
FORMAT = 1


def autosave_root() -> Path:
    """Where sessions are kept: $SCRUBTEXT_DATA_DIR/autosave, else the platform's user data dir."""
    env = os.environ.get("SCRUBTEXT_DATA_DIR")
    if env:
        return Path(env) / "autosave"
    import platformdirs

    return Path(platformdirs.user_data_dir("Scrubtext", "Scrubtext")) / "autosave"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class SavedDocument:
    """One document of a crashed session, as read back from its manifest."""

    name: str
    path: Path | None
    encoding: str
    text: str | None  # None: the text equals the file's
    rejected: list[Edit]
    accepted: Counter


def write_session(folder: Path, entries: list[dict], texts: dict[str, str]) -> None:
    """Write changed texts, then the manifest (so a manifest never names a half-written text)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        _write_atomic(folder / name, text.encode("utf-8", errors="surrogatepass"))
    keep = {e["text_file"] for e in entries if e.get("text_file")}
    manifest = {"format": FORMAT, "saved": time.time(), "documents": entries}
    _write_atomic(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
    for old in folder.glob("doc-*.txt"):
        if old.name not in keep:
            old.unlink(missing_ok=True)


def read_session(folder: Path) -> list[SavedDocument]:
    """The documents of a saved session (entries that cannot be read are skipped)."""
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    out: list[SavedDocument] = []
    for e in data.get("documents", []):
        try:
            text = None
            if e.get("text_file"):
                text = (folder / e["text_file"]).read_bytes().decode("utf-8", errors="surrogatepass")
            out.append(SavedDocument(
                name=str(e["name"]), path=Path(e["path"]) if e.get("path") else None,
                encoding=str(e.get("encoding") or ""), text=text,
                rejected=[Edit.from_dict(r) for r in e.get("rejected", [])],
                accepted=Counter({str(k): int(v) for k, v in e.get("accepted", {}).items()})))
        except (KeyError, OSError, ValueError, TypeError) as exc:
            log.warning("autosaved document skipped: %s", exc)
    return out


def crashed_sessions(root: Path | None = None) -> list[Path]:
    """Session folders with a manifest whose owner is gone (stale lock), newest first."""
    root = root or autosave_root()
    if not root.is_dir():
        return []
    found = []
    for folder in root.glob("session-*"):
        if not (folder / MANIFEST).is_file():
            continue
        lock = QLockFile(str(folder / "lock"))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):  # nobody holds it: that session ended without cleaning up
            lock.unlock()
            found.append(folder)
    return sorted(found, key=lambda f: (f / MANIFEST).stat().st_mtime, reverse=True)


class AutosaveManager(QObject):
    """Saves the window's review state a few seconds after each change; restores after a crash."""

    saved = Signal()

    def __init__(self, window, root: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.root = root or autosave_root()
        self.folder = self.root / f"session-{os.getpid()}-{int(time.time() * 1000)}"
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._saved_revisions: dict[int, int] = {}
        self._saving = False
        self._again = False
        self.enabled = True

    def schedule(self) -> None:
        if self.enabled and not self._timer.isActive():
            self._timer.start()

    def _ensure_folder(self) -> bool:
        if self._lock is not None:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("autosave disabled: %s", exc)
            self.enabled = False
            return False
        self._lock = QLockFile(str(self.folder / "lock"))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        return True

    def snapshot(self) -> tuple[list[dict], dict[str, str]]:
        """What to write: manifest entries for every open document, texts that changed since last time."""
        entries: list[dict] = []
        texts: dict[str, str] = {}
        for d in self.window.documents.documents:
            if not d.ok or not d.text and not d.original:
                continue
            entry = {"name": d.name, "path": str(d.path) if d.path else None, "encoding": d.encoding,
                     "rejected": [e.to_dict() for e in d.rejected], "accepted": dict(d.accepted),
                     "text_file": None}
            if d.text != d.original or d.path is None:
                name = f"doc-{d.uid}.txt"
                entry["text_file"] = name
                if self._saved_revisions.get(d.uid) != d.revision:
                    texts[name] = d.text
            entries.append(entry)
        return entries, texts

    def has_state(self) -> bool:
        """Whether anything worth restoring exists (a change, a rejection or an acceptance)."""
        return any(d.ok and (d.modified or d.rejected or d.accepted) for d in self.window.documents.documents)

    def save_now(self) -> None:
        """Write the session in the background (a save already running is followed by one more)."""
        if not self.enabled:
            return
        if self._saving:
            self._again = True
            return
        if not self.has_state():
            self._remove_files()
            return
        if not self._ensure_folder():
            return
        entries, texts = self.snapshot()
        revisions = {d.uid: d.revision for d in self.window.documents.documents}
        folder = self.folder
        self._saving = True

        def done(_result) -> None:
            self._saving = False
            self._saved_revisions = revisions
            self.saved.emit()
            if self._again:
                self._again = False
                self.save_now()

        def failed(exc: BaseException, _tb: str) -> None:
            self._saving = False
            log.warning("autosave failed: %s", exc)

        run_in_background(lambda: write_session(folder, entries, texts), done, failed)

    def _remove_files(self) -> None:
        for f in (self.folder / MANIFEST, *self.folder.glob("doc-*.txt")):
            f.unlink(missing_ok=True)

    def finish(self) -> None:
        """A clean exit: nothing to restore next time."""
        self._timer.stop()
        self.enabled = False
        if self._lock is not None:
            self._lock.unlock()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- restore ------------------------------------------------------------------------------
    def offer_restore(self, ask: bool = True) -> int:
        """After a crash: ask whether to restore the last session; returns documents restored."""
        sessions = crashed_sessions(self.root)
        if not sessions:
            return 0
        try:
            saved = read_session(sessions[0])
        except (OSError, ValueError) as exc:
            log.warning("autosave unreadable: %s", exc)
            saved = []
        restored = 0
        if saved:
            answer = QMessageBox.StandardButton.Yes
            if ask:
                answer = QMessageBox.question(
                    self.window, self.tr("Restore Session"),
                    self.tr("Scrubtext did not close properly last time. Restore your review of {0} "
                            "document(s)?").format(len(saved)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                restored = self.window.restore_documents(saved)
        for s in sessions:
            shutil.rmtree(s, ignore_errors=True)
        return restored
