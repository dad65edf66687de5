"""Start the desktop app: `run_gui(paths)` is what `scrubtext` and `scrubtext FILE…` call."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.core.resources import resource_path

log = logging.getLogger(__name__)

APP_NAME = "Scrubtext"
ORG_NAME = "Scrubtext"
ORG_DOMAIN = "scrubtext.app"

# Fallbacks for Japanese, Chinese and Korean text, in order of preference; the first present wins
# for each script (Qt falls back family by family).
CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic UI",
                "Meiryo", "Noto Sans CJK SC", "Noto Sans CJK KR", "Microsoft YaHei", "WenQuanYi Micro Hei")


def ui_font(base: QFont) -> QFont:
    """The application font with CJK fallbacks appended (so Japanese never renders as tofu)."""
    available = set(QFontDatabase.families())
    families = [base.family()] + [f for f in CJK_FAMILIES if f in available and f != base.family()]
    font = QFont(base)
    font.setFamilies(families)
    return font


#: glibc's malloc serves blocks at least this big from mmap, and gives them back to the system when freed.
MMAP_THRESHOLD = 256 * 1024


def tune_malloc() -> bool:
    """Fix glibc's mmap threshold (Linux only; elsewhere nothing happens). Returns whether it was set.

    By default glibc raises the threshold to the size of the largest block freed (up to 32 MB): after a
    20 MB file's bytes and decoded text are freed, every later block below that size (the chunks put
    into the editor, analysis sections) comes from the heap, which fragments and never shrinks back;
    measured with benchmarks/bench_gui.py, ~25 MB of a 20 MB file's footprint. A fixed threshold keeps
    big blocks out of the heap.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        m_mmap_threshold = -3
        return bool(libc.mallopt(m_mmap_threshold, MMAP_THRESHOLD))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, configured once: names for QSettings, high-DPI, fonts, icon, translations."""
    tune_malloc()
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    else:
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName("scrubtext")
    app.setFont(ui_font(app.font()))
    icon = resource_path("desktop", "scrubtext.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _install_translator(app)
    return app


def _install_translator(app: QApplication) -> None:
    try:
        from desktop_app.gui import i18n
    except ImportError:
        return
    language = QSettings().value("language", None) or os.environ.get("SCRUBTEXT_LANG") or None
    try:
        i18n.install_translator(app, language)
    except Exception as exc:  # noqa: BLE001 - a missing translation must never stop the app
        log.warning("translations not installed: %s", exc)


def run_gui(paths: list[str]) -> int:
    """Open the main window (with `paths`, if any) and run the event loop; returns the exit code."""
    from desktop_app.logs import setup_logging

    setup_logging()  # errors in the app go to the same log file as the command line's
    app = create_application()
    from desktop_app.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.autosave.offer_restore()
    if paths:
        window.open_paths(list(paths))
    if os.environ.get("SCRUBTEXT_SMOKE_TEST"):
        _schedule_smoke_test(app, window)
    code = app.exec()
    # Queued work is dropped; running work (a section of analysis) gets a moment to end cleanly.
    pool = QThreadPool.globalInstance()
    pool.clear()
    pool.waitForDone(5000)
    return code


def _schedule_smoke_test(app: QApplication, window) -> None:
    """SCRUBTEXT_SMOKE_TEST=SECONDS (default 1): quit after that long; exit 1 unless the window showed.

    Used by scripts/ci_package_check.sh to start the packaged GUI headless for a moment.
    """
    from PySide6.QtCore import QTimer

    try:
        seconds = float(os.environ["SCRUBTEXT_SMOKE_TEST"])
    except ValueError:
        seconds = 1.0

    def finish() -> None:
        shown = window.isVisible()
        menus = ", ".join(a.text().replace("&", "") for a in window.menuBar().actions())
        print(f"scrubtext smoke test: main window {'shown' if shown else 'NOT shown'} "
              f"({window.windowTitle()!r}, platform {QGuiApplication.platformName()}; menus: {menus})",
              file=sys.stderr)
        app.exit(0 if shown else 1)

    QTimer.singleShot(int(seconds * 1000), finish)


def main() -> int:
    return run_gui(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
