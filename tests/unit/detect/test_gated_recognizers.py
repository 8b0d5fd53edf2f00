"""Table test: Presidio's phone and URL recognisers behind their cheap gates."""

from __future__ import annotations

import pytest

from sar_desk.detect.recognizers.gated_recognizers import (
    AnyDomainEmailRecognizer,
    GatedPhoneRecognizer,
    GatedUrlRecognizer,
)

PHONES = [
    ("call +33 1 42 68 53 00 tomorrow", ["+33 1 42 68 53 00"]),
    ("ring 0033 1 42 68 53 00", ["0033 1 42 68 53 00"]),
    ("ticket 1234567890 and 07911 123456", []),  # national forms are UkPhoneRecognizer's
    ("no numbers here", []),
]
URLS = [
    ("see https://intranet.example.org/rota", ["https://intranet.example.org/rota"]),
    ("on www.example.com today", ["www.example.com"]),
    ("ok. see you", []),
]


@pytest.mark.parametrize(("text", "expected"), PHONES)
def test_phone_recognizer_runs_only_on_international_prefixes(
    text: str, expected: list[str]
) -> None:
    results = GatedPhoneRecognizer(supported_regions=("GB",)).analyze(text, ["PHONE_NUMBER"])
    assert [text[r.start : r.end] for r in results] == expected


@pytest.mark.parametrize(("text", "expected"), URLS)
def test_url_recognizer_runs_only_on_dotted_names(text: str, expected: list[str]) -> None:
    results = GatedUrlRecognizer().analyze(text, ["URL"])
    assert [text[r.start : r.end] for r in results] == expected


def test_identifier_recognizers_are_consulted_only_when_a_digit_or_at_sign_is_there() -> None:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, IbanRecognizer

    from sar_desk.detect.recognizers.gated_recognizers import gate

    calls: list[str] = []
    iban = IbanRecognizer()
    original = iban.analyze

    def spy(text: str, entities: list[str], nlp_artifacts: object = None, **kw: object) -> list:
        calls.append(text)
        return original(text, entities, nlp_artifacts, **kw)  # type: ignore[arg-type]

    iban.analyze = spy  # type: ignore[method-assign]
    gated = gate(iban)
    assert gated.analyze("no digits in this line", ["IBAN_CODE"]) == []
    found = gated.analyze("pay GB82 WEST 1234 5698 7654 32 today", ["IBAN_CODE"])
    assert calls == ["pay GB82 WEST 1234 5698 7654 32 today"]
    assert [r.entity_type for r in found] == ["IBAN_CODE"]
    email = gate(EmailRecognizer())
    assert email.analyze("write to jo.bloggs at example dot org", ["EMAIL_ADDRESS"]) == []
    assert len(email.analyze("write to jo.bloggs@example.org", ["EMAIL_ADDRESS"])) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: Ann <ann_lee@mailbox.example>", ["ann_lee@mailbox.example"]),  # reserved TLD
        ("write to j.okafor@trust.local today", ["j.okafor@trust.local"]),  # internal domain
        ("bob@example.co.uk", ["bob@example.co.uk"]),
        ("not an address: a@b.c1", []),
        ("no at sign here.example", []),
    ],
)
def test_email_addresses_at_any_domain(text: str, expected: list[str]) -> None:
    found = AnyDomainEmailRecognizer().analyze(text, ["EMAIL_ADDRESS"])
    assert [text[r.start : r.end] for r in found] == expected


# Each at the fewest digits its pattern allows, so the digit counts can be no higher.
AT_THE_MINIMUM = [
    ("CreditCardRecognizer", "card 4222 222 222 222 on file", "4222 222 222 222"),
    ("NhsRecognizer", "NHS 943 476 5919", "943 476 5919"),
    ("UkNinoRecognizer", "NI AB 12 34 56 C", "AB 12 34 56 C"),
    ("UkPassportRecognizer", "passport AB1234567", "AB1234567"),
    ("UkDrivingLicenceRecognizer", "licence MORGA753116SM9IJ", "MORGA753116SM9IJ"),
]


@pytest.mark.parametrize(("name", "text", "value"), AT_THE_MINIMUM)
def test_number_recognizers_still_find_a_match_with_the_fewest_digits(
    name: str, text: str, value: str
) -> None:
    from presidio_analyzer import predefined_recognizers

    from sar_desk.detect.recognizers.gated_recognizers import gate

    plain = getattr(predefined_recognizers, name)()
    gated = gate(getattr(predefined_recognizers, name)())
    entities = plain.supported_entities
    expected = [text[r.start : r.end] for r in plain.analyze(text, entities)]
    assert value in expected
    assert [text[r.start : r.end] for r in gated.analyze(text, entities)] == expected


def test_number_recognizers_skip_lines_with_too_few_digits() -> None:
    from presidio_analyzer.predefined_recognizers import UkNinoRecognizer

    from sar_desk.detect.recognizers.gated_recognizers import gate

    calls: list[str] = []
    nino = UkNinoRecognizer()
    original = nino.analyze

    def spy(text: str, entities: list[str], nlp_artifacts: object = None, **kw: object) -> list:
        calls.append(text)
        return original(text, entities, nlp_artifacts, **kw)  # type: ignore[arg-type]

    nino.analyze = spy  # type: ignore[method-assign]
    gated = gate(nino)
    assert gated.analyze("see you at 10:30 on the 4th", ["UK_NINO"]) == []
    assert calls == []
    assert len(gated.analyze("NI AB 12 34 56 C", ["UK_NINO"])) == 1


@pytest.mark.parametrize(
    ("name", "text", "runs"),
    [
        ("IpRecognizer", "server 192.168.0.12 is down", True),
        ("IpRecognizer", "fe80::1 on the switch", True),
        ("IpRecognizer", "abcd:ef01:2345:6789:abcd:ef01:2345:6789", True),
        ("IpRecognizer", "see you at 10:30, room 4", False),
        ("CryptoRecognizer", "wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", True),
        ("CryptoRecognizer", "sent 13 texts to 1 person", False),
        ("IbanRecognizer", "IBAN GB82 WEST 1234 5698 7654 32 please", True),
        ("IbanRecognizer", "room 12 at 10:30, 3 of us", False),
        ("UkPostcodeRecognizer", "postcode LS1 4AB", True),
        ("UkPostcodeRecognizer", "back at 10:30, room 4", False),
    ],
)
def test_shaped_recognizers_run_only_on_their_shapes(name: str, text: str, runs: bool) -> None:
    from presidio_analyzer import predefined_recognizers

    from sar_desk.detect.recognizers.gated_recognizers import gate

    calls: list[str] = []
    recognizer = getattr(predefined_recognizers, name)()
    original = recognizer.analyze

    def spy(text: str, entities: list[str], nlp_artifacts: object = None, **kw: object) -> list:
        calls.append(text)
        return original(text, entities, nlp_artifacts, **kw)  # type: ignore[no-any-return]

    recognizer.analyze = spy
    entities = recognizer.supported_entities
    found = gate(recognizer).analyze(text, entities)
    assert calls == ([text] if runs else [])
    if runs:
        assert found  # the address the shape let through is found


@pytest.mark.parametrize(
    "text",
    [
        "iban gb82west12345698765432 and GB82 WEST 1234 5698 7654 32",
        "post to ls1 4ab or LS1 4AB, gir 0aa",
        "room 12 at 10:30, 3 of us on the 4th",
        "ref ab12cd34 ef56",
    ],
)
def test_iban_and_postcode_gates_read_case_as_the_registry_flags_do(text: str) -> None:
    """With the registry's flags (any case, as detection builds them) nothing is lost."""
    import regex
    from presidio_analyzer.predefined_recognizers import IbanRecognizer, UkPostcodeRecognizer

    from sar_desk.detect.recognizers.gated_recognizers import gate

    flags = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
    for kind in (IbanRecognizer, UkPostcodeRecognizer):
        plain, gated = kind(), gate(kind())
        plain.global_regex_flags = gated.global_regex_flags = flags
        entities = plain.supported_entities
        expected = [(r.start, r.end, r.score) for r in plain.analyze(text, entities)]
        assert [(r.start, r.end, r.score) for r in gated.analyze(text, entities)] == expected
