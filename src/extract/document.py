"""Document: the decoded source text, its normalised form and the way back.

Field extractors read ``Document.text`` (normalised) and report spans in it;
``Document.to_source`` turns those into offsets of ``Document.source``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """A letter's text in two forms.

    ``offsets[i]`` is the source index of ``text[i]``; ``offsets[len(text)]`` is
    ``len(source)``. Offsets never decrease.

    >>> doc = Document.identity("你好")
    >>> doc.to_source(0, 2)
    (0, 2)
    """

    source: str
    text: str
    offsets: Sequence[int]

    @classmethod
    def identity(cls, source: str) -> Document:
        """A document whose normalised text is the source itself."""
        return cls(source=source, text=source, offsets=range(len(source) + 1))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to a half-open span of ``source``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        if end == start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def source_slice(self, start: int, end: int) -> str:
        """The source characters behind ``text[start:end]``."""
        s, e = self.to_source(start, end)
        return self.source[s:e]
