"""The desktop app's dialogs: rules and profile, reopen with encoding, export, about.

Each module exposes a dialog class and a one-call helper for the main window:
`RulesDialog(profile).result_profile()`, `choose_encoding(parent, data, current)`,
`ExportDialog(parent, n, has_current).options()`, `show_about(parent)`.
"""

from desktop_app.gui.dialogs.about_dialog import AboutDialog, show_about
from desktop_app.gui.dialogs.encoding_dialog import EncodingDialog, choose_encoding
from desktop_app.gui.dialogs.export_dialog import ExportDialog, ask_export_options
from desktop_app.gui.dialogs.rules_dialog import RulesDialog, edit_rules

__all__ = ["AboutDialog", "EncodingDialog", "ExportDialog", "RulesDialog", "ask_export_options",
           "choose_encoding", "edit_rules", "show_about"]
