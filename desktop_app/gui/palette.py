"""Category colours that read on light and dark palettes alike (translucent over the base colour)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# (red, green, blue): hues chosen to stay distinct for the common colour-vision deficiencies.
_HUES = {
    "encoding": (0, 114, 178),      # blue
    "boilerplate": (213, 94, 0),    # vermilion
    "metadata": (86, 180, 233),     # sky blue
    "duplicate": (204, 121, 167),   # reddish purple
    "spacing": (0, 158, 115),       # bluish green
    "notice": (230, 159, 0),        # orange (a wavy underline, never a background)
}
_DEFAULT = (128, 128, 128)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def category_color(category: str, *, selected: bool = False, palette: QPalette | None = None) -> QColor:
    """Background for an edit of `category`; stronger when it is the selected one."""
    r, g, b = _HUES.get(category, _DEFAULT)
    alpha = (150 if selected else 85) if is_dark(palette) else (130 if selected else 60)
    return QColor(r, g, b, alpha)


def category_swatch(category: str) -> QColor:
    """Opaque colour for legends and icons."""
    return QColor(*_HUES.get(category, _DEFAULT))
