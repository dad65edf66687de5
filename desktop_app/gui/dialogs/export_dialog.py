"""The export dialog: which documents, where, under which names, in which encoding.

It produces an `ExportOptions` (desktop_app.core.export_plan); the main window builds the
`ExportItem`s and calls `export_documents` in a worker. Choices persist in QSettings between uses,
except the confirmation to overwrite input files, which must be ticked again every time.
Usage::

    dlg = ExportDialog(parent, n_documents=len(docs), has_current=current is not None)
    if dlg.exec():
        options = dlg.options()
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.export_plan import (
    EXPORT_ENCODINGS,
    PLACEHOLDERS,
    ExportItem,
    ExportOptions,
    PlannedExport,
    format_name,
    naming_problem,
    plan_exports,
)
from desktop_app.gui.dialogs._common import error_color

SETTINGS_GROUP = "export"

NAMING_PRESETS = ("{stem}.clean{ext}", "{stem}{ext}", "{stem}-{encoding}{ext}", "{n:03d}-{stem}{ext}")

_NEWLINES = (("lf", QT_TRANSLATE_NOOP("ExportDialog", "LF (Linux, macOS)")),
             ("crlf", QT_TRANSLATE_NOOP("ExportDialog", "CRLF (Windows)")),
             ("keep", QT_TRANSLATE_NOOP("ExportDialog", "Keep each document's own")))
_ERRORS = (("strict", QT_TRANSLATE_NOOP("ExportDialog", "Fail that file and report it")),
           ("replace", QT_TRANSLATE_NOOP("ExportDialog", "Write “?” instead")),
           ("xmlcharrefreplace", QT_TRANSLATE_NOOP("ExportDialog", "Write a numeric reference (&#12354;)")))
_IF_EXISTS = (("replace", QT_TRANSLATE_NOOP("ExportDialog", "Replace it")),
              ("rename", QT_TRANSLATE_NOOP("ExportDialog", "Add a number: name (2).txt")),
              ("skip", QT_TRANSLATE_NOOP("ExportDialog", "Skip that document")))
_ENCODING_LABELS = {
    "utf-8": QT_TRANSLATE_NOOP("ExportDialog", "UTF-8 (recommended)"),
    "utf-8-sig": QT_TRANSLATE_NOOP("ExportDialog", "UTF-8 with BOM (for old Windows programs)"),
    "utf-16": QT_TRANSLATE_NOOP("ExportDialog", "UTF-16 with BOM"),
    "cp932": QT_TRANSLATE_NOOP("ExportDialog", "Japanese (Shift_JIS / cp932)"),
    "euc_jp": QT_TRANSLATE_NOOP("ExportDialog", "Japanese (EUC-JP)"),
    "iso2022_jp": QT_TRANSLATE_NOOP("ExportDialog", "Japanese (ISO-2022-JP)"),
    "gb18030": QT_TRANSLATE_NOOP("ExportDialog", "Chinese Simplified (GB18030)"),
    "big5": QT_TRANSLATE_NOOP("ExportDialog", "Chinese Traditional (Big5)"),
    "cp949": QT_TRANSLATE_NOOP("ExportDialog", "Korean (cp949)"),
    "cp1252": QT_TRANSLATE_NOOP("ExportDialog", "Western (Windows-1252)"),
    "cp1251": QT_TRANSLATE_NOOP("ExportDialog", "Cyrillic (Windows-1251)"),
    "latin-1": QT_TRANSLATE_NOOP("ExportDialog", "Western (ISO-8859-1)"),
}


def _combo(items, current: str, translate) -> QComboBox:
    box = QComboBox()
    for value, label in items:
        box.addItem(translate(label), value)
    i = box.findData(current)
    box.setCurrentIndex(max(i, 0))
    return box


class ExportDialog(QDialog):
    """Collect export options; `options()` gives them as an ExportOptions."""

    def __init__(self, parent: QWidget | None, n_documents: int, has_current: bool, *,
                 sample_name: str | None = None, default_folder: str | Path | None = None,
                 items: Sequence[ExportItem] | None = None, current_index: int | None = None) -> None:
        """`items` (optional: the documents as ExportItems, `current_index` the current one's
        position) lets the dialog show, as options change, what will be written and what is refused."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Cleaned Text"))
        self.setObjectName("ExportDialog")
        self._items = list(items) if items is not None else None
        self._current_index = current_index
        if sample_name is None and self._items:
            it = self._items[current_index if current_index is not None else 0]
            sample_name = it.source.name if it.source is not None else it.name
        self._sample = sample_name or "article.txt"
        s = QSettings()
        s.beginGroup(SETTINGS_GROUP)
        saved = {k: s.value(k) for k in s.childKeys()}
        s.endGroup()
        defaults = ExportOptions(output_dir=Path(default_folder) if default_folder else Path.home())

        # Scope
        self.current_radio = QRadioButton(self.tr("&Current document"))
        self.all_radio = QRadioButton(self.tr("&All open documents ({0})").format(n_documents))
        self._scope_group = QButtonGroup(self)
        self._scope_group.addButton(self.current_radio)
        self._scope_group.addButton(self.all_radio)
        self.current_radio.setEnabled(has_current)
        self.all_radio.setEnabled(n_documents > 0)
        scope = str(saved.get("scope", "current"))
        (self.all_radio if scope == "all" or not has_current else self.current_radio).setChecked(True)
        scope_box = QGroupBox(self.tr("Export"))
        scope_lay = QHBoxLayout(scope_box)
        scope_lay.addWidget(self.current_radio)
        scope_lay.addWidget(self.all_radio)
        scope_lay.addStretch(1)

        # Where and how
        # The last folder used wins over the caller's suggestion (usually the current file's folder).
        self.folder_edit = QLineEdit(str(saved.get("folder") or defaults.output_dir))
        self.folder_edit.setObjectName("folderEdit")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)

        self.naming_combo = QComboBox()
        self.naming_combo.setEditable(True)
        self.naming_combo.addItems(NAMING_PRESETS)
        self.naming_combo.setCurrentText(str(saved.get("naming") or defaults.naming))
        self.naming_combo.setToolTip(self.tr("Placeholders: {stem} file name without extension, {ext} extension, "
                                             "{name} whole file name, {n} position (1, 2, …; {n:03d} gives 001), "
                                             "{encoding} output encoding"))
        self.name_preview = QLabel()
        self.name_preview.setObjectName("namePreview")
        self.name_preview.setTextFormat(Qt.TextFormat.RichText)
        self.name_preview.setWordWrap(True)

        self.encoding_combo = _combo([(c, _ENCODING_LABELS.get(c, lbl)) for c, lbl in EXPORT_ENCODINGS],
                                     str(saved.get("encoding") or defaults.encoding), self.tr)
        self.newline_combo = _combo(_NEWLINES, str(saved.get("newline") or defaults.newline), self.tr)
        self.errors_combo = _combo(_ERRORS, str(saved.get("errors") or defaults.errors), self.tr)
        self.if_exists_combo = _combo(_IF_EXISTS, str(saved.get("if_exists") or defaults.if_exists), self.tr)

        self.overwrite_check = QCheckBox(self.tr("Allow overwriting the &original input files "
                                                 "(they cannot be recovered)"))
        self.overwrite_check.setObjectName("overwriteInputs")
        self.manifest_check = QCheckBox(self.tr("Also write a JSONL &manifest (source, encoding, rules fired, "
                                                "lines removed)"))
        self.manifest_check.setChecked(_as_bool(saved.get("manifest", False)))

        form = QFormLayout()
        folder_label = QLabel(self.tr("Output &folder:"))
        folder_label.setBuddy(self.folder_edit)  # a row whose field is a layout gets no buddy by itself
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("File &names:"), self.naming_combo)
        form.addRow("", self.name_preview)
        form.addRow(self.tr("&Encoding:"), self.encoding_combo)
        form.addRow(self.tr("&Line endings:"), self.newline_combo)
        form.addRow(self.tr("Characters the encoding &lacks:"), self.errors_combo)
        form.addRow(self.tr("If a file &exists:"), self.if_exists_combo)
        form.addRow(self.overwrite_check)
        form.addRow(self.manifest_check)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("E&xport"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.plan_label = QLabel()
        self.plan_label.setObjectName("planSummary")
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_label.setWordWrap(True)
        self.plan_label.setVisible(self._items is not None)

        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addLayout(form)
        layout.addWidget(self.plan_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.naming_combo.editTextChanged.connect(self._update)
        self.folder_edit.textChanged.connect(self._update)
        for combo in (self.encoding_combo, self.newline_combo, self.errors_combo, self.if_exists_combo):
            combo.currentIndexChanged.connect(self._update)
        for box in (self.overwrite_check, self.manifest_check, self.current_radio, self.all_radio):
            box.toggled.connect(self._update)
        self._update()
        self.resize(640, self.sizeHint().height())

    # --- public ----------------------------------------------------------------------------
    def problem(self) -> str | None:
        """What keeps the options from being used (shown inline), or None."""
        naming = naming_problem(self.naming_combo.currentText())
        if naming:
            code, detail = naming
            placeholders = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            return {
                "empty": self.tr("The naming pattern is empty."),
                "braces": self.tr("The naming pattern has unbalanced braces ({0}).").format(detail),
                "placeholder": self.tr("Unknown placeholder {0}; use {1}.").format(detail, placeholders),
                "folders": self.tr("The naming pattern must be a file name, without folders."),
                "same-name": self.tr("The naming pattern needs {stem}, {name} or {n}, "
                                     "or every document gets the same name."),
                "format": self.tr("The naming pattern cannot be applied: {0}.").format(detail),
            }.get(code, code)
        folder = self.folder_edit.text().strip()
        if not folder:
            return self.tr("Choose an output folder.")
        p = Path(folder).expanduser()
        if p.exists() and not p.is_dir():
            return self.tr("{0} is a file, not a folder.").format(p.name)
        return None

    def options(self) -> ExportOptions:
        """The chosen options (raises ValueError if `problem()` is not None)."""
        return ExportOptions(
            output_dir=Path(self.folder_edit.text().strip()).expanduser(),
            scope="all" if self.all_radio.isChecked() else "current",
            naming=self.naming_combo.currentText(),
            encoding=self.encoding_combo.currentData(),
            newline=self.newline_combo.currentData(),
            errors=self.errors_combo.currentData(),
            overwrite_inputs=self.overwrite_check.isChecked(),
            if_exists=self.if_exists_combo.currentData(),
            manifest=self.manifest_check.isChecked(),
        )

    def save_settings(self) -> None:
        """Remember the choices for next time (not the overwrite confirmation)."""
        o = self.options()
        s = QSettings()
        s.beginGroup(SETTINGS_GROUP)
        for key, value in (("scope", o.scope), ("folder", str(o.output_dir)), ("naming", o.naming),
                           ("encoding", o.encoding), ("newline", o.newline), ("errors", o.errors),
                           ("if_exists", o.if_exists), ("manifest", o.manifest)):
            s.setValue(key, value)
        s.endGroup()

    def accept(self) -> None:
        if self.problem() is None:
            self.save_settings()
            super().accept()

    # --- internals -------------------------------------------------------------------------
    def _update(self) -> None:
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        if problem:
            self.name_preview.setText(f'<span style="color:{error_color(self).name()}">{escape(problem)}</span>')
            self.plan_label.setText("")
            return
        sample = ExportItem(source=None, name=self._sample, text="")
        name = format_name(self.naming_combo.currentText(), sample, 0, self.encoding_combo.currentData())
        self.name_preview.setText(self.tr("For example: {0} → {1}").format(escape(self._sample),
                                                                          f"<b>{escape(name)}</b>"))
        self._update_plan()

    def planned(self) -> list[PlannedExport]:
        """What the export would do now with the documents given as `items` (empty without them)."""
        if self._items is None or self.problem() is not None:
            return []
        o = self.options()
        chosen = self._items
        if o.scope == "current" and self._current_index is not None:
            chosen = [self._items[self._current_index]]
        return plan_exports(chosen, o)

    def plan_reason(self, p: PlannedExport) -> str:
        """Why a document is not written, in the UI's language."""
        name = p.target.name if p.target is not None else p.item.name
        words = {
            "outside": self.tr("its name would put it outside the folder"),
            "same-name": self.tr("{0} is also the name of document {1}").format(name, (p.other or 0) + 1),
            "manifest-name": self.tr("{0} is also the name of the manifest").format(name),
            "input": self.tr("{0} is an input file; tick the confirmation to overwrite inputs").format(name),
            "is-folder": self.tr("{0} is a folder").format(name),
            "exists": self.tr("{0} already exists").format(name),
        }
        return words.get(p.code, p.reason)

    def _update_plan(self) -> None:
        if self._items is None:
            return
        plans = self.planned()
        writes = sum(p.status == "write" for p in plans)
        replaces = [p for p in plans if p.status == "replace"]
        refused = [p for p in plans if not p.will_write]
        inputs = [p for p in replaces if p.code == "overwrite-input"]
        parts = [escape(self.tr("{0} file(s) will be written.").format(writes + len(replaces)))]
        if len(replaces) > len(inputs):
            parts.append(escape(self.tr("{0} existing file(s) will be replaced.").format(len(replaces) - len(inputs))))
        red = error_color(self).name()
        if inputs:
            parts.append(f'<span style="color:{red}"><b>'
                         + escape(self.tr("{0} input file(s) will be overwritten.").format(len(inputs)))
                         + "</b></span>")
        if refused:
            reasons = "".join(f"<br>• {escape(p.item.name)}: {escape(self.plan_reason(p))}" for p in refused[:5])
            if len(refused) > 5:
                reasons += "<br>" + escape(self.tr("… and {0} more").format(len(refused) - 5))
            parts.append(f'<span style="color:{red}">'
                         + escape(self.tr("{0} will not be written:").format(len(refused))) + reasons + "</span>")
        self.plan_label.setText(" ".join(parts))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output Folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)


def _as_bool(v) -> bool:
    # QSettings returns "true"/"false" strings on some back ends.
    return v in (True, "true", "1", 1)


def ask_export_options(parent: QWidget | None, n_documents: int, has_current: bool, **kw) -> ExportOptions | None:
    """Run the dialog modally; the options, or None when cancelled."""
    dlg = ExportDialog(parent, n_documents, has_current, **kw)
    return dlg.options() if dlg.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["ExportDialog", "ask_export_options"]
