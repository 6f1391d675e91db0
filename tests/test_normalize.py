"""Normalisation repairs page debris and keeps the way back to every source character."""

import pytest

from extract.normalize import normalize

LONG = "普陀区从数字生态、数字产业、数字应用和数字底座入手，深化品牌建设，打造特色亮点。"


@pytest.mark.parametrize("source, text", [
    # a date broken by a page break inside a paragraph
    (LONG + "2022年8月24\n\n日，示范区挂牌。", LONG + "2022年8月24日，示范区挂牌。"),
    # a word broken by a soft wrap
    (LONG + "把治理数字化\n\n转型赋能传导到基层。", LONG + "把治理数字化转型赋能传导到基层。"),
    # page furniture lines disappear, the line break stays
    ("第一段。\n— 3 —\n第二段。", "第一段。\n\n第二段。"),
    ("第一段。\n- 12 -\n第二段。", "第一段。\n\n第二段。"),
    ("正文。\n(此页无正文)", "正文。\n"),
    ("正文。\n第 2 页 共 5 页\n下文。", "正文。\n\n下文。"),
    # markdown residue
    ("**二是突出政策引领。**聚焦产业。", "二是突出政策引领。聚焦产业。"),
    ("字体：\\[大中小\\]", "字体：[大中小]"),
    # full-width digits, letters and odd spaces become ASCII, one for one
    ("２０２３年增长１２．５％，ＡＢ类", "2023年增长12.5%，AB类"),
    ("国务院办公厅\u00a0\u00a0\n\u3000\u3000（本文有删减）", "国务院办公厅  \n  （本文有删减）"),
    # Windows line endings
    ("第一行。\r\n第二行。", "第一行。\n第二行。"),
])
def test_normalize(source, text):
    assert normalize(source).text == text


@pytest.mark.parametrize("source", [
    "国务院办公厅对全国政协十届四次会议\n\n第4626号提案的答复",  # a two-line title is not prose
    "重庆市能源局关于市政协六届一次会议第0190号提案的复函\n\n何建伟委员：",  # title, then salutation
    LONG[:-1] + "\n\n一、基本情况",  # a heading starts a new block
    LONG[:-1] + "，联系电话：010-68555030\n国家能源局 2017年7月12日",  # signature and date line
    "一、关于健全地区性充电基础设施专项规划有关建议的办理情况和下一步工作\n\n国家能源局持续推进。",
])
def test_lines_that_are_not_broken_stay_apart(source):
    assert "\n" in normalize(source).text


def test_offsets_point_back_to_the_source():
    source = LONG + "2022年8月24\r\n\r\n日，**挂牌**。"
    doc = normalize(source)
    start = doc.text.index("2022")
    end = doc.text.index("日，") + 1
    s, e = doc.to_source(start, end)
    assert source[s:e] == "2022年8月24\r\n\r\n日"
    assert doc.source_slice(doc.text.index("挂牌"), doc.text.index("挂牌") + 2) == "挂牌"
