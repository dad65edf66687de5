"""MainWindow: open documents, review every proposed edit point-and-click, export the result.

Layout: the document list on the left, the text (with highlights) and the diff in tabs in the
middle, the review panel below, the status bar with encoding, counts and progress. All loading,
decoding, analysis and export go through `run_in_background`; a result computed for a revision of a
document that has changed since is dropped.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.corpus import CorpusStats
from desktop_app.core.edits import Edit, Notice
from desktop_app.core.pipeline import analyze_full
from desktop_app.core.profiles import Profile, ProfileError, default_profile, profile_from_dict
from desktop_app.core.resources import resource_path
from desktop_app.gui import document_duplicates
from desktop_app.gui.buffer import DocumentBuffer, prepare_document
from desktop_app.gui.document import (
    STATUS_ANALYSING,
    STATUS_ERROR,
    STATUS_LOADING,
    STATUS_READY,
    Document,
    LoadError,
    load_file,
)
from desktop_app.gui.models import DocumentListModel, ReviewTableModel
from desktop_app.gui.palette import category_swatch
from desktop_app.gui.text_view import TextView
from desktop_app.gui.worker import Task, run_in_background

log = logging.getLogger(__name__)

MAX_RECENT = 12
#: Typing pauses this long before the text is analysed again.
REANALYSE_DELAY_MS = 500
#: Folders dropped or opened contribute at most this many files.
MAX_FOLDER_FILES = 20_000
#: Background tasks started per event-loop turn when many are due at once.
START_BATCH = 64
#: Texts longer than twice this are analysed in paragraph-aligned sections of about this many characters.
SECTION_CHARS = 100_000
#: The section on screen is analysed first, and smaller, so that its highlights come quickly.
FIRST_SECTION_CHARS = 20_000
#: Each section is analysed with about this much text around it, for context (see _run_sections).
CONTEXT_CHARS = 3_000
CATEGORY_ORDER = ("encoding", "boilerplate", "metadata", "duplicate", "spacing")


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files given directly, plus every non-hidden file under the folders given (sorted)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found: list[Path] = []
            try:
                for child in sorted(p.rglob("*")):
                    if any(part.startswith(".") for part in child.relative_to(p).parts):
                        continue
                    if child.is_file():
                        found.append(child)
                        if len(found) >= MAX_FOLDER_FILES:
                            break
            except OSError as exc:  # a symlink loop or an unreadable folder: keep what was found
                log.warning("listing %s stopped: %s", p, exc)
            candidates = found
        else:
            candidates = [p]
        for c in candidates:
            key = c.absolute()
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def split_sections(text: str, lo: int, hi: int, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """Paragraph-aligned pieces covering text[lo:hi] (widened to paragraph boundaries)."""
    return document_duplicates.split_sections(text, lo, hi, size)


def section_context(text: str, a: int, b: int, size: int = CONTEXT_CHARS) -> tuple[int, int]:
    """text[a:b] widened by about `size` characters on each side, to paragraph (else line) boundaries."""
    lo, hi = a, b
    if a > 0:
        p = text.rfind("\n\n", max(0, a - size), max(0, a - size // 4))
        lo = p + 2 if p >= 0 else text.rfind("\n", 0, max(0, a - size // 4)) + 1
    if b < len(text):
        p = text.find("\n\n", min(len(text), b + size // 4), b + size)
        hi = p + 2 if p >= 0 else len(text)
        if p < 0:
            nl = text.find("\n", min(len(text), b + size // 4))
            hi = nl + 1 if nl >= 0 else len(text)
    return min(lo, a), max(hi, b)


def keep_section(edits: list[Edit], notices: list[Notice], a: int, b: int, *,
                 at_end: bool) -> tuple[list[Edit], list[Notice]]:
    """What an analysis of a section with context found inside the section, in section offsets:
    findings starting in [a, b) (at b too for the text's very end), moved by -a."""
    def inside(start: int) -> bool:
        return a <= start < b or (at_end and start == b)

    return ([e.shifted(-a) for e in edits if inside(e.start)],
            [Notice(n.start - a, n.end - a, n.rule, n.category, n.message) for n in notices if inside(n.start)])


def _optional(module: str):
    """Import a GUI module another engineer provides; None while it has not landed."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        log.info("optional module %s unavailable: %s", module, exc)
        return None


def _analyse(text: str, profile: Profile, corpus: CorpusStats | None):
    analysis = analyze_full(text, profile, corpus)
    return analysis.edits, analysis.notices


def _build_corpus(texts: list[str]) -> CorpusStats:
    stats = CorpusStats()
    for t in texts:
        stats.add_document(t)
    return stats


class FindBar(QWidget):
    """A one-line find bar under the text (Ctrl+F, F3 / Shift+F3, Esc)."""

    def __init__(self, view: TextView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in text"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.find_next)
        self.status = QLabel(self)
        prev_btn = QToolButton(self)
        prev_btn.setText(self.tr("Previous"))
        prev_btn.clicked.connect(self.find_previous)
        next_btn = QToolButton(self)
        next_btn.setText(self.tr("Next"))
        next_btn.clicked.connect(self.find_next)
        close_btn = QToolButton(self)
        close_btn.setText("✕")
        close_btn.setToolTip(self.tr("Close (Esc)"))
        close_btn.clicked.connect(self.hide)
        lay.addWidget(QLabel(self.tr("Find:"), self))
        lay.addWidget(self.edit, 1)
        lay.addWidget(prev_btn)
        lay.addWidget(next_btn)
        lay.addWidget(self.status)
        lay.addWidget(close_btn)

    def open(self) -> None:
        self.show()
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.view.setFocus()
            return
        super().keyPressEvent(event)

    def _find(self, backward: bool) -> bool:
        from PySide6.QtGui import QTextDocument

        needle = self.edit.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.view.find(needle, flags)
        if not found:  # wrap around
            cursor = self.view.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
            self.view.setTextCursor(cursor)
            found = self.view.find(needle, flags)
        self.status.setText("" if found else self.tr("Not found"))
        return found

    def find_next(self) -> bool:
        return self._find(False)

    def find_previous(self) -> bool:
        return self._find(True)


class EmptyState(QWidget):
    """What the window shows with no document: two big buttons and a drop hint."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        title = QLabel(self.tr("Clean scraped text"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Drop files or folders here, or open them. Every change is proposed, "
                              "highlighted and explained; nothing is changed until you accept it."), self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(560)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open files…"), self)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(window.open_files_dialog)
        self.sample_button = QPushButton(self.tr("Open the sample"), self)
        self.sample_button.clicked.connect(window.open_sample)
        self.sample_button.setEnabled(bool(window.sample_paths()))
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        lay.addWidget(title)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(hint)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(12)
        lay.addLayout(buttons)
        lay.addStretch(3)


class MessagePage(QWidget):
    """Shown instead of the text for a document that is loading or could not be opened."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addStretch(1)
        lay.addWidget(self.label)
        lay.addStretch(2)

    def show_message(self, text: str) -> None:
        self.label.setText(text)


class MainWindow(QMainWindow):
    """The Scrubtext window."""

    #: A document finished analysis (tests wait on this).
    documentAnalysed = Signal(object)
    #: A section of a big document (or a whole small one) was analysed and its proposals shown.
    sectionAnalysed = Signal(object)
    #: A document finished loading, or failed to (tests wait on this).
    documentLoaded = Signal(object)
    #: Every pending background task of the window is done.
    idle = Signal()
    #: An export finished; carries the summary.
    exportFinished = Signal(object)

    def __init__(self, settings: QSettings | None = None, profile: Profile | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.profile = profile or self._saved_profile() or default_profile()
        self.setWindowTitle("Scrubtext")
        self.setAcceptDrops(True)
        self.resize(1200, 800)

        self.documents = DocumentListModel(self)
        self.buffers: dict[int, DocumentBuffer] = {}
        self.current: Document | None = None
        self.corpus: CorpusStats | None = None
        self._tasks: dict[object, Task] = {}  # key -> running task (load/analysis per document)
        self._progress_done = 0
        self._progress_total = 0
        self._loads_pending = 0
        self._reanalyse: set[int] = set()
        self._reanalyse_timer = QTimer(self)
        self._reanalyse_timer.setSingleShot(True)
        self._reanalyse_timer.setInterval(REANALYSE_DELAY_MS)
        self._reanalyse_timer.timeout.connect(self._run_reanalysis)
        self.undo_group = QUndoGroup(self)
        self._starts: deque = deque()  # background work waiting to be started, a batch per event-loop turn
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._pump_starts)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._show_progress)

        self._dialogs = _optional("desktop_app.gui.dialogs")
        self._diff_module = _optional("desktop_app.gui.diff_view")

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._update_actions()
        self._restore_geometry()

        from desktop_app.gui.autosave import AutosaveManager

        self.autosave = AutosaveManager(self)

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        # Central: empty state / message / tabs (text, changes).
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self)
        self.message = MessagePage(self)
        self.view = TextView(self)
        self.view.setReadOnly(True)
        self.view.proposalClicked.connect(self._on_view_clicked)
        self.view.contextMenuWanted.connect(self._show_context_menu)
        self.find_bar = FindBar(self.view, self)
        self.find_bar.hide()
        text_page = QWidget(self)
        tl = QVBoxLayout(text_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(0)
        tl.addWidget(self.view, 1)
        tl.addWidget(self.find_bar)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(text_page, self.tr("Text"))
        self.diff_view = None
        if self._diff_module is not None and hasattr(self._diff_module, "DiffView"):
            self.diff_view = self._diff_module.DiffView(self)
            self.tabs.addTab(self.diff_view, self.tr("Changes"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)

        # Left: documents.
        self.doc_list = QListView(self)
        self.doc_list.setModel(self.documents)
        self.doc_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.doc_list.setUniformItemSizes(True)
        self.doc_list.setWordWrap(False)
        self.doc_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.doc_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doc_list.customContextMenuRequested.connect(self._doc_list_menu)
        self.doc_list.selectionModel().currentChanged.connect(self._on_doc_selected)
        docs_dock = QDockWidget(self.tr("Documents"), self)
        docs_dock.setObjectName("documents")
        docs_dock.setWidget(self.doc_list)
        docs_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docs_dock)
        self.docs_dock = docs_dock

        # Bottom: the review panel.
        self.review_model = ReviewTableModel(self)
        self.review_table = QTableView(self)
        self.review_table.setModel(self.review_model)
        self.review_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.review_table.setAlternatingRowColors(True)
        self.review_table.setWordWrap(False)
        self.review_table.setShowGrid(False)
        vh = self.review_table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.review_table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        self.review_table.setColumnWidth(0, 200)
        self.review_table.setColumnWidth(1, 380)
        self.review_table.setColumnWidth(2, 90)
        self.review_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.review_table.customContextMenuRequested.connect(self._review_table_menu)
        self.review_table.selectionModel().currentRowChanged.connect(self._on_review_row)
        self.review_table.doubleClicked.connect(lambda _ix: self.view.setFocus())
        review = QWidget(self)
        rl = QVBoxLayout(review)
        rl.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.review_summary = QLabel(self)
        bar.addWidget(self.review_summary, 1)
        self._review_buttons: list[tuple[QPushButton, str]] = []
        rl.addLayout(bar)
        rl.addWidget(self.review_table, 1)
        self.review_bar = bar
        review_dock = QDockWidget(self.tr("Review"), self)
        review_dock.setObjectName("review")
        review_dock.setWidget(review)
        review_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, review_dock)
        self.review_dock = review_dock
        self.resizeDocks([docs_dock], [260], Qt.Orientation.Horizontal)
        self.resizeDocks([review_dock], [230], Qt.Orientation.Vertical)

        # Status bar.
        sb = self.statusBar()
        self.encoding_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_background)
        self.cancel_button.hide()
        self.encoding_button = QToolButton(self)
        self.encoding_button.setAutoRaise(True)
        sb.addPermanentWidget(self.counts_label)
        sb.addPermanentWidget(self.encoding_button)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        self._show_page()

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                act.setShortcuts(shortcut)
            else:
                act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.act_open = self._action(self.tr("&Open…"), self.open_files_dialog, sk.Open,
                                     self.tr("Open text files"))
        self.act_open_folder = self._action(self.tr("Open &Folder…"), self.open_folder_dialog, "Ctrl+Shift+O")
        self.act_sample = self._action(self.tr("Open the &Sample"), self.open_sample)
        self.act_close_doc = self._action(self.tr("&Close Document"), self.close_current, sk.Close)
        self.act_export = self._action(self.tr("&Export…"), lambda: self.export("current"), sk.Save,
                                       self.tr("Write the cleaned text of this document"))
        self.act_export_all = self._action(self.tr("Export &All…"), lambda: self.export("all"), "Ctrl+Shift+S")
        self.act_reopen = self._action(self.tr("Reopen with &Encoding…"), self.reopen_with_encoding, "Ctrl+Shift+E")
        self.act_quit = self._action(self.tr("&Quit"), self.close, sk.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.act_undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(sk.Undo)
        self.act_redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(sk.Redo)
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_find = self._action(self.tr("&Find…"), self.find_bar.open, sk.Find)
        self.act_find_next = self._action(self.tr("Find &Next"), self.find_bar.find_next, sk.FindNext)
        self.act_find_prev = self._action(self.tr("Find Pre&vious"), self.find_bar.find_previous, sk.FindPrevious)

        self.act_accept = self._action(self.tr("&Accept"), self.accept_selected, ["Ctrl+Return", "Ctrl+Enter"],
                                       self.tr("Apply the selected edit (Ctrl+Enter; A in the review list)"))
        self.act_reject = self._action(self.tr("&Reject"), self.reject_selected, "Ctrl+Backspace",
                                       self.tr("Decline the selected edit (Ctrl+Backspace; R in the review list)"))
        self.act_next = self._action(self.tr("&Next Proposal"), lambda: self.step_proposal(1), "F8")
        self.act_prev = self._action(self.tr("&Previous Proposal"), lambda: self.step_proposal(-1), "Shift+F8")
        self.act_accept_doc = self._action(self.tr("Accept All in &Document"), lambda: self.accept_all(),
                                           "Ctrl+Shift+Return")
        self.act_reject_doc = self._action(self.tr("Reject All in Document"), lambda: self.reject_all())
        self.act_accept_confident = self._action(
            self.tr("Accept &Confident Edits"), self.accept_confident,
            tip=self.tr("Accept the edits the profile applies unattended (what `scrubtext clean` does)"))
        self.act_accept_everywhere = self._action(self.tr("Accept All in All Documents"),
                                                  lambda: self.accept_all(everywhere=True))
        self.act_rules = self._action(self.tr("&Rules…"), self.edit_rules, "Ctrl+,")
        self.act_rules.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_about = self._action(self.tr("&About Scrubtext"), self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.view.passthrough_shortcuts = [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"),
                                           QKeySequence("Ctrl+Backspace"), QKeySequence("Ctrl+Shift+Return")]
        self.encoding_button.setDefaultAction(self.act_reopen)
        # In the review list, single keys work too (the text takes letters as typing, so not there).
        for key, slot in (("A", self.accept_selected), ("R", self.reject_selected),
                          ("Return", lambda: self.view.setFocus())):
            sc = QShortcut(QKeySequence(key), self.review_table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

        for act, label in ((self.act_accept, self.tr("Accept")), (self.act_reject, self.tr("Reject")),
                           (self.act_accept_doc, self.tr("Accept all")),
                           (self.act_reject_doc, self.tr("Reject all"))):
            btn = QPushButton(label, self)
            btn.setToolTip(act.toolTip() or act.text().replace("&", ""))
            btn.clicked.connect(act.trigger)
            self.review_bar.addWidget(btn)
            self._review_buttons.append((btn, label))
        self._button_for = {id(a): b for a, (b, _) in zip(
            (self.act_accept, self.act_reject, self.act_accept_doc, self.act_reject_doc),
            self._review_buttons, strict=True)}

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        m.addAction(self.act_open)
        m.addAction(self.act_open_folder)
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m.addAction(self.act_sample)
        m.addSeparator()
        m.addAction(self.act_reopen)
        m.addSeparator()
        m.addAction(self.act_export)
        m.addAction(self.act_export_all)
        m.addSeparator()
        m.addAction(self.act_close_doc)
        m.addAction(self.act_quit)

        m = mb.addMenu(self.tr("&Edit"))
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        m.addAction(self.act_find)
        m.addAction(self.act_find_next)
        m.addAction(self.act_find_prev)

        m = mb.addMenu(self.tr("&Review"))
        m.addAction(self.act_accept)
        m.addAction(self.act_reject)
        m.addAction(self.act_next)
        m.addAction(self.act_prev)
        m.addSeparator()
        self.rule_menu = m.addMenu(self.tr("By Rule or Category"))
        self.rule_menu.aboutToShow.connect(lambda: self._fill_bulk_menu(self.rule_menu, None))
        m.addSeparator()
        m.addAction(self.act_accept_confident)
        m.addAction(self.act_accept_doc)
        m.addAction(self.act_reject_doc)
        m.addAction(self.act_accept_everywhere)

        m = mb.addMenu(self.tr("&View"))
        m.addAction(self.docs_dock.toggleViewAction())
        m.addAction(self.review_dock.toggleViewAction())
        if self.diff_view is not None:
            act = self._action(self.tr("&Changes (Diff)"), lambda: self.tabs.setCurrentIndex(
                1 if self.tabs.currentIndex() == 0 else 0), "Ctrl+D")
            m.addAction(act)

        i18n = _optional("desktop_app.gui.i18n")
        if i18n is not None and hasattr(i18n, "fill_language_menu"):
            m.addSeparator()
            lang = m.addMenu(self.tr("&Language"))
            lang.aboutToShow.connect(lambda: i18n.fill_language_menu(lang))

        m = mb.addMenu(self.tr("&Tools"))
        m.addAction(self.act_rules)

        m = mb.addMenu(self.tr("&Help"))
        m.addAction(self.act_about)

    # ------------------------------------------------------------------ state helpers
    def buffer_for(self, doc: Document) -> DocumentBuffer:
        """The document's buffer (QTextDocument + undo stack), created on first use."""
        buf = self.buffers.get(doc.uid)
        if buf is None:
            buf = DocumentBuffer(doc, self)
            buf.textEdited.connect(self._on_typed)
            buf.reviewChanged.connect(self._on_review_changed)
            self.undo_group.addStack(buf.undo_stack)
            self.buffers[doc.uid] = buf
        return buf

    def selected_edit(self) -> Edit | None:
        doc = self.current
        i = self.view.selected_index
        if doc is None or i is None or not 0 <= i < len(doc.proposals):
            return None
        return doc.proposals[i]

    def selected_edits(self) -> list[Edit]:
        """Edits selected in the review table (several rows), else the one selected in the text."""
        rows = sorted({ix.row() for ix in self.review_table.selectionModel().selectedRows()})
        edits = [e for e in (self.review_model.edit_at(r) for r in rows) if e is not None]
        if len(edits) > 1:
            return edits
        e = self.selected_edit()
        return [e] if e is not None else edits

    def _show_page(self) -> None:
        doc = self.current
        if doc is None:
            self.stack.setCurrentWidget(self.empty if not self.documents.documents else self.message)
            if self.documents.documents:
                self.message.show_message(self.tr("Select a document on the left."))
        elif doc.status == STATUS_ERROR:
            self.message.show_message(self.tr("<b>{0}</b> could not be opened:<br>{1}").format(
                _html(doc.name), _html(doc.error)))
            self.stack.setCurrentWidget(self.message)
        elif doc.status == STATUS_LOADING:
            self.message.show_message(self.tr("Loading {0}…").format(_html(doc.name)))
            self.stack.setCurrentWidget(self.message)
        else:
            self.stack.setCurrentWidget(self.tabs)

    def _update_title(self) -> None:
        doc = self.current
        if doc is None:
            self.setWindowTitle("Scrubtext")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{doc.name}[*] — Scrubtext")
        self.setWindowModified(doc.modified)

    def _update_status(self) -> None:
        doc = self.current
        if doc is None or not doc.ok or doc.status == STATUS_LOADING:
            self.counts_label.setText("")
            self.act_reopen.setText(self.tr("Reopen with &Encoding…"))
            self.encoding_button.setText(self.tr("Encoding"))
            self.review_summary.setText("")
            return
        self.encoding_button.setText(self.tr("{0} ({1:.0%})").format(doc.encoding or "?", doc.confidence))
        self.encoding_button.setToolTip(self.tr("Detected encoding {0}, {1:.0%} sure. Click to reopen with "
                                                "another encoding.").format(doc.encoding, doc.confidence))
        counts = doc.counts()
        total = sum(counts.values())
        if doc.analysed_revision < 0:
            summary = self.tr("Analysing…")
        elif total == 0:
            summary = self.tr("Nothing to review")
        else:
            parts = [f"{counts[c]} {c}" for c in CATEGORY_ORDER if counts.get(c)]
            parts += [f"{n} {c}" for c, n in counts.items() if c not in CATEGORY_ORDER]
            summary = self.tr("{0} to review: {1}").format(total, ", ".join(parts))
        accepted = sum(doc.accepted.values())
        if accepted:
            summary += self.tr(" · {0} accepted").format(accepted)
        if doc.rejected:
            summary += self.tr(" · {0} rejected").format(len(doc.rejected))
        if doc.notices:
            summary += self.tr(" · {0} notices").format(len(doc.notices))
        self.review_summary.setText(summary)
        legend = " ".join(
            f"<span style='color:{category_swatch(c).name()}'>■</span> {c}" for c in CATEGORY_ORDER if counts.get(c))
        self.counts_label.setText(legend)

    def _update_actions(self) -> None:
        doc = self.current
        ready = doc is not None and doc.ok and doc.status != STATUS_LOADING
        has = ready and bool(doc.proposals)
        sel = ready and bool(self.selected_edits())
        for act, enabled in ((self.act_accept, sel), (self.act_reject, sel), (self.act_next, has),
                             (self.act_prev, has), (self.act_accept_doc, has), (self.act_reject_doc, has),
                             (self.act_accept_confident, has), (self.act_close_doc, doc is not None),
                             (self.act_find, ready), (self.act_find_next, ready), (self.act_find_prev, ready)):
            act.setEnabled(bool(enabled))
            btn = self._button_for.get(id(act))
            if btn is not None:
                btn.setEnabled(bool(enabled))
        any_ready = any(d.ok and d.status != STATUS_LOADING for d in self.documents.documents)
        self.act_accept_everywhere.setEnabled(any(d.proposals for d in self.documents.documents))
        dialogs = self._dialogs_module("export_dialog")
        self.act_export.setEnabled(bool(ready and dialogs))
        self.act_export_all.setEnabled(bool(any_ready and dialogs))
        self.act_reopen.setEnabled(bool(ready and doc.path is not None and self._dialogs_module("encoding_dialog")))
        self.act_rules.setEnabled(bool(self._dialogs_module("rules_dialog")))
        self.act_about.setEnabled(bool(self._dialogs_module("about_dialog")))

    def _dialogs_module(self, name: str):
        if self._dialogs is None:
            return None
        mod = getattr(self._dialogs, name, None)
        if mod is None:
            mod = _optional(f"desktop_app.gui.dialogs.{name}")
        return mod

    # ------------------------------------------------------------------ opening
    def sample_paths(self) -> list[Path]:
        folder = resource_path("samples")
        return sorted(folder.glob("*.txt")) if folder.is_dir() else []

    def open_sample(self) -> None:
        paths = self.sample_paths()
        if paths:
            self.open_paths(paths[:1])

    def open_files_dialog(self) -> None:
        start = self.settings.value("lastDir", str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open Text Files"), start,
            self.tr("Text files (*.txt *.text *.md *.csv *.tsv *.html *.htm *.xml *.srt *.log);;All files (*)"))
        if paths:
            self.settings.setValue("lastDir", str(Path(paths[0]).parent))
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        start = self.settings.value("lastDir", str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Folder"), start)
        if folder:
            self.settings.setValue("lastDir", folder)
            self.open_paths([folder])

    def open_paths(self, paths: list[str | Path]) -> list[Document]:
        """Open files and folders (non-blocking): each file appears in the list at once."""
        files = expand_paths(paths)
        already = {d.path.resolve(): d for d in self.documents.documents if d.path is not None}
        new_docs: list[Document] = []
        first_existing = None
        for f in files:
            try:
                key = f.resolve()
            except (OSError, RuntimeError):
                key = f.absolute()
            if key in already:
                first_existing = first_existing or already[key]
                continue
            doc = Document(name=f.name, path=f)
            already[key] = doc
            new_docs.append(doc)
        self.documents.add(new_docs)
        self._add_recent([Path(p) for p in paths if Path(p).exists()])
        for doc in new_docs:
            self._loads_pending += 1
            self._defer(lambda doc=doc: self._load(doc, counted=True))
        target = new_docs[0] if new_docs else first_existing
        if target is not None and (self.current is None or new_docs):
            self.select_document(target)
        self._update_actions()
        return new_docs

    def open_text(self, name: str, text: str) -> Document:
        """Open a text that has no file (used by restore and tests)."""
        from desktop_app.gui.document import Loaded, detect_newline

        doc = Document(name=name)
        self.documents.add([doc])
        doc.set_loaded(Loaded(text.replace("\r\n", "\n"), "utf-8", 1.0, detect_newline(text)))
        self.select_document(doc)
        self._schedule_analysis(doc)
        return doc

    def _defer(self, start) -> None:
        """Start background work soon, a batch per event-loop turn (opening 10,000 files stays smooth)."""
        self._starts.append(start)
        if not self._start_timer.isActive():
            self._start_timer.start()

    def _pump_starts(self) -> None:
        for _ in range(min(len(self._starts), START_BATCH)):
            self._starts.popleft()()
        if self._starts:
            self._start_timer.start()
        self._update_progress()

    def _load(self, doc: Document, encoding: str | None = None, counted: bool = False) -> None:
        if self.documents.row_of(doc) < 0:  # closed before its turn came
            self._loads_pending -= int(counted)
            self._after_load()
            return
        if not counted:
            self._loads_pending += 1
        path = doc.path
        key = ("load", doc.uid)
        self._track(key, run_in_background(
            lambda: load_file(path, encoding),
            lambda loaded, d=doc: self._on_loaded(d, loaded, key),
            lambda exc, _tb, d=doc: self._on_load_failed(d, exc, key),
            priority=2))

    def _on_loaded(self, doc: Document, loaded, key) -> None:
        self._untrack(key)
        self._loads_pending -= 1
        if self.documents.row_of(doc) < 0:  # closed meanwhile
            return
        doc.set_loaded(loaded)
        self._apply_restore(doc)
        buf = self.buffers.get(doc.uid)
        if buf is not None:  # a reload (another encoding): new text, fresh history
            buf.set_text(doc.text)
            buf.undo_stack.clear()
        self.documents.refresh(doc)
        if doc is self.current:
            self._show_document(doc)
            self._prepare_in_background(doc)
        self.documentLoaded.emit(doc)
        self._after_load()

    def _prepare_in_background(self, doc: Document) -> None:
        """A big text shows its first screen at once; the whole QTextDocument is built in a worker
        (quicker, and sized exactly) and swapped in, unless the user changed the text meanwhile."""
        buf = self.buffers.get(doc.uid)
        if buf is None or not buf.hold_fill():
            return
        key = ("prepare", doc.uid)
        text, ui_thread = doc.text, QThread.currentThread()

        def done(qdoc, b=buf) -> None:
            self._untrack(key)
            if shiboken6.isValid(b):
                b.adopt(qdoc)
            elif qdoc is not None:
                qdoc.deleteLater()

        def failed(_exc, _tb, b=buf) -> None:
            self._untrack(key)
            if shiboken6.isValid(b):
                b.resume_fill()

        self._track(key, run_in_background(lambda: prepare_document(text, ui_thread), done, failed, priority=2))

    def _on_load_failed(self, doc: Document, exc: BaseException, key) -> None:
        self._untrack(key)
        self._loads_pending -= 1
        reason = str(exc) if isinstance(exc, LoadError) else f"{type(exc).__name__}: {exc}"
        doc.set_error(reason)
        self.documents.refresh(doc)
        if doc is self.current:
            self._show_document(doc)
        self.statusBar().showMessage(self.tr("Could not open {0}: {1}").format(doc.name, reason), 8000)
        self.documentLoaded.emit(doc)
        self._after_load()

    def _after_load(self) -> None:
        if self._loads_pending > 0:
            return
        docs = [d for d in self.documents.documents if d.ok and d.status != STATUS_LOADING]
        waiting = [d for d in docs if d.analysed_revision < 0]
        if len(docs) >= 2:
            texts = [d.original for d in docs]
            key = ("corpus",)

            def done(stats: CorpusStats) -> None:
                self._untrack(key)
                self.corpus = stats
                for d in waiting:
                    self._defer(lambda d=d: self._schedule_analysis(d) if self.documents.row_of(d) >= 0 else None)

            self._track(key, run_in_background(lambda: _build_corpus(texts), done,
                                               lambda _e, _tb: self._untrack(key), priority=1))
        else:
            self.corpus = None
            for d in waiting:
                self._defer(lambda d=d: self._schedule_analysis(d) if self.documents.row_of(d) >= 0 else None)

    def restore_documents(self, saved) -> int:
        """Reopen autosaved documents: the file again, then the saved text and review state on top."""
        n = 0
        for s in saved:
            if s.path is not None and s.path.exists():
                docs = self.open_paths([s.path])
                if not docs:
                    continue
                docs[0].restore = s
            elif s.text is not None:
                doc = self.open_text(s.name, s.text)
                doc.rejected, doc.accepted = sorted(s.rejected, key=lambda e: (e.start, e.end)), Counter(s.accepted)
            else:
                continue
            n += 1
        return n

    def _apply_restore(self, doc: Document) -> None:
        saved = getattr(doc, "restore", None)
        if saved is None:
            return
        doc.restore = None
        if saved.text is not None and saved.text != doc.text:
            doc.replace_text(saved.text)
            buf = self.buffers.get(doc.uid)
            if buf is not None:
                buf.set_text(doc.text)
        doc.rejected = sorted(saved.rejected, key=lambda e: (e.start, e.end))
        doc.accepted = Counter(saved.accepted)

    # ------------------------------------------------------------------ analysis
    def _schedule_analysis(self, doc: Document, *, full: bool = False) -> None:
        """Analyse `doc` in the background; results for an older revision are dropped.

        A small text is analysed whole. A big one is analysed section by section (paragraph-aligned
        pieces of about SECTION_CHARS), the visible section first, each section's proposals shown as
        soon as it is done; after typing or accepting, only the sections around the change run again.
        """
        key = ("analyse", doc.uid)
        old = self._tasks.get(key)
        if old is not None:
            old.cancel()
            self._untrack(key)
        if not doc.ok or doc.status == STATUS_LOADING:
            return
        if doc.analysed_revision < 0:
            doc.status = STATUS_ANALYSING
        dirty, doc.dirty = doc.dirty, None
        if len(doc.text) <= SECTION_CHARS * 2:
            sections = [(0, len(doc.text))]
            whole = True
        else:
            whole = False
            if full or dirty is None or doc.analysed_revision < 0:
                # The screen the user looks at first, in a small section of its own, then the rest in order.
                visible = doc.offsets.to_py(self.view.firstVisibleBlock().position()) \
                    if self.view.buffer is not None and self.view.buffer.doc is doc else 0
                first = split_sections(doc.text, visible, visible + FIRST_SECTION_CHARS,
                                       size=FIRST_SECTION_CHARS * 2)[:1]
                a, b = first[0]
                sections = first + split_sections(doc.text, b, len(doc.text)) + (
                    split_sections(doc.text, 0, a) if a > 0 else [])
            else:
                sections = split_sections(doc.text, *dirty)
        self._run_sections(doc, doc.revision, sections, whole, key)

    def _run_sections(self, doc: Document, revision: int, sections: list[tuple[int, int]], whole: bool,
                      key) -> None:
        if not sections:
            return
        (a, b), rest = sections[0], sections[1:]
        # A section is analysed with a few paragraphs of context on either side, and only what starts
        # inside it is kept: its edges are not the text's (no "blank lines at the end of the text" or
        # "truncated last paragraph" at every section boundary).
        lo, hi = (a, b) if whole else section_context(doc.text, a, b)
        text = doc.text if whole else doc.text[lo:hi]
        profile, corpus = self.profile, self.corpus
        priority = 1 if doc is self.current else 0

        def done(result, d=doc) -> None:
            self._untrack(key)
            if d.revision != revision or self.documents.row_of(d) < 0:
                return  # the text changed meanwhile: a newer analysis is on its way
            edits, notices = result
            if whole:
                d.set_analysis(edits, notices)
            else:
                edits, notices = keep_section(edits, notices, a - lo, b - lo, at_end=b >= len(d.text))
                d.merge_section_analysis(a, b, edits, notices, complete=not rest)
            self.documents.refresh(d)
            if d is self.current:
                self._refresh_review(keep_selection=True)
            self.sectionAnalysed.emit(d)
            if rest:
                self.statusBar().showMessage(self.tr("Analysing {0}: {1} sections to go…").format(
                    d.name, len(rest)), 5000)
                self._run_sections(d, revision, rest, whole, key)
            elif not whole:
                self._run_document_duplicates(d, revision, key)
            else:
                self.documentAnalysed.emit(d)

        self._track(key, run_in_background(
            lambda: _analyse(text, profile, corpus), done,
            lambda exc, _tb, d=doc: self._on_analysis_failed(d, exc, key), priority=priority))

    def _run_document_duplicates(self, doc: Document, revision: int, key) -> None:
        """After a sectioned analysis: duplicates across sections (which no section can see), in the background."""
        text, proposals, profile = doc.text, doc.proposals, self.profile

        def op(cancel):
            return document_duplicates.cross_section_duplicates(text, proposals, profile=profile, cancel=cancel)

        def done(extra, d=doc) -> None:
            self._untrack(key)
            if d.revision != revision or self.documents.row_of(d) < 0:
                return
            if d.add_proposals(extra):
                self.documents.refresh(d)
                if d is self.current:
                    self._refresh_review(keep_selection=True)
                self.sectionAnalysed.emit(d)
            self.documentAnalysed.emit(d)

        def failed(exc: BaseException, _tb: str, d=doc) -> None:
            self._untrack(key)
            log.warning("duplicates across sections of %s failed: %s", d.name, exc)
            self.documentAnalysed.emit(d)

        self.statusBar().showMessage(self.tr("Looking for repeats across {0}…").format(doc.name), 5000)
        self._track(key, run_in_background(op, done, failed, priority=0))

    def _on_analysis_failed(self, doc: Document, exc: BaseException, key) -> None:
        self._untrack(key)
        doc.status = STATUS_READY
        doc.analysed_revision = doc.revision
        self.documents.refresh(doc)
        self.statusBar().showMessage(self.tr("Analysis of {0} failed: {1}").format(doc.name, exc), 10000)
        if doc is self.current:
            self._refresh_review()
        self.documentAnalysed.emit(doc)

    def _on_typed(self, doc: Document) -> None:
        if doc is self.current:
            self._refresh_review(keep_selection=False)
        self.documents.refresh(doc)
        self._update_title()
        self._reanalyse.add(doc.uid)
        self._reanalyse_timer.start()
        self.autosave.schedule()

    def _run_reanalysis(self) -> None:
        uids, self._reanalyse = self._reanalyse, set()
        for d in self.documents.documents:
            if d.uid in uids:
                self._schedule_analysis(d)

    def reanalyse_all(self) -> None:
        for d in self.documents.documents:
            if d.ok and d.status != STATUS_LOADING:
                self._schedule_analysis(d, full=True)

    # ------------------------------------------------------------------ background bookkeeping
    def _track(self, key, task: Task) -> None:
        self._tasks[key] = task
        self._progress_total += 1
        self._update_progress()

    def _untrack(self, key) -> None:
        if self._tasks.pop(key, None) is not None:
            self._progress_done += 1
        self._update_progress()

    def _update_progress(self) -> None:
        """Progress in the status bar, refreshed at most every 100 ms (thousands of tasks may finish)."""
        if self._tasks and self._progress_timer.isActive():
            return
        if self._tasks:
            self._progress_timer.start()
        self._show_progress()

    def _show_progress(self) -> None:
        if not self._tasks and not self._starts:
            self._progress_done = self._progress_total = 0
            self.progress.hide()
            self.cancel_button.hide()
            self.idle.emit()
            return
        self.progress.setMaximum(max(1, self._progress_total + len(self._starts)))
        self.progress.setValue(self._progress_done)
        self.progress.setFormat(self.tr("%v of %m"))
        self.progress.show()
        self.cancel_button.show()

    @property
    def busy(self) -> bool:
        return bool(self._tasks) or bool(self._starts)

    def cancel_background(self) -> None:
        """Stop loading and analysing: unloaded files show as cancelled, unanalysed ones unreviewed."""
        self._starts.clear()
        for key, task in list(self._tasks.items()):
            task.cancel()
            self._tasks.pop(key, None)
        for buf in self.buffers.values():
            buf.resume_fill()  # a cancelled background build of its document would never arrive
        self._loads_pending = 0
        for d in self.documents.documents:
            if d.status == STATUS_LOADING:
                d.set_error(self.tr("loading was cancelled"))
            elif d.status == STATUS_ANALYSING:
                d.status = STATUS_READY
                d.analysed_revision = d.revision
            self.documents.refresh(d)
        self._update_progress()
        if self.current is not None:
            self._show_document(self.current)

    # ------------------------------------------------------------------ showing a document
    def select_document(self, doc: Document) -> None:
        row = self.documents.row_of(doc)
        if row >= 0:
            self.doc_list.selectionModel().setCurrentIndex(
                self.documents.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_doc_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc = self.documents.data(current, DocumentListModel.DocumentRole) if current.isValid() else None
        self._show_document(doc)

    def _show_document(self, doc: Document | None) -> None:
        self.current = doc
        if doc is not None and doc.ok and doc.status != STATUS_LOADING:
            buf = self.buffer_for(doc)
            if self.view.buffer is not buf:
                self.view.set_buffer(buf)
            self.undo_group.setActiveStack(buf.undo_stack)
            self.view.setReadOnly(False)
        else:
            self.undo_group.setActiveStack(None)
            if doc is None:
                self.view.set_buffer(None)
        self._show_page()
        self._refresh_review()
        self._update_title()
        self._update_diff()

    def _refresh_review(self, keep_selection: bool = True) -> None:
        doc = self.current
        index = self.view.selected_index if keep_selection else None
        self.review_model.set_document(doc if doc is not None and doc.ok else None)
        if doc is not None and index is not None and doc.proposals:
            self._select_index(min(index, len(doc.proposals) - 1), scroll=False)
        else:
            self.view.selected_index = None
            self.view.refresh_highlights()
        self._update_status()
        self._update_actions()

    def _select_index(self, index: int | None, *, scroll: bool = True) -> None:
        """Select proposal `index` in both the text and the review table."""
        self.view.select_proposal(index, scroll=scroll)
        sm = self.review_table.selectionModel()
        sm.blockSignals(True)
        try:
            if index is None:
                sm.clearSelection()
            else:
                ix = self.review_model.index(index, 0)
                sm.setCurrentIndex(ix, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                   | QItemSelectionModel.SelectionFlag.Rows)
                self.review_table.scrollTo(ix)
        finally:
            sm.blockSignals(False)
        self.review_table.viewport().update()
        self._update_actions()

    def _on_view_clicked(self, index: int) -> None:
        self._select_index(None if index < 0 else index, scroll=False)

    def _on_review_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.view.select_proposal(current.row())
        self._update_actions()

    def _on_tab_changed(self, _index: int) -> None:
        self._update_diff()

    def _update_diff(self) -> None:
        if self.diff_view is None or self.tabs.currentWidget() is not self.diff_view:
            return
        doc = self.current
        if doc is not None and doc.ok:
            self.diff_view.set_texts(doc.original, doc.text)
        else:
            self.diff_view.set_texts("", "")

    # ------------------------------------------------------------------ review
    def _on_review_changed(self, doc: Document) -> None:
        if doc is self.current:
            self._refresh_review(keep_selection=True)
            self._update_title()
            self._update_diff()
        self.documents.refresh(doc)
        self._reanalyse.add(doc.uid)
        self._reanalyse_timer.start()
        self.autosave.schedule()

    def accept_selected(self) -> None:
        edits = self.selected_edits()
        if edits and self.current is not None:
            label = self.tr("Accept {0}").format(edits[0].rule) if len(edits) == 1 else self.tr(
                "Accept {0} edits").format(len(edits))
            self.buffer_for(self.current).accept(edits, label)

    def reject_selected(self) -> None:
        edits = self.selected_edits()
        if edits and self.current is not None:
            label = self.tr("Reject {0}").format(edits[0].rule) if len(edits) == 1 else self.tr(
                "Reject {0} edits").format(len(edits))
            self.buffer_for(self.current).reject(edits, label)

    def step_proposal(self, step: int) -> None:
        doc = self.current
        if doc is None or not doc.proposals:
            return
        i = self.view.selected_index
        if i is None:
            pos = doc.offsets.to_py(self.view.textCursor().position())
            after = [k for k in doc.proposals_between(pos, len(doc.text))]
            i = (after[0] if after else 0) if step > 0 else (after[0] - 1 if after else len(doc.proposals) - 1)
        else:
            i += step
        self._select_index(i % len(doc.proposals))

    def _bulk(self, accept: bool, docs: list[Document], match, label: str) -> int:
        """Accept or reject every proposal `match` selects, one undo step per document."""
        n = 0
        for d in docs:
            if not d.ok or not d.proposals:
                continue
            edits = [e for e in d.proposals if match(e)]
            if not edits:
                continue
            buf = self.buffer_for(d)
            (buf.accept if accept else buf.reject)(edits, label)
            n += len(edits)
        return n

    def accept_all(self, *, everywhere: bool = False, rule: str | None = None, category: str | None = None) -> int:
        return self._bulk_named(True, everywhere, rule, category)

    def reject_all(self, *, everywhere: bool = False, rule: str | None = None, category: str | None = None) -> int:
        return self._bulk_named(False, everywhere, rule, category)

    def _bulk_named(self, accept: bool, everywhere: bool, rule: str | None, category: str | None) -> int:
        docs = list(self.documents.documents) if everywhere else ([self.current] if self.current else [])
        if rule is not None:
            what = rule
            match = lambda e: e.rule == rule  # noqa: E731
        elif category is not None:
            what = category
            match = lambda e: e.category == category  # noqa: E731
        else:
            what = self.tr("all")
            match = lambda e: True  # noqa: E731
        verb = self.tr("Accept") if accept else self.tr("Reject")
        label = f"{verb} {what}"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            n = self._bulk(accept, docs, match, label)
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            (self.tr("Accepted {0} edits") if accept else self.tr("Rejected {0} edits")).format(n), 5000)
        return n

    def accept_confident(self) -> int:
        if self.current is None:
            return 0
        profile = self.profile
        return self._bulk(True, [self.current], profile.accepts, self.tr("Accept confident edits"))

    def _fill_bulk_menu(self, menu: QMenu, edit: Edit | None) -> None:
        """Accept/reject by rule and category, in this document or in all."""
        menu.clear()
        doc = self.current
        if doc is None or not doc.proposals:
            menu.addAction(self.tr("(no proposals)")).setEnabled(False)
            return
        rules = Counter(e.rule for e in doc.proposals)
        cats = Counter(e.category for e in doc.proposals)
        targets = ([("rule", edit.rule), ("category", edit.category)] if edit is not None
                   else [("rule", r) for r, _ in rules.most_common(12)] + [("category", c) for c in cats])
        for kind, name in targets:
            n = rules[name] if kind == "rule" else cats[name]
            sub = menu.addMenu(f"{name} ({n})")
            kw = {kind: name}
            sub.addAction(self.tr("Accept all in this document"), lambda kw=kw: self.accept_all(**kw))
            sub.addAction(self.tr("Reject all in this document"), lambda kw=kw: self.reject_all(**kw))
            sub.addAction(self.tr("Accept all in all documents"),
                          lambda kw=kw: self.accept_all(everywhere=True, **kw))
            sub.addAction(self.tr("Reject all in all documents"),
                          lambda kw=kw: self.reject_all(everywhere=True, **kw))

    def _proposal_menu(self, index: int) -> QMenu:
        menu = QMenu(self)
        doc = self.current
        edit = doc.proposals[index] if doc is not None and 0 <= index < len(doc.proposals) else None
        if edit is not None:
            self._select_index(index, scroll=False)
            title = menu.addAction(f"{edit.rule} · {edit.confidence:.0%}")
            title.setEnabled(False)
            menu.addAction(self.act_accept)
            menu.addAction(self.act_reject)
            bulk = menu.addMenu(self.tr("All Like This"))
            self._fill_bulk_menu(bulk, edit)
            menu.addSeparator()
        return menu

    def _show_context_menu(self, index: int, global_pos) -> None:
        menu = self._proposal_menu(index)
        standard = self.view.createStandardContextMenu()
        for act in standard.actions():
            if act.text().replace("&", "").lower().startswith(("undo", "redo")):
                continue
            menu.addAction(act)
        menu.exec(global_pos)
        standard.deleteLater()
        menu.deleteLater()

    def _review_table_menu(self, pos) -> None:
        ix = self.review_table.indexAt(pos)
        if not ix.isValid():
            return
        if len(self.review_table.selectionModel().selectedRows()) <= 1:
            self._select_index(ix.row(), scroll=True)
        menu = self._proposal_menu(ix.row())
        menu.exec(self.review_table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _doc_list_menu(self, pos) -> None:
        ix = self.doc_list.indexAt(pos)
        if not ix.isValid():
            return
        doc = self.documents.data(ix, DocumentListModel.DocumentRole)
        menu = QMenu(self)
        menu.addAction(self.tr("Close"), lambda: self.close_document(doc))
        if doc.ok and doc.proposals:
            menu.addAction(self.tr("Accept all"), lambda: self._bulk(True, [doc], lambda e: True,
                                                                     self.tr("Accept all")))
        menu.exec(self.doc_list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # ------------------------------------------------------------------ closing documents
    def close_current(self) -> None:
        if self.current is not None:
            self.close_document(self.current)

    def close_document(self, doc: Document) -> None:
        if doc.modified and doc.saved_revision != doc.revision:
            answer = QMessageBox.question(
                self, self.tr("Close Document"),
                self.tr("{0} has changes that were not exported. Close it anyway?").format(doc.name),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Close:
                return
        for kind in ("load", "analyse", "prepare"):
            task = self._tasks.pop((kind, doc.uid), None)
            if task is not None:
                task.cancel()
        self._update_progress()
        row = self.documents.row_of(doc)
        self.documents.remove(doc)
        buf = self.buffers.pop(doc.uid, None)
        if self.view.buffer is buf:
            self.view.set_buffer(None)
        if buf is not None:
            self.undo_group.removeStack(buf.undo_stack)
            buf.deleteLater()
        if self.documents.documents:
            self.select_document(self.documents.documents[min(row, len(self.documents.documents) - 1)])
        else:
            self._show_document(None)
        self.autosave.schedule()

    # ------------------------------------------------------------------ dialogs
    def reopen_with_encoding(self) -> None:
        doc = self.current
        mod = self._dialogs_module("encoding_dialog")
        if doc is None or doc.path is None or mod is None:
            return
        try:
            data = doc.path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Reopen with Encoding"),
                                self.tr("Cannot read {0}: {1}").format(doc.name, exc.strerror or exc))
            return
        encoding = mod.choose_encoding(self, data, doc.encoding)
        if encoding:
            self.reload_document(doc, encoding)

    def reload_document(self, doc: Document, encoding: str | None) -> None:
        """Decode the file again (with `encoding`); the review history of that document is reset."""
        if doc.modified:
            answer = QMessageBox.question(
                self, self.tr("Reopen"), self.tr("Reopening {0} discards your changes to it. Continue?").format(
                    doc.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        doc.status = STATUS_LOADING
        doc.analysed_revision = -1
        self.documents.refresh(doc)
        self._load(doc, encoding)

    def edit_rules(self) -> None:
        mod = self._dialogs_module("rules_dialog")
        if mod is None:
            return
        dlg = mod.RulesDialog(self.profile, self)
        if dlg.exec():
            self.set_profile(dlg.result_profile())

    def set_profile(self, profile: Profile) -> None:
        """Use `profile` from now on and analyse every document again."""
        from desktop_app.core.profiles import profile_to_toml

        self.profile = profile
        self.settings.setValue("profile", profile_to_toml(profile))
        self.reanalyse_all()

    def _saved_profile(self) -> Profile | None:
        import tomllib

        text = self.settings.value("profile", "")
        if not text:
            return None
        try:
            return profile_from_dict(tomllib.loads(str(text)), default_profile())
        except (tomllib.TOMLDecodeError, ProfileError) as exc:
            log.warning("saved profile ignored: %s", exc)
            return None

    def show_about(self) -> None:
        mod = self._dialogs_module("about_dialog")
        if mod is not None:
            mod.show_about(self)

    # ------------------------------------------------------------------ export
    def export_items(self, docs: list[Document]):
        from desktop_app.core.export_plan import ExportItem

        items = []
        for d in docs:
            items.append(ExportItem(source=d.path, name=d.name if d.path is None else d.path.name, text=d.text,
                                    detected_encoding=d.encoding, rules_fired=dict(d.accepted),
                                    lines_removed=d.lines_removed(), newline=d.newline))
        return items

    def export(self, scope: str) -> None:
        """Ask for export options (the export dialog), then write in the background."""
        mod = self._dialogs_module("export_dialog")
        if mod is None:
            return
        ready = [d for d in self.documents.documents if d.ok and d.status != STATUS_LOADING]
        has_current = self.current is not None and self.current in ready
        kwargs = {}
        if has_current:
            kwargs["sample_name"] = self.current.name
            if self.current.path is not None:
                kwargs["default_folder"] = self.current.path.parent
        dlg = mod.ExportDialog(self, len(ready), has_current, **kwargs)
        if scope == "all" and dlg.all_radio.isEnabled():
            dlg.all_radio.setChecked(True)
        elif scope == "current" and dlg.current_radio.isEnabled():
            dlg.current_radio.setChecked(True)
        if not dlg.exec():
            return
        options = dlg.options()
        docs = [self.current] if options.scope == "current" and has_current else ready
        self.run_export(docs, options)

    def run_export(self, docs: list[Document], options) -> Task:
        """Write `docs` per `options` in the background; a summary is shown at the end."""
        from desktop_app.core.export_plan import export_documents

        for d in docs:
            buf = self.buffers.get(d.uid)
            if buf is not None:
                buf.ensure_filled()
        items = self.export_items(docs)
        revisions = {d.uid: d.revision for d in docs}
        key = ("export",)
        self.statusBar().showMessage(self.tr("Exporting {0} document(s)…").format(len(docs)))

        def op(progress, cancel):
            return export_documents(items, options, progress=lambda done, total, _name: progress(done / max(total, 1)),
                                    cancel=cancel.is_set)

        def done(summary) -> None:
            self._untrack(key)
            bad = {name for name, _ in summary.skipped} | {name for name, _ in summary.failed}
            for d, item in zip(docs, items, strict=True):
                if item.name not in bad:
                    d.saved_revision = revisions[d.uid]
                    self.documents.refresh(d)
            self._report_export(summary)
            self.exportFinished.emit(summary)

        def failed(exc: BaseException, _tb: str) -> None:
            self._untrack(key)
            QMessageBox.warning(self, self.tr("Export"), self.tr("Export failed: {0}").format(exc))
            self.exportFinished.emit(None)

        task = run_in_background(op, done, failed)
        self._track(key, task)
        return task

    def _report_export(self, summary) -> None:
        """A non-modal summary: what was written, skipped and why, what failed and why."""
        written, skipped, failed = summary.written, summary.skipped, summary.failed
        text = self.tr("{0} written, {1} skipped, {2} failed.").format(len(written), len(skipped), len(failed))
        self.statusBar().showMessage(text, 10000)
        details = [str(w) for w in written[:50]]
        details += [self.tr("skipped {0}: {1}").format(n, r) for n, r in skipped[:50]]
        details += [self.tr("failed {0}: {1}").format(n, r) for n, r in failed[:50]]
        if summary.manifest_path:
            details.append(self.tr("manifest: {0}").format(summary.manifest_path))
        box = QMessageBox(QMessageBox.Icon.Warning if failed or skipped else QMessageBox.Icon.Information,
                          self.tr("Export finished"), text, QMessageBox.StandardButton.Ok, self)
        if written:
            box.setInformativeText(self.tr("Folder: {0}").format(Path(written[0]).parent))
        box.setDetailedText("\n".join(details))
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("exportSummary")
        box.show()
        self.export_summary_box = box

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # ------------------------------------------------------------------ settings
    def _add_recent(self, paths: list[Path]) -> None:
        """Remember what the user opened (files or folders as given, not every file of a folder)."""
        added = [str(Path(p).absolute()) for p in paths[:MAX_RECENT]]
        recent = added + [p for p in self.recent_files() if p not in added]
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for p in recent:
            label = Path(p).name + ("/" if Path(p).is_dir() else "")
            act = self.recent_menu.addAction(label, lambda p=p: self.open_paths([p]))
            act.setToolTip(p)
            act.setStatusTip(p)
            act.setEnabled(Path(p).exists())
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear Menu"), lambda: self.settings.setValue("recentFiles", []))
        else:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)

    def unsaved_documents(self) -> list[Document]:
        return [d for d in self.documents.documents if d.modified and d.saved_revision != d.revision]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        unsaved = self.unsaved_documents()
        if unsaved:
            names = ", ".join(d.name for d in unsaved[:5]) + ("…" if len(unsaved) > 5 else "")
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                              self.tr("{0} document(s) have changes that were not exported: {1}").format(
                                  len(unsaved), names), parent=self)
            export_btn = box.addButton(self.tr("Export…"), QMessageBox.ButtonRole.AcceptRole) \
                if self._dialogs_module("export_dialog") else None
            box.addButton(QMessageBox.StandardButton.Discard)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            if clicked is export_btn and export_btn is not None:
                event.ignore()
                self.export("all")
                return
            if box.standardButton(clicked) != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for task in list(self._tasks.values()):
            task.cancel()
        self._tasks.clear()
        self.autosave.finish()
        event.accept()


def _html(s: str) -> str:
    import html

    return html.escape(s)


__all__ = ["MainWindow", "expand_paths", "split_sections"]
