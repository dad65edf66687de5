"""Scrubtext: clean scraped text with explained, reviewable edits."""

__version__ = "0.1.0"
