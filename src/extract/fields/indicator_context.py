"""What an indicator means besides its metric: its kind, its time anchor and whether it is a change.

The sentence around a number is read: the nearest cue before the number decides
the kind (力争/计划/到2027年 target, 已/累计/截至 achieved, 给予/收费标准为 other); the
last time anchor before it is its ``as_of``; a change verb right before it its change.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from .. import segment, timex
from ..lexicon import load_resource, words
from ..numbers import parse_int
from . import _indicator_lexicon as L

_SENTENCE_END = re.compile(r"[。！？!?\n]")  # the standard engine scans a plain class faster
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]")
_WINDOW = 40  # characters of clause read on either side of a number


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
        """The clause around ``[start, end)`` (cut at commas, semicolons, colons), at most
        ``_WINDOW`` characters on either side."""
        s, e = self._around(self.clause_ends, start, end, lo, hi)
        return max(s, start - _WINDOW), min(e, end + _WINDOW)


# --- kind ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class KindContext:
    """The sentence text before the number, the text after it to the sentence end, the clause before it,
    the letter's year, whether it stands in a forward-looking section, and the sentence's cues."""

    before: str
    after: str
    clause_before: str
    letter_year: int | None
    in_forward_section: bool
    offset: int = 0  # where ``before`` starts in the text
    cues: tuple[tuple[int, str], ...] = ()  # the sentence's cues (``sentence_cues``)


@functools.cache
def _cue_pattern() -> regex.Pattern[str]:
    data = load_resource("indicators")
    parts = [f"(?P<target>{data['target_pattern']['pattern']})", f"(?P<other>{data['rule_pattern']['pattern']})"]
    for key, name in (("target_before", "target2"), ("achieved_before", "achieved"), ("rule_before", "other2"),
                      ("cap_before", "cap")):
        parts.append(f"(?P<{name}>{'|'.join(regex.escape(w) for w in words('indicators', key))})")
    return regex.compile("|".join(parts))


_GIVE = regex.compile(r"给予|予以")
_CONDITION_AFTER = ("的", "以上的", "以下的", "及以上的", "及以下的")
_COMPARATIVES = ("高于", "低于")
_PARAMETER_CHARS = frozenset("率例倍度数限")  # the last characters of the parameter_tail heads
_ITEM_HEAD = regex.compile(r"^[\s（(]*(?:[一二三四五六七八九十\d]{1,2}[）)、.．])?\s*")
_PLAN = regex.compile(r"(?P<n>十[一二三四五六七八九]|[一二三四五六七八九十])五[”\"]?(?:期间|时期|末|规划|计划)")
_BA_NEXT = ("n", "r", "m", "q", "nr", "ns", "nt", "nz", "j", "l")


def _plan_years(numeral: str) -> tuple[int, int]:
    """The years of the n-th five-year plan (九五 → 1996-2000, 十四五 → 2021-2025)."""
    n = parse_int(numeral) or 0
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def _is_ba(text: str, pos: int) -> bool:
    """将 followed by an object (将工程建设项目…分为, 将审批事项由9项精简为4项) is the 把 construction,
    not the future (将继续…, 将进一步提高到…)."""
    nxt = segment.tag(text[pos + 1:pos + 7])
    if not nxt or nxt[0][0] in ("于", "在") or nxt[0][1].startswith("d"):
        return False
    return nxt[0][1].startswith(_BA_NEXT) or bool(L.pattern("ba_pattern").match(text, pos))


def sentence_cues(text: str, start: int, end: int, letter_year: int | None) -> list[tuple[int, str]]:
    """The kind cues of one sentence, as (end offset, kind): words, and plan periods (“十四五”期间)."""
    cues: list[tuple[int, str]] = []
    for m in _cue_pattern().finditer(text, start, end):
        if m["target2"] == "将" and _is_ba(text, m.start()):
            continue
        if m["target2"] == "计划" and (text.endswith(L.word_list("plan_nouns_before"), start, m.start())
                                      or text[m.end():m.end() + 1] in ("”", "》", "，", "。", "")):
            continue  # 行动计划, 工作计划: a noun
        kind = "achieved" if m["achieved"] else "other" if m["other"] or m["other2"] else \
            "cap" if m["cap"] else "target"
        cues.append((m.end(), kind))
    if letter_year is not None:
        for m in _PLAN.finditer(text, start, end):
            last = _plan_years(m["n"])[1]
            cues.append((m.end(), "plan" if last >= letter_year else "achieved"))
    return sorted(cues)


def _cues(ctx: KindContext, anchor: Anchor | None) -> list[tuple[int, str]]:
    """The cues before the number, relative to the sentence start, with the time anchor's."""
    cues = [(pos - ctx.offset, kind) for pos, kind in ctx.cues if pos <= ctx.offset + len(ctx.before)]
    if ctx.letter_year is not None and anchor is not None and anchor.year is not None:
        future = anchor.year > ctx.letter_year or (anchor.lead in ("到", "至") and anchor.year >= ctx.letter_year)
        if future or anchor.year < ctx.letter_year:
            cues.append((anchor.end - ctx.offset, "target" if future else "achieved"))
    return cues


def kind_of(ctx: KindContext, anchor: Anchor | None = None) -> str:
    """achieved, target or other: a classification or rule at the number, else the nearest cue before it,
    else a description, a goal named after it, the section; achieved when nothing says otherwise."""
    if _words_in("classify_words", ctx.clause_before[-10:]) or _rule_near(ctx.clause_before) \
            or _parameter(ctx.clause_before[-24:]) \
            or (ctx.after.startswith(_CONDITION_AFTER) and "对" in ctx.clause_before
                and L.pattern("condition_tail").search(ctx.clause_before)):
        return "other"
    cues = _cues(ctx, anchor)
    if _ITEM_HEAD.sub("", ctx.clause_before).startswith("对") and _GIVE.search(ctx.after):
        cues.append((len(ctx.before) + 1, "other"))  # 对…超过200家…的平台，再给予50万元奖励: a condition
    elif _ITEM_HEAD.sub("", ctx.before[ctx.before.rfind("；") + 1:]).startswith("对") \
            and L.pattern("award_tail").search(ctx.clause_before):
        cues.append((len(ctx.before) + 1, "cap"))  # 对新认定的…企业，一次性奖励50万元: a standard, unless promised
    if L.pattern("standard_tail").search(ctx.clause_before[-24:]):
        cues.append((len(ctx.before) + 1, "cap"))  # 新建项目亩均补助提高到2000元: a standard, unless promised
    if ctx.after.startswith(("以内", "以下")) and L.pattern("per_unit_quota").search(ctx.clause_before[-10:]):
        cues.append((len(ctx.before) + 1, "cap"))  # 气量为每户每年300立方米以内: a quota, unless promised
    if L.pattern("target_after").match(ctx.after):
        cues.append((len(ctx.before) + 2, "target"))
    elif L.pattern("rule_after").match(ctx.after):
        cues.append((len(ctx.before) + 1, "other"))
    said = any(kind == "target" for _, kind in cues)
    promised = ctx.in_forward_section or said
    before = ctx.before
    local = max(before.rfind("；"), before.rfind("，"), before.rfind(",")) + 1  # a rule holds in its own clause only
    cues = [(pos, kind) for pos, kind in cues
            if not (kind in ("other", "cap") and pos <= local) and not (kind == "cap" and (
                promised or (len(ctx.before) - pos > 2 and ctx.before.endswith(_COMPARATIVES, 0, pos))))]
    # 高于各项贷款增速9.8个百分点: a comparison, not a floor
    if cues:
        pos, kind = max(cues)
        if kind == "achieved" and said and ctx.before.endswith(L.word_list("weak_achieved"), 0, pos):
            return "target"  # 力争到2030年累计建成…
        if kind == "achieved" and ctx.before.endswith(L.word_list("basis_achieved"), 0, pos) \
                and any(k == "target" and p > local for p, k in cues):
            return "target"  # 力争今年…较上年增长15%
        return {"cap": "other", "plan": "target"}.get(kind, kind)
    described = _words_in("describe_words", ctx.before) or ("内" in ctx.before
                                                             and L.pattern("describe_pattern").search(ctx.before))
    if described and not _words_in("attain_words", ctx.clause_before):
        return "other"  # 区域面积约1320平方公里 (but 森林覆盖率达到80% in the same sentence is a result)
    if ctx.in_forward_section:
        return "target"
    return "achieved"


def _parameter(tail: str) -> bool:
    """A parameter a policy sets, right before the number (担保费率降至, 缴存比例为, 计算倍数由10倍提高到)."""
    return not _PARAMETER_CHARS.isdisjoint(tail) and L.pattern("parameter_tail").search(tail) is not None


def _rule_near(clause_before: str) -> bool:
    """A rule word right before the number, joined to it by a copula or a cap only (办理时限为5个工作日,
    期限原则上不超过3年), not by a verb of change or attainment (时限压缩至3个工作日, 期限达到15年)."""
    return L.pattern("rule_near_tail").search(clause_before[-12:]) is not None


def _words_in(key: str, text: str) -> bool:
    return L.any_of(key).search(text) is not None


# --- change -------------------------------------------------------------------------------------

def change_of(before: str) -> tuple[str | None, bool, str | None] | None:
    """(direction, is_change, basis) when a change verb stands right before the number, else ``None``."""
    m = L.pattern("change").search(before[-24:])
    if not m:
        return None
    direction = "down" if m["verb"] in load_resource("indicators")["down_verbs"] else "up"
    basis = m["basis"].strip() if m["basis"] else None
    return direction, m["to"] is None, basis


# --- as of --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Anchor:
    """A time anchor: span in the text, as written, resolved value and year, its lead word (截至, 到)."""

    start: int
    end: int
    text: str
    value: str | None
    year: int | None
    lead: str | None


def resolve_anchor(m: regex.Match[str], letter_date: str | None) -> tuple[str | None, int | None]:
    """ISO date or period of an anchor match, and its year, against the letter's own date.

    The period comes from ``timex``; what is particular to an as-of anchor stays here: 目前 is the
    letter's date, and a month named without a year that lies after the letter is last year's.
    """
    if m["now"] or m["now2"]:
        return letter_date, int(letter_date[:4]) if letter_date else None
    period = timex.resolve_period(m[0].strip(), letter_date)
    if period is None:
        return None, None
    if m["month2"] and not m["year"] and letter_date and period[:7] > letter_date[:7]:
        period = f"{int(period[:4]) - 1:04d}{period[4:]}"
    return period, int(period[:4])


def sentence_anchors(text: str, start: int, end: int, letter_date: str | None) -> list[Anchor]:
    """The time anchors of one sentence, in order (a basis of comparison, 较2023年, is none)."""
    out: list[Anchor] = []
    for m in L.pattern("anchor").finditer(text, start, end):
        if m.end() > m.start() and not text.endswith(L.word_list("anchor_basis"), max(0, m.start() - 2), m.start()) \
                and not text.startswith(L.word_list("anchor_qualifiers"), m.end()):  # 2000年以前建成的
            value, year = resolve_anchor(m, letter_date)
            lead_len = len(m[0]) - len(m[0].lstrip())
            out.append(Anchor(m.start() + lead_len, m.end(), m[0].strip(), value, year, m["lead"] or m["lead2"]))
    return out


def find_anchor(text: str, start: int, end: int, letter_date: str | None) -> Anchor | None:
    """The last time anchor in ``text[start:end]`` (the sentence before a number).

    >>> find_anchor("截至2023年一季度末累计开通", 0, 15, "2023-05-05").value
    '2023-Q1'
    """
    found = sentence_anchors(text, start, end, letter_date)
    return found[-1] if found else None
