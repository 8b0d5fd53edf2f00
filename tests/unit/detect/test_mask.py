"""Structure before statistics: links, coordinates, file names and system wording are masked."""

from __future__ import annotations

import pytest

from sar_desk.core.model import MessageId, PersonId, PersonRole, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext, KnownPerson
from sar_desk.detect.detector import InProcessDetector
from sar_desk.detect.mask import mask, regions

CONTEXT = CaseContext(Regime.SAR)


def test_masked_text_keeps_offsets_and_hides_each_kind() -> None:
    text = (
        "here https://maps.google.com/?q=51.507351,-0.127758 and PTT-20180129-WA0025.opus, "
        "This message was deleted, see https://example.org/jo"
    )
    kinds = [r.kind for r in regions(text)]
    assert kinds == ["map", "file", "system", "url"]
    masked = mask(text)
    assert len(masked) == len(text)
    assert "0.127758" not in masked
    assert "WA0025" not in masked
    assert "deleted" not in masked
    assert masked.startswith("here ")
    assert " and " in masked


def test_bare_coordinates_and_lorem_ipsum_are_masked() -> None:
    text = "pin 50.263200, -5.051000 ok. Lorem ipsum dolor sit amet, consectetur"
    assert [r.kind for r in regions(text)] == ["coordinates", "filler"]


def test_email_domains_and_plain_numbers_are_not_masked() -> None:
    assert regions("mail jo@example.org or ring 07911 123456 about 3.5 hours") == ()


def test_nothing_is_proposed_on_maps_files_system_lines_or_products(
    fake_detector: InProcessDetector,
) -> None:
    texts = [
        "meet here https://www.google.com/maps/place/55.041902,-1.765043",
        "PTT-20180129-WA0025.opus (file attached)",
        "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.",
        "ping me on Teams when you are back",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit",
    ]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    assert analyze_all(fake_detector, items, CONTEXT) == []


def test_plain_links_are_still_proposed(fake_detector: InProcessDetector) -> None:
    found = analyze_all(fake_detector, [(MessageId(1), "see https://example.org/u/jo")], CONTEXT)
    assert [(f.entity_type, f.text) for f in found] == [("URL", "https://example.org/u/jo")]


def test_texts_without_letters_skip_the_model_but_keep_numbers(
    fake_detector: InProcessDetector,
) -> None:
    found = analyze_all(fake_detector, [(MessageId(1), "07911 123456 !!")], CONTEXT)
    assert [f.entity_type for f in found] == ["PHONE_NUMBER"]


@pytest.mark.parametrize(
    "text",
    [
        "Bis morgen, und danke für alles",  # written for this test, not from a corpus
        "Kommst du heute noch ins Büro?",
        "Liebe Grüße und ein schönes Wochenende",
    ],
)
def test_german_clauses_are_masked(text: str) -> None:
    assert [(r.kind, r.start, r.end) for r in regions(text)] == [("foreign", 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "tell Hope the bloods are back for her",
        "Danke Klaus",  # too short to call German: the name may still be proposed
        "will you be in the office with him today, Hans?",
        "Dieter Braun was here to see his mum at 3",
    ],
)
def test_english_and_short_lines_are_not_german(text: str) -> None:
    assert [r for r in regions(text) if r.kind == "foreign"] == []


def test_a_german_line_beside_an_english_one_masks_only_the_german(
    fake_detector: InProcessDetector,
) -> None:
    text = "Guten Morgen, wie geht es euch?\nSam Patel rang about the rota"
    found = analyze_all(fake_detector, [(MessageId(1), text)], CONTEXT)
    assert [f.text for f in found if f.entity_type == "PERSON"] == ["Sam Patel"]


def test_a_person_known_to_the_case_is_still_found_inside_german(
    fake_detector: InProcessDetector,
) -> None:
    from sar_desk.core.model import PersonId, PersonRole
    from sar_desk.detect.case_terms import KnownPerson

    known = KnownPerson(PersonId(7), PersonRole.THIRD_PARTY, names=("Greta Vogel",))
    context = CaseContext(Regime.SAR, (known,), ())
    text = "Kannst du bitte Greta Vogel morgen anrufen? Danke dir, bis bald"
    # The German is masked; since session 18 the listed names inside it are left unmasked.
    assert {r.kind for r in regions(text)} == {"foreign"}
    assert "anrufen" not in mask(text)
    assert "Danke" not in mask(text)
    found = analyze_all(fake_detector, [(MessageId(1), text)], context)
    assert [f.text for f in found] == ["Greta Vogel"]


def test_sharp_s_words_count_as_german() -> None:
    text = "Wir sind noch im Büro, liebe Grüße"  # "Grüße" must not become "grüsse"
    assert [r.kind for r in regions(text)] == ["foreign"]


@pytest.mark.parametrize(
    "text",
    [
        "Bore da pawb",
        "Diolch yn fawr iawn",
        "Dzień dobry, dziękuję bardzo",
        "Madainn mhath, ciamar a tha thu?",
        "Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugit.",
        "Bonne journée à tous",
    ],
)
def test_clauses_in_other_languages_are_masked(text: str) -> None:
    assert [(r.kind, r.start, r.end) for r in regions(text)] == [("foreign", 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Maria de la Cruz rang about the rent",  # name particles are not foreign words
        "Mae Evans said diolch",  # one listed word is not a clause in Welsh
        "tell Tal the bore is fixed",
    ],
)
def test_english_with_a_stray_word_is_not_masked(text: str) -> None:
    assert [r for r in regions(text) if r.kind == "foreign"] == []


def test_map_and_meeting_links_are_masked_not_proposed(fake_detector: InProcessDetector) -> None:
    osm = "https://www.openstreetmap.org/?mlat=53.99709&mlon=-5.34571#map=17/53.99709/-5.34571"
    teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
    text = f"pin {osm} and join {teams} or see https://example.org/jo"
    assert [r.kind for r in regions(text)] == ["map", "meeting", "url"]
    found = analyze_all(fake_detector, [(MessageId(1), text)], CONTEXT)
    assert [f.text for f in found] == ["https://example.org/jo"]


@pytest.mark.parametrize(
    "name",
    [
        "IMG@2x.png",
        "avatar_7@3x.webp",
        "voice_2@14-05-2026_08-30-12.ogg",
        "scan.2026.04.11.pdf",
        "WhatsApp Image 2026-01-09 at 14.22.07 (2).jpeg",
        "WhatsApp Audio 2026-02-17 at 07.05.59.opus",
        "rota_v3-FINAL.xlsx",
    ],
)
def test_file_names_with_at_signs_dots_and_spaces_are_masked(name: str) -> None:
    text = f"sent {name} earlier"
    assert [(text[r.start : r.end], r.kind) for r in regions(text)] == [(name, "file")]


@pytest.mark.parametrize(
    ("link", "kind"),
    [
        ("gov.uk/council-tax-bands", "url"),
        ("bit.ly/3xQz7Lp", "url"),
        ("forms.harbury.example.co.uk/bins/request?id=0115496077", "url"),
        ("maps.app.goo.gl/Qw2Er8", "map"),
    ],
)
def test_links_without_a_scheme_are_links(link: str, kind: str) -> None:
    text = f"see {link} for it"
    assert [(text[r.start : r.end], r.kind) for r in regions(text)] == [(link, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "e-mail tomasz.wrobel@harbury.example.co.uk today",
        "a 2.5mg/day dose",
        "and/or, e.g. the gov.uk site",
        "due 12.10/2026",
    ],
)
def test_addresses_domains_and_fractions_are_not_links(text: str) -> None:
    assert regions(text) == ()


def test_nothing_is_proposed_in_file_names_or_bare_links(fake_detector: InProcessDetector) -> None:
    texts = [
        "IMG@2x.png",
        "photo_3@02-11-2026_07-45-18.jpg (file attached)",
        "WhatsApp Video 2026-03-01 at 09.14.52.mp4",
    ]
    items = [(MessageId(i), t) for i, t in enumerate(texts)]
    assert analyze_all(fake_detector, items, CONTEXT) == []
    found = analyze_all(
        fake_detector, [(MessageId(9), "form at gov.uk/apply/07700900123")], CONTEXT
    )
    assert [(f.entity_type, f.text) for f in found] == [("URL", "gov.uk/apply/07700900123")]


def test_a_person_known_to_the_case_is_still_found_inside_a_file_name(
    fake_detector: InProcessDetector,
) -> None:
    known = KnownPerson(PersonId(3), PersonRole.THIRD_PARTY, False, ("Jo Bloggs",), (), (), ())
    context = CaseContext(Regime.SAR, (known,))
    texts = ["here is Jo_Bloggs_CV.docx", "scan: jo.bloggs.payslip.pdf", "Lee_Ward_CV.docx"]
    found = analyze_all(fake_detector, [(MessageId(i), t) for i, t in enumerate(texts)], context)
    # The file name stays masked for the model, so the unknown name in it is not guessed.
    assert [(int(f.message_id), f.text) for f in found] == [(0, "Jo_Bloggs"), (1, "jo.bloggs")]
