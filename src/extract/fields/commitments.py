"""Commitments: sentences in which the answering side says what it will do, by when, in answer to what.

A sentence is a commitment when

1. it promises in its own words: 下一步/今后, future 将, 拟, 计划 as a verb, 力争,
   视情/适时, or a time still to come at the head of a clause (年底前，完成…) — in a
   clause that is not thanks, an instruction, the suggestion's own words, a
   forecast, the content of a plan already issued, or a report of the past
   (rules in ``_commitment_rules``, words in ``resources/commitment_markers.yaml``);
2. or it carries such a promise on in the same paragraph (同时配合…; 一是…二是…)
   after a sentence whose promise leads it (下一步，我区将…), until a sentence that
   tells of the past, of effects, or gives thanks;
3. or it stands under a heading or a lead-in that makes all that follows a plan
   (二、下一步工作举措; 下一步，我局主要从以下几个方面…), until the next heading of
   the same rank or the closing thanks.

>>> from extract import extract_text
>>> rec = extract_text("王一委员：\\n\\n您的提案收悉。我委已建成3个站点。下一步，我委将于2024年底前出台实施细则。"
...                    "同时加强督促指导。\\n\\n某某市发展和改革委员会\\n\\n2023年5月5日\\n")
>>> [(c.text, c.deadline.text if c.deadline else None) for c in rec.commitments]
[('下一步，我委将于2024年底前出台实施细则。', '2024年底前'), ('同时加强督促指导。', None)]
>>> rec.commitments[0].actor, rec.commitments[0].strength, rec.commitments[0].deadline.value
('某某市发展和改革委员会', 'firm', '2024-12-31')
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

from ..document import Document
from ..layout import Layout
from ..models import Commitment, Indicator, TextSpan, TimeAnchor
from ..sentences import Sentence, split_sentences
from ..timex import TimeExpression, find_time_expressions
from . import _commitment_rules as rules
from ._span import source_span
from .sections import LEVELS

_COMMA = regex.compile(r"[，,；;]")
_TOPICAL = regex.compile(r"关于|针对|建议|提案|意见|提议")
_STOPS = "。！？!?"
_PREPOSITION = regex.compile(r"^(?:在|对|对于|按照|根据|依据|通过|为了?|围绕|针对|随着|以|从|由|向|与|和|同|于|经|当|若"
                             r"|如)")
_FRAME = regex.compile(r"(?:在|于|从)[^，,；;]{1,24}?(?:中|上|内|里|方面|基础上|过程中|期间)(?=\p{Han})")
_OPENING = regex.compile(r"收悉|(?:答复|函复|回复)如下")
_ANSWERING = regex.compile(r"答复|函复|办理情况|收悉")  # 现将办理情况答复如下 announces the answer, not a plan
# The enumerators of the first three section levels (一、 （一） 1.), as the sections field reads them.
_ENUM_HEAD = regex.compile("|".join(pattern.pattern for _, pattern in LEVELS[:3]))
_PAIRED_PHRASES = regex.compile(r"^[^，,；;。！？\d]{2,12}[，,；;][^，,；;。！？\d]{2,12}[。！]?$")
_LIST_ITEM = regex.compile(r"[一二三四五六七八九十]{1,3}是")
_PLAN_ITEM = regex.compile(r"[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]")
_FOCUS = regex.compile(r"着力|重点|从")
_STUDY_VERB = regex.compile(r"研究|探索|考虑")
MAX_HEADING = 60
Strength = Literal["firm", "plan", "study"]


class _Read:
    """One body sentence as the rules read it; the costlier readings are made on first use."""

    def __init__(self, sentence: Sentence, masked: str, letter_date: str | None,
                 times: list[TimeExpression]) -> None:
        self.sentence = sentence
        self.masked = masked
        self.letter_date = letter_date
        self.times = times
        self._parts: list[rules.Clause] | None = None
        self._head: str | None = None
        self._off: list[bool] | None = None
        self._blocked: bool | None = None
        self.triggers: list[rules.Trigger] = []
        opening = _OPENING.search(masked)  # 您提出的…收悉，…现答复如下：
        if not opening and (rules.trigger_pattern().search(masked) or any(not t.is_past(letter_date) for t in times)):
            self.triggers = rules.triggers(masked, self.parts, self.off)
            self.triggers += rules.time_triggers(sentence.text, masked, self.parts, self.off, letter_date, times)
            self.triggers.sort(key=lambda t: t.pos)
            if any(t.kind == "continue" and masked.startswith("继续", t.pos) for t in self.triggers) and not \
                    rules.deadlines(sentence.text, masked, self.parts, self.off, letter_date, times):
                # a bare 继续 promises only with a time (在…并轨前，继续免征…); else it often tells of routine
                self.triggers = [t for t in self.triggers if not (t.kind == "continue"
                                                                   and masked.startswith("继续", t.pos))]
            if any(t.kind == "decide" for t in self.triggers) and self.in_force_after(
                    next(t.pos for t in self.triggers if t.kind == "decide")):
                self.triggers = [t for t in self.triggers if t.kind != "decide"]  # 省政府决定，自（past）起…
        self.heading: int | None = None  # rank of a heading (1 = 一、 … 4 = （1）), None for prose
        self.inline_heading = False
        self.scope_heading = False
        self.topic = False
        self.closing = bool(rules.pattern("closing").match(sentence.text))
        self.leadin = False
        self.leading = False  # its promise carries on through its paragraph
        self.instructs = False  # it opens a list of what the addressee must do
        self.run_in_plan: int | None = None  # rank of a plan heading run into this sentence

    @property
    def head(self) -> str:
        """The masked sentence without its leading numbers, adverbs and times."""
        if self._head is None:
            self._head = rules.strip_head(self.masked)
        return self._head

    @property
    def parts(self) -> list[rules.Clause]:
        """The clauses of the masked sentence."""
        if self._parts is None:
            self._parts = rules.clauses(self.masked)
        return self._parts

    @property
    def off(self) -> list[bool]:
        """Which clauses cannot promise (thanks, instructions, the suggestion's words …)."""
        if self._off is None:
            past_time = any(t.is_past(self.letter_date) for t in self.times)
            self._off = rules.disabled_clauses(self.masked, self.parts, self.letter_date, past_time)
        return self._off

    @property
    def blocked(self) -> bool:
        """Not carried on: past, the present (目前…), effects, instructions, thanks, refusals, descriptions."""
        return self.blocked_in_scope or bool(rules.pattern("present_openers").match(self.masked)
                                             or rules.pattern("present_state").match(self.head)
                                             or self.opens_in_force)

    @property
    def opens_in_force(self) -> bool:
        """It opens with a change already in force when the letter was written (自2023年起，… in 2023)."""
        t = self.times[0] if self.times else None
        if t is None or t.relation != "from" or self.letter_date is None or rules.strip_head(self.masked[:t.start]):
            return False
        first = rules.period_start(t.period)
        return first is not None and first <= self.letter_date

    def in_force_after(self, pos: int) -> bool:
        """A change that had begun by the letter's date follows ``pos`` (…决定，自2024年3月1日起，… in June 2024)."""
        if self.letter_date is None:
            return False
        for t in self.times:
            first = rules.period_start(t.period) if t.start > pos and t.relation == "from" else None
            if first is not None and first <= self.letter_date:
                return True
        return False

    @property
    def opens_past(self) -> bool:
        """It opens with a past time whose year is written or named (2021年，…; 去年，…): a report."""
        t = self.times[0] if self.times else None
        return t is not None and t.is_past(self.letter_date) and rules.year_stated(t) \
            and not rules.strip_head(self.masked[:t.start])

    @property
    def blocked_in_scope(self) -> bool:
        """Not a promise even under a plan heading: past, effects, instructions, thanks, refusals, descriptions."""
        if self._blocked is None:
            masked, head = self.masked, self.head
            self._blocked = bool(
                rules.tells_past(masked) or rules.states_rule(masked, self.parts)
                or rules.pattern("stance").match(masked)
                or rules.pattern("effect_subject").match(head) or rules.pattern("courtesy").match(masked)
                or rules.pattern("effect_sentence").search(masked) or rules.pattern("description").match(head)
                or rules.pattern("appraisal").search(masked) or rules.pattern("finding").match(masked)
                or rules.pattern("plan_content").match(self.parts[0].text.strip())
                or self.opens_past
                or rules.pattern("forecast").search(self.parts[0].text) or rules.pattern("refusal").search(masked)
                or any(rules.pattern("directive").match(rules.strip_head(c.text)) for c in self.parts))
        return self._blocked


@dataclass(slots=True)
class _Anchor:
    """The promise that carries or scopes the sentences after it."""

    actor: str | None
    strength: Strength | None
    level: float = 0.0  # a scope ends at a heading of this rank or higher
    paragraph: int | None = None  # a carry (or an inline heading's scope) ends with its paragraph
    open: bool = True  # the carry reached its paragraph's end


def _level(text: str) -> int | None:
    for level, pattern in LEVELS:
        if pattern.match(text):
            return level
    return None


def _heading(s: Sentence, same_para: list[Sentence], near: Callable[[], tuple[str, str]],
             masked: str) -> tuple[int | None, bool]:
    """(rank, inline) when the sentence is a heading: short, no comma (but for two short numbered phrases:
    （一）强化规划引领，优化路网布局。), numbered or alone on its line."""
    text = s.text.lstrip("#").strip()
    if not text or len(text) > MAX_HEADING or text.endswith(("：", ":")):
        return None, False
    comma = _COMMA.search(masked)
    if comma and not _ENUM_HEAD.match(text):
        return None, False
    level = _level(text)
    if comma and not (level is not None and _PAIRED_PHRASES.match(_ENUM_HEAD.sub("", masked))):
        return None, False
    alone = len(same_para) == 1
    stop = text[-1] in _STOPS
    named = bool(_TOPICAL.search(text) or rules.pattern("scope_heading").search(text))
    if level is not None:
        if not alone:
            if s is same_para[0]:
                return (level, True) if len(text) <= 30 or named else (None, False)
            # …。（二）加强督导队伍建设。我局将…: a short numbered sentence run into a paragraph, a body after it
            index = same_para.index(s)
            body = index + 1 < len(same_para) and _level(same_para[index + 1].text) is None
            return (level, True) if stop and len(text) <= 30 and body else (None, False)
        if not stop or named:
            return level, False
        before, after = near()
        items = level in (_level(before), _level(after))  # one of a list of short items
        return (None, False) if items else (level, False)
    if alone and not stop and len(text) <= 30 and not _LIST_ITEM.match(text):
        return 1, False
    return None, False


def _near_paragraphs(paras: dict[int, list[Sentence]], index: int) -> tuple[str, str]:
    """The first sentences of the paragraphs before and after paragraph ``index``."""
    before, after = paras.get(index - 1), paras.get(index + 1)
    return (before[0].text if before else ""), (after[0].text if after else "")


def _read(doc: Document, sentences: list[Sentence], letter_date: str | None) -> list[_Read]:
    text = doc.text
    paras: dict[int, list[Sentence]] = {}
    for s in sentences:
        paras.setdefault(s.paragraph, []).append(s)
    times = find_time_expressions(text, sentences[0].start if sentences else 0,
                                  sentences[-1].end if sentences else 0, letter_date=letter_date)
    reads = []
    k = 0
    for s in sentences:
        while k < len(times) and times[k].start < s.start:
            k += 1
        own = []
        while k < len(times) and times[k].end <= s.end:
            own.append(times[k].shifted(-s.start))
            k += 1
        masked = rules.mask_quotes(s.text)
        r = _Read(s, masked, letter_date, own)
        near = functools.partial(_near_paragraphs, paras, s.paragraph)
        r.heading, r.inline_heading = _heading(s, paras[s.paragraph], near, masked)
        found = r.triggers
        if r.heading is not None and found and r.inline_heading and not (
                _TOPICAL.search(s.text) or rules.pattern("scope_heading").search(s.text)):
            r.heading, r.inline_heading = None, False  # 三、我厅将…。 is a promise, not a heading
        elif r.heading is not None and found and _COMMA.search(masked):
            r.heading, r.inline_heading = None, False  # （一）年内完成改造，提升服务。 promises
        if r.heading is not None:
            r.scope_heading = bool(rules.pattern("scope_heading").search(s.text)) and not rules.pattern(
                "topic").match(masked)
        elif not found and len(s.text) <= 100:
            r.topic = bool(rules.pattern("topic").match(masked))
        level = r.heading if r.heading is not None else _level(s.text)
        if r.heading is None and level is not None and rules.pattern("run_in_plan_heading").match(
                s.text, len(s.text) - len(_ENUM_HEAD.sub("", s.text, count=1))):
            r.run_in_plan = level  # 二、下一步工作举措为进一步加快…: a heading run into its text
        if found:
            r.leading = not (rules.tells_past(masked[:found[0].pos]) or rules.pattern("present_openers").match(masked))
        if rules.pattern("scope_leadin").search(masked) and not (rules.tells_past(masked)
                                                                 or _ANSWERING.search(masked)):
            r.leadin = bool(found or (rules.pattern("adopt_suggestion").search(s.text)
                                      and _FOCUS.search(masked)))
        r.leadin = r.leadin or bool(found and s.text.endswith(("：", ":")) and s.last_in_paragraph)
        if not found:
            m = rules.pattern("directive_leadin").search(masked)
            if m:
                who, actor = rules.subject(masked[:m.start()])
                r.instructs = not (who == "actor" and actor and rules.pattern("self_actor").match(actor))
        reads.append(r)
    return reads


def _strength(r: _Read, anchor: _Anchor | None) -> Strength | None:
    study = rules.pattern("study_words")
    for t in r.triggers:
        after = r.masked[t.pos:t.pos + 8]
        if rules.STRENGTH[t.kind] == "firm" and (study.search(after) or _STUDY_VERB.search(after)):
            return "study"
        return rules.STRENGTH[t.kind]  # type: ignore[return-value]
    head = r.head
    if rules.pattern("plan_words").search(r.masked):
        return "plan"
    if study.search(r.masked) or _STUDY_VERB.match(head):
        return "study"
    return anchor.strength if anchor and anchor.strength else "firm"


def _actor(r: _Read, anchor: _Anchor | None) -> str | None:
    for t in r.triggers:
        if t.actor:
            return t.actor
    m = rules.pattern("actor").match(r.head)
    if m:
        return m["actor"]
    return anchor.actor if anchor else None


def _actions(r: _Read, limit: int = 5) -> list[str]:
    """The verb phrase of each clause that acts: 推进一批数字化解决方案, 出台实施细则 …"""
    out = []
    skip = _PREPOSITION
    for c, disabled in zip(r.parts, r.off, strict=True):
        if disabled:
            continue
        rest = rules.strip_head(c.text)
        m = rules.pattern("actor").match(rest)
        if m:
            rest = rules.strip_head(rest[m.end():])
        frame = _FRAME.match(rest)  # 在新建厂房中推广… → 推广…
        if frame and len(rest) > frame.end() + 1:
            rest = rest[frame.end():]
        if len(rest) < 2 or skip.match(rest) or rules.BLANK in rest[:1]:
            continue
        start = c.end - len(rest)
        phrase = r.sentence.text[start:c.end].rstrip("。！？!?")
        if phrase:
            out.append(phrase[:30])
        if len(out) >= limit:
            break
    return out


def _deadline(doc: Document, r: _Read, letter_date: str | None) -> TimeAnchor | None:
    found = rules.deadlines(r.sentence.text, r.masked, r.parts, r.off, letter_date, r.times)
    if not found:
        return None
    d = found[0]
    start = r.sentence.start + d.start
    end = start + len(r.sentence.text[d.start:d.end])
    if d.event and d.text != r.sentence.text[d.start:d.end]:
        start = end - len(d.text)
    return TimeAnchor(text=d.text, value=d.value, **source_span(doc, start, end))


def _responds_to(doc: Document, r: _Read, topics: list[tuple[float, TextSpan]]) -> TextSpan | None:
    m = rules.pattern("suggestion_phrase").search(r.parts[0].text) if r.parts else None
    if m and r.off[0]:
        first = r.parts[0]
        start = r.sentence.start + first.start
        return TextSpan(text=r.sentence.text[first.start:first.end], **source_span(doc, start, start + len(
            r.sentence.text[first.start:first.end])))
    return topics[-1][1] if topics else None


def _topic_span(doc: Document, r: _Read) -> TextSpan:
    text = r.sentence.text.rstrip("。：:")
    return TextSpan(text=text, **source_span(doc, r.sentence.start, r.sentence.start + len(text)))


def find_commitments(doc: Document, layout: Layout, issuer: str | None, letter_date: str | None,
                     indicators: list[Indicator]) -> list[Commitment]:
    """Commitments in text order (see the module docstring for what counts)."""
    b_start, b_end = layout.body
    sentences = split_sentences(doc.text, b_start, b_end)
    reads = _read(doc, sentences, letter_date)
    out: list[Commitment] = []
    scope: _Anchor | None = None
    carry: _Anchor | None = None
    instructions: float | None = None  # under a list of the addressee's tasks, ending at this rank
    section = 0.0
    topics: list[tuple[float, TextSpan]] = []
    for r in reads:
        s = r.sentence
        if carry and carry.paragraph != s.paragraph:
            # a list of the plan's items may stand one to a paragraph (一是…。\n二是…。)
            carry = carry if (s.first_in_paragraph and carry.paragraph == s.paragraph - 1 and carry.open
                              and _PLAN_ITEM.match(s.text)) else None
            if carry:
                carry.paragraph = s.paragraph
        if scope and scope.paragraph is not None and scope.paragraph != s.paragraph:
            scope = None
        if r.closing:
            scope = carry = instructions = None
        if r.run_in_plan is not None:
            carry = None
            section = r.run_in_plan
            scope = _Anchor(None, None, level=r.run_in_plan)
            instructions = None
        if r.heading is not None:
            carry = None
            if scope and r.heading <= scope.level:
                scope = None
            if instructions is not None and r.heading <= instructions:
                instructions = None
            section = r.heading
            topics = [t for t in topics if t[0] < r.heading]
            if r.scope_heading:
                scope = _Anchor(None, None, level=r.heading, paragraph=s.paragraph if r.inline_heading else None)
                instructions = None
            elif _TOPICAL.search(s.text):
                topics.append((r.heading, _topic_span(doc, r)))
            continue
        if r.topic:
            carry = None
            if scope and scope.level == 0:
                scope = None
            instructions = None
            topics = [t for t in topics if t[0] <= section] + [(section + 0.5, _topic_span(doc, r))]
            continue
        if instructions is not None:  # only the answering side naming itself promises here
            if any(t.actor for t in r.triggers):
                out.append(_commitment(doc, r, None, issuer, letter_date, indicators, topics))
            continue
        own = bool(r.triggers)
        if carry and r.blocked:
            carry = None
        anchor = carry or scope
        held = (carry is not None and not r.blocked) or (carry is None and scope is not None
                                                         and not r.blocked_in_scope)
        if own or r.leadin or (held and not r.closing):
            out.append(_commitment(doc, r, anchor, issuer, letter_date, indicators, topics))
        if own and r.leading:
            carry = _Anchor(_actor(r, anchor), _strength(r, anchor), paragraph=s.paragraph)
        if carry is not None:
            carry.open = s.last_in_paragraph
        if r.leadin:
            scope = _Anchor(_actor(r, anchor), _strength(r, anchor), level=section)
        if r.instructs:
            instructions, scope, carry = section, None, None
    return out


def _commitment(doc: Document, r: _Read, anchor: _Anchor | None, issuer: str | None, letter_date: str | None,
                indicators: list[Indicator], topics: list[tuple[float, TextSpan]]) -> Commitment:
    span = source_span(doc, r.sentence.start, r.sentence.end)
    actor = _actor(r, anchor)
    if issuer and (actor is None or rules.pattern("self_actor").match(actor)):
        actor = issuer  # 我委, 我们, or no subject at all: the answering side
    targets = [i for i, ind in enumerate(indicators)
               if ind.kind == "target" and span["start"] <= ind.start and ind.end <= span["end"]]
    return Commitment(text=r.sentence.text, actor=actor, actions=_actions(r), strength=_strength(r, anchor),
                      deadline=_deadline(doc, r, letter_date), targets=targets,
                      responds_to=_responds_to(doc, r, topics), **span)
