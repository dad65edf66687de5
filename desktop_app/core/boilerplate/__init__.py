"""Boilerplate detection without HTML: phrase lists, user rules, metadata patterns and a line classifier.

The rules `boilerplate` and `metadata` (desktop_app/core/rules/) are thin wrappers over this package:
- `lines`:      a text split into lines with offsets, and the whole-line deletion span of each;
- `phrases`:    the per-language phrase lists in resources/boilerplate/phrases/ (whole-line matches);
- `user_rules`: the user's own phrases and time-limited regular expressions from the profile;
- `metadata`:   bylines, photo credits, live-blog timestamps, contributor lines;
- `features`:   the per-line evidence (length, punctuation, stopwords, links, title case, ...);
- `classifier`: weighs that evidence with the line's neighbours into a decision with reasons.
"""

from desktop_app.core.boilerplate.phrases import match_phrase, normalize_phrase
from desktop_app.core.boilerplate.user_rules import PatternError, UserRules, validate_pattern
from desktop_app.core.textlines import Line, split_lines

__all__ = ["Line", "PatternError", "UserRules", "match_phrase", "normalize_phrase", "split_lines",
           "validate_pattern"]
