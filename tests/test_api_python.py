"""The Python API as the README shows it: newsgraph.extract / ingest / open."""

import newsgraph
import newsgraph.extractors.stage  # noqa: F401 - importing the subpackage must not shadow the API

TEXT = (
    "Kremlin spokesman Dmitry Peskov said on Monday that Russia respects the choice of the "
    'French people. "We seek to further develop these ties," Peskov told journalists.'
)


def test_extract_ingest_open(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Peskov on the French election\n\n" + TEXT, encoding="utf-8")
    [record] = list(newsgraph.extract([str(path)]))
    assert callable(newsgraph.extract) and record.status == "ok"
    assert record.title == "Peskov on the French election"
    assert any(q.speaker and q.speaker.name == "Dmitry Peskov" for q in record.quotes)
    db = str(tmp_path / "n.db")
    summary = newsgraph.ingest(str(path), db)
    assert summary.added == 1 and newsgraph.ingest(str(path), db).added == 0
    with newsgraph.open(db) as store:
        assert len(store.articles_df()) == 1
        assert "Peskov" in " ".join(store.quotes_df()["speaker_name"].dropna())


def test_extract_with_two_workers_matches_one(tmp_path):
    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(
            f"Story {i}\n\n{TEXT} Item {i} of the day.", encoding="utf-8"
        )
    one = [r.to_dict() for r in newsgraph.extract([str(tmp_path)])]
    two = [r.to_dict() for r in newsgraph.extract([str(tmp_path)], workers=2)]
    assert one == two and len(one) == 40
