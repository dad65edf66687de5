"""Duplicates: repeated paragraphs and lines, and a line that repeats the previous one with more.

Scrapers duplicate text in recognisable ways: a photo caption rendered twice (the second time with
the photo credit appended), a paragraph repeated by a "read more" expansion, a teaser that repeats
the first paragraph. The later copy goes (or, for an extended repeat, the shorter one), the first
occurrence stays. Short lines ("Yes", "—") repeat legitimately, so only substantial lines count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import accumulate

import regex

from desktop_app.core.edits import Edit
from desktop_app.core.textlines import Line, deletion_span

from . import rule

_WS = regex.compile(r"\s+")
_WS_IN_LINE = regex.compile(r"[^\S\n]+")  # the same whitespace as _WS, line breaks excepted
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_WORD = regex.compile(r"\w+")
# "At least N of them" as one search that stops at the N-th (no list of all of them).
_CJK_12 = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]"
                        r"(?:[^\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]){11}")
_WORDS_6 = regex.compile(r"\w+(?:\W+\w+){5}")
_WORDS_4 = regex.compile(r"\w+(?:\W+\w+){3}")
# Whitespace that str.split() takes for a separator but \s (and so _key) does not.
_SPLIT_ONLY_SPACE = "\x1c\x1d\x1e\x1f"


def _key(s: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", s).casefold()).strip()


def line_keys(text: str) -> list[str]:
    """_key of every \\n-separated piece of `text`, computed over the whole text at once (NFKC and
    casefolding act character by character and never create or remove a line break)."""
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    if any(c in folded for c in _SPLIT_ONLY_SPACE):
        return [k.strip() for k in _WS_IN_LINE.sub(" ", folded).split("\n")]
    # Otherwise str.isspace() is exactly _WS's whitespace: every run becomes one space (whitespace
    # other than spaces first, then runs of spaces), then spaces next to line breaks go. Each step is
    # a C-speed search for something most texts do not have.
    if any(c in folded for c in _OTHER_SPACES):
        folded = _OTHER_SPACE_RUN.sub(" ", folded)
    if "  " in folded:
        folded = _SPACE_RUN.sub(" ", folded)
    folded = folded.replace(" \n", "\n").replace("\n ", "\n")
    keys = folded.split("\n")
    if keys[0].startswith(" "):
        keys[0] = keys[0][1:]
    if keys[-1].endswith(" "):
        keys[-1] = keys[-1][:-1]
    return keys


# Whitespace (str.isspace) other than space, line feed and _SPLIT_ONLY_SPACE.
_OTHER_SPACES = "\t\x0b\x0c\r\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
                "\u2028\u2029\u202f\u205f\u3000"
_OTHER_SPACE_RUN = re.compile(f"[{_OTHER_SPACES}]+")
_SPACE_RUN = re.compile("  +")


def is_substantial_key(key: str) -> bool:
    """Long enough that a repeat is a duplicate, not a legitimately repeated short line."""
    # 12 CJK characters, or 6 words, or 4 of either in a line of 40 characters.
    if len(key) < 11:  # at most 10 CJK characters or 5 words (5 separators between 6), shorter than 40
        return False
    plain = key.isascii()
    if (not plain and _CJK_12.search(key)) or _WORDS_6.search(key):
        return True
    if len(key) < 40:
        return False
    if _WORDS_4.search(key):
        return True
    return not plain and len(_CJK.findall(key)) + len(_WORD.findall(key)) >= 4


def _preview(s: str, n: int = 40) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 1] + "…"


class _Lines:
    """The lines of a text as parallel lists (no object per line): what the rule needs of each."""

    def __init__(self, text: str) -> None:
        pieces = text.split("\n")
        if text.endswith("\n"):
            pieces.pop()  # no line after the last line break
        self.text = text
        self.starts = list(accumulate((len(p) + 1 for p in pieces), initial=0))
        self.pieces = pieces
        self.count = len(pieces) if text else 0

    def body(self, i: int) -> str:
        p = self.pieces[i]
        return p[:-1] if p.endswith("\r") else p

    def line(self, i: int) -> Line:
        start = self.starts[i]
        body = self.body(i)
        return Line(i, start, start + len(body), min(self.starts[i + 1], len(self.text)), body)


@rule("duplicate", "duplicate",
      "Repeated paragraphs and lines, and a line repeated by the next one with something appended "
      "(a caption followed by the same caption plus a photo credit).",
      examples=[("A long caption about the photo here.\nA long caption about the photo here. Photo: AFP\n",
                 "A long caption about the photo here. Photo: AFP\n")],
      order=30,
      sub_rules={
          "duplicate.paragraph": "a paragraph that already appeared earlier in the text",
          "duplicate.line": "a substantial line that already appeared earlier",
          "duplicate.extended": "a line repeated by the next one with something appended (or dropped)",
      })
def duplicates(text: str, ctx) -> Iterator[Edit]:
    if not text:
        return
    keys = line_keys(text)
    # Every edit below needs two equal line keys or two consecutive lines one of which starts the other:
    # most texts (and most cleaned texts the pipeline checks again) have neither.
    filled = [k for k in keys if k]
    if len(set(filled)) == len(filled) and not any(
            a.startswith(b) or b.startswith(a) for a, b in zip(filled, filled[1:], strict=False)):
        return
    ls = _Lines(text)
    blank = [not k for k in keys]  # a line is blank exactly when its key is empty
    removed: set[int] = set()  # line indexes already covered by an edit
    substantial: dict[str, bool] = {}

    def is_substantial(key: str) -> bool:
        found = substantial.get(key)
        if found is None:
            found = substantial[key] = is_substantial_key(key)
        return found

    # 1. Whole paragraphs (of two or more lines) seen before.
    paras: list[tuple[int, int]] = []  # (first, last) line of each paragraph
    first = None
    for i in range(ls.count):
        if blank[i]:
            if first is not None:
                paras.append((first, i - 1))
                first = None
        elif first is None:
            first = i
    if first is not None:
        paras.append((first, ls.count - 1))
    seen_paras: dict[str, int] = {}
    for p_i, (a, b) in enumerate(paras):
        if a == b:
            continue
        key = "\n".join(keys[a:b + 1])
        # (Whether the paragraph is substantial only matters once it repeats.)
        if key in seen_paras and is_substantial(key):
            if p_i + 1 < len(paras):
                start, stop = ls.starts[a], ls.starts[paras[p_i + 1][0]]
            else:
                start, stop = deletion_span(text, ls.line(a), ls.line(b))
            yield Edit(start, stop, "", "duplicate.paragraph", "duplicate",
                       f"This paragraph repeats the one at line {seen_paras[key] + 1} "
                       f"(“{_preview(ls.body(a))}”).", 0.92)
            removed.update(range(a, b + 1))
        else:
            seen_paras.setdefault(key, a)

    # 2. Lines: an extended repeat of the previous line, or a substantial line seen before.
    seen: dict[str, int] = {}
    prev: int | None = None
    for i in range(ls.count):
        if blank[i]:
            continue
        key = keys[i]
        if i in removed:
            prev = None
            continue
        if prev is not None:
            pkey = keys[prev]
            # (Cheap test first: one key must start the other.)
            if pkey != key and (key.startswith(pkey) or pkey.startswith(key)) and is_substantial(
                    min(pkey, key, key=len)):
                if key.startswith(pkey) and prev not in removed:
                    extra = ls.body(i).strip()[len(ls.body(prev).strip()):]
                    start, stop = deletion_span(text, ls.line(prev))
                    yield Edit(start, stop, "", "duplicate.extended", "duplicate",
                               f"The next line repeats this one and adds “{_preview(extra, 30)}”.", 0.9)
                    removed.add(prev)
                    seen[key] = i
                    prev = i
                    continue
                if pkey.startswith(key):
                    start, stop = deletion_span(text, ls.line(i))
                    yield Edit(start, stop, "", "duplicate.extended", "duplicate",
                               "This line repeats the start of the previous one.", 0.9)
                    removed.add(i)
                    continue
        if key in seen:
            adjacent = prev is not None and keys[prev] == key
            if adjacent or is_substantial(key):
                start, stop = deletion_span(text, ls.line(i))
                where = "the previous line" if adjacent else f"line {seen[key] + 1}"
                big = is_substantial(key)
                conf = 0.95 if adjacent and big else 0.85 if big else 0.6
                yield Edit(start, stop, "", "duplicate.line", "duplicate",
                           f"This line repeats {where} (“{_preview(ls.body(i))}”).", conf)
                removed.add(i)
                continue
        seen.setdefault(key, i)
        prev = i
