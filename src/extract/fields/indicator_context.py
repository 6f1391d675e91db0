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
from ..numbers import parse_int
from ..quantities import per_phrase

_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_CLAUSE_END = regex.compile(r"[，,；;。！？!?：:\n（(）)]")
_METRIC_MAX = 14  # characters: longer phrases are clauses, not names
_WINDOW = 40  # characters of clause read on either side of a number
_NOMINAL = ("n", "v", "s", "j", "l", "b", "f", "g", "k", "z", "h", "a", "e", "t")
_MEASURE_ENDS = frozenset("率比量")
_ADMIN = frozenset("省市县区镇乡村州旗盟")
_PLACE_MONEY = regex.compile(r"[十百千万亿]+元")  # 税收亿元楼宇


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
    return regex.compile(load_resource("indicators")[key]["pattern"])


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
_ASIDE_TAIL = regex.compile(r"[（(][^（()）\d，。]{1,4}[）)]$")
_BENEFIT = regex.compile(r"^(?:以上|以下|以内)?(?:(?P<standard>的标准)(?:予以|安排|给予|用于)?"
                        r"|(?:给予|予以)?(?P<once>一次性)?(?:的)?)")
_RANGE_HEDGE = regex.compile(r"^(?:以上|以下|以内)(?=\p{Han})")
_LEFT_MAX = 9  # characters: a phrase before the number keeps its last words up to this length
_ORDINAL_HEAD = regex.compile(r"^(?:首|第[一二三四五六七八九十\d]+)[批个次家届期轮]?")


@functools.lru_cache(maxsize=8192)
def _nominal(word: str, tag: str) -> bool:
    """A word that can stand in a noun phrase. The tagger calls many nouns verbs (收入, 产能, 访客), so
    verbs count too; what ends a phrase is a predicate verb (a word list), a pronoun, a preposition, an
    adverb, a number, a time word or a particle."""
    if word in _set("predicate_verbs") or word in _set("scope_words") or word in _set("time_words"):
        return False
    if tag == "eng" or _CODE.fullmatch(word) or word in _set("suffix_nouns") or _PLACE_MONEY.fullmatch(word):
        return True
    return tag.startswith(_NOMINAL) and not tag.startswith(("vd", "ad"))


def _tag(text: str) -> list[tuple[str, str]]:
    """rjieba's words and tags, with the words it splits wrongly joined again (占|比, 亩|均)."""
    tokens = rjieba.tag(text)
    joins = _set("join_words")
    out: list[tuple[str, str]] = []
    for word, tag in tokens:
        if out and out[-1][0] + word in joins:
            out[-1] = (out[-1][0] + word, "n")
        else:
            out.append((word, tag))
    return out


def _verb(word: str, tag: str) -> bool:
    return tag.startswith("v") and not tag.startswith("vn") and word not in _set("predicate_verbs")


def _trim(tokens: list[str], limit: int, places: frozenset[str] = frozenset()) -> str:
    """Drop scope words, place names (``places``: 马鬃山|村面积) and joining words at the edges; keep the
    last words within ``limit`` characters."""
    while len(tokens) > 1 and tokens[0] in places:
        tokens = tokens[1:]
        if len(tokens) > 1 and tokens[0] in _ADMIN:
            tokens = tokens[1:]
    while tokens and (tokens[0] in _set("scope_words") or tokens[0] in "的和与及、"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in "的和与及、":
        tokens = tokens[:-1]
    while len(tokens) > 1 and sum(map(len, tokens)) > limit:
        tokens = tokens[1:]
    phrase = "".join(tokens)
    if len(tokens) == 1 and len(phrase) > 2 and phrase[0] in _scope_starts():
        return _head("scope_words").sub("", phrase)
    return phrase


@functools.cache
def _scope_starts() -> frozenset[str]:
    return frozenset(w[0] for w in words("indicators", "scope_words"))


def _tail_cut(text: str, end: int, ends: set[int]) -> int:
    """Where the predicate words that end ``text[:end]`` begin (…已达到, …分别为), at a word end (…行为
    keeps its 为) or after a one-character noun (rjieba's 数已 in 基站数已达到); ``end`` when none."""
    tail = _tail("predicate_tail").search(text, 0, end)
    if not tail:
        return end
    suffixes = _set("suffix_nouns")
    for p in range(tail.start(), end):
        if (p in ends or (p and text[p - 1] in suffixes)) and _full_tail().fullmatch(text, p, end):
            return p
    return end


@functools.cache
def _full_tail() -> regex.Pattern[str]:
    return regex.compile("(?:" + "|".join(regex.escape(w) for w in words("indicators", "predicate_tail")) + ")+")


def _strip_left(text: str) -> tuple[list[tuple[str, str]], str, bool]:
    """The words before a number without its prefix code, predicate and rate denominator, their text,
    and whether the predicate said 分别 (a list of metrics, 风电、光伏发电装机容量分别达到…)."""
    text = text.rstrip()
    if text[-1:].isascii() and text[-1:].isalpha():
        text = _LATIN_TAIL.sub("", text)  # ML1.8级: the prefix is part of the number
    if text[-1:] in ("）", ")"):
        text = _ASIDE_TAIL.sub("", text)  # 无人机起降场（点）93个
    tokens = _tag(text)
    ends = {0}
    pos = 0
    for word, _ in tokens:
        pos += len(word)
        ends.add(pos)
    end = _tail_cut(text, len(text), ends)
    respectively = "分别" in text[end:]
    start = 0
    pers = list(per_phrase().finditer(text, 0, end))
    if pers:
        last = pers[-1]
        if last.end() == end:
            end = _tail_cut(text, last.start(), ends)
        else:
            start = last.end()
    if start == 0 and end == len(text):
        return tokens, text, respectively
    kept, pos = [], 0
    for word, tag in tokens:
        if pos >= start and pos + len(word) <= end:
            kept.append((word, tag))
        pos += len(word)
    joined = "".join(w for w, _ in kept)
    if joined != text[start:end]:  # a cut inside a word: tag the piece again
        kept = _tag(text[start:end])
    return kept, text[start:end], respectively


def left_phrase(text: str) -> tuple[str, bool]:
    """The noun phrase that ends ``text`` and whether it is a relative clause (…的110户).

    >>> left_phrase("全国充电基础设施总量已达到")
    ('充电基础设施总量', False)
    """
    tokens, text, respectively = _strip_left(text)
    if not text:
        return "", False
    if text.endswith("的"):  # 房屋明显有裂缝的110户: the relative clause names it
        return _trim([w for w, _ in tokens[:-1]] if tokens[-1][0] == "的" else rjieba.cut(text[:-1]), _LEFT_MAX), True
    kept: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        word, tag = tokens[i]
        before_nominal = i > 0 and _nominal(*tokens[i - 1])
        if kept and word in _set("left_frames"):
            break
        if _nominal(word, tag) or (tag == "q" and (not kept or before_nominal)):  # 充电|桩, A|类|通用机场
            kept.append(word)
        elif kept and tag.startswith("v") and kept[-1] in _set("suffix_nouns") and len(kept) == 1:
            kept.append(word)  # 污水收集|率, 办结|率
        elif not kept and word in _set("predicate_verbs") and before_nominal and i == len(tokens) - 1:
            kept.append(word)  # 农村公路新改建|2.3万公里: the action names what was done
        elif kept and before_nominal and ((tag == "uj" and (respectively or kept[-1] in _set("relational_heads")))
                                          or (respectively and word in "、和与及")
                                          or (tag == "d" and len(word) > 1)):
            kept.append(word)
        elif not kept and word in _set("predicate_verbs") and not before_nominal:
            kept.append(word)  # 太钢投资4800万元: the verb is the only name there is
            break
        else:
            break
        i -= 1
    places = frozenset(w for w, t in tokens if t == "ns")
    return _trim(kept[::-1], _METRIC_MAX if respectively else _LEFT_MAX, places), False


def right_phrase(text: str) -> str:
    """The noun phrase that starts ``text``.

    >>> right_phrase("数字化转型示范项目和标杆场景。")
    '数字化转型示范项目和标杆场景'
    """
    text = _ORDINAL_HEAD.sub("", text).lstrip("的")
    if not text:
        return ""
    tokens = _tag(text[:_WINDOW])
    kept: list[str] = []
    noun_seen = False
    for i, (word, tag) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "x")
        if _verb(word, tag) and noun_seen and word not in _set("modifier_verbs"):
            break  # 38个站点|试行…: after the noun, a verb starts the predicate
        if _nominal(word, tag):
            kept.append(word)
            noun_seen = noun_seen or tag.startswith("n") or word in _set("suffix_nouns")
        elif word in "、和与及" and kept and _nominal(*nxt):
            kept.append(word)
        elif not kept and word in _set("predicate_verbs") and _nominal(*nxt):
            kept.append(word)  # 服务|专员: a verb before the noun modifies it
        elif kept and tag == "q" and _nominal(*nxt):
            kept.append(word)  # 非学科|类|校外培训机构
        else:
            break
        if sum(map(len, kept)) >= _METRIC_MAX:
            break
    if len(kept) > 1 and kept[-1][-1] in _MEASURE_ENDS and "和" not in kept and "与" not in kept:
        kept = kept[:1]  # 4800余个住宅小区|垃圾分类覆盖率达到…: the rate is the next clause's subject
    if len(kept) == 1 and text[len(kept[0]):len(kept[0]) + 1] in ("为", "至", "到", "成"):
        return ""  # 9项|精简为4项: a verb of change, whatever the tagger says
    return _trim(kept, _METRIC_MAX)


@dataclass(frozen=True, slots=True)
class MetricContext:
    """The text on either side of one number, within its clause; ``follow``: the text after the next
    number when this one is joined to it (1.8级和2.5级地震, 5类6个项目); ``left_before_date``: the text
    before a date that ends ``left`` (入驻率由2022年的|76.5%)."""

    left: str
    right: str
    classifier: bool
    follow: str | None = None
    left_before_date: str | None = None


def _benefit(right: str) -> str:
    """What a rule gives, named after the number: 50元的招商奖励, 1%给予一次性奖励, 500元的标准予以追加."""
    m = _BENEFIT.match(right)
    if not m or not m.group(0):
        return _benefit_named(right)
    phrase = right_phrase(right[m.end():])
    if m["standard"]:
        return phrase or right_phrase(after_verbs(right[m.end():]))
    if phrase.endswith(_list("benefit_nouns")):
        return (m["once"] or "") + phrase
    return ""


def _benefit_named(right: str) -> str:
    """A benefit named right after the number, 500元生活补助: what a rule gives."""
    phrase = right_phrase(right)
    return phrase if phrase.endswith(_list("benefit_nouns")) else ""


def metric_of(ctx: MetricContext) -> tuple[str | None, bool]:
    """The phrase a number measures, and whether it is only a guess (a lone verb, a phrase after a verb)
    that a phrase named earlier in the sentence should replace.

    After a measure word the counted noun follows (27个|项目); otherwise the phrase before the number
    names it (装机容量|1.49亿千瓦); a rule names what it gives after (50元的|招商奖励).
    """
    benefit = _benefit(ctx.right)
    left, relative = left_phrase(ctx.left)
    if not left and ctx.left_before_date:
        left, relative = left_phrase(ctx.left_before_date)
    if benefit and (not left or _BENEFIT.match(ctx.right)["standard"] is None):  # type: ignore[index]
        return benefit, False
    hedge = _RANGE_HEDGE.match(ctx.right)
    right = right_phrase(ctx.right[hedge.end():] if hedge else ctx.right)
    if hedge and right and not ctx.right[hedge.end():].startswith("的"):
        right = _tag(right)[0][0]  # 120米以下|空域: the first word is the frame
        return right, False
    if not right and ctx.follow is not None and (not left or relative):
        right = right_phrase(ctx.follow)
    if right and (ctx.classifier or right.startswith(_list("frame_nouns"))):
        return right, False
    if left and not (relative and right) and not (right and left in _set("predicate_verbs")):
        return left, left in _set("predicate_verbs")
    if right:
        return right, False
    return right_phrase(after_verbs(ctx.right)) or None, True


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
    nxt = rjieba.tag(text[pos + 1:pos + 7])
    if not nxt or nxt[0][0] in ("于", "在") or nxt[0][1].startswith("d"):
        return False
    return nxt[0][1].startswith(_BA_NEXT) or bool(_pattern("ba_pattern").match(text, pos))


def sentence_cues(text: str, start: int, end: int, letter_year: int | None) -> list[tuple[int, str]]:
    """The kind cues of one sentence, as (end offset, kind): words, and plan periods (“十四五”期间)."""
    cues: list[tuple[int, str]] = []
    for m in _cue_pattern().finditer(text, start, end):
        if m["target2"] == "将" and _is_ba(text, m.start()):
            continue
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
    if _words_in("classify_words", ctx.clause_before[-10:]) or _words_in("rule_near", ctx.clause_before[-6:]):
        return "other"
    cues = _cues(ctx, anchor)
    if ctx.clause_before.lstrip().startswith("对") and _GIVE.search(ctx.after):
        cues.append((len(ctx.before) + 1, "other"))  # 对…超过200家…的平台，再给予50万元奖励: a condition
    if _pattern("target_after").match(ctx.after):
        cues.append((len(ctx.before) + 2, "target"))
    elif _pattern("rule_after").match(ctx.after):
        cues.append((len(ctx.before) + 1, "other"))
    promised = ctx.in_forward_section or any(kind == "target" for _, kind in cues)
    local = ctx.before.rfind("；") + 1  # a rule holds in its own clause chain only
    cues = [(pos, kind) for pos, kind in cues
            if not (kind == "cap" and promised) and not (kind in ("other", "cap") and pos <= local)]
    if cues:
        pos, kind = max(cues)
        if kind == "achieved" and promised and ctx.before[:pos].endswith(_list("weak_achieved")):
            return "target"  # 力争到2030年累计建成…
        return {"cap": "other", "plan": "target"}.get(kind, kind)
    if _words_in("describe_words", ctx.before):
        return "other"
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
    """A time anchor: span in the text, as written, resolved value and year, its lead word (截至, 到)."""

    start: int
    end: int
    text: str
    value: str | None
    year: int | None
    lead: str | None


_BASIS = ("较", "比", "同比", "与", "相比", "对比")
_QUALIFIER = ("以前", "以后", "之前", "之后", "前", "后", "起")
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def resolve_anchor(m: regex.Match[str], letter_date: str | None) -> tuple[str | None, int | None]:
    """ISO date or period of an anchor match, and its year, against the letter's own date."""
    letter_year = int(letter_date[:4]) if letter_date else None
    if m["now"] or m["now2"]:
        return letter_date, letter_year
    year: int | None = None
    if m["year"]:
        year = parse_int(m["year"])
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


def sentence_anchors(text: str, start: int, end: int, letter_date: str | None) -> list[Anchor]:
    """The time anchors of one sentence, in order (a basis of comparison, 较2023年, is none)."""
    out: list[Anchor] = []
    for m in _pattern("anchor").finditer(text, start, end):
        if m.end() > m.start() and not text.endswith(_BASIS, max(0, m.start() - 2), m.start()) \
                and not text.startswith(_QUALIFIER, m.end()):  # 2000年以前建成的: a qualifier, no anchor
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
