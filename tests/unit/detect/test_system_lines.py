"""Platform system lines are read by their wording: names from their slots, nothing else.

The lines are written here in each platform's published wording (docs/formats.md) with
invented people; they are not taken from any evaluation corpus.
"""

from __future__ import annotations

import pytest
from test_structure import message, run

from sar_desk.core.model import MessageKind
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.system_lines import platform_line, read_system_line


def _slots(text: str) -> tuple[list[str], list[str]]:
    found = read_system_line(text)
    assert found is not None, text
    return [text[a:b] for a, b in found.names], [text[a:b] for a, b in found.subjects]


@pytest.mark.parametrize(
    ("text", "names", "subjects"),
    [
        ("Nkechi Obi added Rhys Price", ["Nkechi Obi", "Rhys Price"], []),
        ("Added Rhys to the group.", ["Rhys"], []),
        ("Nkechi Obi left", ["Nkechi Obi"], []),
        ("@Rhys Price has joined the channel", ["@Rhys Price"], []),
        ('Nkechi Obi created group "Boiler fund"', ["Nkechi Obi"], ['"Boiler fund"']),
        (
            'Nkechi Obi changed the subject from "Rota: May" to "Rota"',
            ["Nkechi Obi"],
            ['"Rota: May"', '"Rota"'],
        ),
        ("Ola Berg hat Kai Roth hinzugefügt", ["Ola Berg", "Kai Roth"], []),
        ("Kai Roth hat die Gruppe verlassen", ["Kai Roth"], []),
        ("Wim de Boer heeft Joke Smit toegevoegd", ["Wim de Boer", "Joke Smit"], []),
        ("Joke Smit heeft de groep verlaten", ["Joke Smit"], []),
        ("Inés Vidal salió del grupo", ["Inés Vidal"], []),
        ("Inés Vidal añadió a Pau Roca", ["Inés Vidal", "Pau Roca"], []),
        ("Zoé Petit a ajouté Hugo Blanc", ["Zoé Petit", "Hugo Blanc"], []),
        ('"Wei Chen" recalled a message', ["Wei Chen"], []),
        ("Your security code with Rhys Price changed. Tap to learn more.", ["Rhys Price"], []),
        ("Call ended: Rhys Price (12.5 s)", ["Rhys Price (12.5 s)"], []),
    ],
)
def test_templates_find_name_and_group_name_slots(
    text: str, names: list[str], subjects: list[str]
) -> None:
    assert _slots(text) == (names, subjects)


@pytest.mark.parametrize(
    "text",
    [
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
        "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.",
        "Berichten en oproepen zijn end-to-end versleuteld. Tik voor meer info.",
        "Diese Nachricht wurde gelöscht",
        "Se eliminó este mensaje",
        "Dit bericht is verwijderd",
        "Ce message a été supprimé",
        "This business uses a secure service from Meta to manage this chat.",
    ],
)
def test_platform_notices_name_nobody(text: str) -> None:
    assert _slots(text) == ([], [])


def test_only_platform_kinds_are_read_and_unknown_wording_is_left_alone() -> None:
    assert platform_line(MessageKind.MESSAGE, "Nkechi Obi left") is None  # a user's words
    assert platform_line(MessageKind.SYSTEM, "Some event no template knows") is None
    # A deleted message whose text an export recovered is the user's words, not a notice.
    assert platform_line(MessageKind.DELETED, "see you at Rhys's") is None
    assert platform_line(MessageKind.DELETED, "This message was deleted") is not None


def test_a_system_line_proposes_its_people_and_not_its_wording(
    fake_detector: InProcessDetector,
) -> None:
    # "Jo Bloggs" is a name the fake model tags: in the slot it is proposed by the structure.
    line = message(
        'Jo Bloggs changed the subject from "Sam Patel leaving do" to "Priya fund"',
        kind=MessageKind.SYSTEM,
        sender=None,
        sender_id=None,
    )
    out = run(fake_detector, line)
    texts = sorted(t for field, t, _e in out if field == "text")
    # The actor from the slot; Sam Patel is known to the case, so found in the group name too;
    # the model's guess "Priya" in the group name is not a proposal.
    assert texts == ["Jo Bloggs", "Sam Patel"]


def test_list_slots_drop_placeholders_quotes_and_call_times(
    fake_detector: InProcessDetector,
) -> None:
    added = message(
        "Jo Bloggs added Rhys Price, Deleted Account and Priya",
        kind=MessageKind.SYSTEM,
        sender=None,
        sender_id=None,
    )
    assert sorted(t for _f, t, _e in run(fake_detector, added)) == [
        "Jo Bloggs",
        "Priya",
        "Rhys Price",
    ]
    call = message(
        "Call ended: Rhys Price (84.82 s), Jo Bloggs (84.82 s)",
        kind=MessageKind.CALL,
        sender=None,
        sender_id=None,
    )
    assert sorted(t for _f, t, _e in run(fake_detector, call)) == ["Jo Bloggs", "Rhys Price"]


def test_the_same_words_typed_by_a_person_are_read_as_usual(
    fake_detector: InProcessDetector,
) -> None:
    typed = message("Jo Bloggs changed the subject again", sender=None, sender_id=None)
    assert ("text", "Jo Bloggs", "PERSON") in run(fake_detector, typed)
