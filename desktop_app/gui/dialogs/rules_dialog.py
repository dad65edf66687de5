"""The rules dialog: switch rules on and off, set thresholds, add the user's own boilerplate.

It edits a `Profile` and can save it as the same TOML file that `scrubtext clean --profile` reads.
Usage::

    dlg = RulesDialog(profile, parent)
    if dlg.exec():
        profile = dlg.result_profile()
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.export import ExportError, atomic_write_text
from desktop_app.core.profiles import (
    CATEGORIES,
    Profile,
    ProfileError,
    _frozen_map,
    default_profile,
    load_profile,
    profile_to_toml,
)
from desktop_app.core.rules import Rule, load_all
from desktop_app.gui.dialogs._common import error_color, ok_color

# Item data roles in the rules tree.
_KIND = Qt.ItemDataRole.UserRole
_ID = Qt.ItemDataRole.UserRole + 1
_SAME = -0.01  # the per-category spin box's "same as the general threshold" value


def pattern_problem(pattern: str) -> str | None:
    """Why a user pattern is unusable, or None; the boilerplate engine's own check when present."""
    try:
        from desktop_app.core.boilerplate import validate_pattern
    except ImportError:  # pragma: no cover - the engine ships validate_pattern; keep a plain check
        import regex

        try:
            regex.compile(pattern, regex.V1)
        except regex.error as exc:
            return str(exc)
        return None
    return validate_pattern(pattern)


def _catalogue(text: str) -> str:
    """A rule's summary or sub-rule description in the UI language (scripts/build_translations.py
    puts the registry's texts in the "RuleCatalogue" context; untranslated ones stay English)."""
    return QCoreApplication.translate("RuleCatalogue", text)


def _show_ws(s: str) -> str:
    """An example string with its invisible characters made visible."""
    return (s.replace(" ", "·").replace("\t", "→").replace("\u3000", "□").replace("\u200b", "⟨ZWSP⟩")
            .replace("\n", "↵\n"))


class RulesDialog(QDialog):
    """Edit which rules run, their thresholds and the user's boilerplate; save/load as TOML."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rules and Profile"))
        self.setObjectName("RulesDialog")
        self._base = profile
        self._rules = dict(sorted(load_all().items(), key=lambda kv: (kv[1].order, kv[0])))
        self._pattern_errors: list[tuple[int, str]] = []

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Profile name"))
        head = QFormLayout()
        head.addRow(self.tr("Profile &name:"), self.name_edit)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_rules_tab(), self.tr("&Rules"))
        self.tabs.addTab(self._build_thresholds_tab(), self.tr("&Thresholds"))
        self.tabs.addTab(self._build_boilerplate_tab(), self.tr("Your &boilerplate"))

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.load_button = self.buttons.addButton(self.tr("&Load…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = self.buttons.addButton(self.tr("&Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.load_button.setToolTip(self.tr("Read a profile TOML file"))
        self.save_button.setToolTip(self.tr("Write these settings as a profile TOML file, "
                                            "usable with “scrubtext clean --profile FILE”"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.set_profile(default_profile()))
        self.load_button.clicked.connect(self._on_load)
        self.save_button.clicked.connect(self._on_save)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(150)
        self._validate_timer.timeout.connect(self.validate_patterns)
        self.patterns_edit.textChanged.connect(self._validate_timer.start)

        self.set_profile(profile)
        self.resize(820, 640)

    # --- construction ----------------------------------------------------------------------
    def category_label(self, category: str) -> str:
        labels = {
            "encoding": self.tr("Encoding (mojibake, broken characters)"),
            "boilerplate": self.tr("Boilerplate (navigation, share buttons, footers)"),
            "metadata": self.tr("Metadata (bylines, credits, timestamps)"),
            "duplicate": self.tr("Duplicates (repeated lines and paragraphs)"),
            "spacing": self.tr("Spacing (blank lines, trailing and invisible characters)"),
            "notice": self.tr("Notices (reported, never changed)"),
        }
        return labels.get(category, category)

    def _build_rules_tab(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Rule"), self.tr("What it catches")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self._category_items: dict[str, QTreeWidgetItem] = {}
        self._rule_items: dict[str, QTreeWidgetItem] = {}
        by_cat: dict[str, list[Rule]] = {}
        for r in self._rules.values():
            by_cat.setdefault(r.category, []).append(r)
        cats = list(CATEGORIES) + sorted(set(by_cat) - set(CATEGORIES))
        bold = QFont(self.font())
        bold.setBold(True)
        for cat in cats:
            citem = QTreeWidgetItem([self.category_label(cat), ""])
            citem.setData(0, _KIND, "category")
            citem.setData(0, _ID, cat)
            citem.setFont(0, bold)
            citem.setFlags(citem.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            if not by_cat.get(cat):
                citem.setText(1, self.tr("(no rules installed)"))
            self.tree.addTopLevelItem(citem)
            citem.setFirstColumnSpanned(bool(by_cat.get(cat)))  # the long label may use the whole row
            self._category_items[cat] = citem
            for r in by_cat.get(cat, []):
                summary = _catalogue(r.summary)
                ritem = QTreeWidgetItem([r.id, summary])
                ritem.setData(0, _KIND, "rule")
                ritem.setData(0, _ID, r.id)
                ritem.setToolTip(1, summary)
                ritem.setFlags(ritem.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                citem.addChild(ritem)
                self._rule_items[r.id] = ritem
                for sub_id, desc in r.sub_rules.items():
                    desc = _catalogue(desc)
                    sitem = QTreeWidgetItem([sub_id, desc])
                    sitem.setData(0, _KIND, "sub")
                    sitem.setData(0, _ID, sub_id)
                    sitem.setToolTip(1, desc)
                    sitem.setFlags(sitem.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    ritem.addChild(sitem)
                    self._rule_items[sub_id] = sitem
        self.tree.expandToDepth(0)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(self._show_details)

        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(self.tr("Select a rule to see what it does and an example."))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([300, 170])
        return split

    def _build_thresholds_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        intro = QLabel(self.tr("Edits whose confidence reaches the threshold are applied automatically by "
                               "“scrubtext clean” and pre-accepted in the window; the others are only "
                               "proposed for review."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.apply_spin = QDoubleSpinBox()
        self.apply_spin.setRange(0.0, 1.0)
        self.apply_spin.setSingleStep(0.05)
        self.apply_spin.setDecimals(2)
        self.apply_spin.valueChanged.connect(self._update_same_text)
        form.addRow(self.tr("&Apply from confidence:"), self.apply_spin)
        self.category_spins: dict[str, QDoubleSpinBox] = {}
        for cat in CATEGORIES:
            if cat == "notice":
                continue  # notices change nothing, so they have no threshold
            spin = QDoubleSpinBox()
            spin.setRange(_SAME, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            self.category_spins[cat] = spin
            form.addRow(self.category_label(cat) + ":", spin)
        return page

    def _build_boilerplate_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel(self.tr("Your own boilerplate &phrases, one per line (a line of the text that "
                                     "equals one of them, ignoring case and width, is removed):")))
        self.phrases_edit = QPlainTextEdit()
        self.phrases_edit.setPlaceholderText(self.tr("Subscribe to our newsletter\nこの記事をシェアする"))
        lay.addWidget(self.phrases_edit, 1)
        lay.itemAt(0).widget().setBuddy(self.phrases_edit)
        label = QLabel(self.tr("Regular &expressions, one per line (a line that matches is removed):"))
        lay.addWidget(label)
        self.patterns_edit = QPlainTextEdit()
        self.patterns_edit.setPlaceholderText("^Photo: .*$\n^関連記事[:：]")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.patterns_edit.setFont(mono)
        label.setBuddy(self.patterns_edit)
        lay.addWidget(self.patterns_edit, 1)
        self.pattern_error_label = QLabel()
        self.pattern_error_label.setObjectName("patternErrors")
        self.pattern_error_label.setWordWrap(True)
        self.pattern_error_label.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.pattern_error_label)
        self.drop_title_check = QCheckBox(self.tr("Also remove the article's &title line (body text only)"))
        lay.addWidget(self.drop_title_check)
        return page

    # --- profile <-> widgets ---------------------------------------------------------------
    def set_profile(self, profile: Profile) -> None:
        """Show `profile` in the widgets (rules, thresholds, phrases, patterns)."""
        self._base = profile
        self.name_edit.setText(profile.name)
        self.tree.blockSignals(True)
        for cat, item in self._category_items.items():
            item.setCheckState(0, Qt.CheckState.Unchecked if cat in profile.disabled_categories
                               else Qt.CheckState.Checked)
        for rid, item in self._rule_items.items():
            parent = item.parent()
            # A sub-rule's box shows its own switch: its rule being off greys it out instead, so
            # switching the rule back on restores the sub-rules as they were.
            own = parent.data(0, _ID) if item.data(0, _KIND) == "sub" and parent is not None else None
            off = any((rid == d or rid.startswith(d + ".")) and d != own and not (own or "").startswith(d + ".")
                      for d in profile.disabled_rules)
            item.setCheckState(0, Qt.CheckState.Unchecked if off else Qt.CheckState.Checked)
        self.tree.blockSignals(False)
        self._sync_enabled()
        self.apply_spin.setValue(profile.apply_threshold)
        for cat, spin in self.category_spins.items():
            spin.setValue(float(profile.thresholds[cat]) if cat in profile.thresholds else _SAME)
        self._update_same_text()
        self.phrases_edit.setPlainText("\n".join(profile.phrases))
        self.patterns_edit.setPlainText("\n".join(profile.patterns))
        self.drop_title_check.setChecked(profile.drop_title)
        self.validate_patterns()

    def result_profile(self) -> Profile:
        """The profile the widgets describe (options the dialog does not edit are kept)."""
        disabled_c = frozenset(cat for cat, item in self._category_items.items()
                               if item.checkState(0) != Qt.CheckState.Checked)
        known = set(self._rule_items)
        # Disabled ids the registry does not know (a rule from a newer version) are kept as they were.
        disabled_r = {d for d in self._base.disabled_rules
                      if d not in known and not any(k.startswith(d + ".") for k in known)}
        for rid, item in self._rule_items.items():
            if item.checkState(0) != Qt.CheckState.Checked:
                parent = item.parent()
                # A sub-rule under a disabled rule is covered by the rule's own id.
                if item.data(0, _KIND) == "sub" and parent is not None and \
                        parent.checkState(0) != Qt.CheckState.Checked:
                    continue
                disabled_r.add(rid)
        general = round(self.apply_spin.value(), 4)
        builtin = default_profile().thresholds
        thresholds: dict[str, float] = {}
        for cat, spin in self.category_spins.items():
            if spin.value() > _SAME / 2:
                thresholds[cat] = round(spin.value(), 4)
            elif cat in builtin:
                # Profiles load over the built-in default; "same as general" must be written
                # explicitly or the default's own override would come back.
                thresholds[cat] = general
        # Categories the dialog does not show (notice) keep what they had.
        for cat, v in self._base.thresholds.items():
            if cat not in self.category_spins:
                thresholds[cat] = float(v)
        return Profile(
            name=self.name_edit.text().strip() or "custom",
            apply_threshold=general,
            thresholds=_frozen_map(thresholds),
            disabled_categories=disabled_c,
            disabled_rules=frozenset(disabled_r),
            phrases=tuple(line.strip() for line in self.phrases_edit.toPlainText().splitlines() if line.strip()),
            patterns=tuple(line for line in self.patterns_edit.toPlainText().splitlines() if line.strip()),
            drop_title=self.drop_title_check.isChecked(),
            options=self._base.options,
        )

    # --- validation ------------------------------------------------------------------------
    def validate_patterns(self) -> bool:
        """Check every pattern line; show problems inline and mark the lines. True when all are fine."""
        self._validate_timer.stop()
        errors: list[tuple[int, str]] = []
        for n, line in enumerate(self.patterns_edit.toPlainText().split("\n")):
            if line.strip():
                problem = pattern_problem(line)
                if problem:
                    errors.append((n, problem))
        self._pattern_errors = errors
        color = error_color(self)
        selections = []
        doc = self.patterns_edit.document()
        for n, _ in errors:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(color)
            bg = QColor(color)
            bg.setAlpha(40)
            fmt.setBackground(bg)
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.format = fmt
            cursor = QTextCursor(doc.findBlockByNumber(n))
            cursor.select(QTextCursor.SelectionType.LineUnderCursor)
            sel.cursor = cursor
            selections.append(sel)
        self.patterns_edit.setExtraSelections(selections)
        if errors:
            rows = "<br>".join(self.tr("Line {0}: {1}").format(n + 1, escape(msg)) for n, msg in errors[:8])
            if len(errors) > 8:
                rows += "<br>" + self.tr("… and {0} more").format(len(errors) - 8)
            self.pattern_error_label.setText(f'<span style="color:{color.name()}">{rows}</span>')
            self.pattern_error_label.setToolTip("")
        else:
            self.pattern_error_label.setText("")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not errors)
        self.save_button.setEnabled(not errors)
        ok.setToolTip(self.tr("Fix the regular expressions marked in red first") if errors else "")
        return not errors

    def pattern_errors(self) -> list[tuple[int, str]]:
        """(0-based line, message) of each bad pattern, as last validated."""
        return list(self._pattern_errors)

    def accept(self) -> None:
        if self.validate_patterns():
            super().accept()
        else:
            self.tabs.setCurrentIndex(2)
            self.patterns_edit.setFocus()

    # --- files -----------------------------------------------------------------------------
    def save_to(self, path: str | Path) -> bool:
        """Write the current settings as a profile TOML file; False (with a message) on failure."""
        if not self.validate_patterns():
            self._status(self.tr("Fix the regular expressions first."), error=True)
            return False
        path = Path(path)
        text = profile_to_toml(self.result_profile())
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            why = exc.message if isinstance(exc, ExportError) else (exc.strerror or str(exc))
            self._status(self.tr("Could not save {0}: {1}").format(path.name, why), error=True)
            return False
        self._status(self.tr("Saved {0}. Use it with: scrubtext clean --profile \"{1}\"").format(path.name, path))
        return True

    def load_from(self, path: str | Path) -> bool:
        """Read a profile TOML file into the dialog; False (with an inline message) on failure."""
        try:
            profile = load_profile(path)
        except ProfileError as exc:
            self._status(str(exc), error=True)
            return False
        self.set_profile(profile)
        self._status(self.tr("Loaded {0}.").format(Path(path).name))
        return True

    def _on_save(self) -> None:
        settings = QSettings()
        start = str(settings.value("rules_dialog/last_dir", str(Path.home())))
        name = (self.name_edit.text().strip() or "profile") + ".toml"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Profile"), str(Path(start) / name),
                                              self.tr("Profiles (*.toml);;All files (*)"))
        if path:
            if not path.endswith(".toml") and "." not in Path(path).name:
                path += ".toml"
            settings.setValue("rules_dialog/last_dir", str(Path(path).parent))
            self.save_to(path)

    def _on_load(self) -> None:
        settings = QSettings()
        start = str(settings.value("rules_dialog/last_dir", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load Profile"), start,
                                              self.tr("Profiles (*.toml);;All files (*)"))
        if path:
            settings.setValue("rules_dialog/last_dir", str(Path(path).parent))
            self.load_from(path)

    def _status(self, text: str, error: bool = False) -> None:
        color = error_color(self) if error else ok_color(self)
        self.status_label.setText(f'<span style="color:{color.name()}">{escape(text)}</span>')

    # --- reactions -------------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._sync_enabled()

    def _sync_enabled(self) -> None:
        """Grey out rules under a switched-off category, and sub-rules under a switched-off rule."""
        self.tree.blockSignals(True)
        for citem in self._category_items.values():
            cat_on = citem.checkState(0) == Qt.CheckState.Checked
            for i in range(citem.childCount()):
                ritem = citem.child(i)
                ritem.setDisabled(not cat_on)
                rule_on = cat_on and ritem.checkState(0) == Qt.CheckState.Checked
                for j in range(ritem.childCount()):
                    ritem.child(j).setDisabled(not rule_on)
        self.tree.blockSignals(False)

    def _update_same_text(self) -> None:
        text = self.tr("same as general ({0:.2f})").format(self.apply_spin.value())
        for spin in self.category_spins.values():
            spin.setSpecialValueText(text)

    def _show_details(self, item: QTreeWidgetItem | None, _prev=None) -> None:
        if item is None:
            self.details.clear()
            return
        kind, ident = item.data(0, _KIND), item.data(0, _ID)
        if kind == "category":
            self.details.setHtml(f"<b>{escape(self.category_label(ident))}</b>")
            return
        rule = self._rules.get(ident) or self._rules.get(ident.split(".", 1)[0])
        parts = [f"<b>{escape(ident)}</b> — {escape(item.text(1))}"]
        if rule is not None and rule.examples:
            parts.append("<p>" + escape(self.tr("Examples (before → after):")) + "</p>")
            for before, after in rule.examples[:3]:
                parts.append("<pre>" + escape(_show_ws(before)) + "\n→\n" + escape(_show_ws(after)) + "</pre>")
        self.details.setHtml("".join(parts))


def edit_rules(parent: QWidget | None, profile: Profile) -> Profile | None:
    """Run the dialog modally; the edited profile, or None when cancelled."""
    dlg = RulesDialog(profile, parent)
    return dlg.result_profile() if dlg.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["RulesDialog", "edit_rules", "pattern_problem"]
