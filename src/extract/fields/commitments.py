"""Commitments: sentences in which the answering side says what it will do (see the commitments issue)."""

from __future__ import annotations

from ..document import Document
from ..layout import Layout
from ..models import Commitment, Indicator


def find_commitments(doc: Document, layout: Layout, issuer: str | None, letter_date: str | None,
                     indicators: list[Indicator]) -> list[Commitment]:
    """Commitments in text order. Not yet implemented: returns no commitments."""
    return []
