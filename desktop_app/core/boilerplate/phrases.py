"""Per-language phrase lists of page furniture, matched as whole lines (NFKC + casefold).

The lists are data: resources/boilerplate/phrases/LANG.txt, one phrase a line, `#` comments, and
lines starting with `re:` holding a regular expression that must match the whole normalized line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.resources import resource_path

# Decoration around a furniture line that does not change what it is: bullets, arrows, pipes,
# brackets, trailing colons and ellipses ("» Related articles:", "[ Back to top ↑ ]").
_EDGE = regex.compile(r"^[\s\p{Pd}\p{S}\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]+|[\s\p{Pd}\p{S}\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]+$")
_WS = regex.compile(r"\s+")
_EDGE_CHAR = regex.compile(r"[\s\p{Pd}\p{S}\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]")


_ODD_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")  # str.split's whitespace, not regex's \s


@lru_cache(maxsize=4096)  # one line is looked up in several lists (phrases, section and comment headers)
def normalize_phrase(line: str) -> str:
    """The form phrases are compared in: NFKC, casefolded, spaces collapsed, edge decoration removed."""
    return _strip_edges(normalize_for_regex(line))


def _strip_edges(s: str) -> str:
    """`s` without edge decoration (what _EDGE.sub("", s) does)."""
    if s and s[0].isalnum() and s[-1].isalnum():
        return s  # no edge decoration to remove (letters and digits are none)
    # (what _EDGE.sub("", s) does, character by character from each end: decoration is a few
    # characters, and the pattern's end-anchored branch is slow to fail along a whole line)
    start, end = 0, len(s)
    while start < end and _EDGE_CHAR.match(s, start):
        start += 1
    while end > start and _EDGE_CHAR.match(s, end - 1):
        end -= 1
    return s[start:end]


@lru_cache(maxsize=4096)
def normalize_for_regex(line: str) -> str:
    """NFKC, casefolded and spaces collapsed, but punctuation kept (for `re:` entries)."""
    s = unicodedata.normalize("NFKC", line).casefold()
    if any(c in s for c in _ODD_SPACES):
        return _WS.sub(" ", s).strip()
    return " ".join(s.split())  # (the same at C speed)


@dataclass(frozen=True)
class PhraseList:
    """The phrases of one language: exact normalized strings and whole-line regexes (and all of the
    regexes as one alternation, so that a line that is none of them costs one match, not one each)."""

    lang: str
    exact: frozenset[str]
    patterns: tuple[regex.Pattern, ...]
    any_pattern: regex.Pattern | None = None


def _parse(lang: str, text: str) -> PhraseList:
    exact: set[str] = set()
    pats: list[regex.Pattern] = []
    for raw in text.splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        if raw.startswith("re:"):
            pats.append(regex.compile(raw[3:]))
        else:
            key = normalize_phrase(raw)
            if key:
                exact.add(key)
    joined = regex.compile("|".join(f"(?:{p.pattern})" for p in pats)) if pats else None
    return PhraseList(lang, frozenset(exact), tuple(pats), joined)


@lru_cache(maxsize=1)
def phrase_lists() -> tuple[PhraseList, ...]:
    """Every language's list from resources/boilerplate/phrases/ (read once)."""
    folder = resource_path("boilerplate", "phrases")
    out = []
    for path in sorted(folder.glob("*.txt")):
        out.append(_parse(path.stem, path.read_text(encoding="utf-8")))
    return tuple(out)


def _find(lists: tuple[PhraseList, ...], line: str, max_len: int,
          forms: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """(list name, phrase or pattern) of the first list in which the whole line is listed
    (`forms`: the line's normalize_phrase and normalize_for_regex forms, when the caller has them)."""
    if len(line) > max_len and len(" ".join(line.split())) > 3 * max_len:
        return None  # far too long to normalize down to a listed phrase: skip the normalization
    key = forms[0] if forms else normalize_phrase(line)
    if not key or len(key) > max_len:
        return None
    full = forms[1] if forms else normalize_for_regex(line)
    joined = _joined(lists)
    if joined is None or not (joined.fullmatch(full) or joined.fullmatch(key)):
        # No list's pattern matches (one match over all of them): only the exact phrases remain.
        return next(((pl.lang, key) for pl in lists if key in pl.exact), None)
    for pl in lists:
        if key in pl.exact:
            return pl.lang, key
        if pl.any_pattern is None or not (pl.any_pattern.fullmatch(full) or pl.any_pattern.fullmatch(key)):
            continue
        for p in pl.patterns:
            if p.fullmatch(full) or p.fullmatch(key):
                return pl.lang, p.pattern
    return None


@lru_cache(maxsize=16)
def _joined(lists: tuple[PhraseList, ...]) -> regex.Pattern | None:
    """Every pattern of the lists as one alternation (None when they have none)."""
    pats = [p.pattern for pl in lists for p in pl.patterns]
    return regex.compile("|".join(f"(?:{p})" for p in pats)) if pats else None


@lru_cache(maxsize=65536)
def match_phrase(line: str) -> tuple[str, str] | None:
    """(language, phrase) when the whole line is a listed furniture phrase, else None."""
    return _find(phrase_lists(), line, 120)


@lru_cache(maxsize=4)
def header_list(name: str) -> PhraseList:
    """A list of section headers: "section_ends" (related stories, most read) or "comment_headers"."""
    path = resource_path("boilerplate", f"{name}.txt")
    return _parse(name, path.read_text(encoding="utf-8"))


def is_section_end(line: str) -> bool:
    """Whether the line is a header such as "Related articles" or "Most read"."""
    return _find((header_list("section_ends"),), line, 80) is not None


def is_comment_header(line: str) -> bool:
    """Whether the line opens a comment section ("12 Comments", "Leave a reply")."""
    return _find((header_list("comment_headers"),), line, 80) is not None


@lru_cache(maxsize=1)
def _header_lists() -> tuple[tuple[PhraseList, ...], tuple[PhraseList, ...]]:
    return (header_list("section_ends"),), (header_list("comment_headers"),)


def line_kinds(line: str, headers: bool = True) -> tuple[bool, bool, bool]:
    """(a listed phrase, a section header, a comment header) for one line, in one call: what
    match_phrase, is_section_end and is_comment_header say (headers only when `headers`)."""
    full = normalize_for_regex.__wrapped__(line)  # (computed once here: no cache lookups)
    forms = (_strip_edges(full), full)
    phrase = _find(phrase_lists(), line, 120, forms) is not None
    if not headers:
        return phrase, False, False
    sections, comments = _header_lists()
    return phrase, _find(sections, line, 80, forms) is not None, _find(comments, line, 80, forms) is not None

