"""Paragraphs and sentences of a stretch of text, with their offsets.

A paragraph is a line; inside a line, a run of spaces after a full stop or a
colon also starts a new paragraph (web pages that put a whole letter on one line keep its
paragraph breaks as spaces). A sentence ends with 。！？ (and any closing quote or
bracket after it), or with a colon that ends its paragraph, or at the paragraph's
end. A full stop inside “…” or （…） does not end a sentence when the quote
closes within the paragraph.

>>> [s.text for s in split_sentences("下一步，我局将继续推进。同时加强指导！\\n感谢您的支持。")]
['下一步，我局将继续推进。', '同时加强指导！', '感谢您的支持。']
>>> [(s.paragraph, s.text) for s in split_sentences("甲。  乙。丙")]
[(0, '甲。'), (1, '乙。'), (1, '丙')]
>>> [s.text for s in split_sentences("甲。（三）加强队伍建设 组织培训。")]  # a heading between a stop and a space
['甲。', '（三）加强队伍建设', '组织培训。']
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_NUMBERED = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
_PARAGRAPH_BREAK = regex.compile(
    r"\n|(?<=[。！？!?：:][”’」』）)]*)[ \t]+(?=\S)"
    # a numbered heading without a full stop, between spaces on a one-line page (… 二、下一步工作举措 为…)
    rf"|(?<=(?:^|[ \t]|[。！？!?]){_NUMBERED}[^。！？!?\s，,；;：:]{{1,30}})[ \t]+(?=\S)"
    # … also right after a full stop, with no space before it (…保障。（三）加强队伍建设 组织…)
    rf"|(?:[ \t]+|(?<=[。！？!?]))(?={_NUMBERED}[^。！？!?\s，,；;]{{1,30}}[ \t])",
    regex.M,
)
_SPACE = regex.compile(r"[ \t]")
_NEWLINE = regex.compile(r"\n")
_STOPS = "。！？!?"
_CLOSERS = "”’」』）)"
_OPEN_CLOSE = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》"}


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text`` is ``source[start:end]`` with outer spaces stripped; ``paragraph`` counts from 0."""

    start: int
    end: int
    text: str
    paragraph: int
    first_in_paragraph: bool
    last_in_paragraph: bool


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty paragraph of ``text[start:end]``, spaces stripped.

    >>> paragraphs("一。\\n\\n  二。 三。")
    [(0, 2), (6, 8), (9, 11)]
    """
    stop = len(text) if end is None else end
    spans = []
    pos = start
    breaks = _PARAGRAPH_BREAK if _SPACE.search(text, start, stop) else _NEWLINE  # spaces break only on one line
    for m in breaks.finditer(text, start, stop):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, stop))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_MARKS = regex.compile(r"[“「『（(《]|[。！？!?][。！？!?”’」』）)]*")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    pos = start
    while True:
        m = _MARKS.search(text, pos, end)
        if m is None:
            break
        ch = m[0][0]
        if ch in _OPEN_CLOSE:
            close = text.find(_OPEN_CLOSE[ch], m.end(), end)
            nested = text.find(ch, m.end(), close) if close > 0 else -1
            if close > 0 and nested < 0 and (ch != "“" or close - m.start() < 200):
                pos = close + 1
            else:
                pos = m.end()
            continue
        ends.append(m.end())
        pos = m.end()
    if not ends or ends[-1] < end:
        ends.append(end)
    return ends


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of ``text[start:end]`` in order, paragraph by paragraph."""
    out: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text, start, end)):
        pos = p_start
        ends = _sentence_ends(text, p_start, p_end)
        for k, s_end in enumerate(ends):
            a, b = pos, s_end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(a, b, text[a:b], index, first_in_paragraph=pos == p_start,
                                    last_in_paragraph=k == len(ends) - 1))
            pos = s_end
    return out
