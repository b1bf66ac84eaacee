"""Incidents: origins and independence, grouping events into incidents, and the review workflow.

    >>> from dalil.incidents import build, list_incidents, show_incident
    >>> build(ws)                      # origins, events, incidents: recomputed from the sources
    >>> list_incidents(ws, place="Baniyas")["incidents"]

Inputs are ``EventRecord`` values (``model.py``), produced in one place (``inputs.load_events``).
"""

from dalil.incidents.build import BuildReport, build
from dalil.incidents.grouping import LinkSettings, group_events, score_pair
from dalil.incidents.model import DateRange, EventRecord, FigureRecord, PlaceRef
from dalil.incidents.origins import Derivation, OriginGraph, SourceInfo, derive
from dalil.incidents.review import (
    CREDIBILITY,
    STATUSES,
    list_incidents,
    merge_incidents,
    move_event,
    review_queue,
    set_incident_status,
    show_incident,
    split_incident,
    verify_claim,
)

__all__ = [
    "CREDIBILITY",
    "STATUSES",
    "BuildReport",
    "DateRange",
    "Derivation",
    "EventRecord",
    "FigureRecord",
    "LinkSettings",
    "OriginGraph",
    "PlaceRef",
    "SourceInfo",
    "build",
    "derive",
    "group_events",
    "list_incidents",
    "merge_incidents",
    "move_event",
    "review_queue",
    "score_pair",
    "set_incident_status",
    "show_incident",
    "split_incident",
    "verify_claim",
]
