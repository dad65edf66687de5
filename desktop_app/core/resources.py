"""Where the data files (phrase lists, tables, samples) live.

The project keeps data in the top-level `resources/` folder, next to the package; a frozen build or
a packager may point elsewhere with the SCRUBTEXT_RESOURCES environment variable.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder holding Scrubtext's data files."""
    env = os.environ.get("SCRUBTEXT_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one data file under the resources folder."""
    return resources_dir().joinpath(*parts)
