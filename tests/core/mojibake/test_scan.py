"""The fast path (scan.py) must flag every line the engine or ftfy would repair."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.mojibake import lines, repair_line_full, repair_text, scan
from desktop_app.core.mojibake.model import model

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks"


def _sets():
    spec = importlib.util.spec_from_file_location("mojibake_sets", BENCHMARKS / "mojibake_sets.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mojibake_sets", module)
    spec.loader.exec_module(module)
    return module


def _every_line(text: str) -> list[tuple[int, int, str, str]]:
    """The slow path: every line through the full repair, no scan."""
    out = []
    for offset, line in lines(text):
        out.extend((r.start + offset, r.end + offset, r.replacement, r.rule) for r in repair_line_full(line))
    return out


def _fast(text: str) -> list[tuple[int, int, str, str]]:
    return [(r.start, r.end, r.replacement, r.rule) for r in repair_text(text)]


def test_evaluation_sets_give_the_same_repairs_through_the_scan_and_without_it():
    sets = _sets()
    moji = [m for _, _, _, _, m in sets.family_cases()]
    clean = sets.controls()[:150]
    text = "\n".join(x for pair in zip(moji, clean * 8, strict=False) for x in pair)
    assert _fast(text) == _every_line(text)
    # A line the scan skips gets no repair from the slow path either.
    flagged = {text.count("\n", 0, h) for h in scan.candidate_offsets(text)}
    for k, (_, line) in enumerate(lines(text)):
        if k not in flagged:
            assert not repair_line_full(line), line


# Characters the tests look for, and their neighbours.
_ALPHABET = st.sampled_from(list("aeoZQ éÉüßñçÀÈ’‘“”„«»—–·…,;:!?&#;x1\n\r\tÃÂâ€™ÐÑРСмдВ縺ｧｶﾞ東京のこ한국"
                                 "αΩ√≈┌─\u0301\ufffd\x81\x9d\u00a0\ufb01ｱ¿¡©®°"))
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_one_pass_scan_is_the_union_of_its_tests(text):
    individual = [scan.engine_trigger_re(), re.compile("&#?[0-9A-Za-z]{1,24};"), scan.HALF_KANA_MIX,
                  scan.CASE_FLIP, *scan.GLUED_SYMBOLS]
    rare = re.compile("[" + scan.NEEDS_FTFY_CLASS + "\ufffd]")
    for _, line in lines(text):
        engine = any(p.search(line) for p in individual[2:]) or bool(individual[0].search(line)) or bool(
            scan.SCRIPT_MIX.search(line))
        assert bool(scan.engine_scan().search(line)) == engine, line
        expected = any(p.search(line) for p in individual) or bool(rare.search(line))
        assert bool(scan._first_scan().search(line)) == expected, line
        with_mix = expected or bool(scan.SCRIPT_MIX.search(line))
        assert bool(scan._first_scan("latin").search(line)) == with_mix, line
        assert bool(scan._first_scan("other").search(line)) == with_mix, line


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_either_anchor_flags_the_same_lines(text):
    def flagged(pattern):
        hits: list[int] = []
        scan._first_per_line(pattern, text, hits)
        return {text.count("\n", 0, h) for h in hits}

    assert flagged(scan.SCRIPT_MIX) == flagged(scan._SCRIPT_MIX_BY_LATIN)
    m = model()
    sparse: list[int] = []
    dense: list[int] = []
    scan._unknown_words(text, m, scan._Mix(False, True), sparse)
    scan._unknown_words(text, m, scan._Mix(False, False), dense)
    assert sorted(sparse) == sorted(dense)


def test_the_glued_symbol_class_is_the_same_without_negation():
    negated = re.compile(f"[{scan._GLUED_FIRST}]")
    positive = re.compile(f"[{scan._glued_first_positive()}](?<!\\w)")
    for c in [*map(chr, range(0x80, 0x10000)), "\U0001f600", "\U0001d400", "\U00020000"]:
        assert bool(negated.match(c)) == bool(positive.match(c)), hex(ord(c))


def test_clean_text_has_no_candidates():
    assert scan.candidate_offsets("The minister’s office said — again — “no”.\nLe café, où l’été\n東京都内") == []
    assert scan.candidate_offsets("AT&T and R&D, x &y") == []
    assert scan.candidate_offsets("AT&amp;T") == [2]
