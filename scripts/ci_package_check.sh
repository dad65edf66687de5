#!/usr/bin/env bash
# Build the one-directory package and check that the built binary works on its own, headless:
#
#   1. `scrubtext --version` prints the version of the sources it was built from;
#   2. `scrubtext clean` on the bundled sample exits 0 and prints the same text as the source tree
#      (proves the bundled resources/ are found, from another working directory);
#   3. the GUI starts offscreen, opens the sample, shows its main window and quits after a moment
#      (SCRUBTEXT_SMOKE_TEST); again in Japanese (menus translated), and on a real X server (Xvfb,
#      xcb plugin) when xvfb-run is available;
#   4. the desktop entry installer shipped in the package installs a valid entry for that binary.
#
#   scripts/ci_package_check.sh [PYTHON]     (default: .venv/bin/python, else python3)
#
# PyInstaller is installed into PYTHON's environment first if it is missing (the `package` extra).
# Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

python="${1:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  "$python" -m pip install -q -e '.[package]'
fi

fail() { echo "PACKAGE CHECK FAILED: $*" >&2; exit 1; }

scripts/build_package.sh "$python"
bin="$root/dist/scrubtext/scrubtext"
[ -x "$bin" ] || fail "no executable at $bin"
sample="$root/resources/samples/scraped-ja-en.txt"

# Run the binary as a user would: another directory, no Python environment, no resource override.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
run() {
  (cd "$scratch" && env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV -u SCRUBTEXT_RESOURCES \
    SCRUBTEXT_DATA_DIR="$scratch/data" SCRUBTEXT_LOG_DIR="$scratch/logs" XDG_CONFIG_HOME="$scratch/config" \
    XDG_DATA_HOME="$scratch/share" XDG_RUNTIME_DIR="$scratch/runtime" PATH=/usr/bin:/bin "$@")
}
mkdir -p "$scratch/runtime" && chmod 700 "$scratch/runtime"

# 1. --version
want_version="scrubtext $("$python" -c 'import desktop_app; print(desktop_app.__version__)')"
got_version="$(run "$bin" --version)" || fail "--version exited non-zero"
[ "$got_version" = "$want_version" ] || fail "--version printed '$got_version', expected '$want_version'"
echo "ok: --version -> $got_version"

# 2. clean the sample
run "$bin" clean -q "$sample" >"$scratch/packaged.txt" || fail "clean exited non-zero"
[ -s "$scratch/packaged.txt" ] || fail "clean printed nothing"
"$python" -m desktop_app clean -q "$sample" >"$scratch/source.txt" || fail "clean from the sources failed"
cmp -s "$scratch/packaged.txt" "$scratch/source.txt" \
  || { diff "$scratch/source.txt" "$scratch/packaged.txt" | head -20 >&2; fail "packaged clean differs from the sources"; }
echo "ok: clean -> $(wc -l <"$scratch/packaged.txt") lines, identical to the source tree's output"

# 3. the GUI, offscreen (and on Xvfb when available)
smoke() {
  local label="$1"; shift
  local out="$scratch/smoke-$label.txt"
  if ! run timeout 120 "$@" env SCRUBTEXT_SMOKE_TEST=2 "$bin" "$sample" >"$out" 2>&1; then
    cat "$out" >&2; fail "GUI ($label) did not start and quit cleanly"
  fi
  grep -q "main window shown" "$out" || { cat "$out" >&2; fail "GUI ($label) did not report its window"; }
  echo "ok: GUI ($label): $(grep 'main window shown' "$out")"
}
smoke offscreen env QT_QPA_PLATFORM=offscreen
# The Japanese UI: our .qm and Qt's own qtbase_ja.qm must both be in the package.
smoke japanese env QT_QPA_PLATFORM=offscreen SCRUBTEXT_LANG=ja
grep -q "menus: ファイル" "$scratch/smoke-japanese.txt" || fail "the packaged GUI did not switch to Japanese"
ls "$root"/dist/scrubtext/_internal/PySide6/Qt/translations/qtbase_ja.qm >/dev/null \
  || fail "Qt's Japanese translation (qtbase_ja.qm) is not in the package"
if command -v xvfb-run >/dev/null 2>&1; then
  smoke xcb xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb
else
  echo "note: xvfb-run not found; GUI checked offscreen only"
fi

# 4. the desktop entry installer shipped in the package
installer="$root/dist/scrubtext/install_desktop_entry.sh"
[ -x "$installer" ] || fail "install_desktop_entry.sh missing from the package"
run "$installer" >/dev/null || fail "install_desktop_entry.sh failed"
entry="$scratch/share/applications/scrubtext.desktop"
grep -qx "Exec=$bin %F" "$entry" || fail "installed entry does not launch $bin: $(grep ^Exec= "$entry")"
grep -q "^MimeType=.*text/plain;" "$entry" || fail "installed entry is not offered for text/plain"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$entry" || fail "installed entry is not valid"
fi
[ -f "$scratch/share/icons/hicolor/256x256/apps/scrubtext.png" ] || fail "icons not installed"
echo "ok: desktop entry installs for $bin"

echo "package check passed: dist/scrubtext is $(du -sh dist/scrubtext | cut -f1) ($(du -sb dist/scrubtext | cut -f1) bytes)"
