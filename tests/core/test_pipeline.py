"""The pipeline: multi-pass composition keeps analyze and clean_text consistent."""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import analyze, analyze_full, apply_edits, clean_text, default_profile
from desktop_app.core.edits import Edit, overlaps, resolve_overlaps
from desktop_app.core.pipeline import compose_edits

text_st = st.text("ab \n", max_size=30)


def _edits_on(text, data):
    raw = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 4), st.text("xy\n", max_size=3)),
                             max_size=6))
    edits = [Edit(s, min(len(text), s + n), r, "t.r", "spacing", "r", 0.9) for s, n, r in raw]
    return resolve_overlaps(edits)


@settings(max_examples=300, deadline=None)
@given(text_st, st.data())
def test_compose_equals_sequential_application(text0, data):
    first = _edits_on(text0, data)
    text1 = apply_edits(text0, first)
    second = _edits_on(text1, data)
    text2 = apply_edits(text1, second)
    composed = compose_edits(first, second, text0)
    for a, b in zip(composed, composed[1:], strict=False):
        assert not overlaps(a, b)
    assert apply_edits(text0, composed) == text2


def test_removed_line_and_blank_run_compose_into_clean_result():
    text = "Para one.\n\nBack to top\n\nPara two.\n"
    # Whatever the boilerplate rule does with the line, the blank lines around it end up single.
    out = clean_text(text)
    assert "\n\n\n" not in out


def test_clean_text_matches_accepted_edits_on_user_sample(user_sample):
    profile = default_profile()
    analysis = analyze_full(user_sample)
    assert apply_edits(user_sample, analysis.accepted(profile)) == clean_text(user_sample)
    assert clean_text(clean_text(user_sample)) == clean_text(user_sample)


def test_edits_are_sorted_and_within_bounds(user_sample):
    edits = analyze(user_sample)
    for e in edits:
        assert 0 <= e.start <= e.end <= len(user_sample)
    for a, b in zip(edits, edits[1:], strict=False):
        assert a.end <= b.start or (a.start == a.end and a.start < b.start)


def test_empty_text():
    assert analyze("") == []
    assert clean_text("") == ""
