"""The files that make Scrubtext a desktop app: desktop entry, icons, installer, PyInstaller spec.

The package itself is built and run by scripts/ci_package_check.sh (too slow for the test suite);
these tests check everything that can go wrong without building it.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"
ENTRY = DESKTOP / "scrubtext.desktop"
INSTALLER = ROOT / "scripts" / "install_desktop_entry.sh"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


# --- desktop entry -------------------------------------------------------------------------------

def test_desktop_entry_opens_text_files():
    entry = read_entry(ENTRY)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Scrubtext"
    assert entry["Icon"] == "scrubtext"
    assert entry["Terminal"] == "false"
    # %F: several local files, which `scrubtext FILE...` opens in the app.
    assert entry["Exec"].split() == ["scrubtext", "%F"]
    assert "text/plain" in entry["MimeType"].rstrip(";").split(";")
    assert entry["MimeType"].endswith(";") and entry["Categories"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_describes_this_version():
    import xml.etree.ElementTree as ET

    from desktop_app import __version__

    root = ET.parse(DESKTOP / "scrubtext.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == ENTRY.name
    assert root.findtext("name") == read_entry(ENTRY)["Name"]
    assert "text/plain" in [m.text for m in root.iter("mediatype")]
    versions = [r.get("version") for r in root.iter("release")]
    assert __version__ in versions, f"add a <release version=\"{__version__}\"> to scrubtext.metainfo.xml"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_is_valid():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(DESKTOP / "scrubtext.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- icons ---------------------------------------------------------------------------------------

def test_icon_pngs_exist_in_every_size():
    for size in SIZES:
        assert png_size(DESKTOP / "icons" / f"scrubtext-{size}.png") == (size, size)


def test_icon_pngs_are_rendered_from_the_current_svg(qapp):
    """A PNG that no longer matches the SVG means scripts/build_icons.py was not re-run."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_icons
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    from PySide6.QtGui import QImage

    for size in (48, 256):
        fresh = build_icons.render(size).convertToFormat(QImage.Format.Format_ARGB32)
        stored = QImage(str(DESKTOP / "icons" / f"scrubtext-{size}.png")).convertToFormat(
            QImage.Format.Format_ARGB32)
        assert (stored.width(), stored.height()) == (size, size)
        # Compare channel by channel, with room for antialiasing differences between Qt versions.
        a = bytes(fresh.constBits())
        b = bytes(stored.constBits())
        mean_diff = sum(abs(x - y) for x, y in zip(a, b, strict=True)) / len(a)
        assert mean_diff < 4, f"{size}px icon differs from the SVG (mean {mean_diff:.1f}/255): run build_icons.py"


# --- the user-level installer --------------------------------------------------------------------

def run_installer(data_home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(["bash", str(INSTALLER), *args], capture_output=True, text=True, env=env, timeout=60)


def test_installer_installs_entry_and_icons_then_uninstalls(tmp_path):
    exe = tmp_path / "my apps" / "scrubtext"  # a space: Exec must quote it
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    data = tmp_path / "share"
    result = run_installer(data, "--exec", str(exe))
    assert result.returncode == 0, result.stderr
    installed = data / "applications" / "scrubtext.desktop"
    entry = read_entry(installed)
    assert entry["Exec"] == f'"{exe}" %F'
    assert entry["TryExec"] == str(exe)
    assert entry["MimeType"] == read_entry(ENTRY)["MimeType"]
    for size in SIZES:
        assert png_size(data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "scrubtext.png") == (size, size)
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "scrubtext.svg").read_bytes() == (
        DESKTOP / "scrubtext.svg").read_bytes()
    assert (data / "metainfo" / "app.scrubtext.Scrubtext.metainfo.xml").read_bytes() == (
        DESKTOP / "scrubtext.metainfo.xml").read_bytes()
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert "text/plain=scrubtext.desktop;" in cache  # what "Open with" reads
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    result = run_installer(data, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not installed.exists()
    assert not list((data / "icons").rglob("scrubtext.*"))
    assert not (data / "metainfo" / "app.scrubtext.Scrubtext.metainfo.xml").exists()


def test_installer_escapes_exec_special_characters(tmp_path):
    exe = tmp_path / 'odd "dir" $HOME' / "scrubtext"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    result = run_installer(tmp_path / "share", "--exec", str(exe))
    assert result.returncode == 0, result.stderr
    exec_line = read_entry(tmp_path / "share" / "applications" / "scrubtext.desktop")["Exec"]
    # Desktop Entry spec: quote the argument, backslash-escape " ` $ \ inside, then double every backslash.
    inner = str(exe).replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("\\", "\\\\")
    assert exec_line == f'"{inner}" %F'


def test_installer_refuses_without_an_executable(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    copy = tmp_path / "scripts" / "install_desktop_entry.sh"  # no dist/ and no scrubtext on PATH
    copy.parent.mkdir()
    shutil.copy2(INSTALLER, copy)
    shutil.copytree(DESKTOP, tmp_path / "resources" / "desktop")
    result = subprocess.run(["bash", str(copy)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "no scrubtext executable found" in result.stderr
    assert not (tmp_path / "share" / "applications" / "scrubtext.desktop").exists()


# --- build scripts and spec ----------------------------------------------------------------------

@pytest.mark.parametrize("script", ["build_package.sh", "ci_package_check.sh", "install_desktop_entry.sh"])
def test_shell_scripts_parse_and_are_executable(script):
    path = ROOT / "scripts" / script
    assert os.access(path, os.X_OK), f"{script} is not executable"
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_spec_compiles_and_bundles_resources():
    spec = (ROOT / "packaging" / "scrubtext.spec").read_text(encoding="utf-8")
    compile(spec, "scrubtext.spec", "exec")
    assert '(str(ROOT / "resources"), "resources")' in spec  # found by core/resources.py via _MEIPASS


def test_launcher_runs_the_cli():
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "scrubtext_launcher.py"), "--version"],
                            capture_output=True, text=True, timeout=60)
    from desktop_app import __version__

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"scrubtext {__version__}"


def test_frozen_app_finds_resources_under_meipass(tmp_path, monkeypatch):
    from desktop_app.core import resources

    monkeypatch.delenv("SCRUBTEXT_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_path("desktop", "scrubtext.svg") == tmp_path / "resources" / "desktop" / "scrubtext.svg"
