"""The letter's own title, its lines joined; never a web page's title or the proposal's."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import DATE_ANY, Layout, Line, agency_line
from ..models import TextSpan
from ._span import source_span
from .doc_number import DOC_NUMBER

TITLE_END = regex.compile(
    r"(?:答复|复函|的函|答复函|回复|意见|摘要|复文|办理情况|的报告)(?:[（(][^（()）]{1,8}[)）])?$"
)
_NOT_TITLE = regex.compile(rf"[:：|#_。！？]|\.\.\.|…|文件$|^{DATE_ANY}$|^[-*>]")
_MAX_LINES = 3
_MAX_CHARS = 100


_MARKDOWN_HEADING = regex.compile(r"^#{1,6}\s*")


def _bare(line: Line) -> str:
    """The line without a markdown heading mark."""
    return _MARKDOWN_HEADING.sub("", line.text)


def _part_of_title(line: Line) -> bool:
    text = _bare(line)
    return len(text) <= 45 and not _NOT_TITLE.search(text) and not DOC_NUMBER.search(text)


def find_title(doc: Document, layout: Layout) -> TextSpan | None:
    """The first header line that ends like a title, with the lines right above it that continue it.

    A line that is only an agency's name (洪雅县交通运输局 above 关于…的答复) stands apart, as a banner does.
    """
    zone = layout.header_lines(with_page_lines=True)
    agency_only = agency_line()
    for i, line in enumerate(zone):
        if line.start in layout.page_lines or not (_part_of_title(line) and TITLE_END.search(line.text)):
            continue
        first = i
        while first > 0 and i - first < _MAX_LINES - 1:
            above = zone[first - 1]
            if (above.start in layout.page_lines or not _part_of_title(above) or TITLE_END.search(above.text)
                    or agency_only.match(_bare(above))):
                break
            first -= 1
        parts = zone[first:i + 1]
        text = "".join(_bare(p).replace(" ", "") for p in parts)
        if len(text) <= _MAX_CHARS:
            lead = len(parts[0].text) - len(_bare(parts[0]))
            return TextSpan(text=text, **source_span(doc, parts[0].start + lead, line.end))
    meta = layout.meta_for("title")
    if meta and TITLE_END.search(meta.text) and not _NOT_TITLE.search(meta.text):
        return TextSpan(text=meta.text, **source_span(doc, meta.start, meta.end))
    return None
