#!/usr/bin/env python3
"""Convert the dev letters (.txt) to .docx, .html and .pdf, and score each format like the .txt.

Usage:
    python scripts/convert_dev.py OUT [--dev ../shared/corpus/dev] [--score]

Writes OUT/docx/NAME.docx, OUT/html/NAME.html, OUT/pdf/NAME.pdf (never into the repository). Each
converted file holds the letter's lines as paragraphs, markdown tables as tables and ``**bold**`` as
bold, inside what the format adds around a letter: a running header and page numbers (.docx, .pdf),
navigation, a breadcrumb, share buttons and a footer in a GB2312-declared page (.html). The writers
are independent of the readers: python-docx, reportlab and a plain page template.

``--score`` then extracts every format, and for each writes OUT/FMT.gold/ (the text the extractor
read from each file, as NAME.txt, beside a copy of its gold) and OUT/FMT.jsonl (records whose
source.path is renamed NAME.txt), so that ../shared/eval/score.py locates the gold quotes in the
text the offsets refer to; it prints the figures of every format side by side.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("docx", "html", "pdf")
_ESCAPE = re.compile(r"\\([\[\]()*_#|.\-])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass
class Block:
    kind: str  # "p", "h" (markdown heading), "li" (list item), "table"
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None


def blocks(text: str) -> Iterator[Block]:
    """The letter's lines as blocks: consecutive ``| a | b |`` lines make a table."""
    rows: list[list[str]] = []
    for raw in text.splitlines():
        line = _ESCAPE.sub(r"\1", raw.rstrip())
        if line.lstrip().startswith("|"):
            if not _RULE.match(line.strip()):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if any(cells):
                    rows.append(cells)
            continue
        if rows:
            yield Block("table", rows=rows)
            rows = []
        if not line.strip():
            continue
        if m := re.match(r"^\s{0,3}(#{1,6})\s+(.*)$", line):
            yield Block("h", m.group(2), level=len(m.group(1)))
        elif m := re.match(r"^\s{0,3}[-*]\s+(.*)$", line):
            yield Block("li", m.group(1))
        else:
            yield Block("p", line)
    if rows:
        yield Block("table", rows=rows)


def plain(text: str) -> str:
    return _BOLD.sub(r"\1", text)


def to_docx(name: str, text: str) -> bytes:
    from docx import Document

    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = f"{name} (converted for the format check)"
    section.footer.paragraphs[0].text = "- 1 -"
    for block in blocks(text):
        if block.kind == "table" and block.rows:
            width = max(len(r) for r in block.rows)
            table = doc.add_table(rows=len(block.rows), cols=width)
            for i, row in enumerate(block.rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = plain(cell)
            continue
        style = {"li": "List Bullet", "h": f"Heading {block.level}"}.get(block.kind)
        para = doc.add_paragraph(style=style)
        for k, piece in enumerate(_BOLD.split(block.text)):  # odd pieces were **bold**
            if piece:
                para.add_run(piece).bold = bool(k % 2)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}</title><link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript">var _hmt = _hmt || []; function setFont(s) {{ return s; }}</script></head>
<body><div class="top-bar"><a href="/">Home</a> | <a href="/en">English</a> | <a href="#">Accessibility</a></div>
<div class="nav"><ul><li><a href="/">Home</a></li><li><a href="/gk/">Open government</a></li>
<li><a href="/hd/">Interaction</a></li><li><a href="/fw/">Services</a></li></ul></div>
<div class="position">You are here: <a href="/">Home</a> &gt; <a href="/gk/">Open government</a></div>
<div class="main"><div class="article"><div id="zoom" class="TRS_Editor">
{content}
</div><div class="bdsharebuttonbox"><a class="bds_weixin">WeChat</a> <a class="bds_tsina">Weibo</a></div>
<div class="print"><a href="javascript:window.print()">Print</a> <a href="javascript:window.close()">Close</a></div>
</div><div class="related"><h3>Related</h3><ul><li><a href="/1.html">Another reply</a></li>
<li><a href="/2.html">A third reply</a></li></ul></div></div>
<div class="footer"><p>Sponsored by the General Office | ICP 05070218 | Site code 1100000088</p></div>
<script type="text/javascript">document.write("");</script></body></html>"""


def _inline_html(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def to_html(name: str, text: str) -> bytes:
    parts = []
    for block in blocks(text):
        if block.kind == "table" and block.rows:
            rows = "".join("<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            parts.append(f'<table class="xxgk" border="1">{rows}</table>')
        elif block.kind == "h":
            parts.append(f"<h{block.level}>{_inline_html(block.text)}</h{block.level}>")
        elif block.kind == "li":
            parts.append(f"<ul><li>{_inline_html(block.text)}</li></ul>")
        else:
            parts.append(f'<p style="text-indent:2em;">{_inline_html(block.text)}</p>')
    page = _PAGE.format(title=html.escape(name), content="\n".join(parts))
    return page.encode("gb18030")  # declared gb2312, written as GBK/GB18030: as government sites do


def to_pdf(name: str, text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font, size = "STSong-Light", 12.0
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    left, right, top, bottom = 72.0, A4[0] - 72.0, A4[1] - 90.0, 80.0
    pitch, gap = size * 1.8, size * 0.9
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    page = 1
    y = top

    def furniture() -> None:
        c.setFont(font, 9)
        c.drawString(left, A4[1] - 50, f"{name} (converted for the format check)")
        c.drawCentredString(A4[0] / 2, 40, f"- {page} -")
        c.setFont(font, size)

    furniture()
    for block in blocks(text):
        lines_of = ["  ".join(plain(c) for c in row) for row in block.rows] if block.rows else [plain(block.text)]
        size = 15.0 if block.kind == "h" else 12.0  # headings in larger type
        c.setFont(font, size)
        for para in lines_of:
            line, x0 = "", left
            pieces: list[tuple[float, str]] = []
            for ch in para:
                if pdfmetrics.stringWidth(line + ch, font, size) > right - x0:
                    pieces.append((x0, line))
                    line, x0 = "", left
                line += ch
            pieces.append((x0, line))
            for x, piece in pieces:
                if y < bottom:
                    c.showPage()
                    page += 1
                    furniture()
                    y = top
                c.drawString(x, y, piece)
                y -= pitch
            y -= gap
    c.showPage()
    c.save()
    return out.getvalue()


WRITERS = {"docx": to_docx, "html": to_html, "pdf": to_pdf}


def convert(dev: Path, out: Path) -> dict[str, list[Path]]:
    made: dict[str, list[Path]] = {fmt: [] for fmt in FORMATS}
    for fmt in FORMATS:
        (out / fmt).mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    from extract.load import load_file

    for txt in sorted(dev.glob("*.txt")):
        text = load_file(txt).text  # any encoding the letters come in
        for fmt in FORMATS:
            target = out / fmt / f"{txt.stem}.{fmt}"
            target.write_bytes(WRITERS[fmt](txt.stem, text))
            made[fmt].append(target)
    return made


def _gold_for_converted(path: Path, text: str) -> str:
    """The gold file as it applies to a converted letter's text. Only line breaks can differ: a .txt's
    CRLF endings do not survive conversion, and a quote that spans a paragraph break which a reader
    rightly joined (a sentence cut by a page break, 划转医保 / 基金) is looked for without it."""
    def fit(value: object) -> object:
        if isinstance(value, str):
            value = value.replace("\r\n", "\n")
            if "\n" in value and value not in text and (joined := re.sub(r"\s*\n\s*", "", value)) in text:
                return joined
            return value
        if isinstance(value, list):
            return [fit(v) for v in value]
        if isinstance(value, dict):
            return {k: fit(v) for k, v in value.items()}
        return value

    return json.dumps(fit(json.loads(path.read_text(encoding="utf-8"))), ensure_ascii=False, indent=1)


def score(dev: Path, out: Path, made: dict[str, list[Path]]) -> dict[str, dict[str, float]]:
    """Extract every format, lay out its gold folder beside the extracted texts, run score.py."""
    from extract.batch import extract_paths, record_json, write_jsonl_file
    from extract.load import load_file

    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    figures: dict[str, dict[str, float]] = {}
    txt_pred = out / "txt.jsonl"
    write_jsonl_file(extract_paths(sorted(dev.glob("*.txt"))), txt_pred)
    runs = {"txt": (txt_pred, dev)}
    for fmt, files in made.items():
        gold = out / f"{fmt}.gold"
        shutil.rmtree(gold, ignore_errors=True)
        gold.mkdir()
        lines = []
        for path, record in zip(files, extract_paths(files), strict=True):
            stem = path.stem
            text = load_file(path).text
            with open(gold / f"{stem}.txt", "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            (gold / f"{stem}.gold.json").write_text(_gold_for_converted(dev / f"{stem}.gold.json", text),
                                                    encoding="utf-8")
            data = json.loads(record_json(record))
            data["source"]["path"] = f"{stem}.txt"
            lines.append(json.dumps(data, ensure_ascii=False))
        pred = out / f"{fmt}.jsonl"
        pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
        runs[fmt] = (pred, gold)
    for fmt, (pred, gold) in runs.items():
        result = subprocess.run([sys.executable, str(scorer), "--pred", str(pred), "--gold", str(gold), "--json"],
                                capture_output=True, text=True, check=True)
        figures[fmt] = json.loads(result.stdout)["summary"]
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="folder to write into (outside the repository)")
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--score", action="store_true", help="extract and score every format against the .txt")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if out == ROOT or ROOT in out.parents:
        ap.error("OUT must lie outside the repository")
    made = convert(args.dev, out)
    print(f"converted {len(made['pdf'])} letters into {out}/{{{','.join(FORMATS)}}}")
    if not args.score:
        return 0
    figures = score(args.dev, out, made)
    names = list(figures["txt"])
    print(f"{'figure':30}" + "".join(f"{fmt:>8}" for fmt in figures) + "   max |fmt - txt|")
    worst = 0.0
    for name in names:
        diff = max(abs(figures[fmt][name] - figures["txt"][name]) for fmt in figures)
        worst = max(worst, diff)
        print(f"{name:30}" + "".join(f"{figures[fmt][name]:8.3f}" for fmt in figures) + f"   {diff:.3f}")
    print(f"largest difference from .txt: {worst:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
