"""Plain text in every encoding a letter comes in; one GB character is not mistaken for UTF-8."""

from __future__ import annotations

import pytest

from extract.formats import read_letter
from extract.formats.base import LoadError
from extract.formats.txt import decode_text
from tests.conftest import load_cases


@pytest.mark.parametrize("case", load_cases("txt_encodings"))
def test_encoding(case):
    data = bytes.fromhex(case.get("bom", "")) + case["text"].encode(case["codec"])
    got = read_letter(data)
    assert got.format == "txt"
    assert got.text == case["text"]
    assert got.encoding == case["encoding"]


@pytest.mark.parametrize("data, type_", [
    (b"\x00\x01\x02\x03" * 100, "binary"),
    (bytes(range(256)) * 8, "binary"),
    (b"\xff\xfe\x41", "undecodable"),             # UTF-16 BOM, odd number of bytes (truncated)
    (b"\x81\x30\x81" * 3 + b"\x80\xff", "undecodable"),  # GB18030 cut inside four-byte sequences
])
def test_undecodable_bytes_are_a_decode_error(data, type_):
    with pytest.raises(LoadError) as exc:
        decode_text(data)
    assert (exc.value.stage, exc.value.type) == ("decode", type_)
    assert exc.value.hint
