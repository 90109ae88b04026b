"""Who says so (codebook §7): a named source with a reporting cue, carried to the following
sentences until a new source is named or a new paragraph starts in the outlet's own voice.

Who speaks, in order: a catalog source with a cue of saying (the outlet a speaker told, "لـ
"سمارت"", is the last choice); a catalog actor or person touching a verb of saying; else the noun
phrase between a verb of saying that opens the sentence and its "إن/أن" or quotation ("وقال
السفير زيناري إن"). That phrase names no one after a particle ("أشار إلى أن"), is the outlet
itself for its correspondent ("مراسلنا"), and names again the speaker before when definite or
demonstrative ("وأضاف سلو", "أكدت هذه القوات"). `voice_at` then gives one event its voice: none
for a verbal act (the speaker is its actor) or for what a sentence told before a speech it
opens in a later clause. The word lists are rows of data/attribution_cues.tsv."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise

from marsad.classify.view import SentenceView
from marsad.knowledge.actions import speech_actions
from marsad.knowledge.cues import load_cues
from marsad.model import Attribution, Mention, Span
from marsad.text.lexicon import phrase_alternation, phrases_of, words_of
from marsad.text.normalize import normalize_key

# A reporting cue and its source are in one sentence; the source usually follows the cue
# ("وقال المرصد", "بحسب ناشطين") or opens the sentence ("المرصد السوري أفاد"): any order within
# the sentence counts.
CONTINUE_PREFIX_CHARS = 30  # a carry-on verb ("وأضاف") must open its sentence
ANON_SUFFIX = "|anonymous"
CIVILIANS = "CIV"
RESIDENTS = "anonymous: residents"  # the name the extraction gives residents as a source


def _source(mention: Mention) -> Attribution:
    raw = (mention.key or "").removeprefix("source:")
    name, _, kind = raw.rpartition("|")
    if not name:
        name, kind = raw, "organisation"
    return Attribution(name=name, kind=kind, span=mention.span)


# A verb of saying written as a noun or adjective: "التابعة لـ" (affiliated), "تابعة للنظام",
# "إضافة إلى" (in addition), "المشار إليه". The matcher takes "ال" and "ة" as a clitic and an
# ending; on a verb they make the word no verb.
_NOUN_BEFORE = ("ال", "لل")


def _is_verb_cue(text: str, m: Mention) -> bool:
    if normalize_key(m.span.text) not in _cue_words("verb"):
        return True  # "بيان", "بحسب", "المصدر": nouns and prepositions are cues as they stand
    before = text[max(0, m.span.start - 2) : m.span.start]
    return not (before in _NOUN_BEFORE or text[m.span.end : m.span.end + 1] == "ة")


def _cues(view: SentenceView, text: str, key: str) -> list[Mention]:
    """The sentence's attribution mentions of one key, verbs of saying used as verbs."""
    return [m for m in view.attribution if m.key == key and _is_verb_cue(text, m)]


def _has(view: SentenceView, key: str, text: str) -> bool:
    return bool(_cues(view, text, key))


def _opens_with_continue(view: SentenceView, text: str) -> bool:
    return any(
        m.span.start - view.span.start <= CONTINUE_PREFIX_CHARS
        for m in _cues(view, text, "continue")
    )


def sentence_sources(view: SentenceView) -> list[Mention]:
    return [m for m in view.attribution if (m.key or "").startswith("source:")]


SPEAKER_GAP_CHARS = 4  # "أعلنت قسد", "قسد تعلن": the speaker touches the reporting verb


# A verb ending, spaces, quotes, "one of" ("قال أحد السكان"): nothing else.
_GAP = re.compile(r"^(?:ت|وا|ا)?[\s\"'«»“”،,]*(?:[أا]حد\s+)?$")
DATED_GAP_CHARS = 30  # "أكدت أمس الأحد الجبهة الوطنية": a date may sit between verb and speaker


def _without_dates(text: str, start: int, end: int, dates: list[Span]) -> str:
    """The text of [start, end) with the date expressions in it blanked out."""
    chars = list(text[start:end])
    for d in dates:
        for i in range(max(d.start, start), min(d.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _touches(text: str, cue: Span, actor: Span, dates: list[Span] | None = None) -> bool:
    spans = dates or []
    if 0 <= actor.start - cue.end <= DATED_GAP_CHARS:
        gap = _without_dates(text, cue.end, actor.start, spans)
        return len(gap.strip()) <= SPEAKER_GAP_CHARS and bool(_GAP.match(gap.lstrip()))
    if 0 <= cue.start - actor.end <= SPEAKER_GAP_CHARS:
        return bool(_GAP.match(text[actor.end : cue.start]))
    return False


def _speaker(view: SentenceView, text: str) -> Attribution | None:
    """A catalog actor or a named person as the subject of a reporting verb."""
    cues = _cues(view, text, "report")
    dates = [d.mention.span for d in view.dates]
    for cue in cues:
        # "بقصف طائرة مسيرة تركية، حسب مراسل الحرة": who a preposition cites follows it
        cites = normalize_key(cue.span.text) in _cue_words("preposition")
        for actor in view.actors:
            span = actor.mention.span
            if cites and span.end <= cue.span.start:
                continue
            if _touches(text, cue.span, span, dates):
                if actor.options and actor.options[0].id == CIVILIANS:
                    return Attribution(RESIDENTS, "anonymous", span)  # "قال أحد السكان"
                name = actor.options[0].name if actor.options else span.text
                return Attribution(name=name, kind="party", span=span)
        for person in view.names:
            if person.key == "person" and 0 <= person.span.start - cue.span.end <= 30:
                return Attribution(name=person.span.text, kind="person", span=person.span)
    return None


@cache
def _cue_words(kind: str) -> frozenset[str]:
    """Normalized cues of one kind from the attribution lexicon (verb, issuer, own_voice,
    particle, anaphor)."""
    return frozenset(normalize_key(c.cue) for c in load_cues().attribution if c.kind == kind)


CITING_WINDOW_CHARS = 24  # "وفق ما أوردته " and a clitic before the source's name


def cited_at(text: str, start: int) -> bool:
    """A citing preposition ("بحسب", "وفق", "وفقاً لـ") ends right before `start`: whoever is
    named there is the report's source."""
    before = normalize_key(text[max(0, start - CITING_WINDOW_CHARS) : start]).rstrip()
    before = before.removesuffix("ل").rstrip()  # "وفقاً للأمم": the clitic of "لـ"
    return any(before.endswith(cue) for cue in _cue_words("preposition"))


MEDIA_WORDS = "media_words.tsv"  # "قناة", "وكالة", "صحيفة" before an outlet's name


@cache
def _media() -> str:
    return phrase_alternation(phrases_of(MEDIA_WORDS, field="word"))


@cache
def _recipient() -> re.Pattern[str]:
    """ "قال مصدر لـ"سمارت"", "قال لوكالة ((شينخوا))": the outlet told is not who speaks."""
    return re.compile(
        rf"(?:^|[\s\"'«“(])ل(?:ـ)?{_media()}?"
        r"(?:\s+(?:ال)?[أا]نباء)?[\s\"'«“(]*$"  # "لوكالة الأنباء الألمانية"
    )


RECIPIENT_WINDOW_CHARS = 24


def _told(text: str, span: Span) -> bool:
    """The source is the outlet a speaker told ("قال مصدر محلي لـ"سمارت""); not when "لـ" says
    whose document it is ("كشف تقرير سابق لـ"المجس"": the outlet's own report)."""
    before = text[max(0, span.start - RECIPIENT_WINDOW_CHARS) : span.start]
    return bool(_recipient().search(before)) and not _owned_document().search(before)


DOCUMENT_WORDS = "document_words.tsv"  # "تقرير", "بيان": a document, then whose it is


@cache
def _owned_document() -> re.Pattern[str]:
    """ "تقرير سابق لـ", "بيان لـ", "دراسة جديدة لـ": a document, then whose it is."""
    document = phrase_alternation(phrases_of(DOCUMENT_WORDS, field="word"))
    return re.compile(rf"(?:^|\s)[وف]?(?:ال)?{document}(?:\s+\S+)?\s+ل(?:ـ)?[\s\"'«“(]*$")


# A speaker named by a noun phrase the catalogs do not know: a verb of saying, the phrase, then
# "إن/أن" or a quotation ("وقال السفير زيناري "…"", "أعلنت سورية أنه", "قالت قناة برس تي في
# الإيرانية، التي تديرها الدولة، إن").
SPEAKER_NP_CHARS = 90
SPEAKER_NP_WORDS = 16
_TOKEN = re.compile(r"[^\s،,.؛;:()\"'«»“”\-–—]+|[:\"'«“]")
_COMPLEMENTIZERS = frozenset(
    {
        "ان",
        "انه",
        "انها",
        "انهما",
        "انهم",
        "انهن",
        "اننا",
        "بان",
        "بانه",
        "بانها",
        "بانهم",
        "فان",
        "وان",
    }
)
_OPENERS = frozenset({":", '"', "'", "«", "“"})
# A speaker named again by a definite or demonstrative phrase or one word ("وقال القائد
# العسكري", "وأضاف سلو", "أكدت هذه القوات"): the one named before, when there is one.
ANAPHOR = "anaphor"
OWN_VOICE = Attribution(name="", kind="outlet", span=None)  # the outlet's own correspondent


def _np_speaker(view: SentenceView, text: str, cue: Mention) -> Attribution | None:
    said = normalize_key(cue.span.text)
    if said not in _cue_words("verb") and said not in _cue_words("issuer"):
        return None
    start = cue.span.end
    while start < view.span.end and text[start].isalpha():
        start += 1  # the verb's ending ("قالت", "أفادوا")
    end = min(view.span.end, start + SPEAKER_NP_CHARS)
    dates = [d.mention.span for d in view.dates]
    gap = _without_dates(text, start, end, dates)
    words: list[re.Match[str]] = []
    later = [
        c.span.start - start
        for c in _cues(view, text, "report")
        if c.span.start > start and normalize_key(c.span.text) in _cue_words("verb")
    ]
    for token in _TOKEN.finditer(gap):
        word = normalize_key(token.group())
        if any(token.start() <= c < token.end() for c in later):
            return None  # "نشرت الشركة صورة …، وقالت": another verb of saying, its own speaker
        if word in _COMPLEMENTIZERS or word in _OPENERS:
            break
        words.append(token)
        if len(words) > SPEAKER_NP_WORDS:
            return None
    else:
        return None
    if not words:
        return None
    first = normalize_key(words[0].group())
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if i and normalize_key(w.group()) in _cue_words("particle")
        ),
        len(words),
    )
    words = words[:cut]  # "قوة المهمات المشتركة في بيان": the speaker ends before "في"
    while len(words) > 1 and len(normalize_key(words[-1].group())) == 1:
        words.pop()  # "طبيب ميداني ل"العربية"": the outlet told follows the speaker
    head = start + words[0].start()
    if first.startswith("ل") and any(
        head <= m.span.start < start + words[0].end() for m in sentence_sources(view)
    ):
        return None  # "أوضح لعنب بلدي أن": the outlet told; its speaker is named elsewhere
    if first in _cue_words("particle") or len(first) == 1:
        return None  # "أشار إلى أن", "قالت في بيان إن": the speaker is not named here
    if first in _cue_words("own_voice"):
        return OWN_VOICE
    span = Span.of(text, start + words[0].start(), start + words[-1].end())
    anaphoric = len(words) == 1 or first.startswith("ال") or first in _cue_words("anaphor")
    return Attribution(name=span.text, kind=ANAPHOR if anaphoric else "person", span=span)


# The verb opens the sentence ("وقال", "ومن جهته، قال", "وفي وقت سابق، أعلن"): a verb of saying
# deep in a sentence ("…، حيث قال X إن") speaks for its own clause, not the events before it.
SPEAKER_VERB_CHARS = 40


def _named_speaker(view: SentenceView, text: str) -> Attribution | None:
    for cue in _cues(view, text, "report"):
        if cue.span.start - view.span.start <= SPEAKER_VERB_CHARS:
            found = _np_speaker(view, text, cue)
            if found is not None:
                return found
    return None


# "بحسب ما أعلنت في بيان", "وفق ما ذكرت": a verb of saying after "as" with no speaker named
# after it; its subject is the side the sentence named before.
_AS_SAID = re.compile(r"(?:^|\s)(?:[وف]?(?:بحسب|حسب|وفق|وفقا|وفقاً)\s+ما|حسبما|كما)\s*$")
_AS_SAID_TAIL = re.compile(
    r"^\S*(?:\s+(?:في|عبر|ضمن)\s+\S+)?(?:\s+(?:اليوم|أمس|امس|الليلة))?\s*[.،,]?\s*$"
)


def _implied_speaker(view: SentenceView, text: str) -> Attribution | None:
    """The sentence's first catalog side when it says so itself: "سيطرت قسد على القرية، بحسب ما
    أعلنت في بيان" (codebook §7: the party is the source)."""
    for cue in _cues(view, text, "report"):
        if normalize_key(cue.span.text) not in _cue_words("verb"):
            continue
        if not _AS_SAID.search(text[max(view.span.start, cue.span.start - 12) : cue.span.start]):
            continue
        if not _AS_SAID_TAIL.match(text[cue.span.start : view.span.end]):
            continue  # a speaker or more words follow: not this form
        before = [a for a in view.actors if a.mention.span.end <= cue.span.start and a.options]
        if before:
            first = before[0]
            return Attribution(first.options[0].name, "party", first.mention.span)
    return None


def _spoken(view: SentenceView, text: str, source: Mention) -> bool:
    """Residents are a source only as the subject of a verb of saying ("قال أحد السكان"): the
    word is common in narration ("دوار كان سكان المدينة يطلقون عليه", "يعاني الأهالي")."""
    if _object_of_act(view, source):
        return False
    if not (source.key or "").startswith(f"source:{RESIDENTS}|"):
        return True
    dates = [d.mention.span for d in view.dates]
    return any(_touches(text, cue.span, source.span, dates) for cue in _cues(view, text, "report"))


def _object_of_act(view: SentenceView, source: Mention) -> bool:
    """A source word right after an act ("مقتل قائد فصيل", "اغتيال مسؤول", "استهداف وزارة
    الدفاع") names whom the act befell, not who tells it."""
    return any(
        0 <= source.span.start - t.span.end <= OBJECT_GAP_CHARS
        and not view.span.text[
            t.span.end - view.span.start : source.span.start - view.span.start
        ].strip()
        for t in view.triggers
    )


OBJECT_GAP_CHARS = 2  # the next word: a space, maybe the rest of the trigger's ending


def _stated_source(view: SentenceView, text: str) -> Attribution | None:
    sources = [m for m in sentence_sources(view) if _spoken(view, text, m)]
    if not sources or not (_has(view, "report", text) or _has(view, "continue", text)):
        found = _speaker(view, text)
        if found is None:
            found = _named_speaker(view, text)
        if found is None:
            found = _implied_speaker(view, text)
        return found
    direct = [m for m in sources if not _told(text, m.span)]
    if not direct:
        found = _speaker(view, text) or _named_speaker(view, text)
        if found is not None:
            return found
    sources = direct or sources
    for unnamed, named_after in pairwise(sources):
        if _sources_of(text, unnamed, named_after):
            return _source(unnamed)
    named = [m for m in sources if not (m.key or "").endswith(ANON_SUFFIX)]
    return _source((named or sources)[0])


@cache
def _of_gap() -> re.Pattern[str]:
    """ "مصادر وكالة تسنيم", "مصدر في المرصد": unnamed sources of a named body speak, not the
    body (which may be the article's own outlet, its own voice)."""
    return re.compile(rf"^[\s\"'«“]*(?:(?:في|من|داخل)\s+)?{_media()}?[\s\"'«“]*$")


OF_WINDOW_CHARS = 14


def _sources_of(text: str, unnamed: Mention, named: Mention) -> bool:
    return (
        (unnamed.key or "").endswith(ANON_SUFFIX)
        and not (named.key or "").endswith(ANON_SUFFIX)
        and 0 <= named.span.start - unnamed.span.end <= OF_WINDOW_CHARS
        and bool(_of_gap().match(text[unnamed.span.end : named.span.start]))
    )


# Sources whose word holds for their own sentence only, unless the next one says it goes on
# ("وأضاف"): unnamed sources and a party speaking of itself. Measured on dev and train: carrying
# them mislabels the outlet's own narration (train 5 of a report's records after "قالت مصادر");
# a named monitor or outlet ("المرصد السوري") goes on being cited for the sentences after it.
SPOKEN_ONCE = frozenset({"anonymous", "party"})

# "أن", "إن", "بأنّ", "فإنه": the speech of a verb of saying starts here.
_THAT = re.compile(r"(?:^|\s)[وفب]?[إأا]ن[\u064b-\u0652]*(?:ه|ها|هم|هن)?(?=[\s\"«“]|$)")


def _opens_speech(view: SentenceView, text: str, cue: Mention) -> bool:
    """A verb of saying whose speech follows it in its clause ("وأفادت مصادر صحفية بأن …")."""
    if normalize_key(cue.span.text) not in _cue_words("verb"):
        return False
    clause = view.clause_of(cue.span.start)
    return bool(_THAT.search(text, cue.span.end, clause.end))


def voice_at(
    views: list[SentenceView],
    voices: list[Attribution | None],
    index: int,
    position: int,
    text: str,
) -> Attribution | None:
    """The voice of an event at `position` of sentence `index`. A verbal action (accusation,
    condemnation, demand, threat: actions.tsv family `verbal`) is its actor's own act, told in the
    outlet's voice (train gold: 1 of 18 attributed, dev 0 of 10). A speech a sentence opens in a
    later clause ("دخلت وحدات من الجيش مدينة منبج، وأفادت مصادر بأن الجنود انتشروا …") or
    later in the event's own clause ("سيطرت القوات على عفرين إثر عملية قالت أنقرة إنها …") holds
    from its verb on; what the sentence told before it is in the voice before the sentence. A
    trailing "، بحسب ما أفاد المرصد" is no speech opened: it holds for what it follows."""
    view, voice = views[index], voices[index]
    said = [t.key for t in view.triggers if t.span.start == position]
    if said and all(action in speech_actions() for action in said):
        return None  # "أدانت الولايات المتحدة …": the speaker is the actor of its own act
    if voice is None or voice.span is None:
        return voice
    if not view.span.start <= voice.span.start < view.span.end:
        return voice  # carried from an earlier sentence
    cues = _cues(view, text, "report")
    if not cues:
        return voice
    first = min(cues, key=lambda c: c.span.start)
    if first.span.start <= position or not _opens_speech(view, text, first):
        return voice  # told after its cue, or a trailing "، وفق مصادر حقوقية"
    before = voices[index - 1] if index > 0 else None
    if before is None or views[index - 1].paragraph != view.paragraph:
        return None
    return None if before.kind in SPOKEN_ONCE else before


SPLIT_HEAD_CHARS = 12  # "أ) إن": the abbreviation's last letter before the speech


def _opens_with_that(view: SentenceView, text: str) -> bool:
    """The sentence opens with "إن/أن", no verb of saying before it: the rest of the previous
    sentence's speech, cut off at a full stop inside it (an abbreviation, "د.ب.أ")."""
    head = text[view.span.start : min(view.span.end, view.span.start + SPLIT_HEAD_CHARS)]
    found = _THAT.search(head)
    return found is not None and all(len(w) <= 2 for w in re.findall(r"\w+", head[: found.start()]))


def heard(views: list[SentenceView], text: str) -> list[Attribution | None]:
    """The voice each sentence is told in: the source it names, or the one it carries on, or
    None for the outlet's own voice."""
    out: list[Attribution | None] = []
    current: Attribution | None = None
    last_named: Attribution | None = None
    paragraph = -1
    for view in views:
        stated = _stated_source(view, text)
        if stated is None and _opens_on_another_matter(view):
            stated = OWN_VOICE
        if stated is OWN_VOICE:
            current = last_named = None
        elif stated is not None and stated.kind == ANAPHOR:
            current = last_named = last_named or replace(stated, kind="person")
        elif stated is not None:
            current = last_named = stated
        elif _opens_with_continue(view, text):
            current = current or last_named  # "وأضاف", "ووفقاً للموقع ذاته": the same voice
        elif out and _opens_with_that(view, text):
            current = out[-1]  # "(د.ب.أ) إن": a speech cut from its verb by a split sentence
        elif view.paragraph != paragraph or (current is not None and current.kind in SPOKEN_ONCE):
            current = None
        paragraph = view.paragraph
        out.append(current)
    return _between_same_voice(views, text, out)


SHIFT_HEAD_CHARS = 20  # "وعلى صعيد آخر،": the phrase opens the sentence


def _opens_on_another_matter(view: SentenceView) -> bool:
    """The sentence opens on another matter ("وفي سياق آخر"): the outlet's own voice again."""
    head = normalize_key(view.span.text[:SHIFT_HEAD_CHARS]).lstrip()
    head = head[1:] if head[:1] in {"و", "ف"} else head
    return any(head.startswith(p) for p in _topic_shifts())


@cache
def _topic_shifts() -> frozenset[str]:
    return words_of("topic_shifts.tsv")


def _between_same_voice(
    views: list[SentenceView], text: str, voices: list[Attribution | None]
) -> list[Attribution | None]:
    """A sentence told between a source's words and the sentence that says the source goes on
    ("وقال ناشطون إن …" / "من جهة أخرى تمكنت …" / "وأضاف الناشطون أن …") is that source's
    too: "أضاف" says the speaker kept speaking through it."""
    out = list(voices)
    for i in range(1, len(views) - 1):
        before, after = voices[i - 1], voices[i + 1]
        if (
            voices[i] is None
            and before is not None
            and after is not None
            and after.name == before.name
            and _opens_with_continue(views[i + 1], text)
        ):
            out[i] = before
    return out


def attributions(views: list[SentenceView], text: str) -> list[Attribution | None]:
    """The source each sentence's events are attributed to, or None for the outlet's voice: the
    voice the sentence is heard in, at its first event (`voice_at`). One voice per sentence;
    a caller holding each event's position may ask `voice_at` per event instead."""
    voices = heard(views, text)
    out = [
        voice_at(views, voices, i, min(t.span.start for t in view.triggers), text)
        if view.triggers
        else voices[i]
        for i, view in enumerate(views)
    ]
    return out


def denier(view: SentenceView, after: int) -> Attribution | None:
    """Who denies: the actor right after the denial cue ("نفت الأسايش"), else a named source,
    else the words the denial verb names. None when the denial is a statement with no verb
    ("لا صحة للأنباء عن…", "لا أساس له"): whoever speaks the sentence denies."""
    last: Mention | None = None
    for cue in sorted(view.status, key=lambda m: m.span.start):
        if cue.key == "denial" and cue.span.end == after:
            last = cue
        if cue.key == "denial" and 0 <= cue.span.start - after <= SPEAKER_GAP_CHARS:
            after, last = cue.span.end, cue  # "مزعوم تنفيه دمشق": the verb after the first cue
    if last is not None and normalize_key(last.span.text).split()[0] in _NO_TRUTH:
        return None
    for actor in view.actors:
        if 0 <= actor.mention.span.start - after <= SPEAKER_GAP_CHARS and actor.options:
            return Attribution(actor.options[0].name, "party", actor.mention.span)
    for m in sentence_sources(view):
        if m.span.start >= after and not _object_of_act(view, m):
            return _source(m)
    if _act_follows(view, after):
        # "واعتبرت الخارجية الروسية الاتهامات مفبركة ونفت قصف…": the verb's object is the act,
        # so its subject was named before it, as the sentence's first side
        sides = [(a.mention.span.start, a) for a in view.actors if a.options]
        said = [(m.span.start, m) for m in sentence_sources(view)]
        before = sorted((x for x in sides + said if x[0] < after), key=lambda x: x[0])
        if not before:
            return None
        first = before[0][1]
        if isinstance(first, Mention):
            return _source(first)
        return Attribution(first.options[0].name, "party", first.mention.span)
    return _named_denier(view, after)


def _act_follows(view: SentenceView, after: int) -> bool:
    """An act's trigger starts within the few words after the denial verb."""
    words = re.finditer(r"\S+", view.span.text[after - view.span.start :])
    near = [after + w.start() for _, w in zip(range(DENIER_WORDS), words, strict=False)]
    # the trigger may follow a clitic or the article ("بقصف", "والقصف")
    return any(0 <= t.span.start - w <= CLITIC_CHARS for t in view.triggers for w in near)


CLITIC_CHARS = 3


# "لا" that negates a whole noun ("لا صحة", "لا أساس"): the denial is the speaker's own sentence
_NO_TRUTH = frozenset({"لا"})
DENIER_WORDS = 4  # "تنفيه دمشق وموسكو": a capital for its government, two at most with "و"
_DENIER_STOP = re.compile(r"[،,.؛;:()\"«»“”]")


def _named_denier(view: SentenceView, after: int) -> Attribution | None:
    """Whoever the denial verb names, known to no catalog ("نفته دمشق وموسكو"): the words after
    the verb up to the clause's end or a complementizer, a few at most. A denial always has
    its denier (codebook §1: attributed_to = the denier)."""
    text = view.span.text
    start = after - view.span.start
    while start < len(text) and text[start].isalpha():
        start += 1  # the verb's ending or object pronoun ("نفته", "نفوا")
    stop = _DENIER_STOP.search(text, start)
    end = stop.start() if stop else len(text)
    named: list[re.Match[str]] = []
    for word in re.finditer(r"\S+", text[:end]):
        if word.start() < start:
            continue
        key = normalize_key(word.group())
        if len(named) == DENIER_WORDS or key in _COMPLEMENTIZERS or key in _cue_words("particle"):
            break
        named.append(word)
    if not named:
        return None
    first, last = view.span.start + named[0].start(), view.span.start + named[-1].end()
    span = Span(first, last, text[named[0].start() : named[-1].end()])
    return Attribution(name=span.text, kind="party", span=span)


def attribution_from_actor(name: str, span: Span | None) -> Attribution:
    return Attribution(name=name, kind="party", span=span)
