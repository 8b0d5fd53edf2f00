"""Review items as reviewers see them, and the case's review settings.

`ItemView` is an item with its folded state; `ReviewContext` is what every decision needs;
`ReviewSettings` are the case-level thresholds and the staff-names policy.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sar_desk.core.decisions import (
    ItemState,
    ReviewItem,
    ReviewStatus,
    fold,
    initial_state,
)
from sar_desk.core.disclosure import StaffPolicy
from sar_desk.core.errors import Hint, NotFoundError
from sar_desk.core.identity import classify_identifier, name_key
from sar_desk.core.model import Case, IdentifierKind
from sar_desk.review.codes import CodeTable
from sar_desk.store.uow import UnitOfWork

_SETTINGS_KEY = "review_settings"


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    """Case-level review settings (stored in the case, house style 12).

    Attributes:
        bulk_warning_threshold: Bulk actions over this many items need confirmation (R78).
        third_party_signoff_threshold: More third parties than this needs DPO sign-off (R54).
        child_data: The case involves a child's data (needs DPO sign-off, R54).
        staff_names: What the pack does with staff acting in an official capacity: disclose
            (the default: ICO guidance, senior staff names are usually disclosed), label
            ("Officer 1") or redact (issue 13 item 7). A simple case setting, so that it can
            later default from the organisation's profile.
    """

    bulk_warning_threshold: int = 50
    third_party_signoff_threshold: int = 10
    child_data: bool = False
    staff_names: str = str(StaffPolicy.DISCLOSE)

    @property
    def staff_policy(self) -> StaffPolicy:
        """The staff policy as an enum (an unknown stored value falls back to disclose)."""
        try:
            return StaffPolicy(self.staff_names)
        except ValueError:
            return StaffPolicy.DISCLOSE


def load_settings(uow: UnitOfWork) -> ReviewSettings:
    """The case's review settings (defaults where unset)."""
    raw = uow.case.get_meta(_SETTINGS_KEY)
    data = json.loads(raw) if raw else {}
    known = {k: v for k, v in data.items() if k in ReviewSettings.__dataclass_fields__}
    return ReviewSettings(**known)


def save_settings(uow: UnitOfWork, user: str, settings: ReviewSettings) -> None:
    """Store new review settings, audited."""
    uow.case.set_meta(_SETTINGS_KEY, json.dumps(asdict(settings), sort_keys=True))
    uow.audit.append(user, "review-settings", asdict(settings))


@dataclass(frozen=True, slots=True)
class ReviewContext:
    """What every decision needs: the case, the code table and who is acting.

    `ordinary_words` are common English words: a "name" that is one of them alone ("Rota",
    "Here") is not taken as another individual's name by default.
    """

    case: Case
    table: CodeTable
    user: str
    ordinary_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ItemView:
    """A review item with its current (folded) state."""

    item: ReviewItem
    state: ItemState

    @property
    def status(self) -> ReviewStatus:
        """The current status."""
        return self.state.status

    @property
    def text(self) -> str:
        """The current span text (after any modification)."""
        return self.state.text if self.state.text is not None else self.item.text


class WithholdBasis(enum.StrEnum):
    """The confirmation R39 asks for before withholding a whole message."""

    MEANINGLESS = "meaningless"  # redaction would leave the item meaningless
    EXEMPT = "exempt"  # the whole item is exempt

    @property
    def sentence(self) -> str:
        """What the user confirmed."""
        if self is WithholdBasis.MEANINGLESS:
            return "Confirmed: redacting this message would leave it meaningless."
        return "Confirmed: the whole message is exempt."


def load_views(uow: UnitOfWork, status: ReviewStatus | None = None) -> list[ItemView]:
    """Every review item with its state, optionally only those in one status."""
    history = uow.decisions.events_by_item()
    views = [
        ItemView(item, fold(history.get(item.id, ()), initial_state(item)))
        for item in uow.decisions.list_items()
    ]
    return [v for v in views if status is None or v.status == status]


def views_by_id(uow: UnitOfWork, ids: Sequence[int]) -> list[ItemView]:
    """Items by id, in the order given.

    Raises:
        NotFoundError: Some ids are not review items (names them).
    """
    found = {i.id: i for i in uow.decisions.list_items(ids)}
    missing = [int(i) for i in ids if int(i) not in found]
    if missing:
        raise NotFoundError(
            f"No review item {', '.join(map(str, missing))} in this case; the review list "
            "shows the items.",
            hint=Hint.LIST_REVIEW,
        )
    return [
        ItemView(
            found[int(i)], fold(uow.decisions.events_for(int(i)), initial_state(found[int(i)]))
        )
        for i in dict.fromkeys(ids)
    ]


def match_key(value: str, region: str = "GB") -> str:
    """A comparison key: E.164 for phones, lower case for e-mails, accent-free for names."""
    kind, normal = classify_identifier(value, region)
    if kind in (IdentifierKind.NAME, IdentifierKind.HANDLE):
        return name_key(normal)
    return normal.casefold()
