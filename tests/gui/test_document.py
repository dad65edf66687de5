"""The Qt-free document model: splices, edit shifting, UTF-16 offsets, sections."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.edits import Edit
from desktop_app.gui.document import (
    Document,
    Loaded,
    OffsetMap,
    SpliceArray,
    detect_newline,
    edits_to_splices,
    inverse_splices,
    load_file,
    shift_edits,
    splice_text,
)
from desktop_app.gui.main_window import split_sections


def edit(s, e, rep="", rule="r"):
    return Edit(s, e, rep, rule, "spacing", "why", 0.9)


def test_shift_edits_drops_touched_and_moves_later():
    edits = [edit(0, 2), edit(5, 7), edit(10, 12)]
    out = shift_edits(edits, [(5, 6, "xyz")])
    assert out == [edit(0, 2), edit(12, 14)]
    # An insertion right before an edit moves it; right after leaves it.
    assert shift_edits([edit(5, 7)], [(5, 5, "ab")]) == [edit(7, 9)]
    assert shift_edits([edit(5, 7)], [(7, 7, "ab")]) == [edit(5, 7)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n😀", max_size=40), st.data())
def test_splices_and_inverse_round_trip(text, data):
    n = len(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, n), max_size=6)))
    splices = []
    for i in range(0, len(cuts) - 1, 2):
        splices.append((cuts[i], cuts[i + 1], data.draw(st.text(alphabet="xy😀\n", max_size=3))))
    new = splice_text(text, splices)
    assert splice_text(new, inverse_splices(text, splices)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab😀\n", max_size=30), st.data())
def test_offset_map_matches_utf16(text, data):
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        q = len(text[:i].encode("utf-16-le")) // 2
        assert m.to_qt(i) == q
        assert m.to_py(q) == i
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    new = data.draw(st.text(alphabet="c😀", max_size=4))
    m.splice(s, e, new)
    assert m.astral == OffsetMap(text[:s] + new + text[e:]).astral


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab \n", max_size=60), st.data())
def test_surviving_proposals_still_point_at_the_same_text(text, data):
    doc = Document("t")
    doc.set_loaded(Loaded(text, "utf-8", 1.0, "\n"))
    # Disjoint proposals over the text.
    points = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=8))))
    doc.proposals = [edit(points[i], points[i + 1], "Z") for i in range(0, len(points) - 1, 2)]
    before = {(e.replacement, text[e.start:e.end]) for e in doc.proposals}
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    doc.apply_splices([(s, e, "QQ")])
    for p in doc.proposals:
        assert (p.replacement, doc.text[p.start:p.end]) in before
    lo, hi = doc.dirty
    assert lo <= s and hi >= s + 2


def test_merge_section_analysis_replaces_only_that_section():
    doc = Document("t")
    doc.set_loaded(Loaded("aaaa\n\nbbbb\n\ncccc\n", "utf-8", 1.0, "\n"))
    doc.proposals = [edit(0, 1, rule="old"), edit(6, 7, rule="old"), edit(12, 13, rule="old")]
    doc.merge_section_analysis(6, 12, [edit(1, 2, rule="new")], [], complete=False)
    assert [(e.start, e.rule) for e in doc.proposals] == [(0, "old"), (7, "new"), (12, "old")]
    assert doc.analysed_revision < 0
    doc.merge_section_analysis(0, 6, [], [], complete=True)
    assert [(e.start, e.rule) for e in doc.proposals] == [(7, "new"), (12, "old")]
    assert doc.analysed_revision == doc.revision


def test_split_sections_cover_the_range_on_paragraphs():
    text = "".join(f"paragraph {i} " * 20 + "\n\n" for i in range(200))
    secs = split_sections(text, 0, len(text), size=2000)
    assert secs[0][0] == 0 and secs[-1][1] == len(text)
    assert all(a < b for a, b in secs)
    assert all(secs[i][1] == secs[i + 1][0] for i in range(len(secs) - 1))
    assert all(text[b - 2:b] == "\n\n" for _a, b in secs[:-1])
    a, b = split_sections(text, 5000, 5010, size=2000)[0]
    assert a <= 5000 and b >= 5010 and text[a - 2:a] == "\n\n"


def test_load_file_normalizes_newlines_and_remembers_them(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"one\r\ntwo\r\nthree\r\n")
    loaded = load_file(p)
    assert loaded.text == "one\ntwo\nthree\n"
    assert loaded.newline == "\r\n"
    assert detect_newline("a\rb\rc") == "\r"


def test_a_giant_single_line_is_refused_with_a_reason(tmp_path):
    import pytest

    from desktop_app.gui.document import MAX_LINE_CHARS, LoadError

    p = tmp_path / "one-line.txt"
    p.write_text("word " * (MAX_LINE_CHARS // 5 + 10), encoding="utf-8")
    with pytest.raises(LoadError, match="line longer than"):
        load_file(p)
    q = tmp_path / "many-lines.txt"
    q.write_text(("word " * 100 + "\n") * (MAX_LINE_CHARS // 400), encoding="utf-8")
    assert load_file(q).text.count("\n") == MAX_LINE_CHARS // 400


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n😀", max_size=60), st.data())
def test_splice_array_is_the_same_splices_stored_compactly(text, data):
    n = len(text)
    cuts = sorted(data.draw(st.lists(st.integers(0, n), max_size=8)))
    splices = [(cuts[i], cuts[i + 1], data.draw(st.text(alphabet="xy\n", max_size=3)))
               for i in range(0, len(cuts) - 1, 2)]
    compact = SpliceArray(splices)
    assert list(compact) == splices and len(compact) == len(splices)
    if splices:
        assert compact[0] == splices[0] and compact[-1] == splices[-1]
    assert splice_text(text, compact) == splice_text(text, splices)
    assert splice_text(splice_text(text, compact), SpliceArray(inverse_splices(text, compact))) == text


def test_splice_text_with_many_splices_matches_one_by_one(monkeypatch):
    from desktop_app.gui import document

    monkeypatch.setattr(document, "_SPLICE_GROUP_CHARS", 500)  # many groups
    text = "".join(f"line {i}  \n" for i in range(3000))
    import re

    splices = [(m.start(), m.end(), "" if m.start() % 3 else "_") for m in re.finditer("  ", text)]
    expected = text
    for s, t, r in reversed(splices):
        expected = expected[:s] + r + expected[t:]
    assert len(splices) > 1000
    assert splice_text(text, splices) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", "x", "yy"]),
                          st.sampled_from(["spacing", "boilerplate", "encoding"])), max_size=10))
def test_edits_to_splices_matches_resolve_overlaps(raw):
    from desktop_app.core.edits import resolve_overlaps

    edits = [Edit(s, s + w, r, "r", c, "why", 0.9) for s, w, r, c in raw]
    expected = [(e.start, e.end, e.replacement) for e in resolve_overlaps(edits)]
    assert edits_to_splices(edits) == expected
    # Pending proposals are sorted and disjoint: the fast path gives the same splices.
    assert edits_to_splices(resolve_overlaps(edits)) == expected


def test_proposals_share_equal_reasons_and_replacements():
    doc = Document("t")
    doc.set_loaded(Loaded("a  \nb  \n" * 10, "utf-8", 1.0, "\n"))
    edits = [Edit(i * 4 + 1, i * 4 + 3, "".join([]), "spacing.trailing", "spacing",
                  " ".join(["trailing", "spaces"]), 0.99) for i in range(20)]
    doc.merge_section_analysis(0, len(doc.text), edits, [], complete=True)
    assert doc.proposals == edits
    assert len({id(e.reason) for e in doc.proposals}) == 1


def test_undoing_back_to_the_loaded_text_keeps_one_copy():
    doc = Document("t")
    text = "abc def\n" * 100
    doc.set_loaded(Loaded(text, "utf-8", 1.0, "\n"))
    doc.apply_splices([(0, 3, "xyz")])
    assert doc.modified and doc.text is not doc.original
    doc.apply_splices([(0, 3, "abc")])
    assert doc.text is doc.original and not doc.modified


def test_moved_edits_equal_shifted_ones():
    from desktop_app.gui.document import moved

    e = Edit(10, 14, "x", "spacing.trailing", "spacing", "why", 0.75)
    m = moved(e, 7)
    assert m == e.shifted(7) and m is not e and (e.start, e.end) == (10, 14)
    assert hash(m) == hash(e.shifted(7))


def test_category_counts_follow_section_merges():
    from collections import Counter

    doc = Document("t")
    doc.set_loaded(Loaded("aaaa\n\nbbbb\n\ncccc\n", "utf-8", 1.0, "\n"))
    doc.proposals = [edit(0, 1), Edit(6, 7, "", "b", "boilerplate", "x", 0.9), edit(12, 13)]
    assert doc.counts() == {"spacing": 2, "boilerplate": 1}
    doc.merge_section_analysis(6, 12, [Edit(1, 2, "", "e", "encoding", "x", 0.9), edit(3, 4)], [],
                               complete=False)
    assert doc.counts() == {"spacing": 3, "encoding": 1}
    doc.merge_section_analysis(0, 6, [], [], complete=True)
    assert doc.counts() == {"spacing": 2, "encoding": 1} == Counter(e.category for e in doc.proposals)
