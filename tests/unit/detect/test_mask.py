"""Structure before statistics: links, coordinates, file names and system wording are masked."""

from __future__ import annotations

from sar_desk.core.model import MessageId, Regime
from sar_desk.detect.analyze import analyze_all
from sar_desk.detect.case_terms import CaseContext
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
    assert regions("mail jo@example.org or ring 07911 123456 about 3.5 hours") == []


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
