"""Reading every kind of input into RawDocs or coded rejections."""

import gzip
import json

from newsgraph.inputs.raw import RawDoc
from newsgraph.inputs.sources import expand_inputs, read_input
from newsgraph.records import Rejected
from newsgraph.settings import Settings

ARTICLE = (
    "Russian President Vladimir Putin met the French president in Moscow on Monday. "
    "The two leaders discussed security in Europe for more than five hours."
)
PAGE = f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>{ARTICLE}</p></article></body></html>"


def read_all(path, settings=None):
    out = []
    for ref in expand_inputs([str(path)]):
        out.extend([ref] if isinstance(ref, Rejected) else read_input(ref, settings or Settings()))
    return out


def test_text_file(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\n" + ARTICLE, encoding="utf-8")
    [doc] = read_all(tmp_path / "a.txt")
    assert isinstance(doc, RawDoc) and doc.kind == "text" and ARTICLE in doc.body


def test_html_and_gzipped_html(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("cp1251")))
    docs = read_all(tmp_path)
    assert [d.kind for d in docs] == ["html", "html"]


def test_html_meta_charset_is_used(tmp_path):
    page = (
        '<html><head><meta charset="windows-1251"></head><body><p>Путин сказал.</p></body></html>'
    )
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    [doc] = read_all(tmp_path / "ru.html")
    assert "Путин" in doc.body


def test_jsonl_keeps_given_fields_and_rejects_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {"id": "x1", "title": "T", "published": "2017-04-24", "source": "TASS", "text": ARTICLE}
        ),
        "{not json",
        json.dumps({"id": "x2", "title": "no body"}),
        json.dumps({"id": "x3", "html": PAGE, "url": "https://example.org/a"}),
        "",
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = read_all(tmp_path / "d.jsonl")
    assert docs[0].given == {"id": "x1", "title": "T", "published": "2017-04-24", "source": "TASS"}
    assert (
        isinstance(docs[1], Rejected) and docs[1].code == "NG106" and docs[1].source.endswith(":2")
    )
    assert isinstance(docs[2], Rejected) and docs[2].code == "NG107"
    assert docs[3].kind == "html" and docs[3].url == "https://example.org/a"
    assert len(docs) == 4


def test_json_array_and_csv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE + " More."}]))
    (tmp_path / "b.csv").write_text(f'id,title,text\n1,One,"{ARTICLE}"\n2,Two,"{ARTICLE} Again."\n')
    docs = read_all(tmp_path)
    assert [type(d) for d in docs] == [RawDoc] * 4
    assert docs[2].given["title"] == "One"


def test_csv_without_text_column_is_rejected(tmp_path):
    (tmp_path / "c.csv").write_text("id,headline\n1,Something\n")
    [rej] = read_all(tmp_path / "c.csv")
    assert rej.code == "NG107" and "headline" in rej.message


def test_missing_path_and_hidden_files(tmp_path):
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    assert read_all(tmp_path) == []
    [rej] = read_all(tmp_path / "nope.txt")
    assert rej.code == "NG111"


def test_size_limit_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    [rej] = read_all(big)
    assert rej.code == "NG103"


def test_truncated_gzip(tmp_path):
    data = gzip.compress(PAGE.encode() * 50)
    (tmp_path / "t.html.gz").write_bytes(data[: len(data) // 2])
    [rej] = read_all(tmp_path / "t.html.gz")
    assert rej.code == "NG105"


def test_glob_filters_folders(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(PAGE)
    refs = list(expand_inputs([str(tmp_path)], glob="*.html"))
    assert [r.location.rsplit("/", 1)[-1] for r in refs] == ["b.html"]
