"""The log file: details (tracebacks, skipped files) that the user should not see on the terminal.

Command-line messages stay short ("scrubtext: a.txt: binary file (PNG image)"); everything needed to
diagnose a failure goes to `scrubtext.log` in the user's log directory (platformdirs'
`user_log_dir("scrubtext")`, or `$SCRUBTEXT_LOG_DIR` when set, which tests use). The file rotates at
1 MB and keeps three old files. If the directory cannot be created, logging quietly goes nowhere:
a read-only home must not stop a cleaning run.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOGGER_NAME = "scrubtext"
LOG_FILE_NAME = "scrubtext.log"

_configured_path: Path | None = None


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler that never prints logging's own tracebacks to the terminal."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


def log_dir() -> Path:
    """The folder that holds the log file (not created here)."""
    override = os.environ.get("SCRUBTEXT_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("scrubtext", appauthor=False))


def get_logger(name: str | None = None) -> logging.Logger:
    """The project's logger, or a child of it (`get_logger("cli")` -> "scrubtext.cli")."""
    return logging.getLogger(LOGGER_NAME if not name else f"{LOGGER_NAME}.{name}")


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating log file to the "scrubtext" logger; return its path (None if unavailable).

    Idempotent: a second call with the same directory changes nothing.
    """
    global _configured_path
    path = log_dir() / LOG_FILE_NAME
    logger = get_logger()
    # The modules log under their own names (desktop_app.gui.worker, desktop_app.core.batch): the
    # package's logger gets the same file.
    loggers = (logger, logging.getLogger("desktop_app"))
    if _configured_path == path and logger.handlers:
        return path
    for lg in loggers:
        for handler in list(lg.handlers):
            if getattr(handler, "_scrubtext", False):
                lg.removeHandler(handler)
                handler.close()
        lg.setLevel(level)
        lg.propagate = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                            encoding="utf-8", delay=True)
    except OSError:
        logger.addHandler(logging.NullHandler())
        _configured_path = None
        return None
    handler._scrubtext = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    for lg in loggers:
        lg.addHandler(handler)
    _configured_path = path
    return path
