"""diff_spans: the changed runs between a line and its repair, word-aligned for long lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.mojibake.align import WORD_LEVEL_FROM, diff_spans

_PIECES = st.sampled_from(["caf", "Ã©", "é", " ", "  ", "crÃ¨me", "crème", "東京", "縺薙ｓ", "a", "?", "\ufffd",
                           "Ð¿Ñ€", "пр", ", ", "&amp;", "&", "x" * 30])
_LINE = st.lists(_PIECES, max_size=40).map("".join)


def _apply(before: str, spans) -> str:
    for sp in sorted(spans, key=lambda s: -s.start):
        before = before[:sp.start] + sp.replacement + before[sp.end:]
    return before


@settings(max_examples=300, deadline=None)
@given(_LINE, _LINE)
def test_spans_turn_before_into_after(before, after):
    spans = diff_spans(before, after)
    assert _apply(before, spans) == after
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))  # in order, not overlapping


def test_long_lines_are_aligned_word_by_word():
    before = " ".join(["Ð¿Ñ€Ð¸Ð²ÐµÑ‚ mundo"] * 20)
    after = " ".join(["привет mundo"] * 20)
    assert len(before) > 2 * WORD_LEVEL_FROM
    spans = diff_spans(before, after)
    assert len(spans) == 20 and all(sp.replacement == "привет" for sp in spans)
    assert _apply(before, spans) == after
