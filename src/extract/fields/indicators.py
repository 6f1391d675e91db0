"""Numeric indicators: every quantity the letter reports or promises (see the indicators issue)."""

from __future__ import annotations

from ..document import Document
from ..layout import Layout
from ..models import Indicator


def find_indicators(doc: Document, layout: Layout, letter_date: str | None) -> list[Indicator]:
    """Indicators in text order. Not yet implemented: returns no indicators."""
    return []
