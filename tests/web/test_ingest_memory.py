"""Issue 12: the ingestion endpoints hold no copy of what they were sent while the
pipeline runs (a 5,000,000-character text through ``POST /api/ingest/text`` peaked over
500 MB because the request's bytes and parsed JSON stayed alive beside the pipeline's
own copies; the peak itself is measured by ``bench/long_text.py --via api``).

The body goes to the app in 64 KiB blocks made on the fly, so no whole copy exists on
the sending side; when the pipeline is called (replaced here by a probe, so no NLP
runs), no object the garbage collector knows of, nor any live frame, may hold a string
or bytes as long as a quarter of the body.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from asgi import asgi_request
from newsgraph.store.db import Store
from newsgraph.web import create_app
from newsgraph.web import ingest as web_ingest

LOCAL = "http://127.0.0.1:8000"
TOKEN = {"Authorization": "Bearer s3cret"}
BLOCK = 1 << 16
UNIT = "Le ministre a dit lundi que les négociations reprendraient. "  # not ASCII
SIZE = 2_000_000  # characters of text
BOUNDARY = "newsgraphtestboundary"


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "m.db")
    Store.open(path).close()
    return path


def long_text_blocks() -> Iterator[bytes]:
    """The UTF-8 of ``SIZE`` characters of ``UNIT`` repeated, in blocks of about 64 KiB."""
    per_block = BLOCK // len(UNIT.encode())
    made = 0
    while made < SIZE:
        n = min(per_block * len(UNIT), SIZE - made)
        yield (UNIT * (n // len(UNIT) + 1))[:n].encode()
        made += n


def json_body() -> Iterator[bytes]:
    yield b'{"title": "Long", "outlet": "Le Monde", "text": "'
    yield from long_text_blocks()
    yield b'"}'


def multipart_body() -> Iterator[bytes]:
    yield (
        f"--{BOUNDARY}\r\n"
        'Content-Disposition: form-data; name="file"; filename="long.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    yield from long_text_blocks()
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def _body_copy(value: object, limit: int) -> bool:
    """Whether ``value`` is a str or bytes of ``limit`` or more holding the body's text
    (other long strings, such as a compiled pattern's source, are not the body)."""
    if isinstance(value, str):
        return len(value) >= limit and UNIT in value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return len(value) >= limit and UNIT.encode() in bytes(value[: 4 * BLOCK])
    return False


def held_copies(limit: int) -> list[str]:
    """What holds a copy of the body ``limit`` or more long: objects the collector tracks
    (dicts, requests, coroutines and their locals) and the frames of every thread."""
    found = []
    for obj in gc.get_objects():
        for ref in gc.get_referents(obj):
            if _body_copy(ref, limit):
                found.append(type(obj).__name__)
    for frame in sys._current_frames().values():
        while frame is not None:
            for name, value in frame.f_locals.items():
                if _body_copy(value, limit):
                    found.append(f"{frame.f_code.co_name}:{name}")
            frame = frame.f_back
    return found


def probe(seen: dict[str, Any]):
    """A stand-in for ``ingest_inputs``: notes what is held, reads the input file."""

    def ingest_inputs(store: Store, inputs: list[str], settings: Any) -> dict[str, Any]:
        seen["held"] = held_copies(SIZE // 4)
        seen["path"] = Path(inputs[0])
        seen["data"] = Path(inputs[0]).read_bytes()
        return {"run_id": 1, "added": 1, "duplicates": 0, "rejected": 0,
                "already_stored": 0, "records": []}  # fmt: skip

    return ingest_inputs


def test_the_text_endpoint_holds_no_copy_of_the_body_while_ingesting(db, monkeypatch):
    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_ingest, "ingest_inputs", probe(seen))
    app = create_app(db, token="s3cret")
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json", **TOKEN}
    answer = asgi_request(app, "POST", "/api/ingest/text", headers, json_body())
    assert answer["status"] == 201, answer["body"][:300]
    assert seen["held"] == []
    # the pipeline's input is the whole text with its metadata, one JSONL line
    assert seen["path"].suffix == ".jsonl" and seen["data"].count(b"\n") == 1
    record = json.loads(seen["data"])
    assert record == {"text": record["text"], "title": "Long", "source": "Le Monde"}
    assert record["text"].encode() == b"".join(long_text_blocks())
    assert not seen["path"].exists()  # the temporary folder is gone


def test_the_upload_endpoint_holds_no_copy_of_the_file_while_ingesting(db, monkeypatch):
    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_ingest, "ingest_inputs", probe(seen))
    app = create_app(db, token="s3cret")
    headers = {
        "host": "127.0.0.1:8000",
        "content-type": f"multipart/form-data; boundary={BOUNDARY}",
        **TOKEN,
    }
    answer = asgi_request(app, "POST", "/api/ingest/file", headers, multipart_body())
    assert answer["status"] == 201, answer["body"][:300]
    assert seen["held"] == []
    assert seen["path"].name == "long.txt"
    assert seen["data"] == b"".join(long_text_blocks())


def test_an_upload_over_the_cap_is_refused_while_copied(db, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_INGEST_MAX_BYTES", str(SIZE // 2))
    monkeypatch.setattr(web_ingest, "ingest_inputs", probe({}))
    app = create_app(db, token="s3cret")
    headers = {
        "host": "127.0.0.1:8000",
        "content-type": f"multipart/form-data; boundary={BOUNDARY}",
        **TOKEN,
    }
    answer = asgi_request(app, "POST", "/api/ingest/file", headers, multipart_body())
    assert answer["status"] == 413
    assert json.loads(answer["body"])["error"]["code"] == "TOO_LARGE"


@pytest.mark.parametrize(
    ("body", "content_type", "where"),
    [
        (b'{"text": ', "application/json", "body.9"),  # malformed: FastAPI's position
        (b"", "application/json", "body"),
        (b'{"title": "no text"}', "application/json", "body.text"),
        (b'{"text": ""}', "application/json", "body.text"),
        (b'{"text": "x", "published": "' + b"9" * 41 + b'"}', "application/json", "body.published"),
        (b'["a list"]', "application/json", "body"),
        (b'{"text": "x"}', "text/plain", "body"),  # JSON only as JSON
        (b'{"text": "\xff\xfe"}', "application/json", "body"),
    ],
)
def test_a_text_body_that_is_no_ingest_text_is_a_400(db, monkeypatch, body, content_type, where):
    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_ingest, "ingest_inputs", probe(seen))
    with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
        answer = client.post(
            "/api/ingest/text", content=body, headers={"Content-Type": content_type, **TOKEN}
        )
    error = answer.json()["error"]
    assert (answer.status_code, error["code"]) == (400, "BAD_REQUEST")
    assert error["message"].split(":")[0] == where
    assert seen == {}  # the pipeline never ran


def test_a_json_subtype_is_json(db, monkeypatch):
    seen: dict[str, Any] = {}
    monkeypatch.setattr(web_ingest, "ingest_inputs", probe(seen))
    with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
        answer = client.post(
            "/api/ingest/text",
            content=b'{"text": "Hello there.", "id": "a/b"}',
            headers={"Content-Type": "application/vnd.api+json; charset=utf-8", **TOKEN},
        )
    assert answer.status_code == 201
    assert json.loads(seen["data"]) == {"text": "Hello there.", "id": "a/b"}


def test_the_text_body_is_documented(db):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/ingest/text"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert body["required"] and schema["required"] == ["text"]
    assert {"text", "title", "url", "published", "outlet"} <= set(schema["properties"])


MAPPED_AFTER_PIN = """
import ctypes, ctypes.util, sys
from newsgraph.run import memory

class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks",
                "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

libc = ctypes.CDLL(ctypes.util.find_library("c"))
if not hasattr(libc, "mallinfo2"):
    sys.exit(3)
libc.mallinfo2.restype = MallInfo2
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.free(libc.malloc(16 << 20))  # glibc's threshold for mapping rises to 16 MiB
if sys.argv[1] == "pin":
    assert memory.map_large_blocks()
before = libc.mallinfo2().hblks
block = libc.malloc(1 << 20)
print(libc.mallinfo2().hblks - before)
libc.free(block)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_after_map_large_blocks_a_mib_block_is_mapped_on_its_own() -> None:
    """In a fresh process (a used heap may hold a free chunk big enough, which glibc
    serves first): freeing a 16 MiB block raises glibc's threshold for mapping to 16 MiB,
    after which a 1 MiB block comes from the heap; once the threshold is fixed it is
    mapped on its own."""
    import subprocess

    def mapped(mode: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", MAPPED_AFTER_PIN, mode], capture_output=True, text=True
        )
        if done.returncode == 3:
            pytest.skip("no mallinfo2 (glibc 2.33 or later)")
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip()

    assert (mapped("default"), mapped("pin")) == ("0", "1")


def test_the_server_maps_large_blocks_before_it_ingests(db, monkeypatch):
    import newsgraph.run.ingest as run_ingest

    calls: list[str] = []
    monkeypatch.setattr(web_ingest, "map_large_blocks", lambda: calls.append("map") or True)

    def ingest(*args: Any, **kwargs: Any) -> Any:
        calls.append("ingest")
        raise RuntimeError("stop here")

    monkeypatch.setattr(run_ingest, "ingest", ingest)
    with Store.open(db) as store, pytest.raises(RuntimeError, match="stop here"):
        web_ingest.ingest_inputs(store, ["x.txt"], None)  # type: ignore[arg-type]
    assert calls == ["map", "ingest"]


def test_hostile_inputs_sent_again_store_nothing_new(db):
    """Through the real pipeline: a text over the parser's limit and an upload with a NUL
    in one line's text and a cut line, each sent twice; the second time adds nothing."""
    from newsgraph.languages.en import english

    line = {"text": "President Emmanuel Macron said on Monday that talks would resume."}
    upload = (json.dumps(line) + '\n{"text": "a\\u0000b"}\n{"text": \n').encode()
    text = "The minister said on Monday that the talks with Russia would resume.\n\n" * 40
    nlp = english()
    limit, nlp.max_length = nlp.max_length, 1_000
    answers = []
    try:
        with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
            for _ in range(2):
                sent = client.post("/api/ingest/text", json={"text": text}, headers=TOKEN)
                files = {"file": ("lines.jsonl", upload)}
                loaded = client.post("/api/ingest/file", files=files, headers=TOKEN)
                answers.append((sent.json(), loaded.json()))
    finally:
        nlp.max_length = limit
    (text_1, file_1), (text_2, file_2) = answers
    assert (text_1["added"], file_1["added"], file_1["rejected"]) == (1, 1, 2), file_1
    assert (text_2["added"], file_2["added"]) == (0, 0)
    assert text_2["already_stored"] + text_2["duplicates"] == 1
    with Store.open(db) as store:
        assert store.stats()["tables"]["articles"] == 2
