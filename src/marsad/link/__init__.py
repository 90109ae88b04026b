"""Linking across reports: near-duplicate reports, events, disputes, stories (codebook §8).

`link_claims` is the reduce stage: records from many articles become canonical events (with
their disputes) chained into stories; pass the returned `state` back as `existing` to link new
records without rescoring the old ones. `near_duplicates` finds syndicated copies.
"""

from marsad.link.dates import inherit_dates
from marsad.link.duplicates import near_duplicates
from marsad.link.linking import link_claims
from marsad.link.state import LinkResult, LinkState

__all__ = ["LinkResult", "LinkState", "inherit_dates", "link_claims", "near_duplicates"]
