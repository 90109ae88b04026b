"""The regular grammar of Arabic date expressions, over normalized text (see `normalize`).

Month, weekday and ordinal names come from `data/text/*.tsv`; the function words (أمس, منذ,
الماضي, مطلع …) are the grammar itself and live here. Patterns are compiled once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.text.lexicon import read_table, trie_pattern
from marsad.text.normalize import normalize_key

# Not inside a word, but a conjunction or preposition may be glued on ("وأمس", "بآذار").
_START = r"(?<![^\W\d_])(?P<clitic>[وفبل])?"  # the expression begins after group "clitic"
# The same boundary without a group, for patterns embedded in others (month names).
_BOUNDARY = r"(?:(?<![^\W\d_])|(?<=(?<![^\W\d_])[وفبل]))"
_STOP = r"(?![^\W\d_])"

# Which way a relative word points, keyed by its normalized form.
RELATION_WORDS = {
    "الماضي": "past", "المنصرم": "past", "الفايت": "past", "السابق": "past",
    "الجاري": "current", "الحالي": "current",
    "المقبل": "next", "القادم": "next",
    # the feminine agrees with a feminine noun ("الجمعة المقبلة", "السنة الماضية")
    "الماضيه": "past", "المنصرمه": "past", "الفايته": "past", "السابقه": "past",
    "الجاريه": "current", "الحاليه": "current",
    "المقبله": "next", "القادمه": "next",
}  # fmt: skip
PART_WORDS = {
    "مطلع": "early", "اوايل": "early", "بدايه": "early", "اول": "early", "مستهل": "early",
    "منتصف": "middle", "اواسط": "middle", "وسط": "middle",
    "اواخر": "late", "نهايه": "late", "اخر": "late", "اخير": "late", "ختام": "late",
}  # fmt: skip
# Named stretches of a month ("النصف الأول من الشهر الجاري", "الأسبوع الثاني من أيار") as their
# first and last day; a negative first day counts back from the month's end ("الأسبوع الأخير").
# Without them the ordinal reads as a day ("الأول من أيار" = 1 May).
SPAN_PARTS = {
    "النصف الاول": (1, 15), "النصف الثاني": (16, 31), "النصف الاخير": (16, 31),
    "الاسبوع الاول": (1, 7), "الاسبوع الثاني": (8, 14), "الاسبوع الثالث": (15, 21),
    "الاسبوع الرابع": (22, 28), "الاسبوع الاخير": (-6, 31),
    "العشر الاوايل": (1, 10), "العشر الاواسط": (11, 20), "العشر الاواخر": (21, 31),
}  # fmt: skip
# Seasons of a year ("ربيع العام 2014") as first and last month. Winter spans two years and is
# left out: "شتاء العام 2014" stays the whole year rather than a guessed half.
SEASON_WORDS = {"ربيع": (3, 5), "صيف": (6, 8), "خريف": (9, 11)}
# Days before publication for the relative day words.
DAYS_BACK = {
    "اليوم": 0, "امس": 1, "البارحه": 1, "اول من امس": 2, "اول امس": 2, "امس الاول": 2,
    "الليله الماضيه": 1, "الليله الفايته": 1, "ليله امس": 1,
    # ahead of the report: what is planned or expected ("غداً", "مساء الغد", "بعد غد")
    "غدا": -1, "الغد": -1, "بعد غد": -2, "بعد الغد": -2,
}  # fmt: skip
# Units of "منذ/قبل N …": the unit, and the count a bare plural stands for ("قبل أيام").
AGO_UNITS = {
    "يوم": ("day", 1), "يوما": ("day", 1), "ايام": ("day", 0), "يومين": ("day", 2),
    "اسبوع": ("week", 1), "اسبوعا": ("week", 1), "اسابيع": ("week", 0), "اسبوعين": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", 1), "اشهر": ("month", 0), "شهور": ("month", 0),
    "شهرين": ("month", 2), "عام": ("year", 1), "عاما": ("year", 1), "اعوام": ("year", 0),
    "عامين": ("year", 2), "سنه": ("year", 1), "سنوات": ("year", 0), "سنتين": ("year", 2),
    "ساعه": ("hour", 1), "ساعات": ("hour", 0), "ساعتين": ("hour", 2),
}  # fmt: skip
# Units of a recent span ("الأيام الثلاثة الماضية"): the unit, and the count a dual or a bare
# plural stands for (a bare plural of days: about a week).
RECENT_UNITS = {
    "الساعات": ("hour", 24), "الايام": ("day", 7), "اليومين": ("day", 2),
    "الاسابيع": ("week", 4), "الاسبوعين": ("week", 2),
}  # fmt: skip

_PART_OF_DAY = r"(?:ساعات\s+|منتصف\s+|بعد\s+منتصف\s+)?(?:فجر|صباح|ظهر|ظهيره|عصر|مساء|ليل|ليله)"
POD = rf"(?:{_PART_OF_DAY}(?:\s+و{_PART_OF_DAY})?)"
_RELATIONS = "|".join(RELATION_WORDS)
_YEAR_WORDS = r"(?:العام|عام|السنه|سنه)"
# "في 2017", "منذ 2013": the prepositions of time a year without a year word may follow, and
# the years read that way (from 1990 on)
_YEAR_PREPOSITIONS = "في|خلال|منذ|حتى|مطلع|اوايل|اواسط|اواخر|بدايه|نهايه|منتصف"
_BARE_YEAR = r"(?:199\d|20\d\d)"
_QUALIFIER = (
    r"(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|ما\s+يزيد\s+عن|ما\s+يزيد\s+على|ما\s+يقارب|اقل\s+من)"
)


@dataclass(frozen=True, slots=True)
class MonthName:
    month: int
    calendar: str  # gregorian | hijri
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Grammar:
    months: dict[str, MonthName]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    month_name: re.Pattern[str]
    absolute: re.Pattern[str]
    day_range: re.Pattern[str]
    numeric: re.Pattern[str]
    part_of_month: re.Pattern[str]
    month: re.Pattern[str]
    relative_month: re.Pattern[str]
    year: re.Pattern[str]
    bare_year: re.Pattern[str]
    relative_day: re.Pattern[str]
    night_span: re.Pattern[str]
    weekday: re.Pattern[str]
    ago: re.Pattern[str]
    recent_hours: re.Pattern[str]
    recent_span: re.Pattern[str]
    relative_period: re.Pattern[str]
    # Cheap tests that a text may hold a match: they start with a letter or digit class, which
    # `re` scans for quickly, while the patterns above start with a lookbehind and are tried at
    # every position. Each is implied by its pattern (never a false negative).
    month_word: re.Pattern[str]  # a month name anywhere, even inside a word (`month_name`)
    numeric_cue: re.Pattern[str]  # digits around a date separator (`numeric`)
    bare_year_cue: re.Pattern[str]  # a time preposition before a year (`bare_year`)


def _alternation(words: list[str]) -> str:
    return trie_pattern(words)


@cache
def grammar() -> Grammar:
    months = {
        normalize_key(r["name"]): MonthName(int(r["month"]), r["calendar"], r["ambiguous"] == "1")
        for r in read_table("months.tsv")
    }
    weekdays = {normalize_key(r["name"]): int(r["weekday"]) for r in read_table("weekdays.tsv")}
    ordinals = {normalize_key(r["word"]): int(r["value"]) for r in read_table("ordinals.tsv")}
    m = rf"(?:{_alternation(list(months))}){_STOP}"
    wd = rf"(?:{_alternation(list(weekdays))}){_STOP}"
    ordinal = rf"(?:{_alternation(list(ordinals))}){_STOP}"
    month_chunk = rf"(?P<month>{m}(?:\s*[(/\-–]\s*{m}(?:\s*\))?|\s+{m})?)"
    month_ref = (
        rf"(?:\s*[,،\-/]?\s*(?:{_YEAR_WORDS}\s+)?(?P<year>\d{{4}})(?!\d)(?:\s*(?P<era>م|ه){_STOP})?"
        rf"|\s+(?:من\s+)?{_YEAR_WORDS}\s+(?P<yrel>{_RELATIONS}){_STOP}"
        rf"|\s+(?P<rel>{_RELATIONS}){_STOP})?"
    )
    # "الـ15 من الشهر الجاري": a day number may take the article (the tatweel is normalized away)
    day = (
        rf"(?:(?:ال\s*)?(?<![\d.,])(?P<day>[0-3]?\d)(?!\d)|(?P<ordinal>{ordinal}))"
        rf"(?:\s+من)?(?:\s+شهر)?"
    )
    weekday_prefix = rf"(?:(?:يوم\s+)?(?P<wd>{wd})\s*[,،]?\s*(?:\(\s*)?)?"
    return Grammar(
        months=months,
        weekdays=weekdays,
        ordinals=ordinals,
        month_name=re.compile(rf"{_BOUNDARY}(?:{_alternation(list(months))}){_STOP}"),
        absolute=re.compile(rf"{_START}{weekday_prefix}{day}\s*[-/]?\s*{month_chunk}{month_ref}"),
        day_range=re.compile(
            rf"{_START}(?:(?:يومي|بين|من)\s+)?(?<![\d.,])(?P<d1>[0-3]?\d)\s*(?:و|-|–|الى|حتى)\s*"
            rf"(?P<d2>[0-3]?\d)(?!\d)(?:\s+من)?(?:\s+شهر)?\s*"
            rf"(?:{month_chunk}{month_ref}|الشهر\s+(?P<mrel>{_RELATIONS}){_STOP})"
        ),
        numeric=re.compile(
            r"(?<![\d/.\-])(?:(?P<d>[0-3]?\d)(?P<s>[/.\-])(?P<mo>[01]?\d)(?P=s)(?P<y>\d{4})"
            r"|(?P<y2>\d{4})(?P<s2>[/.\-])(?P<mo2>[01]?\d)(?P=s2)(?P<d2>[0-3]?\d))(?![\d/.\-]\d)"
        ),
        part_of_month=re.compile(
            rf"{_START}(?:(?P<part>{_alternation(list(PART_WORDS))})"
            rf"|(?P<stretch>{_alternation(list(SPAN_PARTS))}){_STOP}(?:\s+من)?)"
            rf"\s+(?:(?:شهر\s+)?{month_chunk}"
            rf"{month_ref}|الشهر\s+(?P<mrel>{_RELATIONS}){_STOP})"
        ),
        month=re.compile(rf"{_START}(?P<shahr>شهر\s+)?{month_chunk}{month_ref}"),
        relative_month=re.compile(
            rf"{_START}{day}\s+(?:(?:من\s+)?(?P<this_month>الشهر)\s+)?(?P<mrel>{_RELATIONS}){_STOP}"
        ),
        year=re.compile(
            rf"{_START}(?:(?P<ypart>{_alternation(list(PART_WORDS))})\s+"
            rf"|(?P<season>{_alternation(list(SEASON_WORDS))})\s+)?"
            rf"(?:{_YEAR_WORDS}\s+(?P<year>\d{{4}})(?!\d)(?:\s*(?P<era>م|ه){_STOP})?"
            rf"|(?P<this>هذا\s+العام)|{_YEAR_WORDS}\s+(?P<yrel>{_RELATIONS})){_STOP}"
        ),
        # "في 2017", "منذ 2013", "خلال 2016": a year with no year word, after a preposition of
        # time, from 1990 on; not a count ("في 2017 غارة") nor a resolution number ("القرار 2254")
        bare_year=re.compile(
            rf"{_START}(?P<prep>{_YEAR_PREPOSITIONS})\s+"
            rf"(?P<year>{_BARE_YEAR})(?!\d|[.,/-]\d)(?!\s*[^\W\d_]+\s*(?:غاره|غارات))"
            rf"(?=\s*(?:$|[.,،؛:)\]\n]|[وف]?(?:في|على|من|الى|ضد|عندما|حين|بعد|قبل|و)(?![^\W\d_])))"
        ),
        relative_day=re.compile(
            rf"{_START}(?:(?P<pod>{POD})\s+)?(?:يوم\s+)?"
            rf"(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|امس|البارحه|اليوم"
            rf"|الليله\s+الماضيه|الليله\s+الفايته|بعد\s+غد|بعد\s+الغد|غدا|الغد){_STOP}"
            rf"(?:\s*[(,،]?\s*(?:يوم\s+)?(?P<wd>{wd})\s*\)?)?"
        ),
        night_span=re.compile(
            rf"{_START}(?P<after>بعد\s+منتصف\s+)?(?:خلال\s+)?(?:ليل|ليله)\s+(?:يوم\s+)?"
            rf"(?P<wd1>{wd})\s*(?:[-/–]|\s)\s*(?:و\s*)?(?:(?:فجر|صباح)\s+)?(?:يوم\s+)?"
            rf"(?:اليوم\s+)?(?P<wd2>{wd})"
        ),
        weekday=re.compile(
            rf"{_START}(?<!صلاه\s)(?<!خطبه\s)(?:(?P<pod>{POD})\s+)?(?:يوم\s+)?(?P<wd>{wd})"
            rf"(?:\s+(?P<rel>{_RELATIONS}){_STOP})?"
        ),
        ago=re.compile(
            rf"{_START}(?P<ago>منذ|قبل)\s+(?:(?P<qual>{_QUALIFIER})\s+)?"
            rf"(?:(?P<count>\d+)\s*|(?P<words>(?:[^\W\d_]+\s+){{1,3}}?))?"
            rf"(?P<unit>{_alternation(list(AGO_UNITS))}){_STOP}"
        ),
        recent_hours=re.compile(
            rf"{_START}(?:الساعات|ال\s*24\s*ساعه|الاربع\s+والعشرين\s+ساعه)\s+"
            rf"(?:الماضيه|الاخيره|المنصرمه|الفايته){_STOP}"
        ),
        # "خلال الأيام الثلاثة الماضية", "الساعات الـ24 الماضية", "الأسبوعين الأخيرين": a span
        # that ends at the report (RECENT_UNITS: the unit and the count a dual or plural says)
        recent_span=re.compile(
            rf"{_START}(?P<unit>{_alternation(list(RECENT_UNITS))})\s+"
            rf"(?:(?:ال\s*)?(?P<count>\d+)\s+|(?P<words>ال[^\W\d_]+(?:\s+وال[^\W\d_]+)?)\s+)?"
            rf"(?:الماضيه|الماضيين|الماضيتين|الاخيره|الاخيرين|الاخيرتين|المنصرمه|الفايته"
            rf"|(?P<ahead>المقبله|القادمه|المقبلين|القادمين)){_STOP}"
        ),
        relative_period=re.compile(
            rf"{_START}(?:(?P<this>هذا)\s+)?(?P<period>الاسبوع|الشهر)(?:\s+(?P<rel>{_RELATIONS}))?"
            rf"{_STOP}"
        ),
        month_word=re.compile(_alternation(list(months))),
        numeric_cue=re.compile(r"\d[/.\-]\d"),
        bare_year_cue=re.compile(rf"(?:{_YEAR_PREPOSITIONS})\s+{_BARE_YEAR}"),
    )
