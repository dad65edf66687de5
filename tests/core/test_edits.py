"""Edits: overlap resolution is deterministic and applying is exact."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.edits import Edit, apply_edits, overlaps, resolve_overlaps


def E(s, e, rep="", cat="spacing", conf=0.9, rule="t.x"):
    return Edit(s, e, rep, rule, cat, "reason", conf)


def test_apply_simple():
    assert apply_edits("hello world", [E(0, 5, "HELLO"), E(5, 6, "_")]) == "HELLO_world"


def test_line_removal_beats_fix_inside_it():
    text = "keep\nRelated  \nkeep"
    kept = resolve_overlaps([E(5, 15, "", cat="boilerplate"), E(12, 14, "", cat="spacing")])
    assert kept == [E(5, 15, "", cat="boilerplate")]
    assert apply_edits(text, kept) == "keep\nkeep"


def test_two_insertions_at_one_point_clash():
    assert overlaps(E(3, 3, "a"), E(3, 3, "b"))
    assert len(resolve_overlaps([E(3, 3, "a"), E(3, 3, "b")])) == 1


def test_adjacent_edits_do_not_clash():
    assert not overlaps(E(0, 3), E(3, 5))
    assert len(resolve_overlaps([E(0, 3), E(3, 5)])) == 2


def test_roundtrip_dict():
    e = E(1, 4, "x", cat="encoding", conf=0.5)
    assert Edit.from_dict(e.to_dict()) == e


edit_st = st.builds(
    lambda s, n, rep, cat, conf: E(s, s + n, rep, cat, conf),
    st.integers(0, 40), st.integers(0, 6), st.text("xy", max_size=3),
    st.sampled_from(["spacing", "encoding", "boilerplate", "duplicate"]), st.sampled_from([0.5, 0.9, 1.0]),
)


@given(st.lists(edit_st, max_size=25))
def test_resolution_is_order_independent_and_non_overlapping(edits):
    kept = resolve_overlaps(edits)
    shuffled = list(edits)
    random.Random(0).shuffle(shuffled)
    assert resolve_overlaps(shuffled) == kept
    for a, b in zip(kept, kept[1:], strict=False):
        assert a.start <= b.start and not overlaps(a, b)
    # Every dropped edit clashes with a kept one.
    for e in set(edits) - set(kept):
        if e.start == e.end and not e.replacement:
            continue
        assert any(overlaps(e, k) for k in kept)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "x", "yz"]),
                          st.sampled_from(["encoding", "boilerplate", "spacing"]),
                          st.sampled_from([0.5, 0.9])), max_size=12))
def test_fast_path_agrees_with_the_ranked_resolution(specs):
    from desktop_app.core.edits import _resolve_clashing

    edits = [E(s, s + w, r, cat=c, conf=k) for s, w, r, c, k in specs]
    useful = [e for e in edits if e.start != e.end or e.replacement]
    assert resolve_overlaps(edits) == _resolve_clashing(useful)
