"""Lines with offsets (split_lines), and lines_matching, the one-scan prefilter for rules."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.textlines import deletion_span, lines_matching, paragraphs, split_lines

texts = st.text(st.sampled_from(list("ab \r\n\t\x85\u2028é")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_lines_cover_the_text_with_consistent_offsets(text):
    lines = split_lines(text)
    pos = 0
    for i, ln in enumerate(lines):
        assert (ln.index, ln.start) == (i, pos)
        assert text[ln.start:ln.end] == ln.text and "\n" not in ln.text
        assert ln.start <= ln.end <= ln.stop <= len(text)
        assert text[ln.end:ln.stop] in ("", "\n", "\r\n", "\r")
        pos = ln.stop
    assert pos == len(text)
    assert split_lines(text) == lines  # the shared split gives an equal, separate list
    assert split_lines(text) is not split_lines(text)


def test_crlf_and_last_line():
    [a, b] = split_lines("one\r\ntwo\r")
    assert (a.text, a.end, a.stop) == ("one", 3, 5)
    assert (b.text, b.end, b.stop) == ("two", 8, 9)
    assert deletion_span("one\r\ntwo", split_lines("one\r\ntwo")[1]) == (3, 8)
    assert [[ln.text for ln in p] for p in paragraphs(split_lines("a\nb\n\n \nc"))] == [["a", "b"], ["c"]]
    assert split_lines("") == [] and split_lines("\n")[0].blank


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([r"a", r"b+", r"\t", r"é|\r", r"^ ", r"x"]))
def test_lines_matching_equals_a_search_per_line(text, pattern):
    rx = re.compile(pattern, re.MULTILINE)
    lines = split_lines(text)
    assert lines_matching(text, rx) == [ln for ln in lines if rx.search(text, ln.start, ln.stop)]
