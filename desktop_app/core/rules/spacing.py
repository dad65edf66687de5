"""Spacing: trailing spaces, blank-line runs, invisible characters, CJK punctuation debris.

Machine translation of Japanese leaves tell-tale debris: a sentence-final `。` followed by a space and
another `。` (`。 。`), a stray `、` right after `。`, and ASCII spaces between Japanese sentences, where
Japanese uses none. Scraping adds zero-width characters, C0 control characters and trailing spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop_app.core.edits import Edit

from . import rule

_TRAILING = re.compile(r"[ \t\u3000]+(?=\r?\n|\Z)")
# Three or more line breaks (two or more blank lines) collapse to one blank line.
_BLANK_RUN = re.compile(r"(?:\r?\n)(?:[ \t\u3000]*\r?\n){2,}")
_LEADING_BLANK = re.compile(r"\A(?:[ \t\u3000]*\r?\n)+")
_TRAILING_BLANK = re.compile(r"(?<=\n)(?:[ \t\u3000]*\r?\n)+\Z")
# Invisible characters that scraping leaves inside words: zero-width space, word joiner, a BOM in the
# middle of a text, soft hyphen. ZWJ/ZWNJ are kept: they carry meaning in emoji, Persian and Indic text.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")
# C0 controls other than tab, line feed, carriage return and form feed; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")
# `。 。`, `。 、`, `。。` (not `……` or `！？`, which are real): the first terminal mark is kept.
_CJK_DOUBLED = re.compile(r"(?<=[。．])(?:[ \u3000]*[。、，．])+")
# An ASCII space between a sentence-final CJK mark and the next Japanese sentence.
# Kana, CJK ideographs (with extension A and compatibility forms), half-width katakana, opening brackets.
_JA_CHAR = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f「『（【〈《]"
_HAS_CJK_MARK = re.compile(r"[。．！？」』）】]")
_CJK_SPACE = re.compile(r"(?<=[。！？」』）】])[ \u3000]+(?=" + _JA_CHAR + ")")
# What follows the space is a sentence when it ends with sentence-final punctuation before the line
# ends; otherwise it may be a photo credit or a byline glued to a caption, which the space separates.
_SENTENCE_AHEAD = re.compile(r"[^\n]*?[。！？」』）】]")


@rule("spacing", "spacing",
      "Trailing spaces, runs of blank lines, invisible and control characters, doubled CJK punctuation "
      "(`。 。`, `。、`) and spaces between Japanese sentences.",
      examples=[("end.   \nnext", "end.\nnext"), ("a\n\n\n\nb", "a\n\nb"), ("ある。 。 これは", "ある。これは"),
                ("示す。 、新たに", "示す。新たに"), ("zero\u200bwidth", "zerowidth")],
      order=90,
      settles=True,
      scope="paragraph",
      sub_rules={
          "spacing.trailing": "spaces and tabs at the end of a line",
          "spacing.blank-lines": "two or more blank lines in a row, and blank lines at the start or end",
          "spacing.invisible": "zero-width spaces, word joiners, stray BOMs, soft hyphens",
          "spacing.control": "control characters other than tab and line breaks",
          "spacing.cjk-punct": "doubled sentence-final CJK punctuation and a stray 、 after 。",
          "spacing.cjk-space": "ASCII spaces between Japanese sentences",
      })
def spacing(text: str, ctx) -> Iterator[Edit]:
    for m in _TRAILING.finditer(text):
        yield Edit(m.start(), m.end(), "", "spacing.trailing", "spacing",
                   "Trailing spaces at the end of a line.", 0.99)
    for m in _BLANK_RUN.finditer(text):
        nl = "\r\n" if "\r" in m.group() else "\n"
        yield Edit(m.start(), m.end(), nl + nl, "spacing.blank-lines", "spacing",
                   f"{m.group().count(chr(10)) - 1} blank lines in a row collapsed to one.", 0.95)
    m = _LEADING_BLANK.search(text)
    if m:
        yield Edit(m.start(), m.end(), "", "spacing.blank-lines", "spacing",
                   "Blank lines at the start of the text.", 0.95)
    m = _TRAILING_BLANK.search(text)
    if m:
        yield Edit(m.start(), m.end(), "", "spacing.blank-lines", "spacing",
                   "Blank lines at the end of the text.", 0.95)
    for m in _INVISIBLE.finditer(text):
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
        yield Edit(m.start(), m.end(), "", "spacing.invisible", "spacing",
                   f"Invisible character ({names}) left by the web page.", 0.95)
    for m in _CONTROL.finditer(text):
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
        yield Edit(m.start(), m.end(), "", "spacing.control", "spacing",
                   f"Control character ({names}) that no text needs.", 0.95)
    if not _HAS_CJK_MARK.search(text):
        return
    for m in _CJK_DOUBLED.finditer(text):
        extra = m.group().strip(" \u3000")
        what = "A stray 、 after 。" if extra.startswith("、") else "Doubled sentence-final punctuation"
        yield Edit(m.start(), m.end(), "", "spacing.cjk-punct", "spacing",
                   f"{what} (machine-translation debris).", 0.9)
    for m in _CJK_SPACE.finditer(text):
        if _SENTENCE_AHEAD.match(text, m.end()):
            yield Edit(m.start(), m.end(), "", "spacing.cjk-space", "spacing",
                       "A space between Japanese sentences; Japanese text uses none.", 0.85)
        else:
            yield Edit(m.start(), m.end(), "", "spacing.cjk-space", "spacing",
                       "A space after a Japanese sentence, before a fragment that may be a credit or a "
                       "cut-off sentence; Japanese text uses none between sentences.", 0.6)
