"""The date of one event: explicit in its sentence, carried from the last sentences of the
account, or the publication date (codebook §5)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache, lru_cache

from marsad.classify.background import in_cause
from marsad.classify.view import SentenceView
from marsad.model import DateInterval, DateRef, Mention, ResolvedDate
from marsad.text.date_grammar import RELATION_WORDS
from marsad.text.lexicon import read_table, trie_pattern
from marsad.text.normalize import normalize_key

DATE_CARRY_SENTENCES = 3  # a date named in the last sentences of the account carries

CARRY_MAX_AGE_DAYS = 31  # an older date in the text is background, not the day of the account
HEADLINE_LEAD_SENTENCES = 5  # an undated report's headline block, up to its dated lead


def _recent_day(ref: DateRef, published: date | None) -> bool:
    """A named day (precision 1) close before publication can carry to the next sentences."""
    if ref.interval.precision != 1:
        return False
    if published is None:
        return True
    return 0 <= (published - ref.interval.start).days <= CARRY_MAX_AGE_DAYS


SINCE = re.compile(r"(?:^|\s)[وف]?منذ\s*$")  # "منذ مساء السبت": the date is where it began
SINCE_WINDOW_CHARS = 8
SINCE_DAY_SPAN = 1  # up to a night (Saturday evening → Sunday) the day is still known
SINCE_WEEK_SPAN = 7
SINCE_MAX_DAYS = 31
STARTS_ONLY = frozenset({"siege_imposed"})  # codebook §5: a siege takes its start date


def _since_interval(ref: DateRef, text: str, published: date | None) -> DateRef:
    """An ongoing action "منذ X" covers X up to the report's day (train gold: "منذ يومين",
    "منذ مساء السبت", "منذ 20 كانون الثاني" end at publication); precision from its length."""
    start = ref.interval.start
    if ref.span is None or published is None or published <= ref.interval.end:
        return ref
    before = text[max(0, ref.span.start - SINCE_WINDOW_CHARS) : ref.span.start]
    if not SINCE.search(before) and not ref.span.text.startswith("منذ"):
        return ref
    days = (published - start).days
    if days > SINCE_MAX_DAYS:
        return ref  # "منذ ثلاث سنوات" dates a siege or a rule, not the action told
    precision = 1 if days <= SINCE_DAY_SPAN else 2 if days <= SINCE_WEEK_SPAN else 3
    precision = max(precision, ref.interval.precision)
    return DateRef(DateInterval(start, published, precision), ref.span)


BESIEGED = re.compile(r"^(?:[وفب]?ال)?محاصر")  # the participle: "المحاصرة", "محاصرين"


def _besieged_state(trigger: Mention) -> bool:
    return BESIEGED.match(trigger.span.text) is not None


def _since_before(ref: DateRef, text: str) -> bool:
    """The date is introduced by "منذ" (where the siege began)."""
    if ref.span is None:
        return False
    before = text[max(0, ref.span.start - SINCE_WINDOW_CHARS) : ref.span.start]
    return SINCE.search(before) is not None or ref.span.text.startswith("منذ")


# "فكت الحصار عن المطار الذي كان يسيطر عليه التنظيم منذ ثلاث سنوات": a long-past date after
# "منذ" is when the siege began, not when it was lifted (codebook §5: the lifting date).
BACKGROUND_SINCE_ACTIONS = frozenset({"siege_lifted"})


def _began_long_ago(ref: DateRef, text: str, published: date | None) -> bool:
    if published is None or (published - ref.interval.end).days <= SINCE_MAX_DAYS:
        return False
    return _since_before(ref, text)


def pick_date(
    views: list[SentenceView],
    view: SentenceView,
    trigger: Mention,
    published: date | None,
    text: str = "",
    since: int | None = None,
    status: str = "occurred",
) -> DateRef | None:
    """The event's date. An act told as the cause of another from `since` on ("ردا على …")
    takes only a date written from there: with none it is undated (it happened on or before the
    report, codebook §5: unknown values are never guessed), not the other act's date, a date
    carried from the account, or the report's day. A planned act's bare weekday points forward;
    a future date told after a plan or terms that follow the act is the term's, not the act's."""
    if status == PLANNED and published is not None:
        view = replace(view, dates=[_ahead(d, published) for d in view.dates])
    if since is not None:
        own = [d for d in view.dates if d.mention.span.start >= since]
        if not own:
            return None
    else:
        own = _outside_causes(view, text)
    own = [d for d in own if not _a_terms_date(view, trigger, d, published)]
    if trigger.key in BACKGROUND_SINCE_ACTIONS:
        sentence = text or _sentence_text(view)
        own = [d for d in own if not _began_long_ago(d.ref, sentence, published)]
    if own:
        nearest = min(own, key=lambda d: abs(d.mention.span.start - trigger.span.start))
        if (
            trigger.key in STARTS_ONLY
            and published is not None
            and _besieged_state(trigger)
            and not _since_before(nearest.ref, text or _sentence_text(view))
        ):
            # "الغوطة المحاصرة": a siege told as the place's state, with no stated start, takes
            # the report's date (codebook §5), not the date of what else the sentence tells
            return DateRef(DateInterval(published, published, 1), None)
        if trigger.key in STARTS_ONLY:
            return nearest.ref
        return _since_interval(nearest.ref, text or _sentence_text(view), published)
    for back in range(1, DATE_CARRY_SENTENCES + 1):
        i = view.index - back
        if i < 0:
            break
        recent = [
            d
            for d in _outside_causes(views[i], text)
            if _recent_day(d.ref, published) and not _dateline(d, views[i])
        ]
        if recent:
            return recent[-1].ref  # the account goes on about the day just named
    if published is not None:
        return _report_day(views, trigger, published)
    for back in range(view.index - 1, -1, -1):
        # A year alone told earlier ("في ذروة سطوته في عام 2015") is background, not the day of
        # what the undated report goes on to tell: only a named day carries that far.
        dated = [d for d in views[back].dates if d.has_year and d.ref.interval.precision == 1]
        if dated:
            return dated[-1].ref
    for ahead in views[view.index + 1 : view.index + 1 + HEADLINE_LEAD_SENTENCES]:
        # nothing dated before: a headline, told again by the lead that names its day and year
        dated = [d for d in ahead.dates if d.has_year and d.ref.interval.precision == 1]
        if dated:
            return DateRef(dated[0].ref.interval, None)
    return None


PLANNED = "planned"
WEEKDAY_RULE = ":weekday"  # the date mention's rule: a weekday named alone or with a relation
_PAST_WORDS = frozenset(w for w, way in RELATION_WORDS.items() if way == "past")


def _ahead(d: ResolvedDate, published: date) -> ResolvedDate:
    """A bare weekday of a planned act is the next such day, not the last one: "من المقرر أن
    تدخل القافلة يوم الجمعة" in a Wednesday report is two days on (the text layer reads a bare
    weekday back from the report, as a told act's day)."""
    i = d.ref.interval
    if not d.mention.rule.endswith(WEEKDAY_RULE) or i.precision != 1 or i.start >= published:
        return d
    if _PAST_WORDS & set(normalize_key(d.mention.span.text).split()):
        return d  # "الجمعة الماضية": said of the past even in a plan
    days = timedelta(days=7)
    ahead = DateInterval(i.start + days, i.end + days, i.precision)
    return replace(d, ref=replace(d.ref, interval=ahead))


FUTURE_CUES = frozenset({"planned", "terms"})


def _a_terms_date(
    view: SentenceView, trigger: Mention, d: ResolvedDate, published: date | None
) -> bool:
    """A date ahead of the report told after a plan or a deal's terms that follow the act: the
    date of what is planned, not of the act ("توصلت روسيا وجيش الإسلام إلى اتفاق يقضي بخروج
    المقاتلين … خلال الأيام المقبلة": the deal was reached; the leaving is to come)."""
    if published is None or d.ref.interval.start <= published:
        return False
    start = d.mention.span.start
    return any(
        m.key in FUTURE_CUES and trigger.span.end <= m.span.start < start for m in view.status
    )


def _outside_causes(view: SentenceView, text: str) -> list[ResolvedDate]:
    """The sentence's dates but those written in a cause's words ("ردا على هجوم … يوم السبت
    الماضي"): they date the cause, not the act the sentence reports, nor the account after."""
    sentence = text or _sentence_text(view)
    return [d for d in view.dates if not in_cause(view, sentence, d.mention.span.start)]


def _report_day(views: list[SentenceView], trigger: Mention, published: date) -> DateRef:
    """An event with no date of its own, in a dated report. A report anchored to its own day
    (a date in it is the publication day; "الآن", a bare hour of the day, an action still going
    on: data/text/today_words.tsv) tells what happened that day; one told only in the past,
    like a news summary of the last day, happened that day or the one before (dev gold codes
    pub-1 .. pub). A siege with no stated start is ongoing: the report's day (codebook §5)."""
    if trigger.key in STARTS_ONLY or _anchored_today(views, published):
        return DateRef(DateInterval(published, published, 1), None)
    return DateRef(DateInterval(published - timedelta(days=1), published, 2), None)


def _anchored_today(views: list[SentenceView], published: date) -> bool:
    for view in views:
        for d in view.dates:
            i = d.ref.interval
            if i.start == published and i.end == published and not _dateline(d, view):
                return True
        words, hours = _today_words_in(view.span.text)
        if words:
            return True
        if not view.dates and hours:
            return True  # "صباحاً" with no day named in its sentence: this morning
    return False


@lru_cache(maxsize=1024)
def _today_words_in(sentence: str) -> tuple[bool, bool]:
    """Whether a sentence has an anchor word of today, and a bare hour of the day. Cached: every
    undated event of an article asks about all its sentences."""
    key = normalize_key(sentence)
    return bool(_today_words(False).search(key)), bool(_today_words(True).search(key))


@cache
def _today_words(hours: bool) -> re.Pattern[str]:
    """The anchor words of one kind: the hours of a day, or the others."""
    rows = read_table("today_words.tsv")
    words = [normalize_key(r["word"]) for r in rows if (r["kind"] == "hour") == hours]
    return re.compile(rf"(?<![^\W\d_])[وف]?(?:{trie_pattern(words)})(?![^\W\d_])")


DATELINE_WINDOW_CHARS = 300
YEAR = re.compile(r"\d{4}")
_DATELINE_TAIL = re.compile(r"^[\s,،.:\-–—|]*(?:\n|$|[\-–—])")


def _dateline(d: ResolvedDate, view: SentenceView) -> bool:
    """A full date printed under the headline ("04 يوليو 2024", "دمشق – 20 يناير 2024 –") is
    the page's date, not a statement that the events were that day."""
    span = d.mention.span
    if YEAR.search(span.text) is None or span.start >= DATELINE_WINDOW_CHARS:
        return False
    rest = view.span.text[span.end - view.span.start :]
    return _DATELINE_TAIL.match(rest) is not None


def _sentence_text(view: SentenceView) -> str:
    """The article text as far as this sentence (offsets kept: earlier characters blanked)."""
    return " " * view.span.start + view.span.text
