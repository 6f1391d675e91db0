"""Saved web pages: the letter's main content, in the page's declared charset.

Scripts, styles, navigation, headers and footers, share bars and link lists are dropped; the
container that holds most of the page's prose is kept, with the page's metadata table when it
carries a document number or a date of writing (文号, 成文日期: the labels of
resources/metadata_labels.yaml). Blocks are separated by one blank line, ``<br>`` is a newline, a
table row is one line ``| cell | cell |``, headings start with ``#`` marks and list items with ``- ``:
the light markdown that text letters saved from the web carry, and that the layout reads. A line
break in the page's source between two Chinese characters is dropped (it is not a space).
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from ..lexicon import load_resource
from .base import Extracted, LoadError, check_text_size
from .rules import web_boilerplate
from .txt import decode_text

_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{2,40})[\"']")
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_GB = frozenset({"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "euc-cn", "csgb2312",
                 "gb18030", "chinese", "iso-ir-58", "x-euc-cn"})
_DROP = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
                   "nav", "aside", "form", "button", "select", "input", "textarea", "head", "title", "link",
                   "meta", "map", "area", "video", "audio", "source", "img", "base"})
_PAGE_PARTS = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|breadcrumb|crumb|bread|share|bdshare|jiathis|social|sidebar|side-bar|"
    r"footer|foot|header|top-?bar|toolbar|copyright|related|recommend|comment|print|close|search|login|"
    r"qrcode|ewm|erweima|fenxiang|gotop|go-top|backtop|back-top|pager|pagination|friendlink|dqwz|wzdh|"
    r"location|position)", re.IGNORECASE)
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                    "section", "article", "main", "blockquote", "pre", "center", "address", "header",
                    "footer", "figure", "figcaption", "hr", "body", "html", "table", "tbody", "thead",
                    "tfoot", "caption", "fieldset", "details", "summary"})
# The page's structure kept as the light markdown that text letters saved from the web carry.
_MARKERS = {"h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ", "h6": "###### ", "li": "- "}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_WORD = re.compile(rf"[{_CJK}A-Za-z0-9]")
_MAX_BOILERPLATE_LINE = 80
_MIN_PROSE = 10
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre", "span",
                         "font", "strong", "b"})


def _codec(name: bytes) -> str | None:
    label = name.decode("ascii", "replace").strip().lower()
    if label in _GB:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and encoding: BOM, declared charset (GB2312/GBK read as GB18030), else detected."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    head = data[:4096]
    declared = _CHARSET.search(head) or _XML_ENCODING.search(head)
    codec = _codec(declared.group(1)) if declared else None
    if codec and not codec.startswith("utf-16"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect, then fall back to the declared charset with repairs
    try:
        return decode_text(data)
    except LoadError:
        if codec is None:
            raise
        return data.decode(codec, "replace"), codec


@functools.cache
def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,  # type: ignore[call-arg]
                                default_doctype=False, huge_tree=False)


@functools.cache
def _metadata_labels() -> re.Pattern[str]:
    data = load_resource("metadata_labels")
    labels = sorted({*data["doc_number"], *data["date"]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, labels)))


def _is_page_part(el: lxml.html.HtmlElement) -> bool:
    attrs = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    return bool(attrs.strip()) and bool(_PAGE_PARTS.search(attrs))


def _prune(root: lxml.html.HtmlElement) -> None:
    """Remove what is never the letter: scripts, navigation, page headers and footers, share bars."""
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and
              (el.tag in _DROP or _is_page_part(el) or el.get("hidden") is not None
               or "display:none" in (el.get("style") or "").replace(" ", "").lower())]
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            el.drop_tree()


def _own_prose(el: lxml.html.HtmlElement) -> int:
    """Characters of text that stand directly in ``el`` or its inline children (links excluded)."""
    total = len(_WORD.findall(el.text or ""))
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCK and child.tag not in ("a", "td", "th", "tr"):
            total += _own_prose(child)
        total += len(_WORD.findall(child.tail or ""))
    return total


def _main(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds the letter: each block of prose scores for its container (a paragraph
    for its parent, a box of loose text for itself) and half of that for the next one up."""
    scores: dict[lxml.html.HtmlElement, float] = {}
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("a", "tr"):
            continue
        prose = _own_prose(el)
        if prose < _MIN_PROSE:
            continue
        holder = el.getparent() if el.tag in _PARAGRAPHS else el
        for rank, node in enumerate((holder, holder.getparent() if holder is not None else None)):
            if node is not None:
                scores[node] = scores.get(node, 0.0) + prose / (rank + 1)
    return max(scores, key=lambda el: scores[el]) if scores else body


def _metadata_blocks(root: lxml.html.HtmlElement, main: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Tables or lists outside the main content that carry a document number or a writing date."""
    inside = set(main.iter())
    ancestors = set(main.iterancestors())
    found: list[lxml.html.HtmlElement] = []
    for el in root.iter("table", "ul", "dl", "ol"):
        if el in inside or el in ancestors or any(f in el.iterancestors() for f in found):
            continue
        text = el.text_content()
        if len(text) < 2000 and _metadata_labels().search(text):
            found.append(el)
    return found


def _inline(text: str) -> str:
    return _SPACE.sub(" ", _CJK_BREAK.sub("", text))


def _render(el: lxml.html.HtmlElement, out: list[str]) -> None:
    """Append text to ``out``; ``"\\x00"`` marks a block boundary, ``"\\n"`` a hard line break."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "br":
        out.append("\n")
    elif tag == "table":
        out.append("\x00")
        out.extend(_table(el))
        out.append("\x00")
    elif tag == "pre":
        out.extend(("\x00", el.text_content(), "\x00"))
    else:
        block = tag in _BLOCK or tag == "td" or tag == "th" or tag == "tr"
        if block:
            out.append("\x00")
        out.append(_MARKERS.get(tag, ""))
        out.append(_inline(el.text or ""))
        for child in el:
            if isinstance(child.tag, str):
                _render(child, out)
            out.append(_inline(child.tail or ""))
        if block:
            out.append("\x00")


def _cells(tr: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [c for c in tr if c.tag in ("td", "th")]


def _table(table: lxml.html.HtmlElement) -> Iterator[str]:
    rows = [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
    if all(len(_cells(tr)) <= 1 for tr in rows):  # a layout box: its content as blocks
        for tr in rows:
            for cell in _cells(tr):
                yield "\x00"
                yield from _blocks_of(cell)
                yield "\x00"
        return
    lines = []
    for tr in rows:
        texts = [" ".join(_blocks(cell)).replace("\n", " ").strip() for cell in _cells(tr)]
        if any(texts):
            lines.append("| " + " | ".join(texts) + " |")
    yield "\n".join(lines)


def _blocks_of(el: lxml.html.HtmlElement) -> list[str]:
    out: list[str] = []
    _render(el, out)
    return out


def _blocks(el: lxml.html.HtmlElement) -> list[str]:
    """The element's text as blocks: lines stripped, empty blocks gone."""
    blocks = []
    for raw in "".join(_blocks_of(el)).split("\x00"):
        lines = [line.strip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and text.rstrip("# -"):
            blocks.append(text)
    return blocks


def _without_boilerplate(block: str) -> str:
    keep = [line for line in block.split("\n")
            if len(line) > _MAX_BOILERPLATE_LINE or not web_boilerplate().search(line)]
    return "\n".join(keep)


def html_text(text: str) -> str:
    """The letter inside a page's markup."""
    root = lxml.html.document_fromstring(_XML_DECL.sub("", text) or "<html></html>", parser=_parser())
    _prune(root)
    body = root.find("body")
    body = root if body is None else body
    main = _main(body)
    parts = [*_metadata_blocks(body, main), main]
    blocks = [_without_boilerplate(b) for part in parts for b in _blocks(part)]
    return "\n\n".join(b for b in blocks if b.strip())


def read_html(data: bytes) -> Extracted:
    """Decode and read a saved web page."""
    text, encoding = decode_html(data)
    try:
        letter = html_text(text)
    except (etree.ParserError, ValueError) as exc:
        raise LoadError("read", "damaged", f"the web page cannot be parsed: {exc}",
                        "open it in a browser and save it again") from None
    if not letter.strip():
        raise LoadError("decode", "no_text", "the web page holds no letter text",
                        "save the page with its content, not only its frame")
    return Extracted(text=check_text_size(letter), format="html", encoding=encoding)
