"""Fatalities and quantities from number mentions (key "value|qualifier|noun", codebook §6)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache

from marsad.classify.view import SentenceView
from marsad.model import Mention, Quantity
from marsad.text.lexicon import phrase_alternation, phrases_of, read_table
from marsad.text.normalize import normalize_key

TOLL_CUE_WINDOW_CHARS = 25  # "مقتل 5 …", "5 قتلى": the killed word sits next to the number
UNIT_WORDS = "unit_words.tsv"  # "طن", "شاحنة", "عائلة": the unit a count is in
WOUNDED_WORDS = "wounded_words.tsv"  # "أصيب", "جرحى": a count of the wounded, not the dead
AGENT_MARKERS = "agent_markers.tsv"  # "برصاص", "على يد": the count after them is of the doers


@cache
def _units() -> dict[str, tuple[str, str | None]]:
    """Unit nouns keyed as number mentions key their noun (`normalize_key`: "عائلة" → "عايله"),
    so that every spelling is found whatever its hamza or ta marbuta: (unit, item or None)."""
    return {
        normalize_key(row["word"]): (row["unit"], row["item"] or None)
        for row in read_table(UNIT_WORDS)
    }


@cache
def _wounded() -> re.Pattern[str]:
    """A wounding word anywhere in a stretch ("قتل 8 وأصيب 20", "4 قتلى و10 جرحى")."""
    return re.compile(phrase_alternation(phrases_of(WOUNDED_WORDS, "wounded", field="word")))


@cache
def _mixed() -> re.Pattern[str]:
    """A dead and a wounded noun joined: the count before them is of both ("بين قتيل وجريح")."""
    dead = phrase_alternation(phrases_of(WOUNDED_WORDS, "dead", field="word"))
    hurt = phrase_alternation(phrases_of(WOUNDED_WORDS, "hurt", field="word"))
    return re.compile(rf"{dead}\s*و\s*{hurt}")


@cache
def _counted_nouns(kind: str) -> frozenset[str]:
    """The nouns of the dead ("dead") or of the wounded ("hurt") keyed as number mentions key
    their counted noun, so that "76 ضحية" is a toll and "عشرات الجرحى" is not."""
    return frozenset(normalize_key(w) for w in phrases_of(WOUNDED_WORDS, kind, field="word"))


@cache
def _agent_marker() -> re.Pattern[str]:
    """A marker of the doer ("قتل مدني برصاص 3 جنود"): a count after it is not of the dead."""
    return re.compile(phrase_alternation(phrases_of(AGENT_MARKERS, "marker")))


@dataclass(frozen=True, slots=True)
class NumberValue:
    mention: Mention
    value: float
    qualifier: str | None
    noun: str | None


def parse_number(mention: Mention) -> NumberValue | None:
    parts = (mention.key or "").split("|")
    try:
        value = float(parts[0])
    except ValueError:
        return None
    qualifier = parts[1] if len(parts) > 1 and parts[1] else None
    noun = parts[2] if len(parts) > 2 and parts[2] else None
    return NumberValue(mention, value, qualifier, noun)


def _is_toll(view: SentenceView, number: NumberValue, killed_nouns: AbstractSet[str]) -> bool:
    if number.noun is not None and number.noun in _counted_nouns("hurt"):
        return False  # "4 شهداء وعشرات الجرحى": the count of the wounded
    if number.noun is not None and (
        number.noun in killed_nouns or number.noun in _counted_nouns("dead")
    ):
        return True
    start, end = number.mention.span.start, number.mention.span.end
    if any(m.key == WOUNDED and 0 <= m.span.start - end <= 3 for m in view.context):
        return False  # "10 جرحى"
    if _after_wounding_word(view, number):
        return False  # "أصيب 15 شخصاً وقتل 3 آخرون": the 15 are the wounded
    for m in view.context:
        if m.key == KILLED and _since(view, m.span.start):
            continue  # "الحصيلة الأعلى منذ مقتل 40 شخصاً": a toll of another time
        if m.key == KILLED and _mixed_toll(view, m):
            continue  # "سقطوا بين قتيل وجريح": the count is the dead and the wounded together
        if m.key == KILLED and 0 <= m.span.start - end <= 3:
            return True  # "4 قتلى"
        if m.key == KILLED and _subject_of_killed_verb(view, number, m):
            return True  # "11 عنصراً من التنظيم، بينهم قيادي، قتلوا": the verb follows its subject
        if m.key == KILLED and _risen_tally(view, m, start):
            return True  # "ارتفع عدد ضحايا القصف على مدينة دوما إلى 35"
        if m.key == KILLED and 0 <= start - m.span.end <= TOLL_CUE_WINDOW_CHARS:
            between = view.span.text[m.span.end - view.span.start : start - view.span.start]
            if (
                not _wounded().search(between)
                and not _agent_marker().search(between)
                and not _spans_since(between)
                and not _number_between(view, m.span.end, start)
            ):
                return True  # "مقتل 5", "قتل ثمانية" — the first count after the word
    return _toll_phrase(view, number)


# "عدد القتلى … إلى 35", "حصيلة القتلى … إلى 18": the count the tally of the dead rose or
# came to, however long the phrase naming the attack between them
_TALLY_BEFORE = re.compile(r"(?:عدد|حصيلة|حصيله)\s*(?:ال)?$")
_TALLY_TO = re.compile(r"(?:إلى|الى)\s*$")
TALLY_WINDOW_CHARS = 120


def _risen_tally(view: SentenceView, killed: Mention, start: int) -> bool:
    offset = view.span.start
    text = view.span.text
    k_start, k_end = killed.span.start - offset, killed.span.end - offset
    if not 0 <= start - killed.span.end <= TALLY_WINDOW_CHARS:
        return False
    between = text[k_end : start - offset]
    return (
        _TALLY_BEFORE.search(text[max(0, k_start - 8) : k_start]) is not None
        and _TALLY_TO.search(between) is not None
        and not _spans_since(between)
        and "." not in between
        and not _wounded().search(between)
        and not _number_between(view, killed.span.end, start)
    )


APART_WINDOW = 3  # "بعد يومين من مقتل", "قبل أسبوع واحد من مقتل": the words before "من"


def _since(view: SentenceView, at: int) -> bool:
    """The words before `at` set what follows in another time: a past span ("منذ مقتل 40
    شخصاً") or a time apart from the act ("بعد يومين من مقتل 12 شخصاً")."""
    lexicon = _victim_words()
    before = [_bare(w) for w in normalize_key(view.span.text[: at - view.span.start]).split()]
    if before and before[-1] in lexicon.since:
        return True
    near = before[-APART_WINDOW - 1 : -1]
    return len(before) > 1 and before[-1] == "من" and any(w in lexicon.apart for w in near)


def _spans_since(between: str) -> bool:
    """A word of a past span between the dead and their count ("عدد القتلى منذ بداية الحملة
    إلى 350"): the count is a cumulative toll, not the act's. A span of hours or a day
    ("منذ صباح أمس", "منذ فجر اليوم") is the act's own."""
    lexicon = _victim_words()
    words = [_bare(w) for w in normalize_key(between).split()]
    return any(
        w in lexicon.since and (i + 1 >= len(words) or words[i + 1] not in lexicon.skip)
        for i, w in enumerate(words)
    )


def _after_wounding_word(view: SentenceView, number: NumberValue) -> bool:
    """The count's word before it is one of wounding ("أصيب 15", "وجرح 10"): the wounded."""
    before = view.span.text[: number.mention.span.start - view.span.start].split()
    return bool(before) and _wounded().search(before[-1]) is not None


TOLL_PHRASE_BEFORE_CHARS = 12  # "أودى بحياة 5", "راح ضحيتها 15 مدنياً"


def _toll_phrase(view: SentenceView, number: NumberValue) -> bool:
    """A count made a toll by a phrase of the lexicon: "بحياة 5" before it, or "لقوا حتفهم"
    after its counted subject ("213 شخصاً على الأقل لقوا حتفهم"), up to a wounding word, another
    count or the sentence's end; a count right after a wounding word is the wounded."""
    words = _victim_words()
    offset = view.span.start
    start, end = number.mention.span.start - offset, number.mention.span.end - offset
    text = view.span.text
    near = text[max(0, start - TOLL_PHRASE_BEFORE_CHARS) : start]
    if _wounded().search(near):
        return False  # "وأصيب 20"
    before = normalize_key(near).split()
    # "واستشهد 3 مدنيين": the word may carry the conjunction
    if number.noun in _units() and _units()[number.noun][0] != "person":
        return False  # "قضى 3 أيام في المعتقل": a span of time, not the dead
    if before and (before[-1] in words.toll_before or _bare(before[-1]) in words.toll_before):
        # "راح ضحيتها 20 مدنياً بين قتيل وجريح" counts the wounded too; "استشهد 4 مدنيين وجرح
        # 10 آخرون" tells the wounded apart
        return _mixed().search(text[end : end + _WOUNDED_AFTER_CHARS]) is None
    stops = [end + SUBJECT_WINDOW_CHARS, len(text)]
    stops += [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    stops += [n.span.start - offset for n in view.numbers if n.span.start - offset >= end]
    hurt = _wounded().search(text, end)
    if hurt is not None:
        stops.append(hurt.start())
    # "لقوا حتفهم،": a word's punctuation is not part of it
    after = [_NOT_LETTER.sub("", w) for w in normalize_key(text[end : min(stops)]).split()]
    return any(w in words.toll_after for w in after)


SUBJECT_WINDOW_CHARS = 80  # a counted subject and its killed verb, with a short apposition between
MIXED_WINDOW_CHARS = 4
VERB_ENDINGS = ("", "وا", "ت", "ا")  # قتل، قتلوا، قتلت، قتلا (a verb, not the noun قتلى)


def _mixed_toll(view: SentenceView, killed: Mention) -> bool:
    return any(
        m.key == WOUNDED and 0 <= m.span.start - killed.span.end <= MIXED_WINDOW_CHARS
        for m in view.context
    )


def _subject_of_killed_verb(view: SentenceView, number: NumberValue, killed: Mention) -> bool:
    """A counted noun ("11 عنصراً") that a later killed verb ("قتلوا") has as its subject."""
    end = number.mention.span.end
    if number.noun is None or not 0 < killed.span.start - end <= SUBJECT_WINDOW_CHARS:
        return False
    offset = view.span.start
    word = view.span.text[killed.span.start - offset :].split(maxsplit=1)[0]
    if word.lstrip("وف") not in {killed.span.text + e for e in VERB_ENDINGS}:
        return False
    between = view.span.text[end - offset : killed.span.start - offset]
    if _wounded().search(between) or _number_between(view, end, killed.span.start):
        return False
    return killed.span.text.startswith("قتل") and "." not in between


def _number_between(view: SentenceView, after: int, before: int) -> bool:
    return any(after <= n.span.start and n.span.end <= before for n in view.numbers)


KILLED = "context:killed"
WOUNDED = "context:wounded"


def fatalities(
    view: SentenceView, killed_nouns: AbstractSet[str]
) -> tuple[int | None, Quantity | None]:
    """The largest toll stated in the sentence (its lower bound), and the same as a quantity."""
    tolls = [
        n
        for n in (parse_number(m) for m in view.numbers)
        if n is not None and _is_toll(view, n, killed_nouns) and n.value >= 1
    ]
    if not tolls:
        return None, None
    best = max(tolls, key=lambda n: _with_joined(view, n))
    total = _with_joined(view, best)
    low = _range_low(view, best)
    if low is not None:
        best, total = low, low.value  # "بين خمسة وسبعة أشخاص": the lower bound (codebook §6)
    quantity = Quantity(total, "person", "killed", best.qualifier, best.mention.span)
    return int(total), quantity


# "لقي بين خمسة وسبعة أشخاص حتفهم": two counts that bound one toll, not two tolls to add
_RANGE_OPEN = re.compile(r"(?:^|\s)بين\s*$")
_RANGE_AND = re.compile(r"^\s*و\s*$")


def _range_low(view: SentenceView, high: NumberValue) -> NumberValue | None:
    """The lower count of a range "بين N و M" whose upper count is `high`, else None."""
    offset = view.span.start
    text = view.span.text
    for m in view.numbers:
        if m.span.end > high.mention.span.start:
            continue
        between = text[m.span.end - offset : high.mention.span.start - offset]
        before = text[max(0, m.span.start - offset - 8) : m.span.start - offset]
        if _RANGE_AND.match(between) and _RANGE_OPEN.search(before):
            return parse_number(m)
    return None


def _range_opened(view: SentenceView, low: NumberValue) -> bool:
    offset = view.span.start
    start = low.mention.span.start - offset
    return _RANGE_OPEN.search(view.span.text[max(0, start - 8) : start]) is not None


# The gap between two counts of one toll: the first count's noun words, then و ("7 مدنيين
# وثلاثة مقاتلين", "30 جندياً نظامياً و20 من التنظيم").
# The first count's words may end in a comma ("جثث ستة من القوات النظامية، وأربعة من …").
_JOINED_GAP = re.compile(r"^[\s\u0621-\u064A\u064B-\u0652]{0,30}،?(?:^|\s)و\s*$")
_WOUNDED_AFTER_CHARS = 30  # the counted noun and "بين قتيل وجريح" after the count


def _with_joined(view: SentenceView, toll: NumberValue) -> float:
    """A toll plus the counts joined to it by و ("مقتل سبعة مدنيين وثلاثة مقاتلين" = 10), not
    those of a breakdown ("بينهم 3 أطفال") nor of the wounded ("و10 جرحى")."""
    offset = view.span.start
    text = view.span.text
    total, last = toll.value, toll.mention.span.end
    if _range_opened(view, toll):
        return total  # "بين 5 و7 قتلى": the next count is the range's upper bound
    later = sorted(view.numbers, key=lambda m: m.span.start)
    for m in later:
        if m.span.start < last:
            continue
        gap = text[last - offset : m.span.start - offset]
        n = parse_number(m)
        if n is None or not _JOINED_GAP.match(gap) or _breakdown(gap):
            break
        if _wounded().search(gap) or (n.noun in _units() and _units()[n.noun][0] != "person"):
            break
        if "،" in gap and n.noun not in (None, toll.noun):
            break  # "قتل 4 مدنيين بقصف على دوما، و6 آخرون بقصف على حرستا": another toll
        tail = text[m.span.start - offset : m.span.end - offset + _WOUNDED_AFTER_CHARS]
        if _wounded().search(tail.split(" و")[0]):
            break  # "قتيلين اثنين وسبعة جرحى": the second count is the wounded
        total += n.value
        last = m.span.end
    return total + _joined_lone(text[last - offset :])


def _joined_lone(after: str) -> int:
    """A victim named without a number right after a count and its noun ("مقتل ثلاثة أطفال
    وامرأة" = 4, "7 مدنيين وطفلان" = 9): 1, 2 for a dual, else 0."""
    words = [_NOT_LETTER.sub("", w) for w in normalize_key(after).split()[:2]]
    if len(words) < 2 or not words[1].startswith("و"):
        return 0
    return _victims_of(words[1][1:], _victim_words().victims)


def _breakdown(gap: str) -> bool:
    words = _victim_words().breakdown
    return any(w.removeprefix("و") in words for w in normalize_key(gap).split())


def quantities(view: SentenceView, action: str) -> list[Quantity]:
    out = []
    for n in (parse_number(m) for m in view.numbers):
        if n is None or n.noun is None or n.noun not in _units():
            continue
        unit, item = _units()[n.noun]
        # a siege's stated duration, in days, weeks or months ("حصار استمر قرابة سبعة أشهر")
        if unit in {"day", "week", "month"} and action.startswith("siege"):
            item = "siege"
        out.append(Quantity(n.value, unit, item, n.qualifier, n.mention.span))
    return out


@dataclass(frozen=True, slots=True)
class _VictimWords:
    kill: frozenset[str]
    after: dict[str, int]
    victims: frozenset[str]
    toll_before: frozenset[str]
    toll_after: frozenset[str]
    skip: frozenset[str]
    breakdown: frozenset[str]
    dual: frozenset[str]
    since: frozenset[str]
    apart: frozenset[str]
    vague: frozenset[str]


@cache
def _victim_words() -> _VictimWords:
    after: dict[str, int] = {}
    kinds: dict[str, set[str]] = {"kill": set(), "victim": set(), "toll_before": set()}
    kinds["toll_after"] = set()
    kinds["skip"] = set()
    kinds["breakdown"] = set()
    kinds["dual"] = set()
    kinds["since"] = set()
    kinds["apart"] = set()
    kinds["vague"] = set()
    for row in read_table("victims.tsv"):
        word = normalize_key(row["word"])
        if row["kind"] == "after":
            after[word] = int(row["count"])
        else:
            kinds[row["kind"]].add(word)
    return _VictimWords(
        frozenset(kinds["kill"]),
        after,
        frozenset(kinds["victim"]),
        frozenset(kinds["toll_before"]),
        frozenset(kinds["toll_after"]),
        frozenset(kinds["skip"]),
        frozenset(kinds["breakdown"]),
        frozenset(kinds["dual"]),
        frozenset(kinds["since"]),
        frozenset(kinds["apart"]),
        frozenset(kinds["vague"]),
    )


_NOT_LETTER = re.compile(r"[^\u0621-\u064A0-9]+")
LONE_VICTIM_WINDOW = 2  # "قُتل مدني", "قُتل أمس عنصر": the victim is one of the next two words
CONJOINED_WINDOW = 3  # "مقتل امرأة ورجل مسيحيين": a second victim joined by و


def _bare(word: str) -> str:
    """A word without the conjunction, the article and the accusative alif ("والقائد" → قائد)."""
    for clitic in ("و", "ف"):
        if word.startswith(clitic) and len(word) > 3:
            word = word[1:]
            break
    for article in ("لل", "ال", "بال"):
        if word.startswith(article) and len(word) > len(article) + 2:
            word = word[len(article) :]
            break
    return word[:-1] if word.endswith("ا") and len(word) > 3 else word


def _victims_of(word: str, victims: frozenset[str]) -> int:
    """1 for a singular victim noun, 2 for its dual ("مدنيان", "مستشارين"), else 0. A nisba's
    "ين" is its plural as well ("مدنيين"): no count."""
    bare = _bare(word)
    if bare in victims:
        return 1
    if bare.endswith("ان") and bare[:-2] in victims:
        return 2
    stem = bare[:-2]
    if bare.endswith("ين") and stem in victims and not stem.endswith("ي"):
        return 2
    return 0


def lone_victims(view: SentenceView) -> int | None:
    """The toll of a sentence that names its victims without a number: "قُتل مدني" (1),
    "اغتيال القائد العسكري" (1), "مواطناً قتل" (1), "مقتل امرأة ورجل" (2), "قُتل مدنيان" (2)."""
    return lone_victims_in(view.span.text)


def lone_victims_in(text: str) -> int | None:
    """`lone_victims` of a stretch of text (a sentence or one of its clauses)."""
    lexicon = _victim_words()
    # words keep their digits: a count between the killing word and a noun is that noun's
    raw = normalize_key(text).split()
    words = [_NOT_LETTER.sub("", w) for w in raw]
    for i, word in enumerate(words):
        if _bare(word) in lexicon.dual:
            return 2  # "أسفر القصف عن قتيلين"
        # "ومقتل", "لمقتل" ("ما أدى لمقتل مدني"), "بمقتل": the killing word with a proclitic
        core = word[1:] if word[:1] in {"و", "ف", "ل", "ب"} and word[1:] in lexicon.kill else word
        if core in lexicon.kill and i + 1 < len(raw) and raw[i + 1].startswith('"'):
            return 1  # "اغتيال "أبو يوسف الجزراوي"": a person named in quotes
        if core in lexicon.kill:
            count = _victims_after(words, i, lexicon) or _one_of_several(words, i, lexicon)
            if count:
                return count
        if core in lexicon.after:
            before = words[max(0, i - LONE_VICTIM_WINDOW) : i]
            if any(_victims_of(w, lexicon.victims) for w in before):
                return lexicon.after[core]
    return None


SINGLED_WINDOW = 3  # "من بينهم رئيس", "عرف منهم الشهيد المهندس": the breakdown word and its one


def _one_of_several(words: list[str], i: int, lexicon: _VictimWords) -> int:
    """An unnumbered toll ("مقتل عدة أفراد", "سقوط عدد من الشهداء") one of whose dead is singled
    out after a breakdown word ("من بينهم رئيس الوحدة"): 1, the lower bound the report
    states; 0 without one."""
    if i + 1 >= len(words) or _bare(words[i + 1]) not in lexicon.vague:
        return 0
    for j in range(i + 2, len(words)):
        if _bare(words[j]) in lexicon.breakdown or words[j] in lexicon.breakdown:
            following = words[j + 1 : j + 1 + SINGLED_WINDOW]
            if any(_victims_of(w, lexicon.victims) == 1 for w in following):
                return 1
            return 0
    return 0


def _victims_after(words: list[str], i: int, lexicon: _VictimWords) -> int:
    victims = lexicon.victims
    # the next words after the killing word, time words ("أمس", "قبل نحو أسبوع") passed over
    following = [j for j in range(i + 1, len(words)) if _bare(words[j]) not in lexicon.skip]
    for j in following[:LONE_VICTIM_WINDOW]:
        if _wounded().search(words[j]) or any(c.isdigit() for c in words[j]):
            return 0  # "قتل وجرح 28 مدنياً": the dead and the wounded together, or counted
        count = _victims_of(words[j], victims)
        if count == 0:
            continue
        if _bare(words[j]) == "احد" and j + 1 >= len(words):
            return 0  # "لم يسفر عن مقتل أحد": no one
        for k in range(j + 1, min(len(words), j + 1 + CONJOINED_WINDOW)):
            if words[k].startswith("و") and _victims_of(words[k][1:], victims) == 1:
                return count + 1
        return count
    return 0
