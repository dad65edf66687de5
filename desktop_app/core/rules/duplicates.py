"""Duplicates: repeated paragraphs and lines, and a line that repeats the previous one with more.

Scrapers duplicate text in recognisable ways: a photo caption rendered twice (the second time with
the photo credit appended), a paragraph repeated by a "read more" expansion, a teaser that repeats
the first paragraph. The later copy goes (or, for an extended repeat, the shorter one), the first
occurrence stays. Short lines ("Yes", "—") repeat legitimately, so only substantial lines count.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from desktop_app.core.edits import Edit
from desktop_app.core.textlines import Line, deletion_span, iter_lines, paragraphs

from . import rule

_WS = regex.compile(r"\s+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_WORD = regex.compile(r"\w+")


def _key(s: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", s).casefold()).strip()


def _substantial(key: str) -> bool:
    """Long enough that a repeat is a duplicate, not a legitimately repeated short line."""
    cjk = len(_CJK.findall(key))
    return cjk >= 12 or len(_WORD.findall(key)) >= 6 or (len(key) >= 40 and cjk + len(_WORD.findall(key)) >= 4)


def _preview(s: str, n: int = 40) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 1] + "…"


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
    lines = list(iter_lines(text))
    paras = paragraphs(lines)
    removed: set[int] = set()  # line indexes already covered by an edit

    # 1. Whole paragraphs (of two or more lines) seen before.
    seen_paras: dict[str, int] = {}
    for p_i, para in enumerate(paras):
        if len(para) < 2:
            continue
        key = "\n".join(_key(line.text) for line in para)
        if not _substantial(key):
            continue
        if key in seen_paras:
            nxt = paras[p_i + 1][0].start if p_i + 1 < len(paras) else None
            if nxt is not None:
                start, stop = para[0].start, nxt
            else:
                start, stop = deletion_span(text, para[0], para[-1])
            yield Edit(start, stop, "", "duplicate.paragraph", "duplicate",
                       f"This paragraph repeats the one at line {seen_paras[key] + 1} "
                       f"(“{_preview(para[0].text)}”).", 0.92)
            removed.update(line.index for line in para)
        else:
            seen_paras[key] = para[0].index

    # 2. Lines: an extended repeat of the previous line, or a substantial line seen before.
    seen: dict[str, int] = {}
    prev: Line | None = None
    for line in lines:
        if line.blank:
            continue
        key = _key(line.text)
        if line.index in removed:
            prev = None
            continue
        if prev is not None:
            pkey = _key(prev.text)
            if pkey != key and _substantial(min(pkey, key, key=len)):
                if key.startswith(pkey) and prev.index not in removed:
                    extra = line.text.strip()[len(prev.text.strip()):]
                    start, stop = deletion_span(text, prev, prev)
                    yield Edit(start, stop, "", "duplicate.extended", "duplicate",
                               f"The next line repeats this one and adds “{_preview(extra, 30)}”.", 0.9)
                    removed.add(prev.index)
                    seen[key] = line.index
                    prev = line
                    continue
                if pkey.startswith(key):
                    start, stop = deletion_span(text, line, line)
                    yield Edit(start, stop, "", "duplicate.extended", "duplicate",
                               "This line repeats the start of the previous one.", 0.9)
                    removed.add(line.index)
                    continue
        if key in seen and (_substantial(key) or (prev is not None and _key(prev.text) == key)):
            adjacent = prev is not None and _key(prev.text) == key
            start, stop = deletion_span(text, line, line)
            where = "the previous line" if adjacent else f"line {seen[key] + 1}"
            conf = 0.95 if adjacent and _substantial(key) else 0.85 if _substantial(key) else 0.6
            yield Edit(start, stop, "", "duplicate.line", "duplicate",
                       f"This line repeats {where} (“{_preview(line.text)}”).", conf)
            removed.add(line.index)
            continue
        seen.setdefault(key, line.index)
        prev = line
