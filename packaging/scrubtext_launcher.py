"""Entry point of the packaged app: the same as the `scrubtext` command.

PyInstaller needs a script rather than a console-script entry point. `freeze_support()` lets the
worker processes of `scrubtext clean --jobs N` start from the frozen executable (a no-op with the
fork start method, required with spawn and forkserver).
"""

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
