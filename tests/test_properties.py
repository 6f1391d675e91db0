"""Any text gives a valid record whose every span lies inside the source."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.normalize import normalize
from tests.spans import iter_spans

GENRE = list("委员代表答复函提案建议收悉关于第号届次会议年月日一二三四五六七八九十〇零两百千万亿余多约近"
             "：:，。、；（）()〔〕[]【】《》“”\"*#|-—_ 　\n\r\t0123456789０１２３ABCG%％.联系人电话邮政编码文件局委厅")
letters = st.text(alphabet=st.sampled_from(GENRE) | st.characters(), max_size=400)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters)
def test_any_text_gives_a_valid_record_with_spans_in_bounds(text):
    record = extract_text(text)
    assert record.status == "ok", record.error
    type(record).model_validate(record.model_dump(mode="json"))
    for path, item in iter_spans(record.model_dump(mode="json")):
        assert 0 <= item["start"] <= item["end"] <= len(text), path


@settings(max_examples=300, deadline=None)
@given(letters)
def test_normalised_offsets_map_back_monotonically(text):
    doc = normalize(text)
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets[-1] == len(text)
    assert all(a < b for a, b in zip(doc.offsets[:-1], doc.offsets[1:], strict=True))
    for i, ch in enumerate(doc.text):
        src = text[doc.offsets[i]]
        assert ch == src or ch in " \n.%" or ch.isascii()


@settings(max_examples=100, deadline=None)
@given(letters)
def test_same_input_same_bytes(text):
    assert extract_text(text).model_dump_json() == extract_text(text).model_dump_json()
