"""How strongly two records look like one happening: a sum of evidence, or None when they cannot be.

Each comparable field adds or subtracts a named weight; a field that either record leaves empty
adds nothing (unknown is not disagreement). Hard contradictions (another action, places in
different regions, dates far apart, two distinct happenings of one article) return None.
The weights were set by hand on the codebook's examples and checked on the dev set's `key`s
(scripts/eval_linking.py); the pair threshold sits where one strong field (actors, or wording)
plus one agreeing field (place or date) is needed.
"""

from __future__ import annotations

from datetime import timedelta

from marsad.geo import haversine_km
from marsad.knowledge.actions import two_sided_actions
from marsad.link.actors import ActorTree
from marsad.link.facts import RecordFacts
from marsad.link.geo import area_holds, nested
from marsad.link.shingles import sketch_similarity
from marsad.model import DateInterval

PAIR_THRESHOLD = 1.5  # a pair below this is not a candidate link

# Actions told of the same happening by different reporters: one says the victim died, another
# that he was wounded. Linked at a cost, so both must agree elsewhere.
COMPATIBLE_ACTIONS = frozenset({frozenset({"killing", "attack"})})
COMPATIBLE_ACTION_COST = 0.5
# Actions with a direction: in one article, the same two sides each way are two happenings (an
# exchange of prisoners or bodies), never one happening told from two ends.
EXCHANGED_ACTIONS = frozenset({"handover"})
# A state that lasts until it is lifted: a siege reported in 2013 and "the besieged town" of 2018
# are one siege (dev/train gold: one siege's records lie up to 1,540 days apart, while sieges of
# different keys never share a place). Their dates do not rule a link out; the place must agree.
DURABLE_ACTIONS = frozenset({"siege_imposed"})
# One besieged side at one place (or a region and a town in it), no besieger against another:
# one siege however far apart its reports (an unknown besieger does not disagree).
ONE_SIEGE = 0.5

ACTOR1_SAME, ACTOR1_RELATED, ACTOR1_CONFLICT = 1.0, 0.8, -1.5
ACTOR1_CROSSED = -0.5
ACTOR2_AGREE, ACTOR2_CONFLICT = 0.5, -0.5
# Two members of one side (data/actor_sides.tsv): reports name either as the doer of one
# happening, so they do not disagree; weaker than one id or one catalog family.
ACTOR1_ALLIED, ACTOR2_ALLIED = 0.3, 0.0

SAME_PLACE_KM = 5.0  # the scorer's "place within 5 km"
CLOSE_PLACE_KM = 2.0  # two gazetteer entries for one spot (a town and its centre)
NEAR_PLACE_KM = 25.0  # the scorer's place match radius: a neighbouring place
REGION_KM = 100.0  # same governorate within this: a dispute about the place, not a veto
FAR_KM = 150.0  # beyond this two places cannot be one happening
# The same gazetteer entry beats a neighbouring one: Sheikh Maqsoud and Ashrafieh are 2 km apart
# and are besieged in one sentence, yet they are two records and two events.
PLACE_SAME_ENTRY, PLACE_CLOSE, PLACE_WITHIN_5KM, PLACE_NEAR = 1.5, 1.0, 0.6, 0.3
PLACE_CONTAINS, PLACE_REGION, PLACE_BORDER = 0.3, 0.1, -0.5
PLACE_NESTED = 0.6  # a place and a wider one holding it (geo.contains), within NEAR_PLACE_KM

DATE_SAME_DAY, DATE_OVERLAP, DATE_VAGUE_OVERLAP, DATE_NEXT_DAY, DATE_FEW_DAYS = (
    1.0,
    0.6,
    0.3,
    0.5,
    -0.5,
)
NEXT_DAY_GAP = 1  # days between intervals: "the same event a day apart" is reporting lag
MAX_GAP_DAYS = 3  # beyond this two dated records are two happenings
VAGUE_DAYS = 31  # an interval longer than this (a month, a season) locates weakly
REPORT_LAG = timedelta(days=1)  # an undated record cannot tell what happened after its article
BACKGROUND_LAG = timedelta(days=30)  # an undated record in a dated article tells recent news
UNKNOWN_TIME = -0.6  # a record from an article with no date: place and actors alone are not enough
# A record of an undated article whose other records state days (facts.written_days): its day
# of writing is estimated, weaker than a publication date (0.0 when consistent), so consistent
# days cost less than no date at all, and inconsistent ones no more (nothing is ruled out).
ESTIMATE_NEAR = -0.2
# A record of an undated article whose text names its weekday or day of the month (facts.told_days)
# against a record of one day: a day that fits counts as a close publication date does (0.0), one
# that does not fit as no date at all. A clash costing more (-0.8 to -1.5) was tried: a weekday
# carried to the wrong record then split true links, and dev and train end-to-end F1 fell.
DAY_HINT_FITS, DAY_HINT_CLASHES = 0.0, UNKNOWN_TIME
HINT_MAX_SPAN = 6  # a longer dated interval holds every weekday: the hint says nothing

PLANNED_VS_DONE = -1.0
DISPUTING_STATUSES = frozenset({"denied", "negated"})
NUMBER_AGREE, NUMBER_CONFLICT = 0.3, -0.3
# Similarity of 4-gram sets (shingles.sketch_similarity): on the training set's evidence, records
# of one event reach a median 0.20, records of different events of one action a median 0.06 and
# 0.15 at the 90th percentile. Wording below the floor says nothing; far above it, it says a lot.
WORDING_FLOOR = 0.12
WORDING_SLOPE, WORDING_CAP = 4.0, 2.0


def pair_score(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> float | None:
    """The evidence that `a` and `b` tell one happening, or None when they cannot."""
    action = _action_score(a, b)
    if action is None or (
        a.article_id == b.article_id and not same_happening_in_article(a, b, actors)
    ):
        return None  # checked first: the cheap vetoes spare the wording comparison
    place = _place_score(a, b)
    when = _lasting_date(a, b, _date_score(a, b))
    if place is None or when is None:
        return None
    return (
        action
        + _status_score(a, b)
        + place
        + when
        + _actor_score(a, b, actors)
        + _lasting_score(a, b, actors)
        + _number_score(a, b)
        + _wording_score(a, b)
    )


def score_parts(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> dict[str, float | None]:
    """`pair_score` field by field (None: that field rules the pair out), for error reports;
    when none is None their sum is `pair_score`."""
    action = _action_score(a, b)
    in_article = a.article_id != b.article_id or same_happening_in_article(a, b, actors)
    when = _lasting_date(a, b, _date_score(a, b))
    return {
        "action": action,
        "article": 0.0 if in_article else None,
        "status": _status_score(a, b),
        "place": _place_score(a, b),
        "date": when,
        "actors": _actor_score(a, b, actors),
        "lasting": _lasting_score(a, b, actors),
        "numbers": _number_score(a, b),
        "wording": _wording_score(a, b),
    }


def same_happening_in_article(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> bool:
    """Two records of one article are one happening when nothing but the telling differs
    (codebook §1, §7): a claim and its denial, one claim from two sources (who may name
    different perpetrators: an actor dispute, §8), or one happening placed once at a wider area
    and once at a place inside it (Eastern Ghouta and Douma, a governorate and its town). A city
    and one of its quarters or landmarks, told by one source, are two happenings (the city taken
    and its hospital taken; extraction already folds a strike told at both into one record);
    told by two sources, or claimed and denied, they are one happening disputed (end to end,
    dev linking F1 0.656 -> 0.678, train 0.688 -> 0.714).
    Their days must agree, and one source's actors too. Two places neither of which
    holds the other are two happenings (two strikes on two towns, two quarters side by side),
    and so is a plan beside a deed; extraction already folds an article's repeats of one
    happening at one place and day from one source into one record, so such a pair is two."""
    if a.action in EXCHANGED_ACTIONS and _fully_swapped(a, b, actors):
        return False  # an exchange: prisoners handed each way are two handovers, not a dispute
    denial = _disputes(a) != _disputes(b)
    two_sources = a.status == b.status and a.attribution != b.attribution
    if actors.compatible(a.actor1, b.actor1) is False and not (two_sources or denial):
        return False  # one source's two actors are two happenings; two sources' are a dispute
    if (a.place is None) != (b.place is None):
        return False  # a placeless line is another happening
    if _other_sites(a, b):
        return False  # the hospital taken and the stadium taken: two happenings
    within = False
    if a.place is not None and b.place is not None and a.place.gazetteer_id != b.place.gazetteer_id:
        if not nested(a.place, b.place):
            return False
        within = area_holds(a.place, b.place)
    if not (denial or two_sources or (within and a.status == b.status)):
        return False
    if a.date is None or b.date is None:
        return True  # a source that gives no date does not disagree on it
    return a.date.start <= b.date.end and b.date.start <= a.date.end


def _disputes(facts: RecordFacts) -> bool:
    """The record says the happening did not take place: a denial, or the text's own negation."""
    return facts.status in DISPUTING_STATUSES


def _lasting_at_one_place(a: RecordFacts, b: RecordFacts) -> bool:
    """One durable state (a siege) told at one place, whatever days the two reports give it:
    the same spot, or a besieged region and a town inside it ("الغوطة الشرقية المحاصرة" and
    "بلدة حرستا المحاصرة" weeks later)."""
    km = _km(a, b)
    if a.action not in DURABLE_ACTIONS or km is None or a.place is None or b.place is None:
        return False
    return km <= SAME_PLACE_KM or (km <= NEAR_PLACE_KM and area_holds(a.place, b.place))


def _lasting_date(a: RecordFacts, b: RecordFacts, when: float | None) -> float | None:
    """A durable state's reports give it their own days (codebook §5: a siege reported ongoing
    takes the report's day): days apart neither rule the pair out nor count against it; the
    same day still counts for it. A record with no date at all still costs what unknown time
    costs (an undated 2011 encirclement is not the 2014 siege of the same city)."""
    if not _lasting_at_one_place(a, b):
        return when
    if when is None or (a.date is not None and b.date is not None):
        return max(when or 0.0, 0.0)
    return when


def _lasting_score(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> float:
    """One durable state told of one besieged side at one place by both reports."""
    if not _lasting_at_one_place(a, b) or not actors.compatible(a.actor2, b.actor2):
        return 0.0
    return ONE_SIEGE if actors.compatible(a.actor1, b.actor1) is not False else 0.0


def _action_score(a: RecordFacts, b: RecordFacts) -> float | None:
    if a.action == b.action:
        return 0.0
    if frozenset({a.action, b.action}) in COMPATIBLE_ACTIONS:
        return -COMPATIBLE_ACTION_COST
    return None


def _status_score(a: RecordFacts, b: RecordFacts) -> float:
    # A plan and a deed are usually two happenings (the next convoy vs. the one that left);
    # a denial is the same happening disputed, so it costs nothing.
    planned = (a.status == "planned") != (b.status == "planned")
    return PLANNED_VS_DONE if planned else 0.0


def _actor_score(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> float:
    """The actors' evidence, read both ways round: which roles a two-sided action's sides
    are crossed into depends on whose actor1 is read first (an agreement of the opposition
    with the army against one of the opposition for the civilians), and a pair must score
    the same whichever record linking meets first; the better reading of the roles counts."""
    return max(_directed_actor_score(a, b, actors), _directed_actor_score(b, a, actors))


def _directed_actor_score(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> float:
    pairs = [(a.actor1, b.actor1, True), (a.actor2, b.actor2, False)]
    if a.action in two_sided_actions() and _crossed(a, b, actors):
        pairs = [(a.actor1, b.actor2, True), (a.actor2, b.actor1, False)]
    total = 0.0
    for mine, theirs, is_actor1 in pairs:
        verdict = actors.compatible(mine, theirs)
        if verdict is None:
            continue
        if not verdict and actors.allied(mine, theirs, a.anchor, b.anchor):
            total += ACTOR1_ALLIED if is_actor1 else ACTOR2_ALLIED
            continue
        if is_actor1:
            exact = mine == theirs
            if verdict:
                total += ACTOR1_SAME if exact else ACTOR1_RELATED
            else:
                total += ACTOR1_CROSSED if _roles_swapped(a, b, actors) else ACTOR1_CONFLICT
        elif verdict:
            total += ACTOR2_AGREE
        elif not _fully_swapped(a, b, actors):
            total += ACTOR2_CONFLICT  # a swap is already paid for once, at actor1
    return total


def _fully_swapped(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> bool:
    """The same two parties, each report naming the other as the doer."""
    return bool(actors.compatible(a.actor1, b.actor2) and actors.compatible(b.actor1, a.actor2))


def _roles_swapped(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> bool:
    """Each report's actor1 is the other's actor2 side: one happening between the same two
    sides, told from the other end (who attacked whom is what reports disagree on)."""
    return bool(actors.compatible(a.actor1, b.actor2) or actors.compatible(b.actor1, a.actor2))


def _crossed(a: RecordFacts, b: RecordFacts, actors: ActorTree) -> bool:
    straight = actors.compatible(a.actor1, b.actor1)
    crossed = actors.compatible(a.actor1, b.actor2)
    return straight is not True and crossed is True


def _km(a: RecordFacts, b: RecordFacts) -> float | None:
    if a.place is None or b.place is None:
        return None
    if a.place.gazetteer_id == b.place.gazetteer_id:
        return 0.0
    return haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)


def _other_sites(a: RecordFacts, b: RecordFacts) -> bool:
    """Two different sites at one spot: two landmarks of one town, which share its entry or its
    coordinates (a landmark is placed at its town's)."""
    if a.site is None or b.site is None or a.site.key == b.site.key:
        return False
    km = _km(a, b)
    return km is not None and km <= CLOSE_PLACE_KM


def _place_score(a: RecordFacts, b: RecordFacts) -> float | None:
    km = _km(a, b)
    if km is None or a.place is None or b.place is None:
        return 0.0
    if _other_sites(a, b):
        # Sites inside a town (RecordFacts.site: the national hospital, the municipal stadium)
        # share its entry and coordinates, and reports of one day at two of them read alike
        # (a cost of -1.5 still let such wording link them): two sites are two happenings.
        # A site and its bare town may be one happening told more or less precisely.
        return None
    if a.place.gazetteer_id == b.place.gazetteer_id:
        if (a.site is None) != (b.site is None):
            # the town and a site in it: as a city and a landmark placed at its centre
            return PLACE_CLOSE
        return PLACE_SAME_ENTRY
    same_admin1 = a.place.admin1 is not None and a.place.admin1 == b.place.admin1
    score = _distance_score(km, same_admin1, max(a.geo_precision or 1, b.geo_precision or 1))
    if score is not None and km <= NEAR_PLACE_KM and nested(a.place, b.place):
        return max(score, PLACE_NESTED)  # one report names the quarter, another the city around
    return score


def _distance_score(km: float, same_admin1: bool, precision: int) -> float | None:
    if km <= CLOSE_PLACE_KM:
        return PLACE_CLOSE
    if km <= SAME_PLACE_KM:
        return PLACE_WITHIN_5KM
    if km <= NEAR_PLACE_KM:
        return PLACE_NEAR
    if same_admin1 and precision >= 3:
        return PLACE_CONTAINS  # a governorate-level record contains any place in it
    if same_admin1 and km <= REGION_KM:
        return PLACE_REGION
    if km <= FAR_KM:
        return PLACE_BORDER
    return None


def _date_score(a: RecordFacts, b: RecordFacts) -> float | None:
    x, y = _said(a), _said(b)
    if x is not None and y is not None:
        return _interval_score(x, y)
    loose: float | None
    if x is not None:
        loose = _background_score(x, b)
    elif y is not None:
        loose = _background_score(y, a)
    else:
        loose = _report_days_score(a, b)
    if loose is None or a.date is None or b.date is None:
        return loose
    # A defaulted date is most often the report's own day, so agreeing with it still counts;
    # it only stops ruling out (or costing) an earlier day, as a date the text said would.
    strict = _interval_score(a.date, b.date)
    if strict is None:
        # Extraction chose the report's day over an earlier one: only recent background
        # (within BACKGROUND_LAG) stays possible; beyond it the two are apart as stated dates.
        return loose if loose >= 0.0 else None
    return max(loose, strict)


def _said(facts: RecordFacts) -> DateInterval | None:
    """The record's date as the text gave it. A date taken by default from the publication day
    only says "on or before the report", and is compared as no date of a dated article; a
    durable state's default is the codebook's own (a siege is coded on the report's day)."""
    if facts.date_said or facts.action in DURABLE_ACTIONS:
        return facts.date
    return None


def _report_days_score(a: RecordFacts, b: RecordFacts) -> float:
    """Two records whose texts give no date: only their reports' days relate them."""
    if a.published is not None and b.published is not None:
        close = abs((a.published - b.published).days) <= MAX_GAP_DAYS
        return 0.0 if close else DATE_FEW_DAYS  # both undated in dated articles: weak either way
    for dated, undated in ((a, b), (b, a)):
        if dated.published is not None and undated.published is None:
            # the dated record's day is its report's default (classify.dates._report_day)
            day = dated.date or DateInterval(dated.published, dated.published, 1)
            fits = _hint_fits(day, undated)
            if fits is not None:
                return DAY_HINT_FITS if fits else DAY_HINT_CLASHES
    # two named weekdays that agree, with no year to either, tie the two in time no more than
    # no date at all (a Sunday of 2012 and one of 2014); two that differ set them apart
    if a.published is None and b.published is None and _hints_agree(a, b) is False:
        return DAY_HINT_CLASHES
    day_a, day_b = a.published or a.written, b.published or b.written
    if day_a is None or day_b is None:
        return UNKNOWN_TIME  # an article with no date at all: nothing ties the two in time
    # An estimated day of writing is only a lower bound: near days make the two a little
    # likelier, far ones say no more than no date at all.
    return ESTIMATE_NEAR if abs((day_a - day_b).days) <= MAX_GAP_DAYS else UNKNOWN_TIME


def _background_score(told: DateInterval, undated: RecordFacts) -> float | None:
    """A dated happening against a record whose text gives no date: the undated record tells
    something up to its report's day, the recent past more often than the distant."""
    if undated.published is None:
        fits = _hint_fits(told, undated)
        if fits is False:
            return DAY_HINT_CLASHES
        if undated.status == "planned":
            return 0.0
        if fits:
            return DAY_HINT_FITS
        if undated.written is None:
            return UNKNOWN_TIME  # an article with no date at all: nothing ties the two in time
        # The article was written on or after `written`, so nothing is ruled out; a happening
        # in the weeks up to that day is a little likelier, anything else is as unknown.
        recent = told.start <= undated.written + REPORT_LAG
        recent = recent and undated.written - told.end <= BACKGROUND_LAG
        return ESTIMATE_NEAR if recent else UNKNOWN_TIME
    if undated.status == "planned":
        return 0.0
    if told.start > undated.published + REPORT_LAG:
        return None  # an article cannot report as done what happened after it was written
    return 0.0 if undated.published - told.end <= BACKGROUND_LAG else DATE_FEW_DAYS


def _hint_fits(told: DateInterval, undated: RecordFacts) -> bool | None:
    """Whether a day of `told` is one on which the undated record's text lets a report date
    its happening; None when it names no day or `told` spans too many days to tell."""
    if not (undated.weekdays or undated.month_days):
        return None
    span = (told.end - told.start).days
    if span > HINT_MAX_SPAN:
        return None
    days = [told.start + timedelta(days=i) for i in range(span + 1)]
    if undated.weekdays and not any(d.weekday() in undated.weekdays for d in days):
        return False
    if undated.month_days and not any(d.day in undated.month_days for d in days):
        return False
    # a day of a span of days fits by chance too often to count for a link
    return True if span == 0 else None


def _hints_agree(a: RecordFacts, b: RecordFacts) -> bool | None:
    """Two undated records whose texts both name a weekday (or both a day of the month):
    whether a day fits both; None when they do not both name one."""
    verdicts = [
        bool(x & y) for x, y in ((a.weekdays, b.weekdays), (a.month_days, b.month_days)) if x and y
    ]
    return all(verdicts) if verdicts else None


def _interval_score(x: DateInterval, y: DateInterval) -> float | None:
    gap = max((x.start - y.end).days, (y.start - x.end).days, 0)
    vague = max((x.end - x.start).days, (y.end - y.start).days) > VAGUE_DAYS
    if gap == 0:
        if vague:
            return DATE_VAGUE_OVERLAP
        same_day = x.precision == 1 and y.precision == 1 and x.start == y.start and x.end == y.end
        return DATE_SAME_DAY if same_day else DATE_OVERLAP
    if gap <= NEXT_DAY_GAP:
        return DATE_NEXT_DAY
    if gap <= MAX_GAP_DAYS:
        return DATE_FEW_DAYS
    return None


def _number_score(a: RecordFacts, b: RecordFacts) -> float:
    total = 0.0
    if a.fatalities is not None and b.fatalities is not None:
        total += NUMBER_AGREE if a.fatalities == b.fatalities else 0.0
    theirs = {(q.unit, q.item): q.value for q in b.quantities}
    for q in a.quantities:
        other = theirs.get((q.unit, q.item))
        if other is not None:
            total += NUMBER_AGREE if other == q.value else NUMBER_CONFLICT
    return total


def _wording_score(a: RecordFacts, b: RecordFacts) -> float:
    similarity = sketch_similarity(a.sketch, b.sketch)
    return min(WORDING_CAP, WORDING_SLOPE * max(0.0, similarity - WORDING_FLOOR))
