"""Properties of the engine that must hold for every input (issue 7), checked with hypothesis.

- analyze / analyze_full / clean_text never raise on any str (surrogates, NULs, controls, CJK, mojibake);
- clean_text is idempotent;
- applying the edits analyze proposes and the profile accepts gives exactly clean_text;
- edits are well-formed: in bounds, sorted, non-overlapping, each a real change, with known categories;
- decoding any bytes gives a DecodedText that is consistent with the bytes, or a DecodeError.

Inputs come from several generators: arbitrary Unicode, Unicode with surrogates and controls, and
"scraped" text assembled from fragments that trigger every rule (boilerplate lines, bylines,
mojibake, CJK punctuation, duplicated captions, odd spacing), which is where rule interactions break.
Minimal failing examples found so far are pinned in tests/core/regressions/.
"""

from __future__ import annotations

import codecs
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core import analyze, analyze_full, apply_edits, clean_text, default_profile
from desktop_app.core.corpus import CorpusStats
from desktop_app.core.decoding import DecodedText, DecodeError, decode_bytes, is_binary
from desktop_app.core.pipeline import RuleContext, _run_rules
from desktop_app.core.profiles import profile_from_dict
from desktop_app.core.rules import load_all

PROFILE = default_profile()
CATEGORIES = {"encoding", "boilerplate", "metadata", "duplicate", "spacing"}
# SCRUBTEXT_PROPERTY_EXAMPLES=5000 hunts longer (the default keeps the file at ~10 s on an idle machine).
_N = int(os.environ.get("SCRUBTEXT_PROPERTY_EXAMPLES", "80"))
ENGINE = settings(max_examples=_N, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments of scraped pages: each triggers (or nearly triggers) some rule.
FRAGMENTS = [
    "Related Articles", "Back to top button", "関連記事", "ページの先頭へ", "Share this article", "Advertisement",
    "Follow us on Twitter", "Sign up for our newsletter", "By Jane Doe", "Photo: AFP", "Jane Doe/AFP/Getty Images",
    "Updated 10:32 a.m. ET", "2024年1月1日 12:00", "Reporting by John Smith; Editing by Alex Roe",
    "North Koreaís army", "cafÃ© â€œnoirâ€\x9d", "縺薙ｓ縺ｫ縺｡縺ｯ", "AT&amp;T", "itâ€™s", "Ã", "â€",
    "東京都は二十五日、新しい計画を発表した。", "これは本文です。", "。 。", "示す。 、新たに", "ある。 これは",
    "The city unveiled a new plan on Wednesday.", "“Quoted,” she said.", "A long caption about the photo here.",
    "A long caption about the photo here. Photo: AFP", "\u200b", "\ufeff", "\u00ad", "\u3000", "\t", "  ", " ",
    "\n", "\n\n", "\n\n\n\n", "\r\n", "\r", "\x00", "\x07", "\x1b[0m", "\ud800", "\U0001f600", "e\u0301",
    "ｱｲｳ", "ＡＢＣ１２３", "…", "—", "and then the text stops mid", "Copyright © 2024",
    "\ufffd", "\ufffd" * 12, "ル", "�ｹ�ｭ", "鐃緒申", "ÆüËÜ¸ì",  # lossy decodes, legacy CJK mojibake
]

# Characters drawn at random between fragments: whitespace, CJK, Latin-1 and cp1252-looking mojibake
# letters, combining marks, controls and surrogates.
ODD_ALPHABET = st.sampled_from(
    list(" \t\n\r\x0b\x0c\x00\x1f\x7f\x85\u2028\u2029\u200b\u200d\ufeff\u3000。、「」・ー")
    + list("aZ09.,:;!?'\"-/()") + list("ÃâÂ€™œž©®ºª¹²³ìíîïÐÑ") + list("日本語東京漢字かなカナ한국어中文")
    + ["\u0301", "\u0308", "\ud800", "\udfff", "\ue000", "\uffff", "\ufffd", "\U0001f600", "\U00020000"]
)


def _scraped_lines(draw_lines: list[str]) -> str:
    return "".join(draw_lines)


scraped_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(ODD_ALPHABET, max_size=6)),
                        max_size=40).map(_scraped_lines)
line_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(ODD_ALPHABET, max_size=20)),
                     max_size=12).map("\n".join)
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)  # includes surrogates
engine_text = st.one_of(scraped_text, line_text, any_text, st.text(max_size=200))


def _check_edits(text: str, edits) -> None:
    prev_end = 0
    rule_ids = set(load_all())
    for e in edits:
        assert isinstance(e.start, int) and isinstance(e.end, int)
        assert 0 <= e.start <= e.end <= len(text), e
        assert e.start >= prev_end, f"overlapping or unsorted: {e}"
        assert text[e.start:e.end] != e.replacement, f"an edit that changes nothing: {e}"
        assert e.category in CATEGORIES, e
        assert 0.0 <= e.confidence <= 1.0, e
        assert e.rule.split(".")[0] in rule_ids, e
        prev_end = e.end if e.end > e.start else e.start


_LINE_BREAKS = "\n\r"


def _check_edit_shapes(text: str, edits, profile=PROFILE) -> None:
    """What each family of edits may touch; an edit at a wrong offset breaks these first.

    On the final edits: a spacing edit never adds or removes a letter or digit (merged edits are
    labelled by their weightiest step, so a merge that removes a line is not "spacing"). On each
    rule's own output (before the pipeline merges passes): a deletion across lines by the boilerplate
    or duplicate rules removes whole lines.
    """
    for e in edits:
        if e.category == "spacing":
            span = text[e.start:e.end]
            assert [c for c in span if c.isalnum()] == [c for c in e.replacement if c.isalnum()], e
    raw, _ = _run_rules(text, RuleContext(profile), False)
    for e in raw:
        span = text[e.start:e.end]
        if e.category in ("boilerplate", "duplicate") and e.replacement == "" and "\n" in span.strip("\n"):
            assert e.start == 0 or text[e.start - 1] in _LINE_BREAKS or span[0] in _LINE_BREAKS, e
            assert e.end == len(text) or text[e.end] in _LINE_BREAKS or span[-1] in _LINE_BREAKS, e


@ENGINE
@given(engine_text)
@example("Related Articles\u200b")  # found by this test: the merged deletion was labelled spacing
@example("<\xad\x8d")
def test_edits_touch_only_what_their_family_may(text):
    _check_edit_shapes(text, analyze(text))


@ENGINE
@given(engine_text)
@example("North Koreaís army\nRelated Articles\n")
@example("ある。 。 これは\ud800\x00")
def test_engine_never_raises_and_edits_are_well_formed(text):
    analysis = analyze_full(text)
    _check_edits(text, analysis.edits)
    for n in analysis.notices:
        assert 0 <= n.start <= n.end <= len(text), n
    assert analyze(text) == analysis.edits


@ENGINE
@given(engine_text)
@example("\ufffd" * 40 + "ル")  # found by scripts/fuzz.py: mojibake.double ate U+FFFD runs pass after pass
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@ENGINE
@given(engine_text)
def test_applying_accepted_edits_equals_clean_text(text):
    edits = analyze(text)
    accepted = [e for e in edits if PROFILE.accepts(e)]
    assert apply_edits(text, accepted) == clean_text(text)
    # Applying them one at a time, from the end, gives the same: no edit reaches outside its span.
    out = text
    for e in sorted(accepted, key=lambda e: (e.start, e.end), reverse=True):
        before, after = out[:e.start], out[e.end:]
        out = before + e.replacement + after
        assert out.startswith(before) and out.endswith(after)
    assert out == clean_text(text)


@ENGINE
@given(engine_text)
def test_every_single_edit_applies_on_its_own(text):
    # The review panel accepts edits one by one: any subset must apply cleanly.
    edits = analyze(text)
    for e in edits:
        single = apply_edits(text, [e])
        assert single == text[:e.start] + e.replacement + text[e.end:]


def _profile(apply_threshold, metadata, disabled, drop_title, phrases):
    return profile_from_dict({
        "profile": {"name": "generated", "apply_threshold": apply_threshold},
        "thresholds": {"metadata": metadata},
        "categories": {"disabled": sorted(disabled)},
        "boilerplate": {"phrases": phrases, "drop_title": drop_title},
    }, default_profile())


profiles = st.builds(
    _profile,
    st.sampled_from([0.0, 0.3, 0.5, 0.8, 1.0]),
    st.sampled_from([0.0, 0.5, 0.95]),
    st.sets(st.sampled_from(sorted(CATEGORIES))),
    st.booleans(),
    st.lists(st.sampled_from(FRAGMENTS[:24]), max_size=3),
)


@ENGINE
@given(engine_text, profiles, st.lists(engine_text, max_size=4))
@example("", default_profile(), ["\ud800"])  # found by this test: corpus line hashing crashed on a surrogate
def test_properties_hold_for_any_profile_and_corpus(text, profile, others):
    # A profile that applies everything (threshold 0), or drops the title, or runs one category,
    # makes more edits interact than the default does; a batch's corpus statistics (lines that
    # recur across documents) add cross-document evidence.
    corpus = None
    if others:
        corpus = CorpusStats()
        for doc in [text, *others]:
            corpus.add_document(doc)
    edits = analyze(text, profile, corpus)
    _check_edits(text, edits)
    _check_edit_shapes(text, edits, profile)
    cleaned = clean_text(text, profile, corpus)
    assert apply_edits(text, [e for e in edits if profile.accepts(e)]) == cleaned
    assert clean_text(cleaned, profile, corpus) == cleaned


# --- decoding -------------------------------------------------------------------------------------

DECODE = settings(max_examples=max(300, _N), deadline=None)

binaryish = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from([b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x1b$B", b"\x1b(B", b"\x82\xa0",
                              b"\xa4\xa2", b"\xc3\xa9", b"\xe3\x81", b"\n", b"abc ", b"\x89PNG", b"%PDF-", b"PK\x03\x04",
                              b"\x00\x00\xfe\xff", b"\x80", b"\xd8\x00"]), max_size=30).map(b"".join),
)
encoded_text = st.tuples(
    st.text(max_size=120),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp932", "euc_jp",
                     "gb18030", "big5", "cp949", "cp1252", "cp1251", "latin-1", "iso2022_jp"]),
).map(lambda t: t[0].encode(t[1], "ignore"))


def _check_decoded(data: bytes, d: DecodedText) -> None:
    assert isinstance(d.text, str)
    assert codecs.lookup(d.encoding)
    assert 0.0 <= d.confidence <= 1.0
    assert d.candidates and all(0.0 <= c <= 1.0 for _, c in d.candidates)
    assert d.method in {"bom", "utf-8", "no-bom", "chardet", "fallback", "forced"}
    last = 0
    for a, b in d.replaced:
        assert last <= a < b <= len(data)
        last = b
    if d.replaced:
        assert "\ufffd" in d.text
    else:
        # A clean decode is reproducible: the bytes after the BOM decode strictly to the same text.
        body = data
        if d.bom:
            bom = {"utf-8-sig": 3, "utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}[d.encoding]
            body = data[bom:]
        enc = "utf-8" if d.encoding == "utf-8-sig" else d.encoding
        assert codecs.decode(body, enc, "strict") == d.text


@DECODE
@given(st.one_of(binaryish, encoded_text))
@example(b"\xff\xfe\x00\x00")
@example(b"\x00\x00\xfe\xff\x00")
@example(b"\x1b$B")
@example(b"\xef\xbb\xbf\xef\xbb\xbf")  # found by this test: a second BOM was swallowed
def test_decoding_any_bytes_gives_text_or_a_clear_refusal(data):
    try:
        d = decode_bytes(data)
    except DecodeError as exc:
        assert exc.reason and str(exc) == exc.reason
        assert is_binary(data) == exc.reason  # the two agree on what is refused, and why
        return
    assert is_binary(data) is None
    _check_decoded(data, d)


@DECODE
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=200))
def test_valid_utf8_text_always_decodes_to_itself(text):
    data = text.encode("utf-8")
    d = decode_bytes(data)
    assert d.text == text
    assert d.encoding == "utf-8" and d.replaced == ()


@DECODE
@given(st.binary(max_size=200), st.sampled_from(["utf-8", "cp932", "latin-1", "utf-16", "iso2022_jp", "gb18030"]))
def test_forced_decoding_never_refuses(data, encoding):
    d = decode_bytes(data, encoding=encoding)
    assert d.method == "forced"
    _check_decoded(data, d)
