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

_SPACES = " \t\u3000"
# Two or more blank lines in a row (three or more line breaks); the \r of a \r\n before the first
# break is added to the match. Starting with a literal \n lets `re` skip to line breaks at C speed.
_BLANK_RUN = re.compile(r"\n(?:[ \t\u3000]*\r?\n){2,}")
_LEADING_BLANK = re.compile(r"\A(?:[ \t\u3000]*\r?\n)+")
_TRAILING_BLANK = re.compile(r"(?<=\n)(?:[ \t\u3000]*\r?\n)+\Z")
# Invisible characters that scraping leaves inside words: zero-width space, word joiner, a BOM in the
# middle of a text, soft hyphen. ZWJ/ZWNJ are kept: they carry meaning in emoji, Persian and Indic text.
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")
# C0 controls other than tab, line feed, carriage return and form feed; and DEL.
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f]))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")
# `。 。`, `。 、`, `。。` (not `……` or `！？`, which are real): the first terminal mark is kept (the
# match starts with it, so that `re` can skip to the marks; the edit starts after it).
_CJK_DOUBLED = re.compile(r"[。．](?:[ \u3000]*[。、，．])+")
# An ASCII space between a sentence-final CJK mark and the next Japanese sentence.
# Kana, CJK ideographs (with extension A and compatibility forms), half-width katakana, opening brackets.
_JA_CHAR = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f「『（【〈《]"
_CJK_MARKS = "。．！？」』）】"
_CJK_SPACE = re.compile(r"[。！？」』）】][ \u3000]+(?=" + _JA_CHAR + ")")
# What follows the space is a sentence when it ends with sentence-final punctuation before the line
# ends; otherwise it may be a photo credit or a byline glued to a caption, which the space separates.
_SENTENCE_AHEAD = re.compile(r"[^\n]*?[。！？」』）】]")


def _trailing_spaces(text: str) -> Iterator[tuple[int, int]]:
    """Spans of spaces, tabs and ideographic spaces at the end of a line (before \\n, \\r\\n or the end)."""
    pos = 0
    pieces = text.split("\n")
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        # The \r of a \r\n stays outside the span; a \r at the very end of the text is not a break.
        body = piece[:-1] if i < last and piece.endswith("\r") else piece
        if body.endswith((" ", "\t", "\u3000")):
            end = pos + len(body)
            yield end - (len(body) - len(body.rstrip(_SPACES))), end
        pos += len(piece) + 1


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
    # Each kind of debris is first looked for with str methods (C speed); the regular expressions only
    # run on texts that have it.
    for start, end in _trailing_spaces(text):
        yield Edit(start, end, "", "spacing.trailing", "spacing", "Trailing spaces at the end of a line.", 0.99)
    for m in _BLANK_RUN.finditer(text):
        start = m.start() - 1 if m.start() and text[m.start() - 1] == "\r" else m.start()
        run = text[start:m.end()]
        nl = "\r\n" if "\r" in run else "\n"
        yield Edit(start, m.end(), nl + nl, "spacing.blank-lines", "spacing",
                   f"{run.count(chr(10)) - 1} blank lines in a row collapsed to one.", 0.95)
    if text[:1] in ("\n", "\r", " ", "\t", "\u3000"):
        m = _LEADING_BLANK.search(text)
        if m:
            yield Edit(m.start(), m.end(), "", "spacing.blank-lines", "spacing",
                       "Blank lines at the start of the text.", 0.95)
    if text.endswith("\n"):
        # Only the tail made of blank-line characters can match: start the search where it begins.
        m = _TRAILING_BLANK.search(text, max(0, len(text.rstrip(" \t\u3000\r\n")) - 1))
        if m:
            yield Edit(m.start(), m.end(), "", "spacing.blank-lines", "spacing",
                       "Blank lines at the end of the text.", 0.95)
    if any(c in text for c in _INVISIBLE_CHARS):
        for m in _INVISIBLE.finditer(text):
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
            yield Edit(m.start(), m.end(), "", "spacing.invisible", "spacing",
                       f"Invisible character ({names}) left by the web page.", 0.95)
    if any(c in text for c in _CONTROL_CHARS):
        for m in _CONTROL.finditer(text):
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
            yield Edit(m.start(), m.end(), "", "spacing.control", "spacing",
                       f"Control character ({names}) that no text needs.", 0.95)
    if not any(c in text for c in _CJK_MARKS):
        return
    for m in _CJK_DOUBLED.finditer(text):
        extra = m.group()[1:].strip(" \u3000")
        what = "A stray 、 after 。" if extra.startswith("、") else "Doubled sentence-final punctuation"
        yield Edit(m.start() + 1, m.end(), "", "spacing.cjk-punct", "spacing",
                   f"{what} (machine-translation debris).", 0.9)
    for m in _CJK_SPACE.finditer(text):
        if _SENTENCE_AHEAD.match(text, m.end()):
            yield Edit(m.start() + 1, m.end(), "", "spacing.cjk-space", "spacing",
                       "A space between Japanese sentences; Japanese text uses none.", 0.85)
        else:
            yield Edit(m.start() + 1, m.end(), "", "spacing.cjk-space", "spacing",
                       "A space after a Japanese sentence, before a fragment that may be a credit or a "
                       "cut-off sentence; Japanese text uses none between sentences.", 0.6)
