"""Mojibake repair: ftfy's fixes as minimal edits, then a chain-search engine for what ftfy misses.

`repair_text(text)` yields `Repair`s in offsets of `text`, one per changed run:

1. ftfy (ftfy_fixes.py) on lines its cheap check flags: UTF-8 read as Windows-1252/Latin-1, HTML
   entities, C1 controls, ligatures; explained by ftfy's own plan.
2. the engine (engine.py) on ftfy's output: runs that a chain of re-encoding/re-decoding makes far more
   plausible under the model (model.py), e.g. UTF-8 read as CP932, Windows-1252 read as MacRoman.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.core.mojibake.align import diff_spans
from desktop_app.core.mojibake.chains import LOST
from desktop_app.core.mojibake.engine import ChainRepair, is_suspicious, repair_line
from desktop_app.core.mojibake.ftfy_fixes import Repair, ftfy_repairs
from desktop_app.core.mojibake.model import model

__all__ = ["Repair", "repair_line_full", "repair_text", "lines"]


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its line break) for every line of `text`, split on \\n only."""
    pos = 0
    for line in text.split("\n"):
        body = line[:-1] if line.endswith("\r") else line
        yield pos, body
        pos += len(line) + 1


PREFER_FTFY = 3.0  # how much more plausible (log10) the engine's repair must be to overrule ftfy's


def _apply(line: str, repairs: list[ChainRepair]) -> str:
    for r in sorted(repairs, key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def _chain_repair(r: ChainRepair) -> Repair:
    lost = r.replacement.count(LOST)
    reason = f"{r.label}: re-encoded and decoded the right way"
    if lost:
        reason += (f"; {lost} character{'s' if lost > 1 else ''} had already been lost and "
                   f"{'are' if lost > 1 else 'is'} marked with \ufffd")
    reason += f" (plausibility gain {r.gain:.1f})."
    return Repair(r.start, r.end, r.replacement, f"mojibake.{r.family}", reason, r.confidence)


def repair_line_full(line: str) -> list[Repair]:
    """Minimal repairs of one line: ftfy first, then the chain engine on ftfy's result."""
    fixed, first = ftfy_repairs(line)
    chain = repair_line(fixed)
    if first and is_suspicious(line):
        # ftfy changed the line, but its fixes can also damage mojibake it does not know (Shift_JIS
        # read as Windows-1252 holds C1 controls ftfy "fixes"): take the engine's repair of the
        # original line instead when it is clearly more plausible.
        alone = repair_line(line)
        if alone:
            m = model()
            via_ftfy = _apply(fixed, chain)
            direct = _apply(line, alone)
            if m.cost(direct) + PREFER_FTFY < m.cost(via_ftfy):
                return [_chain_repair(r) for r in alone]
    if not chain:
        return first
    second = [_chain_repair(r) for r in chain]
    if not first:
        return second
    # Both changed the line: re-align the original with the final text; each changed run carries the
    # reasons of the steps that touched it.
    final = fixed
    for r in sorted(second, key=lambda r: -r.start):
        final = final[:r.start] + r.replacement + final[r.end:]
    out = []
    for span in diff_spans(line, final):
        rules = first + second
        reason = "; then ".join(dict.fromkeys(r.reason for r in rules))
        conf = min(r.confidence for r in rules)
        out.append(Repair(span.start, span.end, span.replacement, second[0].rule, reason, conf))
    return out


def repair_text(text: str) -> Iterator[Repair]:
    """Every repair over `text`, in offsets of `text`."""
    if text.isascii() and "&" not in text and "\x1b" not in text and not any(
            c < " " and c not in "\t\n\r" for c in text):
        return
    for offset, line in lines(text):
        if not line or line.isascii() and "&" not in line and "\x1b" not in line:
            continue
        for r in repair_line_full(line):
            yield Repair(r.start + offset, r.end + offset, r.replacement, r.rule, r.reason, r.confidence)
