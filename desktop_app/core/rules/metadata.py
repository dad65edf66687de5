"""Metadata: bylines, photo credits, live-blog timestamps and contributor lines, proposed for review.

Their confidence stays below the default profile's metadata threshold (0.95), so `clean_text`
keeps them and `scrubtext check` / the GUI propose them, each with a reason saying what it looks like.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.core.boilerplate.metadata import detect
from desktop_app.core.edits import Edit
from desktop_app.core.textlines import deletion_span, split_lines

from . import rule


@rule("metadata", "metadata",
      "Bylines, photo credits, live-blog timestamps and contributor lines (proposed for review).",
      examples=[("By Jane Doe\nThe text.\n", "The text.\n"),
                ("A caption. Jane Doe/AFP/Getty Images\n", "A caption.\n")],
      order=30,
      scope="line",
      sub_rules={"metadata.byline": "a byline (By …, CNNの…より)",
                 "metadata.credit": "a line that is only a photo credit",
                 "metadata.caption-credit": "a photo credit at the end of a caption line (only the credit)",
                 "metadata.timestamp": "a line that is only a date and time",
                 "metadata.contributor": "a contributor line (… contributed reporting)"})
def metadata(text: str, ctx) -> Iterator[Edit]:
    for line in split_lines(text):
        if line.blank:
            continue
        m = detect(line.text)
        if m is None:
            continue
        if m.kind == "caption-credit":
            start, end = line.start + m.start, line.start + m.end
        else:
            start, end = deletion_span(text, line)
        yield Edit(start, end, "", f"metadata.{m.kind}", "metadata", m.reason, m.confidence)
