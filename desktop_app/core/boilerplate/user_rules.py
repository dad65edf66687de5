"""The user's own boilerplate: phrases (whole lines) and regular expressions, from the profile.

Regular expressions use the `regex` module with a time limit per search, so a catastrophic pattern
(`(a+)+$` on a long line) fails instead of hanging the application. `validate_pattern` gives the
GUI an error message for a pattern as it is typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from desktop_app.core.boilerplate.phrases import normalize_phrase

# Seconds one pattern may spend on one line before it is abandoned.
PATTERN_TIMEOUT = 0.05


class PatternError(ValueError):
    """A user pattern that does not compile."""


def validate_pattern(pattern: str) -> str | None:
    """None when `pattern` is usable, else a short message saying what is wrong with it."""
    if not pattern.strip():
        return "The pattern is empty."
    try:
        compiled = regex.compile(pattern, regex.V1)
    except regex.error as exc:
        pos = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
        return f"Invalid regular expression{pos}: {exc.msg if hasattr(exc, 'msg') else exc}."
    try:
        if compiled.search("", timeout=PATTERN_TIMEOUT):
            return "The pattern matches an empty line, so it would match everywhere."
    except TimeoutError:
        return "The pattern is too slow (it timed out on an empty line)."
    return None


@dataclass
class UserRules:
    """Compiled user phrases and patterns; `match(line)` says which one (if any) covers the line."""

    phrases: frozenset[str] = frozenset()
    patterns: tuple[tuple[str, regex.Pattern], ...] = ()
    errors: list[str] = field(default_factory=list)  # patterns skipped, with why (bad or timed out)

    @classmethod
    def from_profile(cls, phrases: Iterable[str], patterns: Iterable[str]) -> UserRules:
        keys = frozenset(k for k in (normalize_phrase(p) for p in phrases) if k)
        compiled = []
        errors = []
        for p in patterns:
            problem = validate_pattern(p)
            if problem:
                errors.append(f"{p!r}: {problem}")
                continue
            compiled.append((p, regex.compile(p, regex.V1)))
        return cls(keys, tuple(compiled), errors)

    def match(self, line: str) -> tuple[str, str] | None:
        """("phrase", phrase) or ("pattern", pattern) when the line is the user's boilerplate."""
        if self.phrases:
            key = normalize_phrase(line)
            if key and key in self.phrases:
                return "phrase", key
        for source, pat in self.patterns:
            try:
                if pat.search(line, timeout=PATTERN_TIMEOUT):
                    return "pattern", source
            except TimeoutError:
                self.errors.append(f"{source!r}: timed out on a line of {len(line)} characters; skipped there.")
        return None
