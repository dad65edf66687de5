"""Boilerplate: page-furniture lines (menus, share bars, "Related articles", cookie notices, ...).

Three sources of evidence, strongest first:
- the user's own phrases and regular expressions from the profile (`boilerplate.user-phrase`,
  `boilerplate.user-pattern`);
- the phrase lists in resources/boilerplate/phrases/ (`boilerplate.phrase`), whole lines only;
- the line classifier of desktop_app.core.boilerplate.classifier (`boilerplate.classifier`,
  `boilerplate.repeated`, `boilerplate.comment`, `boilerplate.title`), which weighs each line's
  features with its neighbours and, in a batch, how many documents share the line.
Every edit deletes whole lines including their line break.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.core.boilerplate.classifier import classify
from desktop_app.core.boilerplate.features import line_features
from desktop_app.core.boilerplate.phrases import match_phrase
from desktop_app.core.boilerplate.user_rules import UserRules
from desktop_app.core.edits import Edit
from desktop_app.core.textlines import deletion_span, split_lines

from . import rule

PHRASE_CONFIDENCE = 0.95
USER_CONFIDENCE = 0.99


@rule("boilerplate", "boilerplate",
      "Page-furniture lines: listed phrases in many languages, the user's phrases and patterns, and "
      "lines the classifier judges to be menus, share bars, footers or site-wide repeats.",
      examples=[("Intro.\nRelated Articles\n", "Intro.\n"), ("本文です。\nページの先頭へ\n", "本文です。\n")],
      order=20,
      sub_rules={"boilerplate.phrase": "a whole line from the phrase lists",
                 "boilerplate.user-phrase": "a whole line from the profile's phrases",
                 "boilerplate.user-pattern": "a line matching one of the profile's patterns",
                 "boilerplate.classifier": "a line the classifier judges to be furniture (evidence in the reason)",
                 "boilerplate.repeated": "a line found in a large share of the batch's documents",
                 "boilerplate.comment": "a comment section after the main text (proposed only)",
                 "boilerplate.title": "the title line, when the profile drops titles"})
def boilerplate(text: str, ctx) -> Iterator[Edit]:
    profile = ctx.profile
    user = UserRules.from_profile(profile.phrases, profile.patterns)
    lines = split_lines(text)
    # The classifier's line features say which lines are listed phrases (cheaply, and cached), so
    # only those are looked up again for the phrase that names them.
    feats = line_features(lines)
    decided: set[int] = set()
    check_user = bool(user.phrases or user.patterns)
    for line, f in zip(lines, feats, strict=True):
        if f is None:
            continue
        hit = user.match(line.text) if check_user else None
        if hit:
            kind, what = hit
            start, end = deletion_span(text, line)
            yield Edit(start, end, "", f"boilerplate.user-{kind}", "boilerplate",
                       f"Matches your {kind} {what!r}.", USER_CONFIDENCE)
            decided.add(line.index)
            continue
        found = match_phrase(line.text) if f.phrase else None
        if found:
            lang, phrase = found
            start, end = deletion_span(text, line)
            yield Edit(start, end, "", "boilerplate.phrase", "boilerplate",
                       f"Page furniture: the whole line is the listed phrase {phrase!r} ({lang}).",
                       PHRASE_CONFIDENCE)
            decided.add(line.index)
    for verdict in classify(lines, ctx, known=decided, feats=feats):
        start, end = deletion_span(text, lines[verdict.index])
        yield Edit(start, end, "", f"boilerplate.{verdict.kind}", "boilerplate", verdict.reason,
                   verdict.confidence)
