"""Build letter files in code for the format tests: .docx parts, PDFs (reportlab), ZIP surgery."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
    'Target="header1.xml"/>'
    '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
    'Target="footer1.xml"/></Relationships>')


def p(*runs: str) -> str:
    """A paragraph of plain runs."""
    return "<w:p>" + "".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>' for t in runs) + "</w:p>"


def tbl(rows: Sequence[Sequence[str]]) -> str:
    """A table whose cells each hold one paragraph."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


def document_xml(body: str, *, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f"<w:document {_NS}><w:body>{body}<w:sectPr/></w:body></w:document>").encode()


def docx(body: str = "", *, document: bytes | None = None, header: str = "页眉：某某委员会",
         footer: str = "- 1 -", extra: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """A .docx with ``body`` (w:p/w:tbl markup), a header and a footer part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        zf.writestr("word/document.xml", document if document is not None else document_xml(body))
        zf.writestr("word/header1.xml", f"<w:hdr {_NS}>{p(header)}</w:hdr>")
        zf.writestr("word/footer1.xml", f"<w:ftr {_NS}>{p(footer)}</w:ftr>")
        for name, data in extra:
            zf.writestr(name, data)
    return out.getvalue()


def zip_of(members: Iterable[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


def patch_sizes(data: bytes, member: str, *, declared: int, local_too: bool = False) -> bytes:
    """Rewrite the uncompressed size that the central directory (and the local header) declare."""
    buf = bytearray(data)
    name = member.encode()
    at = buf.find(b"PK\x01\x02")
    while at >= 0:
        (name_len,) = struct.unpack_from("<H", buf, at + 28)
        if bytes(buf[at + 46:at + 46 + name_len]) == name:
            struct.pack_into("<I", buf, at + 24, declared)
            (local,) = struct.unpack_from("<I", buf, at + 42)
            if local_too:
                struct.pack_into("<I", buf, local + 22, declared)
            return bytes(buf)
        at = buf.find(b"PK\x01\x02", at + 4)
    raise KeyError(member)


def pdf(pages: Sequence[Sequence[tuple[float, float, str]]], *, size: float = 12.0,
        encrypt: str | None = None) -> bytes:
    """A PDF (A4) whose pages hold text at (x, y) points, in a CJK font that maps to Unicode."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt, invariant=True)
    for page in pages:
        c.setFont("STSong-Light", size)
        for x, y, text in page:
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return out.getvalue()


Page = list[tuple[float, float, str]]


def flow(paragraphs: Sequence[str], *, width: float = 451.0, lines_per_page: int = 20, size: float = 12.0,
         indent: bool = True, header: str | None = None, page_numbers: bool = True) -> list[Page]:
    """Lay paragraphs out like a printed letter: lines filled to ``width`` points, first lines indented
    two characters, a running header and a page number on every page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    left, top = 72.0, 740.0
    lines: list[tuple[float, str]] = []
    for para in paragraphs:
        x = left + (2 * size if indent else 0.0)
        line = ""
        for ch in para:
            if pdfmetrics.stringWidth(line + ch, "STSong-Light", size) > width - (x - left):
                lines.append((x, line))
                line, x = "", left
            line += ch
        lines.append((x, line))
    pages = []
    for start in range(0, len(lines), lines_per_page):
        page: list[tuple[float, float, str]] = []
        if header:
            page.append((left, 800.0, header))
        for i, (x, text) in enumerate(lines[start:start + lines_per_page]):
            page.append((x, top - i * size * 1.8, text))
        if page_numbers:
            page.append((280.0, 40.0, f"- {start // lines_per_page + 1} -"))
        pages.append(page)
    return pages
