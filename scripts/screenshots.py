"""Screenshots of the real app on the bundled sample, for the docs and for looking at the UI.

Starts the main window under a virtual X server (re-runs itself through `xvfb-run -a` when there is no
DISPLAY), opens resources/samples/*.txt (or the files given), waits for the analysis, and saves PNGs
into docs/screenshots/: the main window with highlights, the review panel, the diff view and the rules
dialog (light palette; `--dark` adds dark-palette variants).

Usage: python scripts/screenshots.py [--out docs/screenshots] [--dark] [FILE...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ensure_display() -> None:
    if os.environ.get("DISPLAY") or os.environ.get("SCRUBTEXT_SCREENSHOTS_CHILD"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        sys.exit("no DISPLAY and no xvfb-run: install xvfb (Debian: apt-get install xvfb xauth)")
    env = dict(os.environ, SCRUBTEXT_SCREENSHOTS_CHILD="1")
    cmd = [xvfb, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *sys.argv]
    sys.exit(subprocess.call(cmd, env=env))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--dark", action="store_true", help="also save dark-palette variants")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    _ensure_display()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    # A private settings/data folder: screenshots never depend on (or touch) the user's own state.
    tmp = Path(tempfile.mkdtemp(prefix="scrubtext-shots-"))
    os.environ["SCRUBTEXT_DATA_DIR"] = str(tmp / "data")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.resources import resource_path
    from desktop_app.gui.app import create_application

    app = create_application()
    from desktop_app.gui.main_window import MainWindow

    files = [Path(f) for f in args.files] or sorted(resource_path("samples").glob("*.txt"))
    if not files:
        sys.exit("no sample in resources/samples/ and no FILE given")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(cond, timeout_ms: int = 60_000) -> None:
        waited = 0
        while not cond() and waited < timeout_ms:
            settle(50)
            waited += 50

    def shoot(suffix: str = "") -> list[Path]:
        saved: list[Path] = []
        w = MainWindow()
        w.resize(1400, 900)
        w.show()
        w.open_paths(files)
        wait_for(lambda: w.current is not None and w.current.analysed_revision >= 0 and not w.busy)
        doc = w.current
        if doc.proposals:  # select a proposal so the selected-highlight style shows too
            w._select_index(min(2, len(doc.proposals) - 1))
        settle()

        def save(widget, name: str) -> None:
            path = out / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            saved.append(path)

        save(w, "main-window")
        save(w.review_dock, "review-panel")
        if w.diff_view is not None:
            w.accept_all()  # something to compare
            settle()
            w.tabs.setCurrentWidget(w.diff_view)
            wait_for(lambda: True, 100)
            settle(800)
            save(w, "diff-view")
            w.act_undo.trigger()
            w.tabs.setCurrentIndex(0)
        mod = w._dialogs_module("rules_dialog")
        if mod is not None:
            dlg = mod.RulesDialog(w.profile, w)
            dlg.show()
            settle()
            save(dlg, "rules-dialog")
            dlg.reject()
        for d in w.documents.documents:
            d.saved_revision = d.revision
        w.close()
        return saved

    saved = shoot()
    if args.dark:
        pal = QPalette()
        for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                            (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                            (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                            (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d6fb4"),
                            (QPalette.ColorRole.HighlightedText, "#ffffff")):
            pal.setColor(role, QColor(color))
        QApplication.setStyle("Fusion")
        app.setPalette(pal)
        saved += shoot("-dark")
    for p in saved:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
