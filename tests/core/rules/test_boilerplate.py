"""Boilerplate rule: phrase lists, user phrases and patterns, and the user's real sample."""

import pytest

from desktop_app.core import analyze, clean_text, default_profile
from desktop_app.core.boilerplate import match_phrase, normalize_phrase, validate_pattern
from desktop_app.core.boilerplate.lines import deletion_span, split_lines
from desktop_app.core.boilerplate.user_rules import UserRules

BODY = "The council met on Monday and voted to close the park for the winter season.\n"


@pytest.mark.parametrize("line", [
    "Related Articles", "RELATED ARTICLES", "» Related articles:", "Back to top ↑", "Share this article",
    "Follow us on Twitter", "Sign up for our newsletter", "Advertisement", "We use cookies",
    "関連記事", "ページの先頭へ", "ページの先頭へ戻る", "ｼｪｱ", "【関連記事】", "Ａｄｖｅｒｔｉｓｅｍｅｎｔ",
    "Ähnliche Artikel", "Artículos relacionados", "相关文章", "12 Comments", "© 2023 Example Media Ltd.",
])
def test_listed_phrases_match_whole_lines(line):
    assert match_phrase(line) is not None


@pytest.mark.parametrize("line", [
    "Related articles were published in the journal last year.",
    "Share prices fell sharply on Monday.",
    "関連記事によると、政府は新たな方針を発表した。",
    "Cookies are small files that a site stores on your computer, as the article explains.",
])
def test_phrases_do_not_match_inside_sentences(line):
    assert match_phrase(line) is None


def test_normalization_is_width_and_case_insensitive():
    assert normalize_phrase("ＲＥＬＡＴＥＤ　Ａｒｔｉｃｌｅｓ：") == "related articles"


def test_phrase_lines_are_deleted_with_their_line_break():
    text = "Related Articles\n" + BODY + "Back to top\n"
    assert clean_text(text) == BODY
    edits = [e for e in analyze(text) if e.category == "boilerplate"]
    assert edits and all(e.confidence >= 0.9 and e.rule == "boilerplate.phrase" for e in edits)
    assert all("listed phrase" in e.reason for e in edits)


def test_last_line_without_newline_takes_the_previous_break():
    text = BODY + "Back to top button"
    lines = split_lines(text)
    assert deletion_span(text, lines[-1]) == (len(BODY) - 1, len(text))
    assert clean_text(text) == BODY.rstrip("\n")


def test_user_phrases_and_patterns_from_the_profile():
    profile = default_profile().replace(phrases=("Subscribe to our podcast",), patterns=(r"^Sponsored by \w+$",))
    text = "SUBSCRIBE TO OUR PODCAST\n" + BODY + "Sponsored by Acme\n"
    assert clean_text(text, profile) == BODY
    rules = {e.rule for e in analyze(text, profile)}
    assert {"boilerplate.user-phrase", "boilerplate.user-pattern"} <= rules


def test_validate_pattern_reports_errors():
    assert validate_pattern(r"^Photo: .*$") is None
    assert "Invalid regular expression" in validate_pattern("(unclosed")
    assert "empty" in validate_pattern("")
    assert "matches an empty line" in validate_pattern("x*")


def test_catastrophic_pattern_times_out_instead_of_hanging():
    rules = UserRules.from_profile([], [r"^(a|aa)+$"])
    assert rules.match("a" * 40 + "b") is None
    assert rules.errors and "timed out" in rules.errors[0]


def test_bad_patterns_are_skipped_with_an_error():
    rules = UserRules.from_profile([], ["(unclosed", r"^ok$"])
    assert rules.match("ok") == ("pattern", r"^ok$")
    assert len(rules.errors) == 1


def test_user_sample_furniture_removed_and_body_kept(user_sample):
    cleaned = clean_text(user_sample)
    assert "Related Articles" not in cleaned
    assert "Back to top button" not in cleaned
    kept = set(cleaned.splitlines())
    furniture = {"Related Articles", "Back to top button"}
    # Every other line survives (possibly repaired by other rules: compare on a loose key).
    def key(s):
        return "".join(ch for ch in s if ch.isalnum())[:30]
    kept_keys = {key(k) for k in kept}
    for line in user_sample.splitlines():
        if line.strip() and line not in furniture:
            assert key(line) in kept_keys, line
