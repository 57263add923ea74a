"""An article in a language without a pipeline is counted by extract and ingest."""

from __future__ import annotations

from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner()
GERMAN = (
    "Merkel trifft Putin in Sotschi\n\nBundeskanzlerin Angela Merkel hat am Dienstag den "
    "russischen Präsidenten Wladimir Putin in Sotschi getroffen. Beide sprachen über die "
    "Lage in der Ukraine und in Syrien, teilte ein Regierungssprecher in Berlin mit."
)
ENGLISH = (
    "Putin meets Merkel in Sochi\n\nRussian President Vladimir Putin met German Chancellor "
    "Angela Merkel in Sochi on Tuesday. They discussed Ukraine and Syria, a government "
    "spokesman said in Berlin."
)


def test_ingest_and_extract_count_articles_they_only_partly_analyse(tmp_path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    db = str(tmp_path / "n.db")
    stored = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert stored.exit_code == 0, stored.output
    assert (
        "warning: 1 stored article(s) in a language without a pipeline (de×1; only en, fr, ru"
        in (" ".join(stored.output.split()))
    )
    again = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert "without a pipeline" not in again.output  # nothing new stored: nothing to say
    english = runner.invoke(
        app, ["ingest", str(tmp_path / "en.txt"), "--db", str(tmp_path / "e.db")]
    )
    assert english.exit_code == 0 and "without a pipeline" not in english.output
    read = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert "warning: 1 article(s) in a language without a pipeline" in " ".join(read.output.split())
