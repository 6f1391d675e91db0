"""Hostile and broken files: each ends as an error record (or a harmless normal one) within the
per-letter limits, and the batch around them goes on. The matrix is tests/cases/hostile.yaml."""

from __future__ import annotations

import gzip
import random
import zlib
from pathlib import Path

import pytest

from extract.batch import Limits, extract_paths
from extract.formats import MAX_TEXT_CHARS
from tests.conftest import load_cases
from tests.formats.builders import document_xml, docx, p, patch_sizes, pdf, zip_of

LETTER = ("马凌委员：\n\n你们提出的关于“数字化转型”的提案收悉。下一步，我区将继续推进。\n\n"
          "某区科学技术委员会\n\n2023年5月5日\n")
# Nine levels of ten references each: 10**9 copies of "lol" if anything expanded them.
LAUGHS = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
LIMITS = Limits(seconds=20, memory_mb=512)


def _raw_pdf(content: bytes) -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


class Build:
    """One builder per case: the bytes of the file (or None when it writes the file itself)."""

    @staticmethod
    def docx_declared_huge(path: Path) -> bytes:
        return patch_sizes(docx(p("正文")), "word/document.xml", declared=3 * 1024 ** 3)

    @staticmethod
    def docx_ratio_bomb(path: Path) -> bytes:
        return docx(document=document_xml(p("正文") + "<w:p/>" * 3_000_000))

    @staticmethod
    def docx_lying_sizes(path: Path) -> bytes:
        return patch_sizes(docx(p("正文" * 2000)), "word/document.xml", declared=100, local_too=True)

    @staticmethod
    def docx_many_members(path: Path) -> bytes:
        return zip_of([(f"word/media/{i}.xml", b"") for i in range(70_000)])

    @staticmethod
    def docx_billion_laughs(path: Path) -> bytes:
        return docx(document=document_xml(p("&a9;").replace("&amp;", "&"), prolog=f"<!DOCTYPE w [{LAUGHS}]>"))

    @staticmethod
    def docx_xxe(path: Path) -> bytes:
        prolog = '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        return docx(document=document_xml(p("&x;").replace("&amp;", "&"), prolog=prolog))

    @staticmethod
    def docx_truncated(path: Path) -> bytes:
        data = docx(p("正文" * 500))
        return data[: len(data) // 2]

    @staticmethod
    def docx_malformed(path: Path) -> bytes:
        return docx(document=b"<w:document><w:body><w:p>")

    @staticmethod
    def docx_encrypted_flag(path: Path) -> bytes:
        data = bytearray(docx(p("正文")))
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            data[at + 8] |= 1  # general purpose flag: encrypted
            at = data.find(b"PK\x01\x02", at + 4)
        return bytes(data)

    @staticmethod
    def docx_deep_nesting(path: Path) -> bytes:
        return docx(document=document_xml("<w:sdt><w:sdtContent>" * 5000 + p("x") + "</w:sdtContent></w:sdt>" * 5000))

    @staticmethod
    def pdf_bomb(path: Path) -> bytes:
        return _raw_pdf(zlib.compress(b" " * (1 << 30), 9))  # 1 GiB of spaces in ~1 MB

    @staticmethod
    def pdf_deep_arrays(path: Path) -> bytes:
        return _raw_pdf(zlib.compress(b"[" * 200_000 + b"]" * 200_000))

    @staticmethod
    def pdf_truncated(path: Path) -> bytes:
        return pdf([[(72, 760, "马凌委员：")]])[:200]

    @staticmethod
    def pdf_empty_page(path: Path) -> bytes:
        return pdf([[]])

    @staticmethod
    def html_entities(path: Path) -> bytes:
        return f"<!DOCTYPE html [{LAUGHS}]><html><body><p>&a9;</p><p>{LETTER}</p></body></html>".encode()

    @staticmethod
    def html_xxe(path: Path) -> bytes:
        return ('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                f"<html><body><p>&x;</p><p>{LETTER}</p></body></html>").encode()

    @staticmethod
    def html_deep_nesting(path: Path) -> bytes:
        return ("<html><body>" + "<div>" * 100_000 + f"<p>{LETTER}</p>" + "</div>" * 100_000).encode()

    @staticmethod
    def txt_huge(path: Path) -> None:
        with open(path, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them

    @staticmethod
    def txt_too_many_chars(path: Path) -> bytes:
        return ("答" * (MAX_TEXT_CHARS + 1)).encode("utf-8")

    @staticmethod
    def empty(path: Path) -> bytes:
        return b""

    @staticmethod
    def blank(path: Path) -> bytes:
        return b" \r\n\t\n"

    @staticmethod
    def junk(path: Path) -> bytes:
        return random.Random(5).randbytes(4096)

    @staticmethod
    def utf16_truncated(path: Path) -> bytes:
        return LETTER.encode("utf-16")[:-1]

    @staticmethod
    def gb_truncated(path: Path) -> bytes:
        return LETTER.encode("gb18030") + b"\x81\x30\x81"

    @staticmethod
    def png(path: Path) -> bytes:
        return b"\x89PNG\r\n\x1a\n" + bytes(200)

    @staticmethod
    def ofd(path: Path) -> bytes:
        return zip_of([("OFD.xml", b"<ofd:OFD/>"), ("Doc_0/Document.xml", b"<x/>")])

    @staticmethod
    def gzip_archive(path: Path) -> bytes:
        return gzip.compress(LETTER.encode(), mtime=0)

    @staticmethod
    def xls(path: Path) -> bytes:
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")

    @staticmethod
    def regex_long_line(path: Path) -> bytes:
        return (LETTER + "关于" * 200_000 + "提案").encode()

    @staticmethod
    def regex_markers(path: Path) -> bytes:
        return (LETTER + "一是下一步将力争到2025年底前计划" * 20_000).encode()

    @staticmethod
    def regex_brackets(path: Path) -> bytes:
        return (LETTER + "（" * 50_000 + "《" * 50_000 + "“" * 50_000 + "第" * 50_000).encode()

    @staticmethod
    def regex_digits(path: Path) -> bytes:
        return (LETTER + "1" * 100_000 + "年" + "〇一二三" * 30_000 + "万亿元%" * 10_000).encode()


CASES = load_cases("hostile")


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Every hostile file, with a good letter between each two, through one batch."""
    folder = tmp_path_factory.mktemp("hostile")
    inputs = []
    for n, param in enumerate(CASES):
        case = param.values[0]
        path = folder / f"{n:02d}-{case['id']}.txt"
        data = getattr(Build, case["build"])(path)
        if data is not None:
            path.write_bytes(data)
        good = folder / f"{n:02d}-good.txt"
        good.write_text(LETTER, encoding="utf-8")
        inputs += [str(path), str(good)]
    records = list(extract_paths(inputs, jobs=2, limits=LIMITS))
    return {"inputs": inputs, "records": records}


def test_every_input_has_its_record_in_order_and_the_good_letters_are_read(outcome):
    records, inputs = outcome["records"], outcome["inputs"]
    assert [r.source.path for r in records] == inputs
    assert all(r.status == "ok" for r in records[1::2])


@pytest.mark.parametrize("case", CASES)
def test_case(case, outcome):
    index = next(i for i, p in enumerate(outcome["inputs"]) if p.endswith(f"-{case['id']}.txt"))
    record = outcome["records"][index]
    if case.get("ok"):
        assert record.status == "ok", record.error
        text = record.model_dump_json()
        assert "root:" not in text and "lollol" not in text
        return
    if record.status == "ok" and case.get("ok_allowed"):
        return  # read within the time limit: nothing to stop
    assert record.status == "error"
    assert record.error.stage in case["stage"] and record.error.type in case["type"], record.error
    assert record.error.message and record.error.hint
