"""The SQLite store: idempotent ingest, atomic replacement, links, failures, search, migrations."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.model import (
    ActorRef,
    AnalyzedArticle,
    Article,
    Claim,
    DateInterval,
    DateRef,
    Event,
    Failure,
    Mention,
    MentionKind,
    Place,
    PlaceRef,
    Span,
    Story,
)
from marsad.store import SqliteStore, Store
from marsad.store.migrations import MIGRATIONS

# Written for these tests in the style of a local news report.
TEXT = (
    "فرضت قوات النظام السوري، فجر أمس الإثنين، حصاراً خانقاً على بلدة طفس في ريف درعا "
    "الغربي، ومنعت دخول الطحين والأدوية إلى البلدة، بحسب ما أفاد به ناشطون محليون."
)
OTHER_TEXT = (
    "أعلنت قوى الأمن الداخلي فرض حظر تجوال في مدينة القامشلي لمدة يومين، بعد انفجار عبوة "
    "ناسفة قرب دوار الهلالية."
)
TAFAS = Place("g-tafas", "Tafas", "طفس", 32.74, 35.99, "Dar'a", "Dar'a", None, "SY", "town")


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def make_article(text: str = TEXT, **fields: object) -> Article:
    return Article(id=Article.derive_id(text), text=text, **fields)  # type: ignore[arg-type]


def make_claim(article: Article, action: str = "siege_imposed", **fields: object) -> Claim:
    base = Claim(
        id=Claim.derive_id(article.id, action, "occurred", "g-tafas", "2023-03-13", None, None),
        article_id=article.id,
        action=action,
        status="occurred",
        actor1=ActorRef("SYR_GOV", "Government of Syria", span_of(TEXT, "قوات النظام السوري")),
        actor2=None,
        location=PlaceRef(TAFAS, 1, span_of(TEXT, "طفس")),
        date=DateRef(DateInterval(date(2023, 3, 13), date(2023, 3, 13), 1), None),
        fatalities=None,
        quantities=(),
        attributed_to=None,
        evidence=Span.of(article.text, 0, 40),
        trigger=span_of(TEXT, "حصاراً"),
        confidence=0.8123456,
        rule="test@1",
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def analysis(article: Article, *claims: Claim) -> AnalyzedArticle:
    mention = Mention(MentionKind.PLACE, span_of(TEXT, "طفس"), "g-tafas", "lexicon.place@1")
    return AnalyzedArticle(article=article, mentions=(mention,), claims=claims)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "marsad.db")


def test_open_gives_a_wal_sqlite_store_with_all_migrations(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    with Store.open(path) as opened:
        assert isinstance(opened, SqliteStore)
        assert opened.schema_version == MIGRATIONS[-1].version
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_put_analysis_round_trips_article_mentions_and_claims(store: Store) -> None:
    article = make_article(outlet="درعا 24", published=date(2023, 3, 14), title="حصار طفس")
    claim = make_claim(article)
    assert store.put_analysis(analysis(article, claim)) is True
    assert store.has_article(article.id) and not store.has_article("a-missing")
    assert store.articles() == [article]
    assert store.article(article.id) == article
    assert store.claims() == [claim]
    assert store.mentions(article.id)[0].key == "g-tafas"


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


def test_a_failing_article_leaves_the_store_as_it_was(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_article()
    store.put_analysis(analysis(first, make_claim(first)))
    second = make_article(OTHER_TEXT)

    def crash(*args: object) -> None:  # the disk fills up after the article row is written
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SqliteStore, "_put_claims", crash)
    with pytest.raises(StoreError, match="disk is full"):
        store.put_analysis(analysis(second, make_claim(second)))
    monkeypatch.undo()
    assert not store.has_article(second.id)
    assert [a.id for a in store.articles()] == [first.id]
    assert len(store.claims()) == 1 and store.mentions(second.id) == []
    assert store.search("القامشلي") == []
    assert store.put_analysis(analysis(second, make_claim(second))) is True  # usable again


def test_claims_of_another_article_are_refused(store: Store) -> None:
    article = make_article()
    stray = make_claim(article, article_id="a-other", id="r-stray")
    with pytest.raises(StoreError, match="r-stray"):
        store.put_analysis(analysis(article, make_claim(article), stray))
    assert not store.has_article(article.id)


def test_rerun_after_reopening_is_a_no_op(tmp_path: Path) -> None:
    article = make_article()
    with Store.open(tmp_path / "m.db") as first:
        assert first.put_analysis(analysis(article, make_claim(article))) is True
    with Store.open(tmp_path / "m.db") as again:
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
    only_first = store.claims([first.id, "a-unknown"])
    assert [c.action for c in only_first] == ["siege_imposed", "blockade_goods"]
    assert store.claims([]) == []


def sample_event(claim: Claim) -> Event:
    return Event(
        id="e-1",
        action=claim.action,
        status="occurred",
        actor1=claim.actor1,
        actor2=None,
        location=claim.location,
        date=None if claim.date is None else claim.date.interval,
        fatalities=None,
        record_ids=(claim.id,),
        article_ids=(claim.article_id,),
        outlets=("درعا 24",),
        independent_sources=1,
        disputes=(),
        story_id="s-1",
    )


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


def test_failures_are_kept_once(store: Store) -> None:
    broken = Failure("reports.jsonl:3", "ingest", "invalid JSON")
    store.put_failure(broken)
    store.put_failure(broken)
    store.put_failure(Failure("x.html", "extract", "boom", article_id="a-1"))
    assert store.failures() == [broken, Failure("x.html", "extract", "boom", "a-1")]


def test_runs_are_recorded(store: Store) -> None:
    run = store.start_run()
    store.finish_run(run, {"articles": 3})
    assert store.counts()["runs"] == 1


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("طفس", True),
        ("حصارا خانقا", True),  # no tanween alef mark, as a user types it
        ("بلده", True),  # ta marbuta folded on both sides
        ("الأدويه", True),  # hamza on alef folded
        ("القامشلي", False),
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


def test_old_store_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    article = make_article()
    with SqliteStore.open_file(path, migrations=MIGRATIONS[:1]) as old:
        assert old.schema_version == 1
        old._db.execute(  # what a version-1 marsad wrote: no search index yet
            "INSERT INTO articles (id, text, content_hash, ingested_at) VALUES (?, ?, 'h', 'now')",
            (article.id, article.text),
        )
    with Store.open(path) as upgraded:
        assert isinstance(upgraded, SqliteStore)
        assert upgraded.schema_version == MIGRATIONS[-1].version
        assert upgraded.articles() == [article]
        assert upgraded.search("طفس") == [article.id]


def test_store_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'later')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


@pytest.mark.parametrize("kind", ["folder", "not-a-db", "no-parent", "postgres"])
def test_unopenable_targets_raise_store_error(tmp_path: Path, kind: str) -> None:
    target: Path | str = {
        "folder": tmp_path,
        "not-a-db": tmp_path / "notes.db",
        "no-parent": tmp_path / "missing" / "x.db",
        "postgres": "postgresql://localhost/marsad",
    }[kind]
    (tmp_path / "notes.db").write_text("هذا ليس ملف قاعدة بيانات " * 200, encoding="utf-8")
    with pytest.raises(StoreError):
        Store.open(target)


@pytest.mark.parametrize("query", ['"طفس" OR', "طفس*", "(طفس) -", "طفس:"])
def test_search_operators_are_plain_text(store: Store, query: str) -> None:
    article = make_article()
    store.put_analysis(analysis(article))
    assert store.search(query) == [article.id]
