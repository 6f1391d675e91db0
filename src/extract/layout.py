"""Layout: find the zones of a letter in its normalised text.

Zones, top to bottom: page metadata (索引号/文号/成文日期 tables and lists),
the header (banner, document number, title), the salutation, the body
(sections), the closing (signature, date, contact, 抄送, 附件). Every zone is a
character range of ``Document.text``; field extractors look only where their
field can stand.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import regex

from .document import Document
from .lexicon import alternation, load_resource, words


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line: ``text`` is stripped; ``start``/``end`` bound it in the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class MetaField:
    """A labelled metadata value: ``label`` as written, value span in the document text."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each zone of a letter lies (offsets into ``Document.text``)."""

    lines: tuple[Line, ...]
    metadata: tuple[MetaField, ...]
    header: tuple[int, int]
    salutation: Line | None
    salutation_names: tuple[int, int] | None
    body: tuple[int, int]
    signature: tuple[Line, ...] = field(default=())
    date_line: Line | None = None
    date_span: tuple[int, int] | None = None
    page_lines: frozenset[int] = frozenset()  # starts of lines that are page labels or their values

    def meta(self, *labels: str) -> MetaField | None:
        """The first metadata field with one of ``labels`` (in the order given) and a real value."""
        empty = _empty_values()
        for label in labels:
            for item in self.metadata:
                if item.label == label and item.text and item.text not in empty:
                    return item
        return None

    def meta_for(self, field_name: str) -> MetaField | None:
        """The page label value that carries ``field_name``, by the preference order in metadata_labels.yaml."""
        return self.meta(*load_resource("metadata_labels")[field_name])

    def header_lines(self, *, with_page_lines: bool = False) -> list[Line]:
        """Lines above the salutation, without page-label lines unless asked for."""
        return [ln for ln in self.lines if self.header[0] <= ln.start and ln.end <= self.header[1]
                and (with_page_lines or ln.start not in self.page_lines)]


@functools.cache
def _empty_values() -> frozenset[str]:
    """Values that say a label is empty (无, 暂无, -)."""
    return frozenset(load_resource("metadata_labels")["empty_values"])


# --- patterns ---------------------------------------------------------------------------------

CN_DIGIT = "〇零一二三四五六七八九十两○ＯO0"
DATE_CN = rf"[{CN_DIGIT}]{{4}}\s*年\s*[{CN_DIGIT}]{{1,2}}\s*月\s*[{CN_DIGIT}]{{1,3}}\s*日"
DATE_AR = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
DATE_ANY = rf"(?:{DATE_AR}|{DATE_CN})"


@functools.cache
def _label_pattern() -> regex.Pattern[str]:
    labels = alternation("metadata_labels", "labels", spaced=True)
    return regex.compile(
        rf"(?<![\p{{Han}}])(?P<label>{labels})\s*[:：]\s*(?:\|\s*)?(?P<value>[^|\n]*?)\s*"
        rf"(?=\||(?<![\p{{Han}}]){labels}\s*[:：]|$)",
        regex.M,
    )


@functools.cache
def _heading_label_pattern() -> regex.Pattern[str]:
    labels = alternation("metadata_labels", "labels", spaced=True)
    return regex.compile(rf"^#+\s*(?P<label>{labels})\s*$")


@functools.cache
def _salutation_pattern() -> regex.Pattern[str]:
    """The part of a salutation line up to its colon: names (with a role) or organisations."""
    roles = alternation("agencies", "person_roles")
    suffix = alternation("agencies", "agency_suffixes")
    name = r"[\p{Han}·A-Za-z]{1,30}"
    person_list = rf"{name}(?:[、，,\s]+{name})*?(?:等(?:\d+|[一二三四五六七八九十]+)?[名位]?)?\s*{roles}(?:等)?"
    org = rf"[\p{{Han}}（）()·]{{1,40}}?{suffix}"
    org_list = rf"{org}(?:[、，,\s]+{org})*"
    return regex.compile(rf"(?P<lead>尊敬的\s*|致\s+)?(?P<names>{person_list}|{org_list})\s*[:：]")


_SALUTATION_MAX = 80  # characters before the colon


@dataclass(frozen=True, slots=True)
class _Salutation:
    index: int  # line index
    names: tuple[int, int]  # offsets in the line
    rest: int  # offset in the line where the body starts (the line's end when nothing follows)


def _match_salutation(text: str) -> tuple[tuple[int, int], int] | None:
    """(names span, rest start) when ``text`` opens with a salutation; looks only up to the first colon."""
    colon = next((i for i, ch in enumerate(text[:_SALUTATION_MAX + 1]) if ch in ":："), -1)
    if colon < 0:
        return None
    m = _salutation_pattern().fullmatch(text, 0, colon + 1)
    if not m:
        return None
    rest = colon + 1
    while rest < len(text) and text[rest].isspace():
        rest += 1
    return m.span("names"), rest


_META_LINE = regex.compile(r"^(?:[|#>]|-\s|\*\s)")
_TABLE_OR_LIST = regex.compile(r"^(?:[|>]|-\s|\*\s)")
_OPENING = regex.compile(r"收悉|答复如下|现答复|现将.{0,12}(?:答复|函复)|函复如下|如下[:：]")


_GAP = regex.compile(r"[ \t]+")
_OPEN, _CLOSE = "《“（(「『", "》”）)」』"
_MIN_SCRAPED = 60  # characters: a line this long with two or more line-like gaps is a scraped letter


def _line_gaps(text: str) -> list[tuple[int, int]]:
    """Spaces that stand for line breaks: between two non-ASCII characters, outside brackets and
    quotes (so 《…治理 以高水平…》 and 国家能源局 2017年7月12日 stay whole)."""
    gaps = {m.start(): m.end() for m in _GAP.finditer(text)}
    if not gaps:
        return []
    found, depth = [], 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif i in gaps and depth == 0 and 0 < i and gaps[i] < len(text):
            before, after = text[i - 1], text[gaps[i]]
            if not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
                found.append((i, gaps[i]))
    return found


def _split_scraped(line: Line) -> list[Line]:
    """A whole letter scraped onto one line, split where its line breaks were."""
    gaps = _line_gaps(line.text) if len(line.text) > _MIN_SCRAPED else []
    if len(gaps) < 2:
        return [line]
    out, piece = [], 0
    for start, end in gaps:
        out.append(Line(line.start + piece, line.start + start, line.text[piece:start]))
        piece = end
    out.append(Line(line.start + piece, line.end, line.text[piece:]))
    return out


def _lines(text: str) -> tuple[Line, ...]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            line = Line(pos + lead, pos + lead + len(stripped), stripped)
            out.extend([line] if _TABLE_OR_LIST.match(stripped) else _split_scraped(line))
        pos += len(raw) + 1
    return tuple(out)


def _table_cells(text: str, line: Line, all_labels: set[str]) -> list[MetaField]:
    """Label cells without a colon followed by their value cell: | 发文字号 | 穗天城管函〔2024〕43号 |."""
    cells = [(m.start() + line.start, m.end() + line.start) for m in regex.finditer(r"[^|]+", line.text)]
    found = []
    for (s, e), (v_start, v_end) in itertools.pairwise(cells):
        label = "".join(text[s:e].split()).strip("*")
        if label in all_labels:
            value = text[v_start:v_end].strip()
            v_start += len(text[v_start:v_end]) - len(text[v_start:v_end].lstrip())
            found.append(MetaField(label, v_start, v_start + len(value), value.strip("*")))
    return found


def _metadata(text: str, lines: tuple[Line, ...]) -> tuple[MetaField, ...]:
    """Labelled values on metadata-like lines: tables, lists, headings, short label lines."""
    found: list[MetaField] = []
    label_re = _label_pattern()
    heading_re = _heading_label_pattern()
    all_labels = set(words("metadata_labels", "labels"))
    containers = set(load_resource("metadata_labels")["containers"])
    for i, line in enumerate(lines):
        heading = heading_re.match(line.text)
        if heading:
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            label = "".join(heading["label"].split())
            if nxt is not None and not nxt.text.startswith("#") and label not in containers:
                found.append(MetaField(label, nxt.start, nxt.end, nxt.text))
            continue
        if not (_META_LINE.match(line.text) or len(line.text) <= 60):
            continue
        if line.text.startswith("|"):
            found.extend(_table_cells(text, line, all_labels))
        for m in label_re.finditer(text, line.start, line.end):
            value, v_start, v_end = m["value"], m.start("value"), m.end("value")
            if not value and m.end() >= line.end and i + 1 < len(lines):
                nxt = lines[i + 1]
                bare = nxt.text.lstrip("-*| ").rstrip(":：")
                if not label_re.search(nxt.text) and bare not in all_labels and not heading_re.match(nxt.text):
                    value, v_start, v_end = nxt.text, nxt.start, nxt.end
            found.append(MetaField("".join(m["label"].split()), v_start, v_end, value))
    return tuple(found)


def _find_salutation(lines: tuple[Line, ...], start_index: int) -> _Salutation | None:
    label_re = _label_pattern()
    for i in range(start_index, min(len(lines), start_index + 60)):
        text = lines[i].text
        found = _match_salutation(text)
        if found is None and _OPENING.search(text):
            return None
        if _META_LINE.match(text) or label_re.match(text[:_SALUTATION_MAX]):
            continue
        if found is not None:
            return _Salutation(i, found[0], found[1])
    return None


def _page_lines(lines: tuple[Line, ...], metadata: tuple[MetaField, ...]) -> frozenset[int]:
    """Starts of the lines that belong to the page around the letter: tables, lists, labels and values."""
    label_re = _label_pattern()
    heading_re = _heading_label_pattern()
    values = {f.start for f in metadata}
    return frozenset(
        ln.start for ln in lines
        if _TABLE_OR_LIST.match(ln.text) or label_re.match(ln.text[:_SALUTATION_MAX])
        or heading_re.match(ln.text) or ln.start in values
    )


def _content_start(lines: tuple[Line, ...], metadata: tuple[MetaField, ...], stop: int) -> int:
    """Index of the first line after the page metadata that precedes line ``stop``."""
    meta_lines = {f.start for f in metadata}
    label_re = _label_pattern()
    heading_re = _heading_label_pattern()
    idx = 0
    for i in range(min(stop, len(lines))):
        line = lines[i]
        if (_TABLE_OR_LIST.match(line.text) or label_re.match(line.text[:_SALUTATION_MAX])
                or heading_re.match(line.text)
                or line.start in meta_lines):
            idx = i + 1
    return idx


_DATE_LINE = regex.compile(
    rf"^(?:(?P<sig>[^\s，。：:；;]{{2,40}}?)\s+)?(?P<date>{DATE_ANY})(?:\s*[（(].*[)）])?\s*$"
)


def _find_date_line(lines: tuple[Line, ...], body_start: int) -> tuple[int, regex.Match[str]] | None:
    for i, line in enumerate(lines):
        if line.start < body_start:
            continue
        m = _DATE_LINE.match(line.text)
        if m:
            return i, m
    return None


@functools.cache
def agency_end() -> regex.Pattern[str]:
    """Text that ends like an agency's name (…局, …委员会, …办公室).

    >>> bool(agency_end().search("国家能源局新能源司")), bool(agency_end().search("张毅"))
    (True, False)
    """
    return regex.compile(rf"{alternation('agencies', 'agency_suffixes')}$")


@functools.cache
def agency_line() -> regex.Pattern[str]:
    """A line that is only an agency's name, possibly with a second name in brackets.

    >>> bool(agency_line().match("杭州市发展和改革委员会（杭州市能源局）"))
    True
    """
    suffix = alternation("agencies", "agency_suffixes")
    return regex.compile(rf"^[\p{{Han}}（）()·、\s]{{2,40}}?{suffix}(?:[（(][\p{{Han}}、]{{2,20}}[)）])?$")


def _signature(lines: tuple[Line, ...], date_index: int) -> tuple[Line, ...]:
    agency = agency_line()
    sig: list[Line] = []
    for j in range(date_index - 1, max(-1, date_index - 4), -1):
        text = lines[j].text
        if agency.match(text) and not regex.search(r"[，。；：:]", text):
            sig.insert(0, lines[j])
        else:
            break
    return tuple(sig)


# Lines that may follow a signature at a letter's end: 抄送, 附件, contact details, page chrome.
_AFTER_SIGNATURE = regex.compile(
    r"^(?:抄\s*送|附\s*件|[（(]?\s*联\s*系|[（(]?\s*经\s*办|电\s*话|地\s*址|邮\s*编|邮政编码|[（(]本文有删减[）)]"
    r"|【|\||#|-\s|打印|关闭|分享|扫一扫|责任编辑)"
)
_NOT_A_SIGNATURE = regex.compile(r"(?:网站|门户|首页)$")


def _undated_signature(lines: tuple[Line, ...], body_start: int) -> tuple[Line, ...]:
    """A letter without a date may still be signed: the agency line standing last, above 抄送 and contacts."""
    agency = agency_line()
    for line in reversed(lines[-8:]):
        if line.start < body_start:
            break
        if _AFTER_SIGNATURE.match(line.text):
            continue
        if agency.match(line.text) and not _NOT_A_SIGNATURE.search(line.text) \
                and not regex.search(r"[，。；：:]", line.text):
            return (line,)
        break
    return ()


def find_layout(doc: Document) -> Layout:
    """Split a normalised letter into zones."""
    text = doc.text
    lines = _lines(text)
    metadata = _metadata(text, lines)
    found = _find_salutation(lines, 0)
    salutation = names = None
    if found:
        salutation = lines[found.index]
        names = (salutation.start + found.names[0], salutation.start + found.names[1])
        body_start = salutation.start + found.rest
        header_end = salutation.start
        stop = found.index
    else:
        stop = next((i for i, ln in enumerate(lines) if _OPENING.search(ln.text)), len(lines))
        first = _content_start(lines, metadata, stop)
        if stop == len(lines):
            stop = first
        body_start = lines[stop].start if stop < len(lines) else len(text)
        header_end = body_start
    header_start = 0  # page lines inside the header are told apart by page_lines
    body_end = len(text)
    date_line = date_span = None
    signature: tuple[Line, ...] = ()
    dl = _find_date_line(lines, body_start)
    if dl:
        di, m = dl
        date_line = lines[di]
        date_span = (date_line.start + m.start("date"), date_line.start + m.end("date"))
        signature = _signature(lines, di)
        if m["sig"]:
            signature = (Line(date_line.start + m.start("sig"), date_line.start + m.end("sig"), m["sig"]),)
        body_end = signature[0].start if signature else date_line.start
    else:
        signature = _undated_signature(lines, body_start)
        if signature:
            body_end = signature[0].start
    return Layout(
        lines=lines,
        metadata=metadata,
        header=(header_start, max(header_start, header_end)),
        salutation=salutation,
        salutation_names=names,
        body=(body_start, max(body_start, body_end)),
        signature=signature,
        date_line=date_line,
        date_span=date_span,
        page_lines=_page_lines(lines, metadata),
    )
