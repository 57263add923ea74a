"""Issue 12, case 2: inputs that used to lose the whole batch, on both backends.

Given fields longer than their columns (PostgreSQL refused them with
StringDataRightTruncation; SQLite stored them), file names that are not UTF-8 and
lone surrogates in JSON (neither backend can store them) are made storable in one
place, ``inputs/raw.py``, and every article of the batch is stored.
"""

from __future__ import annotations

import json
import os

import newsgraph

pytest_plugins = ["backends"]

BODY = "The minister said on {day} that the talks with the rebels would resume in Geneva next week."
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def _articles(db: str) -> dict[str, dict]:
    with newsgraph.open(db) as store:
        frame = store.articles_df()
    return {row["id"]: row for row in frame.to_dict("records")}


def test_overlong_given_fields_are_normalised_not_fatal(tmp_path, db_url, caplog):
    long_id = "https://example.org/" + "very-long-path/" * 10
    records = [
        {"id": long_id, "text": BODY.format(day=DAYS[0])},
        {
            "id": "lang",
            "language": "english-as-written-in-the-uk",
            "text": BODY.format(day=DAYS[1]),
        },
        {
            "id": "date",
            "published": "Wed, 01 Mar 2017 14:05:00 +0000 (GMT)",
            "text": BODY.format(day=DAYS[2]),
        },
        {
            "id": "outlet",
            "source": "The " + "Very " * 60 + "Long Gazette",
            "published": "garbage",
            "text": BODY.format(day=DAYS[3]),
        },
    ]
    path = tmp_path / "given.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    summary = newsgraph.ingest([str(path)], db_url)
    assert summary.added == 4
    stored = _articles(db_url)
    assert len(stored) == 4
    (short_id,) = [i for i in stored if i.startswith("https://")]
    assert len(short_id) == 64 and short_id.startswith(long_id[:47])
    assert stored["lang"]["language"] == "en"  # not a tag: identified instead
    assert str(stored["date"]["published_date"])[:10] == "2017-03-01"
    assert len(stored["outlet"]["outlet"]) <= 200
    assert "given published 'garbage' not a date" in caplog.text
    again = newsgraph.ingest([str(path)], db_url)  # the shortened id is stable
    assert again.added == 0


def test_file_names_of_any_bytes_and_lone_surrogates(tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"bad\xff\xfebytes.txt")
    with open(bad, "wb") as out:
        out.write(BODY.format(day=DAYS[0]).encode())
    (folder / "good.txt").write_text(BODY.format(day=DAYS[1]))
    # json.dumps writes lone surrogates as \ud800 escapes, which json.loads gives back
    record = {
        "text": BODY.format(day=DAYS[2]) + " \ud800",
        "title": "T \udfff",
        "source": "Out\ud801",
    }
    (folder / "s.jsonl").write_text(json.dumps(record) + "\n")
    summary = newsgraph.ingest([str(folder)], db_url)
    assert summary.added == 3 and summary.rejected == 0
    stored = _articles(db_url)
    sources = sorted(row["source"] for row in stored.values())
    assert sources[0].endswith("bad\\xff\\xfebytes.txt")  # the bytes, escaped
    titled = [row for row in stored.values() if row["title"] == "T \ufffd"]
    assert len(titled) == 1 and titled[0]["text"].endswith("\ufffd")
