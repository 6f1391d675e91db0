"""The metric of an indicator: the phrase of the letter that names what a number counts or measures.

The clause around the number is segmented and tagged with rjieba (a window of a
few dozen characters, never the whole letter). After a measure word the counted
noun follows (27个|项目); otherwise the noun phrase before the number and its
predicate names it (全国|充电基础设施总量|已达到|1440万台); a rule names what it gives
after the number (每平方米50元的|招商奖励).

>>> left_phrase("全国充电基础设施总量已达到")
('充电基础设施总量', False)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .. import segment
from ..quantities import per_phrase
from . import _indicator_lexicon as L

_METRIC_MAX = 14  # characters: longer phrases are clauses, not names
_WINDOW = 40  # characters of clause read after a number
_NOMINAL = ("n", "v", "s", "j", "l", "b", "f", "g", "k", "z", "h", "a", "e", "t")
_MEASURE_ENDS = frozenset("率比量")
_ADMIN = frozenset("省市县区镇乡村州旗盟")
_PLACE_MONEY = regex.compile(r"[十百千万亿]+元")  # 税收亿元楼宇

_CODE = regex.compile(r"\d+[A-Za-z]+")
_LATIN_TAIL = regex.compile(r"[A-Za-z]+$")
_ASIDE_HEAD = regex.compile(r"[（(][^（()）\d，。]{1,3}[）)]")
_ASIDE_TAIL = regex.compile(r"[（(][^（()）\d，。]{1,4}[）)]$")
_BENEFIT = regex.compile(r"^(?:以上|以下|以内)?(?:(?P<standard>的标准)(?:予以|安排|给予|用于|发放|拨付)?"
                        r"|(?:的)?(?:给予|予以)?(?P<once>一次性)?(?:的)?)")
_RANGE_HEDGE = regex.compile(r"^(?:以上|以下|以内)(?=\p{Han})")
_LEFT_MAX = 9  # characters: a phrase before the number keeps its last words up to this length
_LABEL_END = regex.compile(r"[“\"‘]([^“”\"‘’]{1,10})[”\"’]$")
_SHARE_OF = regex.compile(r"占(?!比)[^占，。；]{1,16}的$")
_ORDINAL_HEAD = regex.compile(r"^(?:首|第[一二三四五六七八九十\d]+)[批个次家届期轮]?")


@functools.lru_cache(maxsize=8192)
def _nominal(word: str, tag: str) -> bool:
    """A word that can stand in a noun phrase. The tagger calls many nouns verbs (收入, 产能, 访客), so
    verbs count too; what ends a phrase is a predicate verb (a word list), a pronoun, a preposition, an
    adverb, a number, a time word or a particle."""
    if word in L.word_set("predicate_verbs") or word in L.word_set("scope_words") or word in L.word_set("time_words"):
        return False
    if tag == "eng" or _CODE.fullmatch(word) or word in L.word_set("suffix_nouns") or _PLACE_MONEY.fullmatch(word):
        return True
    return tag.startswith(_NOMINAL) and not tag.startswith(("vd", "ad"))


def _tag(text: str) -> list[tuple[str, str]]:
    """rjieba's words and tags, with the words it splits wrongly joined again (占|比, 亩|均)."""
    tokens = segment.tag(text)
    joins = L.word_set("join_words")
    out: list[tuple[str, str]] = []
    for word, tag in tokens:
        if out and out[-1][0] + word in joins:
            out[-1] = (out[-1][0] + word, "n")
        else:
            out.append((word, tag))
    return out


def _verb(word: str, tag: str) -> bool:
    return tag.startswith("v") and not tag.startswith("vn") and word not in L.word_set("predicate_verbs")


def _trim(tokens: list[str], limit: int, places: frozenset[str] = frozenset()) -> str:
    """Drop scope words, place names (``places``: 马鬃山|村面积) and joining words at the edges; keep the
    last words within ``limit`` characters."""
    while len(tokens) > 1 and tokens[0] in places:
        tokens = tokens[1:]
        if len(tokens) > 1 and tokens[0] in _ADMIN:
            tokens = tokens[1:]
    while tokens and (tokens[0] in L.word_set("scope_words") or tokens[0] in L.word_set("lead_words")
                      or tokens[0] in "的和与及、"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in "的和与及、":
        tokens = tokens[:-1]
    while len(tokens) > 1 and sum(map(len, tokens)) > limit:
        tokens = tokens[1:]
    phrase = "".join(tokens)
    if len(tokens) == 1 and len(phrase) > 2 and phrase[0] in _scope_starts():
        return L.head_of("scope_words").sub("", phrase)
    return phrase


@functools.cache
def _scope_starts() -> frozenset[str]:
    return frozenset(w[0] for w in L.word_list("scope_words"))


def _tail_cut(text: str, end: int, ends: set[int], inside: set[int]) -> int:
    """Where the predicate words that end ``text[:end]`` begin (…已达到, …分别为), at a word end (…行为
    keeps its 为; …占比 is one word) or after a one-character noun (rjieba's 数已 in 基站数已达到);
    ``end`` when none. ``inside`` holds the positions inside words that must not be split (占比)."""
    tail = L.tail_of("predicate_tail").search(text, 0, end)
    if not tail:
        return end
    suffixes = L.word_set("suffix_nouns")
    for p in range(tail.start(), end):
        if p in inside:
            continue
        if p in ends or (p and text[p - 1] in suffixes):
            if _full_tail().fullmatch(text, p, end):
                return p
    return end


@functools.cache
def _joins() -> regex.Pattern[str]:
    """Words that no predicate may split (占比, 增速), unless they are predicate words themselves (人均)."""
    tail = L.word_set("predicate_tail")
    return regex.compile("|".join(regex.escape(w) for w in L.word_list("join_words") if w not in tail))


def _full_tail() -> regex.Pattern[str]:
    return L.run_of("predicate_tail")


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
    inside = {p for m in _joins().finditer(text) for p in range(m.start(), m.end())}  # 占|比 stays one word
    end = _tail_cut(text, len(text), ends, inside)
    respectively = "分别" in text[end:]
    start = 0
    pers = list(per_phrase().finditer(text, 0, end))
    if pers:
        last = pers[-1]
        if last.end() == end:
            end = _tail_cut(text, last.start(), ends, inside)
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
    if text.endswith(("”", '"', "’")):
        text = _LABEL_END.sub(r"\1", text)  # “民间河长”1300余名: a quoted label right before the number names it
    if "基础上" in text or "水平上" in text:
        text = L.pattern("basis_frame").sub("", text)  # 利率在基准利率基础上下浮|10%
    frame = L.pattern("change_frame").search(text, max(0, len(text) - 24)) \
        if text.endswith(("的", "长", "加", "高", "升", "降", "少", "低", "了")) else None
    if frame and frame.start() > 0:
        text = text[:frame.start()]  # 漏损率|由改造前的18%, 业务规模|较上年增长15%: the thing before the frame
    elif frame:
        return "", False  # 提高到目前的|68%: only a change, the thing is named before
    setting = L.pattern("setting_frame").search(text) if "据" in text or "按" in text or "视" in text else None
    if setting and setting.start() > 0:
        text = text[:setting.start()]  # 贷款期限|可根据企业生产周期灵活设定为3至12个月
    tokens, text, respectively = _strip_left(text)
    if not text:
        return "", False
    share = _SHARE_OF.search(text) if "占" in text else None
    if share and share.start() > 0:  # 流转土地面积|占耕地总面积的38.5%: the part names it
        return left_phrase(text[:share.start()])
    if text.endswith("的"):  # 房屋明显有裂缝的110户: the relative clause names it
        return _trim([w for w, _ in tokens[:-1]] if tokens[-1][0] == "的" else segment.cut(text[:-1]), _LEFT_MAX), True
    kept: list[str] = []
    joined = measure = False
    heads, verbs = L.word_list("measure_heads"), L.word_set("predicate_verbs")
    i = len(tokens) - 1
    while i >= 0:
        word, tag = tokens[i]
        before_nominal = i > 0 and _nominal(*tokens[i - 1])
        if len(kept) == 1:
            measure = kept[0].endswith(heads)
        if kept and word in L.word_set("left_frames"):
            break
        if _nominal(word, tag) or (tag == "q" and (not kept or before_nominal)):  # 充电|桩, A|类|通用机场
            kept.append(word)
        elif kept and word == "一次性":
            kept.append(word)  # 给予|一次性|奖励: the adverb names the kind of benefit
        elif measure and before_nominal and (word in verbs or word in ("所", "占", "所占")):
            kept.append(word)  # 移动|支付|覆盖率, 新增仓容|所占|比重: a verb inside the name of a measure
        elif measure and word in ("以上", "以下") and i > 0 and tokens[i - 1][1] == "q":
            kept += [word, tokens[i - 1][0]]  # Ⅲ类以上|断面占比: a class names the part
            i -= 1
            if i > 0 and len(tokens[i - 1][0]) == 1 and tokens[i - 1][1] in ("x", "eng", "m"):
                kept.append(tokens[i - 1][0])
                i -= 1
        elif kept and before_nominal and word in "和与及" and sum(map(len, kept)) <= 6 \
                and tokens[i - 1][1].startswith(("n", "j", "l", "vn")):
            kept.append(word)  # 种粮大户和家庭农场: coordinated nouns name one set
            joined = True
        elif kept and tag.startswith(("v", "a", "ad")) and kept[-1] in L.word_set("suffix_nouns") and len(kept) == 1:
            kept.append(word)  # 污水收集|率, 办结|率, 更新及时|率
        elif not kept and word in L.word_set("predicate_verbs") and before_nominal and i == len(tokens) - 1:
            kept.append(word)  # 农村公路新改建|2.3万公里: the action names what was done
        elif kept and before_nominal and ((tag == "uj" and (respectively or kept[-1] in L.word_set("relational_heads")))
                                          or ((respectively or len(kept) == 1) and word in "、和与及")
                                          or (tag == "d" and len(word) > 1)):
            kept.append(word)
        elif not kept and word in L.word_set("predicate_verbs") and not before_nominal:
            kept.append(word)  # 太钢投资4800万元: the verb is the only name there is
            break
        else:
            break
        i -= 1
    if len(kept) == 1 and kept[0] in L.word_set("suffix_nouns"):
        kept += _before_suffix(tokens[:i + 1])  # 数据|更新|及时|率: a bare 率 names nothing, whatever the tags
    places = frozenset(w for w, t in tokens if t == "ns")
    limit = _METRIC_MAX if respectively or joined else _LEFT_MAX
    phrase = _trim(kept[::-1], limit, places)
    if phrase in L.word_set("unit_scopes"):
        return "", False  # 对单户|2000万元以下的担保贷款: a scope, the thing is named after
    return phrase, False


def _before_suffix(tokens: list[tuple[str, str]]) -> list[str]:
    """The words before a one-character measure (率, 量) that name what it measures, last first, up to
    six characters, whatever their tags (a verb says what is measured: 数据|更新|及时|率); a scope or
    time word, pronoun, preposition, number or particle ends them."""
    out: list[str] = []
    for word, tag in reversed(tokens):
        if (word in L.word_set("scope_words")
                or word in L.word_set("time_words") or tag.startswith(("p", "r", "m", "x", "u", "w"))
                or sum(map(len, out)) + len(word) > 6):
            break
        out.append(word)
    return out


def right_phrase(text: str) -> str:
    """The noun phrase that starts ``text``.

    >>> right_phrase("数字化转型示范项目和标杆场景。")
    '数字化转型示范项目和标杆场景'
    """
    text = _ORDINAL_HEAD.sub("", text).lstrip("的")
    if not text or L.pattern("change_first").match(text):
        return ""  # 18%|下降到11.5%: a change, not a name
    tokens = _tag(text[:_WINDOW])
    kept: list[str] = []
    noun_seen = False
    for i, (word, tag) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "x")
        if _verb(word, tag) and noun_seen and word not in L.word_set("modifier_verbs"):
            break  # 38个站点|试行…: after the noun, a verb starts the predicate
        if _nominal(word, tag):
            kept.append(word)
            noun_seen = noun_seen or tag.startswith("n") or word in L.word_set("suffix_nouns")
        elif word in "、和与及" and kept and _nominal(*nxt):
            kept.append(word)
        elif not kept and word in L.word_set("predicate_verbs") and _nominal(*nxt):
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
    aside = _ASIDE_HEAD.match(text, sum(map(len, kept))) if kept else None
    if aside:
        kept.append(aside[0])  # 10个镇（街道）, 无人机起降场（点）
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


def _benefit(right: str, plain: str) -> tuple[str, bool]:
    """What a rule gives, named after the number (50元的招商奖励, 1%给予一次性奖励, 500元生活补助,
    500元的标准予以追加), and whether it came after 的标准. ``plain`` is the phrase right after."""
    m = _BENEFIT.match(right)
    if not m or not m.group(0):
        return (plain, False) if _is_benefit(plain) else ("", False)
    rest = right[m.end():]
    phrase = right_phrase(rest)
    if m["standard"]:
        return phrase or right_phrase(after_verbs(rest)), True
    if phrase and not _is_benefit(phrase) and rest.startswith(phrase + "支持"):
        phrase += "支持"  # 15年的中长期贷款|支持: the tagger's verb ends the benefit
    if _is_benefit(phrase):
        return (m["once"] or "") + phrase, False
    return "", False


def _is_benefit(phrase: str) -> bool:
    """A phrase that names what a rule gives (招商奖励, 复耕补助政策, 省级补助标准)."""
    nouns = L.word_list("benefit_nouns")
    if phrase.endswith(nouns):
        return True
    frame = next((f for f in L.word_list("benefit_frames") if phrase.endswith(f)), None)
    return frame is not None and phrase[:-len(frame)].endswith(nouns)


def metric_of(ctx: MetricContext) -> tuple[str | None, bool]:
    """The phrase a number measures, and whether it is only a guess (a lone verb, a phrase after a verb)
    that a phrase named earlier in the sentence should replace.

    After a measure word the counted noun follows (27个|项目); otherwise the phrase before the number
    names it (装机容量|1.49亿千瓦); a rule names what it gives after (50元的|招商奖励).
    """
    hedge = _RANGE_HEDGE.match(ctx.right)
    after_hedge = ctx.right[hedge.end():] if hedge else ctx.right
    right = right_phrase(after_hedge)
    benefit, standard = _benefit(ctx.right, right)
    if hedge and right and not benefit and not after_hedge.startswith("的"):
        return _tag(right)[0][0], False  # 120米以下|空域: the first word is the frame
    if right and not benefit and (ctx.classifier or right.startswith(L.word_list("frame_nouns"))):
        if not L.pattern("predicate_first").match(after_hedge):
            return right, False  # 27个|项目
        left, relative = left_phrase(ctx.left)
        if not left or relative:
            return right, False  # 累计有235万人|享受待遇
        return left, False  # 中小企业|1500多家|获得融资
    left, relative = left_phrase(ctx.left)
    if not left and ctx.left_before_date:
        left, relative = left_phrase(ctx.left_before_date)
    if benefit and (not left or not standard):
        return benefit, False
    if not right and ctx.follow is not None and (not left or relative):
        right = right_phrase(ctx.follow)
        if right and ctx.classifier:
            return right, False
    if left and not (relative and right) and not (right and left in L.word_set("predicate_verbs")):
        return left, left in L.word_set("predicate_verbs") or _bare_attribute(ctx.left, left)
    if right:
        return right, False
    if not left and ctx.right.startswith("为"):
        return right_phrase(ctx.right[1:]) or None, False  # 约三分之一|为疑难重症患者
    return right_phrase(after_verbs(ctx.right)) or None, True


def _bare_attribute(text: str, phrase: str) -> bool:
    """An attribute alone in its clause (2.6万笔、|金额|612亿元): it measures the thing named before it in
    the sentence (not 职工办理租房提取，提取|金额: the verb before names it)."""
    if phrase not in L.word_set("attribute_nouns"):
        return False
    return not text[:text.rfind(phrase)].strip("、，,和及与共总累计 ")


def after_verbs(text: str) -> str:
    """``text`` without the verbs and adverbs that open it (给予一次性建设补助 → 建设补助)."""
    tokens = segment.tag(text[:_WINDOW])
    skip = 0
    for word, tag in tokens[:3]:
        if (tag.startswith(("v", "d", "p", "a")) and not tag.startswith("vn")) or word in L.word_set("predicate_verbs"):
            skip += len(word)
        else:
            break
    return text[skip:] if skip else ""
