"""The clause-level rules behind commitments: which words promise, which do not, who acts.

Everything here reads one sentence at a time, with the contents of “…” and 《…》
blanked (``mask_quotes``), split into clauses at ，；： (``clauses``). The word
lists and patterns are data in ``resources/commitment_markers.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import segment
from ..lexicon import alternation, load_resource
from ..timex import TimeExpression, find_time_expressions, period_bounds, time_at

RESOURCE = "commitment_markers"
BLANK = "＿"
_PAIRS = {"“": "”", "《": "》", "‘": "’", "「": "」", "『": "』", '"': '"'}
_CLAUSE_BREAK = regex.compile(r"[，,；;：:]")
ENUMERATOR = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，、,]?|[一二三四五六七八九十]{1,3}、"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))\s*"
)

# Trigger kinds and the strength each gives.
STRENGTH = {"lead": "firm", "later": "firm", "will": "firm", "hui": "firm", "continue": "firm", "time": "firm",
            "pending": "firm", "decide": "firm", "plan": "plan", "plan_verb": "plan", "study": "study"}
_TRIGGERS = (("lead", "lead_words"), ("later", "later_word"), ("will", "will"), ("plan", "plan_words"),
             ("plan_verb", "plan_verb"), ("study", "study_words"), ("continue", "continue_words"),
             ("hui", "will_hui"), ("pending", "pending"), ("decide", "decide"))


@functools.cache
def pattern(key: str) -> regex.Pattern[str]:
    """The compiled pattern ``key`` of the markers resource."""
    return regex.compile(load_resource(RESOURCE)[key]["pattern"])


@functools.cache
def trigger_pattern() -> regex.Pattern[str]:
    """All promise words in one pattern, one named group per kind."""
    data = load_resource(RESOURCE)
    return regex.compile("|".join(f"(?P<{kind}>{data[key]['pattern']})" for kind, key in _TRIGGERS))


@functools.cache
def word_pattern(key: str) -> regex.Pattern[str]:
    """A pattern matching any word of the list ``key``."""
    return regex.compile(alternation(RESOURCE, key))


@functools.cache
def _head_words() -> regex.Pattern[str]:
    enumerator = ENUMERATOR.pattern.lstrip("^")
    words = alternation(RESOURCE, "adverbs")
    return regex.compile(rf"(?:[\s，,、：:；;]+|{enumerator}|{words}|每年|每季度|每月)+")


_QUOTED = regex.compile(r"“[^“”]{0,300}”|《[^《》]{0,300}》|‘[^‘’]{0,300}’|「[^「」]{0,300}」|『[^『』]{0,300}』"
                        r'|"[^"]{0,300}"')


def mask_quotes(text: str) -> str:
    """``text`` with the insides of closed quotes and titles blanked, same length.

    >>> mask_quotes("推进“数字伙伴计划”建设")
    '推进“＿＿＿＿＿＿”建设'
    """
    if not any(c in text for c in "“《‘「『\""):
        return text
    return _QUOTED.sub(lambda m: m[0][0] + BLANK * (len(m[0]) - 2) + m[0][-1], text)


def tells_past(masked: str) -> bool:
    """A past word stands in the sentence outside its clauses of purpose (…，确保已建农田有人管) and
    outside noun phrases (对已建成的设施…).

    >>> tells_past("我局已完成改造"), tells_past("明年起安排经费，确保已建农田有人管")
    (True, False)
    """
    past = pattern("past_markers")
    if not past.search(masked):
        return False
    blank = pattern("purpose_clause").sub(lambda m: BLANK * len(m[0]), masked)
    return bool(past.search(pattern("attributive_past").sub(lambda m: BLANK * len(m[0]), blank)))


def states_rule(masked: str, parts: list[Clause]) -> bool:
    """The sentence states a rule in force: a rule word (按现行, 原则上) in its first clause, or in a clause
    that names who bears it (…费用，由属地政府按现行渠道予以保障) — not 引入…，补贴按现行标准执行."""
    rule = pattern("standing_rule")
    if not rule.search(masked):
        return False
    return any(rule.search(c.text) and (i == 0 or c.text.lstrip().startswith("由")) for i, c in enumerate(parts))


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: ``start``/``end`` relative to the sentence."""

    start: int
    end: int
    text: str  # masked


def clauses(masked: str) -> list[Clause]:
    """The clauses of a masked sentence, split at ，；：."""
    out = []
    pos = 0
    for m in _CLAUSE_BREAK.finditer(masked):
        out.append(Clause(pos, m.start(), masked[pos:m.start()]))
        pos = m.end()
    out.append(Clause(pos, len(masked), masked[pos:]))
    return out


def strip_head(text: str) -> str:
    """``text`` without leading enumerators, adverbs, lead words and time expressions.

    >>> strip_head("下一步，同时2024年底前完成")
    '完成'
    """
    head = _head_words()
    s = text
    while s:
        m = head.match(s)
        if m and m.end() > 0:
            s = s[m.end():]
        t = time_at(s)
        if t is None:
            return s
        s = s[t.end:]
    return s


def subject(prefix: str) -> tuple[str, str | None]:
    """What stands before a trigger in its clause: ``none``, ``actor`` (with its name) or ``other``.

    >>> subject("下一步，国家能源局")
    ('actor', '国家能源局')
    >>> subject("这些措施")
    ('other', None)
    """
    s = strip_head(prefix)
    if not s:
        return "none", None
    m = pattern("actor").match(s)
    if m and not strip_head(s[m.end():]):
        return "actor", m["actor"]
    return "other", None


def _will_is_future(masked: str, pos: int, clause: Clause, prev_disposal: bool) -> bool:
    after = masked[pos + 1:clause.end]
    if word_pattern("will_heads").match(after):
        return True
    if prev_disposal and masked[max(0, pos - 1):pos] == "并":
        return False
    return not word_pattern("disposal_verbs").search(after, 1)  # 该项目将纳入计划: the future passive


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that makes its clause a promise: ``pos`` relative to the sentence."""

    pos: int
    kind: str
    actor: str | None


def disabled_clauses(masked: str, parts: list[Clause], letter_date: str | None,
                     past_time: bool = True) -> list[bool]:
    """Which clauses cannot promise: thanks, instructions, the suggestion's words, forecasts,
    the content of a plan already issued and a past-dated report."""
    off = [False] * len(parts)
    if not past_time and not word_pattern("disable_hints").search(masked):
        return off
    carry_over = False  # a past report or an issued plan's content goes on until an actor speaks
    for i, c in enumerate(parts):
        head = strip_head(c.text)
        if carry_over and (pattern("lead_words").search(c.text) or pattern("actor").match(head)):
            carry_over = False
        if carry_over:
            off[i] = True
            continue
        text = c.text.strip()
        if (pattern("courtesy").match(text) or pattern("directive").match(head) or pattern("forecast").search(text)
                or pattern("suggestion_phrase").search(text)):
            off[i] = True
        if pattern("suggestion_report").search(text):
            off[i:] = [True] * (len(parts) - i)
            break
        if "以来" in text or pattern("reported_view").search(text):
            off[i] = True
            carry_over = True
            continue
        issued = pattern("issued_content").search(text)
        if issued:
            carry_over = True
            later = text[issued.end():]
            if not (pattern("lead_words").search(later) or "将" in later):
                off[i] = True
        skip = _head_words().match(text)
        opener = time_at(text, skip.end() if skip else 0, letter_date)
        if opener is not None and opener.is_past(letter_date) and year_stated(opener):
            off[i] = True
            carry_over = True
    return off


_NAMED_YEAR = regex.compile(r"(?:截至|截止到?|到|至|在|于|从|自)?(?:今|本|当|同|明|次|来|后|去|上|前)年")


def year_stated(t: TimeExpression) -> bool:
    """The year of a time expression is written or named (2022年, 去年), not assumed (7月1日)."""
    return t.explicit or bool(_NAMED_YEAR.match(t.text))


def triggers(masked: str, parts: list[Clause], off: list[bool]) -> list[Trigger]:
    """The valid promise words of a sentence, in order."""
    found: list[Trigger] = []
    prev_disposal = False
    for index, (c, disabled) in enumerate(zip(parts, off, strict=True)):
        before = parts[index - 1].text.strip() if index else ""
        hits = [(m.start(), m.lastgroup or "") for m in trigger_pattern().finditer(masked, c.start, c.end)]
        for pos, kind in hits:
            if disabled:
                continue
            prefix = masked[c.start:pos]
            if kind == "will" and not _will_is_future(masked, pos, c, prev_disposal):
                prev_disposal = True
                continue
            if tells_past(prefix) and not prefix.endswith(("并", "还", "也")):
                if kind == "will":
                    prev_disposal = True
                continue
            who, actor = subject(prefix)
            if kind == "will":
                after = masked[pos + 1:c.end]
                demonstrative = pattern("effect_subject").match(strip_head(prefix))
                if who == "other" and ((demonstrative and time_at(after) is None)
                                       or pattern("effect_verbs").match(after)):
                    continue
                if who == "none" and pattern("effect_verbs").search(after) and not after.startswith("会"):
                    continue
                if who != "actor" and (pattern("effect_condition").search(before)
                                       or pattern("effect_condition").search(prefix.strip())):
                    continue
            elif kind in ("lead", "plan_verb", "continue") and who == "other":
                continue
            elif kind == "continue" and (tells_past(masked) or pattern("present_openers").match(masked)
                                         or (masked.startswith("继续", pos) and who != "none")):
                continue
            elif kind in ("hui", "decide") and who != "actor":
                continue
            elif kind == "study" and who == "other" and pattern("effect_subject").match(strip_head(prefix)):
                continue
            found.append(Trigger(pos, kind, actor))
    return found


@dataclass(frozen=True, slots=True)
class Deadline:
    """A candidate deadline: ``start``/``end`` relative to the sentence."""

    start: int
    end: int
    text: str
    value: str | None
    event: bool = False
    head: int = -1  # where the expression starts with its preposition (从2020年起 → at 从)
    time: TimeExpression | None = None


_EVENT_TAIL = regex.compile(r"(?P<tail>\p{Han}{1,6}?)(?:之前|以前|前)(?![期列沿端景提往夕])")
_ACTION_IN_TAIL = regex.compile(r"完成|建成|实现|推进|开展|落实|出台|投入|将|拟|我")


@functools.cache
def _event() -> regex.Pattern[str]:
    """A clause that is an event a promise waits for: 在…并轨前, 待…后 (then what is done), …通过后."""
    done = alternation(RESOURCE, "event_done_verbs")
    return regex.compile(r"^(?:在|于)(?P<ev>[^\d＿]{2,30}?)(?:之前|以前|前)$"
                         r"|^待(?P<after>[^\d＿]{2,30}?(?:之后|以后|后|时(?![间期代])))"
                         rf"|^(?P<done>[^\d＿]{{1,10}}?(?:{done})(?:之后|以后|后))$")
_STRIVE_BEFORE = regex.compile(r"(?:力争|争取|计划|确保|将于|拟于|预计|目标)$|[于到至在]$")


_YEAR_THEN = regex.compile(r"[，,]|将|拟|要|计划|全面|基本|全部|初步|率先|力争|争取|逐步|确保|实现|完成|建成|开工|启动")


def _bare_year_ok(text: str, t: TimeExpression) -> bool:
    """A year with nothing around it is a deadline when an action or a comma follows (2026年建成投产,
    2025年，…), not when a noun does (明年重点项目, 2023年度计划)."""
    nxt = text[t.end:t.end + 6]
    if not nxt or _YEAR_THEN.match(nxt) or pattern("actor").match(text[t.end:t.end + 20]):  # 今年我厅将举办…
        return True
    tags = segment.tag(nxt)
    return bool(tags) and tags[0][1].startswith(("v", "d", "p"))


def deadlines(text: str, masked: str, parts: list[Clause], off: list[bool], letter_date: str | None,
              times: list[TimeExpression]) -> list[Deadline]:
    """Time expressions (``times``, found in ``text``) and events of a sentence that can say by when it
    is due, in order."""
    out: list[Deadline] = []
    for k, t in enumerate(times):
        if t.relation == "from" and k + 1 < len(times) and times[k + 1].relation == "by" \
                and times[k + 1].start - t.end <= 1:
            continue  # 从今年起到2025年底: due by the end of the span
        clause = next((i for i, c in enumerate(parts) if c.start <= t.start < c.end + 1), len(parts) - 1)
        if off[clause] or t.relation in ("since", "as_of"):
            continue
        if BLANK in masked[t.start:t.end] and not t.core.startswith("“"):
            continue
        if t.is_past(letter_date) and year_stated(t):
            continue
        end = t.end
        more = _EVENT_TAIL.match(text, t.end)
        if more and t.relation != "from" and not _ACTION_IN_TAIL.search(more["tail"]):
            end = more.end()  # 2025年汛期前, 今年9月开学前
        elif (t.relation == "at" and not t.has_part and not _STRIVE_BEFORE.search(masked[max(0, t.start - 2):t.start])
              and not _bare_year_ok(text, t)):
            continue
        lead = len(t.text) - len(t.text.lstrip("截至止到在于从自力争取"))
        out.append(Deadline(t.start + lead, end, text[t.start + lead:end], t.value, head=t.start, time=t))
    events = pattern("event_deadline").finditer(masked) if word_pattern("event_hints").search(masked) else ()
    for e in events:  # 在条例施行之日起六个月内
        if not off[next((i for i, c in enumerate(parts) if e.start() <= c.end), len(parts) - 1)]:
            out.append(Deadline(e.start("ev"), e.end("ev"), text[e.start("ev"):e.end("ev")], None, event=True))
    for i, c in enumerate(parts):
        if off[i]:
            continue
        head = ENUMERATOR.sub("", c.text.strip(), count=1)
        m = _event().match(head)
        if m:
            start = c.start + c.text.index(head)
            if m["after"]:
                out.append(Deadline(start + 1, start + m.end(), m["after"], None, event=True))
            elif m["done"]:
                out.append(Deadline(start, start + len(head), head, None, event=True))
            elif not find_time_expressions(m["ev"]):
                out.append(Deadline(start + 1, start + len(head), head[1:], None, event=True))
    return sorted(out, key=lambda d: d.start)


def period_start(period: str | None) -> str | None:
    """The ISO first day of a period (``2024-H2`` → ``2024-07-01``), else None."""
    first = period_bounds(period)[0] if period else None
    return first.isoformat() if first else None


def time_triggers(text: str, masked: str, parts: list[Clause], off: list[bool], letter_date: str | None,
                  times: list[TimeExpression]) -> list[Trigger]:
    """A time still to come at the head of a clause makes the clause a promise (2024年底前，完成…),
    unless the sentence tells of the past."""
    if tells_past(masked) or pattern("present_openers").match(masked):
        return []
    out = []
    for d in deadlines(text, masked, parts, off, letter_date, times):
        t = d.time
        if t is None or t.is_past(letter_date):
            continue
        starts = period_start(t.period)
        later = bool(letter_date and starts and starts > letter_date)
        if t.relation not in ("by", "from", "during") and not later:
            continue  # 2023年，… in a letter of 2023 reports as often as it promises
        if t.relation == "from" and letter_date and not later:
            continue  # 自2023年起，… written in 2023 tells of a change already in force
        clause = next((c for c in parts if c.start <= d.start < c.end + 1), None)
        if clause is None:
            continue
        i = parts.index(clause)
        lead = masked[clause.start:d.head]
        if not off[i] and not strip_head(lead):
            out.append(Trigger(d.start, "time", None))
        elif not off[i] and subject(lead)[0] == "actor":
            out.append(Trigger(d.start, "time", subject(lead)[1]))
    return out
