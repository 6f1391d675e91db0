"""Parse XML from untrusted files: no DTD, no entities, no network, no huge trees.

OOXML parts never carry a document type declaration, so one is refused outright: that
closes entity expansion ("billion laughs") and external entities (XXE) before parsing.

>>> parse_xml(b"<a><b>x</b></a>", "docx").findtext("b")
'x'
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from .base import LoadError, damaged

_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_DECL = re.compile(rb"\A<\?xml[^>]*\?>")


@functools.cache
def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True, recover=False)


def parse_xml(data: bytes, kind: str) -> etree._Element:
    """The root element of ``data``; LoadError when it declares a DTD or entities, or is malformed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 parts are allowed by OOXML
        data = _XML_DECL.sub(b"", data.decode("utf-16").encode("utf-8"))
    if _DECLARATIONS.search(data):
        raise LoadError("read", "forbidden_xml", f"the {kind} file declares a DTD or entities, "
                        "which a genuine one never does (entity expansion or external entity attack)",
                        "this file is crafted: it is not read")
    try:
        return etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise damaged(kind, f"malformed XML: {exc}") from None
