"""`python -m desktop_app`: same as the `scrubtext` command."""

import sys

from desktop_app.cli import main

sys.exit(main())
