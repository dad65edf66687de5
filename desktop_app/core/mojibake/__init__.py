"""Mojibake repair: ftfy's fixes as minimal edits, then a chain-search engine for what ftfy misses.

`repair_text(text)` yields `Repair`s in offsets of `text`, one per changed run:

1. ftfy (ftfy_fixes.py) on lines its cheap check flags: UTF-8 read as Windows-1252/Latin-1, HTML
   entities, C1 controls, ligatures; explained by ftfy's own plan.
2. the engine (engine.py) on ftfy's output: runs that a chain of re-encoding/re-decoding makes far more
   plausible under the model (model.py), e.g. UTF-8 read as CP932, Windows-1252 read as MacRoman.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from desktop_app.core.mojibake.align import diff_spans
from desktop_app.core.mojibake.chains import LOST
from desktop_app.core.mojibake.engine import (
    _WORD,
    ChainRepair,
    _scripts,
    is_suspicious,
    lost_nbsp_repairs,
    repair_line,
    suspicious_offsets,
)
from desktop_app.core.mojibake.ftfy_fixes import Repair, ftfy_offsets, ftfy_repairs, needs_ftfy
from desktop_app.core.mojibake.model import model

__all__ = ["Repair", "repair_line_full", "repair_text", "lines"]


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its line break) for every line of `text`, split on \\n only."""
    pos = 0
    for line in text.split("\n"):
        body = line[:-1] if line.endswith("\r") else line
        yield pos, body
        pos += len(line) + 1


MERGE_CONFIDENCE = 0.8  # an engine repair of ftfy's output below this is not merged into ftfy's fix
NBSP_CONFIDENCE = 0.9  # at most this sure when a space is read as the lost no-break space
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
    absorbed = [r for r in lost_nbsp_repairs(line) if r.end - r.start == 2]
    if absorbed:
        # A no-break space that was itself the lost byte ("hĂ i" for "hài"): ftfy would keep the
        # space, so restore these first and let ftfy and the engine repair the rest of the line.
        # The no-break space goes back into the mojibake (the lead byte's partner), then the line is
        # repaired as usual: ftfy decodes whole lines, so the restored byte must be in its code page.
        pre = line
        for r in sorted(absorbed, key=lambda r: -r.start):
            pre = pre[:r.start + 1] + "\xa0" + pre[r.start + 2:]
        others = repair_line_full_after_nbsp(pre)
        rest = _apply_repairs(pre, others)
        plain = repair_line_full_after_nbsp(line)
        m = model()
        if rest == pre or m.cost(rest) + 1.0 >= m.cost(_apply_repairs(line, plain)):
            return plain  # restoring the no-break spaces does not make the repaired line better
        reasons = [_chain_repair(r).reason.replace(":", " (its no-break space had become a space):", 1)
                   for r in absorbed]
        reason = "; then ".join(dict.fromkeys(reasons + [r.reason for r in others]))
        conf = min([NBSP_CONFIDENCE] + [r.confidence for r in others])
        return [Repair(sp.start, sp.end, sp.replacement, "mojibake.utf8-nbsp", reason, conf)
                for sp in diff_spans(line, rest)]
    return repair_line_full_after_nbsp(line)


def repair_line_full_after_nbsp(line: str) -> list[Repair]:
    fixed, first = ftfy_repairs(line)
    chain = repair_line(fixed)
    if first and is_suspicious(fixed):
        # ftfy changed the line but left it suspicious: its fixes can damage mojibake it does not
        # know (Shift_JIS read as Windows-1252 holds C1 controls ftfy "fixes"), so take the engine's
        # repair of the original line instead when that is clearly more plausible.
        alone = repair_line(line)
        if alone:
            m = model()
            via_ftfy = _apply(fixed, chain)
            direct = _apply(line, alone)
            # ftfy's "restore_byte_a0" guess (a space that was a no-break space) is its weakest step.
            # ... and so is "decode_inconsistent_utf8", its guess that a few pairs of a line are UTF-8
            # ("Ã¹" in a line of EUC-KR mojibake is "첫", not "ù").
            margin = 0.0 if any("non-breaking-space" in r.reason or "mixed with correct text" in r.reason
                                for r in first) else PREFER_FTFY
            if m.cost(direct) + _islands(direct) + margin < m.cost(via_ftfy) + _islands(via_ftfy):
                return [_chain_repair(r) for r in alone]
    if not chain:
        return first
    second = [_chain_repair(r) for r in chain]
    if not first:
        return second
    return _compose(line, first, second)


ISLAND = 2.0  # a non-ASCII word in another script than the words on both sides of it ("개봉 ù 주에")


def _islands(line: str) -> float:
    """Penalty for words stranded in another script: a line is written in one script at a time."""
    words = [(w.group(), _scripts(w.group())) for w in _WORD.finditer(line)]
    n = 0
    for k in range(1, len(words) - 1):
        word, sc = words[k]
        left, right = words[k - 1][1], words[k + 1][1]
        if not word.isascii() and len(sc) == 1 and left == right and len(left) == 1 and sc != left:
            n += 1
    return ISLAND * n


def _compose(line: str, first: list[Repair], second: list[Repair]) -> list[Repair]:
    """ftfy's repairs of `line`, then the engine's repairs of ftfy's result, as repairs of `line`.

    An engine repair away from ftfy's changes is moved back to the line's offsets; one that touches
    them is merged with them into one repair carrying both reasons and the lower confidence.
    """
    spans = []  # ftfy's repairs in the coordinates of its output
    delta = 0
    for r in first:
        spans.append((r.start + delta, r.start + delta + len(r.replacement), r))
        delta += len(r.replacement) - (r.end - r.start)
    out: list[Repair] = []
    merged: dict[int, list[Repair]] = {}
    for e in second:
        hit = [k for k, (a, b, _) in enumerate(spans) if e.start <= b and a <= e.end]
        if hit and e.confidence < MERGE_CONFIDENCE:
            continue  # a doubtful second step must not hold back ftfy's fix; a later pass may propose it
        if hit:
            for k in hit:
                merged.setdefault(k, []).append(e)
            continue
        # Offset delta of the ftfy repairs before e.
        d = sum(len(r.replacement) - (r.end - r.start) for a, _, r in spans if a < e.start)
        out.append(Repair(e.start - d, e.end - d, e.replacement, e.rule, e.reason, e.confidence))
    fixed = _apply_repairs(line, first)
    for k, (a, b, r) in enumerate(spans):
        if k not in merged:
            out.append(r)
            continue
        group = merged[k]
        lo = min([a] + [e.start for e in group])
        hi = max([b] + [e.end for e in group])
        local = fixed[lo:hi]
        for e in sorted(group, key=lambda e: -e.start):
            local = local[:e.start - lo] + e.replacement + local[e.end - lo:]
        d = sum(len(x.replacement) - (x.end - x.start) for x0, _, x in spans if x0 < lo)
        start0 = min(r.start, lo - d)
        end0 = max(r.end, hi - d - (len(r.replacement) - (r.end - r.start)))
        reason = "; then ".join(dict.fromkeys([r.reason] + [e.reason for e in group]))
        out.append(Repair(start0, end0, local, group[0].rule, reason,
                          min([r.confidence] + [e.confidence for e in group])))
    out.sort(key=lambda r: r.start)
    if _apply_repairs(line, out) != _apply_repairs(fixed, second):
        # Overlapping groups: fall back to one repair per changed run of the final text.
        final = _apply_repairs(fixed, second)
        reason = "; then ".join(dict.fromkeys(r.reason for r in first + second))
        conf = min(r.confidence for r in first + second)
        return [Repair(s.start, s.end, s.replacement, second[0].rule, reason, conf)
                for s in diff_spans(line, final)]
    return out


def _apply_repairs(line: str, repairs: list[Repair]) -> str:
    for r in sorted(repairs, key=lambda r: -r.start):
        line = line[:r.start] + r.replacement + line[r.end:]
    return line


def repair_text(text: str) -> Iterator[Repair]:
    """Every repair over `text`, in offsets of `text`."""
    if text.isascii() and not needs_ftfy(text.replace("\n", " ").replace("\r", " ")):
        return
    # The fast path runs over the whole text at once; only lines with a hit are looked at closely.
    hits = sorted(set(ftfy_offsets(text)) | set(suspicious_offsets(text)))
    if not hits:
        return
    starts = [off for off, _ in lines(text)]
    wanted = sorted({bisect_right(starts, h) - 1 for h in hits})
    all_lines = list(lines(text))
    for k in wanted:
        offset, line = all_lines[k]
        if not line:
            continue
        for r in repair_line_full(line):
            yield Repair(r.start + offset, r.end + offset, r.replacement, r.rule, r.reason, r.confidence)
