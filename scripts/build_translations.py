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
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

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


CATALOGUE = "RuleCatalogue"  # context of the rules' summaries and sub-rule descriptions (data, not code)


def registry_strings() -> list[str]:
    """The rule registry's user-visible texts: each rule's summary and its sub-rules' descriptions.

    They are data in desktop_app/core/rules, which lupdate cannot see; the rules dialog shows them
    through QCoreApplication.translate(CATALOGUE, text).
    """
    sys.path.insert(0, str(ROOT))
    from desktop_app.core.rules import load_all

    out: list[str] = []
    for r in sorted(load_all().values(), key=lambda r: (r.order, r.id)):
        for text in (r.summary, *r.sub_rules.values()):
            if text and text not in out:
                out.append(text)
    return out


def _catalogue_translations(ts: Path) -> dict[str, str]:
    if not ts.exists():
        return {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        if ctx.findtext("name") == CATALOGUE:
            return {m.findtext("source"): (m.find("translation").text or "") for m in ctx.iter("message")
                    if m.find("translation") is not None and m.find("translation").get("type") != "unfinished"}
    return {}


def _xml(text: str) -> str:
    return xml_escape(text, {'"': "&quot;", "'": "&apos;"})


def _write_catalogue(ts: Path, translations: dict[str, str]) -> None:
    """Put the registry's texts into `ts` as the CATALOGUE context, keeping known translations.

    Written as text in lupdate's own layout, so that the file does not churn between runs.
    """
    text = ts.read_text(encoding="utf-8")
    text = re.sub(r"<context>\s*<name>" + CATALOGUE + r"</name>.*?</context>\n", "", text, flags=re.S)
    lines = ["<context>", f"    <name>{CATALOGUE}</name>"]
    for source in registry_strings():
        done = translations.get(source)
        lines += ["    <message>", f"        <source>{_xml(source)}</source>",
                  f"        <translation>{_xml(done)}</translation>" if done
                  else '        <translation type="unfinished"></translation>',
                  "    </message>"]
    lines.append("</context>")
    text = text.replace("</TS>", "\n".join(lines) + "\n</TS>")
    ts.write_text(text, encoding="utf-8")


def update(ts: Path) -> None:
    """Re-extract the strings of desktop_app/gui (lupdate) and the rule registry into `ts`,
    keeping its translations."""
    catalogue = _catalogue_translations(ts)  # lupdate -no-obsolete drops what it cannot see
    subprocess.run([tool("lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
                    *map(str, SOURCES), "-ts", str(ts)], check=True)
    _write_catalogue(ts, catalogue)


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
