"""The disclosure (公开属性 / 公开方式 / 公开类型), as written: 主动公开·全文."""

from __future__ import annotations

from ..document import Document
from ..layout import Layout
from ..models import TextSpan
from ._span import text_span


def find_disclosure(doc: Document, layout: Layout) -> TextSpan | None:
    meta = layout.meta_for("disclosure")
    if meta is None:
        return None
    return text_span(doc, meta.start, meta.end)
