"""Session methods for the safety net's places (issue 13: no redaction without a decision).

The export's safety net looks for every redacted term elsewhere in the disclosure. It never
redacts by itself: the places it finds are listed here for a reviewer, who decides them through
the normal review path (the same redaction there, approved by a second person, or a recorded
reason why the text stays), and export refuses until every place is decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from sar_desk.app.base import SessionBase
from sar_desk.app.paths import resource_path
from sar_desk.app.reviewing import bundled_code_table
from sar_desk.core.calendar import CALENDAR_WORDS
from sar_desk.core.disclosure import NetPlace
from sar_desk.review.decide import ReviewContext
from sar_desk.review.places import PlacesResult, decide_places
from sar_desk.store.uow import unit_of_work

WORDS_RESOURCE = "words/common-en.txt"


# Month and day names (and their short forms) are ordinary words too: SAR Desk writes them in
# every pack (day headings, the letter's dates), so a lone first name "April" or "June" redacted
# once must not make the safety net or the leak check refuse every bundle dated in that month.
# The word list leaves them out because they are also names (`core.calendar.CALENDAR_WORDS`).


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Common English words, never protected strings on their own (see resources/words).

    Includes `CALENDAR_WORDS`. A full name with such a word ("April Jones") stays protected.
    """
    text = resource_path(WORDS_RESOURCE).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip()) | CALENDAR_WORDS


class PlacesMixin(SessionBase):
    """Listing and deciding the safety net's places."""

    def safety_net_places(self) -> list[NetPlace]:
        """Where a term redacted elsewhere appears in the disclosure with no decision there.

        Accepted redactions count as "redacted elsewhere" as well as approved ones, so the
        places can be decided before the second person approves everything; export checks
        again with the approved redactions only.
        """
        # pandas and the export's matcher load only when the places are asked for.
        from sar_desk.export.redact import find_places
        from sar_desk.review import disclosure

        with unit_of_work(self.store, write=True) as uow:
            uow.decisions.sync_finding_items()
        with unit_of_work(self.store) as uow:
            ids = uow.scope.disclosure_ids()
            decisions = disclosure.disclosure_decisions(
                uow, self.case, bundled_code_table(), ids, ordinary_words(), preview=True
            )
            messages = uow.messages.get_messages([int(i) for i in ids])
        return find_places(self.case, messages, decisions)

    def decide_safety_net_places(
        self,
        *,
        redact: bool,
        reason: str = "",
        message_ids: Sequence[int] | None = None,
    ) -> PlacesResult:
        """Decide the current places (or those in some messages): redact the same, or keep.

        Redacting accepts the same redaction at each place under the code the term was
        redacted with elsewhere; a second person then approves it as usual.
        """
        places = self.safety_net_places()
        if message_ids is not None:
            wanted = {int(i) for i in message_ids}
            places = [p for p in places if int(p.message_id) in wanted]
        ctx = ReviewContext(self.case, bundled_code_table(), self.user, ordinary_words())
        with unit_of_work(self.store, write=True) as uow:
            return decide_places(uow, ctx, places, redact=redact, reason=reason)


__all__ = ["PlacesMixin", "ordinary_words"]
