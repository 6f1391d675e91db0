"""What an indicator means: the phrase it measures, its kind, its time anchor and whether it is a change.

Everything here reads the words around one number: the clause for the metric
(segmented and tagged with rjieba, a window of a few dozen characters, never the
whole letter), the sentence for the kind and the time anchor.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex
import rjieba

from ..lexicon import load_resource, words
from ..quantities import per_phrase

_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_CLAUSE_END = regex.compile(r"[，,；;。！？!?：:\n（(）)]")
_METRIC_MAX = 14  # characters: longer phrases are clauses, not names
_WINDOW = 40  # characters of clause read on either side of a number
_NOMINAL = ("n", "v", "s", "j", "l", "b", "f", "g", "k", "z", "h", "a", "e")


@dataclass(frozen=True, slots=True)
class Bounds:
    """Where sentences and clauses end in a text, for finding the ones around a number quickly."""

    sentence_ends: list[int]
    clause_ends: list[int]

    @classmethod
    def of(cls, text: str, lo: int, hi: int) -> Bounds:
        return cls([m.start() for m in _SENTENCE_END.finditer(text, lo, hi)],
                   [m.start() for m in _CLAUSE_END.finditer(text, lo, hi)])

    @staticmethod
    def _around(ends: list[int], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        i = bisect.bisect_left(ends, start)
        s = ends[i - 1] + 1 if i > 0 else lo
        j = bisect.bisect_left(ends, end)
        return max(s, lo), (ends[j] if j < len(ends) else hi)

    def sentence(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around ``[start, end)`` within ``[lo, hi)``."""
        return self._around(self.sentence_ends, start, end, lo, hi)

    def clause(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around ``[start, end)`` (cut at commas, semicolons, colons, brackets), at most
        ``_WINDOW`` characters on either side."""
        s, e = self._around(self.clause_ends, start, end, lo, hi)
        return max(s, start - _WINDOW), min(e, end + _WINDOW)


# --- lexicon ------------------------------------------------------------------------------------

@functools.cache
def _pattern(key: str) -> regex.Pattern[str]:
    return regex.compile(load_resource("indicators")[key])


@functools.cache
def _set(key: str) -> frozenset[str]:
    return frozenset(words("indicators", key))


@functools.cache
def _list(key: str) -> tuple[str, ...]:
    return words("indicators", key)


@functools.cache
def _any(key: str) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in words("indicators", key)))


@functools.cache
def _tail(key: str) -> regex.Pattern[str]:
    alt = "|".join(regex.escape(w) for w in words("indicators", key))
    return regex.compile(rf"(?:{alt})+$")


@functools.cache
def _head(key: str) -> regex.Pattern[str]:
    alt = "|".join(regex.escape(w) for w in words("indicators", key))
    return regex.compile(rf"^(?:{alt})+")


# --- metric -------------------------------------------------------------------------------------

_CODE = regex.compile(r"\d+[A-Za-z]+")
_LATIN_TAIL = regex.compile(r"[A-Za-z]+$")
_LEFT_MAX = 9  # characters: a phrase before the number keeps its last words up to this length
_ORDINAL_HEAD = regex.compile(r"^(?:首|第[一二三四五六七八九十\d]+)[批个次家届期轮]?")


def _nominal(word: str, tag: str) -> bool:
    if word in _set("predicate_verbs") or word in _set("scope_words"):
        return False
    if tag == "eng" or _CODE.fullmatch(word):
        return True
    return tag.startswith(_NOMINAL) and not tag.startswith(("vd", "ad"))


def _trim(tokens: list[str], limit: int) -> str:
    """Drop scope words and joining words at the edges; keep the last words within ``limit`` characters."""
    while tokens and (tokens[0] in _set("scope_words") or tokens[0] in "的和与及、"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in "的和与及、":
        tokens = tokens[:-1]
    while len(tokens) > 1 and sum(map(len, tokens)) > limit:
        tokens = tokens[1:]
    phrase = "".join(tokens)
    return _head("scope_words").sub("", phrase) if len(tokens) == 1 and len(phrase) > 2 else phrase


def _strip_left(text: str) -> tuple[str, bool]:
    """The text before a number without its prefix code, predicate and rate denominator; and whether
    the predicate said 分别 (a list of metrics, 风电、光伏发电装机容量分别达到…)."""
    text = _LATIN_TAIL.sub("", text.rstrip())  # ML1.8级: the prefix is part of the number
    tail = _tail("predicate_tail").search(text)
    respectively = bool(tail and "分别" in tail[0])
    text = text[:tail.start()] if tail else text
    pers = list(per_phrase().finditer(text))
    if pers:
        last = pers[-1]
        text = text[:last.start()] if last.end() == len(text) else text[last.end():]
        tail = _tail("predicate_tail").search(text)
        text = text[:tail.start()] if tail else text
    return text, respectively


def left_phrase(text: str) -> tuple[str, bool]:
    """The noun phrase that ends ``text`` and whether it is a relative clause (…的110户).

    >>> left_phrase("全国充电基础设施总量已达到")
    ('充电基础设施总量', False)
    """
    text, respectively = _strip_left(text)
    if not text:
        return "", False
    if text.endswith("的"):  # 房屋明显有裂缝的110户: the relative clause names it
        return _trim(rjieba.cut(text[:-1]), _LEFT_MAX), True
    tokens = rjieba.tag(text)
    kept: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        word, tag = tokens[i]
        before_nominal = i > 0 and _nominal(*tokens[i - 1])
        if kept and word in _set("left_frames"):
            break
        if _nominal(word, tag) or (not kept and tag == "q" and before_nominal):  # 充电|桩 (q)
            kept.append(word)
        elif kept and before_nominal and (tag == "uj" or (respectively and word in "、和与及")
                                          or (tag == "d" and len(word) > 1)):
            kept.append(word)
        elif not kept and word in _set("predicate_verbs") and not before_nominal:
            kept.append(word)  # 太钢投资4800万元: the verb is the only name there is
            break
        else:
            break
        i -= 1
    return _trim(kept[::-1], _METRIC_MAX if respectively else _LEFT_MAX), False


def right_phrase(text: str) -> str:
    """The noun phrase that starts ``text``.

    >>> right_phrase("个数字化转型示范项目和标杆场景。"[1:])
    '数字化转型示范项目和标杆场景'
    """
    text = _ORDINAL_HEAD.sub("", text)
    if not text:
        return ""
    tokens = rjieba.tag(text[:_WINDOW])
    kept: list[str] = []
    for i, (word, tag) in enumerate(tokens):
        if _nominal(word, tag):
            kept.append(word)
        elif word in "、和与及" and kept and i + 1 < len(tokens) and _nominal(*tokens[i + 1]):
            kept.append(word)
        else:
            break
        if sum(map(len, kept)) >= _METRIC_MAX:
            break
    return _trim(kept, _METRIC_MAX)


@dataclass(frozen=True, slots=True)
class MetricContext:
    """The text on either side of one number, within its clause; ``follow``: the text after the next
    number when this one is joined to it (1.8级和2.5级地震, 5类6个项目)."""

    left: str
    right: str
    classifier: bool
    follow: str | None = None


def metric_of(ctx: MetricContext) -> str | None:
    """The phrase a number measures: after a measure word (27个|项目), else before it (装机容量|1.49亿千瓦)."""
    right = right_phrase(ctx.right)
    if not right and ctx.follow is not None:
        right = right_phrase(ctx.follow)
    if right and (ctx.classifier or right in _set("frame_nouns")):
        return right
    left, relative = left_phrase(ctx.left)
    if left and not (relative and right):
        return left
    if right:
        return right
    return right_phrase(after_verbs(ctx.right)) or left or None


def after_verbs(text: str) -> str:
    """``text`` without the verbs and adverbs that open it (给予一次性建设补助 → 建设补助)."""
    tokens = rjieba.tag(text[:_WINDOW])
    skip = 0
    for word, tag in tokens[:3]:
        if (tag.startswith(("v", "d", "p", "a")) and not tag.startswith("vn")) or word in _set("predicate_verbs"):
            skip += len(word)
        else:
            break
    return text[skip:] if skip else ""


# --- kind ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KindContext:
    """The sentence text before the number, the text after it to the sentence end, the clause before it,
    the letter's year, whether it stands in a forward-looking section."""

    before: str
    after: str
    clause_before: str
    letter_year: int | None
    in_forward_section: bool


@functools.cache
def _cue_pattern() -> regex.Pattern[str]:
    parts = []
    for key, name in (("target_before", "target"), ("achieved_before", "achieved")):
        alt = "|".join(regex.escape(w) for w in words("indicators", key))
        parts.append(f"(?P<{name}>{alt})")
    return regex.compile("|".join(parts))


_PLAN = regex.compile(r"(?P<n>十[一二三四五六七八九]|[一二三四五六七八九十])五[”\"]?(?:期间|时期|末|规划|计划)")
_BA_NEXT = ("n", "r", "m", "q", "nr", "ns", "nt", "nz", "j", "l")


def _plan_years(numeral: str) -> tuple[int, int]:
    """The years of the n-th five-year plan (九五 → 1996-2000, 十四五 → 2021-2025)."""
    from ..numbers import parse_int
    n = parse_int(numeral) or 0
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def _is_ba(text: str, pos: int) -> bool:
    """将 followed by an object (将工程建设项目…分为) is the 把 construction, not the future."""
    nxt = rjieba.tag(text[pos + 1:pos + 7])
    return bool(nxt) and nxt[0][1].startswith(_BA_NEXT) and nxt[0][0] not in ("于", "在")


def _cues(ctx: KindContext, anchor: Anchor | None) -> list[tuple[int, str]]:
    """Every cue in the sentence before the number with its position: words, the time anchor, plan periods."""
    cues: list[tuple[int, str]] = []
    for m in _cue_pattern().finditer(ctx.before):
        if m["target"] == "将" and _is_ba(ctx.before, m.start()):
            continue
        cues.append((m.start(), "target" if m["target"] else "achieved"))
    if ctx.letter_year is not None:
        if anchor is not None and anchor.year is not None:
            future = anchor.year > ctx.letter_year or (anchor.lead in ("到", "至") and anchor.year >= ctx.letter_year)
            if future or anchor.year < ctx.letter_year:
                cues.append((anchor.rel_end, "target" if future else "achieved"))
        for m in _PLAN.finditer(ctx.before):
            last = _plan_years(m["n"])[1]
            cues.append((m.start(), "target" if last >= ctx.letter_year else "achieved"))
    return cues


def kind_of(ctx: KindContext, anchor: Anchor | None = None) -> str:
    """achieved, target or other: classifications, rules and descriptions, then the nearest cue,
    then a goal named after the number, then the section, else achieved."""
    near = ctx.clause_before[-6:]
    if _words_in("classify_words", near) or _words_in("rule_words_near", near):
        return "other"
    achieved_here = any(m["achieved"] for m in _cue_pattern().finditer(ctx.clause_before))
    rule = _words_in("rule_words", ctx.clause_before) or _words_in("rule_words", ctx.after[:8])
    describe = _words_in("describe_words", ctx.before) or ctx.after.startswith(
        _list("frame_nouns"))
    if (rule or describe) and not achieved_here:
        return "other"
    cues = _cues(ctx, anchor)
    if cues:
        return max(cues)[1]
    if _words_in("target_after", ctx.after):
        return "target"
    if ctx.in_forward_section:
        return "target"
    return "achieved"


def _words_in(key: str, text: str) -> bool:
    return _any(key).search(text) is not None


# --- change -------------------------------------------------------------------------------------

def change_of(before: str) -> tuple[str | None, bool, str | None] | None:
    """(direction, is_change, basis) when a change verb stands right before the number, else ``None``."""
    m = _pattern("change").search(before[-24:])
    if not m:
        return None
    direction = "down" if m["verb"] in load_resource("indicators")["down_verbs"] else "up"
    basis = m["basis"].strip() if m["basis"] else None
    return direction, m["to"] is None, basis


# --- as of --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Anchor:
    """A time anchor: span in the text, as written, resolved value and year, its lead word (截至, 到),
    and its end relative to the start of the text searched (for the nearest-cue rule)."""

    start: int
    end: int
    text: str
    value: str | None
    year: int | None
    lead: str | None
    rel_end: int = 0


_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def resolve_anchor(m: regex.Match[str], letter_date: str | None) -> tuple[str | None, int | None]:
    """ISO date or period of an anchor match, and its year, against the letter's own date."""
    letter_year = int(letter_date[:4]) if letter_date else None
    if m["now"] or m["now2"]:
        return letter_date, letter_year
    year: int | None = None
    if m["year"]:
        year = int(m["year"])
    elif m["rel"] and letter_year is not None:
        year = letter_year + _RELATIVE[m["rel"]]
    elif m["month2"] and letter_date:
        year = letter_year
        if year is not None and int(m["month2"]) > int(letter_date[5:7]):
            year -= 1
    if year is None:
        return None, None
    month, day = m["month"] or m["month2"], m["day"] or m["day2"]
    if month and 1 <= int(month) <= 12:
        if day and 1 <= int(day) <= 31:
            return f"{year:04d}-{int(month):02d}-{int(day):02d}", year
        return f"{year:04d}-{int(month):02d}", year
    if m["quarter"]:
        return f"{year:04d}-Q{_QUARTER[m['quarter']]}", year
    if m["quarters"]:
        return f"{year:04d}-Q{_QUARTER[m['quarters']]}", year
    if m["half"]:
        return f"{year:04d}-{'H1' if m['half'] == '上半年' else 'H2'}", year
    return f"{year:04d}", year


def find_anchor(text: str, start: int, end: int, letter_date: str | None) -> Anchor | None:
    """The last time anchor in ``text[start:end]`` (the sentence before a number)."""
    last = None
    for m in _pattern("anchor").finditer(text, start, end):
        if m.end() > m.start():
            last = m
    if last is None:
        return None
    value, year = resolve_anchor(last, letter_date)
    lead = last["lead"] or last["lead2"]
    lead_len = len(last[0]) - len(last[0].lstrip())
    return Anchor(last.start() + lead_len, last.end(), last[0].strip(), value, year, lead, last.end() - start)
