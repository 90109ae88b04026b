"""The store contract, run against every back end (SQLite, and PostgreSQL when a test server is
set): idempotent ingest, atomic replacement, links, failures, runs, search, reopening."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from store_samples import (
    OTHER_TEXT,
    TEXT,
    Backend,
    analysis,
    make_article,
    make_claim,
    sample_event,
)

from marsad.errors import StoreError
from marsad.model import Article, Failure, Story
from marsad.store import Store
from marsad.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS


def test_open_applies_every_migration(backend: Backend) -> None:
    latest = {"sqlite": MIGRATIONS, "postgres": POSTGRES_MIGRATIONS}[backend.name][-1].version
    with Store.open(backend.new_target()) as opened:
        assert (
            type(opened).__name__
            == {"sqlite": "SqliteStore", "postgres": "PostgresStore"}[backend.name]
        )
        assert opened.schema_version == latest  # type: ignore[attr-defined]


def test_put_analysis_round_trips_article_mentions_and_claims(store: Store) -> None:
    article = make_article(outlet="درعا 24", published=date(2023, 3, 14), title="حصار طفس")
    claim = make_claim(article)
    result = analysis(article, claim)
    assert store.put_analysis(result) is True
    assert store.has_article(article.id) and not store.has_article("a-missing")
    assert store.articles() == [article]
    assert store.article(article.id) == article and store.article("a-missing") is None
    assert store.claims() == [claim]
    assert store.mentions(article.id) == list(result.mentions)  # scores keep every digit
    assert store.mentions("a-missing") == []


def test_rerun_is_a_no_op(store: Store) -> None:
    article = make_article()
    result = analysis(article, make_claim(article))
    assert store.put_analysis(result) is True
    before = store.counts()
    assert store.put_analysis(result) is False
    assert (
        store.counts()
        == before
        == {
            "articles": 1,
            "mentions": 1,
            "claims": 1,
            "events": 0,
            "stories": 0,
            "failures": 0,
            "runs": 0,
        }
    )


def test_reanalysis_replaces_claims_and_drops_links_to_gone_events(store: Store) -> None:
    article = make_article()
    siege = make_claim(article)
    store.put_analysis(analysis(article, siege))
    store.replace_links([replace(siege, event_id="e-1", story_id="s-1")], [], [])
    blockade = make_claim(article, "blockade_goods", id="r-blockade")
    store.put_analysis(analysis(article, siege, blockade))
    stored = {c.id: c for c in store.claims()}
    assert set(stored) == {siege.id, "r-blockade"}
    # the siege was linked before; the relinking wrote events=[], so its link is dropped
    assert stored[siege.id].event_id is None


def test_links_survive_reanalysis_when_the_event_exists(store: Store) -> None:
    article = make_article()
    siege = make_claim(article)
    store.put_analysis(analysis(article, siege))
    event = sample_event(siege)
    store.replace_links([replace(siege, event_id=event.id, story_id="s-1")], [event], [])
    store.put_analysis(analysis(article, siege))  # the same analysis again
    [again] = store.claims()
    assert (again.event_id, again.story_id) == (event.id, "s-1")


def test_duplicate_claim_ids_in_one_article_are_stored_once(store: Store) -> None:
    article = make_article()
    claim = make_claim(article)
    store.put_analysis(analysis(article, claim, claim))
    assert len(store.claims()) == 1


def test_claims_of_another_article_are_refused(store: Store) -> None:
    article = make_article()
    stray = make_claim(article, article_id="a-other", id="r-stray")
    with pytest.raises(StoreError, match="r-stray"):
        store.put_analysis(analysis(article, make_claim(article), stray))
    assert not store.has_article(article.id)


def test_rerun_after_reopening_is_a_no_op(backend: Backend) -> None:
    article = make_article()
    target = backend.new_target()
    with Store.open(target) as first:
        assert first.put_analysis(analysis(article, make_claim(article))) is True
    with Store.open(target) as again:
        assert again.put_analysis(analysis(article, make_claim(article))) is False
        assert again.counts()["claims"] == 1


def test_changed_text_under_the_same_external_id_replaces_the_article(store: Store) -> None:
    store.put_analysis(analysis(Article(id="ext-1", text=TEXT)))
    assert store.put_analysis(analysis(Article(id="ext-1", text=OTHER_TEXT))) is True
    [article] = store.articles()
    assert article.text == OTHER_TEXT
    assert store.search("طفس") == [] and store.search("القامشلي") == ["ext-1"]


def test_claims_of_some_articles_in_stored_order(store: Store) -> None:
    first, second = make_article(), make_article(OTHER_TEXT)
    store.put_analysis(analysis(second, make_claim(second)))
    store.put_analysis(analysis(first, make_claim(first), make_claim(first, "blockade_goods")))
    assert [c.article_id for c in store.claims()] == [second.id, first.id, first.id]
    assert [a.id for a in store.articles()] == [second.id, first.id]
    only_first = store.claims([first.id, "a-unknown"])
    assert [c.action for c in only_first] == ["siege_imposed", "blockade_goods"]
    assert [c.article_id for c in store.claims([first.id, second.id])] == [
        second.id,
        first.id,
        first.id,
    ]
    assert store.claims([]) == []


def test_replace_links_rewrites_events_and_stories(store: Store) -> None:
    article = make_article()
    claim = make_claim(article)
    store.put_analysis(analysis(article, claim))
    event = sample_event(claim)
    story = Story("s-1", "حصار طفس", ("e-1",), date(2023, 3, 13), None)
    store.replace_links([replace(claim, event_id="e-1", story_id="s-1")], [event], [story])
    assert store.events() == [event] and store.stories() == [story]
    assert store.claims()[0].event_id == "e-1"
    store.replace_links([replace(claim, event_id="e-2")], [replace(event, id="e-2")], [])
    assert [e.id for e in store.events()] == ["e-2"] and store.stories() == []
    assert store.claims()[0].event_id == "e-2"
    assert store.counts()["events"] == 1


def test_replace_links_keeps_events_in_the_order_given(store: Store) -> None:
    article = make_article()
    claim = make_claim(article)
    store.put_analysis(analysis(article, claim))
    events = [replace(sample_event(claim), id=f"e-{n}") for n in (3, 1, 2)]
    store.replace_links([replace(claim, event_id="e-1")], events, [])
    assert [e.id for e in store.events()] == ["e-3", "e-1", "e-2"]


def test_failures_are_kept_once(store: Store) -> None:
    broken = Failure("reports.jsonl:3", "ingest", "invalid JSON")
    store.put_failure(broken)
    store.put_failure(broken)
    store.put_failure(Failure("x.html", "extract", "boom", article_id="a-1"))
    assert store.failures() == [broken, Failure("x.html", "extract", "boom", "a-1")]


def test_runs_are_recorded(store: Store) -> None:
    run = store.start_run()
    store.finish_run(run, {"articles": 3})
    assert store.start_run() != run
    assert store.counts()["runs"] == 2


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("طفس", True),
        ("حصارا خانقا", True),  # no tanween alef mark, as a user types it
        ("بلده", True),  # ta marbuta folded on both sides
        ("الأدويه", True),  # hamza on alef folded
        ("القامشلي", False),
        ("طفس القامشلي", False),  # every word must be found
        ("في", False),  # too short for the trigram index
    ],
)
def test_search_uses_normalized_text(store: Store, query: str, found: bool) -> None:
    article = make_article()
    store.put_analysis(analysis(article))
    assert store.search(query) == ([article.id] if found else [])


def test_search_finds_names_inside_clitic_forms(store: Store) -> None:
    article = make_article(OTHER_TEXT)
    store.put_analysis(analysis(article))
    assert store.search("قامشلي") == [article.id]
    assert store.search("هلاليه عبوه") == [article.id]


def test_search_finds_every_matching_article_up_to_the_limit(store: Store) -> None:
    first, second = make_article(), make_article(TEXT + " وقالت مصادر إن الحصار مستمر.")
    store.put_analysis(analysis(first))
    store.put_analysis(analysis(second))
    assert sorted(store.search("طفس")) == sorted([first.id, second.id])
    assert len(store.search("طفس", limit=1)) == 1


@pytest.mark.parametrize("query", ['"طفس" OR', "طفس*", "(طفس) -", "طفس:", "طفس%", "'طفس'"])
def test_search_operators_are_plain_text(store: Store, query: str) -> None:
    article = make_article()
    store.put_analysis(analysis(article))
    assert store.search(query) == [article.id]


def test_search_wildcards_are_not_wildcards(store: Store) -> None:
    store.put_analysis(analysis(make_article()))
    assert store.search("طف_") == []  # '_' is a word character, not LIKE's any-one-character


def _disk_full(backend: Backend) -> Exception:
    """The back end's own error for a full disk, as its driver raises it mid-transaction."""
    if backend.name == "postgres":
        import psycopg

        return psycopg.errors.DiskFull("could not extend file: No space left on device")
    import sqlite3

    return sqlite3.OperationalError("database or disk is full")


def test_a_failing_article_leaves_the_store_as_it_was(
    backend: Backend, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_article()
    store.put_analysis(analysis(first, make_claim(first)))
    second = make_article(OTHER_TEXT)
    error = _disk_full(backend)

    def crash(*args: object) -> None:  # the disk fills up after the article row is written
        raise error

    monkeypatch.setattr(type(store), "_put_claims", crash)
    with pytest.raises(StoreError, match=r"disk is full|No space left"):
        store.put_analysis(analysis(second, make_claim(second)))
    monkeypatch.undo()
    assert not store.has_article(second.id)
    assert [a.id for a in store.articles()] == [first.id]
    assert len(store.claims()) == 1 and store.mentions(second.id) == []
    assert store.search("القامشلي") == []
    assert store.put_analysis(analysis(second, make_claim(second))) is True  # usable again


# --- the stamp a reader watches -----------------------------------------------------------------


def _populated(store: Store) -> None:
    article = make_article()
    claim = make_claim(article)
    store.put_analysis(analysis(article, claim))
    store.replace_links([replace(claim, event_id="e-1")], [sample_event(claim)], [])


def test_reading_leaves_the_stamp_as_it_was(store: Store) -> None:
    _populated(store)
    before = store.stamp()
    store.articles(), store.claims(), store.events(), store.stories(), store.failures()
    store.counts(), store.search("طفس")
    assert store.stamp() == before


def test_every_kind_of_write_changes_the_stamp(store: Store) -> None:
    stamps = [store.stamp()]

    def changed() -> bool:
        stamps.append(store.stamp())
        return stamps[-1] != stamps[-2]

    run = store.start_run()
    assert changed()
    article = make_article()
    claim = make_claim(article)
    store.put_analysis(analysis(article, claim))
    assert changed()
    other = make_article(OTHER_TEXT)
    store.put_analysis(analysis(other))
    assert changed()
    store.put_failure(Failure("reports.jsonl:3", "ingest", "invalid JSON"))
    assert changed()
    store.replace_links([replace(claim, event_id="e-1")], [sample_event(claim)], [])
    assert changed()
    story = Story("s-1", "حصار طفس", ("e-1",), date(2023, 3, 13), None)
    store.replace_links([replace(claim, event_id="e-1")], [sample_event(claim)], [story])
    assert changed()  # the same event again is a new relinking
    store.replace_links([claim], [], [])
    assert changed()
    store.finish_run(run, {"articles": 2})
    assert changed()


def test_another_connection_sees_the_stamp_change(backend: Backend) -> None:
    target = backend.new_target()
    with Store.open(target) as reader, Store.open(target) as writer:
        before = reader.stamp()
        assert reader.stamp() == before
        writer.finish_run(writer.start_run(), {})
        assert reader.stamp() != before
        after = reader.stamp()
        _populated(writer)
        assert reader.stamp() != after


def test_a_new_connection_to_an_unchanged_store_has_the_same_stamp(backend: Backend) -> None:
    target = backend.new_target()
    with Store.open(target) as writer:
        _populated(writer)
        writer.finish_run(writer.start_run(), {})
    with Store.open(target) as first:
        stamp = first.stamp()
    with Store.open(target) as second:
        assert second.stamp() == stamp  # a reader opening per request does not reload each time
