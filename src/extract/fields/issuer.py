"""The answering agency, as signed under the letter."""

from __future__ import annotations

import functools

import regex

from ..document import Document
from ..layout import Layout, agency_end
from ..lexicon import alternation
from ..models import TextSpan
from ._span import source_span


@functools.cache
def _title_agency() -> regex.Pattern[str]:
    suffix = alternation("agencies", "agency_suffixes")
    second_name = r"(?:[（(][\p{Han}]{2,20}[)）])?"
    return regex.compile(rf"^(?P<agency>[\p{{Han}}（）()]{{2,30}}?{suffix}{second_name})(?:关于|对)")


def find_issuer(doc: Document, layout: Layout, title: TextSpan | None, banner: TextSpan | None) -> TextSpan | None:
    """Signature, else the agency that opens the title, else the banner without 文件."""
    if layout.signature:
        lines = layout.signature
        # One name broken over two lines: the first line does not end like an agency.
        if len(lines) >= 2 and not agency_end().search(lines[0].text):
            text = "".join(ln.text for ln in lines[:2]).replace(" ", "")
            return TextSpan(text=text, **source_span(doc, lines[0].start, lines[1].end))
        first = lines[0]
        return TextSpan(text=first.text.replace(" ", ""), **source_span(doc, first.start, first.end))
    if title is not None:
        m = _title_agency().match(title.text)
        if m:
            agency = m["agency"]
            opening = next((ln for ln in layout.header_lines() if agency in ln.text), None)
            if opening is not None:
                s = opening.start + opening.text.index(agency)
                return TextSpan(text=agency, **source_span(doc, s, s + len(agency)))
            return TextSpan(text=agency, start=title.start, end=min(title.end, title.start + len(agency)))
    if banner is not None:
        text = banner.text.removesuffix("文件")
        return TextSpan(text=text, start=banner.start, end=banner.end - 2)
    return None
