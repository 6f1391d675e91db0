"""Adversarial text: long runs of the very things the patterns look for still give a valid record.

No timings are asserted; a pattern that backtracks badly makes this module crawl, which is the
signal to look (scripts/bench.py measures speed).
"""

import pytest

from extract import extract_text
from tests.spans import iter_spans

N = 20_000
INPUTS = {
    "one-long-han-line": "和" * N,
    "colons": "张三：" * (N // 3),
    "open-quotes": "您提出的“" * (N // 5),
    "numbers": "第1号" * (N // 3),
    "dates-on-lines": "2023年5月5日\n" * (N // 10),
    "brackets": "〔2023〕" * (N // 6),
    "labels": "索引号：" * (N // 4),
    "phone-labels": "电话：" * (N // 3),
    "contact-labels": "联系人：" * (N // 4),
    "broken-prose": ("这是一个很长的句子，没有结束" * 3 + "\n\n") * (N // 45),
    "organisation-list": "市政协联络委员会、" * (N // 9) + "：",
    "titles": "关于某某的答复\n" * (N // 8),
    "headings": "一、" * (N // 2),
    "attachment-lines": "附件：\n1." * (N // 6),
    "salutation-without-colon-end": "尊敬的" + "张" * N + "委员：",
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_adversarial_text_gives_a_valid_record(name):
    text = INPUTS[name]
    record = extract_text(text)
    assert record.status == "ok", record.error
    for path, item in iter_spans(record.model_dump(mode="json")):
        assert 0 <= item["start"] <= item["end"] <= len(text), path
