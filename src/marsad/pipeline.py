"""The order of the stages. Only this module knows it.

`analyze` is the per-article map: a pure function of an article and read-only resources, so it
runs in-process, in a process pool, or on a distributed engine without change.
"""

from __future__ import annotations

from marsad.classify import build_claims
from marsad.extract import extract_mentions
from marsad.knowledge.resources import Resources
from marsad.model import AnalyzedArticle, Article
from marsad.resolve import resolve_mentions


def analyze(article: Article, resources: Resources) -> AnalyzedArticle:
    """Article → mentions → resolved values → claims (records), with every offset kept."""
    extraction = extract_mentions(article, resources)
    resolution = resolve_mentions(extraction, resources)
    claims = build_claims(resolution, resources)
    return AnalyzedArticle(article=article, mentions=extraction.mentions, claims=claims)
