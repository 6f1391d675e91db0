import pytest

from extract.document import Document


def test_identity_maps_each_character_to_itself():
    doc = Document.identity("答复函")
    assert doc.to_source(0, 3) == (0, 3)
    assert doc.to_source(1, 1) == (1, 1)


def test_spans_outside_the_text_are_refused():
    doc = Document.identity("答复")
    with pytest.raises(ValueError):
        doc.to_source(1, 5)
    with pytest.raises(ValueError):
        doc.to_source(2, 1)


def test_deleted_characters_stay_inside_a_span():
    doc = Document(source="a\n\nb", text="ab", offsets=[0, 3, 4])
    assert doc.to_source(0, 2) == (0, 4)
    assert doc.source_slice(1, 2) == "b"
