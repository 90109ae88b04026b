"""The API's reads in SQL (`marsad.store.reads`) against a plain Python filter over the same
store, for every filter, combinations, and paging edges, on SQLite and PostgreSQL.

The store is built here from generated records (seeded: the same every run) with the awkward
cases on purpose: undated items, items with no place or no actor, one actor on both sides, a
specific id, a governorate missing, disputed and undisputed events, events of several articles.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from store_samples import Backend

from marsad.model import (
    ActorRef,
    AnalyzedArticle,
    Article,
    Claim,
    DateInterval,
    DateRef,
    Dispute,
    DisputeValue,
    Event,
    Place,
    PlaceRef,
    Span,
    Story,
    content_id,
)
from marsad.store import SqliteStore, Store
from marsad.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS
from marsad.store.reads import EventCounts, Filters
from marsad.store.rows import FILTER_COLUMNS, claim_row, event_row, fold

# Sentences written for these tests.
SENTENCES = (
    "قصفت قوات النظام بالمدفعية أطراف البلدة صباح اليوم وأفاد ناشطون بسقوط جرحى.",
    "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور القرية الشمالي.",
    "شنت طائرات حربية غارات على مزارع قرب المدينة دون أنباء عن إصابات.",
    "اعتقلت دورية أمنية ثلاثة شبان عند حاجز على مدخل البلدة الشرقي.",
)
PLACES = (
    Place("g-1", "Tafas", "طفس", 32.74, 35.99, "Dar'a", "Dar'a", None, "SY", "town"),
    Place("g-2", "Saraqab", "سراقب", 35.86, 36.8, "Idleb", "Idleb", None, "SY", "town"),
    Place("g-3", "Al-Mayadin", "الميادين", 35.02, 40.45, "Deir-ez-Zor", None, None, "SY", "city"),
    Place("g-4", "Somewhere", "مكانٌ ما", 34.0, 37.0, None, None, None, "SY", "area"),
)
ACTORS = (
    ActorRef("SYR_GOV", "Government of Syria", None),
    ActorRef("OPPOSITION", "Syrian opposition", None, "JAYSH_ISLAM"),
    ActorRef("SDF", "Syrian Democratic Forces", None),
    ActorRef("CIV", "Civilians", None),
)
ACTIONS = ("shelling", "air_strike", "armed_clash", "arrest")
STATUSES = ("occurred", "denied", "planned", "negated")
START = date(2023, 3, 1)


def _date(rng: random.Random) -> DateInterval | None:
    if rng.random() < 0.15:
        return None
    start = START + timedelta(days=rng.randrange(20))
    return DateInterval(start, start + timedelta(days=rng.choice((0, 0, 0, 2, 6))), 1)


def _maybe(rng: random.Random, values: tuple[object, ...], none: float) -> object:
    return None if rng.random() < none else rng.choice(values)


def sample(seed: int = 11) -> tuple[list[AnalyzedArticle], list[Event], list[Story]]:
    """Articles with their claims, the events linking them, and two stories."""
    rng = random.Random(seed)
    analyses: list[AnalyzedArticle] = []
    claims: list[Claim] = []
    for a in range(14):
        text = f"{rng.choice(SENTENCES)} ({a})"
        article = Article(Article.derive_id(text), text, f"outlet-{a % 5}", None, START)
        own = []
        for k in range(rng.randint(1, 4)):
            interval = _date(rng)
            actor1 = _maybe(rng, ACTORS, 0.15)
            claim = Claim(
                id=content_id("r", article.id, k),
                article_id=article.id,
                action=rng.choice(ACTIONS),
                status=rng.choice(STATUSES),
                actor1=actor1,  # type: ignore[arg-type]
                actor2=actor1 if rng.random() < 0.1 else _maybe(rng, ACTORS, 0.5),  # type: ignore[arg-type]
                location=None if rng.random() < 0.15 else PlaceRef(rng.choice(PLACES), 1, None),
                date=None if interval is None else DateRef(interval, None),
                fatalities=None,
                quantities=(),
                attributed_to=None,
                evidence=Span.of(text, 0, 12),
                trigger=None,
                confidence=0.9,
                rule="test@1",
            )
            own.append(claim)
        claims.extend(own)
        analyses.append(AnalyzedArticle(article, (), tuple(own)))
    # Events: groups of one to three claims (a few claims stay unlinked), merged as the first.
    events: list[Event] = []
    linked: dict[str, tuple[str, str | None]] = {}
    order = list(claims)
    rng.shuffle(order)
    position = 0
    while position < len(order) - 3:
        group = order[position : position + rng.randint(1, 3)]
        position += len(group)
        head = group[0]
        event_id = content_id("e", *(c.id for c in group))
        story_id = rng.choice(("s-1", "s-2", None))
        disputes: tuple[Dispute, ...] = ()
        if len(group) > 1 and rng.random() < 0.5:
            value = DisputeValue("x", None, (head.id,), (head.article_id,), ("outlet-0",))
            disputes = (Dispute("location", (value, value)),)
        events.append(
            Event(
                id=event_id,
                action=head.action,
                status=head.status,
                actor1=head.actor1,
                actor2=head.actor2,
                location=head.location,
                date=None if head.date is None else head.date.interval,
                fatalities=None,
                record_ids=tuple(c.id for c in group),
                article_ids=tuple(dict.fromkeys(c.article_id for c in group)),
                outlets=("outlet-0",),
                independent_sources=1,
                disputes=disputes,
                story_id=story_id,
            )
        )
        for claim in group:
            linked[claim.id] = (event_id, story_id)
    stories = [
        Story(s, f"story {s}", tuple(e.id for e in events if e.story_id == s), START, None)
        for s in ("s-1", "s-2")
    ]
    analyses = [
        replace(
            a,
            claims=tuple(
                replace(
                    c,
                    event_id=linked.get(c.id, (None, None))[0],
                    story_id=linked.get(c.id, (None, None))[1],
                )
                for c in a.claims
            ),
        )
        for a in analyses
    ]
    return analyses, events, stories


def fill(store: Store) -> None:
    analyses, events, stories = sample()
    for analyzed in analyses:
        store.put_analysis(analyzed)
    store.replace_links([c for a in analyses for c in a.claims], events, stories)


@pytest.fixture
def filled(store: Store) -> Store:
    fill(store)
    return store


# --- the plain Python filter the SQL must agree with -----------------------------------------


def _overlaps(interval: DateInterval | None, f: Filters) -> bool:
    if f.since is None and f.until is None:
        return True
    if interval is None:
        return False
    return not (
        (f.since is not None and interval.end < f.since)
        or (f.until is not None and interval.start > f.until)
    )


def _shared(item: Claim | Event, f: Filters) -> bool:
    if f.actions and item.action not in f.actions:
        return False
    if f.statuses and item.status not in f.statuses:
        return False
    place = None if item.location is None else item.location.place
    if f.admin1 and (place is None or fold(place.admin1) not in f.admin1):
        return False
    if f.actor and not any(
        f.actor in (fold(r.id), fold(r.specific_id)) or f.actor in fold(r.name)
        for r in (item.actor1, item.actor2)
        if r is not None
    ):
        return False
    if f.place and (
        place is None
        or not any(f.place in fold(n) for n in (place.name, place.name_ar, place.admin2))
    ):
        return False
    return f.story_id is None or item.story_id == f.story_id


def python_events(store: Store, f: Filters) -> list[Event]:
    def newest_first(e: Event) -> tuple[int, int, str]:
        return (1, 0, e.id) if e.date is None else (0, -e.date.start.toordinal(), e.id)

    return [
        e
        for e in sorted(store.events(), key=newest_first)
        if _shared(e, f)
        and (f.disputed is None or bool(e.disputes) == f.disputed)
        and (f.article_ids is None or not f.article_ids.isdisjoint(e.article_ids))
        and _overlaps(e.date, f)
    ]


def python_claims(store: Store, f: Filters) -> list[Claim]:
    return [
        c
        for c in store.claims()
        if _shared(c, f)
        and (f.event_id is None or c.event_id == f.event_id)
        and (f.article_id is None or c.article_id == f.article_id)
        and (f.article_ids is None or c.article_id in f.article_ids)
        and _overlaps(None if c.date is None else c.date.interval, f)
    ]


def filter_cases(store: Store) -> Iterator[Filters]:
    """Each filter alone with values that match and that do not, then some combinations."""
    events = store.events()
    claims = store.claims()
    articles = [a.id for a in store.articles()]
    yield Filters()
    for action in (*ACTIONS, "no_such_action"):
        yield Filters(actions=frozenset({action}))
    yield Filters(actions=frozenset(ACTIONS[:2]))
    for status in STATUSES:
        yield Filters(statuses=frozenset({status}))
    yield Filters(statuses=frozenset(STATUSES[1:3]))
    for admin1 in ("dar'a", "idleb", "deir-ez-zor", "nowhere", ""):
        yield Filters(admin1=frozenset({fold(admin1)}))
    yield Filters(admin1=frozenset({"dar'a", "idleb"}))
    for actor in ("syr_gov", "jaysh_islam", "opposition", "democratic", "syrian", "civ", "zzz"):
        yield Filters(actor=fold(actor))
    for place in ("tafas", "سراق", "deir", "مكان ما", "al-", "zzz"):
        yield Filters(place=fold(place))
    for day in (START, START + timedelta(days=5), START + timedelta(days=30)):
        yield Filters(since=day)
        yield Filters(until=day)
        yield Filters(since=day, until=day)
    yield Filters(since=START + timedelta(days=3), until=START + timedelta(days=9))
    for disputed in (True, False):
        yield Filters(disputed=disputed)
    for story in ("s-1", "s-2", "s-none"):
        yield Filters(story_id=story)
    yield Filters(article_ids=frozenset())
    yield Filters(article_ids=frozenset(articles[:3]))
    yield Filters(article_ids=frozenset({articles[-1], "a-missing"}))
    for event in events[:3]:
        yield Filters(event_id=event.id)
    yield Filters(event_id="e-missing")
    for article in articles[:2]:
        yield Filters(article_id=article)
    assert claims
    yield Filters(actions=frozenset(ACTIONS[:3]), statuses=frozenset({"occurred", "denied"}))
    yield Filters(actor="syr_gov", since=START + timedelta(days=4), disputed=False)
    yield Filters(admin1=frozenset({"idleb"}), place="saraqab", story_id="s-1")
    yield Filters(article_ids=frozenset(articles[::2]), actions=frozenset({"shelling", "arrest"}))


def test_the_python_filter_cases_are_not_trivial(filled: Store) -> None:
    """The cases must both keep and drop items, or the comparisons below prove little."""
    sizes = [len(python_events(filled, f)) for f in filter_cases(filled)]
    total = len(filled.events())
    assert total > 10 and any(0 < n < total for n in sizes) and 0 in sizes


def test_filtered_events_are_the_python_filter(filled: Store) -> None:
    for f in filter_cases(filled):
        expected = python_events(filled, f)
        found = filled.find_events(f, limit=1000, offset=0)
        assert found.items == expected, f
        assert found.total == len(expected), f


def test_filtered_records_are_the_python_filter(filled: Store) -> None:
    for f in filter_cases(filled):
        expected = python_claims(filled, f)
        found = filled.find_claims(f, limit=1000, offset=0)
        assert found.items == expected, f
        assert found.total == len(expected), f


def _pages(limit: int, total: int) -> Iterable[int]:
    return sorted({0, 1, limit, total - 1, total, total + 1, total + limit} - {-1})


def test_pages_cut_the_list_at_every_edge(filled: Store) -> None:
    for f in (Filters(), Filters(statuses=frozenset({"occurred"})), Filters(actor="zzz")):
        events = python_events(filled, f)
        claims = python_claims(filled, f)
        for limit in (1, 2, 3, 7, len(events) or 1, len(claims) or 1, 1000):
            for offset in _pages(limit, len(events)):
                found = filled.find_events(f, limit=limit, offset=offset)
                assert found.items == events[offset : offset + limit], (f, limit, offset)
                assert found.total == len(events), (f, limit, offset)
            for offset in _pages(limit, len(claims)):
                got = filled.find_claims(f, limit=limit, offset=offset)
                assert got.items == claims[offset : offset + limit], (f, limit, offset)
                assert got.total == len(claims), (f, limit, offset)


def test_event_days_count_the_filtered_events(filled: Store) -> None:
    for f in filter_cases(filled):
        days = Counter(None if e.date is None else e.date.start for e in python_events(filled, f))
        expected = sorted(days.items(), key=lambda kv: (kv[0] is None, kv[0] or date.min))
        assert filled.event_days(f) == expected, f


def test_event_counts_are_the_python_counts(filled: Store) -> None:
    events = python_events(filled, Filters())  # newest first: Counter's ties keep this order
    counts = filled.event_counts()
    assert counts.by_action == Counter(e.action for e in events).most_common()
    assert counts.by_admin1 == (
        Counter(e.location.place.admin1 or "" for e in events if e.location).most_common()
    )
    assert counts.disputed == sum(1 for e in events if e.disputes)
    dated = [e.date for e in events if e.date is not None]
    assert counts.first == min(d.start for d in dated).isoformat()
    assert counts.last == max(d.end for d in dated).isoformat()
    assert counts.undated == len(events) - len(dated)


def test_actor_counts_are_the_python_counts(filled: Store) -> None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for event in python_events(filled, Filters()):
        for ref in {r.id: r for r in (event.actor1, event.actor2) if r is not None}.values():
            counts[ref.id] += 1
            names.setdefault(ref.id, ref.name)
    expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    found = filled.actor_counts()
    assert [(a.id, a.name, a.events) for a in found] == [(i, names[i], n) for i, n in expected]


def test_lookups_by_id_and_story_pages(filled: Store) -> None:
    events = filled.events()
    claims = filled.claims()
    wanted = [events[0].id, events[-1].id, "e-missing"]
    assert filled.events_by_id(wanted) == {e.id: e for e in events if e.id in wanted}
    some = [c.id for c in claims[:3]]
    assert filled.claims_by_id([*some, "r-missing"]) == {c.id: c for c in claims[:3]}
    assert filled.events_by_id([]) == {} and filled.claims_by_id([]) == {}
    articles = filled.articles()
    metas = filled.article_metas([articles[0].id, "a-missing"])
    assert metas == {articles[0].id: replace(articles[0], text="")}
    stories = filled.stories()
    assert filled.story("s-2") == next(s for s in stories if s.id == "s-2")
    assert filled.story("s-missing") is None
    for limit, offset in ((1, 0), (1, 1), (1, 2), (5, 0), (5, 2)):
        page = filled.find_stories(limit=limit, offset=offset)
        assert page.items == stories[offset : offset + limit] and page.total == len(stories)


def test_a_relinking_replaces_what_a_text_search_reaches(filled: Store) -> None:
    claims = filled.claims()
    event = filled.events()[0]
    only = Filters(article_ids=frozenset({event.article_ids[0]}))
    assert event in filled.find_events(only, limit=1000, offset=0).items
    filled.replace_links([replace(c, event_id=None, story_id=None) for c in claims], [], [])
    assert filled.find_events(only, limit=1000, offset=0).total == 0


# --- a store from before the filter columns ---------------------------------------------------


def _old_store(target: str | Path) -> Store:
    """A store at schema version 2 (before the filter columns)."""
    if isinstance(target, str):
        from marsad.store.postgres import PostgresStore

        return PostgresStore.open_url(target, migrations=POSTGRES_MIGRATIONS[:2])
    return SqliteStore.open_file(target, migrations=MIGRATIONS[:2])


def test_an_old_store_gets_its_filter_columns_from_its_json(
    backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("marsad.store.rows._BACKFILL_BATCH", 4)  # several batches, a short last
    analyses, events, _ = sample()
    target = backend.new_target()
    mark = "?" if isinstance(target, Path) else "%s"
    with _old_store(target) as old:  # what a version-2 marsad wrote
        db = old._db  # type: ignore[attr-defined]
        for analyzed in analyses:
            article = analyzed.article
            db.execute(
                "INSERT INTO articles (id, text, outlet, content_hash, ingested_at) "
                f"VALUES ({mark}, {mark}, {mark}, 'h', 'now')",
                (article.id, article.text, article.outlet),
            )
            for seq, claim in enumerate(analyzed.claims):
                db.execute(
                    "INSERT INTO claims (id, article_id, seq, action, status, event_id, "
                    "story_id, date_start, date_end, admin1, lat, lon, json) "
                    f"VALUES ({', '.join([mark] * 13)})",
                    claim_row(claim, seq)[:13],
                )
        for event in events:
            db.execute(
                "INSERT INTO events (id, action, status, story_id, date_start, date_end, "
                f"admin1, lat, lon, json) VALUES ({', '.join([mark] * 10)})",
                event_row(event)[:10],
            )
    with Store.open(target) as upgraded, Store.open(backend.new_target()) as fresh:
        fill(fresh)
        for table in ("claims", "events"):
            columns = FILTER_COLUMNS + (", disputed" if table == "events" else "")
            query = f"SELECT id, {columns} FROM {table} ORDER BY id"
            assert upgraded._rows(query) == fresh._rows(query), table
        for f in filter_cases(fresh):
            found = upgraded.find_events(f, limit=1000, offset=0)
            assert found == fresh.find_events(f, limit=1000, offset=0), f


def test_reads_in_one_transaction_see_one_moment(backend: Backend) -> None:
    target = backend.new_target()
    with Store.open(target) as reader, Store.open(target) as writer:
        fill(writer)
        before = reader.find_events(Filters(), limit=3, offset=0)
        assert before.total > 3
        with reader.reading():
            first = reader.find_events(Filters(), limit=3, offset=0)
            writer.replace_links([replace(c, event_id=None) for c in writer.claims()], [], [])
            assert reader.find_events(Filters(), limit=3, offset=0) == first == before
            assert reader.event_counts() != EventCounts([], [], 0, None, None, 0)
        assert reader.find_events(Filters(), limit=3, offset=0).total == 0
        assert reader.event_counts() == EventCounts([], [], 0, None, None, 0)
