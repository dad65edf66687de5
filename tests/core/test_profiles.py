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


# --- strict validation (QA: typos were silently ignored) ------------------------------------------

@pytest.mark.parametrize(("toml", "named"), [
    ("[threshold]\nmetadata = 0.8\n", "[threshold]"),
    ('[rules]\ndisabled = ["spacing.trailng"]\n', "'spacing.trailng'"),
    ('[profile]\nname = 5\n', "name must be a string"),
    ("[profile]\nbogus_key = 1\n", "'bogus_key'"),
    ('[categories]\ndisabled = ["encodings"]\n', "'encodings'"),
    ("[thresholds]\nmetadata = \"high\"\n", "[thresholds] metadata must be a number"),
    ("[boilerplate]\ndrop_title = 1\n", "drop_title must be a boolean"),
    ('[boilerplate]\nphrases = "Subscribe"\n', "phrases must be a list of strings"),
    ('[options."spacing.nope"]\nx = 1\n', "'spacing.nope'"),
])
def test_profile_typos_are_errors_naming_the_key(tmp_path, toml, named):
    f = tmp_path / "p.toml"
    f.write_text(toml, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(f)
    assert named in str(info.value) and str(f) in str(info.value)


def test_typo_suggests_the_closest_name(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[rules]\ndisabled = ["spacing.trailng"]\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="did you mean 'spacing.trailing'"):
        load_profile(f)


def test_bundled_default_docs_examples_and_saved_profiles_load(tmp_path):
    import re
    from pathlib import Path

    from desktop_app.core.profiles import profile_to_toml
    from desktop_app.core.resources import resource_path

    load_profile(resource_path("profiles", "default.toml"))
    docs = Path(__file__).resolve().parents[2] / "docs" / "profiles.md"
    blocks = re.findall(r"```toml\n(.*?)```", docs.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    for i, block in enumerate(blocks):
        f = tmp_path / f"doc{i}.toml"
        f.write_text(block, encoding="utf-8")
        load_profile(f)
    p = load_profile(f).replace(disabled_rules=frozenset({"spacing.trailing", "metadata"}))
    f.write_text(profile_to_toml(p), encoding="utf-8")
    assert load_profile(f) == p
