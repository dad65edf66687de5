"""UI language: install Qt translators for Scrubtext's own strings and Qt's standard ones.

The language follows the system unless the user chose one (QSettings key "language", or the
SCRUBTEXT_LANG environment variable for scripts and screenshots). Translations are compiled
`.qm` files in resources/i18n/, built from the `.ts` sources by scripts/build_translations.py.
Call `install_translator(app)` once, before the main window is created.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop_app.core.resources import resource_path

log = logging.getLogger(__name__)

SETTINGS_KEY = "language"  # the key desktop_app.gui.app reads too
ENV_VAR = "SCRUBTEXT_LANG"
#: Languages the UI speaks: code -> the language's own name (for a preferences menu).
LANGUAGES = {"en": "English", "ja": "日本語"}

# Translators installed by install_translator, so that a second call replaces them.
_installed: list[QTranslator] = []


def _code(tag: str | None) -> str | None:
    """"ja_JP", "ja-JP", "JA" -> "ja"; None/"" -> None."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-")[0].strip().lower() or None


def system_language() -> str:
    """The first of the system's UI languages that Scrubtext speaks, else English."""
    for tag in QLocale.system().uiLanguages():
        code = _code(tag)
        if code in LANGUAGES:
            return code
    return "en"


def preferred_language(language: str | None = None) -> str:
    """The language to use: `language`, else $SCRUBTEXT_LANG, else the saved preference, else the system's.

    "system" (or nothing) means "follow the system"; an unsupported language falls back to English.
    """
    for candidate in (language, os.environ.get(ENV_VAR), QSettings().value(SETTINGS_KEY)):
        code = _code(str(candidate)) if candidate else None
        if code and code != "system":
            return code if code in LANGUAGES else "en"
    return system_language()


def save_language(language: str) -> None:
    """Remember the user's choice ("system", "en", "ja"); it applies from the next start."""
    QSettings().setValue(SETTINGS_KEY, language)


def translations_dir() -> str:
    return str(resource_path("i18n"))


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for `language` (see preferred_language); returns the language used.

    Scrubtext's own strings come from resources/i18n/scrubtext_<code>.qm; Qt's standard strings
    (OK, Cancel, the file dialog) from Qt's own qtbase_<code>.qm. A missing file logs a warning
    and leaves that part in English. Calling it again replaces the previous translators.
    """
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    code = preferred_language(language)
    if code == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    ours = QTranslator(app)
    if ours.load(f"scrubtext_{code}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no UI translation for %r in %s (run scripts/build_translations.py)", code,
                    translations_dir())
        return "en"
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(code))
    return code


def saved_language() -> str:
    """The saved preference: "system" (follow the system), or a language code."""
    value = QSettings().value(SETTINGS_KEY)
    code = _code(str(value)) if value else None
    return code if code in LANGUAGES else "system"


def fill_language_menu(menu) -> None:
    """Fill `menu` (a QMenu, e.g. View > Language) with "System" and each language, checkable.

    Choosing one saves it; it applies from the next start (widgets are not re-translated live),
    which the menu's status tip says.
    """
    from PySide6.QtGui import QAction, QActionGroup

    menu.clear()
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = saved_language()
    tip = QCoreApplication.translate("LanguageMenu", "Takes effect when Scrubtext is started again.")
    choices = [("system", QCoreApplication.translate("LanguageMenu", "System Language"))]
    choices += list(LANGUAGES.items())
    for code, label in choices:
        act = QAction(label, menu)
        act.setCheckable(True)
        act.setChecked(code == current)
        act.setData(code)
        act.setStatusTip(tip)
        act.setToolTip(tip)
        act.triggered.connect(lambda _checked=False, c=code: save_language(c))
        group.addAction(act)
        menu.addAction(act)


__all__ = ["ENV_VAR", "LANGUAGES", "SETTINGS_KEY", "fill_language_menu", "install_translator",
           "preferred_language", "save_language", "saved_language", "system_language"]
