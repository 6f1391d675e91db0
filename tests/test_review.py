"""The review helpers put every piece of evidence on a spaCy Doc and into displaCy markup."""

from extract import extract_text
from extract.review import SPAN_KEY, evidence, render_html, to_spacy_doc

TEXT = ("对区政协十五届二次会议第152086号提案的答复\n\n马凌、宋聚宗委员：\n\n你们提出的关于“数字化转型”的提案收悉。\n\n"
        "上海市普陀区科学技术委员会\n\n2023年5月5日\n\n联系人：施浥淳\n")


def test_every_evidence_span_lands_on_the_doc_with_its_text():
    record = extract_text(TEXT)
    doc = to_spacy_doc(record, TEXT)
    spans = doc.spans[SPAN_KEY]
    assert len(spans) == len(evidence(record))
    for span, (start, end, label) in zip(spans, evidence(record), strict=True):
        assert (span.start_char, span.end_char, span.label_) == (start, end, label)
    labels = {s.label_ for s in spans}
    assert {"title", "addressee", "date", "issuer", "contact", "reference"} <= labels


def test_html_highlights_the_values():
    html = render_html(extract_text(TEXT), TEXT)
    assert "<html" in html.lower()
    assert "ADDRESSEE" in html and "马凌" in html and "DATE" in html
