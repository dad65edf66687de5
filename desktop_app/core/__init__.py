"""Scrubtext's engine: decoding, rules, edits and the pipeline. Never imports Qt."""

from desktop_app.core.edits import Edit, Notice, apply_edits, resolve_overlaps
from desktop_app.core.pipeline import Analysis, analyze, analyze_full, clean_text
from desktop_app.core.profiles import Profile, default_profile, load_profile

__all__ = [
    "Analysis",
    "Edit",
    "Notice",
    "Profile",
    "analyze",
    "analyze_full",
    "apply_edits",
    "clean_text",
    "default_profile",
    "load_profile",
    "resolve_overlaps",
]
