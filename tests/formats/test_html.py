"""Saved web pages: the letter's content in the declared charset; the page around it dropped."""

from __future__ import annotations

import pytest

from extract.formats import read_letter
from extract.formats.base import LoadError

PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>某区人民政府网站</title><script>var share = "分享到";</script><style>p {{color: red}}</style></head>
<body><div class="header"><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gk">政务公开</a></div>
<table class="xxgk"><tr><td>索引号：</td><td>11341703/2023-00038</td><td>文号：</td><td>普科委〔2023〕15号</td></tr>
<tr><td>成文日期：</td><td>2023-05-05</td><td>发布日期：</td><td>2023-05-08</td></tr></table>
<div class="main"><div class="article"><div id="zoom">
<p>对区政协十五届二次会议第152086号提案的答复</p>
<p>马凌委员：</p>
<p>你们提出的关于“数字化转型”的
提案收悉。朱镕基同志也曾关注此事。现答复如下：</p>
<p>下一步，我区将继续推进。<br>同时配合市级部门。</p>
<p>【字体：大 中 小】 【打印】 【关闭】</p>
</div></div><div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div></div>
<div class="footer"><p>主办：某区人民政府办公室 版权所有 京ICP备05070218号</p></div></body></html>"""

LETTER = ("对区政协十五届二次会议第152086号提案的答复\n\n马凌委员：\n\n"
          "你们提出的关于“数字化转型”的提案收悉。朱镕基同志也曾关注此事。现答复如下：\n\n"
          "下一步，我区将继续推进。\n同时配合市级部门。")
METADATA = ("| 索引号： | 11341703/2023-00038 | 文号： | 普科委〔2023〕15号 |\n"
            "| 成文日期： | 2023-05-05 | 发布日期： | 2023-05-08 |")


@pytest.mark.parametrize("charset, codec, encoding", [
    ("gb2312", "gb18030", "gb18030"),   # 镕 is not in GB2312: sites declare gb2312 and write GBK
    ("GBK", "gbk", "gb18030"),
    ("utf-8", "utf-8", "utf-8"),
])
def test_content_kept_page_dropped_charset_honoured(charset, codec, encoding):
    got = read_letter(PAGE.format(charset=charset).encode(codec))
    assert got.format == "html" and got.encoding == encoding
    assert got.text == METADATA + "\n\n" + LETTER


def test_a_metadata_table_without_number_or_date_is_dropped():
    page = PAGE.replace("文号：", "分类：").replace("成文日期：", "主题：").replace("发布日期：", "来源：")
    assert read_letter(page.format(charset="utf-8").encode()).text == LETTER


def test_html5_charset_and_nav_footer_elements():
    page = ('<html><head><meta charset="gbk"></head><body><nav>首页 政务公开</nav><article>'
            "<p>王某代表：</p><p>您的建议收悉。</p></article><footer>网站地图</footer></body></html>")
    got = read_letter(page.encode("gbk"))
    assert got.text == "王某代表：\n\n您的建议收悉。" and got.encoding == "gb18030"


def test_a_wrong_declaration_falls_back_to_detection():
    page = '<html><head><meta charset="utf-8"></head><body><p>王某代表：您的建议收悉。</p></body></html>'
    got = read_letter(page.encode("gb18030"))
    assert got.text == "王某代表：您的建议收悉。" and got.encoding == "gb18030"


def test_entities_are_never_expanded_from_a_doctype():
    page = ('<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "AAAAAAAAAA">]>'
            "<html><body><p>王某代表：&x;&a;&a;</p><p>您的建议收悉。</p></body></html>")
    text = read_letter(page.encode()).text
    assert "root:" not in text and "AAAA" not in text and "您的建议收悉。" in text


def test_a_page_without_text_is_an_error():
    with pytest.raises(LoadError) as exc:
        read_letter(b"<html><body><script>x()</script><nav><a>home</a></nav></body></html>")
    assert exc.value.type == "no_text"


def test_headings_and_list_items_keep_light_markdown_marks():
    page = ("<html><body><div class='content'><ul><li>索引号：123</li><li>发布机构：某局</li></ul>"
            "<h4>答复时间</h4><p>2025-07-31</p><h4>答复内容</h4><p>王某代表：您的建议收悉。</p></div></body></html>")
    assert read_letter(page.encode()).text == ("- 索引号：123\n\n- 发布机构：某局\n\n#### 答复时间\n\n2025-07-31\n\n"
                                               "#### 答复内容\n\n王某代表：您的建议收悉。")
