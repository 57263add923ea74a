"""Issue 12, case 7: standard-input JSON Lines are read a line at a time under the
size cap; an endless line is refused (NG103) without being held, the next lines read."""

from __future__ import annotations

import io
import json
import sys
import types

from newsgraph.errors import Code
from newsgraph.inputs.raw import RawDoc
from newsgraph.inputs.readers import capped_lines, read_jsonl_stream
from newsgraph.inputs.sources import InputRef, read_input
from newsgraph.records import Rejected
from newsgraph.settings import Settings


class Spy(io.BytesIO):
    """A stream that remembers the largest read it answered."""

    largest = 0

    def readline(self, size=-1):
        line = super().readline(size)
        Spy.largest = max(Spy.largest, len(line))
        return line

    def __next__(self):
        line = super().__next__()
        Spy.largest = max(Spy.largest, len(line))
        return line


def test_a_line_over_the_cap_is_refused_unread_and_the_rest_read(monkeypatch):
    good = json.dumps({"text": "The minister said the talks would resume next week."})
    huge = json.dumps({"text": "a" * 3_000_000})
    data = (good + "\n" + huge + "\n" + good.replace("next", "this") + "\n").encode()
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=Spy(data)))
    items = list(read_input(InputRef("stdin", "-"), Settings(max_bytes=100_000)))
    assert [type(i) for i in items] == [RawDoc, Rejected, RawDoc]
    assert items[1].code == Code.TOO_LARGE.value and items[1].source == "-:2"
    assert Spy.largest <= 1 << 20  # never more than a block of the long line at once


def test_capped_lines():
    data = io.BytesIO(b"ab\n" + b"x" * 25 + b"\ncd\n" + b"y" * 30)
    assert list(capped_lines(data, 10)) == [b"ab\n", None, b"cd\n", None]
    assert list(capped_lines(io.BytesIO(b"0123456789\n0123456789"), 10)) == [
        b"0123456789\n",
        b"0123456789",
    ]


def test_a_long_line_is_not_held_while_its_record_is_processed():
    import tracemalloc

    text = "The talks resume next week, the minister said. " * 40_000  # ~1.9 MB
    stream = io.BytesIO(json.dumps({"text": text}).encode() + b"\n")
    del text
    tracemalloc.start()
    try:
        records = read_jsonl_stream(stream, "-", Settings())
        doc = next(records)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert isinstance(doc, RawDoc) and len(doc.body) > 1_800_000
    # the record's text only: not also the line's bytes and its decoded JSON (3 copies)
    assert held < 1.5 * len(doc.body), f"{held:,} bytes held for a {len(doc.body):,}-byte text"
