#!/usr/bin/env bash
# Build Scrubtext's one-directory package with PyInstaller: dist/scrubtext/scrubtext (+ _internal/).
#
#   scripts/build_package.sh [--archive] [PYTHON]
#
# --archive also packs the folder as dist/scrubtext-VERSION-linux-ARCH.tar.gz, the file to publish.
# PYTHON is the interpreter whose environment holds Scrubtext and PyInstaller (default: .venv/bin/python,
# else python3); install them with `pip install -e '.[package]'`. The build uses packaging/scrubtext.spec
# and its own work folder (build/pyinstaller), and replaces dist/scrubtext. It prints the build time and
# the size of the result.
set -euo pipefail
cd "$(dirname "$0")/.."

archive=0
if [ "${1:-}" = "--archive" ]; then archive=1; shift; fi
python="${1:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is not installed for $python: run  $python -m pip install -e '.[package]'" >&2
  exit 1
fi

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/scrubtext.spec
elapsed=$(( $(date +%s) - started ))

size=$(du -sh dist/scrubtext | cut -f1)
files=$(find dist/scrubtext -type f | wc -l)
echo "built dist/scrubtext in ${elapsed} s: ${size}, ${files} files"

if [ "$archive" -eq 1 ]; then
  version="$("$python" -c 'import desktop_app; print(desktop_app.__version__)')"
  tarball="dist/scrubtext-${version}-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$tarball" scrubtext
  echo "packed $tarball: $(du -sh "$tarball" | cut -f1)"
fi
