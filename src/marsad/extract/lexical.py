"""Trigger and context-cue mentions from the lexicons in `Resources.triggers`.

Mention conventions (read by classify):
- TRIGGER, key = action name, score = the lexicon weight, rule "lexicon.trigger@1:verb",
  "lexicon.trigger@1:present:verb" (a present-tense form) or "lexicon.trigger@1:noun";
  one mention per action when a phrase is listed under several actions.
- TRIGGER, key = "context:<kind>" for the context cues air / killed / wounded / hurt / building /
  state / purpose / fighters / civilians / consent / background / habitual / sequence / lexical /
  institution / lowering.
- STATUS, key = negation | denial | planned | terms | prospective.
- ATTRIBUTION, key = "report" (a cue verb or preposition), "continue" (the previous speaker goes
  on), "source:<canonical name>|<kind>" or "source:<anonymous description>|anonymous".
"""

from __future__ import annotations

import re
from functools import cache

from marsad.knowledge.triggers import TriggerLexicon
from marsad.model import Mention, MentionKind, Span
from marsad.text.lexicon import phrase_alternation, phrases_of
from marsad.text.normalize import Normalized

TRIGGER_RULE = "lexicon.trigger@1"
CUE_RULE = "lexicon.cue@1"
_CONTEXT_KINDS = frozenset(
    {
        "air",
        "killed",
        "wounded",
        "hurt",  # a verb telling people wounded ("أصيب"): whom it names suffered the act
        "building",
        "state",
        "purpose",
        "fighters",
        "arms",
        "civilians",
        "consent",
        "background",  # a retold earlier event ("في وقت سابق", "كانت قد")
        "downing",  # a verb downing an aircraft ("أسقطت طائرة حربية")
        "sponsor",  # a deal's sponsor or mediator ("بوساطة روسية")
        "habitual",  # a recurring state, not one happening ("عادة", "بشكل دائم")
        "sequence",  # an antecedent or cause of another event ("بعد أن", "إثر", "على خلفية")
        "lexical",  # the trigger word means something else here ("وزارة", "بيان صادر عن")
        "institution",  # a body named by an action noun ("المركز الروسي للمصالحة")
        "lowering",  # a verb lowering what follows ("خفضت من استنفارها")
        "lifting",  # a verb ending the siege after it ("كسرت قوات النظام الحصار")
        "complement",  # a verb whose object is the action ("تعرضت لقصف", "أفضى لفك الحصار")
        "campaign",  # a noun that names a campaign by its place or title ("معركة عفرين")
        "onset",  # a verb starting what follows ("بدأت معركة حلب"): the start is an event
        "release",  # a release word ("إطلاق سراح", "الإفراج عن")
        "abductees",  # people held by abductors ("المختطفين", "الرهائن")
        "defuse",  # clearing, defusing or planting explosives ("تفكيك الألغام", "زرع الألغام")
        "stockpile",  # where chemical weapons are kept or made ("مخزن لأسلحة كيماوية")
        "envoys",  # observers, delegations, envoys ("المراقبون", "وفد")
        "goods",  # aid or goods that enter or arrive ("مساعدات", "مواد غذائية")
        "idiom",  # as lexical, read only by rules ("إطلاق النار في الهواء", "أسعار المحروقات")
        "aim",  # a verb of aiming whose "إلى" object is a purpose ("يهدف الهجوم إلى طرد")
        "slogan",  # a banner or chant whose demand is the protest's slogan ("لافتات طالبت")
        "media",  # what is published, not deployed ("صورة", "مقطع مصور", "تغريدة")
        "movement",  # a word taking the protests as a whole ("معقل الاحتجاجات", "قمع التظاهرات")
    }
)
_STATUS_KINDS = frozenset({"negation", "denial", "planned", "terms", "prospective"})


def trigger_mentions(text: str, norm: Normalized, lexicon: TriggerLexicon) -> list[Mention]:
    out: list[Mention] = []
    for hit in lexicon.matcher.find(norm):
        span = Span.of(text, hit.start, hit.end)
        seen: set[tuple[str, str, str]] = set()
        # a past row and a present form generated from another row may share a surface ("تسلم"):
        # one mention, the past reading (listed rows sort before generated ones)
        for value in sorted(hit.values, key=lambda v: v.endswith("present:verb")):
            action, weight, form = value.split("|", 2)
            if (action, weight, form.rpartition(":")[2]) in seen:
                continue
            seen.add((action, weight, form.rpartition(":")[2]))
            rule = f"{TRIGGER_RULE}:{form}"
            out.append(Mention(MentionKind.TRIGGER, span, action, rule, float(weight)))
    return out


def _cue_mention(text: str, start: int, end: int, kind: str, value: str) -> Mention | None:
    span = Span.of(text, start, end)
    if kind in _CONTEXT_KINDS:
        return Mention(MentionKind.TRIGGER, span, f"context:{kind}", CUE_RULE)
    if kind in _STATUS_KINDS:
        return Mention(MentionKind.STATUS, span, kind, CUE_RULE)
    if kind in {"report", "continue"}:
        return Mention(MentionKind.ATTRIBUTION, span, kind, CUE_RULE)
    if kind == "source":
        return Mention(MentionKind.ATTRIBUTION, span, f"source:{value}", CUE_RULE)
    if kind == "outlet":
        return _outlet(text, start, end, value)
    if kind == "nationality":
        return None  # see nationality_mentions
    if kind == "anonymous":
        return Mention(MentionKind.ATTRIBUTION, span, f"source:{value}|anonymous", CUE_RULE)
    return None


MEDIA_WORDS = "media_words.tsv"  # "قناة", "وكالة", "صحيفة" before an outlet's name


@cache
def _media_word_before() -> re.Pattern[str]:
    return re.compile(phrase_alternation(phrases_of(MEDIA_WORDS, field="word")) + r"\W{0,3}$")


MEDIA_WINDOW_CHARS = 12  # "قناة \"الميادين\"": the media word, maybe a quote, then the name


def _outlet(text: str, start: int, end: int, name: str) -> Mention | None:
    """A bare outlet name is a common word too ("المدن" the cities): it needs a media word, or
    quotation marks around it as a name ('وقالت "المجس" إن', 'قال مصدر لـ"المدن"')."""
    media = _media_word_before().search(text[max(0, start - MEDIA_WINDOW_CHARS) : start])
    if not media and not _quoted(text, start, end):
        return None
    return Mention(
        MentionKind.ATTRIBUTION, Span.of(text, start, end), f"source:{name}|outlet", CUE_RULE
    )


_OPEN_QUOTES = "\"«“'"
_CLOSE_QUOTES = "\"»”'"


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPEN_QUOTES and text[end : end + 1] in _CLOSE_QUOTES


def cue_mentions(
    text: str, norm: Normalized, lexicon: TriggerLexicon, triggers: list[Mention]
) -> list[Mention]:
    out: list[Mention] = []
    for matcher in (lexicon.cue_matcher, lexicon.bare_cue_matcher):
        for hit in matcher.find(norm, longest=False):
            for value in hit.values:
                kind, _, rest = value.partition("|")
                mention = _cue_mention(text, hit.start, hit.end, kind, rest)
                if mention is not None:
                    out.append(mention)
    # a trigger inside a word of another sense ("زار" in "وزارة الدفاع التركية") names no act,
    # so no adjective after it names its doer
    lexical = [m.span for m in out if m.key == "context:lexical"]
    acts = [
        t
        for t in triggers
        if not any(s.start <= t.span.start and t.span.end <= s.end for s in lexical)
    ]
    return _longest_sources(out) + nationality_mentions(text, norm, lexicon, acts)


def _longest_sources(mentions: list[Mention]) -> list[Mention]:
    """Keep a source mention only when no longer source mention covers it ("المرصد السوري")."""
    sources = [m for m in mentions if m.key is not None and m.key.startswith("source:")]
    keep: list[Mention] = []
    for m in mentions:
        if m in sources and any(
            o is not m
            and o.span.start <= m.span.start
            and m.span.end <= o.span.end
            and (o.span.end - o.span.start) > (m.span.end - m.span.start)
            for o in sources
        ):
            continue
        keep.append(m)
    return keep


NATIONALITY_RULE = "lexicon.nationality@1"
NATIONALITY_WINDOW_CHARS = 20  # "الطائرات الحربية الروسية", "القصف التركي": right after the act
# Between the act and an indefinite adjective only the rest of its word and adjectives of it
# ("غارات جوية روسية", "طائرة مسيرة تركية"): after a noun the adjective is that noun's ("مقتل
# طيار روسي": the Russian is the victim; train: three records got the victim as the doer).
_ADJECTIVES_ONLY = re.compile(r"^\S*\s+(?:(?:ال)?(?:\S+(?:ي|ية|يه)|مسي[ّ]?ر[ةه])\s+)*$")


def nationality_mentions(
    text: str, norm: Normalized, lexicon: TriggerLexicon, triggers: list[Mention]
) -> list[Mention]:
    """A nationality adjective right after a trigger names the state that acted ("القصف التركي");
    the key is that state's catalog alias."""
    ends = sorted(t.span.end for t in triggers)
    out: list[Mention] = []
    for hit in lexicon.nationality_matcher.find(norm):
        # An indefinite adjective must follow the act itself; a definite one may also name
        # whom it hit ("استهدفت القاعدة الأميركية"), which the argument rules tell apart.
        definite = text[hit.start : hit.end].startswith("ال")
        if not any(
            0 <= hit.start - e <= NATIONALITY_WINDOW_CHARS
            and (definite or _ADJECTIVES_ONLY.match(text[e : hit.start]))
            for e in ends
        ):
            continue
        span = Span.of(text, hit.start, hit.end)
        out.append(Mention(MentionKind.ACTOR, span, hit.values[0], NATIONALITY_RULE))
    return out
