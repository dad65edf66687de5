"""The pipeline: run the registered rules over a text, resolve their proposals, apply them.

`analyze(text)` returns every proposed edit (non-overlapping, in offsets of `text`);
`clean_text(text)` applies those the profile accepts. The two agree by construction:
`apply_edits(text, [e for e in analyze(text) if profile.accepts(e)]) == clean_text(text)`.

Rules look at the original text independently. Removing a line can leave work for another rule (a
run of blank lines where the line was), so the pipeline re-runs the rules on the result until
nothing more is accepted (at most MAX_PASSES), and composes the later passes' edits back onto the
original offsets. This makes clean_text idempotent without rules having to know about each other.

The re-runs are cheap where the rules allow it: a rule declares its scope (`Rule.scope`), and one of
"line" or "paragraph" scope re-reads only the stretches of lines around what changed (it would find
the same as before everywhere else); "document" rules re-read the whole text. A text in which the
first pass accepts nothing is done after that pass.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from itertools import accumulate

from desktop_app.core.corpus import CorpusStats
from desktop_app.core.edits import (
    CATEGORY_PRIORITY,
    Edit,
    Notice,
    apply_edits,
    common_affixes,
    overlaps,
    resolve_overlaps,
)
from desktop_app.core.profiles import Profile, default_profile
from desktop_app.core.rules import Rule, load_all

MAX_PASSES = 4


@dataclass(frozen=True)
class RuleContext:
    """What a rule may know besides the text: the profile and, in a batch, corpus statistics.

    changed: None on the first pass over a text. When the pipeline re-runs a rule of "document" scope
    after edits were applied, the spans of the text it gets (sorted, in its offsets) that differ from
    the original text: everything else is text the rule already judged, in the same order, so a rule
    whose judgements are local enough may re-judge only around these spans.
    """

    profile: Profile
    corpus: CorpusStats | None = None
    changed: tuple[tuple[int, int], ...] | None = None


@dataclass
class Analysis:
    """The result of analysing one text."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def accepted(self, profile: Profile) -> list[Edit]:
        return [e for e in self.edits if profile.accepts(e)]


def _ordered_rules() -> list[Rule]:
    """The registered rules in run order (cached until the registry changes)."""
    rules = load_all()
    key = tuple(rules.values())
    if _ORDER_CACHE.get("key") != key:
        _ORDER_CACHE["key"] = key
        _ORDER_CACHE["rules"] = sorted(key, key=lambda r: (r.order, r.id))
    return _ORDER_CACHE["rules"]


_ORDER_CACHE: dict[str, object] = {}


def _keep(item: Edit | Notice, text: str, profile: Profile, edits: list[Edit], notices: list[Notice],
          shift: int = 0) -> None:
    if isinstance(item, Notice):
        if profile.rule_enabled(item.rule, item.category):
            notices.append(item)
        return
    if shift:
        item = item.shifted(shift)
    if profile.rule_enabled(item.rule, item.category) and (
            item.start != item.end or item.replacement) and (
            text[item.start:item.end] != item.replacement):
        edits.append(item)


def _run_rules(text: str, ctx: RuleContext, want_notices: bool,
               only_settling: bool = False, dirty: list[tuple[int, int]] | None = None,
               ) -> tuple[list[Edit], list[Notice]]:
    """Run the enabled rules over `text`: (edits, notices), in offsets of `text`.

    With `dirty` (spans of `text` that changed since the rules last saw it), a rule of scope "line" or
    "paragraph" runs only on the stretches of whole lines around those spans (see Rule.scope):
    elsewhere it would find exactly what it found before.
    """
    edits: list[Edit] = []
    notices: list[Notice] = []
    profile = ctx.profile
    regions: dict[str, list[tuple[int, int]]] = {}
    starts: list[int] | None = None
    doc_ctx: RuleContext | None = None
    for r in _ordered_rules():
        if only_settling and not r.settles:
            continue
        if not profile.rule_enabled(r.id, r.category):
            continue
        if r.category == "notice" and not want_notices:
            continue
        if dirty is None or r.scope == "document":
            if dirty is not None and doc_ctx is None:
                doc_ctx = replace(ctx, changed=tuple(dirty))
            for item in r.func(text, ctx if dirty is None else doc_ctx):
                _keep(item, text, profile, edits, notices)
            continue
        if r.scope not in regions:
            if starts is None:
                starts = line_starts(text)
            regions[r.scope] = scope_regions(text, starts, dirty, r.scope)
        for a, b in regions[r.scope]:
            for item in r.func(text if (a == 0 and b == len(text)) else text[a:b], ctx):
                _keep(item, text, profile, edits, notices, a)
    return edits, notices


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of `text` start (0, and after every \\n)."""
    return list(accumulate((len(p) + 1 for p in text.split("\n")[:-1]), initial=0))


def _blank(text: str, starts: list[int], k: int) -> bool:
    end = starts[k + 1] if k + 1 < len(starts) else len(text)
    return not text[starts[k]:end].strip()


def scope_regions(text: str, starts: list[int], dirty: list[tuple[int, int]], scope: str) -> list[tuple[int, int]]:
    """Stretches of whole lines of `text` (sorted, disjoint) that a rule of `scope` must re-read after
    the spans `dirty` (sorted) changed: "line": the lines the spans touch and one line either side;
    "paragraph": their paragraphs, the blank lines around them and the whole neighbouring paragraphs."""
    n = len(starts)
    # The changed lines, as runs of consecutive line numbers (expanding a run once gives the union
    # of expanding each of its spans).
    runs: list[list[int]] = []
    for s, t in dirty:
        k0 = bisect_right(starts, max(s - 1, 0)) - 1
        k1 = bisect_right(starts, t) - 1
        if runs and k0 <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], k1)
        else:
            runs.append([k0, k1])
    out: list[tuple[int, int]] = []
    for k0, k1 in runs:
        if scope == "line":
            k0, k1 = max(0, k0 - 1), min(n - 1, k1 + 1)
        else:
            for step in (False, True, False):  # back over: this paragraph, blank lines, the previous one
                while k0 > 0 and _blank(text, starts, k0 - 1) == step:
                    k0 -= 1
            for step in (False, True, False):
                while k1 < n - 1 and _blank(text, starts, k1 + 1) == step:
                    k1 += 1
        a, b = starts[k0], (starts[k1 + 1] if k1 + 1 < n else len(text))
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def changed_spans(edits: list[Edit]) -> list[tuple[int, int]]:
    """Where sorted, non-overlapping `edits` put their replacements in the text they produce."""
    out = []
    delta = 0
    for e in edits:
        s = e.start + delta
        out.append((s, s + len(e.replacement)))
        delta += len(e.replacement) - (e.end - e.start)
    return out


def apply_sorted(text: str, edits: list[Edit]) -> str:
    """Apply edits known to be sorted and non-overlapping (no resolution: cheaper than apply_edits)."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def compose_edits(first: list[Edit], second: list[Edit], text0: str, text1: str | None = None) -> list[Edit]:
    """Edits on `text0` equivalent to applying `first` (on text0) and then `second` (on the result).

    Both lists must be sorted and non-overlapping. A second-pass edit that touches a first-pass edit's
    output is merged with it into one edit, whose reason tells both steps. `text1` (the result of
    `first`) saves computing it again.
    """
    if not second:
        return list(first)
    # Spans of first-pass replacements in the intermediate text, and the running offset delta.
    spans: list[tuple[int, int, Edit]] = []
    delta = 0
    deltas_after: list[int] = []
    for e in first:
        s1 = e.start + delta
        spans.append((s1, s1 + len(e.replacement), e))
        delta += len(e.replacement) - (e.end - e.start)
        deltas_after.append(delta)
    span_starts = [s for s, _, _ in spans]

    def to0(p: int, side: str = "start") -> int:
        """Original offset of intermediate position p (not strictly inside a first-pass span).

        Where first-pass deletions left nothing at p, a start maps after them and an end before
        them, so that an edit beside a removed line stays beside it instead of swallowing it.
        """
        i = bisect_right(span_starts, p)
        while i > 0 and (spans[i - 1][1] > p or (side == "end" and spans[i - 1][0] == spans[i - 1][1] == p)):
            i -= 1
        return p - (deltas_after[i - 1] if i else 0)

    # Items in intermediate coordinates: (start, end, edit, is_second).
    items = [(s, t, e, False) for s, t, e in spans] + [(e.start, e.end, e, True) for e in second]
    items.sort(key=lambda it: (it[0], it[1]))
    def thin(it) -> bool:
        # An insertion (a second-pass edit empty in the intermediate text, or a first-pass edit empty
        # in the original): edits that merely touch it share its original position and must merge.
        return (it[0] == it[1]) if it[3] else it[2].start == it[2].end

    clusters: list[list] = []
    cur_end = -1
    end_thin = False  # whether an item reaching cur_end is thin
    for it in items:
        s, t = it[0], it[1]
        if clusters and (s < cur_end or (s == cur_end and (thin(it) or end_thin))):
            clusters[-1].append(it)
            if t > cur_end:
                cur_end, end_thin = t, thin(it)
            elif t == cur_end:
                end_thin = end_thin or thin(it)
        else:
            clusters.append([it])
            cur_end, end_thin = t, thin(it)
    if text1 is None:
        text1 = apply_edits(text0, first)
    out: list[Edit] = []
    for cl in clusters:
        if not any(it[3] for it in cl):
            out.extend(it[2] for it in cl)  # first-pass edits that the second pass left alone
            continue
        if len(cl) == 1:
            s, t, e, _ = cl[0]
            a0 = to0(s, "start")
            b0 = a0 if s == t else to0(t, "end")
            out.append(Edit(a0, b0, e.replacement, e.rule, e.category, e.reason, e.confidence))
            continue
        firsts = [it for it in cl if not it[3]]
        seconds = [it[2] for it in cl if it[3]]
        a1 = min(it[0] for it in cl)
        b1 = max(it[1] for it in cl)
        a0 = min((it[2].start for it in firsts if it[0] == a1), default=None)
        a0 = to0(a1, "start") if a0 is None else a0
        b0 = max((it[2].end for it in firsts if it[1] == b1), default=None)
        b0 = to0(b1, "end") if b0 is None else b0
        local = [Edit(e.start - a1, e.end - a1, e.replacement, e.rule, e.category, e.reason, e.confidence)
                 for e in seconds]
        replacement = apply_edits(text1[a1:b1], local)
        if a0 == b0 and not replacement or text0[a0:b0] == replacement:
            continue  # the second pass undid the first here
        steps = [it[2] for it in firsts] + seconds
        # Label the merged edit by its weightiest step (a removed line, not the space fixed in it),
        # so that its category says what it mostly does; ties keep the first step.
        lead = max(steps, key=lambda e: CATEGORY_PRIORITY.get(e.category, 2))
        reason = "; then ".join(dict.fromkeys(e.reason for e in steps))
        conf = min(e.confidence for e in steps)
        out.append(Edit(a0, b0, replacement, lead.rule, lead.category, reason, conf))
    out.sort(key=lambda e: (e.start, e.end))
    return out


def _whole_diff_edit(text0: str, text2: str, rule: str, category: str, reason: str, conf: float) -> Edit:
    """Fallback: one edit covering the changed middle of text0 -> text2."""
    p, q = common_affixes(text0, text2)
    return Edit(p, len(text0) - q, text2[p:len(text2) - q], rule, category, reason, conf)


def _without_clashes(candidates: list[Edit], fixed: list[Edit]) -> list[Edit]:
    """The candidates that clash with no edit of `fixed` (sorted, non-overlapping)."""
    starts = [k.start for k in fixed]
    out = []
    for e in candidates:
        i = bisect_right(starts, e.start)
        if not any(overlaps(e, k) for k in fixed[max(0, i - 2):i + 1]):
            out.append(e)
    return out


def analyze_full(text: str, profile: Profile | None = None, corpus: CorpusStats | None = None,
                 *, notices: bool = True) -> Analysis:
    """Propose edits and notices for `text` (see the module docstring for the passes)."""
    return analyze_and_clean(text, profile, corpus, notices=notices)[0]


def analyze_and_clean(text: str, profile: Profile | None = None, corpus: CorpusStats | None = None,
                      *, notices: bool = True) -> tuple[Analysis, str]:
    """(analyze_full(...), the text with the accepted edits applied): the pipeline has the cleaned text
    at hand, equal to `apply_edits(text, analysis.accepted(profile))`."""
    profile = profile or default_profile()
    ctx = RuleContext(profile, corpus)
    edits, found = _run_rules(text, ctx, notices)
    # What the profile applies is resolved first, so that a mere proposal (a byline at 0.6) never
    # displaces an applied fix inside the same line; proposals then fill the gaps.
    accepted = resolve_overlaps(e for e in edits if profile.accepts(e))
    current = apply_sorted(text, accepted)
    passes = 0
    while accepted and passes < 2 * (MAX_PASSES - 1):
        # After a full pass, the settling rules alone tidy up (cheap); then one verification pass checks
        # that nothing is left. Usually: one full pass, one settling pass, one pass that finds nothing.
        # Rules of line or paragraph scope re-read only what changed since they saw the original text.
        settling = passes % 2 == 0
        passes += 1
        more, _ = _run_rules(current, ctx, False, only_settling=settling, dirty=changed_spans(accepted))
        more = resolve_overlaps(e for e in more if profile.accepts(e))
        if not more:
            if settling:
                continue
            break
        after = apply_sorted(current, more)
        composed = compose_edits(accepted, more, text, current)
        if apply_sorted(text, composed) != after:
            composed = [_whole_diff_edit(text, after, more[0].rule, more[0].category,
                                         "several fixes combined", min(e.confidence for e in more))]
        # A merged edit keeps the lowest confidence of its steps; it was applied, so it stays applied.
        accepted = [e if profile.accepts(e) else replace(e, confidence=profile.threshold_for(e.category))
                    for e in composed]
        current = after
    pending = _without_clashes(resolve_overlaps(e for e in edits if not profile.accepts(e)), accepted)
    final = accepted + pending
    final.sort(key=lambda e: (e.start, e.end))
    found.sort(key=lambda n: (n.start, n.end, n.rule))
    return Analysis(text, final, found), current


def analyze(text: str, profile: Profile | None = None, corpus: CorpusStats | None = None) -> list[Edit]:
    """Every proposed edit for `text`, sorted and non-overlapping."""
    return analyze_full(text, profile, corpus, notices=False).edits


def clean_text(text: str, profile: Profile | None = None, corpus: CorpusStats | None = None) -> str:
    """`text` with every edit the profile accepts applied."""
    return analyze_and_clean(text, profile, corpus, notices=False)[1]
