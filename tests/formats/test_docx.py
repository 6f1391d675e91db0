"""Word .docx: body paragraphs and tables in reading order; headers, footers, deletions left out."""

from __future__ import annotations

import pytest

from extract.formats import read_letter
from extract.formats.base import LoadError
from tests.formats.builders import W_NS, document_xml, docx, p, tbl


def text_of(body: str, **kw) -> str:
    got = read_letter(docx(body, **kw))
    assert got.format == "docx"
    return got.text


def test_paragraphs_and_tables_in_reading_order_without_header_and_footer():
    body = (p("对区政协十五届二次会议第152086号提案的答复") + p("") + p("马凌委员：")
            + tbl([["项目", "数量"], ["5G室外基站", "2473个"]]) + p("下一步，我区将继续推进。"))
    text = text_of(body, header="上海市普陀区科学技术委员会文件", footer="第 1 页")
    assert text == ("对区政协十五届二次会议第152086号提案的答复\n\n马凌委员：\n\n"
                    "| 项目 | 数量 |\n| 5G室外基站 | 2473个 |\n\n下一步，我区将继续推进。")
    assert "文件" not in text and "第 1 页" not in text


def test_runs_breaks_and_tabs():
    body = ('<w:p><w:r><w:t>2022年8月</w:t></w:r><w:r><w:t>24日</w:t></w:r><w:r><w:br/></w:r>'
            '<w:r><w:t>联系人：</w:t><w:tab/><w:t>王某</w:t></w:r></w:p>')
    assert text_of(body) == "2022年8月24日\n联系人：\t王某"


def test_deleted_revisions_field_codes_and_paragraph_properties_are_skipped():
    body = ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
            '<w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>新增的字</w:t></w:r></w:ins>'
            '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>。</w:t></w:r></w:p>')
    assert text_of(body) == "新增的字。"


def test_content_controls_and_text_boxes_are_read_once():
    box = p("文本框里的标题")
    body = ("<w:sdt><w:sdtContent>" + p("控件里的段落") + "</w:sdtContent></w:sdt>"
            '<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            f"<w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r></w:p>")
    assert text_of(body) == "控件里的段落\n\n锚定段落\n\n文本框里的标题"


def test_a_one_column_layout_table_is_read_as_paragraphs():
    body = tbl([["马凌委员："], ["你们的提案收悉。"]])
    assert text_of(body) == "马凌委员：\n\n你们的提案收悉。"


def test_strict_ooxml_namespace():
    strict = document_xml(p("严格格式的段落")).replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert read_letter(docx(document=strict)).text == "严格格式的段落"


def test_utf16_document_part():
    part = document_xml(p("UTF-16 的部件")).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert read_letter(docx(document=part.encode("utf-16"))).text == "UTF-16 的部件"


def test_no_document_part_is_unsupported():
    from tests.formats.builders import zip_of

    with pytest.raises(LoadError) as exc:
        read_letter(zip_of([("word/other.xml", b"<x/>")]))
    assert exc.value.type == "unsupported_format"


def test_heading_styles_become_markdown_marks():
    styles = (f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="3">'
              '<w:name w:val="heading 3"/></w:style></w:styles>').encode()
    body = ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>答复时间</w:t></w:r></w:p>' + p("2025-07-31")
            + '<w:p><w:pPr><w:pStyle w:val="3"/></w:pPr><w:r><w:t>答复内容</w:t></w:r></w:p>')
    got = read_letter(docx(body, extra=[("word/styles.xml", styles)]))
    assert got.text == "## 答复时间\n\n2025-07-31\n\n### 答复内容"
