"""The handling result (办理结果 / 答复类别 / 吸收采纳情况, or an A类 stamp), as written."""

from __future__ import annotations

import regex

from ..document import Document
from ..layout import Layout
from ..models import HandlingResult
from ._span import source_span

_STAMP = regex.compile(r"^[（(]?(?P<cat>[ABC])\s*类?[)）]?$")
_CATEGORY_WORDS = (
    ("for_reference", regex.compile(r"^C|留作参考|参考")),
    ("in_progress", regex.compile(r"^B|正在解决|列入计划|计划解决|逐步解决|部分采纳|部分解决")),
    ("explained", regex.compile(r"说明|解释")),
    ("resolved", regex.compile(r"^A|采纳|解决|已办结")),
)


def categorize(text: str) -> str | None:
    """resolved / in_progress / for_reference / explained for a result as written.

    >>> categorize("采纳或解决"), categorize("B类"), categorize("留作参考")
    ('resolved', 'in_progress', 'for_reference')
    """
    for category, pattern in _CATEGORY_WORDS:
        if pattern.search(text):
            return category
    return None


def find_handling_result(doc: Document, layout: Layout) -> HandlingResult | None:
    meta = layout.meta_for("handling_result")
    if meta is not None:
        return HandlingResult(text=meta.text, category=categorize(meta.text),  # type: ignore[arg-type]
                              **source_span(doc, meta.start, meta.end))
    for line in layout.header_lines():
        m = _STAMP.match(line.text)
        if m:
            return HandlingResult(text=line.text, category=categorize(line.text),  # type: ignore[arg-type]
                                  **source_span(doc, line.start, line.end))
    return None
