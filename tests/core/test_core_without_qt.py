"""The engine never imports Qt: import desktop_app.core and clean text with PySide6 blocked."""

import subprocess
import sys

CODE = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in this test')
        return None
sys.meta_path.insert(0, Block())
import desktop_app.core
from desktop_app.core import analyze_full, clean_text
from desktop_app.core.rules import load_all
load_all()
print(clean_text('North Korea\u00eds plan.  \n\n\n\nRelated Articles\n'))
assert not any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)
"""


def test_core_imports_and_runs_without_pyside6():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
