"""The safety net's terms and what it does with a match (issue 13 item 3).

The net looks for every redacted string (and every alias of a redacted person) elsewhere in
the bundle. It never redacts by itself: a match at a place with no decision stops the export
(`UndecidedPlacesError`, listing message, conversation, field and kind, never the text) until
a reviewer decides the place. A single word shorter than a name, or a common English word, is
never a protected string on its own; a term a reviewer decided to keep at some place leaves the
leak checks' list (the net has checked every other occurrence).
"""

from __future__ import annotations

from collections.abc import Sequence

from sar_desk.core.disclosure import DisclosureDecisions, NetPlace
from sar_desk.core.errors import ExportBlockedError, Hint
from sar_desk.core.findings import ProposalField
from sar_desk.export.terms import clean_term, normalise

# A single word shorter than this is never a protected string on its own ("NI", "Al"): it
# would stop bundles on every "ni" in a URL or "al" in "et al", and says little by itself.
MIN_TERM_CHARS = 3
FIELDS = {
    "text": ProposalField.TEXT,
    "sender": ProposalField.SENDER,
    "attachment": ProposalField.ATTACHMENT,
    "reaction": ProposalField.REACTION,
    "title": ProposalField.CONVERSATION,
}


class UndecidedPlacesError(ExportBlockedError):
    """The safety net found terms redacted elsewhere at places nobody has decided."""

    code = "undecided-places"

    def __init__(self, places: Sequence[NetPlace]) -> None:
        listed = "; ".join(
            f"message {int(p.message_id)} in {p.conversation} ({p.field}, {p.kind})"
            for p in places[:5]
        )
        more = f"; and {len(places) - 5} more" if len(places) > 5 else ""
        super().__init__(
            f"The bundle was not built: {len(places)} places hold a term that is redacted "
            f"elsewhere but has no decision there: {listed}{more}. The safety net never "
            "redacts by itself: accept the same redaction at those places, or record why "
            "the text stays, then export again.",
            hint=Hint.LIST_PLACES,
        )
        self.places = tuple(places)


def protected_alone(term: str, ordinary_words: frozenset[str]) -> bool:
    """Whether a term is a protected string on its own (issue 13).

    A single word shorter than a name or that is a common English word ("Here", "Rota") is
    not: the decision that redacted it at one place says nothing about the word elsewhere.
    Several words, or anything with a digit (numbers, postcodes), always are.
    """
    cleaned = clean_term(term)
    if any(ch.isdigit() for ch in cleaned) or len(cleaned.split()) > 1:
        return bool(cleaned)
    letters = sum(ch.isalnum() for ch in cleaned)
    return letters >= MIN_TERM_CHARS and normalise(cleaned) not in ordinary_words


def net_terms(decisions: DisclosureDecisions) -> tuple[str, ...]:
    """The terms the safety net looks for: listed terms plus every redacted string."""
    terms = set(decisions.protected_terms)
    for group in decisions.redactions.values():
        terms.update(r.text for r in group)
    cleaned = {clean_term(t) for t in terms}
    words = decisions.ordinary_words
    kept = (t for t in cleaned if t and protected_alone(t, words))
    return tuple(sorted(kept, key=lambda t: (t.casefold(), t)))


def protected_terms(decisions: DisclosureDecisions) -> tuple[str, ...]:
    """Every string the bundle must not contain (the leak checks' list).

    The safety net's terms, less those a reviewer decided to keep at some place: the net has
    already checked that such a term appears only at places with a recorded decision.
    """
    kept = {normalise(text) for _m, _f, text in decisions.kept_places}
    return tuple(t for t in net_terms(decisions) if normalise(t) not in kept)


def term_kinds(decisions: DisclosureDecisions) -> dict[str, tuple[str, str]]:
    """(kind, code) per normalised term: how it was redacted elsewhere ("alias" if never)."""
    kinds: dict[str, tuple[str, str]] = {}
    for group in decisions.redactions.values():
        for r in group:
            kinds.setdefault(normalise(clean_term(r.text)), (r.entity_type, r.code.code))
    return kinds
