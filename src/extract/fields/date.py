"""The date under the signature (成文日期), Arabic or Chinese numerals."""

from __future__ import annotations

import datetime as dt

import regex

from ..document import Document
from ..layout import Layout
from ..models import DateValue
from ..numbers import parse_int
from ._span import source_span

DATE = regex.compile(
    r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九○ＯO0]{4})\s*(?:年|[-./])\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:月|[-./])\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?"
)


def parse_date(text: str) -> str | None:
    """ISO date of 2023年5月5日, 二〇〇五年七月十四日, 2025-07-31; None when not a real date.

    >>> parse_date("二〇〇五年七月十四日")
    '2005-07-14'
    """
    m = DATE.search(text)
    if not m:
        return None
    year = m["y"] if m["y"].isdigit() else m["y"].replace("0", "〇")  # 二0二三
    y, mo, d = parse_int(year), parse_int(m["m"]), parse_int(m["d"])
    if y is None or mo is None or d is None:
        return None
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def find_date(doc: Document, layout: Layout) -> DateValue | None:
    """The signature date, else a labelled 成文日期/答复时间; never a publication date."""
    if layout.date_span is not None:
        s, e = layout.date_span
        iso = parse_date(doc.text[s:e])
        if iso:
            return DateValue(text=doc.text[s:e], value=iso, **source_span(doc, s, e))
    meta = layout.meta_for("date")
    if meta:
        m = DATE.search(meta.text)
        iso = parse_date(meta.text)
        if m and iso:
            s = meta.start + m.start()
            return DateValue(text=m[0], value=iso, **source_span(doc, s, meta.start + m.end()))
    return None
