"""Corpus statistics: evidence that spans documents (a line recurring in most files is furniture).

A batch runs in two passes: `CorpusStats.add_document` over every text (cheap, bounded memory), then
`analyze(text, corpus=stats)`. A single text has no corpus statistics.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

# `regex` substitutes twice as fast as `re` where digits abound (dates, scores, prices).
_DIGITS = regex.compile(r"\d+")


def normalize_line(line: str) -> str:
    """The key under which a line is counted: NFKC, casefolded, digits and spaces collapsed.

    Runs once per line of every document of a batch, so it takes the cheap road where it can: ASCII
    needs no NFKC, a line without digits no substitution, and str.split collapses Unicode whitespace
    at C speed.
    """
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line)
    line = line.casefold()
    if _DIGIT.search(line):
        line = _DIGITS.sub("0", line)
    return " ".join(line.split())


_DIGIT = regex.compile(r"\d")


def _hash(normalized: str) -> int:
    digest = hashlib.blake2b(normalized.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@lru_cache(maxsize=1 << 13)
def line_key(line: str) -> int:
    """A 64-bit hash of the normalized line (stable across processes, unlike hash()). Cached: the
    classifier asks for the same lines again in the pipeline's verification pass, and furniture
    lines recur across documents."""
    return _hash(normalize_line(line))


def document_keys(text: str) -> set[int]:
    """{line_key(line) for every non-blank line of text.splitlines()}, normalizing the whole text at
    once: NFKC, casefolding, the digit rule and collapsing the whitespace inside lines act within
    lines and never create, remove or move a line separator (checked over every BMP character in
    tests/core/test_corpus.py), and a line is blank exactly when its normalized form is empty."""
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    folded = folded.casefold()
    if _DIGIT.search(folded):
        folded = _DIGITS.sub("0", folded)
    if any(c in folded for c in _INLINE_SPACES):
        folded = _INLINE_SPACE_RUN.sub(" ", folded)
    if "  " in folded:
        folded = _SPACE_RUN.sub(" ", folded)
    blake2b = hashlib.blake2b
    keys = set()
    for piece in folded.splitlines():
        piece = piece.strip(" ")
        if piece:
            keys.add(int.from_bytes(blake2b(piece.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                    "little"))
    return keys


# Whitespace for str.split() other than the space and the line separators of str.splitlines().
_INLINE_SPACES = "\t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INLINE_SPACE_RUN = re.compile(f"[{_INLINE_SPACES}]+")
_SPACE_RUN = re.compile("  +")


@dataclass
class CorpusStats:
    """Counts, per normalized line, of how many documents contain it.

    max_keys bounds memory (about 80 bytes a key): past it, the rarest lines are dropped (those seen
    in one document, then in two, ...) until half of max_keys remain. What the classifier asks about
    is a line in a sizeable share of the documents, which is never among the rarest for long; so
    memory stays bounded however many documents stream through, at little cost to the evidence.
    """

    documents: int = 0
    line_docs: Counter = field(default_factory=Counter)
    max_keys: int = 250_000

    def add_document(self, text: str) -> None:
        self.documents += 1
        self.line_docs.update(document_keys(text))
        self.shrink()

    def merge(self, other: CorpusStats) -> None:
        self.documents += other.documents
        self.line_docs.update(other.line_docs)
        self.shrink()

    def shrink(self) -> None:
        """Past max_keys, drop the rarest lines until at most half of max_keys remain (so that the
        work of dropping is spread over many documents)."""
        if len(self.line_docs) <= self.max_keys:
            return
        floor = 1
        while len(self.line_docs) > self.max_keys // 2:
            self.line_docs = Counter({k: n for k, n in self.line_docs.items() if n > floor})
            floor += 1

    def doc_count(self, line: str) -> int:
        return self.line_docs.get(line_key(line), 0)

    def doc_count_normalized(self, normalized: str) -> int:
        """doc_count for a line already passed through normalize_line (saves normalizing it again,
        about 4 µs a line: the classifier has the normalized line in its features)."""
        return self.line_docs.get(_hash(normalized), 0)
