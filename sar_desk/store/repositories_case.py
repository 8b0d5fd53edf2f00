"""The case contents repositories of a unit of work: store functions with the connection bound.

Each class fronts one store module and lists (with `Bound`) the functions that feature code
calls; `store.uow.UnitOfWork` hands them out as ``uow.<module>``. Adding a function a caller
needs is one line here.
"""

from __future__ import annotations

from sar_desk.store import (
    audit_anchor,
    detection,
    findings,
    messages,
    people,
    person_decisions,
    person_terms,
    scope,
    search_order,
    searchlog,
    withdrawn,
)
from sar_desk.store.repository import Bound, Repository


class PeopleRepository(Repository):
    """What callers outside the store use of `store.people`."""

    add_links = Bound(people.add_links)
    add_separation = Bound(people.add_separation)
    all_links = Bound(people.all_links)
    assign = Bound(people.assign)
    create_person = Bound(people.create_person)
    get_person = Bound(people.get_person)
    list_participants = Bound(people.list_participants)
    list_people = Bound(people.list_people)
    merge_into = Bound(people.merge_into)
    rename = Bound(people.rename)
    separations = Bound(people.separations)
    set_role = Bound(people.set_role)
    summaries = Bound(people.summaries)


class PersonDecisionsRepository(Repository):
    """What callers outside the store use of `store.person_decisions`."""

    decided_pairs = Bound(person_decisions.decided_pairs)
    get_suggestion = Bound(person_decisions.get_suggestion)
    list_decisions = Bound(person_decisions.list_decisions)
    list_suggestions = Bound(person_decisions.list_suggestions)
    record_decision = Bound(person_decisions.record_decision)
    set_suggestion_status = Bound(person_decisions.set_suggestion_status)
    sync_suggestions = Bound(person_decisions.sync_suggestions)


class PersonTermsRepository(Repository):
    """What callers outside the store use of `store.person_terms`."""

    people_names = Bound(person_terms.people_names)
    person_keys = Bound(person_terms.person_keys)


class MessagesRepository(Repository):
    """What callers outside the store use of `store.messages`."""

    context_around = Bound(messages.context_around)
    conversation_page = Bound(messages.conversation_page)
    get_messages = Bound(messages.get_messages)
    hits_by_conversation = Bound(messages.hits_by_conversation)
    list_conversations = Bound(messages.list_conversations)
    message_counts = Bound(messages.message_counts)
    search_breakdown = Bound(messages.search_breakdown)
    search_count = Bound(messages.search_count)
    search_page = Bound(messages.search_page)
    search_scores = Bound(messages.search_scores)


class SearchOrderRepository(Repository):
    """What callers outside the store use of `store.search_order`."""

    search_page_ordered = Bound(search_order.search_page_ordered)


class SearchlogRepository(Repository):
    """What callers outside the store use of `store.searchlog`."""

    add_unavailable = Bound(searchlog.add_unavailable)
    list_searches = Bound(searchlog.list_searches)
    record_exclusion = Bound(searchlog.record_exclusion)
    record_search = Bound(searchlog.record_search)
    search_rows = Bound(searchlog.search_rows)
    source_statuses = Bound(searchlog.source_statuses)


class ScopeRepository(Repository):
    """What callers outside the store use of `store.scope`."""

    conversation_scope = Bound(scope.conversation_scope)
    disclosure_ids = Bound(scope.disclosure_ids)
    scope_of = Bound(scope.scope_of)
    set_disclosure = Bound(scope.set_disclosure)
    set_relevance = Bound(scope.set_relevance)


class DetectionRepository(Repository):
    """What callers outside the store use of `store.detection`."""

    add_progress = Bound(detection.add_progress)
    count_scanned = Bound(detection.count_scanned)
    count_unscanned = Bound(detection.count_unscanned)
    counts_by_entity = Bound(detection.counts_by_entity)
    finish_run = Bound(detection.finish_run)
    known_people = Bound(detection.known_people)
    list_runs = Bound(detection.list_runs)
    person_name_seeds = Bound(detection.person_name_seeds)
    person_proposals = Bound(withdrawn.person_proposals)
    relabel_findings = Bound(detection.relabel_findings)
    scanned_page = Bound(detection.scanned_page)
    start_run = Bound(detection.start_run)
    titled_conversations = Bound(detection.titled_conversations)
    unscanned_page = Bound(detection.unscanned_page)
    withdraw_proposals = Bound(withdrawn.withdraw_proposals)


class FindingsRepository(Repository):
    """What callers outside the store use of `store.findings`."""

    findings_for = Bound(findings.findings_for)
    save_findings = Bound(findings.save_findings)


class AuditAnchorRepository(Repository):
    """What callers outside the store use of `store.audit_anchor`."""

    verify_all = Bound(audit_anchor.verify_all)
