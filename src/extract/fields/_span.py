"""Turn spans of the normalised text into source offsets for the models."""

from __future__ import annotations

from ..document import Document
from ..models import TextSpan


def source_span(doc: Document, start: int, end: int) -> dict[str, int]:
    """``{"start": s, "end": e}`` in source offsets for ``doc.text[start:end]``."""
    s, e = doc.to_source(start, end)
    return {"start": s, "end": e}


def text_span(doc: Document, start: int, end: int, text: str | None = None) -> TextSpan:
    """A TextSpan for ``doc.text[start:end]`` (or the given text) with source offsets."""
    return TextSpan(text=doc.text[start:end] if text is None else text, **source_span(doc, start, end))
