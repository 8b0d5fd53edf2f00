"""The review repositories of a unit of work: store functions with the connection bound.

Each class fronts one store module and lists (with `Bound`) the functions that feature code
calls; `store.uow.UnitOfWork` hands them out as ``uow.<module>``. Adding a function a caller
needs is one line here.
"""

from __future__ import annotations

from sar_desk.store import (
    attachment_review,
    attachments,
    decisions,
    deliveries,
    elusion,
    exclusions,
    legal_records,
    pit,
    signoffs,
    subjects,
    users,
)
from sar_desk.store.repository import Bound, Repository


class DecisionsRepository(Repository):
    """What callers outside the store use of `store.decisions`."""

    add_item = Bound(decisions.add_item)
    add_signoff = Bound(decisions.add_signoff)
    add_third_party_record = Bound(decisions.add_third_party_record)
    conversation_ids = Bound(decisions.conversation_ids)
    events_by_item = Bound(decisions.events_by_item)
    events_for = Bound(decisions.events_for)
    finding_entity_types = Bound(decisions.finding_entity_types)
    latest_signoff = Bound(decisions.latest_signoff)
    list_items = Bound(decisions.list_items)
    message_times = Bound(decisions.message_times)
    person_aliases = Bound(decisions.person_aliases)
    person_ids_with_role = Bound(decisions.person_ids_with_role)
    record_event = Bound(decisions.record_event)
    sync_finding_items = Bound(decisions.sync_finding_items)
    third_party_history = Bound(decisions.third_party_history)


class SignoffsRepository(Repository):
    """What callers outside the store use of `store.signoffs`."""

    void_signoff = Bound(signoffs.void_signoff)


class SubjectsRepository(Repository):
    """What callers outside the store use of `store.subjects`."""

    add_link = Bound(subjects.add_link)
    current_links = Bound(subjects.current_links)


class PitRepository(Repository):
    """What callers outside the store use of `store.pit`."""

    add_public_interest_test = Bound(pit.add_public_interest_test)
    add_qualified_person_opinion = Bound(pit.add_qualified_person_opinion)
    add_sample = Bound(pit.add_sample)
    close_sample = Bound(pit.close_sample)
    current_public_interest_tests = Bound(pit.current_public_interest_tests)
    current_qualified_person_opinions = Bound(pit.current_qualified_person_opinions)
    samples = Bound(pit.samples)


class ElusionRepository(Repository):
    """What callers outside the store use of `store.elusion`."""

    add_mark = Bound(elusion.add_mark)
    add_test = Bound(elusion.add_test)
    current_marks = Bound(elusion.current_marks)
    list_tests = Bound(elusion.list_tests)


class ExclusionsRepository(Repository):
    """What callers outside the store use of `store.exclusions`."""

    add_approvals = Bound(exclusions.add_approvals)
    approvals = Bound(exclusions.approvals)
    scope_exclusions = Bound(exclusions.scope_exclusions)


class LegalRecordsRepository(Repository):
    """What callers outside the store use of `store.legal_records`."""

    add_legitimate_interests_test = Bound(legal_records.add_legitimate_interests_test)
    current_legitimate_interests_tests = Bound(legal_records.current_legitimate_interests_tests)


class DeliveriesRepository(Repository):
    """What callers outside the store use of `store.deliveries`."""

    add_delivery = Bound(deliveries.add_delivery)
    list_deliveries = Bound(deliveries.list_deliveries)


class UsersRepository(Repository):
    """What callers outside the store use of `store.users`."""

    get_user = Bound(users.get_user)
    list_users = Bound(users.list_users)
    put_user = Bound(users.put_user)
    set_passphrase_hash = Bound(users.set_passphrase_hash)


class AttachmentReviewRepository(Repository):
    """What callers outside the store use of `store.attachment_review`."""

    add_event = Bound(attachment_review.add_event)
    events_of = Bound(attachment_review.events_of)


class AttachmentsRepository(Repository):
    """What callers outside the store use of `store.attachments`."""

    add_attachments = Bound(attachments.add_attachments)
    attachments_of = Bound(attachments.attachments_of)
    findings_of = Bound(attachments.findings_of)
    get_attachment = Bound(attachments.get_attachment)
    get_text = Bound(attachments.get_text)
    list_attachments = Bound(attachments.list_attachments)
    mark_scanned = Bound(attachments.mark_scanned)
    resolve_message_ids = Bound(attachments.resolve_message_ids)
    save_findings = Bound(attachments.save_findings)
    save_text = Bound(attachments.save_text)
    status_counts = Bound(attachments.status_counts)
    unread = Bound(attachments.unread)
    unscanned = Bound(attachments.unscanned)
