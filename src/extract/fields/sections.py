"""Body sections: 一、 （一） 1. （1） headings with their levels."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import Section
from ._span import source_span

LEVELS = (
    (1, regex.compile(r"^[一二三四五六七八九十]{1,3}、")),
    (2, regex.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (3, regex.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, regex.compile(r"^[（(]\d{1,2}[）)]")),
)
_ATTACHMENTS = regex.compile(r"^附\s*件\s*[:：\d]")
_HEADING_END = regex.compile(r"[。！？；]")
MAX_HEADING = 60


def find_sections(doc: Document, layout: Layout) -> list[Section]:
    """A section per body line that opens with an enumerator; the heading stops at its first full stop."""
    found = []
    b_start, b_end = layout.body
    for line in layout.lines:
        if line.start < b_start or line.start >= b_end:
            continue
        if _ATTACHMENTS.match(line.text):  # the list of attachments closes the body
            break
        for level, pattern in LEVELS:
            if pattern.match(line.text):
                stop = _HEADING_END.search(line.text)
                length = stop.start() if stop else len(line.text)
                if length > MAX_HEADING:
                    break
                found.append(Section(heading=line.text[:length], level=level,
                                     **source_span(doc, line.start, line.start + length)))
                break
    return found
