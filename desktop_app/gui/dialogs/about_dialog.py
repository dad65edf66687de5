"""The About box: Scrubtext's version, and the components it ships with, their versions and licences.

Licences are read from the installed packages' own metadata (so the box stays right when a
dependency changes its licence, as chardet did in version 7), with a fallback table for a frozen
build that lacks the metadata.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from html import escape
from importlib import metadata

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

import desktop_app

# Used when a package's metadata is missing (frozen builds).
_FALLBACK_LICENCES = {
    "PySide6-Essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "chardet": "LGPL-2.1-or-later (chardet < 7), 0BSD (chardet ≥ 7)",
    "ftfy": "Apache-2.0",
    "regex": "Apache-2.0",
    "platformdirs": "MIT",
}
_HOMEPAGES = {
    "PySide6-Essentials": "https://pyside.org",
    "chardet": "https://github.com/chardet/chardet",
    "ftfy": "https://github.com/rspeer/python-ftfy",
    "regex": "https://github.com/mrabarnett/mrab-regex",
    "platformdirs": "https://github.com/tox-dev/platformdirs",
}


@dataclass(frozen=True)
class Component:
    """One third-party component shown in the About box."""

    name: str
    version: str
    licence: str
    url: str = ""


def _licence(dist: str) -> str:
    try:
        meta = metadata.metadata(dist)
    except metadata.PackageNotFoundError:
        return _FALLBACK_LICENCES.get(dist, "")
    lic = meta.get("License-Expression") or meta.get("License") or ""
    if not lic or len(lic) > 80:  # some packages put the whole licence text in License
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        lic = ", ".join(classifiers) or _FALLBACK_LICENCES.get(dist, "")
    return lic


def _version(dist: str, module_version: str | None = None) -> str:
    if module_version:
        return module_version
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def components() -> list[Component]:
    """Qt, PySide6 and the Python libraries Scrubtext uses, with versions and licences."""
    import chardet
    import ftfy

    out = [
        Component("Qt", qVersion(), "LGPL-3.0-only", "https://www.qt.io"),
        Component("PySide6", PySide6.__version__, _licence("PySide6-Essentials"), _HOMEPAGES["PySide6-Essentials"]),
        Component("chardet", _version("chardet", getattr(chardet, "__version__", None)), _licence("chardet"),
                  _HOMEPAGES["chardet"]),
        Component("ftfy", _version("ftfy", getattr(ftfy, "__version__", None)), _licence("ftfy"), _HOMEPAGES["ftfy"]),
        Component("regex", _version("regex"), _licence("regex"), _HOMEPAGES["regex"]),
        Component("platformdirs", _version("platformdirs"), _licence("platformdirs"), _HOMEPAGES["platformdirs"]),
    ]
    return out


class AboutDialog(QDialog):
    """Scrubtext's About box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Scrubtext"))
        self.setObjectName("AboutDialog")
        head = QLabel()
        head.setObjectName("aboutHead")
        head.setTextFormat(Qt.TextFormat.RichText)
        tagline = self.tr("Clean scraped text: repair mojibake, strip page furniture and duplicates, "
                          "and review every change.")
        runtime = self.tr("Python {0} on {1}").format(platform.python_version(), platform.system())
        head.setText(f"<h2>Scrubtext {escape(desktop_app.__version__)}</h2>"
                     f"<p>{escape(tagline)}</p><p>{escape(runtime)}</p>")
        head.setWordWrap(True)

        self.browser = QTextBrowser()
        self.browser.setObjectName("aboutComponents")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.components_html())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def components_html(self) -> str:
        rows = "".join(
            f"<tr><td><a href='{escape(c.url)}'>{escape(c.name)}</a></td><td>{escape(c.version)}</td>"
            f"<td>{escape(c.licence)}</td></tr>" for c in components())
        titles = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        head = "<tr>" + "".join(f"<th align='left'>{escape(t)}</th>" for t in titles) + "</tr>"
        lgpl = self.tr("Scrubtext uses Qt and PySide6 under the GNU Lesser General Public License v3: they are "
                       "loaded as separate shared libraries, which you may replace with your own builds. The "
                       "sources are available from qt.io and pyside.org.")
        own = self.tr("Scrubtext itself is released under the MIT licence.")
        return (f"<table cellspacing='0' cellpadding='4' width='100%'>{head}{rows}</table>"
                f"<p>{escape(lgpl)}</p><p>{escape(own)}</p>")


def show_about(parent: QWidget | None) -> None:
    """Show the About box modally."""
    AboutDialog(parent).exec()


__all__ = ["AboutDialog", "Component", "components", "show_about"]
