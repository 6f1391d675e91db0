"""PDF: running heads and page numbers removed, lines and pages joined without invented spaces."""

from __future__ import annotations

import pytest

from extract.formats import read_letter
from extract.formats.base import LoadError
from tests.formats.builders import flow, pdf

pytest.importorskip("reportlab")

LONG = ("普陀区从数字生态、数字产业、数字应用和数字底座入手，深化品牌建设。编制建设方案，推进城市规划、数字规划、"
        "产业规划的协调统一。2022年8月24日，“海纳小镇”正式获得市级数字化转型示范区挂牌。开展数字化转型课题研究，"
        "会同国家信息中心构建完成并发布全国首个地市级数字化转型指数。")


def test_wrapped_lines_and_page_breaks_join_without_spaces():
    paragraphs = ["马凌委员：", LONG, "下一步，我区将继续推进。"]
    got = read_letter(pdf(flow(paragraphs, lines_per_page=2, header="普陀区科学技术委员会")))
    assert got.format == "pdf"
    assert got.text == "\n\n".join(paragraphs)


def _cut_after_24() -> str:
    """A paragraph whose third line (the last of page 1) ends with 2022年8月24 and the next page starts with 日."""
    filler = "推进城市规划、数字规划、产业规划的协调统一，深化品牌建设。" * 6
    for n in range(len(filler)):
        para = filler[:n] + "2022年8月24日，“海纳小镇”正式获得市级数字化转型示范区挂牌。"
        if flow([para], lines_per_page=3)[0][-2][2].endswith("24"):
            return para
    raise AssertionError("no layout cuts the date at the page end")


def test_a_date_cut_by_a_page_break_is_joined():
    para = _cut_after_24()
    text = read_letter(pdf(flow([para], lines_per_page=3, header="某区科学技术委员会"))).text
    assert text == para


def test_running_header_footer_and_page_numbers_are_removed():
    pages = [[(72, 800, "某市民政局文件"), (72, 740, f"第{i}部分的正文。"), (72, 718, "接着写的一行。"),
              (250, 40, f"第 {i} 页 共 3 页")] for i in (1, 2, 3)]
    text = read_letter(pdf(pages)).text
    assert "某市民政局文件" not in text and "页" not in text
    assert text == "\n\n".join(f"第{i}部分的正文。\n\n接着写的一行。" for i in (1, 2, 3))


def test_a_body_line_that_repeats_is_kept_when_it_is_not_set_apart():
    pages = [[(72, 740, "此致"), (72, 718, "敬礼。")] for _ in range(3)]
    assert read_letter(pdf(pages)).text.count("此致") == 3


def test_a_lone_page_number_on_a_single_page_is_removed():
    text = read_letter(pdf([[(72, 760, "马凌委员："), (72, 740, "你们的提案收悉。"), (290, 40, "— 1 —")]])).text
    assert text == "马凌委员：\n\n你们的提案收悉。"


def test_latin_words_cut_by_a_line_break_get_a_space():
    pages = [[(72, 760, "Improving the public service"), (72, 740, "hotline 平台建设。")]]
    text = read_letter(pdf(pages)).text
    assert "service hotline" in text or "service\n\nhotline" in text


def test_a_pdf_without_text_is_an_error():
    with pytest.raises(LoadError) as exc:
        read_letter(pdf([[]]))
    assert (exc.value.stage, exc.value.type) == ("decode", "no_text")
    assert "OCR" in exc.value.hint


def test_a_password_protected_pdf_is_named():
    with pytest.raises(LoadError) as exc:
        read_letter(pdf([[(72, 760, "保密")]], encrypt="secret"))
    assert exc.value.type == "encrypted"


def test_a_line_in_larger_type_is_a_heading_and_a_small_running_head_goes():
    pages = [[(72, 800, "某市民政局 网站打印件")], [(72, 740, "答复时间")], [(72, 710, "2025年7月31日，现答复如下。")]]
    sizes = [8.0, 16.0, 12.0]
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=True)
    for (line,), size in zip(pages, sizes, strict=True):
        c.setFont("STSong-Light", size)
        c.drawString(*line)
    c.save()
    assert read_letter(out.getvalue()).text == "## 答复时间\n\n2025年7月31日，现答复如下。"
