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
    """

    id: str
    category: str
    summary: str
    func: RuleFunc
    examples: tuple[tuple[str, str], ...] = ()
    order: int = 50
    sub_rules: dict[str, str] = field(default_factory=dict)
    settles: bool = False


RULES: dict[str, Rule] = {}


def rule(id: str, category: str, summary: str, *, examples: Iterable[tuple[str, str]] = (), order: int = 50,
         sub_rules: dict[str, str] | None = None, settles: bool = False) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated function under `id`."""

    def register(func: RuleFunc) -> RuleFunc:
        if id in RULES:
            raise ValueError(f"rule {id!r} registered twice")
        RULES[id] = Rule(id, category, summary, func, tuple(examples), order, dict(sub_rules or {}), settles)
        return func

    return register


def load_all() -> dict[str, Rule]:
    """Import every rule module so that RULES is complete."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    return RULES
