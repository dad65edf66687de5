"""Small pieces the dialogs share: colours that read on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def is_dark(widget: QWidget) -> bool:
    """Whether the widget's palette is a dark theme (window colour darker than its text)."""
    pal = widget.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < pal.color(QPalette.ColorRole.WindowText).lightness()


def error_color(widget: QWidget) -> QColor:
    """A red that stays legible on the widget's background, light or dark."""
    return QColor("#ff8a80") if is_dark(widget) else QColor("#b00020")


def ok_color(widget: QWidget) -> QColor:
    """A green for "fine" messages, legible on light and dark."""
    return QColor("#81c784") if is_dark(widget) else QColor("#1b5e20")


def colored_html(text: str, color: QColor) -> str:
    from html import escape

    return f'<span style="color:{color.name()}">{escape(text)}</span>'
