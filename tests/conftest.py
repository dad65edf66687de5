"""Shared fixtures: the user's real scraped file (read from ../shared, never copied) and the bundled sample."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
USER_SAMPLE = ROOT.parent / "shared" / "samples" / "liveblog-ja-en.txt"
BUNDLED_SAMPLE = ROOT / "resources" / "samples" / "scraped-ja-en.txt"


@pytest.fixture
def user_sample() -> str:
    if not USER_SAMPLE.exists():
        pytest.skip("the user's sample (../shared/samples) is not present")
    return USER_SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def user_sample_path() -> Path:
    if not USER_SAMPLE.exists():
        pytest.skip("the user's sample (../shared/samples) is not present")
    return USER_SAMPLE


@pytest.fixture
def bundled_sample_path() -> Path:
    return BUNDLED_SAMPLE
