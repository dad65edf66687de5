"""Shared fixtures: the user's real scraped file (read from ../shared, never copied) and the bundled sample."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

def _find_shared() -> Path:
    """The user's shared folder: beside the checkout, or where SCRUBTEXT_SHARED / the workplace puts it."""
    for cand in (os.environ.get("SCRUBTEXT_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if cand and (Path(cand) / "samples").is_dir():
            return Path(cand)
    return ROOT.parent / "shared"


SHARED = _find_shared()
USER_SAMPLE = SHARED / "samples" / "liveblog-ja-en.txt"
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
