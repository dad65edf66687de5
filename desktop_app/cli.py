"""`scrubtext`: clean and check files from the command line; no arguments opens the GUI."""

import sys


def main(argv=None) -> int:
    from desktop_app.core import clean_text

    argv = sys.argv[1:] if argv is None else argv
    for p in argv:
        sys.stdout.write(clean_text(open(p, encoding="utf-8").read()))
    return 0
