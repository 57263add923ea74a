"""The fuzzing seed corpus, replayed through every parser on every test run.

``tests/fuzz_corpus/`` holds small inputs named for what they test: crashes the fuzzer
found (minimised, now fixed) and hand-made worst cases. Each goes through every target
of ``fuzz/fuzz_targets.py``; only ``IngestError`` (or ``Rejected`` records) may come out.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.fetch import check_public
from newsgraph.inputs.sources import read_bytes
from newsgraph.inputs.warc import iter_warc
from newsgraph.records import Rejected
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz_corpus"
sys.path.insert(0, str(ROOT / "fuzz"))
from fuzz_targets import TARGETS, call_target  # noqa: E402

SEEDS = sorted(CORPUS.iterdir())


def test_corpus_is_there_and_small() -> None:
    assert len(SEEDS) >= 20
    assert all(p.stat().st_size <= 20_000 for p in SEEDS)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_through_every_parser(seed: Path) -> None:
    data = seed.read_bytes()
    for target in TARGETS.values():
        call_target(target.run, data)  # anything but IngestError fails the test


def read_all(name: str) -> list[object]:
    data = (CORPUS / name).read_bytes()
    try:
        return list(read_bytes(data, name, name, Settings()))
    except IngestError as exc:
        return [exc]


def codes(items: list[object]) -> set[str]:
    found = {x.code for x in items if isinstance(x, Rejected)}
    return found | {x.code.value for x in items if isinstance(x, IngestError)}


@pytest.mark.parametrize(
    "name",
    [
        "json-nested-past-recursion-limit.json",
        "jsonl-nested-past-recursion-limit.jsonl",
        "jsonl-integer-past-digit-limit.jsonl",
    ],
)
def test_json_beyond_python_limits_is_rejected_as_bad_json(name: str) -> None:
    """Found by fuzzing: RecursionError and ValueError escaped from json.loads."""
    assert codes(read_all(name)) == {Code.BAD_JSON.value}


def test_warc_response_without_target_uri_is_rejected() -> None:
    """Found by fuzzing: warcio raised AttributeError on a response with no target URI."""
    for name in (
        "warc-response-without-target-uri.warc",
        "warc-response-without-target-uri-full.warc",
    ):
        data = (CORPUS / name).read_bytes()
        items = list(iter_warc(io.BytesIO(data), name))
        assert [x.code for x in items if isinstance(x, Rejected)] == [Code.BAD_WARC.value]


def test_a_good_record_before_the_damage_is_still_read() -> None:
    items = read_all("warc-garbage-after-record.warc")
    assert sum(not isinstance(x, (Rejected, IngestError)) for x in items) == 1
    assert codes(items) == {Code.BAD_WARC.value}


def test_warc_content_length_past_int64_is_rejected() -> None:
    """Found by atheris: warcio raised OverflowError on a 26-digit Content-Length."""
    data = (CORPUS / "warc-content-length-past-int64.warc").read_bytes()
    items = list(iter_warc(io.BytesIO(data), "big.warc"))
    assert [x.code for x in items if isinstance(x, Rejected)] == [Code.BAD_WARC.value]


@pytest.mark.parametrize("url", ["https://]]x.test/", "https://x.test:99999/a", "http://[::1/"])
def test_unparseable_urls_fail_to_fetch_with_a_code(url: str) -> None:
    """Found by atheris: urlsplit's ValueError escaped check_public from a feed's link."""
    with pytest.raises(IngestError) as err:
        check_public(url, allow_private=False)
    assert err.value.code is Code.FETCH_FAILED


@pytest.mark.parametrize("name", ["feed-link-invalid-ipv6.rss", "feed-link-port-out-of-range.rss"])
def test_feed_entry_with_an_unparseable_link_is_rejected(name: str) -> None:
    data = (CORPUS / name).read_bytes()  # the link fails before any network access
    items = list(read_bytes(data, name, name, Settings(fetch_feed_pages=True)))
    assert [x.code for x in items if isinstance(x, Rejected)] == [Code.FETCH_FAILED.value]
