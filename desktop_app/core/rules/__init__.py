"""The rule registry: stable rule ids mapped to the functions that propose edits.

A rule is a plain function `(text, ctx) -> Iterable[Edit | Notice]` registered with `@rule(...)`.
Each family lives in its own module (mojibake, boilerplate, metadata, duplicates, spacing, notices);
importing this package registers them all. The registry is data, like ftfy's FIXERS: the GUI's rules
dialog and the generated rule catalogue read `RULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.edits import Edit, Notice
    from desktop_app.core.pipeline import RuleContext

RuleFunc = Callable[[str, "RuleContext"], Iterable["Edit | Notice"]]


@dataclass(frozen=True)
class Rule:
    """One registered rule.

    id:        stable id and prefix of the ids its edits carry ("spacing" emits "spacing.trailing").
    category:  the family its edits belong to.
    summary:   what it catches, one sentence (shown in the rules dialog and the catalogue).
    examples:  (before, after) pairs; tests check each one, the catalogue prints them.
    order:     rules run in ascending order (only matters for notices and reports).
    settles:   a cheap rule that tidies what other rules' edits leave behind (blank lines where a
               line was removed); the pipeline runs such rules alone to a fixed point after each
               full pass, so that the full verification pass usually finds nothing.
    scope:     how far the rule looks, which decides what the pipeline re-runs it on after edits
               were applied (the verification passes):
               "line":      an edit depends only on the line(s) it touches (mojibake, per-line
                            metadata): re-run only on the changed lines and one line either side;
               "paragraph": an edit depends only on its paragraph and the blank lines around it
                            (spacing): re-run on the changed paragraphs and their neighbours;
               "document":  anything (the default, always safe): re-run on the whole text.
               A rule run on a stretch of whole lines must then find exactly the edits it finds
               there in the whole text; declaring a scope narrower than the truth breaks
               idempotence (tests/core/test_properties.py catches that).
    """

    id: str
    category: str
    summary: str
    func: RuleFunc
    examples: tuple[tuple[str, str], ...] = ()
    order: int = 50
    sub_rules: dict[str, str] = field(default_factory=dict)
    settles: bool = False
    scope: str = "document"


SCOPES = ("line", "paragraph", "document")
RULES: dict[str, Rule] = {}


def rule(id: str, category: str, summary: str, *, examples: Iterable[tuple[str, str]] = (), order: int = 50,
         sub_rules: dict[str, str] | None = None, settles: bool = False,
         scope: str = "document") -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function under `id` (see `Rule` for the arguments)."""
    if scope not in SCOPES:
        raise ValueError(f"rule {id!r}: scope must be one of {SCOPES}, not {scope!r}")

    def register(func: RuleFunc) -> RuleFunc:
        if id in RULES:
            raise ValueError(f"rule {id!r} registered twice")
        RULES[id] = Rule(id, category, summary, func, tuple(examples), order, dict(sub_rules or {}), settles,
                         scope)
        return func

    return register


_loaded = False


def load_all() -> dict[str, Rule]:
    """Import every rule module so that RULES is complete (the folder is scanned once per process)."""
    global _loaded
    if not _loaded:
        import importlib
        import pkgutil

        for info in pkgutil.iter_modules(__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return RULES
