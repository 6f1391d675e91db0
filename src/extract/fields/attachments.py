"""附件: the attachments the letter lists (附件：1.… 2.…)."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import TextSpan
from ._span import text_span

LEAD = regex.compile(r"^附\s*件\s*[:：]\s*(?P<value>.*)$")
ITEM = regex.compile(r"^(?:\d{1,2}\s*[.．、]\s*)?(?P<value>.+?)[。]?$")
NEXT_ITEM = regex.compile(r"^\d{1,2}\s*[.．、]")


def find_attachments(doc: Document, layout: Layout) -> list[TextSpan]:
    lines = layout.lines
    for i, line in enumerate(lines):
        m = LEAD.match(line.text)
        if not m:
            continue
        found = []
        first = ITEM.match(m["value"]) if m["value"] else None
        if first:
            s = line.start + m.start("value") + first.start("value")
            found.append(text_span(doc, s, s + len(first["value"])))
        for nxt in lines[i + 1:]:
            if not NEXT_ITEM.match(nxt.text):
                break
            item = ITEM.match(nxt.text)
            if item:
                found.append(text_span(doc, nxt.start + item.start("value"), nxt.start + item.end("value")))
        return found
    return []
