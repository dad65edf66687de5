"""Spacing: trailing spaces, blank-line runs, invisible characters, CJK punctuation debris."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from desktop_app.core.edits import Edit

from . import rule

_TRAILING = regex.compile(r"[ \t\u3000]+(?=\r?\n|\Z)")
_BLANK_RUN = regex.compile(r"\n(?:[ \t]*\r?\n){2,}")


@rule("spacing", "spacing", "Trailing spaces, runs of blank lines, invisible characters and CJK punctuation debris.",
      examples=[("end.   \n", "end.\n"), ("a\n\n\n\nb", "a\n\nb")], order=90)
def spacing(text: str, ctx) -> Iterator[Edit]:
    for m in _TRAILING.finditer(text):
        yield Edit(m.start(), m.end(), "", "spacing.trailing", "spacing", "Trailing spaces at the end of a line.",
                   0.99)
    for m in _BLANK_RUN.finditer(text):
        yield Edit(m.start(), m.end(), "\n\n", "spacing.blank-lines", "spacing",
                   "A run of blank lines collapsed to one.", 0.95)
