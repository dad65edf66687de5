"""Every registered rule's documented examples hold (the rule catalogue prints them)."""

import pytest

from desktop_app.core import apply_edits, default_profile
from desktop_app.core.pipeline import RuleContext
from desktop_app.core.rules import load_all

EXAMPLES = [(r.id, before, after) for r in load_all().values() for before, after in r.examples]


def test_every_rule_has_a_summary():
    for r in load_all().values():
        assert r.summary and r.category


@pytest.mark.parametrize(("rule_id", "before", "after"), EXAMPLES)
def test_example(rule_id, before, after):
    r = load_all()[rule_id]
    edits = [e for e in r.func(before, RuleContext(default_profile())) if hasattr(e, "replacement")]
    assert apply_edits(before, edits) == after
