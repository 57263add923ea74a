"""Stories: online assignment (in memory and through the store), the story record,
exports. The in-memory tests use hand-made vectors; the store tests the real encoder."""

from __future__ import annotations

import datetime as dt
import io
import json

import numpy as np
import pytest

from newsgraph.analyze import story_view
from newsgraph.analyze.database import Database
from newsgraph.analyze.stories import default_model, placement
from newsgraph.analyze.story_cluster import Assigner, Model, Window
from newsgraph.analyze.story_encoder import DIM, encode, pack, unpack
from newsgraph.analyze.story_sketch import Sketch, date_span, lead_text, term_counts
from webdata import meeting, sample_articles

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

MODEL = Model(
    weights=(9.0, 6.0, 2.0, 0.5, -3.0),
    bias=-6.5,
    threshold=0.5,
    window_days=30,
    merge_threshold=0.8,
)


def vec(*hot: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    v[list(hot)] = 1.0
    return v / np.linalg.norm(v)


def sk(aid: str, day: str, v: np.ndarray, words: str, actors=(), lang: str = "en") -> Sketch:
    span = date_span(day)
    assert span is not None
    return Sketch(aid, lang, span, v, term_counts(words, ""), frozenset(actors))


def test_same_event_joins_and_other_event_opens_a_story():
    a = Assigner(MODEL, Window())
    one = a.assign(sk("a", "2020-05-01", vec(1, 2), "Putin meets Macron in Moscow", ["Q7747"]))
    two = a.assign(sk("b", "2020-05-02", vec(1, 2), "Macron and Putin meet in Moscow", ["Q7747"]))
    three = a.assign(sk("c", "2020-05-02", vec(7, 8), "Floods hit Bavaria after storms"))
    assert one.probability is None and two.story == one.story and two.probability >= 0.5
    assert three.story != one.story and three.probability is None


def test_an_identical_report_outside_the_window_opens_a_new_story():
    a = Assigner(MODEL, Window())
    first = a.assign(sk("a", "2020-05-01", vec(1, 2), "Putin meets Macron", ["Q7747"]))
    later = a.assign(sk("b", "2020-08-01", vec(1, 2), "Putin meets Macron", ["Q7747"]))
    assert later.story != first.story


def test_cross_language_joins_on_the_vector_alone():
    a = Assigner(MODEL, Window())
    en = a.assign(sk("a", "2020-05-01", vec(1, 2, 3), "Putin meets Macron", ["Q7747"]))
    fr = a.assign(sk("b", "2020-05-01", vec(1, 2, 3), "Poutine reçoit Macron", ["Q7747"], "fr"))
    assert fr.story == en.story


def test_an_article_bridging_two_stories_merges_them():
    model = Model(MODEL.weights, MODEL.bias, 0.5, 30, merge_threshold=0.3)
    a = Assigner(model, Window())
    x = a.assign(sk("a", "2020-05-01", vec(1, 2, 3, 4), "summit talks Moscow", ["Q1"]))
    y = a.assign(sk("b", "2020-05-01", vec(3, 4, 5, 6), "pipeline deal Berlin", ["Q2"]))
    assert x.story != y.story
    both = "summit talks Moscow pipeline deal Berlin"
    bridge = a.assign(sk("c", "2020-05-01", vec(1, 2, 3, 4, 5, 6), both, ["Q1", "Q2"]))
    assert bridge.merged
    live = [s for s in a.window.stories.values() if s.merged_into is None]
    assert len(live) == 1 and live[0].size == 3


def test_a_story_is_compared_through_its_members_not_its_centroid_or_union():
    """Average linkage: against a story of four different reports (one hot dimension
    and one actor each), an article made of all four is as close as to each of them
    (cosine 0.5, a quarter of its actors), not as close as to their centroid (1.0) and
    union (all its actors); so it opens a story of its own."""
    from newsgraph.analyze.story_cluster import DocFreq, features

    window = Window()
    a = Assigner(MODEL, window)
    parts = [sk(f"m{i}", "2020-05-01", vec(i), f"topic{i}", [f"Q{i}"]) for i in range(4)]
    story = window.open(parts[0].span[0])
    for part in parts:
        story.add(part, part.span[0])
    probe = sk("p", "2020-05-01", vec(0, 1, 2, 3), "other words", ["Q0", "Q1", "Q2", "Q3"])
    f = features(probe, story, DocFreq(), 30)
    member_cos = [float(probe.vector @ m.vector) for m in parts]
    assert f[0] == pytest.approx(np.mean(member_cos)) == pytest.approx(0.5)
    assert float(probe.vector @ story.centroid()) == pytest.approx(1.0)
    assert f[2] == pytest.approx(0.25)  # each actor is named by one member in four
    assert a.assign(probe).probability is None  # it opens a new story
    assert story.size == 4


def _groups(decisions) -> set[frozenset[str]]:
    out: dict[int, set[str]] = {}
    for d in decisions:
        out.setdefault(d.story, set()).add(d.article_id)
    return {frozenset(g) for g in out.values()}


def test_an_article_joins_through_the_member_it_reports_with_in_any_order():
    """a reports what x and b each report part of (cosine 0.71 with each, x and b 0).
    Compared with the members on average only, b missed a once a had joined x (mean
    cosine 0.35), and x missed a once b had joined it: the grouping depended on the
    order. An article also joins a story when it is the same story as one member taken
    alone (the pair model's question), so these orders give one story. (When a comes
    last it joins x or b, and the two merge only if they are one story as wholes.)"""
    x = sk("x", "2020-05-01", vec(0, 1, 2, 3), "summit talks moscow kremlin")
    a = sk("a", "2020-05-01", vec(0, 1, 2, 3, 4, 5, 6, 7), "summit talks moscow pipeline deal")
    b = sk("b", "2020-05-01", vec(4, 5, 6, 7), "pipeline deal berlin signed")
    for order in ((x, a, b), (a, b, x), (b, a, x), (a, x, b)):
        assigner = Assigner(MODEL, Window())
        decisions = [assigner.assign(s) for s in order]
        assert _groups(decisions) == {frozenset("xab")}, [s.id for s in order]
    # against the story of x and a, b's average is far under the threshold
    from newsgraph.analyze.story_cluster import features

    assigner = Assigner(MODEL, Window())
    assigner.assign(x)
    story = assigner.window.stories[assigner.assign(a).story]
    assert MODEL.probability(features(b, story, assigner.window.df, 30)) < 0.2


def test_a_stored_story_is_compared_through_its_stored_members(db_url):
    """Across batches (transactions) the members of a stored story come from the store:
    b, stored after x and a were put into one story, joins it through a, as in one
    run; and the story's members, then b, are all its stored sketches. Its stored word
    norm weighs every word by its stored document count (the window loads the counts
    of the batch's words only)."""
    from collections import Counter

    from newsgraph.analyze import stories as st_mod
    from newsgraph.analyze.story_cluster import DocFreq, Story
    from newsgraph.store import stories as q
    from newsgraph.store.engine import write_engine

    x = sk("meet-1", "2020-05-01", vec(0, 1, 2, 3), "summit talks moscow kremlin")
    a = sk("meet-2", "2020-05-01", vec(0, 1, 2, 3, 4, 5, 6, 7), "summit talks moscow pipeline deal")
    b = sk("meet-3", "2020-05-01", vec(4, 5, 6, 7), "pipeline deal berlin signed")
    with Database.open(db_url) as store:
        articles = [meeting(i, "2020-05-01", f"Outlet {i}") for i in (1, 2, 3)]
        store.save_batch(articles, None, merge=False)
        with write_engine(store.engine).begin() as conn:
            first = st_mod.assign(conn, [x, a], MODEL)
        assert first[1].story == first[0].story
        with write_engine(store.engine).begin() as conn:
            (late,) = st_mod.assign(conn, [b], MODEL)
            assert late.probability is not None and late.probability > 0.5
            stored = st_mod._member_sketches(conn, [late.story])[late.story]
            row = q.story_row(conn, late.story)
            assert row is not None
            counts = q.doc_freqs(conn, row["terms"]["en"])
        assert _stories(store) == {"meet-1": late.story, "meet-2": late.story, "meet-3": late.story}
        # the story's stored TF-IDF norm weighs every word by its stored count, also the
        # words of x and a that the second batch does not have ("kremlin", "summit")
        df = DocFreq(docs=counts.pop(q.DOCS_KEY), counts=counts)
        story = Story(key=1, first_day=0, last_day=0, terms={"en": Counter(row["terms"]["en"])})
        assert row["terms"]["_norms"]["en"] == pytest.approx(story.norm("en", df))
    assert sorted(s.id for s in stored) == ["meet-1", "meet-2", "meet-3"]
    assert float(stored[1].vector @ a.vector) == pytest.approx(1.0, abs=1e-3)


def test_stories_compared_as_wholes_use_every_pair_of_members():
    """The merge check compares two stories by average linkage: the mean cosine over
    every pair of their members, not their centroids (1.0 here)."""
    from newsgraph.analyze.story_cluster import DocFreq, story_features

    window = Window()
    one, two = window.open(1), window.open(1)
    one.add(sk("a", "2020-05-01", vec(0, 1), "alpha"), 1)
    one.add(sk("b", "2020-05-01", vec(2, 3), "beta"), 1)
    two.add(sk("c", "2020-05-01", vec(0, 1, 2, 3), "gamma"), 1)
    f, cross = story_features(one, two, DocFreq(), 30)
    assert f[0] == pytest.approx(np.sqrt(0.5)) and not cross
    three = window.open(1)
    three.add(sk("d", "2020-05-01", vec(0, 1), "delta", lang="fr"), 1)
    f, cross = story_features(one, three, DocFreq(), 30)
    assert f[0] == pytest.approx(0.5) and cross  # (1 + 0) / 2; no common language


def test_without_words_in_common_language_the_cross_model_scores():
    """A report in another language cannot share words with the story: ``lex`` is
    missing there, so the cross model (no ``lex``) scores it; a report in the story's
    language that shares none of its words is scored by the main model, which counts
    that against it. Same vector match (cosine 0.5) for both."""
    model = Model(
        MODEL.weights, MODEL.bias, 0.5, 30, 1.01, (9.0, 0.0, 2.0, 0.5, -3.0), cross_bias=-3.0
    )
    a = Assigner(model, Window())
    first = a.assign(sk("a", "2020-05-01", vec(0, 1, 2, 3), "Putin meets Macron in Moscow"))
    en = a.assign(sk("b", "2020-05-01", vec(0, 1, 4, 5), "Storms flood Bavarian towns"))
    fr = a.assign(sk("c", "2020-05-01", vec(2, 3, 6, 7), "Poutine reçoit Macron", lang="fr"))
    assert en.probability is None and en.story != first.story
    assert fr.story == first.story and fr.probability is not None
    # the one model alone (no cross weights) keeps the French report apart too
    plain = Assigner(MODEL, Window())
    plain.assign(sk("a", "2020-05-01", vec(0, 1, 2, 3), "Putin meets Macron in Moscow"))
    alone = plain.assign(sk("c", "2020-05-01", vec(2, 3, 6, 7), "Poutine reçoit Macron", lang="fr"))
    assert alone.probability is None


def test_date_spans_and_placement():
    assert date_span("2017-04-24") == (dt.date(2017, 4, 24).toordinal(),) * 2
    lo, hi = date_span("2017-02") or (0, 0)
    assert hi - lo == 27
    lo, hi = date_span("2017") or (0, 0)
    assert hi - lo == 364
    assert date_span("next week") is None and date_span(None) is None
    today = dt.date(2026, 1, 2)
    assert placement({"published": {"date": None}}, today) == (today.toordinal(),) * 2


def test_lead_text_keeps_the_title_and_cuts_at_a_word():
    text = "word " * 400
    lead = lead_text("A title", text)
    assert lead.startswith("A title. word") and len(lead) < 620 and not lead.endswith("wor")


def test_vectors_round_trip_as_float16():
    v = vec(1, 5, 9)
    assert np.allclose(unpack(pack(v)), v, atol=1e-3)
    assert not unpack(None).any()


def test_encoder_puts_a_translation_closer_than_another_event():
    en, fr, other = encode(
        [
            "Russian President Vladimir Putin met French President Emmanuel Macron in Moscow.",
            "Le président russe Vladimir Poutine a rencontré Emmanuel Macron à Moscou.",
            "Heavy floods forced thousands to leave their homes in Bavaria.",
        ]
    )
    assert float(en @ fr) > float(en @ other) + 0.2
    assert abs(float(np.linalg.norm(en)) - 1.0) < 1e-3


# ---- through the store --------------------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    with Database.open(str(tmp_path / "s.db")) as store:
        store.save_batch(sample_articles(), None)
        yield store


def _stories(store) -> dict[str, int]:
    out = io.StringIO()
    store.export("jsonl", what="articles", out=out)
    return {r["id"]: r["story"] for r in map(json.loads, out.getvalue().splitlines())}


def test_ingest_assigns_every_article_and_export_carries_it(db):
    got = _stories(db)
    assert all(v is not None for v in got.values())
    assert got["meet-1"] == got["meet-2"]  # the same meeting, two outlets, one day
    assert got["meet-3"] != got["meet-1"]  # the same words eight months earlier


def test_saving_again_changes_nothing(db):
    before = _stories(db)
    db.save_batch(sample_articles(), None)
    assert _stories(db) == before
    assert len(db.stories(limit=100)) == len(set(before.values()))


def test_story_record_has_the_per_outlet_table_and_omissions(db):
    sid = _stories(db)["meet-1"]
    record = db.story(sid)
    assert record is not None
    outlets = {r["outlet"] for r in record["by_outlet"]}
    assert {"TASS", "Le Monde"} <= outlets
    tass = next(r for r in record["by_outlet"] if r["outlet"] == "TASS")
    assert tass["quotes"] == 2 and tass["events"] and tass["first_report"] == "2022-02-07"
    assert record["headline"].startswith("Putin meets Macron")
    assert record["first_report"] == "2022-02-07"
    assert db.story(10_000) is None


def test_omissions_name_what_only_others_carry(tmp_path):
    lean = meeting(9, "2022-02-07", "Lean Daily")
    lean = lean.replace(id="meet-9", content_hash="hash-9", quotes=(), events=())
    with Database.open(str(tmp_path / "o.db")) as store:
        store.save_batch([meeting(1, "2022-02-07", "TASS"), lean], None)
        sid = _stories(store)["meet-1"]
        assert _stories(store)["meet-9"] == sid
        omits = {o["outlet"]: o for o in store.story(sid)["omits"]}
    assert "Lean Daily" in omits and "TASS" not in omits
    assert omits["Lean Daily"]["speakers"] == ["Emmanuel Macron", "Vladimir Putin"]
    assert omits["Lean Daily"]["events"]


def test_list_filters_by_actor_and_day(db):
    assert db.stories(actor="Q7747")
    assert db.stories(actor="Emmanuel Macron")
    assert all(s["last_report"] >= "2022-01-01" for s in db.stories(since="2022-01-01"))
    assert not db.stories(since="2030-01-01")
    with pytest.raises(Exception, match="NG301"):
        db.stories(actor="Nobody At All Xyz")


def test_stories_export_on_their_own(db):
    out = io.StringIO()
    n = db.export("jsonl", what="stories", out=out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert n == len(rows) == len(set(_stories(db).values()))
    assert {"id", "headline", "first_report", "last_report", "articles"} <= set(rows[0])


def test_articles_stored_without_stories_are_assigned_later(tmp_path):
    with Database.open(str(tmp_path / "p.db")) as store:
        store.save_batch(sample_articles(), None, merge=False)
        assert set(_stories(store).values()) == {None}
        assert store.assign_pending_stories() == 4
        assert None not in set(_stories(store).values())
        assert store.assign_pending_stories() == 0


def test_article_story_summary(db):
    assert story_view.article_story(db, "meet-1")["articles"] >= 2
    assert story_view.article_story(db, "no-such-article") is None


def test_stories_merge_by_the_joining_threshold(monkeypatch):
    """No second threshold: two stories merge when, compared as wholes, they clear the
    threshold an article joins by (also when a setting moves it)."""
    model = default_model()
    assert model.merge_threshold == model.threshold < 1.0
    monkeypatch.setenv("NEWSGRAPH_STORIES_THRESHOLD", "0.7")
    assert default_model().merge_threshold == default_model().threshold == 0.7


def test_default_model_reads_the_window_setting(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STORIES_WINDOW_DAYS", "7")
    assert default_model().window_days == 7


# ---- vectors: computed in the NLP stage, carried by the record, stored by the writer ----


def test_the_stage_attaches_vectors_that_extract_output_leaves_out():
    from newsgraph.analyze.stories import attach_vectors
    from newsgraph.analyze.story_encoder import from_bytes

    articles = attach_vectors(sample_articles())
    for article in articles:
        assert article.story_vector is not None and len(article.story_vector) == DIM * 4
        expected = encode([lead_text(article.title, article.text)])[0]
        assert float(from_bytes(article.story_vector) @ expected) > 0.999
        assert "story_vector" not in article.to_dict()
        assert "story_vector" not in json.dumps(article.to_dict())
    again = attach_vectors(articles)  # what a record carries is not computed twice
    assert [a.story_vector for a in again] == [a.story_vector for a in articles]


def test_the_writer_does_not_encode_records_that_carry_their_vector(tmp_path, monkeypatch):
    from newsgraph.analyze import story_encoder
    from newsgraph.analyze.stories import attach_vectors

    carried = attach_vectors(sample_articles())
    calls: list[int] = []
    real = story_encoder.encode
    monkeypatch.setattr(
        story_encoder, "encode", lambda texts: calls.append(len(texts)) or real(texts)
    )
    with Database.open(str(tmp_path / "v.db")) as store:
        store.save_batch(carried, None)
        assert calls == []  # the single writer ran no encoder
        got = _stories(store)
        assert got["meet-1"] == got["meet-2"] and got["meet-3"] != got["meet-1"]
        # a record without one (made outside the pipeline) is encoded before the write
        store.save_batch(
            [meeting(4, "2022-02-08", "Reuters").replace(id="meet-4", content_hash="h4")], None
        )
        assert calls == [1]
        assert _stories(store)["meet-4"] == got["meet-1"]
        with store.engine.connect() as conn:
            from newsgraph.store import stories as q

            stored = q.sketch_vectors(conn, ["meet-1"])
        assert (
            float(unpack(stored["meet-1"]) @ np.frombuffer(carried[0].story_vector, np.float32))
            > 0.999
        )


def test_pipeline_records_carry_their_vector_to_the_store(monkeypatch):
    """The NLP stage of every engine (run/stage.py) computes the vectors after the
    extraction steps (stood in for here: the parse is not what is tested)."""
    from newsgraph.extractors import stage
    from newsgraph.run.stage import default_analyse

    monkeypatch.setattr(stage, "analyse_articles", lambda articles: list(articles))
    out = default_analyse()(sample_articles())
    assert [a.id for a in out] == [a.id for a in sample_articles()]
    assert all(a.story_vector is not None for a in out)


def test_with_the_encoder_off_stories_come_from_words_and_actors(tmp_path, monkeypatch):
    from newsgraph.analyze import story_encoder
    from newsgraph.analyze.stories import attach_vectors

    monkeypatch.setenv("NEWSGRAPH_STORIES_ENCODER", "false")
    monkeypatch.setattr(story_encoder, "encode", lambda texts: pytest.fail("encoder called"))
    assert all(a.story_vector is None for a in attach_vectors(sample_articles()))
    with Database.open(str(tmp_path / "off.db")) as store:
        store.save_batch(sample_articles(), None)
        got = _stories(store)
    assert None not in got.values()
    assert got["meet-3"] != got["meet-1"]


def test_without_vectors_the_first_pass_ranks_by_shared_words_not_by_order():
    from newsgraph.analyze import story_cluster

    zero = np.zeros(DIM, dtype=np.float32)
    a = Assigner(MODEL, Window())
    filler = [
        a.assign(sk(f"f{i}", "2020-05-01", zero, f"unrelated topic{i} alpha{i} beta{i}"))
        for i in range(story_cluster.TOP_K + 5)
    ]
    target = a.assign(sk("t", "2020-05-02", zero, "Kremlin summit Macron Putin", ["Q7747"]))
    again = a.assign(sk("u", "2020-05-02", zero, "Kremlin summit Macron Putin", ["Q7747"]))
    assert len({d.story for d in filler}) == len(filler)  # the filler came first, in order
    assert again.story == target.story


def test_the_centroid_index_finds_what_scoring_every_active_story_finds():
    """The index (one matrix product and a day mask) against the plain definition: of
    the TOP_K live stories of the window closest by mean cosine with their members, the
    FULL_K closest in direction (the cosine with their vector sum), as stories open,
    grow, merge."""
    from newsgraph.analyze.story_cluster import FULL_K, TOP_K, Story

    rng = np.random.default_rng(7)
    model = Model(MODEL.weights, MODEL.bias, 0.5, 10, merge_threshold=0.6)
    window = Window()
    base = dt.date(2020, 5, 1).toordinal()
    for key in range(1, 120):  # stories loaded from the store, put in the window directly
        day = base + int(rng.integers(0, 60))
        story = Story(key=key, first_day=day, last_day=day + int(rng.integers(0, 5)), size=1)
        unit = rng.standard_normal(DIM)
        story.vec_sum = (unit / np.linalg.norm(unit)).astype(np.float32)  # one unit vector
        window.stories[key] = story
    a = Assigner(model, window)
    for i in range(150):
        v = rng.standard_normal(DIM).astype(np.float32)
        day = dt.date.fromordinal(base + int(rng.integers(0, 60))).isoformat()
        probe = sk(f"p{i}", day, v / np.linalg.norm(v), f"word{i % 7} other{i % 5}")
        active = window.active(probe.span, model.window_days)
        sims = [s.mean_cosine(probe.vector) for s in active]
        order = sorted(range(len(active)), key=lambda j: -sims[j])[:TOP_K]
        turned = [
            float(np.dot(active[j].vec_sum, probe.vector))
            / (float(np.linalg.norm(active[j].vec_sum)) or 1.0)
            for j in order
        ]
        order = [order[i] for i in sorted(range(len(order)), key=lambda i: -turned[i])][:FULL_K]
        got = window.candidates(probe, model.window_days, TOP_K)
        assert [s.key for s in got] == [active[j].key for j in order]
        a.assign(probe)
    assert len(window.index.keys) == len(window.stories) > 256  # grown past two doublings


def test_extract_computes_no_vectors_and_ingest_does(tmp_path, monkeypatch):
    """``extract`` prints no vector, so its engines skip the encoder; ``ingest``'s and
    the Python API's storing engines compute them in the stage."""
    from typer.testing import CliRunner

    from newsgraph.analyze import stories
    from newsgraph.api import nlp_engine
    from newsgraph.cli.main import app
    from newsgraph.extractors.stage import analyse_articles
    from newsgraph.run.stage import analyse_with_vectors

    assert nlp_engine(1).analyse is analyse_with_vectors
    assert nlp_engine(1, story_vectors=False).analyse is analyse_articles
    assert nlp_engine(2, story_vectors=False).analyse is analyse_articles

    called: list[int] = []
    real = stories.attach_vectors
    monkeypatch.setattr(stories, "attach_vectors", lambda a: called.append(len(a)) or real(a))
    text = "Vladimir Putin met Emmanuel Macron in Moscow on Monday for talks on security. " * 3
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "x1", "title": "Putin meets Macron", "text": text}) + "\n")
    result = CliRunner().invoke(app, ["extract", str(path), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "story_vector" not in result.output and called == []
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--db", str(tmp_path / "x.db"), "--workers", "1", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert called == [1]


def test_the_lead_of_a_long_text_reads_only_its_start() -> None:
    from newsgraph.analyze.story_sketch import first_words, lead_text

    text = "  Putin met Macron in Versailles.\n\n" + "The talks went on. " * 300_000
    assert lead_text("Title", text) == lead_text("Title", text[:5000])
    assert first_words(text, 3) == "Putin met Macron …"
    assert first_words("Putin met Macron", 3) == "Putin met Macron"
