"""Issue 12, case 5: short ASCII is never taken for BOM-less UTF-16."""

import json
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.inputs.decode import decode_bytes
from newsgraph.inputs.readers import read_jsonl
from newsgraph.records import Rejected
from newsgraph.settings import Settings

PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "


def test_short_json_line_is_ascii():
    assert decode_bytes(b'{"text":"10"}\n') == '{"text":"10"}\n'


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=PRINTABLE, min_size=1, max_size=64).filter(str.strip))
def test_printable_ascii_decodes_to_itself(text):
    assert decode_bytes(text.encode("ascii")) == text
    assert decode_bytes((text + "\n").encode("ascii")) == text + "\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="éèàçüöäßñ" + string.ascii_letters + " ", min_size=2, max_size=40))
def test_short_utf8_latin_is_not_utf16(text):
    if text.strip():
        assert decode_bytes(text.encode("utf-8")) == text


def test_utf16_without_bom_still_detected():
    text = "Le président a déclaré à Moscou."
    assert decode_bytes(text.encode("utf-16-le")) == text
    assert decode_bytes(text.encode("utf-16-be")) == text


def test_jsonl_of_many_small_records_rejects_no_valid_line():
    # every length from 1 to 6 digits, with and without spaces: the line lengths that
    # used to hit the UTF-16 guess (even sizes of 4-19 bytes) and the others
    lines = []
    for n in range(20_000):
        value = str(n * 7919 % 10**6)
        lines.append(json.dumps({"text": value}, separators=(",", ":")))
        lines.append(json.dumps({"id": f"r{n}", "text": value}))
    data = ("\n".join(lines) + "\n").encode("ascii")
    items = list(read_jsonl(data, "small.jsonl", Settings()))
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert not rejected, rejected[:3]
    assert len(items) == len(lines)
