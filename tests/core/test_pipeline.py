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


def test_scope_regions_line_and_paragraph():
    from desktop_app.core.pipeline import line_starts, scope_regions

    text = "p1a\np1b\n\nP2a\nP2b\n\n\np3\n\np4\n"
    starts = line_starts(text)
    at = text.index("P2b") + 1
    # line: the changed line and one line either side
    assert scope_regions(text, starts, [(at, at + 1)], "line") == [(text.index("P2a"), text.index("\n\n\np3") + 2)]
    # paragraph: its paragraph, the blank lines around, the whole neighbouring paragraphs
    assert scope_regions(text, starts, [(at, at + 1)], "paragraph") == [(0, text.index("\np4"))]
    # several spans in one run of lines are expanded once; regions never overlap
    regions = scope_regions(text, starts, [(0, 1), (4, 5), (len(text) - 2, len(text) - 1)], "line")
    assert regions == sorted(regions) and all(a[1] < b[0] for a, b in zip(regions, regions[1:], strict=False))


def test_rules_of_line_scope_reread_only_changed_lines(monkeypatch):
    # A line-scope rule that upper-cases "x" lines, and a document-scope rule that removes "drop" lines:
    # after the removal, the line rule is asked again only about the lines around the change.
    from desktop_app.core.edits import Edit
    from desktop_app.core.profiles import default_profile
    from desktop_app.core.rules import RULES, Rule, load_all

    load_all()  # the real rules are registered before the registry is swapped for the test's
    seen: list[str] = []
    changed: list = []

    def upper(text, ctx):
        seen.append(text)
        pos = 0
        for line in text.split("\n"):
            if line == "x":
                yield Edit(pos, pos + 1, "X", "t-upper.x", "spacing", "upper", 0.99)
            pos += len(line) + 1

    def drop(text, ctx):
        changed.append(ctx.changed)
        pos = 0
        for line in text.splitlines(keepends=True):
            if line.strip() == "drop":
                yield Edit(pos, pos + len(line), "", "t-drop.line", "boilerplate", "drop", 0.99)
            pos += len(line)

    for rid in list(RULES):
        monkeypatch.delitem(RULES, rid)
    monkeypatch.setitem(RULES, "t-upper", Rule("t-upper", "spacing", "", upper, scope="line"))
    monkeypatch.setitem(RULES, "t-drop", Rule("t-drop", "boilerplate", "", drop))
    text = "".join(f"line {i}\n" for i in range(50)) + "drop\nx\n" + "".join(f"more {i}\n" for i in range(50))
    out = clean_text(text, default_profile())
    assert out == text.replace("drop\nx\n", "X\n")
    assert len(seen) >= 2 and seen[0] == text
    assert all(len(s) < 40 for s in seen[1:]), seen[1:]  # re-read around the change only
    # the document-scope rule saw the whole text each time, told what changed after the first pass
    at = out.index("X\n")
    assert changed[0] is None and changed[1] == ((at, at), (at, at + 1))  # the removed line, the X
    assert clean_text(out, default_profile()) == out


def test_rule_scope_must_be_known():
    import pytest

    from desktop_app.core.rules import rule

    with pytest.raises(ValueError, match="scope"):
        rule("t-bad-scope", "spacing", "x", scope="sentence")
