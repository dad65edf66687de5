"""Build the UI translations: resources/i18n/*.ts (sources) -> *.qm (what the app loads).

    python scripts/build_translations.py            # compile every .ts to .qm (pyside6-lrelease)
    python scripts/build_translations.py --update   # first re-extract strings from desktop_app/gui
                                                    # into the .ts files (pyside6-lupdate), keeping
                                                    # existing translations
    python scripts/build_translations.py --check    # exit 1 if a committed .qm is out of date

The .qm files are committed next to their .ts sources, so a checkout runs without a build step;
tests/gui/test_i18n.py runs --check's comparison so a stale .qm cannot go unnoticed. Both tools
ship in the PySide6-Essentials wheel. Also prints, per language, how many strings are unfinished.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = [ROOT / "desktop_app" / "gui"]


def tool(name: str) -> str:
    """Path of pyside6-<name> (lupdate, lrelease): next to this Python, on PATH, or in the wheel."""
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / f"pyside6-{name}", exe_dir / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    try:
        import PySide6
    except ImportError:  # pragma: no cover
        pass
    else:
        for candidate in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


def ts_files() -> list[Path]:
    return sorted(I18N.glob("*.ts"))


def update(ts: Path) -> None:
    """Re-extract the strings of desktop_app/gui into `ts`, keeping its translations."""
    subprocess.run([tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
                    *map(str, SOURCES), "-ts", str(ts)], check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def stats(ts: Path) -> tuple[int, int]:
    """(messages, unfinished) in a .ts file."""
    root = ET.parse(ts).getroot()
    total = unfinished = 0
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") in ("vanished", "obsolete"):
            continue
        total += 1
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
            unfinished += 1
    return total, unfinished


def stale(ts: Path) -> bool:
    """Whether the committed .qm differs from what lrelease makes of `ts` now."""
    qm = ts.with_suffix(".qm")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        release(ts, fresh)
        return not qm.exists() or qm.read_bytes() != fresh.read_bytes()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true", help="re-extract strings into the .ts files first")
    ap.add_argument("--check", action="store_true", help="only check that the .qm files are current")
    args = ap.parse_args(argv)
    files = ts_files()
    if not files:
        print(f"no .ts files in {I18N}", file=sys.stderr)
        return 1
    bad = 0
    for ts in files:
        if args.check:
            if stale(ts):
                print(f"{ts.with_suffix('.qm').relative_to(ROOT)} is out of date: run {Path(__file__).name}")
                bad += 1
            continue
        if args.update:
            update(ts)
        release(ts, ts.with_suffix(".qm"))
        total, unfinished = stats(ts)
        print(f"{ts.relative_to(ROOT)}: {total} strings, {unfinished} unfinished -> {ts.with_suffix('.qm').name}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
