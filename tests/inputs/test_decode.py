"""Encoding detection and refusal of binaries, NULs and corrupt data."""

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import decode_bytes, gunzip, sniff_binary

RU = "Президент России Владимир Путин встретился с Марин Ле Пен в Кремле. Он сказал, что Россия не вмешивается."
FR = "Le président français a déclaré à Moscou que la coopération était très importante, dit-il « très »."
DE = "Grüße aus Köln: Die Bundesregierung äußerte sich am Montag über die Lage."
PL = "Zażółć gęślą jaźń, powiedział minister w Warszawie."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU, "cp1251"),
        (RU, "koi8-r"),
        (FR, "latin-1"),
        (FR, "cp1252"),
        (DE, "latin-1"),
        (PL, "cp1250"),
        (FR, "utf-16"),
        (RU, "utf-16"),
        (FR, "utf-16-le"),
        (RU, "utf-16-be"),
        (RU, "utf-8-sig"),
        (FR, "utf-8"),
        (RU, "utf-32"),
    ],
)
def test_encodings_read_right(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", Code.EMPTY),
        (b"  \n\t ", Code.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Code.BINARY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", Code.BINARY),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(64), Code.BINARY),
        (b"Some text \x00\x00 with NUL bytes in the middle of it", Code.BAD_ENCODING),
        ("Café ok".encode() + b"\xff\xfe then invalid UTF-8", Code.BAD_ENCODING),
        (b"Hello \xff\xfe\xfd world", Code.BAD_ENCODING),
    ],
)
def test_bad_bytes_are_refused_with_their_code(data, code):
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert info.value.code is code


def test_declared_charset_wins_when_it_decodes():
    assert decode_bytes(RU.encode("cp1251"), declared="windows-1251") == RU


def test_sniff_binary_names_the_format():
    assert sniff_binary(b"GIF89a....") == "GIF image"
    assert sniff_binary(b"plain text") is None


def test_gunzip_refuses_truncated_and_oversized():
    data = gzip.compress(b"x" * 10_000)
    assert gunzip(data, max_bytes=20_000) == b"x" * 10_000
    with pytest.raises(IngestError) as info:
        gunzip(data[: len(data) // 2], max_bytes=20_000)
    assert info.value.code is Code.BAD_COMPRESSION
    with pytest.raises(IngestError) as info:
        gunzip(data, max_bytes=1_000)
    assert info.value.code is Code.TOO_LARGE


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_a_coded_error(data):
    try:
        text = decode_bytes(data)
    except IngestError as exc:
        assert exc.code.value.startswith("NG1")
    else:
        assert isinstance(text, str) and "\x00" not in text
