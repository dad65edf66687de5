"""Mojibake repair: ftfy's fixes as minimal edits, then a chain-search engine for what ftfy misses.

`repair_text(text)` yields `Repair`s in offsets of `text`, one per changed run:

1. ftfy (ftfy_fixes.py) on lines its cheap check flags: UTF-8 read as Windows-1252/Latin-1, HTML
   entities, C1 controls, ligatures; explained by ftfy's own plan.
2. the engine (engine.py) on ftfy's output: runs that a chain of re-encoding/re-decoding makes far more
   plausible under the model (model.py), e.g. UTF-8 read as CP932, Windows-1252 read as MacRoman;
   lines with lost bytes decoded whole (what survived recovered, each lost character marked ``�``).

Only the lines that the fast scan (scan.py) flags get either: one pass of a few compiled patterns
over the whole text, so clean text costs a small fraction of ftfy's own time.
"""

from __future__ import annotations

import re
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
)
from desktop_app.core.mojibake.ftfy_fixes import Repair, ftfy_repairs
from desktop_app.core.mojibake.model import model
from desktop_app.core.mojibake.scan import candidate_offsets

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
NBSP_MARGIN = 3.0  # ... and a repair that reads spaces inside mojibake as lost no-break spaces
# A space between two non-ASCII characters, after one that Windows-1252 shows for a UTF-8 lead byte
# of a two-byte sequence (0xC2-0xDF: Â-ß).
_SPACE_IN_MOJIBAKE = re.compile("(?<=[\u00c2-\u00df]) (?=[^\x00-\x7f])")


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
    plain = repair_line_full_after_nbsp(line)
    inside = [mt.start() for mt in _SPACE_IN_MOJIBAKE.finditer(line)]
    if inside:
        # Spaces inside a run of mojibake, after a UTF-8 lead byte as Windows-1252 shows it
        # ("Ù Ù Ù¡" is "٠٠١"): the no-break spaces of its "Ù\xa0" became spaces. Try them back.
        pre = "".join("\xa0" if k in inside else c for k, c in enumerate(line))
        others = repair_line_full_after_nbsp(pre)
        rest = _apply_repairs(pre, others)
        m = model()
        if rest != pre and m.cost(rest) + NBSP_MARGIN < m.cost(_apply_repairs(line, plain)):
            reason = "; then ".join(dict.fromkeys(
                ["UTF-8 whose no-break-space bytes became spaces, read as Windows-1252"] + [r.reason for r in others]))
            conf = min([NBSP_CONFIDENCE] + [r.confidence for r in others])
            return [Repair(sp.start, sp.end, sp.replacement, "mojibake.utf8-nbsp", reason, conf)
                    for sp in diff_spans(line, rest)]
    return plain


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
            # ftfy's weakest steps: "restore_byte_a0" and "decode_inconsistent_utf8" (a space that
            # was a no-break space: "Â " is also Windows-1251 "В "; a few pairs of a line read as
            # UTF-8: "Ã¹" in a line of EUC-KR mojibake is "첫", not "ù"), and "fix_c1_controls" (a
            # C1 control read as Windows-1252, where CP932 mojibake keeps U+0080).
            weak = any(step in r.reason for r in first
                       for step in ("non-breaking-space", "decode_inconsistent_utf8", "fix_c1_controls"))
            margin = 0.0 if weak else PREFER_FTFY
            # A line is mojibaked by one wrong decoding: where ftfy's weak guess is one of two
            # explanations and one chain explains the whole line, ftfy's part included, take it.
            one_chain = len({r.chains for r in alone}) == 1 and all(
                any(a.start < f.end and f.start < a.end for a in alone) for f in first)
            if (weak and one_chain) or (m.cost(direct) + _islands(direct) + margin
                                        < m.cost(via_ftfy) + _islands(via_ftfy)):
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
    """Every repair over `text`, in offsets of `text`.

    The fast path (scan.candidate_offsets) runs over the whole text at once; only the lines with a
    hit are looked at closely.
    """
    done = -1
    for hit in candidate_offsets(text):
        if hit <= done:
            continue
        offset = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        done = end
        line = text[offset:end - 1] if end > offset and text[end - 1] == "\r" else text[offset:end]
        if not line:
            continue
        for r in _settling_repairs(line):
            yield Repair(r.start + offset, r.end + offset, r.replacement, r.rule, r.reason, r.confidence)


SETTLE_ROUNDS = 3  # a repaired line must reach a fixed point within this many more repairs
SETTLE_CONFIDENCE = 0.8  # the repairs that count as applied (the default profile's threshold)


def _settling_repairs(line: str) -> list[Repair]:
    """`repair_line_full(line)`, or nothing when the repaired line does not settle: repairs of it keep
    finding more to repair round after round (garbage, most often with lost bytes, that chains map
    from one reading to another). The pipeline re-runs rules until nothing more is applied, for a
    few passes only: a line that would not settle there is left as it is, so cleaning stays
    idempotent. Only repaired lines pay for the check (one more look, as the pipeline's own next
    pass would take)."""
    repairs = repair_line_full(line)
    current = _apply_repairs(line, [r for r in repairs if r.confidence >= SETTLE_CONFIDENCE])
    if current == line:
        return repairs
    seen = {line}
    for _ in range(SETTLE_ROUNDS):
        more = [r for r in repair_line_full(current) if r.confidence >= SETTLE_CONFIDENCE]
        if not more:
            return repairs
        seen.add(current)
        current = _apply_repairs(current, more)
        if current in seen:
            break  # repairs that go round in a circle
    return []
