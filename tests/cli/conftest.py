"""CLI test helpers: run `scrubtext` in-process (fast) with the log file in tmp_path."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

from desktop_app import logs
from desktop_app.cli import main


@dataclass
class Result:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


class _Stdout(io.TextIOWrapper):
    pass


@pytest.fixture(autouse=True)
def log_dir(tmp_path_factory, monkeypatch):
    d = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("SCRUBTEXT_LOG_DIR", str(d))
    monkeypatch.setattr(logs, "_configured_path", None)
    return d


@pytest.fixture
def run(monkeypatch):
    """run(*args, stdin=b"") -> Result, with binary stdout/stdin like a real process."""

    def _run(*args: str, stdin: bytes = b"") -> Result:
        out = io.BytesIO()
        err = io.StringIO()
        stdout = _Stdout(out, encoding="utf-8", newline="")
        stdin_w = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "stderr", err)
        monkeypatch.setattr(sys, "stdin", stdin_w)
        code = main(list(args))
        stdout.flush()
        return Result(code, out.getvalue(), err.getvalue())

    return _run
