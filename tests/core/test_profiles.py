"""Profiles: TOML round trip, defaults, validation."""

import pytest

from desktop_app.core import Edit, default_profile, load_profile
from desktop_app.core.profiles import Profile, ProfileError, profile_from_dict, profile_to_toml


def test_default_profile_proposes_metadata_without_applying():
    p = default_profile()
    byline = Edit(0, 5, "", "metadata.byline", "metadata", "byline", 0.7)
    assert p.rule_enabled(byline.rule, byline.category)
    assert not p.accepts(byline)
    assert p.accepts(Edit(0, 5, "", "spacing.trailing", "spacing", "r", 0.99))


def test_round_trip(tmp_path):
    p = profile_from_dict({
        "profile": {"name": "mine", "apply_threshold": 0.7},
        "categories": {"disabled": ["metadata"]},
        "thresholds": {"boilerplate": 0.9},
        "rules": {"disabled": ["spacing.cjk-space"]},
        "boilerplate": {"phrases": ["Subscribe now", 'quote "x"'], "patterns": [r"^Photo: .*\\d$"],
                        "drop_title": True},
        "options": {"boilerplate": {"min_words": 3}},
    }, default_profile())
    path = tmp_path / "p.toml"
    path.write_text(profile_to_toml(p), encoding="utf-8")
    q = load_profile(path)
    assert q == p
    assert q.option("boilerplate", "min_words") == 3


def test_rule_prefix_disables_family():
    p = Profile(disabled_rules=frozenset({"spacing"}))
    assert not p.rule_enabled("spacing.trailing", "spacing")
    assert p.rule_enabled("spacingfoo", "spacing")


def test_only_and_skip():
    p = default_profile().with_categories(only=["encoding"])
    assert not p.rule_enabled("spacing.trailing", "spacing")
    assert p.rule_enabled("mojibake.x", "encoding")
    p = default_profile().with_categories(skip=["encoding"])
    assert not p.rule_enabled("mojibake.x", "encoding")


@pytest.mark.parametrize("data", [
    {"profile": {"apply_threshold": 2}},
    {"thresholds": {"nonsense": 0.5}},
    {"categories": {"disabled": ["nope"]}},
    {"profile": {"apply_threshold": "high"}},
])
def test_invalid_profiles_are_refused(data):
    with pytest.raises(ProfileError):
        profile_from_dict(data)


def test_unreadable_and_broken_files(tmp_path):
    with pytest.raises(ProfileError, match="cannot read"):
        load_profile(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[profile\nname=", encoding="utf-8")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)
