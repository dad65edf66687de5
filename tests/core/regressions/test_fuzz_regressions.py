"""Replays every input the fuzzer (scripts/fuzz.py) or the property tests ever broke the engine with.

Each file in cases/ is a raw fuzz input (the first byte "T" feeds the rest to the engine as text;
anything else goes through decode_bytes first). The checks are scripts/fuzz.py's own, so a case
passes exactly when the harness would no longer report it. Name files after what they broke.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
FUZZ = Path(__file__).resolve().parents[3] / "scripts" / "fuzz.py"


def _harness():
    spec = importlib.util.spec_from_file_location("scrubtext_fuzz_harness", FUZZ)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HARNESS = _harness()


@pytest.mark.parametrize("case", sorted(CASES.glob("*.bin")), ids=lambda p: p.stem)
def test_fuzz_case(case):
    HARNESS.test_one_input(case.read_bytes())


def test_harness_catches_a_broken_invariant(monkeypatch):
    # The harness must fail loudly when an invariant breaks, or the replays above prove nothing.
    import desktop_app.core as core

    monkeypatch.setattr(core, "clean_text", lambda text, profile=None, corpus=None: text + "x")
    with pytest.raises(AssertionError):
        HARNESS.check_text("abc")
