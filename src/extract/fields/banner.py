"""The banner (版头): 上海市普陀区科学技术委员会文件."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import TextSpan
from ._span import source_span

BANNER = regex.compile(r"^[\p{Han}（）()·\s]{2,40}文件$")


def find_banner(doc: Document, layout: Layout) -> TextSpan | None:
    """A header line that ends in 文件."""
    for line in layout.header_lines():
        if BANNER.match(line.text):
            return TextSpan(text=line.text.replace(" ", ""), **source_span(doc, line.start, line.end))
    return None
