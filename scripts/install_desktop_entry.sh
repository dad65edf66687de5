#!/usr/bin/env bash
# Install Scrubtext's desktop entry and icons for the current user (no root needed), so that it appears
# in the application menu and in the "Open with" menu of .txt files (MimeType=text/plain).
#
#   scripts/install_desktop_entry.sh [--exec PATH] [--default] [--uninstall]
#
#   --exec PATH   the scrubtext executable to launch (default: the packaged binary next to this script,
#                 else dist/scrubtext/scrubtext of this checkout, else `scrubtext` on PATH)
#   --default     also make Scrubtext the default application for text/plain (xdg-mime)
#   --uninstall   remove what an earlier run installed
#
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/scrubtext.desktop,
# icons/hicolor/<size>/apps/scrubtext.(png|svg) and metainfo/app.scrubtext.Scrubtext.metainfo.xml. The script works both from a source checkout
# (scripts/) and from the unpacked one-directory build (dist/scrubtext/, where the build copies it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
icons_dir="$data_home/icons/hicolor"
metainfo="$data_home/metainfo/app.scrubtext.Scrubtext.metainfo.xml"
exec_path=""
make_default=0
uninstall=0

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --exec) [ $# -ge 2 ] || { echo "--exec needs a path" >&2; exit 2; }; exec_path="$2"; shift 2 ;;
    --exec=*) exec_path="${1#--exec=}"; shift ;;
    --default) make_default=1; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# Where the desktop files are: a source checkout, or the one-directory build (PyInstaller's _internal/).
src=""
for candidate in "$here/../resources/desktop" "$here/_internal/resources/desktop" "$here/resources/desktop"; do
  if [ -f "$candidate/scrubtext.desktop" ]; then src="$(cd "$candidate" && pwd)"; break; fi
done
if [ -z "$src" ] && [ "$uninstall" -eq 0 ]; then
  echo "cannot find resources/desktop/scrubtext.desktop next to $here" >&2
  exit 1
fi

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps_dir" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons_dir/index.theme" ]; then
    gtk-update-icon-cache -q -t "$icons_dir" 2>/dev/null || true
  fi
}

if [ "$uninstall" -eq 1 ]; then
  rm -f "$apps_dir/scrubtext.desktop"
  rm -f "$icons_dir"/*/apps/scrubtext.png "$icons_dir/scalable/apps/scrubtext.svg" "$metainfo"
  refresh_caches
  echo "removed Scrubtext's desktop entry and icons from $data_home"
  exit 0
fi

if [ -z "$exec_path" ]; then
  for candidate in "$here/scrubtext" "$here/../dist/scrubtext/scrubtext"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ]; then exec_path="$candidate"; break; fi
  done
fi
if [ -z "$exec_path" ]; then
  exec_path="$(command -v scrubtext || true)"
fi
if [ -z "$exec_path" ]; then
  echo "no scrubtext executable found: build it (scripts/build_package.sh), install the package, or pass --exec" >&2
  exit 1
fi
case "$exec_path" in
  /*) ;;
  *) exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")" ;;
esac

# Exec= quoting (Desktop Entry spec, "The Exec key"): inside double quotes, \ " ` $ are escaped with a
# backslash; then, as for every string value, each backslash is written twice.
quoted="$exec_path"
case "$exec_path" in
  *[[:space:]\"\'\\\`\$\<\>\~\|\&\;\*\?\#\(\)]*)
    esc="$(printf '%s' "$exec_path" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')"
    quoted="\"$esc\"" ;;
esac
tryexec="$(printf '%s' "$exec_path" | sed -e 's/\\/\\\\/g')"

mkdir -p "$apps_dir"
tmp="$(mktemp "$apps_dir/.scrubtext.desktop.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    Exec=*) printf 'Exec=%s %%F\n' "$quoted" ;;
    TryExec=*) printf 'TryExec=%s\n' "$tryexec" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$src/scrubtext.desktop" >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$apps_dir/scrubtext.desktop"
trap - EXIT

for png in "$src"/icons/scrubtext-*.png; do
  [ -f "$png" ] || continue
  size="${png##*/scrubtext-}"
  size="${size%.png}"
  mkdir -p "$icons_dir/${size}x${size}/apps"
  install -m 644 "$png" "$icons_dir/${size}x${size}/apps/scrubtext.png"
done
mkdir -p "$icons_dir/scalable/apps"
install -m 644 "$src/scrubtext.svg" "$icons_dir/scalable/apps/scrubtext.svg"
mkdir -p "$(dirname "$metainfo")"
install -m 644 "$src/scrubtext.metainfo.xml" "$metainfo"

refresh_caches
if [ "$make_default" -eq 1 ]; then
  if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default scrubtext.desktop text/plain
  else
    echo "xdg-mime not found: Scrubtext is in 'Open with', but not made the default" >&2
  fi
fi
echo "installed $apps_dir/scrubtext.desktop (Exec: $exec_path)"
echo "Scrubtext is now in the application menu and in 'Open with' for text files."
