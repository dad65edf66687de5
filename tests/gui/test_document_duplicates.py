"""Duplicates across the sections of a big text: what the whole-text duplicate rule finds, section by section."""

from __future__ import annotations

import random
import threading

from desktop_app.core.edits import Edit, resolve_overlaps
from desktop_app.core.profiles import default_profile
from desktop_app.core.rules.duplicates import duplicates
from desktop_app.gui.document_duplicates import cross_section_duplicates, split_sections

SENTENCES = [
    "The storm is expected to reach the coast tonight, officials said on Monday.",
    "台風は今夜にも東海地方に最も接近する見込みで、各地で雨と風が強まっている。",
    "Trains were suspended in the afternoon and several flights were cancelled.",
    "Residents of low-lying areas were told to move to higher ground before dark.",
    "気象庁は土砂災害や河川の氾濫に警戒するよう呼びかけた。",
    "Yes.",
]


def _text(seed: int, paragraphs: int = 120) -> str:
    rnd = random.Random(seed)
    parts = []
    for i in range(paragraphs):
        lines = [f"{rnd.choice(SENTENCES)} ({i})" if rnd.random() < 0.7 else rnd.choice(SENTENCES)
                 for _ in range(rnd.choice((1, 1, 2)))]
        if parts and rnd.random() < 0.1:  # a whole paragraph repeated from earlier
            parts.append(rnd.choice(parts))
        else:
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _section_proposals(text: str, size: int) -> list[Edit]:
    """What the window's sectioned analysis proposes: the duplicate rule on each section alone."""
    out = []
    for a, b in split_sections(text, 0, len(text), size):
        out += [e.shifted(a) for e in duplicates(text[a:b], None)]
    return resolve_overlaps(out)


def _deleted_lines(text: str, edits: list[Edit]) -> set[int]:
    """Numbers of the non-blank lines the edits remove entirely."""
    out, start = set(), 0
    for n, line in enumerate(text.split("\n")):
        end = start + len(line)
        if line.strip() and any(e.start <= start and end <= e.end for e in edits):
            out.add(n)
        start = end + 1
    return out


def test_sections_plus_the_cross_section_pass_find_what_the_whole_text_rule_finds():
    for seed in range(8):
        text = _text(seed)
        size = 1500
        proposals = _section_proposals(text, size)
        extra = cross_section_duplicates(text, proposals, chunk_chars=size)
        assert extra, seed
        rule_edits = list(duplicates(text, None))
        whole = _deleted_lines(text, rule_edits)
        found = _deleted_lines(text, proposals + extra)
        # The lines the whole-text rule deletes are deleted (sometimes under another sub-rule: a line
        # the section saw as an extended repeat, a paragraph cut by a section boundary line by line).
        # The rule's verdicts on neighbours ("repeats the previous line", an extended repeat) depend
        # on which lines before went, so a few can differ either way.
        assert len(whole - found) <= 2 and len(found - whole) <= 2, (seed, whole - found, found - whole)
        assert len(whole & found) >= 0.95 * len(whole) > 10
        assert resolve_overlaps(proposals + extra) == sorted(proposals + extra, key=lambda e: (e.start, e.end))
        for e in extra:
            assert e.category == "duplicate" and text[e.start:e.end].strip()
            assert "repeats" in e.reason


def test_nothing_is_proposed_twice_or_over_another_proposal():
    line = "A long enough sentence about the storm that repeats across the page.\n\n"
    text = line + "filler text here\n\n" * 200 + line
    other = Edit(len(text) - len(line), len(text) - 2, "", "boilerplate.phrase", "boilerplate", "x", 0.9)
    assert cross_section_duplicates(text, [], chunk_chars=500)[0].rule == "duplicate.line"
    assert cross_section_duplicates(text, [other], chunk_chars=500) == []


def test_disabled_rules_and_cancel_are_respected():
    line = "A long enough sentence about the storm that repeats across the page.\n\n"
    text = line + "filler text here\n\n" * 200 + line
    profile = default_profile().replace(disabled_rules=frozenset({"duplicate.line"}))
    assert cross_section_duplicates(text, [], profile=profile, chunk_chars=500) == []
    cancel = threading.Event()
    cancel.set()
    assert cross_section_duplicates(text, [], cancel=cancel, chunk_chars=500) == []
