"""Scrubtext's desktop app (PySide6). The only package that imports Qt; it calls into desktop_app.core."""
