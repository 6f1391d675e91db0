"""Word segmentation and part-of-speech tags for small windows of a letter.

rjieba (jieba's algorithm and dictionary in Rust) is imported on first use: importing it
loads its dictionary (about 0.1 s), which a program that never segments should not pay.
Callers segment only windows around a number or a year, never a whole letter.

>>> cut("我区将继续深化治理")
['我区', '将', '继续', '深化', '治理']
"""

from __future__ import annotations

import functools
from types import ModuleType


@functools.cache
def _rjieba() -> ModuleType:
    import rjieba

    return rjieba


def cut(text: str) -> list[str]:
    """The words of ``text``."""
    words: list[str] = _rjieba().cut(text)
    return words


def tag(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` with jieba's part-of-speech tags."""
    tags: list[tuple[str, str]] = _rjieba().tag(text)
    return tags
