"""抄送: who else receives the letter."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import TextSpan
from ._span import text_span

CC = regex.compile(r"^抄\s*送\s*[:：]\s*(?P<value>.+?)[。.]?$")


def find_cc(doc: Document, layout: Layout) -> TextSpan | None:
    for line in layout.lines:
        m = CC.match(line.text)
        if m:
            return text_span(doc, line.start + m.start("value"), line.start + m.end("value"))
    return None
